// `reachdiff check`: a scenario's expectations against the static prediction. A case is
// judged by its verdicts only; diagnostics of its policies are reported beside the result
// (a case may hold policies Cilium refuses on purpose).
import { createEngine } from './engine/engine.js'
import type { Diagnostic, Flow, Verdict } from './model.js'
import { makeEngineOptions } from './options.js'
import { loadPolicyText } from './policy/load.js'
import { normalizePolicies } from './policy/normalize.js'
import { expectedVerdict } from './scenario/expectations.js'
import { enumerateFlows } from './scenario/flows.js'
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
  diagnostics: Diagnostic[]
}

export function skipReason(tags: readonly string[]): string | undefined {
  if (tags.includes(DIVERGENCE_TAG)) return DIVERGENCE_TAG
  return tags.find((tag) => !SUPPORTED_TAGS.includes(tag))
}

export function evaluateCase(scenario: Scenario, ciliumVersion: string): CaseResult {
  const base = { file: scenario.file, name: scenario.name, mismatches: [] as Mismatch[] }
  const skippedFor = skipReason(scenario.tags)
  if (skippedFor) return { ...base, status: 'skipped', skippedFor, flows: 0, diagnostics: [] }
  const options = makeEngineOptions({
    ciliumVersion,
    enforcement: scenario.enforcement,
    agent: scenario.agent
  })
  const loaded = loadPolicyText(scenario.policiesText, scenario.file, options, scenario.policiesOrigin)
  const engine = createEngine(normalizePolicies(loaded, options), scenario.topology, options)
  const flows = enumerateFlows(scenario)
  const mismatches: Mismatch[] = []
  for (const flow of flows) {
    const entry = expectedVerdict(flow, scenario.expect)
    if (!entry) continue // coverage problems are reported by the scenario parser
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
    diagnostics: loaded.diagnostics
  }
}
