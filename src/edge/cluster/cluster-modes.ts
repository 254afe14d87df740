// The two ways cluster mode meets a cluster, as two implementations of one small interface, so
// the backend never asks which one it has: a kind cluster this run created (names as written,
// external endpoints as containers, the cluster deleted by the post step), or an existing
// cluster shared with others (namespaces and cluster-wide names prefixed per run, only our
// agents and endpoints waited for, everything we made deleted at the end).
import type { Topology } from '../../core/model.js'
import { WORLD_NAMESPACE, worldKey } from '../../core/model.js'
import type { PolicyDocument } from '../../core/policy/document.js'
import type { CommandRunner } from '../command.js'
import {
  assertClusterWideAllowed,
  prefixClusterName,
  prefixNaming,
  renameNamespaces,
  runPrefix
} from './existing.js'
import type { KindCluster } from './provisioning/kind.js'
import type { Kubectl } from './kubectl.js'
import type { ClusterPolicy } from './enforcement/policies.js'
import { POLICY_RESOURCES, toClusterPolicy } from './enforcement/policies.js'
import type { AppliedPolicy } from './enforcement/policy-set.js'
import { ALLOW_ALL_POLICY, allowAllDocument } from './enforcement/setup-allow-all.js'
import type { Clock, ClusterTimeouts } from './wait.js'
import type { NamespaceNaming } from './workloads/workload-manifests.js'
import {
  externalContainerName,
  removeExternalContainers,
  routedNodes,
  startExternals
} from './workloads/world-containers.js'

/** What every step of a cluster run shares. */
export interface ClusterSession {
  runner: CommandRunner
  kubectl: Kubectl
  clock: Clock
  timeouts: ClusterTimeouts
  log: (line: string) => void
  warn: (line: string) => void
  /** Host path of dist/agent/, for external containers. */
  agentDir: string
}

/** What the run has put in the cluster so far. */
export interface ClusterState {
  topology?: Topology
  /** Cluster namespaces deploy created or tried to create. */
  namespaces: string[]
  /** The nodes the test pods were placed on. */
  nodes?: Set<string>
  policies: Map<string, AppliedPolicy>
  /** Names of every cluster-scoped policy ever sent to the cluster. */
  clusterWide: Set<string>
}

export interface ClusterMode {
  /** The cluster namespace of a topology namespace. */
  readonly naming: NamespaceNaming
  /** Stamped on what the run creates. */
  readonly runId: string
  /** Policies in force before the first set. */
  initialPolicies(): Map<string, AppliedPolicy>
  /** Throws, before anything is created, when the mode cannot hold the topology. */
  checkTopology(topology: Topology): void
  /** Starts the external endpoints and returns their addresses (`world/<name>` → IP). */
  startExternals(session: ClusterSession, topology: Topology): Promise<Map<string, string>>
  /** How each policy is sent: its cluster name, namespace and object. */
  toClusterPolicies(documents: readonly PolicyDocument[], state: ClusterState): ClusterPolicy[]
  /** What the realisation wait watches: all agents and endpoints when absent. */
  waitScope(state: ClusterState): { nodes?: ReadonlySet<string>; namespaces?: ReadonlySet<string> }
  /** Whether `world/<name>` sources can probe: only where the run starts external containers. */
  readonly sendsFromExternals: boolean
  /** The container a `world/<name>` source probes from, if the mode has one. */
  probeContainer(source: string): string | undefined
  /** Removes what the run made that the post step does not. */
  cleanup(session: ClusterSession, state: ClusterState): Promise<void>
}

function clusterScoped(doc: PolicyDocument): boolean {
  return doc.ref.kind === 'CiliumClusterwideNetworkPolicy'
}

export class KindMode implements ClusterMode {
  readonly naming: NamespaceNaming = (name) => name
  readonly runId: string
  readonly sendsFromExternals = true

  constructor(
    private readonly cluster: KindCluster,
    /** The `keep-cluster` input: external containers stay too. */
    private readonly keepCluster: boolean
  ) {
    this.runId = cluster.name
  }

  initialPolicies(): Map<string, AppliedPolicy> {
    if (!this.cluster.allowAll) return new Map()
    // In force since setup (enforcement: always); the first set deletes it like any policy it lacks.
    const policy = toClusterPolicy(allowAllDocument(), undefined, ALLOW_ALL_POLICY)
    return new Map([[policy.key, { policy, imported: true }]])
  }

  checkTopology(): void {
    // Anything the topology names fits: externals run as containers on the kind network.
  }

