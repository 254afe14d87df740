// Changed flows grouped by what explains them: the policy (and rule) that was added, deleted,
// edited or refused at head. A flow's verdict names the policies that decided it on each side
// (engine/reason.ts); of those, the ones that differ between base and head are its cause.
// Thousands of flows opened by one deleted policy become one line a reviewer can act on.
import type { ChangeKind, FlowChange, PolicyChange, PolicyChangeKind } from '../diff.js'
import type { SideVerdict } from '../engine/engine.js'
import type { MatrixCell } from '../matrix.js'
import type { Direction, Section } from '../policy/rules.js'
import { describePolicy } from '../policy/document.js'
import type { PolicyRef } from '../policy/document.js'
import type { EndpointSummary, TopologyIndex } from './endpoint-summary.js'
import { summarizeEndpoints } from './endpoint-summary.js'
import { describeFlowPort, newlyDefaultDenied } from './summary.js'

/** `involved`: no policy changed, the flow changed anyway (observed in a cluster); these decided it. */
export type CauseKind = PolicyChangeKind | 'involved'

export interface CausePolicy {
  kind: CauseKind
  policy: PolicyRef
  /** `ingress[0]`, `specs[1].egressDeny[2]`: the rules of an edited policy that decided these flows. */
  rules: string[]
}

/** What one cause did to one kind of change: `1,120 flows closed: every pod in prod → world`. */
export interface Effect {
  kind: ChangeKind
  flows: number
  sources: EndpointSummary
  destinations: EndpointSummary
  /** Distinct ports (`TCP/80`, `ICMP`), in flow order. */
  ports: string[]
}

/** Endpoints a cause put into default deny in one direction, closing flows no deny rule names. */
export interface NewDefaultDeny {
  direction: Direction
  subjects: EndpointSummary
  closed: number
  /** Every enforcing policy has only deny rules in that direction: `enableDefaultDeny` is the fix. */
  isDenyOnly: boolean
}

export interface Cause {
  /** Stable identity: the policy keys, or `` when nothing names a policy. */
  key: string
  /** Empty when no policy explains the flows (e.g. a global setting, or observation only). */
  policies: CausePolicy[]
  changes: FlowChange[]
  counts: Record<Exclude<ChangeKind, 'unchanged'>, number>
  effects: Effect[]
  defaultDenies: NewDefaultDeny[]
}

const EFFECT_ORDER: readonly ChangeKind[] = ['closed', 'opened', 'added', 'removed']

export interface CauseGrouping {
  /** Largest first. */
  causes: Cause[]
  /** For `changes[i]` as given, the index of its cause in `causes`. */
  causeOf: Int32Array
}

export function groupByCause(
  changes: readonly FlowChange[],
  policyChanges: readonly PolicyChange[],
  index: TopologyIndex
): CauseGrouping {
  const changed = new Map(policyChanges.map((change) => [describePolicy(change.policy), change]))
  const groups = new Map<string, { order: number; policies: CausePolicy[]; changes: FlowChange[] }>()
  const groupOf = new Int32Array(changes.length)
  changes.forEach((change, i) => {
    const policies = explainChange(change, changed)
    const key = policies.map((p) => `${p.kind} ${describePolicy(p.policy)}`).join('\u0000')
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { order: groups.size, policies, changes: [] }))
    else mergeRules(group.policies, policies)
    group.changes.push(change)
    groupOf[i] = group.order
  })
  const sorted = [...groups].sort(
    ([a, x], [b, y]) => y.changes.length - x.changes.length || (a < b ? -1 : a > b ? 1 : 0)
  )
  const rank = new Int32Array(groups.size)
  sorted.forEach(([, group], i) => (rank[group.order] = i))
  return {
    causes: sorted.map(([key, group]) => buildCause(key, group.policies, group.changes, changed, index)),
    causeOf: groupOf.map((order) => rank[order])
  }
}

function mergeRules(into: CausePolicy[], from: readonly CausePolicy[]): void {
  from.forEach((policy, i) => {
    for (const rule of policy.rules) if (!into[i].rules.includes(rule)) into[i].rules.push(rule)
  })
}

/** The changed policies among those that decided the flow at base or at head. */
function explainChange(change: FlowChange, changed: ReadonlyMap<string, PolicyChange>): CausePolicy[] {
  const decisive = [...decidingRefs(change.base, change.head), ...decidingRefs(change.head, change.base)]
  const fromChanges = pick(decisive, (key) => changed.get(key)?.kind)
  if (fromChanges.length > 0) return fromChanges
  const involved = [...involvedRefs(change.base), ...involvedRefs(change.head)]
  const anyChanged = pick(involved, (key) => changed.get(key)?.kind)
  if (anyChanged.length > 0) return anyChanged
  return pick(decisive, () => 'involved')
}

interface DecidingRef {
  policy: PolicyRef
  rule?: string
}

function pick(refs: readonly DecidingRef[], kindOf: (key: string) => CauseKind | undefined): CausePolicy[] {
  const found = new Map<string, CausePolicy>()
  for (const ref of refs) {
    const key = describePolicy(ref.policy)
    const kind = kindOf(key)
    if (kind === undefined) continue
    const entry = found.get(key) ?? { kind, policy: ref.policy, rules: [] }
    if (kind === 'edited' && ref.rule && !entry.rules.includes(ref.rule)) entry.rules.push(ref.rule)
    found.set(key, entry)
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry)
}

