// Which selector combinations deserve a witness pod, most telling first. A pod per selector
// never carries two selectors' labels at once, so a deny that carves `class: tiefighter` out
// of an allow for `org: empire` would show on no pod. The combinations worth a pod:
// 1. an allow's peer with a deny's peer of the same direction (carve-outs, shadowed allows);
// 2. a policy's subject with a peer of another policy (a pod both protected and named);
// 3. a namespace-only peer with a pod selector (a pod of that selector in such a namespace).
// Combinations that involve a policy the change touches come before all others.
import { describePolicy } from '../policy/document.js'
import type { Direction, PolicyRule } from '../policy/rules.js'
import type { Selector } from '../label-selector.js'
import { namespaceLabelRequirements } from './namespaces.js'
import type { CollectedSelector } from './selector-set.js'
import { canonicalKey, compareText, isNamespaceNameRequirement, isPodSource } from './selector-set.js'

export interface SelectorPair {
  a: number
  b: number
  /** The category, 0 to 2 as numbered in the module comment. */
  rank: number
  /** The roles of the two selectors, for the witness's `standsFor`. */
  why: string
}

/** Whether the witness limit stopped the search while combinations were left. */
export interface WitnessCut {
  limit: number
  isCut: boolean
}

interface Role {
  id: number
  policy: string
  kind: 'subject' | 'allow' | 'deny'
  direction?: Direction
  where: string
  isChanged: boolean
}

/**
 * Pairs in the order witnesses are tried, each unordered pair once. Lazy: 500 policies offer
 * hundreds of thousands of pairs, and the search stops at the witness limit long before.
 */
export function* planSelectorPairs(
  ruleSets: readonly (readonly PolicyRule[])[],
  selectors: readonly CollectedSelector[]
): Generator<SelectorPair> {
  const roles = collectRoles(ruleSets.flat(), selectors, changedPolicies(ruleSets))
  const byId = new Map(selectors.map((s) => [s.id, s.selector]))
  const peers = roles.filter((role) => role.kind !== 'subject')
  const categories: [Role[], Role[], (x: Role, y: Role) => boolean][] = [
    [
      peers.filter((r) => r.kind === 'allow'),
      peers,
      (x, y) => y.kind === 'deny' && y.direction === x.direction
    ],
    [roles.filter((r) => r.kind === 'subject'), peers, (x, y) => x.policy !== y.policy],
    [
      roles.filter((r) => isNamespaceOnly(byId.get(r.id)!)),
      roles.filter((r) => hasPodLabels(byId.get(r.id)!)),
      () => true
    ]
  ]
  const yielded = new Set<number>()
  const width = selectors.length
  // Combinations with a changed policy first, in every category; then the rest.
  for (const wantChanged of [true, false]) {
    for (const [rank, [left, right, fits]] of categories.entries()) {
      for (const x of left) {
        for (const y of right) {
          if (x.id === y.id || (x.isChanged || y.isChanged) !== wantChanged || !fits(x, y)) continue
          const key = x.id < y.id ? x.id * width + y.id : y.id * width + x.id
          if (yielded.has(key)) continue
          yielded.add(key)
          const [first, second] = x.id < y.id ? [x, y] : [y, x]
          yield { a: first.id, b: second.id, rank, why: `${first.where} and ${second.where}` }
        }
      }
    }
  }
}

function collectRoles(
  rules: readonly PolicyRule[],
  selectors: readonly CollectedSelector[],
  changed: ReadonlySet<string>
): Role[] {
  const ids = new Map(selectors.filter((s) => !s.isReserved).map((s) => [s.key, s.id]))
  const roles: Role[] = []
  const seen = new Set<string>()
  const add = (selector: Selector, role: Omit<Role, 'id'>): void => {
    const id = ids.get(canonicalKey(selector))
    const key = `${id}|${role.policy}|${role.kind}|${role.direction}`
    if (id === undefined || seen.has(key)) return
    seen.add(key)
    roles.push({ id, ...role })
  }
  for (const rule of rules) {
    const policy = describePolicy(rule.policy)
    const isChanged = changed.has(policy)
    add(rule.subject, { policy, kind: 'subject', where: `selected by ${policy}`, isChanged })
    for (const entries of Object.values(rule.entries)) {
      for (const entry of entries) {
        if (entry.peer.kind !== 'endpoints') continue
        const section = entry.ref.section
        const direction: Direction = section.startsWith('ingress') ? 'ingress' : 'egress'
        const kind = entry.isDeny ? 'deny' : 'allow'
        const where = `peer of ${policy} ${section}[${entry.ref.index}]`
        for (const selector of entry.peer.selectors)
          add(selector, { policy, kind, direction, where, isChanged })
      }
    }
  }
  // Rule order must not matter: the same policies give the same witnesses.
  return roles.sort((p, q) => p.id - q.id || compareText(p.where, q.where) || compareText(p.kind, q.kind))
}

/**
 * Policies whose rules differ between the rule sets (base and head of a diff), added and
 * removed ones included. With one rule set nothing counts as changed.
 */
export function changedPolicies(ruleSets: readonly (readonly PolicyRule[])[]): Set<string> {
  if (ruleSets.length < 2) return new Set()
  const signatures = ruleSets.map((rules) => {
    const byPolicy = new Map<string, string[]>()
    for (const rule of rules) {
      const key = describePolicy(rule.policy)
      byPolicy.set(key, [...(byPolicy.get(key) ?? []), ruleSignature(rule)])
    }
    return new Map([...byPolicy].map(([key, list]) => [key, list.join('\n')]))
  })
  const keys = new Set(signatures.flatMap((map) => [...map.keys()]))
  return new Set([...keys].filter((key) => new Set(signatures.map((map) => map.get(key))).size > 1))
}

/** A rule without where it was written: moving a policy within its file changes nothing. */
function ruleSignature(rule: PolicyRule): string {
  const entries = Object.entries(rule.entries).map(([section, list]) => [
    section,
    list.map((entry) => [entry.isDeny, entry.peer, entry.l4, entry.requires])
  ])
  return JSON.stringify([rule.specIndex ?? null, rule.subject, entries, rule.defaultDeny])
}

function isNamespaceOnly(selector: Selector): boolean {
  return namespaceLabelRequirements(selector).length > 0 && !hasPodLabels(selector)
}

function hasPodLabels(selector: Selector): boolean {
  return selector.some(
    (r) => isPodSource(r) && !isNamespaceNameRequirement(r) && !r.key.startsWith('io.cilium.k8s.')
  )
}
