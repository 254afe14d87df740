// The PR comment and the job summary. The order is the order of what a reviewer must know:
// the verdict in one line, surprises (new default deny), broken expectations, every changed
// flow with the rule behind it, then the evidence (graph, full matrix) folded away.
// Every user-written string goes through markdown-escape.ts; nothing else here escapes.
import type { FlowChange } from '../diff.js'
import type { MatrixCell } from '../matrix.js'
import { formatDiagnostic } from '../model.js'
import type { Flow, Verdict } from '../model.js'
import { buildGrid, listDeniedCells, markOf } from './grid.js'
import type { GridMark } from './grid.js'
import { escapeMarkdown, escapeName, MAX_NAME_LENGTH } from './markdown-escape.js'
import { renderGraph } from './mermaid-graph.js'
import type { Report } from './report.js'
import { describeRevisions } from './revisions.js'
import type { ReportSummary } from './summary.js'
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
import { fitBlocks } from './truncation.js'
import type { Block } from './truncation.js'

/** GitHub refuses a comment body longer than this. */
export const GITHUB_COMMENT_LIMIT = 65536

export interface MarkdownOptions {
  /** Hard upper bound on the result's length; default GITHUB_COMMENT_LIMIT. */
  maxLength?: number
  /** Identifies the sticky comment; rendered first as a hidden HTML comment (see renderMarker). */
  marker?: string
  /** Where the reader finds what truncation left out. */
  truncationHint?: string
}

const MARKS: Record<GridMark, string> = { allow: '✅', deny: '⛔', flaky: '⚠️' }

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const summary = summarizeReport(report)
  const changes = listChanges(report)
  const top = `${options.marker === undefined ? '' : renderMarker(options.marker) + '\n'}**reachdiff**: ${summary.headline}\n\n${revisionsLine(report)}`
  const blocks: Block[] = [
    ...defaultDenyBlocks(changes),
    ...violationBlocks(report),
    ...changeBlocks(changes, options.maxLength ?? GITHUB_COMMENT_LIMIT),
    ...disagreementBlocks(report),
    ...flakyBlocks(report),
    ...diagnosticBlocks(report),
    ...renderGraph(changes),
    matrixBlock(report, summary, options.maxLength ?? GITHUB_COMMENT_LIMIT)
  ]
  return fitBlocks({
    top,
    blocks,
    bottom: renderFooter(report),
    maxLength: options.maxLength ?? GITHUB_COMMENT_LIMIT,
    hint: options.truncationHint ?? 'the job summary and the JSON report have everything'
  })
}

function revisionsLine(report: Report): string {
  return report.revisions
    ? `${escapeMarkdown(describeRevisions(report.revisions), { maxLength: 1000 })}\n\n`
    : ''
}

/**
 * The hidden marker that finds the sticky comment again. A marker given as a whole HTML comment
 * is kept; anything else is wrapped, without the `--` and `>` that would end the comment early.
 */
export function renderMarker(marker: string): string {
  const whole = /^<!--([\s\S]*)-->$/.exec(marker)
  if (whole && !whole[1].includes('--') && !whole[1].includes('>')) return marker
  return `<!-- ${marker.replace(/-{2,}/g, '-').replace(/[<>\r\n]/g, '')} -->`
}

/** `source → destination port`, each name shortened on its own. */
function flowCell(flow: Flow): string {
  return `${escapeName(flow.from)} → ${escapeName(flow.to)} ${portCell(flow)}`
}

function portCell(flow: Flow): string {
  return escapeMarkdown(describeFlowPort(flow), { maxLength: MAX_NAME_LENGTH })
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`
}

function tableHead(cells: readonly string[]): string {
  return tableRow(cells) + tableRow(cells.map(() => '---'))
}

function mark(verdict: Verdict | undefined, cell?: MatrixCell): string {
  if (verdict === undefined) return '—'
  return `${MARKS[cell ? markOf(cell) : verdict]} ${cell?.flaky ? 'flaky' : verdict}`
}

// The warning must stay short enough to read at a glance; the tables carry the rest.
const MAX_DEFAULT_DENY_LINES = 5

function defaultDenyBlocks(changes: readonly FlowChange[]): Block[] {
  const found = findNewDefaultDenies(changes)
  if (found.length === 0) return []
  const rows = found.slice(0, MAX_DEFAULT_DENY_LINES).map((entry) => {
    const by = entry.enforcedBy.length > 0 ? ` (selected by ${entry.enforcedBy.join(', ')})` : ''
    const text = `${entry.direction} of ${entry.subject}${by}: ${pluralize(entry.closed, 'flow')} closed that no deny rule names`
    return `> - ${escapeMarkdown(text)}\n`
  })
  const more = found.length - rows.length
  if (more > 0) rows.push(`> - and ${more} more\n`)
  const head = '> [!WARNING]\n> **Default deny switched on by this change**\n>\n'
  const tail =
    '>\n> A policy that selects a pod puts every direction it has a section for into default deny, ' +
    'even a section with only deny rules (`ingressDeny`, `egressDeny`). Allow what should still pass, ' +
    'or set `enableDefaultDeny` (Cilium 1.16+).\n\n'
  return [{ head, rows, tail, unit: 'default-deny note', name: 'the default-deny warning' }]
}

function violationBlocks(report: Report): Block[] {
  if (report.violations.length === 0) return []
  const rows = report.violations.map((v) =>
    tableRow([
      flowCell(v.flow),
      mark(v.expected),
      mark(v.actual),
      escapeMarkdown(v.reason),
      escapeName(`${v.file}:${v.line}`)
    ])
  )
  const head = `### Violated expectations (${report.violations.length})\n\n${tableHead(['flow', 'expected', 'actual', 'reason', 'where'])}`
  return [{ head, rows, tail: '\n', unit: 'violation' }]
}

