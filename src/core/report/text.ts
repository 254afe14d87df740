// Terminal output: the same story as the PR comment, from the same sections and sentences,
// laid out for a 100-column terminal: errors, violated expectations, changes by cause, then
// the changed flows per destination, a few rows each unless `verbose` asks for all of them.
import type { Verdict } from '../model.js'
import type { DiagnosticLine } from './diagnostic-lines.js'
import { describeDiagnosticLine } from './diagnostic-lines.js'
import type { Report } from './report.js'
import type { DestinationGroup, ReportSections } from './sections.js'
import { buildDetailRows, buildSections } from './sections.js'
import { describeFlowPort, pluralize } from './summary.js'
import { matrixSection, TEXT_MARKS } from './text-grid.js'
import type { Paint } from './text-layout.js'
import { clean, cleanReason, INDENT, makePaint, wrapText } from './text-layout.js'
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

export { TEXT_WIDTH, wrapText } from './text-layout.js'

export interface TextOptions {
  color: boolean
  /** Every changed flow, every diagnostic: no list is shortened. */
  verbose?: boolean
}

interface Limits {
  list: number
  destinations: number
  rows: number
}

const SHORT: Limits = { list: 20, destinations: 12, rows: 4 }
const ALL: Limits = { list: Infinity, destinations: Infinity, rows: Infinity }
const MORE_HINT = '--verbose or --format json lists them all'

export function renderText(report: Report, options: TextOptions): string {
  const paint = makePaint(options.color)
  const limits = options.verbose ? ALL : SHORT
  const sections = buildSections(report)
  const parts = [
    `${paint('reachdiff', 'bold')}: ${sections.summary.headline}`,
    errorSection(sections.errors, paint, limits),
    violationSection(sections, paint, limits),
    causeSection(sections, paint),
    detailSection(sections, paint, limits),
    disagreementSection(sections, paint, limits),
    flakySection(sections, paint, limits),
    noticeSection(sections.notices, paint, limits),
    matrixSection(report, paint, limits.list),
    paint(
      `reachdiff ${clean(report.toolVersion)} · Cilium ${clean(report.ciliumVersion)} semantics · topology: ${report.topologySource}`,
      'dim'
    )
  ]
  return parts.filter((part) => part !== '').join('\n\n') + '\n'
}

function textStyle(paint: Paint): Style {
  return { text: cleanReason, code: (ours) => ours, strong: (ours) => paint(ours, 'bold') }
}

function more(count: number, unit: string): string {
  return count > 0
    ? `\n  …and ${formatCount(count)} more ${count === 1 ? unit : `${unit}s`} (${MORE_HINT})`
    : ''
}

function verdictText(verdict: Verdict | undefined, paint: Paint, flaky = false): string {
  if (verdict === undefined) return paint('none', 'dim')
  if (flaky) return paint('flaky', 'yellow')
  return paint(verdict, verdict === 'allow' ? 'green' : 'red')
}

function flowText(flow: Parameters<typeof describeFlowPort>[0]): string {
  return `${clean(flow.from)} → ${clean(flow.to)} ${clean(describeFlowPort(flow))}`
}

function diagnosticLines(lines: readonly DiagnosticLine[], paint: Paint, max: number): string[] {
  const styles = { error: 'red', warning: 'yellow', notice: 'dim' } as const
  return lines
    .slice(0, max)
    .map((line) =>
      paint(wrapText(cleanReason(describeDiagnosticLine(line, 5)), INDENT, '  '), styles[line.severity])
    )
}

function errorSection(errors: readonly DiagnosticLine[], paint: Paint, limits: Limits): string {
  if (errors.length === 0) return ''
  const count = errors.reduce((sum, line) => sum + line.places.length, 0)
  const title = paint(`${pluralize(count, 'error')} in the head's files (${HEAD_ERROR_EFFECT})`, 'bold')
  return (
    [title, ...diagnosticLines(errors, paint, limits.list)].join('\n') +
    more(errors.length - limits.list, 'error')
  )
}

