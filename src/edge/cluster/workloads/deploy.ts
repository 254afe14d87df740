// Deploying the topology's pods and waiting until they can be probed: pods Ready, and each
// pod's Cilium endpoint holding an identity, because a new pod gets its policy only at its
// first regeneration and the revision wait skips endpoints without one (as cilium-cli's
// `connectivity/check/policy.go` does).
import type { Topology } from '../../../core/model.js'
import { podKey } from '../../../core/model.js'
import { singleNodeWarning } from './capacity.js'
import type { Kubectl } from '../kubectl.js'
import { asString, field, listItems } from '../kubectl.js'
import type { Clock, ClusterTimeouts } from '../wait.js'
import { pollUntil } from '../wait.js'
import type { NamespaceNaming } from './workload-manifests.js'
import {
  namespaceManifests,
  podManifest,
  selectNodes,
  spreadPods,
  supportManifests
} from './workload-manifests.js'

export interface DeployContext {
  kubectl: Kubectl
  clock: Clock
  timeouts: Pick<ClusterTimeouts, 'workloadsMs' | 'pollMs'>
  naming: NamespaceNaming
  runId: string
  agentFiles: Record<string, string>
  log: (line: string) => void
  /** Said as a warning in the Action (all pods on one node). */
  warn?: (line: string) => void
}

export interface Deployed {
  /** `ns/pod` (topology names) → pod IP. */
  addresses: Map<string, string>
  /** The nodes the pods were placed on: only their Cilium agents matter to the revision wait. */
  nodes: Set<string>
}

export async function deployWorkloads(ctx: DeployContext, topology: Topology): Promise<Deployed> {
  const { kubectl, naming } = ctx
  const nodes = selectNodes(await kubectl.listNodes())
  const placement = spreadPods(topology.pods, nodes)
  ctx.log(`placing ${topology.pods.length} pods on ${nodes.map((node) => node.name).join(', ')}`)
  await kubectl.applyChecked(namespaceManifests(topology.namespaces, naming, ctx.runId))
  await kubectl.applyChecked([
    ...supportManifests(topology.namespaces, topology.pods, naming, ctx.agentFiles),
    ...topology.pods.map((pod) => podManifest(pod, naming, placement.get(podKey(pod))!))
  ])
  const namespaces = [...new Set(topology.pods.map((pod) => pod.namespace))].sort()
  const deadline = ctx.clock.now() + ctx.timeouts.workloadsMs
  for (const namespace of namespaces) {
    const left = Math.max(1_000, deadline - ctx.clock.now())
    await kubectl.waitPodsReady(naming(namespace), left)
  }
  await waitForIdentities(ctx, topology, Math.max(1_000, deadline - ctx.clock.now()))
  const used = new Set([...placement.values()].map((node) => node.name))
  const placed = await readPodAddresses(kubectl, topology, naming)
  const warning = singleNodeWarning(placed.nodes)
  if (warning) (ctx.warn ?? ctx.log)(warning)
  return { addresses: placed.addresses, nodes: used }
}

/** Every pod's CiliumEndpoint (named like the pod) shows `status.identity.id`. */
async function waitForIdentities(ctx: DeployContext, topology: Topology, timeoutMs: number): Promise<void> {
  const byNamespace = new Map<string, string[]>()
  for (const pod of topology.pods)
    byNamespace.set(pod.namespace, [...(byNamespace.get(pod.namespace) ?? []), pod.name])
  await pollUntil<true, string[]>(
    ctx.clock,
    timeoutMs,
    ctx.timeouts.pollMs,
    async () => {
      const missing: string[] = []
      for (const [namespace, pods] of byNamespace) {
        const list = await ctx.kubectl.listCiliumEndpoints(ctx.naming(namespace))
        const withIdentity = new Set(
          listItems(list)
            .filter((endpoint) => typeof field(endpoint, 'status.identity.id') === 'number')
            .map((endpoint) => asString(field(endpoint, 'metadata.name')))
        )
        missing.push(...pods.filter((pod) => !withIdentity.has(pod)).map((pod) => `${namespace}/${pod}`))
      }
      return missing.length === 0 ? { done: true } : { pending: missing }
    },
    (missing) =>
      new Error(
        `Cilium gave no identity to ${missing.length} test pods in time (${missing.slice(0, 10).join(', ')}); ` +
          'is Cilium managing these pods?'
      )
  )
}

async function readPodAddresses(
  kubectl: Kubectl,
  topology: Topology,
  naming: NamespaceNaming
): Promise<{ addresses: Map<string, string>; nodes: Map<string, string> }> {
  const addresses = new Map<string, string>()
  const placed = new Map<string, string>()
  for (const namespace of [...new Set(topology.pods.map((pod) => pod.namespace))].sort()) {
    const ips = new Map<string, string>()
    const nodeOf = new Map<string, string>()
    for (const item of listItems(await kubectl.listPods(naming(namespace)))) {
      const name = asString(field(item, 'metadata.name'))
      const ip = asString(field(item, 'status.podIP'))
      if (name && ip) ips.set(name, ip)
      const node = asString(field(item, 'spec.nodeName'))
      if (name && node) nodeOf.set(name, node)
    }
    for (const pod of topology.pods.filter((p) => p.namespace === namespace)) {
      const ip = ips.get(pod.name)
      if (!ip) throw new Error(`pod ${podKey(pod)} has no IP address although it is Ready`)
      addresses.set(podKey(pod), ip)
      const node = nodeOf.get(pod.name)
      if (node) placed.set(podKey(pod), node)
    }
  }
  return { addresses, nodes: placed }
}