/** Shorter than any rendered row: rows beyond maxLength / this can never fit and are not rendered. */
const MIN_ROW_LENGTH = 40

function changeBlocks(changes: readonly FlowChange[], maxLength: number): Block[] {
  const groups = groupByDestination(changes, (change) => change.flow)
  let budget = Math.ceil(maxLength / MIN_ROW_LENGTH)
  return [...groups].map(([to, group]) => {
    const shown = group.slice(0, Math.max(0, budget))
    budget -= shown.length
    return {
      head: `### → ${escapeName(to)}\n\n${tableHead(['source', 'port', 'base → head', 'reason'])}`,
      rows: shown.map(changeRow),
      tail: '\n',
      unit: 'changed flow',
      unrendered: group.length - shown.length
    }
  })
}

function changeRow(change: FlowChange): string {
  const reason = escapeMarkdown((change.head ?? change.base)?.reason ?? '')
  const before = isBaseReasonHelpful(change)
    ? `<br>_before:_ ${escapeMarkdown(change.base?.reason ?? '')}`
    : ''
  return tableRow([
    escapeName(change.flow.from),
    portCell(change.flow),
    `${mark(change.base?.verdict, change.base)} → ${mark(change.head?.verdict, change.head)}`,
    reason + before
  ])
}

function disagreementBlocks(report: Report): Block[] {
  if (report.disagreements.length === 0) return []
  const rows = report.disagreements.map((d) =>
    tableRow([flowCell(d.flow), d.side, mark(d.predicted), mark(d.observed), escapeMarkdown(d.reason)])
  )
  const head =
    `### Predicted vs observed (${report.disagreements.length})\n\n` +
    `The cluster did not do what the static engine predicted for these flows.\n\n` +
    tableHead(['flow', 'side', 'predicted', 'observed', 'reason'])
  return [{ head, rows, tail: '\n', unit: 'disagreement' }]
}

function flakyBlocks(report: Report): Block[] {
  if (report.flaky.length === 0) return []
  const rows = report.flaky.map((flow) => `- ${MARKS.flaky} ${flowCell(flow)}\n`)
  const head = `### Flaky flows (${report.flaky.length})\n\nProbes of these flows disagreed with each other; they count as unchanged.\n\n`
  return [{ head, rows, tail: '\n', unit: 'flaky flow' }]
}

const SEVERITY_MARKS = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

function diagnosticBlocks(report: Report): Block[] {
  if (report.diagnostics.length === 0) return []
  const rows = sortDiagnostics(report.diagnostics).map(
    (d) => `- ${SEVERITY_MARKS[d.severity]} ${escapeMarkdown(formatDiagnostic(d))}\n`
  )
  const head = `### Diagnostics (${report.diagnostics.length})\n\n`
  return [{ head, rows, tail: '\n', unit: 'diagnostic' }]
}

function matrixBlock(report: Report, summary: ReportSummary, maxLength: number): Block {
  const matrix = report.head.matrix
  const grid = buildGrid(matrix)
  const open = summary.hasDiff ? '<details>' : '<details open>'
  const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`
  const counts = `${summary.allowed} allowed, ${summary.denied} denied`
  const tail = '\n</details>\n\n'
  if (grid.isTooLarge) {
    const denied = listDeniedCells(matrix)
    const head =
      `${open}<summary>Head matrix: ${counts} (denied flows only)</summary>\n\n` +
      `The grid would be ${size}, too large to read, so here are the denied flows instead.\n\n` +
      tableHead(['source', 'destination', 'port', 'reason'])
    const shown = denied.slice(0, Math.ceil(maxLength / MIN_ROW_LENGTH))
    const rows = shown.map((cell) =>
      tableRow([
        escapeName(cell.flow.from),
        escapeName(cell.flow.to),
        portCell(cell.flow),
        escapeMarkdown(cell.reason)
      ])
    )
    return {
      head,
      rows,
      tail,
      unit: 'denied flow',
      name: 'the full matrix',
      unrendered: denied.length - shown.length
    }
  }
  const legend = `${MARKS.allow} allow · ${MARKS.deny} deny · ${MARKS.flaky} flaky · · not probed\n\n`
  const labels = grid.columns.map((column) =>
    escapeMarkdown(column.label, { maxLength: MAX_NAME_LENGTH, truncate: 'middle' })
  )
  const head = `${open}<summary>Head matrix: ${size}, ${counts}</summary>\n\n${legend}${tableHead(['source', ...labels])}`
  const rows = grid.rows.map((row, i) =>
    tableRow([escapeName(row.label), ...grid.cells[i].map((cell) => (cell ? MARKS[cell] : '·'))])
  )
  return { head, rows, tail, unit: 'matrix row', name: 'the full matrix' }
}

function renderFooter(report: Report): string {
  const side = (label: string, count: number): string =>
    `${escapeName(label)} (${pluralize(count, 'policy', 'policies')})`
  const sides = report.base
    ? ` · base ${side(report.base.label, report.base.policyCount)} → head ${side(report.head.label, report.head.policyCount)}`
    : ` · ${side(report.head.label, report.head.policyCount)}`
  const tool = `reachdiff ${report.toolVersion} · Cilium ${report.ciliumVersion} semantics`
  return `<sub>${escapeMarkdown(tool)} · topology: ${report.topologySource}${sides}</sub>\n`
}
