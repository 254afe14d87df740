// Cilium never matches in-cluster peers by address: every pod is reduced to a security
// identity, the set of its filtered labels plus the labels Cilium derives (R1.1, R1.2).
// Pods with equal label sets share one identity, so the engine evaluates identities, not pods.
import { parseIPv4 } from '../cidr.js'
import type { ExternalEndpoint, Pod, Protocol, Topology } from '../model.js'
import { podKey, worldKey } from '../model.js'
import type { EngineOptions } from '../options.js'
import { NAMESPACE_KEY, NAMESPACE_LABEL_PREFIX } from '../policy/rules.js'
import { indexLabels } from '../label-selector.js'
import type { IdentityLabel, LabelIndex } from '../label-selector.js'

export interface Endpoint {
  /** Position in the identity table; bitsets over peers use it. */
  index: number
  kind: 'pod' | 'world'
  labels: LabelIndex
  /** Sorted label text, the identity's name. */
  signature: string
  namespace?: string
  /** IPv4 address of an external endpoint (CIDR rules match it, R1.4). */
  ip?: number
  pods: Pod[]
  external?: ExternalEndpoint
}

export interface IdentityTable {
  endpoints: Endpoint[]
  byKey: Map<string, Endpoint>
  /** Named container ports of every pod, for egress resolution (R8.6). */
  namedPorts: Map<string, { protocol: Protocol; port: number }[]>
}

const FILTERED_PREFIXES = ['io.kubernetes', 'kubernetes.io', 'k8s.io', 'annotation.', 'io.cilium.k8s']
const FILTERED_KEYS = [
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-completion-index',
  'pod-template-generation',
  'pod-template-hash',
  'controller-revision-hash',
  'etcd_node'
]
const FILTERED_KEYS_116 = ['batch.kubernetes.io/controller-uid', 'controller-uid']

/** R1.2: pod labels the default identity-label filter drops, so no selector can match them. */
export function isIdentityLabel(key: string, options: EngineOptions): boolean {
  if (FILTERED_PREFIXES.some((prefix) => key.startsWith(prefix))) return false
  if (key.includes('beta.kubernetes.io')) return false
  if (FILTERED_KEYS.includes(key)) return false
  return !(options.minor >= 16 && FILTERED_KEYS_116.includes(key))
}

export function podIdentityLabels(pod: Pod, topology: Topology, options: EngineOptions): IdentityLabel[] {
  const k8s = (key: string, value: string): IdentityLabel => ({ source: 'k8s', key, value })
  const labels = Object.entries(pod.labels)
    .filter(([key]) => isIdentityLabel(key, options))
    .map(([key, value]) => k8s(key, value))
  const namespace = topology.namespaces.find((ns) => ns.name === pod.namespace)
  const namespaceLabels = { 'kubernetes.io/metadata.name': pod.namespace, ...namespace?.labels }
  for (const [key, value] of Object.entries(namespaceLabels))
    labels.push(k8s(NAMESPACE_LABEL_PREFIX + key, value))
  labels.push(k8s(NAMESPACE_KEY, pod.namespace))
  labels.push(k8s('io.cilium.k8s.policy.serviceaccount', pod.serviceAccount || 'default'))
  labels.push(k8s('io.cilium.k8s.policy.cluster', options.clusterName))
  return labels
}

export function buildIdentities(topology: Topology, options: EngineOptions): IdentityTable {
  const endpoints: Endpoint[] = []
  const byKey = new Map<string, Endpoint>()
  const bySignature = new Map<string, Endpoint>()
  for (const pod of topology.pods) {
    const labels = podIdentityLabels(pod, topology, options)
    const signature = labels
      .map((l) => `${l.source}:${l.key}=${l.value}`)
      .sort()
      .join(',')
    let endpoint = bySignature.get(signature)
    if (!endpoint) {
      endpoint = {
        index: endpoints.length,
        kind: 'pod',
        labels: indexLabels(labels),
        signature,
        namespace: pod.namespace,
        pods: []
      }
      endpoints.push(endpoint)
      bySignature.set(signature, endpoint)
    }
    endpoint.pods.push(pod)
    byKey.set(podKey(pod), endpoint)
  }
  // Each external endpoint is its own world identity: reserved:world plus its address (R1.3, R1.4).
  for (const external of topology.external) {
    const labels = indexLabels([{ source: 'reserved', key: 'world', value: '' }])
    const endpoint: Endpoint = {
      index: endpoints.length,
      kind: 'world',
      labels,
      signature: `reserved:world ${external.ip}`,
      ip: parseIPv4(external.ip),
      pods: [],
      external
    }
    endpoints.push(endpoint)
    byKey.set(worldKey(external.name), endpoint)
  }
  return { endpoints, byKey, namedPorts: collectNamedPorts(topology.pods) }
}

function collectNamedPorts(pods: readonly Pod[]): Map<string, { protocol: Protocol; port: number }[]> {
  const named = new Map<string, { protocol: Protocol; port: number }[]>()
  for (const pod of pods) {
    for (const served of pod.ports) {
      if (!served.name || served.port === undefined) continue
      const name = served.name.toLowerCase()
      const list = named.get(name) ?? []
      if (!list.some((p) => p.protocol === served.protocol && p.port === served.port)) {
        list.push({ protocol: served.protocol, port: served.port })
      }
      named.set(name, list)
    }
  }
  return named
}
