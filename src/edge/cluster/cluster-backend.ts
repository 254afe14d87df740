// The cluster as an observing Backend: a kind cluster made by provisionKindCluster, or an
// existing cluster (current kubeconfig) that the run shares with others and so treats with care.
// What differs between the two lives in cluster-modes.ts; this file never asks which it has.
import type { Diagnostic, Topology } from '../../core/model.js'
import type { PolicyDocument } from '../../core/policy/document.js'
import type { CommandRunner } from '../command.js'
import type { Addresses, Backend, ProbeResult, ProbeTarget } from '../observe/backend.js'
import type { ClusterMode, ClusterSession, ClusterState } from './cluster-modes.js'
import { ExistingMode, KindMode } from './cluster-modes.js'
import { deployWorkloads } from './workloads/deploy.js'
import { MAX_CONCURRENT_EXECS, MAX_OPEN_SESSIONS } from './exec-limit.js'
import { assertExistingClusterAllowed } from './existing.js'
import type { KindCluster } from './provisioning/kind.js'
import type { Kubectl, KubeTarget } from './kubectl.js'
import { createKubectl } from './kubectl.js'
import { enforcePolicySet } from './enforcement/policy-set.js'
import { createProbeSessions } from './probe-sessions.js'
import type { ProbeSessions } from './probe-sessions.js'
import type { Clock, ClusterTimeouts } from './wait.js'
import { DEFAULT_TIMEOUTS, systemClock } from './wait.js'
import type { NamespaceNaming } from './workloads/workload-manifests.js'
import { readAgentBundle } from './workloads/workload-manifests.js'

export type ClusterTarget =
  | {
      mode: 'kind'
      cluster: KindCluster
      /** The `keep-cluster` input: external containers stay too. */
      keepCluster: boolean
    }
  | {
      mode: 'existing'
      /** Empty: the current kubeconfig and context. */
      target?: KubeTarget
      /** The `allow-existing-cluster` input. */
      allowExistingCluster: boolean
      /** The `allow-clusterwide-policies` input. */
      allowClusterwidePolicies: boolean
      /** Unique per run, e.g. `${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT}`; names the namespaces. */
      runId: string
    }

export interface ClusterBackendOptions {
  runner: CommandRunner
  cluster: ClusterTarget
  /** Host path of dist/agent/: mounted in external containers, copied into each namespace's ConfigMap. */
  agentDir: string
  /** The bundle's files; read from agentDir when absent. */
  agentFiles?: Record<string, string>
  clock?: Clock
  timeouts?: Partial<ClusterTimeouts>
  log?: (line: string) => void
  /** For what the user should see as a warning; `log` when absent. */
  warn?: (line: string) => void
  /** Probe batches in flight at most, and so session openings (MAX_CONCURRENT_EXECS). */
  maxExecs?: number
  /** Agent sessions open at most (MAX_OPEN_SESSIONS); never fewer than maxExecs. */
  maxSessions?: number
}

export interface ClusterBackend extends Backend<PolicyDocument[]> {
  /** The namespace a topology namespace has in the cluster (prefixed on an existing cluster). */
  readonly naming: NamespaceNaming
}

/**
 * An async factory: on an existing cluster it first checks that the run may use it, naming the
 * kubeconfig context in the refusal, and it reads the agent bundle once. The only place that
 * asks which mode it has.
 */
