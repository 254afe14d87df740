// The Action's main step for `cluster: kind`: create the cluster, install Cilium, wait until it
// is ready; on any failure collect Cilium's logs and delete the cluster (unless keep-cluster)
// before throwing. The post step calls `teardownKindCluster`, which is safe to repeat.
import { runChecked } from '../../command.js'
import type { CommandRunner } from '../../command.js'
import type { EngineOptions } from '../../../core/options.js'
import { collectCiliumLogs, installCilium, waitForCilium } from './cilium-install.js'
import { removeExternalContainers } from '../workloads/world-containers.js'
import { createKindCluster, deleteKindCluster, describeToolVersions } from './kind.js'
import type { KindCluster } from './kind.js'
import { createKubectl } from '../kubectl.js'
import { DEFAULT_CILIUM_VERSION } from '../versions.js'
import type { Clock, ClusterTimeouts } from '../wait.js'
import { DEFAULT_TIMEOUTS, systemClock, timed } from '../wait.js'

export interface ProvisionOptions {
  runner: CommandRunner
  /** From `resolveKind`. */
  kind: string
  /** Unique to the run (`kindClusterName`); a cluster of that name already there is refused. */
  name: string
  /** Absolute path of kind-config/cluster.yaml. */
  configPath: string
  /** Absolute path of kind-config/cilium-values.yaml. */
  valuesPath: string
  /** The `node-image` input; empty means the pinned KIND_NODE_IMAGE. */
  nodeImage?: string
  /** A kubeconfig file of our own, e.g. `$RUNNER_TEMP/reachdiff-kubeconfig`. */
  kubeconfig: string
  /** The `cilium-version` input; DEFAULT_CILIUM_VERSION when absent. */
  ciliumVersion?: string
  engine?: Pick<EngineOptions, 'enforcement' | 'agent' | 'clusterName'>
  /** The `keep-cluster` input: leave the cluster (and its logs) for inspection. */
  keepCluster: boolean
  /**
   * Called once `kind create` has succeeded, before anything else: from here on the cluster is
   * this run's to delete (the Action saves its post-step state here, and not before).
   */
  onCreated?: (cluster: KindCluster) => void
  clock?: Clock
  timeouts?: Partial<ClusterTimeouts>
  log?: (line: string) => void
}

/**
 * `reachdiff-<run id>-<attempt>`: a name no other run uses, so nothing this run deletes can be
 * another's. kind accepts `^[a-z0-9.-]+$` and warns above 50 characters
 * (kubernetes-sigs/kind pkg/internal/apis/config/validate.go `validNameRE`,
 * pkg/cluster/internal/create/create.go `clusterNameMax`).
 */
export function kindClusterName(runId: string, attempt: string): string {
  const clean = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  return `reachdiff-${clean(runId) || 'local'}-${clean(attempt) || '1'}`.slice(0, 50).replace(/-+$/, '')
}

/** A cluster of the run's name exists already: it is not ours, so it is neither used nor deleted. */
export class ClusterNameTakenError extends Error {
  constructor(readonly clusterName: string) {
    super(
      `a kind cluster named "${clusterName}" already exists. reachdiff names its cluster after the run ` +
        '(run id and attempt) and never uses or deletes a cluster it did not create; delete it with ' +
        `\`kind delete cluster --name ${clusterName}\` if it is a leftover`
    )
  }
}

/** `kind get clusters` prints one name per line (and "No kind clusters found." on stderr). */
async function clusterExists(runner: CommandRunner, kind: string, name: string): Promise<boolean> {
  const listed = await runChecked(runner, kind, ['get', 'clusters'], { timeoutMs: 60_000 })
  return listed.stdout.split('\n').some((line) => line.trim() === name)
}

/** Why cluster setup failed, with Cilium's own account of it when there is one. */
export class ClusterSetupError extends Error {
  constructor(
    readonly stage: 'kind create' | 'helm install' | 'readiness',
    readonly failure: Error,
    /** Last lines of the agent's and operator's logs and the pod list; empty before Cilium. */
    readonly details: readonly string[],
    /** Set when the cluster was deleted after the failure. */
    readonly deleted: boolean
  ) {
    const kept =
      stage === 'kind create'
        ? 'no cluster was created'
        : deleted
          ? 'the cluster was deleted'
          : 'the cluster was kept (keep-cluster)'
    super(
      `${stage} failed: ${failure.message}\n${kept}${details.length ? `\n\n${details.join('\n\n')}` : ''}`
    )
  }
}

export async function provisionKindCluster(options: ProvisionOptions): Promise<KindCluster> {
  const log = options.log ?? (() => undefined)
  const clock = options.clock ?? systemClock
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const name = options.name
  const identity = { kind: options.kind, name, kubeconfig: options.kubeconfig }
  for (const line of await describeToolVersions(options.runner, options.kind)) log(line)
  if (await clusterExists(options.runner, options.kind, name)) throw new ClusterNameTakenError(name)

  let cluster: KindCluster
  try {
    cluster = await timed(clock, log, 'kind create cluster', () =>
      createKindCluster(options.runner, {
        ...identity,
        configPath: options.configPath,
        image: options.nodeImage
      })
    )
  } catch (error) {
    // Nothing to delete: kind removes the nodes of a create that failed (unless --retain), and a
    // create refused because the name exists must not touch that cluster
    // (kubernetes-sigs/kind pkg/cluster/internal/create/create.go, `Cluster`).
    throw new ClusterSetupError('kind create', error as Error, [], false)
  }
  options.onCreated?.(cluster)
  const allowAll = options.engine?.enforcement === 'always'
  let stage: ClusterSetupError['stage'] = 'helm install'
  try {
    const target = { kubeconfig: cluster.kubeconfig, context: cluster.context }
    await timed(clock, log, 'helm install cilium', () =>
      installCilium(options.runner, {
        ciliumVersion: options.ciliumVersion ?? DEFAULT_CILIUM_VERSION,
        valuesPath: options.valuesPath,
        target,
        engine: options.engine
      })
    )
    stage = 'readiness'
    await timed(clock, log, 'cilium readiness', () =>
      waitForCilium(createKubectl(options.runner, target), clock, timeouts, log, allowAll)
    )
    return allowAll ? { ...cluster, allowAll } : cluster
  } catch (error) {
    const details = await collectCiliumLogs(
      createKubectl(options.runner, { kubeconfig: options.kubeconfig, context: cluster.context })
    )
    const deleted = !options.keepCluster && (await deleteQuietly(options.runner, identity, log))
    throw new ClusterSetupError(stage, error as Error, details, deleted)
  }
}

async function deleteQuietly(
  runner: CommandRunner,
  cluster: Pick<KindCluster, 'kind' | 'name' | 'kubeconfig'>,
  log: (line: string) => void
): Promise<boolean> {
  try {
    await deleteKindCluster(runner, cluster)
    return true
  } catch (error) {
    log(`could not delete kind cluster ${cluster.name}: ${(error as Error).message}`)
    return false
  }
}

/**
 * The post step: delete the external endpoints' containers and the cluster, unless keep-cluster.
 * Both steps run even if the first fails; the first error is thrown at the end.
 */
export async function teardownKindCluster(
  runner: CommandRunner,
  cluster: Pick<KindCluster, 'kind' | 'name' | 'kubeconfig'>,
  keepCluster: boolean
): Promise<void> {
  if (keepCluster) return
  const errors: Error[] = []
  await removeExternalContainers(runner, cluster.name).catch((error: Error) => errors.push(error))
  await deleteKindCluster(runner, cluster).catch((error: Error) => errors.push(error))
  if (errors.length > 0) throw errors[0]
}
