// Step 1 of topology generation: the namespaces the rules mention, labelled so that every
// namespace-label requirement can be met, plus one namespace no policy mentions.
import type { Namespace } from '../model.js'
import { NAMESPACE_LABEL_PREFIX } from '../policy/rules.js'
import type { PolicyRule } from '../policy/rules.js'
import { indexLabels, matchesSelector } from '../label-selector.js'
import type { Requirement } from '../label-selector.js'
import { claimName, toDnsLabel } from './names.js'
import type { CollectedSelector } from './selector-set.js'
import {
  chooseValue,
  compareText,
  groupByKey,
  isNamespaceNameRequirement,
  isPodSource,
  METADATA_NAME_LABEL,
  PLACEHOLDER_VALUE
} from './selector-set.js'

/** Used when no rule names a namespace, e.g. a lone CCNP. */
export const DEFAULT_NAMESPACE = 'default'
/** The namespace that stands for "the rest of the cluster": it holds only an outsider. */
export const UNMENTIONED_NAMESPACE = 'unmentioned'

export interface NamespacePlan {
  /** Sorted by name; every one carries `kubernetes.io/metadata.name=<name>`. */
  namespaces: Namespace[]
  unmentioned: string
}

type LabelMap = Map<string, Record<string, string>>

export function planNamespaces(
  rules: readonly PolicyRule[],
  selectors: readonly CollectedSelector[],
  declared: readonly Namespace[] = []
): NamespacePlan {
  const labels: LabelMap = new Map()
  const ensure = (name: string): void => {
    if (!labels.has(name)) labels.set(name, { [METADATA_NAME_LABEL]: name })
  }
  for (const namespace of declared)
    labels.set(namespace.name, { ...namespace.labels, [METADATA_NAME_LABEL]: namespace.name })
  mentionedNamespaces(rules, selectors).forEach(ensure)
  if (labels.size === 0) ensure(DEFAULT_NAMESPACE)
  const labelled = selectors.filter((s) => !s.isReserved && namespaceLabelRequirements(s.selector).length > 0)
  // Pinned selectors first: their labels must go on the namespaces they name (e.g. a CNP in
  // 1.15, whose namespace-label peers stay confined to the policy namespace, R5.1b).
  const known = knownValues(labelled)
  for (const collected of labelled) if (collected.pinned) labelPinned(collected, labels, known)
  for (const collected of labelled) if (!collected.pinned) ensureCarrier(collected, labels, known)
  const unmentioned = claimName(UNMENTIONED_NAMESPACE, new Set(labels.keys()))
  ensure(unmentioned)
  const namespaces = [...labels.keys()].sort(compareText).map((name) => ({ name, labels: labels.get(name)! }))
  return { namespaces, unmentioned }
}

/** Policy namespaces of CNPs and KNPs (R4.1, R4.5) and namespace names in selectors, `In` or `NotIn`. */
function mentionedNamespaces(
  rules: readonly PolicyRule[],
  selectors: readonly CollectedSelector[]
): string[] {
  const names = new Set<string>()
  for (const rule of rules) {
    if (rule.policy.kind !== 'CiliumClusterwideNetworkPolicy')
      names.add(rule.policy.namespace ?? DEFAULT_NAMESPACE)
  }
  for (const { selector, isReserved } of selectors) {
    if (isReserved) continue
    for (const requirement of selector) {
      const namesValues = requirement.operator === 'In' || requirement.operator === 'NotIn'
      if (namesValues && isPodSource(requirement) && isNamespaceNameRequirement(requirement)) {
        requirement.values.forEach((value) => names.add(value))
      }
    }
  }
  return [...names].sort(compareText)
}

export function namespaceLabelRequirements(selector: readonly Requirement[]): Requirement[] {
  return selector.filter((r) => isPodSource(r) && r.key.startsWith(NAMESPACE_LABEL_PREFIX))
}

/** Per namespace-label key, the sorted values some `In` asks for. */
type KnownValues = Map<string, string[]>

function knownValues(selectors: readonly CollectedSelector[]): KnownValues {
  const known: KnownValues = new Map()
  for (const { selector } of selectors) {
    for (const requirement of namespaceLabelRequirements(selector)) {
      if (requirement.operator !== 'In') continue
      known.set(requirement.key, [...(known.get(requirement.key) ?? []), ...requirement.values])
    }
  }
  for (const [key, values] of known) known.set(key, [...new Set(values)].sort(compareText))
  return known
}

/**
 * Namespace labels that satisfy the selector's namespace-label requirements, or undefined if
 * none can. `Exists` reuses a value another selector asks for, so `team Exists` and
 * `team=blue` share one namespace instead of two.
 */
function desiredLabels(
  requirements: readonly Requirement[],
  known: KnownValues
): Record<string, string> | undefined {
  const desired: Record<string, string> = {}
  for (const [key, group] of groupByKey(requirements)) {
    const label = key.slice(NAMESPACE_LABEL_PREFIX.length)
    if (label === METADATA_NAME_LABEL) continue // automatic; pinning already chose the namespace
    const excluded = group.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values)
    const reused = (known.get(key) ?? []).find((value) => !excluded.includes(value))
    const { value, satisfiable } = chooseValue(group, reused ?? PLACEHOLDER_VALUE)
    if (!satisfiable) return undefined
    if (value !== undefined) desired[label] = value
  }
  return desired
}

function labelPinned(collected: CollectedSelector, labels: LabelMap, known: KnownValues): void {
  const desired = desiredLabels(namespaceLabelRequirements(collected.selector), known)
  if (!desired) return
  for (const name of collected.pinned ?? []) {
    const current = labels.get(name)
    if (!current) continue
    // A conflicting value stays: the pod check in generate.ts then drops this selector's pod.
    for (const [key, value] of Object.entries(desired)) current[key] ??= value
  }
}

/** Reuses a namespace whose labels already fit, else creates one named from the labels (`ns-team-blue`). */
function ensureCarrier(collected: CollectedSelector, labels: LabelMap, known: KnownValues): void {
  const requirements = namespaceLabelRequirements(collected.selector)
  if ([...labels.values()].some((current) => carries(current, requirements))) return
  const desired = desiredLabels(requirements, known)
  if (!desired) return
  const text = Object.keys(desired)
    .sort(compareText)
    .map((key) => `${key}-${desired[key]}`)
    .join('-')
  const name = claimName(toDnsLabel(`ns-${text || 'other'}`, 'ns-other'), new Set(labels.keys()))
  const created = { ...desired, [METADATA_NAME_LABEL]: name }
  if (carries(created, requirements)) labels.set(name, created)
}

function carries(namespaceLabels: Record<string, string>, requirements: readonly Requirement[]): boolean {
  const identity = Object.entries(namespaceLabels).map(([key, value]) => ({
    source: 'k8s',
    key: NAMESPACE_LABEL_PREFIX + key,
    value
  }))
  return matchesSelector(requirements, indexLabels(identity))
}
