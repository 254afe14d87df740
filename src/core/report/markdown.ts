// The PR comment and the job summary, laid out from the report's sections (sections.ts) in
// the order a reviewer acts on: the verdict in one line, errors in the head's files, violated
// expectations, the changes grouped by cause; then, folded, the changed flows per
// destination, the graph, warnings and notices, and the head matrix. The level of detail is
// chosen to fit the budget (detail-level.ts). User text is made inert by `style.text` alone.
import type { Verdict } from '../model.js'
import type { DetailLevel } from './detail-level.js'
import { renderWithinBudget } from './detail-level.js'
import type { DiagnosticLine } from './diagnostic-lines.js'
import { describeDiagnosticLine } from './diagnostic-lines.js'
import type { GridMark } from './grid.js'
import { escapeMarkdown, escapeName, MAX_NAME_LENGTH } from './markdown-escape.js'
import { renderMatrixMarkdown } from './markdown-matrix.js'
import { renderGraph } from './mermaid-graph.js'
import type { Report } from './report.js'
import { describeRevisions } from './revisions.js'
import type { DestinationGroup, ReportSections } from './sections.js'
import { buildDetailRows, buildSections } from './sections.js'
import { pluralize } from './summary.js'
import type { Style } from './words.js'
import {
  countFlows,
  describeCause,
  describeCauseCounts,
  describeDefaultDeny,
  describeEffect,
  describeMoreRows,
  describePorts,
  formatCount,
  HEAD_ERROR_EFFECT
} from './words.js'

/** GitHub refuses a comment body longer than this. */
export const GITHUB_COMMENT_LIMIT = 65536
/** What a reviewer reads in half a minute; the job summary and the JSON report have the rest. */
export const COMMENT_BUDGET = 15000

export interface MarkdownOptions {
  /** Upper bound on the result's length; default COMMENT_BUDGET. */
  maxLength?: number
  /** Identifies the sticky comment; rendered first as a hidden HTML comment (see renderMarker). */
  marker?: string
  /** The workflow run (`https://github.com/o/r/actions/runs/1`): its summary and artifact have everything. */
  runUrl?: string
  /** Where a shortened list continues, e.g. "the JSON report"; default from runUrl. */
  moreHint?: string
}

export const MARKS: Record<GridMark, string> = { allow: '✅', deny: '⛔', flaky: '⚠️' }
const SEVERITY_MARKS = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const

export const MARKDOWN_STYLE: Style = {
  text: (user) => escapeMarkdown(user),
  code: (ours) => `\`${ours}\``,
  strong: (ours) => `**${ours}**`
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const sections = buildSections(report)
  const maxLength = Math.min(options.maxLength ?? COMMENT_BUDGET, GITHUB_COMMENT_LIMIT * 16)
  const hint = options.moreHint ?? defaultHint(options.runUrl)
  const text = renderWithinBudget(
    (level) => renderAt(report, sections, level, options, hint),
    maxLength,
    (level) => estimateDetails(sections, level)
  )
  // Even the barest level is far below any budget GitHub allows; this only guards the invariant.
  return text.length <= maxLength ? text : text.slice(0, text.lastIndexOf('\n', maxLength - 1) + 1)
}

/** The run's address comes from the runner's environment; still, nothing in it may break the link. */
function isPlainUrl(url: string): boolean {
  return /^https?:\/\/[\w.:/-]+$/.test(url)
}

function defaultHint(runUrl: string | undefined): string {
  return runUrl && isPlainUrl(runUrl)
    ? `the job summary and the JSON report of [this run](${runUrl}) have every flow`
    : 'the JSON report (`--format json`) has every flow'
}

function renderAt(
  report: Report,
  sections: ReportSections,
  level: DetailLevel,
  options: MarkdownOptions,
  hint: string
): string {
  const marker = options.marker === undefined ? '' : `${renderMarker(options.marker)}\n`
  const parts = [
    `${marker}**reachdiff**: ${escapeMarkdown(sections.summary.headline)}\n\n`,
    revisionsLine(report),
    errorBlock(sections.errors, level.errors, hint),
    violationBlock(sections, level.violations, hint),
    causeBlock(sections, level, hint),
    detailsBlock(sections, level, hint),
    graphBlock(sections, level),
    disagreementBlock(sections, level.violations, hint),
    flakyBlock(sections, level.violations, hint),
    noticeBlock(sections.notices, level.notices, hint),
    level.hasMatrix ? renderMatrixMarkdown(report, sections) : '',
    renderFooter(report, options.runUrl)
  ]
  return parts.join('')
}

/** No table row is shorter than this: `| a/b | TCP/1 | ✅ allow → ⛔ deny |`. */
const MIN_ROW_LENGTH = 30

