// `reachdiff matrix --policies PATH... [--scenario FILE]`: the predicted matrix as a grid.
import { parseArgs } from 'node:util'
import { predictReport } from '../core/predict.js'
import { streamJsonReport } from '../core/report/json.js'
import { renderMarkdown } from '../core/report/markdown.js'
import { renderText } from '../core/report/text.js'
import type { Report } from '../core/report/report.js'
import { loadPolicyPaths } from '../edge/policy-sources.js'
import { parseFormat, UsageError } from './io.js'
import type { CliIo, OutputFormat } from './io.js'
import { engineOptionsFrom } from './options.js'
import { loadScenarioOrFail, TOOL_VERSION } from './shared.js'

export async function runMatrix(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      policies: { type: 'string', multiple: true },
      scenario: { type: 'string' },
      format: { type: 'string' },
      'cilium-version': { type: 'string' },
      enforcement: { type: 'string' }
    }
  })
  // `--policies a b c`: the words after --policies are more of its values.
  const policies = [...(values.policies ?? []), ...positionals]
  const format = parseFormat(values.format, ['text', 'json', 'markdown'])
  if (!policies.length) throw new UsageError('matrix needs --policies PATH (a file or a directory)')
  const scenario = values.scenario ? await loadScenarioOrFail(values.scenario, io) : undefined
  if (scenario === null) return 2
  const options = engineOptionsFrom(
    { ciliumVersion: values['cilium-version'], enforcement: values.enforcement },
    scenario
  )
  const loaded = await loadPolicyPaths(policies, options)
  const report = predictReport({
    head: { label: policies.join(' '), loaded },
    scenario,
    options,
    toolVersion: TOOL_VERSION
  })
  for (const chunk of renderReport(report, format, io.color)) io.stdout(chunk)
  return report.diagnostics.some((d) => d.severity === 'error') ? 2 : 0
}

/** The report in pieces: JSON is streamed, since a million-flow report is too long for one string. */
export function renderReport(
  report: Report,
  format: OutputFormat,
  color: boolean,
  verbose = false
): Iterable<string> {
  if (format === 'json') return streamJsonReport(report)
  if (format === 'markdown') return [renderMarkdown(report)]
  return [renderText(report, { color, verbose })]
}
