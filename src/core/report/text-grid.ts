// The head matrix in a terminal: columns numbered and named in a legend below, so a cell is
// two characters wide whatever the names; blocks of columns wrap to fit the width.
import { buildGrid, listDeniedCells } from './grid.js'
import type { Grid, GridMark } from './grid.js'
import type { Report } from './report.js'
import { describeFlowPort, pluralize } from './summary.js'
import type { Paint } from './text-layout.js'
import { clean, cleanReason, INDENT, TEXT_WIDTH, wrapText } from './text-layout.js'

export const TEXT_MARKS: Record<GridMark, string> = { allow: '✓', deny: '✗', flaky: '~' }
const ROW_LABEL_MAX = 30

/** A grid, or past its size the denied flows: the first `maxDenied` of them. */
export function matrixSection(report: Report, paint: Paint, maxDenied: number): string {
  const grid = buildGrid(report.head.matrix)
  const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`
  if (grid.isTooLarge) {
    const denied = listDeniedCells(report.head.matrix)
    const lines = denied.slice(0, maxDenied).map((cell) => {
      const flow = `${clean(cell.flow.from)} → ${clean(cell.flow.to)} ${clean(describeFlowPort(cell.flow))}`
      return `${wrapText(`${paint(TEXT_MARKS.deny, 'red')} ${flow}`, INDENT, '  ')}\n${wrapText(cleanReason(cell.reason))}`
    })
    const left = denied.length - lines.length
    const more =
      left > 0
        ? [`  …and ${pluralize(left, 'more denied flow')} (--verbose or --format json lists them all)`]
        : []
    return [
      paint(`Head matrix: ${size}, too large for a grid; denied flows:`, 'bold'),
      ...lines,
      ...more
    ].join('\n')
  }
  return [
    paint(`Head matrix (${size})`, 'bold'),
    renderGridText(grid, report.head.matrix.source, paint)
  ].join('\n')
}

function renderGridText(grid: Grid, source: 'predicted' | 'observed', paint: Paint): string {
  const labels = grid.rows.map((row) => clean(row.label, ROW_LABEL_MAX))
  const labelWidth = Math.max(6, ...labels.map((label) => label.length))
  const cellWidth = String(grid.columns.length).length + 1
  const perBlock = Math.max(1, Math.floor((TEXT_WIDTH - labelWidth - 2) / cellWidth))
  const blocks: string[] = []
  for (let start = 0; start < grid.columns.length; start += perBlock) {
    const indexes = grid.columns.slice(start, start + perBlock).map((_, i) => start + i)
    const header = ' '.repeat(labelWidth + 2) + indexes.map((i) => String(i + 1).padStart(cellWidth)).join('')
    const rows = grid.rows.map((_, r) => {
      const cells = indexes.map((c) => {
        const mark = grid.cells[r][c]
        const text = (mark ? TEXT_MARKS[mark] : '·').padStart(cellWidth)
        return mark ? paint(text, mark === 'allow' ? 'green' : mark === 'deny' ? 'red' : 'yellow') : text
      })
      return `  ${labels[r].padEnd(labelWidth)}${cells.join('')}`
    })
    blocks.push([header, ...rows].join('\n'))
  }
  const legend = grid.columns.map(
    (column, i) => `  ${String(i + 1).padStart(cellWidth)}  ${clean(column.label)}`
  )
  const key =
    source === 'observed'
      ? `  ${TEXT_MARKS.allow} allow  ${TEXT_MARKS.deny} deny  ${TEXT_MARKS.flaky} flaky  · not probed`
      : `  ${TEXT_MARKS.allow} allow  ${TEXT_MARKS.deny} deny  · not a flow of this run`
  return [...blocks, '', ...legend, key].join('\n')
}
