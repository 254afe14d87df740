// Steps 2, 3, 6 and 7 of topology generation: a pod for every selector wherever it can apply,
// an outsider in every namespace, pods that no selector tells apart merged, and names.
import { isIdentityLabel, podIdentityLabels } from '../engine/identities.js'
import type { Labels, Namespace, Pod, PodOrigin } from '../model.js'
import type { EngineOptions } from '../options.js'
import { NAMESPACE_KEY, NAMESPACE_LABEL_PREFIX } from '../policy/rules.js'
import { indexLabels, matchesSelector } from '../label-selector.js'
import type { LabelIndex, Selector } from '../label-selector.js'
import { claimName, podNameFromLabels, toDnsLabel } from './names.js'
import { findWitnesses } from './witnesses.js'
import type { SelectorPair, WitnessCut } from './witness-pairs.js'
import type { CollectedSelector } from './selector-set.js'
import { chooseValue, compareText, groupByKey, PLACEHOLDER_VALUE } from './selector-set.js'

const SERVICE_ACCOUNT_KEY = 'io.cilium.k8s.policy.serviceaccount'
const CLUSTER_KEY = 'io.cilium.k8s.policy.cluster'
const CILIUM_PREFIX = 'io.cilium.k8s'
const DEFAULT_SERVICE_ACCOUNT = 'default'
export const OUTSIDER_NAME = 'outsider'
/** Tried in order; the first that no selector matches wins, else the one matched least. */
const OUTSIDER_LABELS: readonly Labels[] = [
  { app: 'outsider' },
  { role: 'outsider' },
  { 'reachdiff-outsider': 'true' },
  {}
]

/** A generated pod before ports are attached. */
export interface PodDraft {
  namespace: string
  name: string
  labels: Labels
  serviceAccount: string
  origin: PodOrigin
  standsFor?: string
}

export interface Candidate extends Omit<PodDraft, 'name'> {
  /** Ids of every selector that matches the pod: what policy can see of it. */
  matches: number[]
}

export interface GeneratedPods {
  pods: PodDraft[]
  /** What the witness limit left out, for a notice. */
  witnessesCut: WitnessCut
}

export function generatePods(
  selectors: readonly CollectedSelector[],
  namespaces: readonly Namespace[],
  unmentioned: string,
  options: EngineOptions,
  pairs: Iterable<SelectorPair> = [],
  /** Pods of the user's workloads: a selector pod no selector tells apart from one is not added. */
  givenPods: readonly Pod[] = []
): GeneratedPods {
  const matcher = createMatcher(selectors, namespaces, options)
  const given = givenPods.map((pod): Candidate & { name: string } => ({
    ...pod,
    origin: pod.origin ?? 'workload',
    matches: matcher.matches(pod.namespace, matcher.identity(pod.namespace, pod.labels, pod.serviceAccount))
  }))
  const outsiders = namespaces.map((namespace) => chooseOutsider(namespace.name, matcher))
  const candidates = selectorPods(selectors, namespaces, unmentioned, matcher, options)
  const kept = mergeIndistinguishable([...given, ...outsiders], candidates)
  const seen = new Set(kept.map(vectorKey))
  const everywhere = namespaces.map((ns) => ns.name).filter((name) => name !== unmentioned)
  const known = new Set(namespaces.map((ns) => ns.name))
  const found = findWitnesses(pairs, selectors, { matcher, seen, everywhere, known, options, draftLabels })
  const generated = kept.filter((candidate) => !(given as readonly Candidate[]).includes(candidate))
  return { pods: nameAndSort([...generated, ...found.witnesses], given), witnessesCut: found.cut }
}

export function vectorKey(candidate: Pick<Candidate, 'namespace' | 'matches'>): string {
  return `${candidate.namespace}|${candidate.matches.join(',')}`
}

export interface Matcher {
  identity(namespace: string, labels: Labels, serviceAccount: string): LabelIndex
  /** Selector ids matching the identity; only selectors that can apply in the namespace are tried. */
  matches(namespace: string, identity: LabelIndex): number[]
}

export function createMatcher(
  selectors: readonly CollectedSelector[],
  namespaces: readonly Namespace[],
  options: EngineOptions
): Matcher {
  const byName = new Map(namespaces.map((namespace) => [namespace.name, namespace]))
  // A selector pinned to namespaces cannot match pods elsewhere, so indexing by namespace keeps
  // the match vectors linear in the selectors that matter (500 CNPs → 500 small lists).
  const unpinned = selectors.filter((s) => !s.pinned)
  const pinned = new Map<string, CollectedSelector[]>()
  for (const collected of selectors) {
    for (const name of collected.pinned ?? []) {
      const list = pinned.get(name)
      if (list) list.push(collected)
      else pinned.set(name, [collected])
    }
  }
  return {
    identity: (namespace, labels, serviceAccount) => {
      const pod = { namespace, name: '', labels, serviceAccount, ports: [] }
      const topology = {
        namespaces: byName.has(namespace) ? [byName.get(namespace)!] : [],
        pods: [],
        external: []
      }
      return indexLabels(podIdentityLabels(pod, topology, options))
    },
    matches: (namespace, identity) =>
      [...(pinned.get(namespace) ?? []), ...unpinned]
        .filter((collected) => matchesSelector(collected.selector, identity))
        .map((collected) => collected.id)
        .sort((a, b) => a - b)
  }
}

