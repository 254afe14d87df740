// Cluster mode: a kind cluster with Cilium (or an existing cluster, when allowed), the
// topology deployed with the probe agent, base then head applied and probed. The observed
// matrices become the report's headline; disagreements with the prediction are listed.
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withObservation } from '../core/observed.js'
import type { EngineOptions } from '../core/options.js'
import type { LoadedPolicies, PolicyDocument } from '../core/policy/document.js'
import type { Report } from '../core/report/report.js'
import type { CommandRunner } from '../edge/command.js'
import { createClusterBackend } from '../edge/cluster/backend.js'
import type { ClusterTarget } from '../edge/cluster/backend.js'
import { resolveKind } from '../edge/cluster/kind.js'
import { DEFAULT_KIND_CLUSTER_NAME, provisionKindCluster } from '../edge/cluster/setup.js'
import { resolveKubectl } from '../edge/cluster/kubectl-install.js'
import { pairingFor } from '../edge/cluster/version-pairings.js'
import { CILIUM_VALUES_FILE, KIND_CONFIG_FILE, KIND_NODE_IMAGE, kindArch } from '../edge/cluster/versions.js'
import { observe } from '../edge/observe/run.js'
import type { Settings } from './inputs.js'

/** The post step reads these to delete the cluster the main step created. */
export const STATE_KEYS = {
  kind: 'kind',
  name: 'cluster-name',
  kubeconfig: 'kubeconfig',
  keep: 'keep-cluster'
} as const

/** The action's own folder: dist/index.js sits in <root>/dist. */
function actionRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..')
}

export interface ClusterInput {
  settings: Settings
  report: Report
  base?: LoadedPolicies
  head: LoadedPolicies
  options: EngineOptions
  runner: CommandRunner
}

export async function observeInCluster(input: ClusterInput): Promise<Report> {
  const { settings, runner } = input
  const log = (line: string): void => core.info(line)
  const root = actionRoot()
  const backend = await createClusterBackend({
    runner,
    cluster: await clusterTarget(input, root, log),
    agentDir: join(root, 'dist', 'agent'),
    log
  })
  try {
    const valid = (loaded: LoadedPolicies): PolicyDocument[] => loaded.policies.filter((p) => p.valid)
    const head = valid(input.head)
    const observation = await observe(backend, {
      topology: input.report.topology,
      flows: input.report.head.matrix.cells.map((cell) => cell.flow),
      // Without a base revision (schedule, workflow_dispatch) head is observed alone.
      base: input.base ? valid(input.base) : head,
      head,
      timeoutMs: settings.probeTimeoutMs,
      retries: settings.probeRetries,
      predicted: { base: input.report.base?.matrix, head: input.report.head.matrix },
      log
    })
    for (const skipped of observation.notProbed.slice(0, 20)) core.info(`not probed: ${skipped.reason}`)
    return withObservation(input.report, {
      ...observation,
      diagnostics: [...observation.diagnostics.base, ...observation.diagnostics.head]
    })
  } finally {
    await backend.cleanup()
  }
}

async function clusterTarget(
  input: ClusterInput,
  root: string,
  log: (line: string) => void
): Promise<ClusterTarget> {
  const { settings, runner } = input
  if (settings.cluster === 'existing') {
    return {
      mode: 'existing',
      allowExistingCluster: settings.allowExistingCluster,
      allowClusterwidePolicies: settings.allowClusterwidePolicies,
      runId: `${process.env.GITHUB_RUN_ID ?? 'local'}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`
    }
  }
  const tools = { runner, toolCache: tc, arch: kindArch(process.arch), log }
  const kind = await resolveKind(tools, settings.kindVersion)
  // The node-image input wins; kubectl must then match it, not the pairing.
  const { pairing, note } = pairingFor(settings.ciliumVersion)
  if (note && !settings.nodeImage) log(note)
  const kubectlDir = await resolveKubectl(tools, settings.nodeImage || KIND_NODE_IMAGE, pairing)
  // addPath also prepends to this process's PATH, which every `kubectl` we spawn inherits.
  if (kubectlDir) core.addPath(kubectlDir)
  const kubeconfig = join(process.env.RUNNER_TEMP ?? root, 'reachdiff-kubeconfig')
  // Saved before creating: a main step that dies half way still gets its cluster deleted.
  core.saveState(STATE_KEYS.kind, kind)
  core.saveState(STATE_KEYS.name, DEFAULT_KIND_CLUSTER_NAME)
  core.saveState(STATE_KEYS.kubeconfig, kubeconfig)
  core.saveState(STATE_KEYS.keep, String(settings.keepCluster))
  const cluster = await provisionKindCluster({
    runner,
    kind,
    name: DEFAULT_KIND_CLUSTER_NAME,
    configPath: join(root, KIND_CONFIG_FILE),
    valuesPath: join(root, CILIUM_VALUES_FILE),
    kubeconfig,
    ciliumVersion: settings.ciliumVersion,
    nodeImage: settings.nodeImage,
    engine: input.options,
    keepCluster: settings.keepCluster,
    log
  })
  return { mode: 'kind', cluster, keepCluster: settings.keepCluster }
}
