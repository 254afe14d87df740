// Terminal output: the same story as the PR comment, laid out for a 100-column terminal.
// Colour is the caller's decision (a TTY and no NO_COLOR); without it the output is plain
// ASCII-safe text apart from arrows and marks. User strings lose control characters, so a
// pod name cannot carry an escape sequence into the reader's terminal.
import type { FlowChange } from '../diff.js'
import { formatDiagnostic } from '../model.js'
import type { Flow, Verdict } from '../model.js'
import { buildGrid, listDeniedCells } from './grid.js'
import type { Grid, GridMark } from './grid.js'
import { cleanText, MAX_NAME_LENGTH, shortenWords, truncateText } from './markdown-escape.js'
import type { Report } from './report.js'
import {
  describeFlowPort,
  findNewDefaultDenies,
  groupByDestination,
  isBaseReasonHelpful,
  listChanges,
  pluralize,
  sortDiagnostics,
  summarizeReport
} from './summary.js'

export interface TextOptions {
  color: boolean
}

/** Lines are wrapped to this width. */
export const TEXT_WIDTH = 100
const INDENT = '      '

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow'
const ANSI: Record<Style, string> = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' }
const TEXT_MARKS: Record<GridMark, string> = { allow: '✓', deny: '✗', flaky: '~' }

type Paint = (text: string, style: Style) => string

export function renderText(report: Report, options: TextOptions): string {
  const paint: Paint = options.color
    ? (text, style) => `\u001b[${ANSI[style]}m${text}\u001b[0m`
    : (text) => text
  const summary = summarizeReport(report)
  const changes = listChanges(report)
  const sections = [
    `${paint('reachdiff', 'bold')}: ${summary.headline}`,
    defaultDenySection(changes, paint),
    violationSection(report, paint),
    changeSection(changes, paint),
    disagreementSection(report, paint),
    flakySection(report, paint),
    diagnosticSection(report, paint),
    matrixSection(report, paint),
    paint(
      `reachdiff ${clean(report.toolVersion)} · Cilium ${clean(report.ciliumVersion)} semantics · topology: ${report.topologySource}`,
      'dim'
    )
  ]
  return sections.filter((section) => section !== '').join('\n\n') + '\n'
}

function clean(text: string, maxLength = MAX_NAME_LENGTH): string {
  return truncateText(cleanText(text), maxLength, 'middle')
}

/** `source → destination port`, each name shortened on its own. */
function flowText(flow: Flow): string {
  return `${clean(flow.from)} → ${clean(flow.to)} ${clean(describeFlowPort(flow))}`
}

function verdictText(verdict: Verdict | undefined, paint: Paint): string {
  if (verdict === undefined) return paint('none', 'dim')
  return paint(verdict, verdict === 'allow' ? 'green' : 'red')
}

// eslint-disable-next-line no-control-regex
const ANSI_CODE = /\u001b\[[0-9;]*m/g

/** Columns a line takes: colour codes take none. */
function widthOf(text: string): number {
  return Array.from(text.replace(ANSI_CODE, '')).length
}

/** A reason or message as one line, every overlong name in it shortened. */
function cleanReason(text: string): string {
  return shortenWords(cleanText(text))
}

/**
 * `text` word-wrapped to TEXT_WIDTH, the first line indented by `first`, the rest by `indent`.
 * The text must be clean already (see cleanReason); colour codes may be in it.
 */
export function wrapText(text: string, indent: string = INDENT, first: string = indent): string {
  const lines: string[] = []
  let line = ''
  const lead = (): string => (lines.length === 0 ? first : indent)
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && widthOf(lead() + line) + 1 + widthOf(word) > TEXT_WIDTH) {
      lines.push(lead() + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(lead() + line)
  return lines.join('\n')
}

/** An item's line with its reason: `head  (reason)` when that fits, else the reason beneath. */
function withReason(head: string, reason: string): string {
  const inline = `  ${head}  (${cleanReason(reason)})`
  if (widthOf(inline) <= TEXT_WIDTH) return inline
  return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(reason))}`
}

function defaultDenySection(changes: readonly FlowChange[], paint: Paint): string {
  const found = findNewDefaultDenies(changes)
  if (found.length === 0) return ''
  const lines = found.map((entry) => {
    const by = entry.enforcedBy.length > 0 ? ` (selected by ${entry.enforcedBy.join(', ')})` : ''
    const text = `${entry.direction} of ${entry.subject}${by}: ${pluralize(entry.closed, 'flow')} closed that no deny rule names`
    return wrapText(cleanReason(text), '    ', '  - ')
  })
  const advice =
    'A policy that selects a pod puts every direction it has a section for into default deny, even a ' +
    'section with only deny rules. Allow what should still pass, or set enableDefaultDeny (Cilium 1.16+).'
  return [
    paint('! Default deny switched on by this change', 'yellow'),
    ...lines,
    '',
    wrapText(advice, '  ')
  ].join('\n')
}

function violationSection(report: Report, paint: Paint): string {
  if (report.violations.length === 0) return ''
  const lines = report.violations.map((v) => {
    const head = `${flowText(v.flow)}: expected ${verdictText(v.expected, paint)}, got ${verdictText(v.actual, paint)}`
    const where = paint(`at ${clean(`${v.file}:${v.line}`)}`, 'dim')
    return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(v.reason))}\n${INDENT}${where}`
  })
  return [paint(`Violated expectations (${report.violations.length})`, 'bold'), ...lines].join('\n')
}

