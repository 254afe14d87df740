// The connectivity matrix: one cell per flow. The static engine and the cluster prober both
// produce it, so one diff serves base-vs-head and predicted-vs-observed alike.
import type { Engine, FlowVerdict } from './engine/engine.js'
import type { Flow, Verdict } from './model.js'
import { compareFlows, flowKey } from './model.js'

export interface MatrixCell {
  flow: Flow
  verdict: Verdict
  /** The decisive reason in one sentence (engine), or what the probes saw (cluster). */
  reason: string
  /** The engine's full decision, both sides and every rule that mattered. */
  explanation?: FlowVerdict
  /** Observed only: the probe results disagreed with each other. */
  flaky?: boolean
  /** Observed only: how many probes were run for this cell. */
  attempts?: number
}

export interface Matrix {
  source: 'predicted' | 'observed'
  cells: MatrixCell[]
}

export function predictMatrix(engine: Engine, flows: readonly Flow[]): Matrix {
  const cells = [...flows].sort(compareFlows).map((flow) => new PredictedCell(flow, engine.decideFlow(flow)))
  return { source: 'predicted', cells }
}

/** A cell whose reason is only put into words when a report reads it. */
class PredictedCell implements MatrixCell {
  constructor(
    readonly flow: Flow,
    readonly explanation: FlowVerdict
  ) {}

  get verdict(): Verdict {
    return this.explanation.verdict
  }

  get reason(): string {
    return this.explanation.reason
  }
}

export function indexCells(matrix: Matrix): Map<string, MatrixCell> {
  return new Map(matrix.cells.map((cell) => [flowKey(cell.flow), cell]))
}
