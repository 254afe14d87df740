// `reachdiff check [--policies PATH|GLOB]... [FILE|DIR...]`: every scenario's expectations against
// the prediction. Ends with `N passed, N failed, N skipped` (and `, N invalid` when some scenario
// could not be read or judged); exit 0 all passed, 1 a case failed, 2 an input was unreadable or
// invalid.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { evaluateCase } from '../core/check.js'
import type { CaseResult } from '../core/check.js'
import type { Diagnostic } from '../core/model.js'
import { describePort, formatDiagnostic } from '../core/model.js'
import { DEFAULT_CILIUM_VERSION, makeEngineOptions } from '../core/options.js'
import type { LoadedPolicies } from '../core/policy/document.js'
import type { Scenario } from '../core/scenario/scenario.js'
import { expandPaths } from '../edge/files.js'
import { loadScenarioFile } from '../edge/scenario-file.js'
import { parseFormat, UsageError } from './io.js'
import type { CliIo } from './io.js'
import { checkCiliumVersion, warnAboutCiliumVersion } from './cli-options.js'
import { loadPolicyArguments, openable } from './policy-paths.js'

/** The scenario a repository keeps at its root, used when no FILE is given. */
const DEFAULT_SCENARIO = 'reachdiff.yaml'

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'cilium-version': { type: 'string' },
      policies: { type: 'string', multiple: true }
    }
  })
  const format = parseFormat(values.format, ['text', 'json'])
  const ciliumVersion = checkCiliumVersion(values['cilium-version'] ?? DEFAULT_CILIUM_VERSION)
  warnAboutCiliumVersion(ciliumVersion, io)
  const { scenarioPaths, policyArgs } = splitArguments(values.policies, positionals, io.cwd)
  // The repository's policy files: named with --policies, or the default layout when the
  // scenario is the repository's own reachdiff.yaml. Otherwise each case judges its own block.
  const usesPolicyFiles = policyArgs !== undefined || positionals.length === 0

  const listed = await expandPaths(scenarioPaths.map((path) => openable(path, io.cwd)))
  const inputProblems: Diagnostic[] = [...listed.diagnostics]
  let invalid = listed.diagnostics.length
  const results: CaseResult[] = []
  for (const file of listed.files) {
    const { scenario, diagnostics } = await loadScenarioFile(file)
    inputProblems.push(...diagnostics.filter((d) => d.severity === 'error' || !scenario))
    if (!scenario) {
      invalid++
      continue
    }
    const policies = usesPolicyFiles
      ? await policyFilesFor(scenario, policyArgs ?? [], io.cwd, ciliumVersion)
      : undefined
    const result = evaluateCase(scenario, ciliumVersion, policies)
    inputProblems.push(...result.inputErrors)
    if (result.inputErrors.length === 0) results.push(result)
    else invalid++
  }
  const counts = {
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
    invalid
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
    // The closing line other tools read: the fourth count only appears when there is one.
    const invalidCount = invalid > 0 ? `, ${invalid} invalid` : ''
    io.stdout(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${invalidCount}\n`)
  }
  if (invalid > 0 || inputProblems.some((d) => d.severity === 'error')) return 2
  return counts.failed > 0 ? 1 : 0
}

/**
 * Scenario paths and policy arguments. `--policies a b FILE`: as for diff, the words after
 * --policies are more policy paths, except the last, which is the scenario. Without a scenario
 * path, the repository's reachdiff.yaml.
 */
function splitArguments(
  policies: readonly string[] | undefined,
  positionals: readonly string[],
  cwd: string
): { scenarioPaths: string[]; policyArgs?: string[] } {
  if (positionals.length === 0) {
    if (!existsSync(openable(DEFAULT_SCENARIO, cwd))) {
      throw new UsageError(`check needs a scenario FILE or DIR; there is no ${DEFAULT_SCENARIO} in ${cwd}`)
    }
    return { scenarioPaths: [DEFAULT_SCENARIO], policyArgs: policies ? [...policies] : undefined }
  }
  if (policies === undefined) return { scenarioPaths: [...positionals] }
  return { scenarioPaths: positionals.slice(-1), policyArgs: [...policies, ...positionals.slice(0, -1)] }
}

/** The policy files, loaded with the scenario's own engine settings (they decide validation). */
async function policyFilesFor(
  scenario: Scenario,
  args: readonly string[],
  cwd: string,
  ciliumVersion: string
): Promise<LoadedPolicies> {
  const options = makeEngineOptions({
    ciliumVersion,
    enforcement: scenario.enforcement,
    agent: scenario.agent
  })
  return loadPolicyArguments(args, cwd, options)
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
    if (result.unjudged > 0) {
      lines.push(
        `note: ${result.file} (${result.name}): ${result.unjudged} of ${result.flows} flows match no expect entry and were not judged`
      )
    }
    if (result.topology === 'generated') {
      lines.push(
        `note: ${result.file} (${result.name}): no topology given; used the one generated from the policies`
      )
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
    unjudged: result.unjudged,
    topology: result.topology,
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
