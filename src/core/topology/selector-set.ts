// The distinct endpoint selectors a set of rules uses: subjects, endpoint peers and
// requirements. A generated topology needs one pod per selector (where it can be satisfied)
// and uses the selectors again to decide which pods policy can tell apart.
import type { PolicyRule } from '../policy/rules.js'
import { NAMESPACE_KEY, NAMESPACE_LABEL_PREFIX } from '../policy/rules.js'
import type { Requirement, Selector } from '../label-selector.js'

/** The namespace label every namespace carries automatically (R1.1). */
export const METADATA_NAME_LABEL = 'kubernetes.io/metadata.name'

export interface CollectedSelector {
  /** Position in the sorted list; vectors of matches use it. */
  id: number
  /** Canonical text: equal selectors written differently share it. */
  key: string
  selector: Selector
  /**
   * The only namespaces whose pods the selector can match, from an `In` on the namespace key
   * or on the automatic `kubernetes.io/metadata.name` namespace label; undefined when any.
   */
  pinned?: readonly string[]
  /** A `reserved:` requirement: it selects node, world or health identities, never a pod (R1.3). */
  isReserved: boolean
}

/** Every distinct selector of the rules, sorted by canonical text so the output never depends on rule order. */
export function collectSelectors(rules: readonly PolicyRule[]): CollectedSelector[] {
  const byKey = new Map<string, Selector>()
  const add = (selector: Selector): void => {
    const key = canonicalKey(selector)
    if (!byKey.has(key)) byKey.set(key, selector)
  }
  for (const rule of rules) {
    add(rule.subject)
    for (const entries of Object.values(rule.entries)) {
      for (const entry of entries) {
        if (entry.peer.kind === 'endpoints') entry.peer.selectors.forEach(add)
        entry.requires.forEach(add)
      }
    }
  }
  return [...byKey.keys()].sort().map((key, id) => {
    const selector = byKey.get(key)!
    return {
      id,
      key,
      selector,
      pinned: pinnedNamespaces(selector),
      isReserved: selector.some((r) => r.source === 'reserved')
    }
  })
}

export function canonicalKey(selector: Selector): string {
  return selector
    .map((r) => `${r.source}:${r.key} ${r.operator} ${[...r.values].sort().join(',')}`)
    .sort()
    .join(' & ')
}

/** Requirements naming a namespace: the namespace key itself or the automatic name label. */
export function isNamespaceNameRequirement(requirement: Requirement): boolean {
  return requirement.key === NAMESPACE_KEY || requirement.key === NAMESPACE_LABEL_PREFIX + METADATA_NAME_LABEL
}

/** The intersection of every `In` on a namespace name: no pod outside it can match. */
function pinnedNamespaces(selector: Selector): readonly string[] | undefined {
  let pinned: string[] | undefined
  for (const requirement of selector) {
    if (requirement.operator !== 'In' || !isNamespaceNameRequirement(requirement)) continue
    pinned = pinned ? pinned.filter((name) => requirement.values.includes(name)) : [...requirement.values]
  }
  return pinned ? [...new Set(pinned)].sort() : undefined
}

/** Whether a requirement can be met by a pod label at all: pods only carry `k8s:` labels (R1.5). */
export function isPodSource(requirement: Requirement): boolean {
  return requirement.source === 'k8s' || requirement.source === 'any'
}

export const PLACEHOLDER_VALUE = 'x'

/**
 * A value that satisfies every requirement on one key: the first `In` value the other
 * requirements also allow, a placeholder for `Exists`, nothing for `NotIn`/`DoesNotExist`.
 * `satisfiable` is false when the `In` lists and `NotIn` exclude every value.
 */
export function chooseValue(
  requirements: readonly Requirement[],
  placeholder: string
): { value?: string; satisfiable: boolean } {
  const excluded = new Set(requirements.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values))
  const ins = requirements.filter((r) => r.operator === 'In')
  if (ins.length > 0) {
    const value = ins[0].values.find((v) => !excluded.has(v) && ins.every((r) => r.values.includes(v)))
    return { value, satisfiable: value !== undefined }
  }
  if (!requirements.some((r) => r.operator === 'Exists')) return { satisfiable: true }
  let value = placeholder
  for (let i = 2; excluded.has(value); i++) value = `${placeholder}${i}`
  return { value, satisfiable: true }
}

/** Requirements grouped by key, in key order, for the pod-source requirements only. */
export function groupByKey(selector: Selector): Map<string, Requirement[]> {
  const groups = new Map<string, Requirement[]>()
  for (const requirement of [...selector].sort((a, b) => compareText(a.key, b.key))) {
    if (!isPodSource(requirement)) continue
    const list = groups.get(requirement.key)
    if (list) list.push(requirement)
    else groups.set(requirement.key, [requirement])
  }
  return groups
}

/** Code-unit order: unlike localeCompare it is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
