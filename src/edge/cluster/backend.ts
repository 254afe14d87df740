// The cluster as an observing Backend: a kind cluster made by provisionKindCluster, or an
// existing cluster (current kubeconfig) that the run shares with others and so treats with care.
import type { Diagnostic, Topology } from '../../core/model.js'
import { WORLD_NAMESPACE, worldKey } from '../../core/model.js'
import type { PolicyDocument } from '../../core/policy/document.js'
import type { CommandRunner } from '../command.js'
import type { Addresses, Backend, ProbeResult, ProbeTarget } from '../observe/backend.js'
import { deployWorkloads } from './deploy.js'
import {
  assertClusterWideAllowed,
  assertExistingClusterAllowed,
  prefixClusterName,
  prefixNaming,
  renameNamespaces,
  runPrefix
} from './existing.js'
import {
  externalContainerName,
  removeExternalContainers,
  routedNodes,
  startExternals
} from './world-containers.js'
import type { KindCluster } from './kind.js'
import type { Kubectl, KubeTarget } from './kubectl.js'
import { createKubectl } from './kubectl.js'
import type { ClusterPolicy } from './policies.js'
import { POLICY_RESOURCES, toClusterPolicy } from './policies.js'
import type { AppliedPolicy } from './policy-set.js'
import { enforcePolicySet } from './policy-set.js'
import type { Limiter } from './exec-limit.js'
import { createLimiter, MAX_CONCURRENT_EXECS } from './exec-limit.js'
import { probeFromContainer, probeFromPod } from './probe.js'
import { ALLOW_ALL_POLICY, allowAllDocument } from './setup-allow-all.js'
import type { Clock, ClusterTimeouts } from './wait.js'
import { DEFAULT_TIMEOUTS, kubectlTimeout, systemClock, withSlack } from './wait.js'
import type { NamespaceNaming } from './workloads.js'
import { readAgentBundle } from './workloads.js'

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
  /** `kubectl exec`s in flight at most (MAX_CONCURRENT_EXECS). */
  maxExecs?: number
}

export interface ClusterBackend extends Backend<PolicyDocument[]> {
  /** The namespace a topology namespace has in the cluster (prefixed on an existing cluster). */
  readonly naming: NamespaceNaming
}

interface State {
  topology?: Topology
  /** Cluster namespaces deploy created or tried to create (existing mode deletes them). */
  namespaces: string[]
  nodes?: Set<string>
  policies: Map<string, AppliedPolicy>
  /** Names of every cluster-scoped policy ever sent to the cluster. */
  clusterWide: Set<string>
}

interface Settings {
  runner: CommandRunner
  cluster: ClusterTarget
  kubectl: Kubectl
  agentDir: string
  agentFiles: Record<string, string>
  clock: Clock
  timeouts: ClusterTimeouts
  log: (line: string) => void
  warn: (line: string) => void
  limit: Limiter
}

