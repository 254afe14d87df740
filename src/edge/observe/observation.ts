// What observing adds up to: the observed matrices of both sides (cells that have a verdict on
// both), their diff, the flaky flows, and where observation and prediction disagree.
import { diffMatrices } from '../../core/diff.js'
import type { MatrixDiff } from '../../core/diff.js'
import type { Matrix, MatrixCell } from '../../core/matrix.js'
import { indexCells } from '../../core/matrix.js'
import type { Diagnostic, Flow } from '../../core/model.js'
import { compareFlows, flowKey } from '../../core/model.js'
import type { Disagreement } from '../../core/report/report.js'
import type { Unprobed } from './plan.js'
import type { RoundStats } from './round.js'
import { describeNoVerdict, summarize } from './tally.js'
import type { Tally } from './tally.js'

export interface Observation {
  base: Matrix
  head: Matrix
  /** The headline: what the change does, as observed. Flaky flows never count as changed. */
  diff: MatrixDiff
  /** Flows whose probes disagreed with each other, on either side. */
  flaky: Flow[]
  /** Observed (non-flaky) verdicts that differ from the prediction. */
  disagreements: Disagreement[]
  /** Flows without an observed verdict (SCTP, or probes that only ever erred); in neither matrix. */
  notProbed: Unprobed[]
  diagnostics: { base: Diagnostic[]; head: Diagnostic[] }
  rounds: RoundStats[]
}

export function assemble(
  flows: readonly Flow[],
  baseTally: Tally,
  headTally: Tally,
  predicted: { base?: Matrix; head?: Matrix },
  notProbed: Unprobed[],
  rest: Pick<Observation, 'diagnostics' | 'rounds'>
): Observation {
  const baseCells: MatrixCell[] = []
  const headCells: MatrixCell[] = []
  for (const flow of [...flows].sort(compareFlows)) {
    const key = flowKey(flow)
    const baseCell = summarize(flow, baseTally.get(key) ?? [])
    const headCell = summarize(flow, headTally.get(key) ?? [])
    // A flow missing on one side would read as added or removed; keep it out of both instead.
    if (baseCell && headCell) {
      baseCells.push(baseCell)
      headCells.push(headCell)
      continue
    }
    const side = baseCell ? 'head' : 'base'
    notProbed.push({
      flow,
      reason: `${side}: ${describeNoVerdict((baseCell ? headTally : baseTally).get(key))}`
    })
  }
  const base: Matrix = { source: 'observed', cells: baseCells }
  const head: Matrix = { source: 'observed', cells: headCells }
  const flaky = flows.filter((flow) => {
    const key = flowKey(flow)
    return [baseCells, headCells].some((cells) => cells.some((c) => c.flaky && flowKey(c.flow) === key))
  })
  return {
    base,
    head,
    diff: diffMatrices(base, head),
    flaky: flaky.sort(compareFlows),
    disagreements: [
      ...findDisagreements('base', base, predicted.base),
      ...findDisagreements('head', head, predicted.head)
    ],
    notProbed,
    ...rest
  }
}

/** Flaky cells are left out: they are no observation to hold a prediction against. */
export function findDisagreements(
  side: 'base' | 'head',
  observed: Matrix,
  predicted: Matrix | undefined
): Disagreement[] {
  if (!predicted) return []
  const predictions = indexCells(predicted)
  const found: Disagreement[] = []
  for (const cell of observed.cells) {
    const prediction = predictions.get(flowKey(cell.flow))
    if (!prediction || cell.flaky || prediction.verdict === cell.verdict) continue
    found.push({
      flow: cell.flow,
      side,
      predicted: prediction.verdict,
      observed: cell.verdict,
      reason: cell.reason
    })
  }
  return found
}
