// The head matrix, folded: a grid of marks when it is small enough to read, else a sentence
// saying how large it is and where every cell is. Its legend fits the mode: a static
// prediction has no flaky or unprobed cells, so it does not mention them.
import { buildGrid } from './grid.js'
import type { GridMark } from './grid.js'
import { escapeMarkdown, escapeName, MAX_NAME_LENGTH } from './markdown-escape.js'
import type { Report } from './report.js'
import type { ReportSections } from './sections.js'
import { pluralize } from './summary.js'
import { formatCount } from './words.js'

const MARKS: Record<GridMark, string> = { allow: '✅', deny: '⛔', flaky: '⚠️' }

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`
}

export function renderMatrixMarkdown(report: Report, sections: ReportSections): string {
  const grid = buildGrid(report.head.matrix)
  const { summary } = sections
  const open = summary.hasDiff ? '<details>' : '<details open>'
  const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`
  const counts = `${formatCount(summary.allowed)} allowed, ${formatCount(summary.denied)} denied`
  if (grid.isTooLarge) {
    return (
      `${open}<summary>Head matrix: ${counts}</summary>\n\n` +
      `The grid would be ${size}, too large to read; the JSON report has every cell with its reason.\n\n` +
      '</details>\n\n'
    )
  }
  const legend =
    sections.source === 'observed'
      ? `${MARKS.allow} allow · ${MARKS.deny} deny · ${MARKS.flaky} flaky · · not probed`
      : `${MARKS.allow} allow · ${MARKS.deny} deny · · not a flow of this run (a pod to itself, or a request the scenario does not name)`
  const labels = grid.columns.map((column) =>
    escapeMarkdown(column.label, { maxLength: MAX_NAME_LENGTH, truncate: 'middle' })
  )
  const head = tableRow(['source', ...labels]) + tableRow(['---', ...labels.map(() => '---')])
  const rows = grid.rows.map((row, i) =>
    tableRow([escapeName(row.label), ...grid.cells[i].map((cell) => (cell ? MARKS[cell] : '·'))])
  )
  return `${open}<summary>Head matrix: ${size}, ${counts}</summary>\n\n${legend}\n\n${head}${rows.join('')}\n</details>\n\n`
}