/**
 * One pod per selector and namespace where it can apply: the namespaces it pins, or every
 * namespace but the unmentioned one. Each is checked against Cilium's own identity labels,
 * so a selector nothing can satisfy (contradictions, filtered keys R1.2) gets no pod.
 */
function selectorPods(
  selectors: readonly CollectedSelector[],
  namespaces: readonly Namespace[],
  unmentioned: string,
  matcher: Matcher,
  options: EngineOptions
): Candidate[] {
  const known = new Set(namespaces.map((namespace) => namespace.name))
  const everywhere = namespaces.map((namespace) => namespace.name).filter((name) => name !== unmentioned)
  const accepted = new Set<string>()
  const candidates: Candidate[] = []
  for (const collected of selectors) {
    if (collected.isReserved) continue // reserved identities are never pods (R1.3)
    const draft = draftLabels(collected.selector, options)
    if (!draft) continue
    const labelText = `${draft.serviceAccount}|${JSON.stringify(draft.labels)}`
    for (const namespace of collected.pinned ?? everywhere) {
      // An identical pod already generated in this namespace is the same identity: nothing to add.
      if (!known.has(namespace) || accepted.has(`${namespace}|${labelText}`)) continue
      const identity = matcher.identity(namespace, draft.labels, draft.serviceAccount)
      if (!matchesSelector(collected.selector, identity)) continue
      accepted.add(`${namespace}|${labelText}`)
      candidates.push({
        namespace,
        ...draft,
        origin: 'selector',
        matches: matcher.matches(namespace, identity)
      })
    }
  }
  return candidates
}

/**
 * Pod labels and service account that satisfy a selector's pod-level requirements. Namespace
 * requirements are met by choosing the namespace, namespace labels by step 1, the cluster
 * label by the configuration; labels Cilium filters out of identities are left out (R1.1, R1.2).
 */
export function draftLabels(
  selector: Selector,
  options: EngineOptions
): { labels: Labels; serviceAccount: string } | undefined {
  const labels: Record<string, string> = {}
  let serviceAccount = DEFAULT_SERVICE_ACCOUNT
  for (const [key, requirements] of groupByKey(selector)) {
    if (key === NAMESPACE_KEY || key.startsWith(NAMESPACE_LABEL_PREFIX) || key === CLUSTER_KEY) continue
    if (key === SERVICE_ACCOUNT_KEY) {
      const { value, satisfiable } = chooseValue(requirements, DEFAULT_SERVICE_ACCOUNT)
      if (!satisfiable) return undefined
      serviceAccount = value ?? DEFAULT_SERVICE_ACCOUNT
      continue
    }
    if (key.startsWith(CILIUM_PREFIX) || !isIdentityLabel(key, options)) continue
    const { value, satisfiable } = chooseValue(requirements, PLACEHOLDER_VALUE)
    if (!satisfiable) return undefined
    if (value !== undefined) labels[key] = value
  }
  return { labels, serviceAccount }
}

/** Labels no selector matches if possible; a selector like `{}` matches anything, so fewest wins. */
function chooseOutsider(namespace: string, matcher: Matcher): Candidate {
  let best: Candidate | undefined
  for (const labels of OUTSIDER_LABELS) {
    const identity = matcher.identity(namespace, labels, DEFAULT_SERVICE_ACCOUNT)
    const matches = matcher.matches(namespace, identity)
    if (!best || matches.length < best.matches.length) {
      best = { namespace, labels, serviceAccount: DEFAULT_SERVICE_ACCOUNT, origin: 'outsider', matches }
    }
    if (matches.length === 0) break
  }
  return best!
}

/**
 * Keeps one pod per namespace and selector-match vector: two pods every selector agrees on
 * get the same verdicts from every rule. Given pods and outsiders come first, so they always stay.
 */
function mergeIndistinguishable(first: readonly Candidate[], candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>()
  const kept: Candidate[] = []
  for (const candidate of [...first, ...candidates]) {
    const key = vectorKey(candidate)
    if (seen.has(key) && candidate.origin === 'selector') continue
    seen.add(key)
    kept.push(candidate)
  }
  return kept
}

/** Names unique per namespace, never one a given pod already has. */
function nameAndSort(candidates: readonly Candidate[], given: readonly Candidate[]): PodDraft[] {
  const taken = new Map<string, Set<string>>()
  for (const pod of given as readonly (Candidate & { name?: string })[]) {
    if (pod.name) taken.set(pod.namespace, (taken.get(pod.namespace) ?? new Set()).add(pod.name))
  }
  const named = candidates.map((candidate): PodDraft => {
    const names = taken.get(candidate.namespace) ?? new Set<string>()
    taken.set(candidate.namespace, names)
    const base = baseName(candidate)
    const { namespace, labels, serviceAccount, origin, standsFor } = candidate
    const draft: PodDraft = { namespace, name: claimName(base, names), labels, serviceAccount, origin }
    if (standsFor) draft.standsFor = standsFor
    return draft
  })
  return named.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name))
}

function baseName(candidate: Candidate): string {
  if (candidate.origin === 'outsider') return OUTSIDER_NAME
  const fromLabels = podNameFromLabels(candidate.labels, candidate.serviceAccount)
  return candidate.origin === 'witness' ? toDnsLabel(`witness-${fromLabels}`, 'witness') : fromLabels
}
