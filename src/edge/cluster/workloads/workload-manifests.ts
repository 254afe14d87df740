// The topology as Kubernetes objects: namespaces (with their labels), service accounts, a
// ConfigMap holding the agent bundle, and one pod per topology pod running the agent, spread
// over the nodes so that same-node and cross-node flows both occur. Nothing is added to pod or
// namespace labels: Cilium derives identities from them, and an extra label could change which
// selectors match (docs/semantics.md R1). Our own marks go in annotations.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Namespace, Pod, ServedPort } from '../../../core/model.js'
import { podKey } from '../../../core/model.js'
import type { Manifest } from '../kubectl.js'
import { asArray, asRecord, asString, field, listItems } from '../kubectl.js'
import { AGENT_IMAGE } from '../versions.js'

export const AGENT_CONTAINER = 'agent'
export const AGENT_CONFIGMAP = 'reachdiff-agent'
export const AGENT_MOUNT = '/agent'
export const RUN_ANNOTATION = 'reachdiff.io/run'
/** The API server sets this label to the namespace's real name; a manifest must not fight it. */
const NAME_LABEL = 'kubernetes.io/metadata.name'
const HOSTNAME_LABEL = 'kubernetes.io/hostname'

/**
 * The files of the ncc bundle the agent needs at run time: the ESM bundle, the package.json
 * that marks it as a module, and the source-map register it imports. The `.map` file stays out,
 * to keep the ConfigMap far below its 1 MiB limit.
 */
export const AGENT_FILES = ['index.js', 'package.json', 'sourcemap-register.cjs'] as const

/** Reads dist/agent/ into ConfigMap data; `index.js` is required, the others when present. */
export async function readAgentBundle(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of AGENT_FILES) {
    try {
      files[name] = await readFile(join(dir, name), 'utf8')
    } catch (error) {
      if (name === 'index.js')
        throw new Error(`the probe agent bundle ${join(dir, name)} is missing; run npm run build`, {
          cause: error
        })
    }
  }
  return files
}

/** `node /agent/index.js serve --tcp 80,8080 --udp 53`, from the ports the endpoint serves. */
export function agentServeCommand(ports: readonly ServedPort[]): string[] {
  const list = (protocol: 'TCP' | 'UDP'): string =>
    [...new Set(ports.filter((p) => p.protocol === protocol && p.port !== undefined).map((p) => p.port!))]
      .sort((a, b) => a - b)
      .join(',')
  const command = ['node', `${AGENT_MOUNT}/index.js`, 'serve']
  if (list('TCP')) command.push('--tcp', list('TCP'))
  if (list('UDP')) command.push('--udp', list('UDP'))
  return command
}

/** A node pods may be placed on, by its name and its `kubernetes.io/hostname` label. */
export interface PlacementNode {
  name: string
  hostname: string
}

/** The control-plane taint kind keeps when the cluster has workers (kind's `kubeadminit/init.go`). */
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane'

/** Nodes that are schedulable and carry no taint but the control plane's, sorted by name. */
export function selectNodes(nodeList: unknown): PlacementNode[] {
  return listItems(nodeList)
    .filter((node) => field(node, 'spec.unschedulable') !== true)
    .filter((node) =>
      asArray(field(node, 'spec.taints')).every((taint) => {
        const effect = asString(asRecord(taint).effect)
        return asString(asRecord(taint).key) === CONTROL_PLANE_TAINT || effect === 'PreferNoSchedule'
      })
    )
    .map((node) => {
      const name = asString(field(node, 'metadata.name')) ?? ''
      return { name, hostname: asString(asRecord(field(node, 'metadata.labels'))[HOSTNAME_LABEL]) ?? name }
    })
    .filter((node) => node.name !== '')
    .sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * Pods in topology order, dealt round-robin over the nodes: with two nodes and three or more
 * pods, some pairs share a node and some do not. Deterministic, so runs are comparable.
 */
export function spreadPods(
  pods: readonly Pod[],
  nodes: readonly PlacementNode[]
): Map<string, PlacementNode> {
  if (nodes.length === 0) throw new Error('no schedulable node to place the test pods on')
  const sorted = [...pods].sort((a, b) => podKey(a).localeCompare(podKey(b)))
  return new Map(sorted.map((pod, index) => [podKey(pod), nodes[index % nodes.length]]))
}

/** Maps a topology namespace to the one created in the cluster (prefixed in an existing cluster). */
export type NamespaceNaming = (namespace: string) => string

export function namespaceManifests(
  namespaces: readonly Namespace[],
  naming: NamespaceNaming,
  runId: string
): Manifest[] {
  return namespaces.map((namespace) => {
    const labels = Object.fromEntries(Object.entries(namespace.labels).filter(([key]) => key !== NAME_LABEL))
    return {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: naming(namespace.name), labels, annotations: { [RUN_ANNOTATION]: runId } }
    }
  })
}

