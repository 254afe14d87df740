// Base vs head (or predicted vs observed): which flows changed and how, and which policies
// changed to explain it. Pure and small, so the report only has to present it.
import type { MatrixCell, Matrix } from './matrix.js'
import { indexCells } from './matrix.js'
import type { Flow, Verdict } from './model.js'
import { compareFlows } from './model.js'
import { describePolicy } from './policy/document.js'
import type { PolicyDocument, PolicyRef } from './policy/document.js'
import type { Section } from './policy/rules.js'
import { isRecord } from './records.js'

export type ChangeKind = 'opened' | 'closed' | 'unchanged' | 'added' | 'removed'

export interface FlowChange {
  kind: ChangeKind
  flow: Flow
  base?: MatrixCell
  head?: MatrixCell
}

export interface MatrixDiff {
  changes: FlowChange[]
  counts: Record<ChangeKind, number>
}

function changeKind(base: Verdict | undefined, head: Verdict | undefined): ChangeKind {
  if (base === undefined) return 'added'
  if (head === undefined) return 'removed'
  if (base === head) return 'unchanged'
  return head === 'allow' ? 'opened' : 'closed'
}

/** Every flow of either side, in flow order; flaky cells never count as changed. */
export function diffMatrices(base: Matrix, head: Matrix): MatrixDiff {
  const changes = isAligned(base, head) ? diffAligned(base, head) : diffByKey(base, head)
  const counts: Record<ChangeKind, number> = { opened: 0, closed: 0, unchanged: 0, added: 0, removed: 0 }
  for (const change of changes) counts[change.kind]++
  return { changes, counts }
}

function compareCells(before: MatrixCell | undefined, after: MatrixCell | undefined, flow: Flow): FlowChange {
  const flaky = before?.flaky === true || after?.flaky === true
  const kind = flaky && before && after ? 'unchanged' : changeKind(before?.verdict, after?.verdict)
  return { kind, flow, base: before, head: after }
}

/** Both sides predicted over the same flows (the usual case): compare cell by cell. */
function isAligned(base: Matrix, head: Matrix): boolean {
  return (
    base.cells.length === head.cells.length && base.cells.every((cell, i) => cell.flow === head.cells[i].flow)
  )
}

function diffAligned(base: Matrix, head: Matrix): FlowChange[] {
  return head.cells.map((after, i) => compareCells(base.cells[i], after, after.flow))
}

function diffByKey(base: Matrix, head: Matrix): FlowChange[] {
  const baseCells = indexCells(base)
  const headCells = indexCells(head)
  const keys = new Set([...baseCells.keys(), ...headCells.keys()])
  const changes: FlowChange[] = []
  for (const key of keys) {
    const before = baseCells.get(key)
    const after = headCells.get(key)
    changes.push(compareCells(before, after, (after ?? before)!.flow))
  }
  return changes.sort((a, b) => compareFlows(a.flow, b.flow))
}

/** How a policy differs between base and head: the causes a report groups changed flows by. */
export type PolicyChangeKind = 'added' | 'removed' | 'edited' | 'rejected'

export interface PolicyChange {
  /** `rejected`: valid at base, refused at head (its file no longer parses or validates). */
  kind: PolicyChangeKind
  /** The head's reference; the base's for `removed` and `rejected`. */
  policy: PolicyRef
  /** Sections the policy has (`ingress`, `ingressDeny`, …) on the side that counts. */
  sections: Section[]
}

/**
 * Policies are the same policy when kind, namespace and name agree, wherever the file moved;
 * they are edited when what Cilium reads (spec, specs, validity) differs.
 */
export function diffPolicies(
  base: readonly PolicyDocument[],
  head: readonly PolicyDocument[],
  headErrorFiles: ReadonlySet<string> = new Set()
): PolicyChange[] {
  const baseByKey = new Map(base.map((doc) => [describePolicy(doc.ref), doc]))
  const headByKey = new Map(head.map((doc) => [describePolicy(doc.ref), doc]))
  const changes: PolicyChange[] = []
  for (const [key, after] of headByKey) {
    const before = baseByKey.get(key)
    if (!before) {
      if (after.valid) changes.push({ kind: 'added', policy: after.ref, sections: sectionsOf(after) })
    } else if (before.valid && !after.valid) {
      changes.push({ kind: 'rejected', policy: before.ref, sections: sectionsOf(before) })
    } else if (semanticText(before) !== semanticText(after)) {
      changes.push({ kind: 'edited', policy: after.ref, sections: sectionsOf(after) })
    }
  }
  for (const [key, before] of baseByKey) {
    if (headByKey.has(key) || !before.valid) continue
    // A file that no longer parses loses its policies: that is a broken file, not a deletion.
    const kind = headErrorFiles.has(before.ref.file) ? 'rejected' : 'removed'
    changes.push({ kind, policy: before.ref, sections: sectionsOf(before) })
  }
  return changes.sort((a, b) => compareText(describePolicy(a.policy), describePolicy(b.policy)))
}

const SECTIONS: readonly Section[] = ['ingress', 'ingressDeny', 'egress', 'egressDeny']

/** The sections a document writes, across `spec` and every entry of `specs`; KNP's policyTypes count too. */
function sectionsOf(doc: PolicyDocument): Section[] {
  const raw = doc.raw
  const listed: unknown[] = Array.isArray(raw.specs) ? raw.specs : []
  const specs = [raw.spec, ...listed].filter(isRecord)
  const found = new Set<Section>()
  for (const spec of specs) {
    for (const section of SECTIONS)
      if (spec[section] !== undefined && spec[section] !== null) found.add(section)
    const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : []
    if (types.includes('Ingress')) found.add('ingress')
    if (types.includes('Egress')) found.add('egress')
  }
  return SECTIONS.filter((section) => found.has(section))
}

function semanticText(doc: PolicyDocument): string {
  return stableJson({ spec: doc.raw.spec ?? null, specs: doc.raw.specs ?? null, valid: doc.valid })
}

/** JSON with object keys sorted, so key order in YAML is not an edit. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
