// `reachdiff check`: a scenario's expectations against the static prediction. A case is
// judged by its verdicts only; diagnostics of its policies are reported beside the result
// (a case may hold policies Cilium refuses on purpose).
import { createEngine } from './engine/engine.js'
import type { Diagnostic, Flow, Verdict } from './model.js'
import { makeEngineOptions } from './options.js'
import { loadPolicyText } from './policy/load.js'
import { normalizePolicies } from './policy/normalize.js'
import { checkExpectationCoverage, expectedVerdict } from './scenario/expectations.js'
import { countFlows, enumerateFlows, MAX_FLOWS } from './scenario/flows.js'
import type { Scenario } from './scenario/scenario.js'

/** Tags whose features the engine models (conformance/FORMAT.md). */
export const SUPPORTED_TAGS: readonly string[] = [
  'k8s-netpol',
  'cnp',
  'ccnp',
  'deny',
  'entities',
  'cidr',
  'l7',
  'sctp',
  'icmp',
  'named-ports',
  'endport',
  'enforcement-mode',
  'default-deny-flag',
  'udp',
  'cidr-group',
  'invalid-policy'
]

/** Upstream expectations where Cilium knowingly behaves otherwise: a Cilium engine skips them. */
export const DIVERGENCE_TAG = 'cilium-diverges'

export interface Mismatch {
  flow: Flow
  expected: Verdict
  predicted: Verdict
  reason: string
  /** Line of the expect entry that set the expectation. */
  line: number
}

export interface CaseResult {
  file: string
  name: string
  status: 'passed' | 'failed' | 'skipped'
  /** For a skipped case: the tag that caused it. */
  skippedFor?: string
  flows: number
  mismatches: Mismatch[]
  /** Problems of the case's policies: reported beside the result, which they do not decide. */
  diagnostics: Diagnostic[]
  /** Problems that keep the case from being judged: the case file is bad input. */
  inputErrors: Diagnostic[]
}

export function skipReason(tags: readonly string[]): string | undefined {
  if (tags.includes(DIVERGENCE_TAG)) return DIVERGENCE_TAG
  return tags.find((tag) => !SUPPORTED_TAGS.includes(tag))
}

export function evaluateCase(scenario: Scenario, ciliumVersion: string): CaseResult {
  const base = { file: scenario.file, name: scenario.name, mismatches: [] as Mismatch[], diagnostics: [] }
  const skippedFor = skipReason(scenario.tags)
  if (skippedFor) return { ...base, status: 'skipped', skippedFor, flows: 0, inputErrors: [] }
  // A case too large to evaluate, or with flows no entry judges, is bad input, not a failure.
  const size = countFlows(scenario.topology)
  if (size > MAX_FLOWS) {
    const message = `the topology has ${size.toLocaleString('en')} flows, more than the ${MAX_FLOWS.toLocaleString('en')} reachdiff evaluates`
    return { ...base, status: 'failed', flows: 0, inputErrors: [caseProblem(scenario, message)] }
  }
  const flows = enumerateFlows(scenario)
  const coverage = checkExpectationCoverage(flows, scenario.expect, scenario.file)
  const inputErrors = coverage.filter((d) => d.severity === 'error')
  if (inputErrors.length > 0) return { ...base, status: 'failed', flows: flows.length, inputErrors }

  const options = makeEngineOptions({
    ciliumVersion,
    enforcement: scenario.enforcement,
    agent: scenario.agent
  })
  const loaded = loadPolicyText(scenario.policiesText, scenario.file, options, scenario.policiesOrigin)
  const engine = createEngine(normalizePolicies(loaded, options), scenario.topology, options)
  const mismatches: Mismatch[] = []
  for (const flow of flows) {
    const entry = expectedVerdict(flow, scenario.expect)
    if (!entry) continue // unreachable: coverage was checked above
    const predicted = engine.decideFlow(flow)
    if (predicted.verdict !== entry.verdict) {
      mismatches.push({
        flow,
        expected: entry.verdict,
        predicted: predicted.verdict,
        reason: predicted.reason,
        line: entry.line
      })
    }
  }
  return {
    ...base,
    status: mismatches.length > 0 ? 'failed' : 'passed',
    flows: flows.length,
    mismatches,
    diagnostics: [...coverage, ...loaded.diagnostics],
    inputErrors: []
  }
}

function caseProblem(scenario: Scenario, message: string): Diagnostic {
  return { severity: 'error', file: scenario.file, line: 0, column: 0, path: 'topology', message }
}
