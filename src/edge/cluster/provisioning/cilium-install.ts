// Cilium on kind: `helm install` of the chart at the requested version with our kind values,
// then readiness with kubectl only (docs/cluster-mode.md, "Main step"): every step is a kubectl
// wait with its own --timeout, never a sleep.
import { runChecked } from '../../command.js'
import type { CommandRunner } from '../../command.js'
import type { EngineOptions } from '../../../core/options.js'
import { DEFAULT_AGENT_SETTINGS } from '../../../core/options.js'
import type { Kubectl, KubeTarget } from '../kubectl.js'
import type { KubectlRun } from '../kubectl.js'
import { ALLOW_ALL_POLICY, allowAllManifest } from '../enforcement/setup-allow-all.js'
import {
  CILIUM_CHART,
  CILIUM_HELM_REPO,
  CILIUM_NAMESPACE,
  CILIUM_RELEASE,
  chartVersion
} from '../versions.js'
import type { Clock, ClusterTimeouts } from '../wait.js'
import { pollUntil } from '../wait.js'

export interface HelmInstallOptions {
  ciliumVersion: string
  /** kind-config/cilium-values.yaml */
  valuesPath: string
  target: KubeTarget
  /** The agent settings the prediction assumes; the cluster must run the same. */
  engine?: Pick<EngineOptions, 'enforcement' | 'agent' | 'clusterName'>
}

/**
 * `--set` for every engine setting that differs from Cilium's default, by the chart value that
 * renders the agent flag (the chart's `templates/cilium-configmap.yaml`). Only non-defaults are
 * passed, so a chart that lacks a value (e.g. `enableNonDefaultDenyPolicies` before 1.17) is never
 * handed one.
 */
export function engineHelmSets(engine: HelmInstallOptions['engine']): string[] {
  if (!engine) return []
  const sets: string[] = []
  const agent = engine.agent
  const defaults = DEFAULT_AGENT_SETTINGS
  if (engine.enforcement !== 'default') sets.push(`policyEnforcementMode=${engine.enforcement}`)
  if (agent.enableSctp !== defaults.enableSctp) sets.push(`sctp.enabled=${agent.enableSctp}`)
  if (agent.enableL7Proxy !== defaults.enableL7Proxy) sets.push(`l7Proxy=${agent.enableL7Proxy}`)
  if (agent.enableNodeSelectorLabels !== defaults.enableNodeSelectorLabels) {
    sets.push(`nodeSelectorLabels=${agent.enableNodeSelectorLabels}`)
  }
  if (agent.policyCidrMatchMode !== defaults.policyCidrMatchMode) {
    sets.push(`policyCIDRMatchMode={${agent.policyCidrMatchMode}}`)
  }
  if (agent.enableNonDefaultDenyPolicies !== defaults.enableNonDefaultDenyPolicies) {
    sets.push(`enableNonDefaultDenyPolicies=${agent.enableNonDefaultDenyPolicies}`)
  }
  if (agent.enableIcmpRules !== defaults.enableIcmpRules) {
    throw new Error(
      'cluster mode cannot run Cilium with enable-icmp-rules=false: the chart has no value for it; ' +
        'remove the setting or use static mode'
    )
  }
  if (agent.enableExtendedIpProtocols !== defaults.enableExtendedIpProtocols) {
    throw new Error(
      'cluster mode cannot run Cilium with enable-extended-ip-protocols=true: reachdiff knows no chart ' +
        'value for it; remove the setting or use static mode'
    )
  }
  if (engine.clusterName !== 'default') {
    // --set splits on commas and dots in values; a DNS label has neither.
    if (!/^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/.test(engine.clusterName)) {
      throw new Error(`cluster name "${engine.clusterName}" is not a DNS label of at most 32 characters`)
    }
    sets.push(`cluster.name=${engine.clusterName}`)
  }
  return sets
}

/**
 * `--repo` instead of `helm repo add`, so the runner's Helm repository config is left alone. No
 * `--wait`: readiness is checked step by step below, with logs when it fails.
 */
export function helmInstallArgs(options: HelmInstallOptions): string[] {
  const args = [
    'install',
    CILIUM_RELEASE,
    CILIUM_CHART,
    '--repo',
    CILIUM_HELM_REPO,
    '--version',
    chartVersion(options.ciliumVersion),
    '--namespace',
    CILIUM_NAMESPACE,
    '--values',
    options.valuesPath
  ]
  if (options.target.kubeconfig) args.push('--kubeconfig', options.target.kubeconfig)
  if (options.target.context) args.push('--kube-context', options.target.context)
  for (const set of engineHelmSets(options.engine)) args.push('--set', set)
  return args
}