/** A lower bound of the details' length at `level`: each source is at least one row. */
function estimateDetails(sections: ReportSections, level: DetailLevel): number {
  let rows = 0
  const shown = sections.destinations.slice(0, level.destinations)
  for (const group of shown) rows += Math.min(group.sources, level.rowsPerDestination)
  return rows * MIN_ROW_LENGTH
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

/** `_…and 12 more errors: the job summary … has every flow._` */
function moreLine(count: number, unit: string, hint: string, prefix = ''): string {
  if (count <= 0) return ''
  return `${prefix}_…and ${formatCount(count)} more ${count === 1 ? unit : `${unit}s`}: ${hint}._\n`
}

function diagnosticLine(line: DiagnosticLine): string {
  return `${SEVERITY_MARKS[line.severity]} ${escapeMarkdown(describeDiagnosticLine(line))}`
}

function errorBlock(errors: readonly DiagnosticLine[], max: number, hint: string): string {
  if (errors.length === 0) return ''
  const count = errors.reduce((sum, line) => sum + line.places.length, 0)
  const lines = errors.slice(0, max).map((line) => `> - ${diagnosticLine(line)}\n`)
  return (
    `> [!CAUTION]\n> **${pluralize(count, 'error')} in the head's files**: ${HEAD_ERROR_EFFECT}.\n>\n` +
    lines.join('') +
    moreLine(errors.length - lines.length, 'error', hint, '> ') +
    '\n'
  )
}

function flowText(flow: { from: string; to: string }, ports: string): string {
  return `${escapeName(flow.from)} → ${escapeName(flow.to)} ${ports}`
}

function portText(ports: readonly string[]): string {
  return escapeMarkdown(ports.join(', '), { maxLength: MAX_NAME_LENGTH * 2 })
}

function verdictMark(verdict: Verdict | undefined, flaky = false): string {
  if (verdict === undefined) return '—'
  return flaky ? `${MARKS.flaky} flaky` : `${MARKS[verdict]} ${verdict}`
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`
}

function tableHead(cells: readonly string[]): string {
  return tableRow(cells) + tableRow(cells.map(() => '---'))
}

function violationBlock(sections: ReportSections, max: number, hint: string): string {
  const all = sections.violations
  if (all.length === 0) return ''
  const rows = all
    .slice(0, max)
    .map((v) =>
      tableRow([
        flowText(v.flow, portText([describeFlow(v.flow)])),
        verdictMark(v.expected),
        verdictMark(v.actual),
        escapeMarkdown(v.reason),
        escapeName(`${v.file}:${v.line}`)
      ])
    )
  return (
    `### Violated expectations (${formatCount(all.length)})\n\n` +
    tableHead(['flow', 'expected', 'actual', 'reason', 'where']) +
    rows.join('') +
    moreLine(all.length - rows.length, 'violation', hint, '\n') +
    '\n'
  )
}

function describeFlow(flow: {
  protocol: string
  port?: number
  http?: { method: string; path: string }
}): string {
  const port = flow.port === undefined ? flow.protocol : `${flow.protocol}/${flow.port}`
  return flow.http ? `${port} ${flow.http.method} ${flow.http.path}` : port
}

function causeBlock(sections: ReportSections, level: DetailLevel, hint: string): string {
  const causes = sections.causes
  if (causes.length === 0) return ''
  const style = MARKDOWN_STYLE
  const items = causes.slice(0, level.causes).map((cause, i) => {
    const shown = { ...cause, policies: cause.policies.slice(0, level.policiesPerCause) }
    const extra = cause.policies.length - shown.policies.length
    const more = extra > 0 ? ` and ${pluralize(extra, 'more policy', 'more policies')}` : ''
    // Nested items line up with the item's text, or "10." would end the list's nesting.
    const number = `${i + 1}. `
    const indent = ' '.repeat(number.length)
    const effects = cause.effects.map(
      (effect) =>
        `${indent}- ${MARKS[effect.kind === 'opened' ? 'allow' : 'deny']} ${describeEffect(effect, style)}\n`
    )
    const denies = cause.defaultDenies.map(
      (entry) => `${indent}- ${MARKS.flaky} ${describeDefaultDeny(entry, style)}\n`
    )
    return `${number}${describeCause(shown, style)}${more}: ${describeCauseCounts(cause)}\n${effects.join('')}${denies.join('')}`
  })
  const left = causes.slice(items.length)
  const leftFlows = left.reduce((sum, cause) => sum + cause.changes.length, 0)
  const more =
    left.length > 0
      ? `\n_…and ${pluralize(left.length, 'more cause')} (${countFlows(leftFlows)}): ${hint}._\n`
      : ''
  return `### Changes by cause\n\n${items.join('')}${more}\n`
}

function detailsBlock(sections: ReportSections, level: DetailLevel, hint: string): string {
  const groups = sections.destinations
  if (groups.length === 0 || level.destinations <= 0) return ''
  const shown = groups.slice(0, level.destinations)
  const summary = `Changed flows by destination: ${countFlows(sections.changes.length)} to ${pluralize(groups.length, 'destination')}`
  const body = shown.map((group) => destinationBlock(group, level.rowsPerDestination, hint)).join('')
  const leftFlows = groups.slice(shown.length).reduce((sum, group) => sum + group.changes.length, 0)
  const more =
    shown.length < groups.length
      ? `_…and ${pluralize(groups.length - shown.length, 'more destination')} (${countFlows(leftFlows)}): ${hint}._\n\n`
      : ''
  return `<details><summary>${summary}</summary>\n\n${body}${more}</details>\n\n`
}

