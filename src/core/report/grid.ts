// The head matrix as a grid, for the PR comment and the terminal alike: one row per source,
// one column per destination and port (an HTTP request is a column of its own), so a reader
// scans a row to see what a pod reaches and a column to see who reaches a service.
import type { Matrix, MatrixCell } from '../matrix.js'
import type { Flow } from '../model.js'
import { compareFlows } from '../model.js'
import { describeFlowPort } from './summary.js'

export type GridMark = 'allow' | 'deny' | 'flaky'

/** Beyond this a grid is unreadable (and a comment too long): list denied flows instead. */
export const MAX_GRID_COLUMNS = 60
export const MAX_GRID_ROWS = 200

export interface GridRow {
  /** `namespace/pod` */
  key: string
  /** The key again: pods are named `namespace/pod` in every part of a report. */
  label: string
}

export interface GridColumn {
  to: string
  /** `TCP/80`, `TCP/80 GET /public` */
  port: string
  /** `prod/web TCP/80`, `world/api TCP/443` */
  label: string
}

export interface Grid {
  rows: GridRow[]
  columns: GridColumn[]
  /** Empty when the grid is too large to render. */
  cells: (GridMark | undefined)[][]
  isTooLarge: boolean
}

export function buildGrid(matrix: Matrix): Grid {
  const rowKeys = [...new Set(matrix.cells.map((cell) => cell.flow.from))].sort((a, b) => a.localeCompare(b))
  const columnFlows = distinctColumns(matrix.cells)
  const isTooLarge = columnFlows.length > MAX_GRID_COLUMNS || rowKeys.length > MAX_GRID_ROWS
  const rows = rowKeys.map((key) => ({ key, label: key }))
  const columns = columnFlows.map((flow) => {
    const port = describeFlowPort(flow)
    return { to: flow.to, port, label: `${flow.to} ${port}` }
  })
  if (isTooLarge) return { rows, columns, cells: [], isTooLarge }
  const rowIndex = new Map(rowKeys.map((key, i) => [key, i]))
  const columnIndex = new Map(columns.map((column, i) => [columnKey(column.to, column.port), i]))
  const cells: (GridMark | undefined)[][] = rows.map(() => columns.map(() => undefined))
  for (const cell of matrix.cells) {
    const row = rowIndex.get(cell.flow.from)
    const column = columnIndex.get(columnKey(cell.flow.to, describeFlowPort(cell.flow)))
    if (row !== undefined && column !== undefined) cells[row][column] = markOf(cell)
  }
  return { rows, columns, cells, isTooLarge }
}

export function markOf(cell: MatrixCell): GridMark {
  return cell.flaky ? 'flaky' : cell.verdict
}

/** The fallback for a grid too large to draw: what the head denies, in flow order. */
export function listDeniedCells(matrix: Matrix): MatrixCell[] {
  return matrix.cells.filter((cell) => cell.verdict === 'deny').sort((a, b) => compareFlows(a.flow, b.flow))
}

function columnKey(to: string, port: string): string {
  return `${to}\u0000${port}`
}

function distinctColumns(cells: readonly MatrixCell[]): Flow[] {
  const seen = new Map<string, Flow>()
  for (const { flow } of cells) {
    const key = columnKey(flow.to, describeFlowPort(flow))
    if (!seen.has(key)) seen.set(key, { ...flow, from: '' })
  }
  return [...seen.values()].sort(compareFlows)
}
