// The report's content, decided once for every renderer: what a reviewer must act on first
// (errors in the head's files, violated expectations), the changes grouped by cause, then the
// details per destination. Renderers (markdown.ts, text.ts) only lay this out and escape it;
// no sentence about the report is written in two places.
import type { FlowChange } from '../diff.js'
import type { Diagnostic, Flow, Verdict } from '../model.js'
import { compareFlows } from '../model.js'
import { groupByCause } from './causes.js'
import type { Cause } from './causes.js'
import { groupDiagnostics } from './diagnostic-lines.js'
import type { DiagnosticLine } from './diagnostic-lines.js'
import { TopologyIndex } from './endpoint-summary.js'
import type { Disagreement, Report, Violation } from './report.js'
import type { ReportSummary } from './summary.js'
import {
  describeFlowPort,
  groupByDestination,
  isBaseReasonHelpful,
  listChanges,
  summarizeReport
} from './summary.js'

export interface ReportSections {
  summary: ReportSummary
  /** `observed` only in cluster mode: words such as "flaky" belong to it alone. */
  source: 'predicted' | 'observed'
  /** Errors in the head's files, one line each (repeats folded): the input is wrong. */
  errors: DiagnosticLine[]
  violations: Violation[]
  causes: Cause[]
  /** For `changes[i]`, the index of its cause in `causes`. */
  causeOf: Int32Array
  /** Changed flows by destination, for the folded details. */
  destinations: DestinationGroup[]
  changes: FlowChange[]
  disagreements: Disagreement[]
  flaky: Flow[]
  /** Warnings and notices (head first, base after), repeats folded. */
  notices: DiagnosticLine[]
}

export interface DestinationGroup {
  to: string
  changes: FlowChange[]
  /** Distinct sources among `changes`: the least number of rows the group takes. */
  sources: number
}

/** One source's changes to one destination: ports merged, the reason stated once. */
export interface DetailRow {
  from: string
  to: string
  /** `TCP/80, TCP/443, ICMP` */
  ports: string[]
  base?: Verdict
  head?: Verdict
  flaky: boolean
  reason: string
  /** For an opening: the rule that used to deny it, when the head reason alone says nothing. */
  before?: string
}

export function buildSections(report: Report): ReportSections {
  const changes = listChanges(report)
  const { errors, others } = splitDiagnostics(report.diagnostics)
  const { causes, causeOf } = groupByCause(
    changes,
    report.policyChanges ?? [],
    new TopologyIndex(report.topology)
  )
  return {
    summary: summarizeReport(report),
    source: report.head.matrix.source,
    errors: groupDiagnostics(errors),
    violations: [...report.violations].sort((a, b) => compareFlows(a.flow, b.flow)),
    causes,
    causeOf,
    destinations: [...groupByDestination(changes, (change) => change.flow)].map(([to, group]) => ({
      to,
      changes: group,
      sources: new Set(group.map((change) => change.flow.from)).size
    })),
    changes,
    disagreements: [...report.disagreements].sort((a, b) => compareFlows(a.flow, b.flow)),
    flaky: [...report.flaky].sort(compareFlows),
    notices: groupDiagnostics(others)
  }
}

/** Errors of the head first; a base problem is history, shown among the notices. */
function splitDiagnostics(diagnostics: readonly Diagnostic[]): {
  errors: Diagnostic[]
  others: Diagnostic[]
} {
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.revision !== 'base')
  const others = diagnostics.filter((d) => !errors.includes(d))
  return { errors, others }
}

export interface DetailRows {
  rows: DetailRow[]
  /** Changed flows not in `rows`, and their distinct sources, when a limit stopped the listing. */
  moreFlows: number
  moreSources: number
}

/**
 * A destination's changes as rows: one per source, kind and reason, ports merged in flow
 * order (changes come sorted by destination, then source). Rows are built up to `limit`, since
 * a huge change renders only the first rows of each group; the rest are counted.
 */
export function buildDetailRows(changes: readonly FlowChange[], limit = Infinity): DetailRows {
  const rows = new Map<string, DetailRow>()
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]
    const reason = (change.head ?? change.base)?.reason ?? ''
    const before = isBaseReasonHelpful(change) ? change.base?.reason : undefined
    const key = `${change.flow.from}\u0000${change.kind}\u0000${reason}\u0000${before ?? ''}`
    const row = rows.get(key)
    if (row) {
      row.ports.push(describeFlowPort(change.flow))
      continue
    }
    if (rows.size >= limit) {
      const rest = changes.slice(i)
      return {
        rows: [...rows.values()],
        moreFlows: rest.length,
        moreSources: new Set(rest.map((c) => c.flow.from)).size
      }
    }
    rows.set(key, {
      from: change.flow.from,
      to: change.flow.to,
      ports: [describeFlowPort(change.flow)],
      base: change.base?.verdict,
      head: change.head?.verdict,
      flaky: change.base?.flaky === true || change.head?.flaky === true,
      reason,
      before
    })
  }
  return { rows: [...rows.values()], moreFlows: 0, moreSources: 0 }
}
