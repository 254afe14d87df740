// Cluster mode: the observed matrices become the report's, each observed cell keeping the
// static engine's explanation where the two agree, so the comment still names the rule. The
// expectations are judged against what the cluster did: a flow with a settled observation is
// judged by it, and only a flow without one (flaky, SCTP, never answered) falls back to the
// prediction, marked as such.
import type { MatrixDiff } from './diff.js'
import type { Matrix, MatrixCell } from './matrix.js'
import { indexCells } from './matrix.js'
import type { Diagnostic, Flow } from './model.js'
import { flowKey } from './model.js'
import { findViolations } from './predict.js'
import type { Disagreement, Report, Violation } from './report/report.js'
import type { ExpectEntry } from './scenario/scenario.js'

export interface ObservedResult {
  base: Matrix
  head: Matrix
  diff: MatrixDiff
  flaky: Flow[]
  disagreements: Disagreement[]
  diagnostics: Diagnostic[]
  /** Flows with no observed verdict on some side, and why (SCTP, only errors). */
  notProbed: readonly { flow: Flow; reason: string }[]
}

/** The scenario's expectations, which the observed head is judged against. */
export interface Expectations {
  expect: readonly ExpectEntry[]
  /** The scenario file, for `file:line` in each violation. */
  file: string
}

/** The report with observation as its headline; `report` is left as it was. */
export function withObservation(
  report: Report,
  observed: ObservedResult,
  expectations: Expectations
): Report {
  return {
    ...report,
    base: report.base
      ? { ...report.base, matrix: explainCells(observed.base, report.base.matrix) }
      : undefined,
    head: { ...report.head, matrix: explainCells(observed.head, report.head.matrix) },
    diff: report.base ? observed.diff : undefined,
    violations: observedViolations(report.head.matrix, observed, expectations),
    flaky: observed.flaky,
    disagreements: observed.disagreements,
    diagnostics: [...report.diagnostics, ...observed.diagnostics]
  }
}

/**
 * Violations of the observed head. Each predicted flow is judged by its observed head cell when
 * that cell is settled (not flaky); otherwise by the prediction, and the violation says so
 * (`judgedBy: 'prediction'`) with the reason no observation counts.
 */
export function observedViolations(
  predictedHead: Matrix,
  observed: Pick<ObservedResult, 'head' | 'notProbed'>,
  expectations: Expectations
): Violation[] {
  const seen = indexCells(observed.head)
  const unprobed = new Map(observed.notProbed.map((entry) => [flowKey(entry.flow), entry.reason]))
  const judged = new Map<string, 'observed' | 'prediction'>()
  const cells = predictedHead.cells.map((predicted): MatrixCell => {
    const key = flowKey(predicted.flow)
    const cell = seen.get(key)
    if (cell && !cell.flaky) {
      judged.set(key, 'observed')
      return { flow: predicted.flow, verdict: cell.verdict, reason: `observed: ${cell.reason}` }
    }
    judged.set(key, 'prediction')
    const why = cell?.flaky ? cell.reason : (unprobed.get(key) ?? 'not probed')
    // Fields one by one: a predicted cell words its reason lazily, through getters a spread drops.
    return {
      flow: predicted.flow,
      verdict: predicted.verdict,
      reason: `not observed (${why}); predicted: ${predicted.reason}`
    }
  })
  return findViolations({ source: 'observed', cells }, expectations.expect, expectations.file).map(
    (violation) => ({ ...violation, judgedBy: judged.get(flowKey(violation.flow)) ?? 'prediction' })
  )
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
