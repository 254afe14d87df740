// Base vs head (or predicted vs observed): which flows changed and how. Pure and small,
// so the renderers only have to present it.
import type { MatrixCell, Matrix } from './matrix.js'
import { indexCells } from './matrix.js'
import type { Flow, Verdict } from './model.js'
import { compareFlows } from './model.js'

export type ChangeKind = 'opened' | 'closed' | 'unchanged' | 'added' | 'removed'

export interface FlowChange {
  kind: ChangeKind
  flow: Flow
  base?: MatrixCell
  head?: MatrixCell
}

export interface MatrixDiff {
  changes: FlowChange[]
  counts: Record<ChangeKind, number>
}

function changeKind(base: Verdict | undefined, head: Verdict | undefined): ChangeKind {
  if (base === undefined) return 'added'
  if (head === undefined) return 'removed'
  if (base === head) return 'unchanged'
  return head === 'allow' ? 'opened' : 'closed'
}

/** Every flow of either side, in flow order; flaky cells never count as changed. */
export function diffMatrices(base: Matrix, head: Matrix): MatrixDiff {
  const changes = isAligned(base, head) ? diffAligned(base, head) : diffByKey(base, head)
  const counts: Record<ChangeKind, number> = { opened: 0, closed: 0, unchanged: 0, added: 0, removed: 0 }
  for (const change of changes) counts[change.kind]++
  return { changes, counts }
}

function compareCells(before: MatrixCell | undefined, after: MatrixCell | undefined, flow: Flow): FlowChange {
  const flaky = before?.flaky === true || after?.flaky === true
  const kind = flaky && before && after ? 'unchanged' : changeKind(before?.verdict, after?.verdict)
  return { kind, flow, base: before, head: after }
}

/** Both sides predicted over the same flows (the usual case): compare cell by cell. */
function isAligned(base: Matrix, head: Matrix): boolean {
  return (
    base.cells.length === head.cells.length && base.cells.every((cell, i) => cell.flow === head.cells[i].flow)
  )
}

function diffAligned(base: Matrix, head: Matrix): FlowChange[] {
  return head.cells.map((after, i) => compareCells(base.cells[i], after, after.flow))
}

function diffByKey(base: Matrix, head: Matrix): FlowChange[] {
  const baseCells = indexCells(base)
  const headCells = indexCells(head)
  const keys = new Set([...baseCells.keys(), ...headCells.keys()])
  const changes: FlowChange[] = []
  for (const key of keys) {
    const before = baseCells.get(key)
    const after = headCells.get(key)
    changes.push(compareCells(before, after, (after ?? before)!.flow))
  }
  return changes.sort((a, b) => compareFlows(a.flow, b.flow))
}
