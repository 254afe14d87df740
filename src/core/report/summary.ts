// Counts, the one-line headline and the orderings every renderer shares, so the PR comment,
// the terminal, the JSON report and the Action's outputs never disagree about a number.
import type { SideVerdict } from '../engine/engine.js'
import type { FlowChange } from '../diff.js'
import type { MatrixCell } from '../matrix.js'
import type { Diagnostic, Flow } from '../model.js'
import { compareFlows, describePort } from '../model.js'
import { describePolicy } from '../policy/document.js'
import type { Report } from './report.js'

export interface ReportSummary {
  /** False when there was no base to compare with: the change counts are then all zero. */
  hasDiff: boolean
  opened: number
  closed: number
  unchanged: number
  added: number
  removed: number
  violations: number
  disagreements: number
  flaky: number
  diagnostics: { errors: number; warnings: number; notices: number }
  /** Head matrix totals. */
  allowed: number
  denied: number
  /** Plain text, no markup: `3 flows closed, 0 opened, 1 expectation violated`. */
  headline: string
}

/** `1 flow`, `2 flows`. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`
}

export function summarizeReport(report: Report): ReportSummary {
  const counts = report.diff?.counts
  const severities = (severity: Diagnostic['severity']): number =>
    report.diagnostics.filter((d) => d.severity === severity).length
  const allowed = report.head.matrix.cells.filter((cell) => cell.verdict === 'allow').length
  const summary: ReportSummary = {
    hasDiff: report.diff !== undefined,
    opened: counts?.opened ?? 0,
    closed: counts?.closed ?? 0,
    unchanged: counts?.unchanged ?? 0,
    added: counts?.added ?? 0,
    removed: counts?.removed ?? 0,
    violations: report.violations.length,
    disagreements: report.disagreements.length,
    flaky: report.flaky.length,
    diagnostics: {
      errors: severities('error'),
      warnings: severities('warning'),
      notices: severities('notice')
    },
    allowed,
    denied: report.head.matrix.cells.length - allowed,
    headline: ''
  }
  summary.headline = composeHeadline(summary)
  return summary
}

function composeHeadline(s: ReportSummary): string {
  const parts: string[] = []
  if (!s.hasDiff) {
    parts.push(
      `${pluralize(s.allowed + s.denied, 'flow')} checked (${s.allowed.toLocaleString('en')} allowed, ${s.denied.toLocaleString('en')} denied)`
    )
  } else if (s.opened + s.closed + s.added + s.removed === 0) {
    parts.push('no reachability change')
  } else {
    // Closed first: an outage is the surprise a reviewer most needs to see.
    parts.push(`${pluralize(s.closed, 'flow')} closed`, `${s.opened.toLocaleString('en')} opened`)
    if (s.added > 0) parts.push(`${s.added.toLocaleString('en')} added`)
    if (s.removed > 0) parts.push(`${s.removed.toLocaleString('en')} removed`)
  }
  if (s.violations > 0) parts.push(`${pluralize(s.violations, 'expectation')} violated`)
  if (s.disagreements > 0) parts.push(pluralize(s.disagreements, 'disagreement'))
  if (s.flaky > 0) parts.push(`${pluralize(s.flaky, 'flaky flow')}`)
  if (s.diagnostics.errors > 0) parts.push(pluralize(s.diagnostics.errors, 'policy error'))
  return parts.join(', ')
}

/** The changes a reviewer must see: everything but `unchanged`, in flow order. */
export function listChanges(report: Report): FlowChange[] {
  return (report.diff?.changes ?? []).filter((change) => change.kind !== 'unchanged')
}

/** Items grouped by destination, groups and items in flow order. */
export function groupByDestination<T>(items: readonly T[], flowOf: (item: T) => Flow): Map<string, T[]> {
  const sorted = [...items].sort((a, b) => compareFlows(flowOf(a), flowOf(b)))
  const groups = new Map<string, T[]>()
  for (const item of sorted) {
    const to = flowOf(item).to
    const group = groups.get(to)
    if (group) group.push(item)
    else groups.set(to, [item])
  }
  return groups
}

/** `TCP/80`, `ICMP`, `TCP/80 GET /public`. */
export function describeFlowPort(flow: Flow): string {
  const port = describePort(flow.protocol, flow.port)
  return flow.http ? `${port} ${flow.http.method} ${flow.http.path}` : port
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
  )
}

/**
 * Whether the head reason alone says why the flow is allowed. "Nothing enforces either side"
 * does not: the base reason (the rule that used to deny it) is the real story of an opening.
 */
export function isBaseReasonHelpful(change: FlowChange): boolean {
  const head = change.head
  if (!change.base || !head || head.verdict !== 'allow') return false
  // An observed cell's reason is what the probe saw; the base probe adds nothing to it.
  if (!head.explanation) return false
  const sides = [head.explanation.egress, head.explanation.ingress]
  return sides.every((side) => side === undefined || side.decision === 'not-enforced')
}

/**
 * A direction that a change put into default deny: closed flows that no rule denies, dropped
 * only because some policy now selects the endpoint (docs/semantics.md R2.2/R2.3: a policy
 * with only `ingressDeny` still switches ingress default deny on).
 */
export interface NewDefaultDeny {
  /** `namespace/pod` */
  subject: string
  direction: SideVerdict['direction']
  /** `CiliumClusterwideNetworkPolicy block-client`, … */
  enforcedBy: string[]
  /** Closed flows dropped by this default deny. */
  closed: number
}

export function findNewDefaultDenies(changes: readonly FlowChange[]): NewDefaultDeny[] {
  const found = new Map<string, NewDefaultDeny>()
  for (const change of changes) {
    if (change.kind !== 'closed') continue
    for (const side of newlyDefaultDenied(change.base, change.head)) {
      const key = `${side.direction} ${side.subject}`
      const entry = found.get(key) ?? {
        subject: side.subject,
        direction: side.direction,
        enforcedBy: [...new Set(side.enforcedBy.map(describePolicy))].sort(),
        closed: 0
      }
      entry.closed++
      found.set(key, entry)
    }
  }
  return [...found.values()].sort(
    (a, b) => a.subject.localeCompare(b.subject) || a.direction.localeCompare(b.direction)
  )
}

/** The sides a change put into default deny: enforced at head, not at base. */
export function newlyDefaultDenied(
  base: MatrixCell | undefined,
  head: MatrixCell | undefined
): SideVerdict[] {
  const sides: SideVerdict[] = []
  for (const direction of ['egress', 'ingress'] as const) {
    const after = head?.explanation?.[direction]
    const before = base?.explanation?.[direction]
    if (after?.decision === 'default-deny' && (!before || before.decision === 'not-enforced'))
      sides.push(after)
  }
  return sides
}
