// Cluster mode: a kind cluster with Cilium (or an existing cluster, when allowed), the
// topology deployed with the probe agent, base then head applied and probed. The observed
// matrices become the report's headline; disagreements with the prediction are listed.
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withObservation } from '../core/observed.js'
import type { Expectations } from '../core/observed.js'
import type { Namespace, Topology } from '../core/model.js'
import type { EngineOptions } from '../core/options.js'
import type { LoadedPolicies, PolicyDocument } from '../core/policy/document.js'
import type { Report } from '../core/report/report.js'
import type { CommandRunner } from '../edge/command.js'
import { createClusterBackend } from '../edge/cluster/cluster-backend.js'
import type { ClusterBackend, ClusterTarget } from '../edge/cluster/cluster-backend.js'
import { assertTopologyFits } from '../edge/cluster/workloads/capacity.js'
import { resolveKind } from '../edge/cluster/provisioning/kind.js'
import {
  ClusterSetupError,
  kindClusterName,
  provisionKindCluster
} from '../edge/cluster/provisioning/setup.js'
import { resolveKubectl } from '../edge/cluster/provisioning/kubectl-install.js'
import { pairingFor } from '../edge/cluster/version-pairings.js'
import { CILIUM_VALUES_FILE, KIND_CONFIG_FILE, KIND_NODE_IMAGE, kindArch } from '../edge/cluster/versions.js'
import type { Backend } from '../edge/observe/backend.js'
import { ClusterNotReadyError, observe } from '../edge/observe/observe.js'
import type { Settings } from './inputs.js'
import { logInfo } from './log.js'
import { openTranscript, transcriptPath } from './transcript.js'
import { TOOL_VERSION } from '../version.js'

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
  /** The scenario's expectations: judged against the observed head, not the prediction. */
  expectations: Expectations
}

/** The cluster run failed; `step` says where, in words a reader of the comment understands. */
export class ClusterRunError extends Error {
  constructor(
    readonly step: string,
    readonly failure: Error
  ) {
    super(`the cluster run failed at ${step}: ${failure.message}`)
  }
}

export async function observeInCluster(input: ClusterInput): Promise<Report> {
  const { runner } = input
  const log = (line: string): void => logInfo(line)
  const root = actionRoot()
  const step = { name: 'setting up the cluster' }
  let backend: ClusterBackend | undefined
  try {
    const cluster = await clusterTarget(input, root, log)
    backend = await createClusterBackend({
      runner,
      cluster,
      agentDir: join(root, 'dist', 'agent'),
      log,
      warn: (line) => core.warning(line)
    })
    // Set before observing: a run that fails halfway still points at the probes it made.
    const transcript = transcriptPath(process.env.RUNNER_TEMP ?? '.', input.settings.commentHeader)
    core.setOutput('probe-transcript', transcript)
    return await observeReport(trackSteps(backend, step), input, log, transcript)
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    const where = failure instanceof ClusterSetupError ? `cluster setup (${failure.stage})` : step.name
    throw new ClusterRunError(
      failure instanceof ClusterNotReadyError ? 'the positive control' : where,
      failure
    )
  } finally {
    await backend?.cleanup()
  }
}

/** Names the step the run is in, for a failure message that says where it stopped. */
function trackSteps<P>(backend: Backend<P>, step: { name: string }): Backend<P> {
  let applied = 0
  return {
    deploy: (topology) => {
      step.name = 'deploying the test pods'
      return backend.deploy(topology)
    },
    applyPolicies: (policies) => {
      applied++
      step.name = applied === 1 ? 'applying the base policies' : 'applying the head policies'
      return backend.applyPolicies(policies)
    },
    probeFrom: (source, targets, timeoutMs) => {
      if (!step.name.startsWith('probing'))
        step.name = `probing (${step.name.replace(/^applying the /, 'under the ')})`
      return backend.probeFrom(source, targets, timeoutMs)
    },
    cleanup: () => backend.cleanup()
  }
}

/**
 * The static prediction, published when the cluster run failed: the comment must still say what
 * the change does, and say plainly that it was not observed and where the cluster run stopped.
 */
export function staticFallback(report: Report, error: ClusterRunError): Report {
  const notice = {
    severity: 'error' as const,
    file: '',
    line: 0,
    column: 0,
    path: '',
    message:
      `${error.message.split('\n')[0]}. The results below are the static prediction only; ` +
      'nothing was observed in a cluster.'
  }
  return { ...report, diagnostics: [notice, ...report.diagnostics] }
}

