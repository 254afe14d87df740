// The Action's main step for `cluster: kind`: create the cluster, install Cilium, wait until it
// is ready; on any failure collect Cilium's logs and delete the cluster (unless keep-cluster)
// before throwing. The post step calls `teardownKindCluster`, which is safe to repeat.
import type { CommandRunner } from '../command.js'
import type { EngineOptions } from '../../core/options.js'
import { collectCiliumLogs, installCilium, waitForCilium } from './cilium.js'
import { removeExternalContainers } from './externals.js'
import { createKindCluster, deleteKindCluster, describeToolVersions } from './kind.js'
import type { KindCluster } from './kind.js'
import { createKubectl } from './kubectl.js'
import { DEFAULT_CILIUM_VERSION } from './versions.js'
import type { Clock, ClusterTimeouts } from './wait.js'
import { DEFAULT_TIMEOUTS, systemClock, timed } from './wait.js'

export interface ProvisionOptions {
  runner: CommandRunner
  /** From `resolveKind`. */
  kind: string
  /** Cluster name; `reachdiff` unless the Action says otherwise. */
  name?: string
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
  clock?: Clock
  timeouts?: Partial<ClusterTimeouts>
  log?: (line: string) => void
}

export const DEFAULT_KIND_CLUSTER_NAME = 'reachdiff'

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
    const kept = deleted ? 'the cluster was deleted' : 'the cluster was kept (keep-cluster)'
    super(
      `${stage} failed: ${failure.message}\n${kept}${details.length ? `\n\n${details.join('\n\n')}` : ''}`
    )
  }
}

export async function provisionKindCluster(options: ProvisionOptions): Promise<KindCluster> {
  const log = options.log ?? (() => undefined)
  const clock = options.clock ?? systemClock
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const name = options.name ?? DEFAULT_KIND_CLUSTER_NAME
  const identity = { kind: options.kind, name, kubeconfig: options.kubeconfig }
  for (const line of await describeToolVersions(options.runner, options.kind)) log(line)

  let stage: ClusterSetupError['stage'] = 'kind create'
  try {
    const cluster = await timed(clock, log, 'kind create cluster', () =>
      createKindCluster(options.runner, {
        ...identity,
        configPath: options.configPath,
        image: options.nodeImage
      })
    )
    const target = { kubeconfig: cluster.kubeconfig, context: cluster.context }
    stage = 'helm install'
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
      waitForCilium(createKubectl(options.runner, target), clock, timeouts, log)
    )
    return cluster
  } catch (error) {
    const details =
      stage === 'kind create'
        ? []
        : await collectCiliumLogs(
            createKubectl(options.runner, { kubeconfig: options.kubeconfig, context: `kind-${name}` })
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
