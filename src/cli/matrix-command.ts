// `reachdiff matrix --policies PATH|GLOB... [--scenario FILE]`: the predicted matrix as a grid.
import { parseArgs } from 'node:util'
import { predictReport } from '../core/predict.js'
import { streamJsonReport } from '../core/report/json.js'
import { renderMarkdown } from '../core/report/markdown.js'
import { renderText } from '../core/report/text.js'
import type { Report } from '../core/report/report.js'
import { loadSnapshot, loadWorkloadPaths } from '../edge/topology-sources.js'
import { parseFormat, UsageError } from './io.js'
import type { CliIo, OutputFormat } from './io.js'
import { engineOptionsFrom } from './cli-options.js'
import { loadPolicyArguments } from './policy-paths.js'
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
      enforcement: { type: 'string' },
      workloads: { type: 'string', multiple: true },
      'topology-from': { type: 'string' }
    }
  })
  // `--policies a b c`: the words after --policies are more of its values.
  const policies = [...(values.policies ?? []), ...positionals]
  const format = parseFormat(values.format, ['text', 'json', 'markdown'])
  if (!policies.length)
    throw new UsageError('matrix needs --policies PATH|GLOB (files, directories or globs)')
  const scenario = values.scenario ? await loadScenarioOrFail(values.scenario, io) : undefined
  if (scenario === null) return 2
  const options = engineOptionsFrom(
    { ciliumVersion: values['cilium-version'], enforcement: values.enforcement },
    scenario,
    io
  )
  const loaded = await loadPolicyArguments(policies, io.cwd, options)
  const report = predictReport({
    head: { label: policies.join(' '), loaded },
    workloads: values.workloads ? await loadWorkloadPaths(values.workloads, options) : undefined,
    snapshot: values['topology-from'] ? await loadSnapshot(values['topology-from'], options) : undefined,
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
