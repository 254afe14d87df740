// How many test pods reachdiff's kind cluster can hold, checked before anything is created: a
// topology that does not fit would otherwise leave pods Pending and fail minutes later with a
// readiness timeout that does not say why.
import type { Topology } from '../../../core/model.js'

/** The kubelet's default `maxPods` (Kubernetes KubeletConfiguration, `maxPods: 110`). */
export const MAX_PODS_PER_NODE = 110

/**
 * System pods on the fuller node, the control plane: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler, kube-proxy, cilium, cilium-envoy, cilium-operator,
 * two CoreDNS replicas and kind's local-path-provisioner (11), plus one spare.
 */
export const SYSTEM_PODS_PER_NODE = 12

/** kind-config/cluster.yaml: one control plane, one worker. */
export const KIND_NODES = 2

/**
 * Pods are dealt round-robin, so each node takes half: the room of the fuller node, twice.
 * Throws before any cluster exists when the topology needs more.
 */
export function assertTopologyFits(topology: Topology, nodes = KIND_NODES): void {
  const perNode = MAX_PODS_PER_NODE - SYSTEM_PODS_PER_NODE
  const room = perNode * nodes
  if (topology.pods.length <= room) return
  throw new Error(
    `the topology has ${topology.pods.length} pods, but reachdiff's kind cluster holds at most ${room}: ` +
      `${nodes} nodes of ${MAX_PODS_PER_NODE} pods each (the kubelet's default maxPods), less ` +
      `${SYSTEM_PODS_PER_NODE} system pods per node. Nothing was created. Describe a smaller topology ` +
      'in the scenario file (the pods and ports that matter), or use static mode'
  )
}

/** The warning when every test pod runs on one node: no flow crosses nodes, so that datapath goes unobserved. */
export function singleNodeWarning(podNodes: ReadonlyMap<string, string>): string | undefined {
  const used = new Set(podNodes.values())
  if (podNodes.size < 2 || used.size !== 1) return undefined
  return (
    `all ${podNodes.size} test pods run on node ${[...used][0]}: no flow crosses nodes, so the ` +
    'cross-node datapath (tunnel, remote-node identities) is not observed'
  )
}