/**
 * Base then head observed through `backend`, and the report rebuilt on the observation: observed
 * matrices, diff, flaky flows, disagreements, and violations of the observed head. Every probe
 * goes to the transcript at `transcriptFile` (JSON Lines, transcript.ts) when one is given.
 */
export async function observeReport(
  backend: Backend<PolicyDocument[]>,
  input: Pick<ClusterInput, 'settings' | 'report' | 'base' | 'head' | 'expectations'>,
  log: (line: string) => void,
  transcriptFile?: string
): Promise<Report> {
  const valid = (loaded: LoadedPolicies): PolicyDocument[] => loaded.policies.filter((p) => p.valid)
  const head = valid(input.head)
  const { probeTimeoutMs, probeRetries } = input.settings
  const transcript =
    transcriptFile === undefined
      ? undefined
      : openTranscript(transcriptFile, { reachdiff: TOOL_VERSION, probeTimeoutMs, probeRetries }, (line) =>
          core.warning(line)
        )
  const observation = await observe(backend, {
    topology: withPolicyNamespaces(input.report.topology, [input.base, input.head]),
    flows: input.report.head.matrix.cells.map((cell) => cell.flow),
    // Without a base revision (schedule, workflow_dispatch) head is observed alone.
    base: input.base ? valid(input.base) : head,
    head,
    timeoutMs: probeTimeoutMs,
    retries: probeRetries,
    predicted: { base: input.report.base?.matrix, head: input.report.head.matrix },
    log,
    ...(transcript && { transcript: (probe) => transcript.write(probe) })
  }).finally(() => transcript?.close())
  for (const skipped of observation.notProbed.slice(0, 20)) log(`not probed: ${skipped.reason}`)
  return withObservation(
    input.report,
    { ...observation, diagnostics: [...observation.diagnostics.base, ...observation.diagnostics.head] },
    input.expectations
  )
}

/**
 * The topology plus every namespace a policy of either side lives in, so that applying it never
 * meets `namespaces "x" not found`: the cluster holds what the static engine reads. A namespace
 * declared by a `v1` Namespace object beside the policies gets that object's labels; any other
 * gets only the label the API server sets itself.
 */
export function withPolicyNamespaces(
  topology: Topology,
  sides: readonly (LoadedPolicies | undefined)[]
): Topology {
  const known = new Map(topology.namespaces.map((namespace) => [namespace.name, namespace]))
  const declared = new Map(
    sides.flatMap((side) => side?.namespaces ?? []).map((namespace) => [namespace.name, namespace])
  )
  const added: Namespace[] = []
  for (const policy of sides.flatMap((side) => side?.policies ?? [])) {
    if (!policy.valid || policy.ref.kind === 'CiliumClusterwideNetworkPolicy') continue
    const name = policy.ref.namespace ?? 'default'
    if (known.has(name)) continue
    const namespace = declared.get(name) ?? { name, labels: { 'kubernetes.io/metadata.name': name } }
    known.set(name, namespace)
    added.push(namespace)
  }
  return added.length === 0 ? topology : { ...topology, namespaces: [...topology.namespaces, ...added] }
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
  assertTopologyFits(input.report.topology)
  const tools = { runner, toolCache: tc, arch: kindArch(process.arch), log }
  const kind = await resolveKind(tools, settings.kindVersion)
  // The node-image input wins; kubectl must then match it, not the pairing.
  const { pairing, note } = pairingFor(settings.ciliumVersion)
  if (note && !settings.nodeImage) log(note)
  const kubectlDir = await resolveKubectl(tools, settings.nodeImage || KIND_NODE_IMAGE, pairing)
  // addPath also prepends to this process's PATH, which every `kubectl` we spawn inherits.
  if (kubectlDir) core.addPath(kubectlDir)
  const name = kindClusterName(
    process.env.GITHUB_RUN_ID ?? `local-${process.pid}`,
    process.env.GITHUB_RUN_ATTEMPT ?? '1'
  )
  const kubeconfig = join(process.env.RUNNER_TEMP ?? root, `${name}-kubeconfig`)
  const cluster = await provisionKindCluster({
    runner,
    kind,
    name,
    // Saved only once the cluster exists: the post step deletes nothing this run did not create.
    onCreated: () => {
      core.saveState(STATE_KEYS.kind, kind)
      core.saveState(STATE_KEYS.name, name)
      core.saveState(STATE_KEYS.kubeconfig, kubeconfig)
      core.saveState(STATE_KEYS.keep, String(settings.keepCluster))
    },
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
