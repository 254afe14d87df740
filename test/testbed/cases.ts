// Conformance cases as the test bed uses them: the flows, and the verdicts the case expects,
// which are the bed's "policies" and the ground truth its observations are checked against.
import { readFileSync } from 'node:fs'
import type { Matrix } from '../../src/core/matrix.js'
import type { Flow, Topology, Verdict } from '../../src/core/model.js'
import { compareFlows, flowKey, formatDiagnostic } from '../../src/core/model.js'
import { enumerateFlows } from '../../src/core/scenario/flows.js'
import { parseScenario } from '../../src/core/scenario/parse.js'
import type { Scenario } from '../../src/core/scenario/scenario.js'
import { expectedVerdicts } from './rules.js'
import type { ExpectedVerdicts } from './rules.js'

export const CONFORMANCE_DIR = new URL('../../conformance/', import.meta.url)

export interface BedCase {
  /** Conformance cases always state their topology; the bed deploys exactly it. */
  scenario: Scenario & { topology: Topology }
  flows: Flow[]
  expected: ExpectedVerdicts
}

/** `suite/name` (without .yaml) → the case, its flows and its expected verdicts. */
export function loadCase(name: string): BedCase {
  const path = new URL(`${name}.yaml`, CONFORMANCE_DIR).pathname
  const { scenario, diagnostics } = parseScenario(readFileSync(path, 'utf8'), path)
  if (!scenario) throw new Error(`${name} does not parse:\n${diagnostics.map(formatDiagnostic).join('\n')}`)
  const { topology } = scenario
  if (!topology) throw new Error(`${name} has no topology`)
  const flows = enumerateFlows({ topology, expect: scenario.expect })
  return { scenario: { ...scenario, topology }, flows, expected: expectedVerdicts(flows, scenario.expect) }
}

/** A matrix with the given verdicts, standing in for a prediction. */
export function matrixOf(verdicts: ExpectedVerdicts, source: Matrix['source'] = 'predicted'): Matrix {
  const cells = verdicts.verdicts
    .map(({ flow, verdict }) => ({ flow, verdict, reason: 'expected by the case' }))
    .sort((a, b) => compareFlows(a.flow, b.flow))
  return { source, cells }
}

/** Every flow of the case allowed: the state with no policies at all. */
export function allAllowed(flows: readonly Flow[]): ExpectedVerdicts {
  return { verdicts: flows.map((flow) => ({ flow, verdict: 'allow' })) }
}

/** flowKey → verdict, for comparing an observed matrix with the expectations. */
export function verdictMap(cells: readonly { flow: Flow; verdict: Verdict }[]): Map<string, Verdict> {
  return new Map(cells.map((cell) => [flowKey(cell.flow), cell.verdict]))
}