/** Service accounts (including `default`, which a brand-new namespace may not have yet) and the agent ConfigMap. */
export function supportManifests(
  namespaces: readonly Namespace[],
  pods: readonly Pod[],
  naming: NamespaceNaming,
  agentFiles: Record<string, string>
): Manifest[] {
  const accounts = new Set(namespaces.map((namespace) => `${namespace.name}/default`))
  for (const pod of pods) accounts.add(`${pod.namespace}/${pod.serviceAccount}`)
  const serviceAccounts = [...accounts].sort().map((key) => {
    const [namespace, name] = key.split('/')
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: naming(namespace) } }
  })
  const configMaps = namespaces.map((namespace) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: AGENT_CONFIGMAP, namespace: naming(namespace.name) },
    data: { ...agentFiles }
  }))
  return [...serviceAccounts, ...configMaps]
}

/** Container ports with their names, so policies with named ports resolve (R8). */
export function containerPorts(ports: readonly ServedPort[]): Manifest[] {
  const seen = new Set<string>()
  const out: Manifest[] = []
  for (const port of ports) {
    if (port.port === undefined || port.protocol === 'ICMP') continue
    const key = `${port.protocol}/${port.port}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(
      port.name
        ? { name: port.name, containerPort: port.port, protocol: port.protocol }
        : { containerPort: port.port, protocol: port.protocol }
    )
  }
  return out
}

export function podManifest(pod: Pod, naming: NamespaceNaming, node: PlacementNode): Manifest {
  const tcp = pod.ports.find((port) => port.protocol === 'TCP' && port.port !== undefined)?.port
  const container: Manifest = {
    name: AGENT_CONTAINER,
    image: AGENT_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: agentServeCommand(pod.ports),
    ports: containerPorts(pod.ports),
    volumeMounts: [{ name: 'agent', mountPath: AGENT_MOUNT, readOnly: true }]
  }
  // Ready means the agent listens; a pod serving no TCP port is Ready once it runs.
  if (tcp !== undefined) container.readinessProbe = { tcpSocket: { port: tcp }, periodSeconds: 1 }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: naming(pod.namespace),
      labels: { ...pod.labels },
      annotations: { 'kubectl.kubernetes.io/default-container': AGENT_CONTAINER }
    },
    spec: {
      serviceAccountName: pod.serviceAccount,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: 1,
      nodeSelector: { [HOSTNAME_LABEL]: node.hostname },
      tolerations: [{ key: CONTROL_PLANE_TAINT, operator: 'Exists', effect: 'NoSchedule' }],
      // ICMP: the image runs as root and containerd's default capabilities (`defaultUnixCaps`,
      // `pkg/oci/spec.go`) include NET_RAW, so BusyBox ping works on raw sockets. The sysctl (a
      // "safe" one, allowed by Pod Security baseline, unlike adding NET_RAW) also opens ICMP
      // datagram sockets on containerd 1.7 nodes, which lack containerd 2's default for it.
      securityContext: { sysctls: [{ name: 'net.ipv4.ping_group_range', value: '0 2147483647' }] },
      volumes: [{ name: 'agent', configMap: { name: AGENT_CONFIGMAP } }],
      containers: [container]
    }
  }
}
