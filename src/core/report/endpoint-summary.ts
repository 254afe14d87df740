// A set of endpoints in the fewest words that are still exact: "every pod", "every pod in
// prod", "pods with app=web", "world", or a short list. A reviewer reads "world → 37 pods"
// faster than 37 names, and the details below still list every one.
import type { Pod, Topology } from '../model.js'
import { podKey, WORLD_NAMESPACE } from '../model.js'

/** Up to this many endpoints are named one by one. */
const MAX_NAMED = 3

export interface EndpointSummary {
  /** `every pod (37)`, `pods with app=web in prod (4)`, `world/api`, `3 pods in prod, staging` */
  text: string
  count: number
}

/** What the summariser needs of the topology, indexed once per report. */
export class TopologyIndex {
  readonly podsByKey: Map<string, Pod>
  readonly podsByNamespace = new Map<string, Pod[]>()
  readonly externalCount: number

  constructor(topology: Topology) {
    this.podsByKey = new Map(topology.pods.map((pod) => [podKey(pod), pod]))
    for (const pod of topology.pods) {
      const list = this.podsByNamespace.get(pod.namespace) ?? []
      list.push(pod)
      this.podsByNamespace.set(pod.namespace, list)
    }
    this.externalCount = topology.external.length
  }
}

export function isWorldKey(key: string): boolean {
  return key.startsWith(`${WORLD_NAMESPACE}/`)
}

export function summarizeEndpoints(keys: ReadonlySet<string>, index: TopologyIndex): EndpointSummary {
  const world = [...keys].filter(isWorldKey).sort()
  const pods = [...keys].filter((key) => !isWorldKey(key)).sort()
  const parts: string[] = []
  if (pods.length > 0) parts.push(describePods(pods, index))
  if (world.length > 0) parts.push(describeWorld(world, index))
  return { text: parts.join(' and '), count: keys.size }
}

function describeWorld(world: readonly string[], index: TopologyIndex): string {
  if (world.length <= MAX_NAMED) return world.join(', ')
  return world.length === index.externalCount
    ? `world (all ${world.length} endpoints)`
    : `world (${world.length} endpoints)`
}

function describePods(keys: readonly string[], index: TopologyIndex): string {
  const count = keys.length
  if (count === index.podsByKey.size && count > 1) return `every pod (${count.toLocaleString('en')})`
  const missing = missingPods(keys, index)
  if (count > MAX_NAMED && missing.length > 0 && missing.length <= MAX_NAMED)
    return `every pod but ${missing.join(', ')} (${count.toLocaleString('en')})`
  const perNamespace = new Map<string, number>()
  for (const key of keys) {
    const namespace = key.slice(0, key.indexOf('/'))
    perNamespace.set(namespace, (perNamespace.get(namespace) ?? 0) + 1)
  }
  const namespaces = [...perNamespace.keys()].sort()
  const whole = namespaces.every(
    (ns) => (index.podsByNamespace.get(ns)?.length ?? 0) === perNamespace.get(ns)
  )
  if (whole && count > 1) return `every pod in ${listNamespaces(namespaces)} (${count.toLocaleString('en')})`
  if (count <= MAX_NAMED) return keys.join(', ')
  const labels = sharedLabels(keys, index)
  if (labels.length > 0 && count === matchingPods(labels, namespaces, index)) {
    const where = namespaces.length === 1 ? ` in ${namespaces[0]}` : ''
    return `pods with ${labels.map(([key, value]) => `${key}=${value}`).join(', ')}${where} (${count.toLocaleString('en')})`
  }
  return `${count.toLocaleString('en')} pods in ${listNamespaces(namespaces)}`
}

/** The topology's pods that `keys` leaves out, when they are few; else more than MAX_NAMED of them. */
function missingPods(keys: readonly string[], index: TopologyIndex): string[] {
  if (index.podsByKey.size - keys.length > MAX_NAMED)
    return [...index.podsByKey.keys()].slice(0, MAX_NAMED + 1)
  const own = new Set(keys)
  return [...index.podsByKey.keys()].filter((key) => !own.has(key)).sort()
}

function listNamespaces(namespaces: readonly string[]): string {
  if (namespaces.length === 1) return namespaces[0]
  if (namespaces.length <= MAX_NAMED) return namespaces.join(', ')
  return `${namespaces.length} namespaces`
}

/** The labels (key, value) every pod of `keys` carries, by key. */
function sharedLabels(keys: readonly string[], index: TopologyIndex): [string, string][] {
  const pods = keys.map((key) => index.podsByKey.get(key))
  if (pods.some((pod) => pod === undefined)) return []
  const [first, ...rest] = pods as Pod[]
  return Object.keys(first.labels)
    .filter((key) => rest.every((pod) => pod.labels[key] === first.labels[key]))
    .sort()
    .map((key) => [key, first.labels[key]])
}

/** Pods of `namespaces` (or all, with several) that carry every one of `labels`. */
function matchingPods(
  labels: readonly [string, string][],
  namespaces: readonly string[],
  index: TopologyIndex
): number {
  const scope =
    namespaces.length === 1 ? (index.podsByNamespace.get(namespaces[0]) ?? []) : [...index.podsByKey.values()]
  return scope.filter((pod) => labels.every(([key, value]) => pod.labels[key] === value)).length
}
