// `reachdiff check FILE|DIR...`: every scenario's expectations against the prediction.
// Ends with `N passed, N failed, N skipped`; exit 0 all passed, 1 a case failed, 2 an input
// was unreadable or invalid.
import { parseArgs } from 'node:util'
import { evaluateCase } from '../core/check.js'
import type { CaseResult } from '../core/check.js'
import type { Diagnostic } from '../core/model.js'
import { describePort, formatDiagnostic } from '../core/model.js'
import { DEFAULT_CILIUM_VERSION } from '../core/options.js'
import { expandPaths } from '../edge/files.js'
import { loadScenarioFile } from '../edge/scenario-file.js'
import { parseFormat, UsageError } from './io.js'
import type { CliIo } from './io.js'
import { checkCiliumVersion } from './options.js'

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { format: { type: 'string' }, 'cilium-version': { type: 'string' } }
  })
  const format = parseFormat(values.format, ['text', 'json'])
  const ciliumVersion = checkCiliumVersion(values['cilium-version'] ?? DEFAULT_CILIUM_VERSION)
  if (positionals.length === 0) throw new UsageError('check needs at least one scenario FILE or DIR')

  const listed = await expandPaths(positionals)
  const inputProblems: Diagnostic[] = [...listed.diagnostics]
  const results: CaseResult[] = []
  for (const file of listed.files) {
    const { scenario, diagnostics } = await loadScenarioFile(file)
    inputProblems.push(...diagnostics.filter((d) => d.severity === 'error' || !scenario))
    if (!scenario) continue
    const result = evaluateCase(scenario, ciliumVersion)
    inputProblems.push(...result.inputErrors)
    if (result.inputErrors.length === 0) results.push(result)
  }
  const counts = {
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    skipped: results.filter((r) => r.status === 'skipped').length
  }
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        { ciliumVersion, summary: counts, cases: results.map(caseJson), inputErrors: inputProblems },
        null,
        2
      ) + '\n'
    )
  } else {
    io.stdout(renderCheckText(results, inputProblems))
    io.stdout(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
  if (inputProblems.some((d) => d.severity === 'error')) return 2
  return counts.failed > 0 ? 1 : 0
}

function renderCheckText(results: readonly CaseResult[], inputProblems: readonly Diagnostic[]): string {
  const lines: string[] = []
  for (const problem of inputProblems) lines.push(formatDiagnostic(problem))
  for (const result of results) {
    if (result.status === 'skipped')
      lines.push(`SKIP ${result.file} (${result.name}): tag ${result.skippedFor}`)
    if (result.status === 'failed') {
      lines.push(
        `FAIL ${result.file} (${result.name}): ${result.mismatches.length} of ${result.flows} flows differ`
      )
      for (const m of result.mismatches) {
        const http = m.flow.http ? ` ${m.flow.http.method} ${m.flow.http.path}` : ''
        const flow = `${m.flow.from} -> ${m.flow.to} ${describePort(m.flow.protocol, m.flow.port)}${http}`
        lines.push(`  ${flow}: expected ${m.expected}, predicted ${m.predicted} (expect at line ${m.line})`)
        lines.push(`    because ${m.reason}`)
      }
    }
    for (const d of result.diagnostics.filter((d) => d.severity !== 'notice')) {
      lines.push(`  note: ${formatDiagnostic(d)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

function caseJson(result: CaseResult): Record<string, unknown> {
  return {
    file: result.file,
    name: result.name,
    status: result.status,
    ...(result.skippedFor ? { skippedFor: result.skippedFor } : {}),
    flows: result.flows,
    mismatches: result.mismatches.map((m) => ({
      ...m.flow,
      expected: m.expected,
      predicted: m.predicted,
      reason: m.reason,
      line: m.line
    })),
    diagnostics: result.diagnostics
  }
}
