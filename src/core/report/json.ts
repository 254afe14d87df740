// The machine-readable report (docs/report-schema.md). Stable across runs of the same input:
// arrays in flow order, free-form maps (labels) with sorted keys, fixed key order elsewhere,
// no timestamps. Bump SCHEMA_VERSION on any change that could break a reader.
import type { FlowChange, PolicyChange } from '../diff.js'
import type { Matrix, MatrixCell } from '../matrix.js'
import type {
  Diagnostic,
  Flow,
  HttpRequest,
  Labels,
  Protocol,
  ServedPort,
  Topology,
  Verdict
} from '../model.js'
import { compareFlows, PROTOCOLS } from '../model.js'
import type { Disagreement, Report, RevisionReport, Violation } from './report.js'
import type { PolicyRef } from '../policy/document.js'
import type { Cause } from './causes.js'
import type { EndpointSummary } from './endpoint-summary.js'
import { JsonSequence, streamJson } from './json-stream.js'
import { buildSections } from './sections.js'
import { findNewDefaultDenies, sortDiagnostics, summarizeReport } from './summary.js'

export const SCHEMA_VERSION = 1

export interface JsonFlow {
  from: string
  to: string
  /** null for ICMP. */
  port: number | null
  protocol: Protocol
  http?: HttpRequest
}

type JsonValue =
  string | number | boolean | null | JsonSequence | JsonValue[] | { [key: string]: JsonValue | undefined }
type JsonObject = { [key: string]: JsonValue | undefined }

/** The whole report as one string: for tests and small reports. Large ones use streamJsonReport. */
export function renderJson(report: Report): string {
  return [...streamJsonReport(report)].join('')
}

/** The report in chunks, never as one string: a million-flow report stays within memory. */
export function streamJsonReport(report: Report): Generator<string> {
  return streamJson(buildJsonReport(report))
}

/**
 * The report as data for streamJson; the long arrays (changes, matrix cells) are sequences
 * made while they are written.
 */
export function buildJsonReport(report: Report): JsonObject {
  const summary = summarizeReport(report)
  const sections = buildSections(report)
  const { changes, causeOf } = sections
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'reachdiff', version: report.toolVersion },
    ciliumVersion: report.ciliumVersion,
    topologySource: report.topologySource,
    revisions: { base: report.base && revision(report.base), head: revision(report.head) },
    summary: {
      headline: summary.headline,
      opened: summary.opened,
      closed: summary.closed,
      unchanged: summary.unchanged,
      added: summary.added,
      removed: summary.removed,
      violations: summary.violations,
      disagreements: summary.disagreements,
      flaky: summary.flaky,
      diagnostics: { ...summary.diagnostics }
    },
    policyChanges: (report.policyChanges ?? []).map(policyChange),
    causes: sections.causes.map(cause),
    changes: new JsonSequence(() => mapItems(changes, (c, i) => change(c, causeOf[i]))),
    newDefaultDenies: findNewDefaultDenies(changes).map((d) => ({
      subject: d.subject,
      direction: d.direction,
      enforcedBy: d.enforcedBy,
      closed: d.closed
    })),
    violations: sortByFlow(report.violations).map(violation),
    disagreements: sortByFlow(report.disagreements).map(disagreement),
    flaky: [...report.flaky].sort(compareFlows).map(flow),
    diagnostics: sortDiagnostics(report.diagnostics).map(diagnostic),
    topology: topology(report.topology),
    matrices: { base: report.base && cells(report.base.matrix), head: cells(report.head.matrix) }
  }
}

function* mapItems<T>(items: readonly T[], map: (item: T, index: number) => JsonValue): Generator<JsonValue> {
  for (let i = 0; i < items.length; i++) yield map(items[i], i)
}

function policyRef(ref: PolicyRef): JsonObject {
  return { kind: ref.kind, namespace: ref.namespace, name: ref.name, file: ref.file, line: ref.line }
}

function policyChange(c: PolicyChange): JsonObject {
  return { change: c.kind, ...policyRef(c.policy), sections: c.sections }
}

function summaryOf(s: EndpointSummary): JsonObject {
  return { text: s.text, count: s.count }
}

