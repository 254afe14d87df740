// The static half of the pipeline: policies of base and head, one topology for both, the
// predicted matrices, their diff and the expectations, gathered into a Report.
import { diffMatrices, diffPolicies } from './diff.js'
import { createEngine } from './engine/engine.js'
import { predictMatrix } from './matrix.js'
import type { Matrix } from './matrix.js'
import type { Diagnostic, Namespace, Topology } from './model.js'
import type { EngineOptions } from './options.js'
import { applyAsCluster } from './policy/apply.js'
import type { LoadedPolicies } from './policy/document.js'
import { normalizePolicies } from './policy/normalize.js'
import { describeUnmodelled } from './policy/unmodelled.js'
import type { Report, Violation } from './report/report.js'
import { expectedVerdict } from './scenario/expectations.js'
import { countFlows, enumerateFlows, MAX_FLOWS } from './scenario/flows.js'
import type { ExpectEntry, Scenario } from './scenario/scenario.js'
import { planTopology } from './topology/generate.js'
import { readWorkloads } from './topology/workloads.js'
import type { GivenTopology } from './topology/workloads.js'
import { policyBudgetProblems, withoutPolicies } from './policy-budget.js'
import { raiseHint, workLimits } from './budget.js'

export interface PolicySide {
  /** A git revision, a directory, or a description such as "no policies". */
  label: string
  loaded: LoadedPolicies
}

export interface PredictInput {
  base?: PolicySide
  head: PolicySide
  /**
   * The user's own pods: workloads and namespaces from files given apart from the policies
   * (workloads beside the policies count too), and a saved `kubectl get namespaces,pods -A -o json`.
   */
  workloads?: LoadedPolicies
  snapshot?: LoadedPolicies
  /** Topology and expectations; without one, the topology is generated from the policies. */
  scenario?: Pick<Scenario, 'topology' | 'expect' | 'file'>
  options: EngineOptions
  toolVersion: string
}

/**
 * The policy sets as a cluster would hold them after applying base, then head (broken files
 * keep their previous objects, the last of two duplicates wins). Cluster mode applies these
 * same sets, so prediction and observation start from the same objects.
 */
export function appliedSides(input: Pick<PredictInput, 'base' | 'head'>): {
  base?: PolicySide
  head: PolicySide
} {
  const applied = applyAsCluster(input.base?.loaded, input.head.loaded)
  return {
    base: input.base && applied.base ? { ...input.base, loaded: applied.base } : undefined,
    head: { ...input.head, loaded: applied.head }
  }
}

