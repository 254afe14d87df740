// `cluster: existing`: the run uses whatever cluster the current kubeconfig points at, so it
// refuses unless told it may, keeps its workloads in namespaces prefixed per run, refuses
// cluster-wide policies unless told it may, and rewrites the policies' namespace references
// to the prefixed names.
import type { PolicyDocument } from '../../core/policy/document.js'
import { describePolicy } from '../../core/policy/document.js'
import { createHash } from 'node:crypto'
import type { NamespaceNaming } from './workloads/workload-manifests.js'

const DOCS = 'docs/cluster-mode.md'

export class ClusterRefusal extends Error {}

/** A refusal in the tone of actions/checkout's unsafe-PR message: what, why, where to read, how to opt in. */
export function assertExistingClusterAllowed(allowed: boolean, context: string | undefined): void {
  if (allowed) return
  const where = context ? `the current kubeconfig context "${context}"` : 'the current kubeconfig context'
  throw new ClusterRefusal(
    `reachdiff refuses to use an existing cluster: cluster mode "existing" creates namespaces, pods and ` +
      `policies in ${where}, and it may be a cluster that matters. It deletes what it created at the end, ` +
      `but it cannot promise that nothing else notices. See ${DOCS}. To allow it, set the input ` +
      `allow-existing-cluster: true.`
  )
}

/**
 * A CCNP selects pods in every namespace, so on an existing cluster it could change the
 * traffic of workloads that are not reachdiff's.
 */
export function assertClusterWideAllowed(policies: readonly PolicyDocument[], allowed: boolean): void {
  const clusterWide = policies.filter((policy) => policy.ref.kind === 'CiliumClusterwideNetworkPolicy')
  if (allowed || clusterWide.length === 0) return
  const listed = clusterWide.map(
    (policy) => `${describePolicy(policy.ref)} (${policy.ref.file}:${policy.ref.line})`
  )
  throw new ClusterRefusal(
    `reachdiff refuses to apply cluster-wide policies to an existing cluster: ${listed.join(', ')}. ` +
      `A CiliumClusterwideNetworkPolicy is not confined to reachdiff's namespaces; its selectors can match ` +
      `other workloads in the cluster and change their traffic while the run lasts. See ${DOCS}. ` +
      `To allow it, set the input allow-clusterwide-policies: true, or run on a kind cluster.`
  )
}

/** `rd-<run>-`: a DNS-label prefix unique to the run (e.g. the Actions run id and attempt). */
export function runPrefix(runId: string): string {
  const cleaned = runId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const short = cleaned.length > 0 && cleaned.length <= 20 ? cleaned : hash(runId, 10)
  return `rd-${short}-`
}

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

/** Prefixes every name; a result over 63 characters keeps its start and gets a hash of the whole. */
export function prefixNaming(prefix: string): NamespaceNaming {
  return (namespace) => {
    const name = `${prefix}${namespace}`
    return name.length <= 63 ? name : `${name.slice(0, 52)}-${hash(name, 10)}`
  }
}

/** Cluster-scoped names (a CCNP's) get the prefix too, so two runs never share one. */
export function prefixClusterName(prefix: string, name: string): string {
  const full = `${prefix}${name}`
  return full.length <= 253 ? full : `${full.slice(0, 242)}-${hash(full, 10)}`
}

/** Label keys whose value names a namespace, with or without a Cilium source prefix (`k8s:`). */
const NAMESPACE_KEYS = new Set([
  'io.kubernetes.pod.namespace',
  'kubernetes.io/metadata.name',
  'io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name'
])

function isNamespaceKey(key: string): boolean {
  return NAMESPACE_KEYS.has(key.replace(/^(k8s|any):/, ''))
}

/**
 * A copy of a policy's object with every reference to a topology namespace renamed: label
 * selectors on the namespace labels (matchLabels and matchExpressions values), and the
 * namespace of `toServices` entries. Namespaces outside the topology are left as written.
 */
export function renameNamespaces(
  value: unknown,
  naming: NamespaceNaming,
  known: ReadonlySet<string>
): unknown {
  const rename = (name: unknown): unknown =>
    typeof name === 'string' && known.has(name) ? naming(name) : name
  if (Array.isArray(value)) return value.map((item) => renameNamespaces(item, naming, known))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'matchLabels' && typeof child === 'object' && child !== null && !Array.isArray(child)) {
      out[key] = Object.fromEntries(
        Object.entries(child as Record<string, unknown>).map(([label, v]) => [
          label,
          isNamespaceKey(label) ? rename(v) : v
        ])
      )
    } else if (key === 'matchExpressions' && Array.isArray(child)) {
      out[key] = child.map((expression: unknown) => renameExpression(expression, rename))
    } else if (
      (key === 'k8sService' || key === 'k8sServiceSelector') &&
      typeof child === 'object' &&
      child !== null
    ) {
      const service = renameNamespaces(child, naming, known) as Record<string, unknown>
      out[key] = {
        ...service,
        ...(service.namespace !== undefined ? { namespace: rename(service.namespace) } : {})
      }
    } else {
      out[key] = renameNamespaces(child, naming, known)
    }
  }
  return out
}

function renameExpression(expression: unknown, rename: (name: unknown) => unknown): unknown {
  if (typeof expression !== 'object' || expression === null) return expression
  const entry = expression as Record<string, unknown>
  if (typeof entry.key !== 'string' || !isNamespaceKey(entry.key) || !Array.isArray(entry.values))
    return entry
  return { ...entry, values: entry.values.map(rename) }
}