function changeSection(changes: readonly FlowChange[], paint: Paint): string {
  if (changes.length === 0) return ''
  const groups = [...groupByDestination(changes, (change) => change.flow)].map(([to, group]) => {
    const lines = group.map((change) => {
      const verdicts = `${verdictText(change.base?.verdict, paint)} → ${verdictText(change.head?.verdict, paint)}`
      const reason = (change.head ?? change.base)?.reason ?? ''
      const before = isBaseReasonHelpful(change) ? `; before: ${change.base?.reason ?? ''}` : ''
      return withReason(`${flowText(change.flow)}: ${verdicts}`, reason + before)
    })
    return [paint(`→ ${clean(to)}`, 'bold'), ...lines].join('\n')
  })
  return [paint('Changed flows', 'bold'), ...groups].join('\n')
}

function disagreementSection(report: Report, paint: Paint): string {
  if (report.disagreements.length === 0) return ''
  const lines = report.disagreements.map((d) => {
    const head = `${flowText(d.flow)} (${d.side}): predicted ${verdictText(d.predicted, paint)}, observed ${verdictText(d.observed, paint)}`
    return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(d.reason))}`
  })
  return [paint(`Predicted vs observed (${report.disagreements.length})`, 'bold'), ...lines].join('\n')
}

function flakySection(report: Report, paint: Paint): string {
  if (report.flaky.length === 0) return ''
  const lines = report.flaky.map((flow) =>
    wrapText(`${paint(TEXT_MARKS.flaky, 'yellow')} ${flowText(flow)}`, INDENT, '  ')
  )
  return [paint(`Flaky flows (${report.flaky.length}): probes disagreed`, 'bold'), ...lines].join('\n')
}

function diagnosticSection(report: Report, paint: Paint): string {
  if (report.diagnostics.length === 0) return ''
  const styles = { error: 'red', warning: 'yellow', notice: 'dim' } as const
  const lines = sortDiagnostics(report.diagnostics).map((d) =>
    paint(wrapText(cleanReason(formatDiagnostic(d)), INDENT, '  '), styles[d.severity])
  )
  return [paint(`Diagnostics (${report.diagnostics.length})`, 'bold'), ...lines].join('\n')
}

function matrixSection(report: Report, paint: Paint): string {
  const grid = buildGrid(report.head.matrix)
  const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`
  if (!grid.isTooLarge)
    return [paint(`Head matrix (${size})`, 'bold'), renderGridText(grid, paint)].join('\n')
  const lines = listDeniedCells(report.head.matrix).map((cell) =>
    withReason(`${paint(TEXT_MARKS.deny, 'red')} ${flowText(cell.flow)}`, cell.reason)
  )
  return [paint(`Head matrix: ${size}, too large for a grid; denied flows:`, 'bold'), ...lines].join('\n')
}

const ROW_LABEL_MAX = 30

/**
 * Columns are numbered and named in a legend below, so a cell is two characters wide whatever
 * the names; blocks of columns wrap to fit the width.
 */
function renderGridText(grid: Grid, paint: Paint): string {
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
  const key = `  ${TEXT_MARKS.allow} allow  ${TEXT_MARKS.deny} deny  ${TEXT_MARKS.flaky} flaky  · not probed`
  return [...blocks, '', ...legend, key].join('\n')
}