function cause(c: Cause): JsonObject {
  return {
    policies: c.policies.map((p) => ({ change: p.kind, ...policyRef(p.policy), rules: p.rules })),
    flows: c.changes.length,
    opened: c.counts.opened,
    closed: c.counts.closed,
    added: c.counts.added,
    removed: c.counts.removed,
    effects: c.effects.map((e) => ({
      kind: e.kind,
      flows: e.flows,
      sources: summaryOf(e.sources),
      destinations: summaryOf(e.destinations),
      ports: e.ports
    })),
    defaultDenies: c.defaultDenies.map((d) => ({
      direction: d.direction,
      subjects: summaryOf(d.subjects),
      closed: d.closed,
      denyOnly: d.isDenyOnly
    }))
  }
}

function sortByFlow<T extends { flow: Flow }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareFlows(a.flow, b.flow))
}

function flow(f: Flow): JsonObject {
  const out: JsonObject = { from: f.from, to: f.to, port: f.port ?? null, protocol: f.protocol }
  if (f.http) out.http = { method: f.http.method, path: f.http.path }
  return out
}

function revision(side: RevisionReport): JsonObject {
  return { label: side.label, policyCount: side.policyCount, source: side.matrix.source }
}

function verdictOf(cell: MatrixCell | undefined): Verdict | null {
  return cell?.verdict ?? null
}

function change(c: FlowChange, causeIndex: number): JsonObject {
  return {
    ...flow(c.flow),
    kind: c.kind,
    cause: causeIndex,
    base: verdictOf(c.base),
    head: verdictOf(c.head),
    reason: c.head?.reason ?? null,
    baseReason: c.base?.reason ?? null
  }
}

function violation(v: Violation): JsonObject {
  return {
    ...flow(v.flow),
    expected: v.expected,
    actual: v.actual,
    reason: v.reason,
    file: v.file,
    line: v.line,
    ...(v.judgedBy ? { judgedBy: v.judgedBy } : {})
  }
}

function disagreement(d: Disagreement): JsonObject {
  return { ...flow(d.flow), side: d.side, predicted: d.predicted, observed: d.observed, reason: d.reason }
}

function diagnostic(d: Diagnostic): JsonObject {
  return {
    severity: d.severity,
    file: d.file,
    line: d.line,
    column: d.column,
    path: d.path,
    message: d.message,
    value: d.value,
    expected: d.expected,
    object: d.object,
    revision: d.revision
  }
}

function cells(matrix: Matrix): JsonSequence {
  const sorted = isSorted(matrix.cells)
    ? matrix.cells
    : [...matrix.cells].sort((a, b) => compareFlows(a.flow, b.flow))
  return new JsonSequence(() =>
    mapItems(sorted, (cell) => ({
      ...flow(cell.flow),
      verdict: cell.verdict,
      reason: cell.reason,
      flaky: cell.flaky,
      attempts: cell.attempts
    }))
  )
}

/** Predicted matrices come sorted already: no copy of a million cells to sort again. */
function isSorted(cells: readonly MatrixCell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (compareFlows(cells[i - 1].flow, cells[i].flow) > 0) return false
  return true
}

function sortedLabels(labels: Labels): JsonObject {
  return Object.fromEntries(
    Object.keys(labels)
      .sort()
      .map((key) => [key, labels[key]])
  )
}

function ports(list: readonly ServedPort[]): JsonObject[] {
  return [...list]
    .sort(
      (a, b) =>
        PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
        (a.port ?? -1) - (b.port ?? -1) ||
        (a.name ?? '').localeCompare(b.name ?? '')
    )
    .map((p) => ({ protocol: p.protocol, port: p.port ?? null, name: p.name }))
}

function topology(t: Topology): JsonObject {
  const byName = <T extends { name: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => a.name.localeCompare(b.name))
  return {
    namespaces: byName(t.namespaces).map((ns) => ({ name: ns.name, labels: sortedLabels(ns.labels) })),
    pods: [...t.pods]
      .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
      .map((pod) => ({
        namespace: pod.namespace,
        name: pod.name,
        labels: sortedLabels(pod.labels),
        serviceAccount: pod.serviceAccount,
        ip: pod.ip,
        ports: ports(pod.ports),
        origin: pod.origin,
        standsFor: pod.standsFor
      })),
    external: byName(t.external).map((e) => ({ name: e.name, ip: e.ip, ports: ports(e.ports) }))
  }
}
