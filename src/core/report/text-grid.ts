// The head matrix in a terminal: columns numbered and named in a legend below, so a cell is
// two characters wide whatever the names; blocks of columns wrap to fit the width.
import { buildGrid } from './grid.js'
import type { Grid, GridMark } from './grid.js'
import type { Report } from './report.js'
import { pluralize } from './summary.js'
import type { Paint } from './text-layout.js'
import { clean, TEXT_WIDTH, wrapText } from './text-layout.js'

export const TEXT_MARKS: Record<GridMark, string> = { allow: '✓', deny: '✗', flaky: '~' }
const ROW_LABEL_MAX = 30

export function matrixSection(report: Report, paint: Paint): string {
  const grid = buildGrid(report.head.matrix)
  const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`
  if (grid.isTooLarge) {
    return wrapText(
      `${paint('Head matrix', 'bold')}: ${size}, too large for a grid; --format json lists every cell with its reason.`,
      '  ',
      ''
    )
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