/**
 * An async factory (style.md #3): on an existing cluster it first checks that the run may use
 * it, naming the kubeconfig context in the refusal, and it reads the agent bundle once.
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
  return new KubernetesBackend({
    runner,
    cluster,
    kubectl,
    agentDir: options.agentDir,
    agentFiles: options.agentFiles ?? (await readAgentBundle(options.agentDir)),
    clock: options.clock ?? systemClock,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    log: options.log ?? (() => undefined),
    warn: options.warn ?? options.log ?? (() => undefined),
    limit: createLimiter(options.maxExecs ?? MAX_CONCURRENT_EXECS)
  })
}

class KubernetesBackend implements ClusterBackend {
  readonly naming: NamespaceNaming
  private readonly state: State = { namespaces: [], policies: new Map(), clusterWide: new Set() }

  constructor(private readonly s: Settings) {
    this.naming = s.cluster.mode === 'existing' ? prefixNaming(runPrefix(s.cluster.runId)) : (name) => name
    if (s.cluster.mode === 'kind' && s.cluster.cluster.allowAll) {
      // In force since setup; the first policy set deletes it like any policy it does not hold.
      const policy = toClusterPolicy(allowAllDocument(), undefined, ALLOW_ALL_POLICY)
      this.state.policies.set(policy.key, { policy, imported: true })
    }
  }

  async deploy(topology: Topology): Promise<Addresses> {
    const { cluster, kubectl, clock, timeouts, log, agentFiles } = this.s
    if (cluster.mode === 'existing' && topology.external.length > 0) {
      const names = topology.external.map((external) => worldKey(external.name)).join(', ')
      throw new Error(
        `an existing cluster has no place for external endpoints (${names}); they run as containers ` +
          'on the kind network, so flows to world/* need cluster: kind'
      )
    }
    this.state.topology = topology
    this.state.namespaces = topology.namespaces.map((namespace) => this.naming(namespace.name))
    const runId = cluster.mode === 'existing' ? cluster.runId : cluster.cluster.name
    const context = {
      kubectl,
      clock,
      timeouts,
      naming: this.naming,
      runId,
      agentFiles,
      log,
      warn: this.s.warn
    }
    const deployed = await deployWorkloads(context, topology)
    this.state.nodes = deployed.nodes
    const addresses = new Map(deployed.addresses)
    if (cluster.mode === 'kind' && topology.external.length > 0) {
      const nodes = routedNodes(await kubectl.getJson(['get', 'nodes']))
      const externals = await startExternals(
        {
          runner: this.s.runner,
          clusterName: cluster.cluster.name,
          agentDir: this.s.agentDir,
          clock,
          timeoutMs: timeouts.workloadsMs,
          pollMs: timeouts.pollMs
        },
        topology.external,
        nodes
      )
      for (const [key, ip] of externals) addresses.set(key, ip)
    }
    return addresses
  }

  async applyPolicies(documents: PolicyDocument[]): Promise<Diagnostic[]> {
    const { cluster, kubectl, clock, timeouts, log } = this.s
    if (!this.state.topology) throw new Error('applyPolicies before deploy')
    const existing = cluster.mode === 'existing'
    if (existing) assertClusterWideAllowed(documents, cluster.allowClusterwidePolicies)
    const known = new Set(this.state.topology.namespaces.map((namespace) => namespace.name))
    const runId = existing ? cluster.runId : undefined
    const next = documents.map((doc) => toCluster(doc, runId, this.naming, known))
    // Recorded before anything is applied, so a failure half-way still leaves cleanup the names.
    for (const policy of next) if (!policy.namespace) this.state.clusterWide.add(policy.name)
    const context = {
      kubectl,
      clock,
      timeouts,
      log,
      // On a shared cluster only our nodes' agents and our pods' endpoints are ours to wait for.
      nodes: existing ? this.state.nodes : undefined,
      namespaces: existing ? new Set(this.state.namespaces) : undefined
    }
    const enforced = await enforcePolicySet(context, this.state.policies, next)
    this.state.policies = enforced.state
    return enforced.diagnostics
  }

  probeFrom(source: string, targets: readonly ProbeTarget[], timeoutMs: number): Promise<ProbeResult[]> {
    const slash = source.indexOf('/')
    const [namespace, name] = [source.slice(0, slash), source.slice(slash + 1)]
    const { cluster } = this.s
    if (namespace === WORLD_NAMESPACE && cluster.mode === 'kind') {
      // A source external: its container probes the pods from its world address.
      const container = externalContainerName(cluster.cluster.name, { name })
      return this.s.limit(() =>
        probeFromContainer(this.s.runner, { key: source, container }, targets, timeoutMs)
      )
    }
    const pod = { key: source, namespace: this.naming(namespace), pod: name }
    return this.s.limit(() => probeFromPod(this.s.kubectl, pod, targets, timeoutMs))
  }

  async cleanup(): Promise<void> {
    const { cluster } = this.s
    if (cluster.mode === 'kind') {
      // The cluster itself goes in the post step (teardownKindCluster); its externals live outside it.
      if (!cluster.keepCluster) await removeExternalContainers(this.s.runner, cluster.cluster.name)
      return
    }
    await cleanupExisting(this.s.kubectl, this.state, this.s.timeouts.deleteMs)
  }
}

/** The cluster's copy of a document: renamed into the run's namespaces on an existing cluster. */
function toCluster(
  doc: PolicyDocument,
  runId: string | undefined,
  naming: NamespaceNaming,
  known: ReadonlySet<string>
): ClusterPolicy {
  const clusterScoped = doc.ref.kind === 'CiliumClusterwideNetworkPolicy'
  const namespace = clusterScoped ? undefined : naming(doc.ref.namespace ?? 'default')
  if (runId === undefined) return toClusterPolicy(doc, namespace, doc.ref.name)
  const name = clusterScoped ? prefixClusterName(runPrefix(runId), doc.ref.name) : doc.ref.name
  return toClusterPolicy(
    doc,
    namespace,
    name,
    renameNamespaces(doc.raw, naming, known) as Record<string, unknown>
  )
}

/**
 * Everything the run created in a shared cluster goes, whatever failed before: cluster-wide
 * policies first (they reach beyond our namespaces), then the namespaces with all they hold.
 * Every step runs; the first error is thrown at the end. Safe to repeat.
 */
async function cleanupExisting(kubectl: Kubectl, state: State, deleteMs: number): Promise<void> {
  const errors: Error[] = []
  const clusterWide = [...state.clusterWide].sort()
  const resource = POLICY_RESOURCES.CiliumClusterwideNetworkPolicy.resource
  if (clusterWide.length > 0) {
    await kubectl
      .check(['delete', resource, ...clusterWide, '--ignore-not-found'])
      .catch((error: Error) => errors.push(error))
  }
  if (state.namespaces.length > 0) {
    await kubectl
      .check(['delete', 'namespace', ...state.namespaces, '--ignore-not-found', kubectlTimeout(deleteMs)], {
        timeoutMs: withSlack(deleteMs)
      })
      .catch((error: Error) => errors.push(error))
  }
  if (errors.length > 0) throw errors[0]
  state.policies = new Map()
  state.clusterWide = new Set()
  state.namespaces = []
}

async function currentContext(kubectl: Kubectl): Promise<string | undefined> {
  if (kubectl.target.context) return kubectl.target.context
  const result = await kubectl.run(['config', 'current-context'], { timeoutMs: 30_000 })
  return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined
}