export async function installCilium(runner: CommandRunner, options: HelmInstallOptions): Promise<void> {
  await runChecked(runner, 'helm', helmInstallArgs(options), { timeoutMs: 5 * 60_000 })
}

/** The operator registers these at start (unless `operator.skipCRDCreation`); the chart has none. */
const POLICY_CRDS = ['crd/ciliumnetworkpolicies.cilium.io', 'crd/ciliumclusterwidenetworkpolicies.cilium.io']

/**
 * Agent, envoy, operator, nodes, CoreDNS. The operator is waited on with `Available`, not `rollout
 * status`, which hangs when a replica cannot be scheduled (kubectl
 * `pkg/polymorphichelpers/rollout_status.go`; the chart's operator has required anti-affinity). The
 * envoy DaemonSet exists only with l7Proxy (on by default since 1.16), so it is waited on only when
 * present.
 */
export async function waitForCilium(
  kubectl: Kubectl,
  clock: Clock,
  timeouts: Pick<ClusterTimeouts, 'readinessMs' | 'pollMs'>,
  log: (line: string) => void = () => undefined,
  /** `enforcement: always`: apply the temporary allow-all as soon as the CRDs exist (setup-allow-all.ts). */
  allowAll = false
): Promise<void> {
  const ms = timeouts.readinessMs
  const step = async (label: string, wait: () => Promise<void>): Promise<void> => {
    const started = clock.now()
    await wait()
    log(`${label}: ${((clock.now() - started) / 1000).toFixed(1)} s`)
  }
  await step('cilium agent', () => kubectl.rolloutStatus('ds/cilium', ms))
  if (await kubectl.ciliumObjectExists('ds', 'cilium-envoy'))
    await step('cilium envoy', () => kubectl.rolloutStatus('ds/cilium-envoy', ms))
  await step('cilium operator', () =>
    kubectl.waitForCondition('Available', ['deploy/cilium-operator'], ms, CILIUM_NAMESPACE)
  )
  if (allowAll) {
    // CoreDNS cannot become ready under `always` until something allows its traffic.
    await waitForPolicyCrds(kubectl, clock, timeouts)
    await kubectl.applyChecked([allowAllManifest()])
    log(`applied the temporary ${ALLOW_ALL_POLICY} policy (enforcement: always)`)
  }
  await step('nodes', () => kubectl.waitForCondition('Ready', ['nodes', '--all'], ms))
  await step('coredns', () => kubectl.waitForCondition('Available', ['deploy/coredns'], ms, CILIUM_NAMESPACE))
  if (!allowAll) await waitForPolicyCrds(kubectl, clock, timeouts)
}

/** `kubectl wait` fails at once on a CRD that does not exist yet, so it is retried until the deadline. */
async function waitForPolicyCrds(
  kubectl: Kubectl,
  clock: Clock,
  timeouts: Pick<ClusterTimeouts, 'readinessMs' | 'pollMs'>
): Promise<void> {
  await pollUntil<true, string>(
    clock,
    timeouts.readinessMs,
    timeouts.pollMs,
    async () => {
      const result = await kubectl.tryWaitForCondition('Established', POLICY_CRDS, 30_000)
      return result.exitCode === 0 ? { done: true } : { pending: result.stderr.trim() }
    },
    (last) => new Error(`Cilium's policy CRDs were not established in time: ${last}`)
  )
}

/** How many log lines of each Cilium component a failure report carries. */
export const LOG_TAIL_LINES = 50

/**
 * The last lines of the agent's and operator's logs and the kube-system pod list, for a
 * failure report. Best effort: a step that fails contributes its error instead.
 */
export async function collectCiliumLogs(kubectl: Kubectl): Promise<string[]> {
  const sections: [string, () => Promise<KubectlRun>][] = [
    ['cilium-agent logs', () => kubectl.ciliumLogs('k8s-app=cilium', LOG_TAIL_LINES, 'cilium-agent')],
    ['cilium-operator logs', () => kubectl.ciliumLogs('io.cilium/app=operator', LOG_TAIL_LINES)],
    ['kube-system pods', () => kubectl.ciliumPodsWide()]
  ]
  const out: string[] = []
  for (const [title, call] of sections) {
    try {
      const { args, result } = await call()
      const text =
        result.exitCode === 0 ? result.stdout : `(kubectl exited ${result.exitCode}) ${result.stderr}`
      out.push(`${title} (kubectl ${args.join(' ')}):\n${text.trimEnd()}`)
    } catch (error) {
      out.push(`${title}: ${(error as Error).message}`)
    }
  }
  return out
}