function destinationBlock(group: DestinationGroup, maxRows: number, hint: string): string {
  const detail = buildDetailRows(group.changes, maxRows)
  const reasons = new Set(detail.rows.map((row) => `${row.reason}\u0000${row.before ?? ''}`))
  const shared = reasons.size === 1 && detail.rows.length > 1 ? detail.rows[0] : undefined
  const head = `#### → ${escapeName(group.to)}\n\n`
  const rowsWord = detail.moreFlows > 0 ? 'every row shown' : 'every row'
  const because = shared
    ? `Reason for ${rowsWord}: ${escapeMarkdown(shared.reason)}${before(shared.before)}\n\n`
    : ''
  const columns = shared ? ['source', 'ports', 'base → head'] : ['source', 'ports', 'base → head', 'reason']
  const rows = detail.rows.map((row) => {
    const cells = [
      escapeName(row.from),
      describePortsCell(row.ports),
      `${verdictMark(row.base, row.flaky)} → ${verdictMark(row.head, row.flaky)}`
    ]
    return tableRow(shared ? cells : [...cells, `${escapeMarkdown(row.reason)}${before(row.before)}`])
  })
  const more = detail.moreFlows > 0 ? `\n_…and ${describeMoreRows(detail)}: ${hint}._\n` : ''
  return `${head}${because}${tableHead(columns)}${rows.join('')}${more}\n`
}

function describePortsCell(ports: readonly string[]): string {
  return describePorts(ports, {
    ...MARKDOWN_STYLE,
    text: (port) => escapeMarkdown(port, { maxLength: MAX_NAME_LENGTH })
  })
}

function before(reason: string | undefined): string {
  return reason ? `<br>_before:_ ${escapeMarkdown(reason)}` : ''
}

function graphBlock(sections: ReportSections, level: DetailLevel): string {
  const graph = renderGraph(sections.changes, sections.causes, level.graphEdges)
  if (graph === '') return ''
  return `<details><summary>Graph of changed edges</summary>\n\n${graph}\n</details>\n\n`
}

function disagreementBlock(sections: ReportSections, max: number, hint: string): string {
  const all = sections.disagreements
  if (all.length === 0) return ''
  const rows = all
    .slice(0, max)
    .map((d) =>
      tableRow([
        flowText(d.flow, portText([describeFlow(d.flow)])),
        d.side,
        verdictMark(d.predicted),
        verdictMark(d.observed),
        escapeMarkdown(d.reason)
      ])
    )
  return (
    `### Predicted vs observed (${formatCount(all.length)})\n\n` +
    'The cluster did not do what the static engine predicted for these flows.\n\n' +
    tableHead(['flow', 'side', 'predicted', 'observed', 'reason']) +
    rows.join('') +
    moreLine(all.length - rows.length, 'disagreement', hint, '\n') +
    '\n'
  )
}

function flakyBlock(sections: ReportSections, max: number, hint: string): string {
  const all = sections.flaky
  if (all.length === 0) return ''
  const rows = all
    .slice(0, max)
    .map((flow) => `- ${MARKS.flaky} ${flowText(flow, portText([describeFlow(flow)]))}\n`)
  return (
    `### Flaky flows (${formatCount(all.length)})\n\n` +
    'Probes of these flows disagreed with each other; they count as unchanged.\n\n' +
    rows.join('') +
    moreLine(all.length - rows.length, 'flaky flow', hint, '\n') +
    '\n'
  )
}

function noticeBlock(notices: readonly DiagnosticLine[], max: number, hint: string): string {
  if (notices.length === 0 || max <= 0) return ''
  const warnings = notices.filter((line) => line.severity !== 'notice').length
  const lines = notices.slice(0, max).map((line) => `- ${diagnosticLine(line)}\n`)
  const title = `Warnings and notices: ${pluralize(warnings, 'warning')}, ${pluralize(notices.length - warnings, 'notice')}`
  return `<details><summary>${title}</summary>\n\n${lines.join('')}${moreLine(notices.length - lines.length, 'line', hint, '\n')}\n</details>\n\n`
}

function renderFooter(report: Report, runUrl: string | undefined): string {
  const side = (label: string, count: number): string =>
    `${escapeName(label)} (${pluralize(count, 'policy', 'policies')})`
  const sides = report.base
    ? ` · base ${side(report.base.label, report.base.policyCount)} → head ${side(report.head.label, report.head.policyCount)}`
    : ` · ${side(report.head.label, report.head.policyCount)}`
  const tool = `reachdiff ${report.toolVersion} · Cilium ${report.ciliumVersion} semantics`
  const run = runUrl && isPlainUrl(runUrl) ? ` · [workflow run](${runUrl})` : ''
  return `<sub>${escapeMarkdown(tool)} · topology: ${report.topologySource}${sides}${run}</sub>\n`
}