export function predictReport(original: PredictInput): Report {
  // Over-budget policies are set aside (with a diagnostic) before anything is evaluated.
  const overBudget = policyBudgetProblems(original)
  const admitted = overBudget.length > 0 ? withoutPolicies(original, overBudget) : original
  const input = { ...admitted, ...appliedSides(admitted) }
  const { options } = input
  const baseRules = input.base ? normalizePolicies(input.base.loaded, options) : undefined
  const headRules = normalizePolicies(input.head.loaded, options)
  const declared = [
    ...(input.snapshot?.namespaces ?? []),
    ...(input.workloads?.namespaces ?? []),
    ...(input.base?.loaded.namespaces ?? []),
    ...(input.head.loaded.namespaces ?? [])
  ]
  const generated = input.scenario?.topology
    ? undefined
    : planTopology(
        baseRules ? [baseRules, headRules] : [headRules],
        options,
        uniqueByName(declared),
        givenPods(input)
      )
  const topology: Topology = input.scenario?.topology ?? generated!.topology
  const size = countFlows(topology)
  const maxFlows = Math.min(MAX_FLOWS, workLimits(options.limits).flows)
  const tooLarge = size > maxFlows
  const flows = tooLarge ? [] : enumerateFlows({ topology, expect: input.scenario?.expect ?? [] })
  const predict = (rules: typeof headRules): Matrix =>
    predictMatrix(createEngine(rules, topology, options), flows)
  const headMatrix = predict(headRules)
  const baseMatrix = baseRules ? predict(baseRules) : undefined
  const countValid = (side: PolicySide): number => side.loaded.policies.filter((p) => p.valid).length
  return {
    toolVersion: input.toolVersion,
    ciliumVersion: options.ciliumVersion,
    base:
      input.base && baseMatrix
        ? { label: input.base.label, matrix: baseMatrix, policyCount: countValid(input.base) }
        : undefined,
    head: { label: input.head.label, matrix: headMatrix, policyCount: countValid(input.head) },
    topology,
    topologySource: input.scenario?.topology ? 'scenario' : 'generated',
    diff: baseMatrix ? diffMatrices(baseMatrix, headMatrix) : undefined,
    policyChanges: input.base
      ? diffPolicies(
          input.base.loaded.policies,
          input.head.loaded.policies,
          errorFiles(input.head.loaded.diagnostics)
        )
      : undefined,
    violations: findViolations(headMatrix, input.scenario?.expect ?? [], input.scenario?.file ?? ''),
    disagreements: [],
    flaky: [],
    diagnostics: [
      ...(tooLarge ? [tooLargeDiagnostic(input, topology, size, maxFlows)] : []),
      ...input.head.loaded.diagnostics,
      ...describeUnmodelled(input.head.loaded.policies),
      ...(generated?.diagnostics ?? []),
      ...(input.workloads?.diagnostics ?? []),
      ...(input.snapshot?.diagnostics ?? []),
      ...(input.base ? atBase(input.base.loaded.diagnostics) : [])
    ]
  }
}

function tooLargeDiagnostic(
  input: PredictInput,
  topology: Topology,
  flows: number,
  maxFlows: number
): Diagnostic {
  const source = input.scenario?.topology ? 'the scenario' : 'the topology generated from the policies'
  return {
    severity: 'error',
    file: input.scenario?.file ?? '',
    line: 0,
    column: 0,
    path: '',
    message: `${source} has ${topology.pods.length} pods and ${flows.toLocaleString('en')} flows, more than the ${maxFlows.toLocaleString('en')} reachdiff evaluates per side (limit flows); nothing was evaluated`,
    expected: `a scenario file (reachdiff.yaml) with a smaller topology: the pods and ports that matter${
      maxFlows < MAX_FLOWS ? `; or ${raiseHint('flows', workLimits(input.options.limits))}` : ''
    }`
  }
}

/** Expectations are about the result of the change: they are checked against the head. */
export function findViolations(matrix: Matrix, expect: readonly ExpectEntry[], file: string): Violation[] {
  if (expect.length === 0) return []
  const violations: Violation[] = []
  for (const cell of matrix.cells) {
    const entry = expectedVerdict(cell.flow, expect)
    if (entry && entry.verdict !== cell.verdict) {
      violations.push({
        flow: cell.flow,
        expected: entry.verdict,
        actual: cell.verdict,
        reason: cell.reason,
        file,
        line: entry.line
      })
    }
  }
  return violations
}

/** Workloads beside the head's policies or given apart, and the snapshot's pods. */
function givenPods(input: PredictInput): GivenTopology {
  const fromSnapshot = new Set(input.snapshot?.workloads ?? [])
  return readWorkloads(
    [...(input.head.loaded.workloads ?? []), ...(input.workloads?.workloads ?? []), ...fromSnapshot],
    (workload) => (fromSnapshot.has(workload) ? 'snapshot' : 'workload')
  )
}

function errorFiles(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))
}

/** A namespace declared on both sides counts once; the head's labels win. */
function uniqueByName(namespaces: readonly Namespace[]): Namespace[] {
  return [...new Map(namespaces.map((namespace) => [namespace.name, namespace])).values()]
}

/** Problems of the base revision are reported too, marked so they are not taken for the head's. */
function atBase(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, message: `at base: ${d.message}`, revision: 'base' as const }))
}