export async function createClusterBackend(options: ClusterBackendOptions): Promise<ClusterBackend> {
  const { runner, cluster } = options
  const target =
    cluster.mode === 'kind'
      ? { kubeconfig: cluster.cluster.kubeconfig, context: cluster.cluster.context }
      : (cluster.target ?? {})
  const kubectl = createKubectl(runner, target)
  if (cluster.mode === 'existing') {
    assertExistingClusterAllowed(cluster.allowExistingCluster, await currentContext(kubectl))
  }
  const mode =
    cluster.mode === 'kind'
      ? new KindMode(cluster.cluster, cluster.keepCluster)
      : new ExistingMode(cluster.runId, cluster.allowClusterwidePolicies)
  const session: ClusterSession = {
    runner,
    kubectl,
    clock: options.clock ?? systemClock,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    log: options.log ?? (() => undefined),
    warn: options.warn ?? options.log ?? (() => undefined),
    agentDir: options.agentDir
  }
  const agentFiles = options.agentFiles ?? (await readAgentBundle(options.agentDir))
  const sessions = createProbeSessions(kubectl, runner, {
    maxInFlight: options.maxExecs ?? MAX_CONCURRENT_EXECS,
    maxOpen: options.maxSessions ?? MAX_OPEN_SESSIONS
  })
  return new KubernetesBackend(session, mode, agentFiles, sessions)
}

class KubernetesBackend implements ClusterBackend {
  readonly naming: NamespaceNaming
  private readonly state: ClusterState

  constructor(
    private readonly session: ClusterSession,
    private readonly mode: ClusterMode,
    private readonly agentFiles: Record<string, string>,
    private readonly sessions: ProbeSessions
  ) {
    this.naming = mode.naming
    this.state = { namespaces: [], policies: mode.initialPolicies(), clusterWide: new Set() }
  }

  get sendsFromExternals(): boolean {
    return this.mode.sendsFromExternals
  }

  async deploy(topology: Topology): Promise<Addresses> {
    const { kubectl, clock, timeouts, log, warn } = this.session
    this.state.topology = topology
    this.mode.checkTopology(topology)
    this.state.namespaces = topology.namespaces.map((namespace) => this.naming(namespace.name))
    const context = {
      kubectl,
      clock,
      timeouts,
      naming: this.naming,
      runId: this.mode.runId,
      agentFiles: this.agentFiles,
      log,
      warn
    }
    const deployed = await deployWorkloads(context, topology)
    this.state.nodes = deployed.nodes
    const addresses = new Map(deployed.addresses)
    for (const [key, ip] of await this.mode.startExternals(this.session, topology)) addresses.set(key, ip)
    return addresses
  }

  async applyPolicies(documents: PolicyDocument[]): Promise<Diagnostic[]> {
    const { kubectl, clock, timeouts, log } = this.session
    if (!this.state.topology) throw new Error('applyPolicies before deploy')
    const next = this.mode.toClusterPolicies(documents, this.state)
    // Recorded before anything is applied, so a failure half-way still leaves cleanup the names.
    for (const policy of next) if (!policy.namespace) this.state.clusterWide.add(policy.name)
    const context = { kubectl, clock, timeouts, log, ...this.mode.waitScope(this.state) }
    const enforced = await enforcePolicySet(context, this.state.policies, next)
    this.state.policies = enforced.state
    return enforced.diagnostics
  }

  /** One batch in the source's agent session (probe-sessions.ts), opened by its first batch. */
  probeFrom(source: string, targets: readonly ProbeTarget[], timeoutMs: number): Promise<ProbeResult[]> {
    const container = this.mode.probeContainer(source)
    if (container !== undefined) {
      // A source external: its container probes the pods from its world address.
      return this.sessions.probe({ key: source, container }, targets, timeoutMs)
    }
    const slash = source.indexOf('/')
    const pod = { key: source, namespace: this.naming(source.slice(0, slash)), pod: source.slice(slash + 1) }
    return this.sessions.probe(pod, targets, timeoutMs)
  }

  /**
   * The agent sessions first, whatever happened before: their kubectl and docker processes are
   * the run's own, and the namespaces and containers they run in go next. Then the mode's cleanup,
   * even if closing failed.
   */
  async cleanup(): Promise<void> {
    try {
      await this.sessions.closeAll()
    } finally {
      await this.mode.cleanup(this.session, this.state)
    }
  }
}

async function currentContext(kubectl: Kubectl): Promise<string | undefined> {
  return kubectl.currentContext()
}
