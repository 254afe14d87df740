// Cluster mode: the observed matrices become the report's, each observed cell keeping the
// static engine's explanation where the two agree, so the comment still names the rule.
import type { MatrixDiff } from './diff.js'
import type { Matrix, MatrixCell } from './matrix.js'
import { indexCells } from './matrix.js'
import type { Diagnostic, Flow } from './model.js'
import { flowKey } from './model.js'
import type { Disagreement, Report } from './report/report.js'

export interface ObservedResult {
  base: Matrix
  head: Matrix
  diff: MatrixDiff
  flaky: Flow[]
  disagreements: Disagreement[]
  diagnostics: Diagnostic[]
}

/** The report with observation as its headline; `report` is left as it was. */
export function withObservation(report: Report, observed: ObservedResult): Report {
  return {
    ...report,
    base: report.base
      ? { ...report.base, matrix: explainCells(observed.base, report.base.matrix) }
      : undefined,
    head: { ...report.head, matrix: explainCells(observed.head, report.head.matrix) },
    diff: report.base ? observed.diff : undefined,
    flaky: observed.flaky,
    disagreements: observed.disagreements,
    diagnostics: [...report.diagnostics, ...observed.diagnostics]
  }
}

function explainCells(observed: Matrix, predicted: Matrix): Matrix {
  const predictions = indexCells(predicted)
  const cells = observed.cells.map((cell): MatrixCell => {
    const prediction = predictions.get(flowKey(cell.flow))
    if (!prediction || cell.flaky) return cell
    const reason =
      prediction.verdict === cell.verdict
        ? `${prediction.reason} (observed: ${cell.reason})`
        : `observed ${cell.verdict} (${cell.reason}), but the prediction was ${prediction.verdict}: ${prediction.reason}`
    return { ...cell, reason, explanation: prediction.explanation }
  })
  return { source: 'observed', cells }
}