function violationSection(sections: ReportSections, paint: Paint, limits: Limits): string {
  const all = sections.violations
  if (all.length === 0) return ''
  const lines = all.slice(0, limits.list).map((v) => {
    const head = `${flowText(v.flow)}: expected ${verdictText(v.expected, paint)}, got ${verdictText(v.actual, paint)}`
    const where = paint(`at ${clean(`${v.file}:${v.line}`)}`, 'dim')
    return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(v.reason))}\n${INDENT}${where}`
  })
  return (
    [paint(`Violated expectations (${formatCount(all.length)})`, 'bold'), ...lines].join('\n') +
    more(all.length - lines.length, 'violation')
  )
}

function causeSection(sections: ReportSections, paint: Paint): string {
  if (sections.causes.length === 0) return ''
  const style = textStyle(paint)
  const lines = sections.causes.map((cause, i) => {
    const head = wrapText(
      `${describeCause(cause, style)}: ${describeCauseCounts(cause)}`,
      '     ',
      `  ${i + 1}. `
    )
    const effects = cause.effects.map((effect) => {
      const mark = paint(
        TEXT_MARKS[effect.kind === 'opened' ? 'allow' : 'deny'],
        effect.kind === 'opened' ? 'green' : 'red'
      )
      return wrapText(`${mark} ${describeEffect(effect, style)}`, '         ', '     - ')
    })
    const denies = cause.defaultDenies.map((entry) =>
      wrapText(`! ${describeDefaultDeny(entry, style)}`, '         ', '     - ')
    )
    return [head, ...effects, ...denies].join('\n')
  })
  return [paint('Changes by cause', 'bold'), ...lines].join('\n')
}

function detailSection(sections: ReportSections, paint: Paint, limits: Limits): string {
  const groups = sections.destinations
  if (groups.length === 0) return ''
  const shown = groups.slice(0, limits.destinations)
  const blocks = shown.map((group) => destinationLines(group, paint, limits.rows))
  const left = groups.slice(shown.length)
  const tail =
    left.length > 0
      ? `\n  …and ${pluralize(left.length, 'more destination')} (${countFlows(left.reduce((sum, g) => sum + g.changes.length, 0))}; ${MORE_HINT})`
      : ''
  const title = paint(`Changed flows by destination (${countFlows(sections.changes.length)})`, 'bold')
  return [title, ...blocks].join('\n') + tail
}

function destinationLines(group: DestinationGroup, paint: Paint, maxRows: number): string {
  const detail = buildDetailRows(group.changes, maxRows)
  const style = textStyle(paint)
  const lines = detail.rows.map((row) => {
    const verdicts = `${verdictText(row.base, paint, row.flaky)} → ${verdictText(row.head, paint, row.flaky)}`
    const head = `${clean(row.from)} ${describePorts(row.ports, style)}: ${verdicts}`
    const reason = row.before ? `${row.reason}; before: ${row.before}` : row.reason
    return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(reason))}`
  })
  const tail = detail.moreFlows > 0 ? `\n  …and ${describeMoreRows(detail)} (${MORE_HINT})` : ''
  return [paint(`→ ${clean(group.to)}`, 'bold'), ...lines].join('\n') + tail
}

function disagreementSection(sections: ReportSections, paint: Paint, limits: Limits): string {
  const all = sections.disagreements
  if (all.length === 0) return ''
  const lines = all.slice(0, limits.list).map((d) => {
    const head = `${flowText(d.flow)} (${d.side}): predicted ${verdictText(d.predicted, paint)}, observed ${verdictText(d.observed, paint)}`
    return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(d.reason))}`
  })
  return (
    [paint(`Predicted vs observed (${formatCount(all.length)})`, 'bold'), ...lines].join('\n') +
    more(all.length - lines.length, 'disagreement')
  )
}

function flakySection(sections: ReportSections, paint: Paint, limits: Limits): string {
  const all = sections.flaky
  if (all.length === 0) return ''
  const lines = all
    .slice(0, limits.list)
    .map((flow) => wrapText(`${paint(TEXT_MARKS.flaky, 'yellow')} ${flowText(flow)}`, INDENT, '  '))
  return (
    [paint(`Flaky flows (${formatCount(all.length)}): probes disagreed`, 'bold'), ...lines].join('\n') +
    more(all.length - lines.length, 'flaky flow')
  )
}

function noticeSection(notices: readonly DiagnosticLine[], paint: Paint, limits: Limits): string {
  if (notices.length === 0) return ''
  const title = paint(`Warnings and notices (${formatCount(notices.length)})`, 'bold')
  return (
    [title, ...diagnosticLines(notices, paint, limits.list)].join('\n') +
    more(notices.length - limits.list, 'line')
  )
}
