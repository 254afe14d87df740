// Policy objects as loaded from files: the raw object exactly as the user wrote it, where it
// came from, and whether Cilium would enforce it. Normalisation into rules happens later
// (normalize.ts) and only for valid documents.
import type { Diagnostic, Labels, Namespace } from '../model.js'

export type PolicyKind = 'NetworkPolicy' | 'CiliumNetworkPolicy' | 'CiliumClusterwideNetworkPolicy'

/** Names a policy in reasons and reports. */
export interface PolicyRef {
  kind: PolicyKind
  /** Absent for the cluster-scoped CCNP. */
  namespace?: string
  name: string
  file: string
  /** Line of the document's first line (1-based). */
  line: number
}

export interface PolicyDocument {
  ref: PolicyRef
  /** The whole object (apiVersion, kind, metadata, spec/specs). */
  raw: Record<string, unknown>
  /**
   * False when the API server would reject the object or Cilium would refuse it: such a
   * policy contributes nothing, not even default deny (R3.5), and its diagnostics say why.
   */
  valid: boolean
}

/** A `cilium.io/v2alpha1` CiliumCIDRGroup, referenced by `cidrGroupRef` / `cidrGroupSelector`. */
export interface CidrGroup {
  name: string
  labels: Labels
  externalCIDRs: string[]
  file: string
  line: number
}

/**
 * A file `kubectl apply -f` cannot read to the end: a YAML error, a refused size or encoding.
 * kubectl applies the documents before the first broken one and nothing from there on.
 */
export interface UnreadFile {
  file: string
  /** First line nothing is applied from; 0 when nothing of the file is. */
  line: number
}

/** A workload kept beside the policies (or in a cluster snapshot): its pods join the topology. */
export interface WorkloadObject {
  kind: string
  raw: Record<string, unknown>
  file: string
  line: number
}

export interface LoadedPolicies {
  policies: PolicyDocument[]
  cidrGroups: CidrGroup[]
  diagnostics: Diagnostic[]
  /** `v1` Namespace objects kept beside the policies, with their labels. */
  namespaces?: Namespace[]
  /** Files read only in part or not at all; see `applyAsCluster`. */
  unread?: UnreadFile[]
  /** Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and Pods. */
  workloads?: WorkloadObject[]
  /** YAML nodes read once aliases are expanded, counted against the total work budget. */
  yamlNodes?: number
}

export function emptyLoadedPolicies(): LoadedPolicies {
  return { policies: [], cidrGroups: [], diagnostics: [] }
}

export function mergeLoadedPolicies(parts: LoadedPolicies[]): LoadedPolicies {
  const yamlNodes = parts.reduce((sum, p) => sum + (p.yamlNodes ?? 0), 0)
  return {
    policies: parts.flatMap((p) => p.policies),
    cidrGroups: parts.flatMap((p) => p.cidrGroups),
    diagnostics: parts.flatMap((p) => p.diagnostics),
    namespaces: parts.flatMap((p) => p.namespaces ?? []),
    unread: parts.flatMap((p) => p.unread ?? []),
    workloads: parts.flatMap((p) => p.workloads ?? []),
    ...(yamlNodes > 0 ? { yamlNodes } : {})
  }
}

export function describePolicy(ref: Pick<PolicyRef, 'kind' | 'namespace' | 'name'>): string {
  return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`
}