  async startExternals(session: ClusterSession, topology: Topology): Promise<Map<string, string>> {
    if (topology.external.length === 0) return new Map()
    const nodes = routedNodes(await session.kubectl.listNodes())
    const { runner, clock, timeouts, agentDir } = session
    const options = {
      runner,
      clusterName: this.cluster.name,
      agentDir,
      clock,
      timeoutMs: timeouts.workloadsMs,
      pollMs: timeouts.pollMs
    }
    return startExternals(options, topology.external, nodes)
  }

  toClusterPolicies(documents: readonly PolicyDocument[]): ClusterPolicy[] {
    return documents.map((doc) =>
      toClusterPolicy(doc, clusterScoped(doc) ? undefined : (doc.ref.namespace ?? 'default'), doc.ref.name)
    )
  }

  waitScope(): { nodes?: ReadonlySet<string>; namespaces?: ReadonlySet<string> } {
    return {}
  }

  probeContainer(source: string): string | undefined {
    const slash = source.indexOf('/')
    if (source.slice(0, slash) !== WORLD_NAMESPACE) return undefined
    return externalContainerName(this.cluster.name, { name: source.slice(slash + 1) })
  }

  async cleanup(session: ClusterSession): Promise<void> {
    // The cluster itself goes in the post step (teardownKindCluster); its externals live outside it.
    if (!this.keepCluster) await removeExternalContainers(session.runner, this.cluster.name)
  }
}

export class ExistingMode implements ClusterMode {
  readonly naming: NamespaceNaming
  readonly sendsFromExternals = false

  constructor(
    /** Unique per run, e.g. `${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}`; names the namespaces. */
    readonly runId: string,
    /** The `allow-clusterwide-policies` input. */
    private readonly allowClusterwidePolicies: boolean
  ) {
    this.naming = prefixNaming(runPrefix(runId))
  }

  initialPolicies(): Map<string, AppliedPolicy> {
    return new Map()
  }

  checkTopology(topology: Topology): void {
    if (topology.external.length === 0) return
    const names = topology.external.map((external) => worldKey(external.name)).join(', ')
    throw new Error(
      `an existing cluster has no place for external endpoints (${names}); they run as containers ` +
        'on the kind network, so flows to world/* need cluster: kind'
    )
  }

  startExternals(): Promise<Map<string, string>> {
    return Promise.resolve(new Map<string, string>())
  }

  /** Renamed into the run's namespaces; a CCNP gets the run's prefix, and only when allowed. */
  toClusterPolicies(documents: readonly PolicyDocument[], state: ClusterState): ClusterPolicy[] {
    assertClusterWideAllowed(documents, this.allowClusterwidePolicies)
    const known = new Set((state.topology?.namespaces ?? []).map((namespace) => namespace.name))
    return documents.map((doc) => {
      const namespace = clusterScoped(doc) ? undefined : this.naming(doc.ref.namespace ?? 'default')
      const name = clusterScoped(doc) ? prefixClusterName(runPrefix(this.runId), doc.ref.name) : doc.ref.name
      const raw = renameNamespaces(doc.raw, this.naming, known) as Record<string, unknown>
      return toClusterPolicy(doc, namespace, name, raw)
    })
  }

  /** On a shared cluster only our nodes' agents and our pods' endpoints are ours to wait for. */
  waitScope(state: ClusterState): { nodes?: ReadonlySet<string>; namespaces?: ReadonlySet<string> } {
    return { nodes: state.nodes, namespaces: new Set(state.namespaces) }
  }

  probeContainer(): string | undefined {
    return undefined
  }

  /**
   * Everything the run created in a shared cluster goes, whatever failed before: cluster-wide
   * policies first (they reach beyond our namespaces), then the namespaces with all they hold.
   * Every step runs; the first error is thrown at the end. Safe to repeat.
   */
  async cleanup(session: ClusterSession, state: ClusterState): Promise<void> {
    const { kubectl } = session
    const deleteMs = session.timeouts.deleteMs
    const errors: Error[] = []
    const clusterWide = [...state.clusterWide].sort()
    const resource = POLICY_RESOURCES.CiliumClusterwideNetworkPolicy.resource
    if (clusterWide.length > 0) {
      await kubectl
        .deleteObjects(resource, undefined, clusterWide)
        .catch((error: Error) => errors.push(error))
    }
    if (state.namespaces.length > 0) {
      await kubectl
        .deleteObjects('namespace', undefined, state.namespaces, deleteMs)
        .catch((error: Error) => errors.push(error))
    }
    if (errors.length > 0) throw errors[0]
    state.policies = new Map()
    state.clusterWide = new Set()
    state.namespaces = []
  }
}