const sideCache = new WeakMap<SideVerdict, DecidingRef[]>()

/**
 * The policies that made the cell's verdict: the deny rule or the allow rules, or for a
 * default deny the policies that enforce it, but only where the other revision did not
 * enforce that direction: a default deny that was there all along is not what changed.
 */
function decidingRefs(cell: MatrixCell | undefined, other: MatrixCell | undefined): DecidingRef[] {
  const explanation = cell?.explanation
  if (!explanation || explanation.global) return []
  const sides = [explanation.egress, explanation.ingress].filter(
    (side): side is SideVerdict => side !== undefined && side.verdict === explanation.verdict
  )
  return sides.flatMap((side) => {
    if (side.decision === 'default-deny' && isEnforced(other?.explanation?.[side.direction])) return []
    let refs = sideCache.get(side)
    if (!refs) sideCache.set(side, (refs = sideRefs(side)))
    return refs
  })
}

function isEnforced(side: SideVerdict | undefined): boolean {
  return side !== undefined && side.decision !== 'not-enforced'
}

function sideRefs(side: SideVerdict): DecidingRef[] {
  const rules = side.rules.map((ref) => ({
    policy: ref.policy,
    rule: `${ref.specIndex === undefined ? '' : `specs[${ref.specIndex}].`}${ref.section}${ref.index < 0 ? '' : `[${ref.index}]`}`
  }))
  if (side.decision === 'default-deny') return side.enforcedBy.map((policy) => ({ policy }))
  if (side.decision === 'not-enforced') return []
  return [...rules, ...side.syntheticAllowBy.map((policy) => ({ policy }))]
}

/** Every policy a cell's explanation mentions, deciding or not. */
function involvedRefs(cell: MatrixCell | undefined): DecidingRef[] {
  const explanation = cell?.explanation
  if (!explanation) return []
  return [explanation.egress, explanation.ingress].flatMap((side) =>
    side
      ? [
          ...side.rules.map((ref) => ({ policy: ref.policy })),
          ...side.enforcedBy.map((policy) => ({ policy }))
        ]
      : []
  )
}

function buildCause(
  key: string,
  policies: CausePolicy[],
  changes: FlowChange[],
  changed: ReadonlyMap<string, PolicyChange>,
  index: TopologyIndex
): Cause {
  const counts = { opened: 0, closed: 0, added: 0, removed: 0 }
  for (const change of changes) if (change.kind !== 'unchanged') counts[change.kind]++
  const effects = EFFECT_ORDER.flatMap((kind) => {
    const ofKind = changes.filter((change) => change.kind === kind)
    return ofKind.length > 0 ? [summarizeEffect(kind, ofKind, index)] : []
  })
  return {
    key,
    policies,
    changes,
    counts,
    effects,
    defaultDenies: findDefaultDenies(changes, changed, index)
  }
}

function summarizeEffect(kind: ChangeKind, changes: readonly FlowChange[], index: TopologyIndex): Effect {
  const sources = new Set<string>()
  const destinations = new Set<string>()
  const ports = new Set<string>()
  for (const { flow } of changes) {
    sources.add(flow.from)
    destinations.add(flow.to)
    ports.add(describeFlowPort(flow))
  }
  return {
    kind,
    flows: changes.length,
    sources: summarizeEndpoints(sources, index),
    destinations: summarizeEndpoints(destinations, index),
    ports: [...ports]
  }
}

/**
 * Closed flows that no rule denies, dropped because a policy now selects the endpoint: a
 * policy with only `ingressDeny` still switches ingress default deny on (Cilium's
 * pkg/policy/repository.go computes enforcement from every rule that selects the endpoint).
 */
function findDefaultDenies(
  changes: readonly FlowChange[],
  changed: ReadonlyMap<string, PolicyChange>,
  index: TopologyIndex
): NewDefaultDeny[] {
  const found = new Map<Direction, { subjects: Set<string>; closed: number; enforcers: Set<string> }>()
  for (const change of changes) {
    if (change.kind !== 'closed') continue
    for (const side of newlyDefaultDenied(change.base, change.head)) {
      const entry = found.get(side.direction) ?? { subjects: new Set(), closed: 0, enforcers: new Set() }
      entry.subjects.add(side.subject)
      entry.closed++
      for (const policy of side.enforcedBy) entry.enforcers.add(describePolicy(policy))
      found.set(side.direction, entry)
    }
  }
  return [...found].map(([direction, entry]) => ({
    direction,
    subjects: summarizeEndpoints(entry.subjects, index),
    closed: entry.closed,
    isDenyOnly: [...entry.enforcers].every((key) => isDenyOnly(changed.get(key)?.sections, direction))
  }))
}

function isDenyOnly(sections: readonly Section[] | undefined, direction: Direction): boolean {
  if (!sections) return false
  const deny: Section = direction === 'ingress' ? 'ingressDeny' : 'egressDeny'
  return sections.includes(deny) && !sections.includes(direction)
}
