// `reachdiff check`: a scenario's expectations against the static prediction. A case is
// judged by its verdicts only; diagnostics of its policies are reported beside the result
// (a case may hold policies Cilium refuses on purpose).
import { createEngine } from './engine/engine.js'
import type { Diagnostic, Flow, Verdict } from './model.js'
import { makeEngineOptions } from './options.js'
import type { LoadedPolicies } from './policy/document.js'
import { loadPolicyText } from './policy/load.js'
import { normalizePolicies } from './policy/normalize.js'
import { checkExpectationCoverage, expectedVerdict } from './scenario/expectations.js'
import { countFlows, enumerateFlows, MAX_FLOWS } from './scenario/flows.js'
import type { Scenario } from './scenario/scenario.js'
import { generateTopology } from './topology/generate.js'

/** Tags whose features the engine models (docs/scenario-format.md). */
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
  /** Flows no expect entry matches: not judged (only a scenario without `complete: true` has them). */
  unjudged: number
  /** Where the topology came from: the scenario's own, or generated from the policies. */
  topology: 'scenario' | 'generated'
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

/**
 * Judges one scenario. `policies` are the repository's policy files (`check --policies`); without
 * them the scenario's own `policies` block is judged.
 */
export function evaluateCase(
  scenario: Scenario,
  ciliumVersion: string,
  policies?: LoadedPolicies
): CaseResult {
  const base = {
    file: scenario.file,
    name: scenario.name,
    mismatches: [] as Mismatch[],
    diagnostics: [],
    unjudged: 0,
    topology: scenario.topology ? ('scenario' as const) : ('generated' as const)
  }
  const skippedFor = skipReason(scenario.tags)
  if (skippedFor) return { ...base, status: 'skipped', skippedFor, flows: 0, inputErrors: [] }
  const options = makeEngineOptions({
    ciliumVersion,
    enforcement: scenario.enforcement,
    agent: scenario.agent
  })
  const loaded =
    policies ?? loadPolicyText(scenario.policiesText, scenario.file, options, scenario.policiesOrigin)
  const rules = normalizePolicies(loaded, options)
  const topology = scenario.topology ?? generateTopology([rules], options, loaded.namespaces ?? [])
  // A case too large to evaluate, or with flows no entry judges, is bad input, not a failure.
  const size = countFlows(topology)
  if (size > MAX_FLOWS) {
    const message = `the topology has ${size.toLocaleString('en')} flows, more than the ${MAX_FLOWS.toLocaleString('en')} reachdiff evaluates`
    return { ...base, status: 'failed', flows: 0, inputErrors: [caseProblem(scenario, message)] }
  }
  const flows = enumerateFlows({ topology, expect: scenario.expect })
  const coverage = checkExpectationCoverage(flows, scenario.expect, scenario.file)
  // Only a complete scenario must judge every flow; in a partial one an unmatched flow is unjudged.
  const inputErrors = scenario.complete ? coverage.filter((d) => d.severity === 'error') : []
  if (inputErrors.length > 0) return { ...base, status: 'failed', flows: flows.length, inputErrors }

  const engine = createEngine(rules, topology, options)
  const mismatches: Mismatch[] = []
  let judged = 0
  for (const flow of flows) {
    const entry = expectedVerdict(flow, scenario.expect)
    if (!entry) continue
    judged++
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
  if (judged === 0) {
    // Nothing judged would pass silently: an empty expect, or entries naming pods that do not exist.
    const message = `no expect entry matches any of the ${flows.length} flows of the topology`
    return {
      ...base,
      status: 'failed',
      flows: flows.length,
      inputErrors: [caseProblem(scenario, message, 'expect')]
    }
  }
  return {
    ...base,
    status: mismatches.length > 0 ? 'failed' : 'passed',
    flows: flows.length,
    unjudged: flows.length - judged,
    mismatches,
    diagnostics: [...coverage.filter((d) => d.severity !== 'error'), ...loaded.diagnostics],
    inputErrors: []
  }
}

function caseProblem(scenario: Scenario, message: string, path = 'topology'): Diagnostic {
  return { severity: 'error', file: scenario.file, line: 0, column: 0, path, message }
}
