// The user's own workloads as pods: a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or
// CronJob gives one pod with its template's labels, service account and container ports; a
// Pod gives itself. A snapshot of a live cluster (`kubectl get namespaces,pods -A -o json`)
// is read the same way, its pods keeping their names and addresses.
import type { Diagnostic, Namespace, Pod, PodOrigin, Protocol, ServedPort } from '../model.js'
import type { WorkloadObject } from '../policy/document.js'
import { isRecord } from '../records.js'
import { claimName, toDnsLabel } from './names.js'
import { METADATA_NAME_LABEL } from './selector-set.js'

const PORT_PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP']

export interface GivenTopology {
  pods: Pod[]
  /** Namespaces the pods live in, labelled only with their name unless declared elsewhere. */
  namespaces: Namespace[]
  diagnostics: Diagnostic[]
}

/** Where the pod template sits in each kind (CronJob: spec.jobTemplate.spec.template). */
function templateOf(workload: WorkloadObject): Record<string, unknown> | undefined {
  const spec = workload.raw.spec
  if (workload.kind === 'Pod') return workload.raw
  if (!isRecord(spec)) return undefined
  if (workload.kind === 'CronJob') {
    const job = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined
    return isRecord(job) && isRecord(job.template) ? job.template : undefined
  }
  return isRecord(spec.template) ? spec.template : undefined
}

/**
 * One pod per workload (a StatefulSet's is named `<name>-0`, as its first replica is).
 * `origin` is `snapshot` for a saved `kubectl get pods`, where finished pods and host-network
 * pods (which carry the node's identity, not a pod's) are left out.
 */
export function readWorkloads(
  workloads: readonly WorkloadObject[],
  originOf: (workload: WorkloadObject) => PodOrigin
): GivenTopology {
  const pods: Pod[] = []
  const diagnostics: Diagnostic[] = []
  const taken = new Map<string, Set<string>>()
  let skippedHost = 0
  for (const workload of workloads) {
    const origin = originOf(workload)
    const template = templateOf(workload)
    const metadata = isRecord(workload.raw.metadata) ? workload.raw.metadata : {}
    const name = typeof metadata.name === 'string' ? metadata.name : ''
    const podSpec = template && isRecord(template.spec) ? template.spec : undefined
    if (!template || !podSpec || name === '') {
      diagnostics.push(unreadable(workload))
      continue
    }
    if (podSpec.hostNetwork === true) {
      skippedHost++
      continue
    }
    if (origin === 'snapshot' && isFinished(workload.raw)) continue
    const namespace =
      typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default'
    const names = taken.get(namespace) ?? new Set<string>()
    taken.set(namespace, names)
    const podName = workload.kind === 'StatefulSet' ? `${name}-0` : name
    const pod: Pod = {
      namespace,
      name: claimName(toDnsLabel(podName, 'pod'), names),
      labels: stringMap(isRecord(template.metadata) ? template.metadata.labels : undefined),
      serviceAccount: serviceAccountOf(podSpec),
      ports: containerPorts(podSpec),
      origin,
      standsFor: `${workload.kind} ${namespace}/${name} (${workload.file}:${workload.line})`
    }
    const ip = origin === 'snapshot' ? podIp(workload.raw) : undefined
    if (ip) pod.ip = ip
    pods.push(pod)
  }
  if (skippedHost > 0) diagnostics.push(hostNetworkNotice(skippedHost, workloads[0].file))
  const namespaces = [...new Set(pods.map((pod) => pod.namespace))].map((name) => ({
    name,
    labels: { [METADATA_NAME_LABEL]: name }
  }))
  return { pods, namespaces, diagnostics }
}

/** `serviceAccountName`, or the deprecated `serviceAccount`, else `default` as the API server sets it. */
function serviceAccountOf(podSpec: Record<string, unknown>): string {
  for (const key of ['serviceAccountName', 'serviceAccount']) {
    const value = podSpec[key]
    if (typeof value === 'string' && value !== '') return value
  }
  return 'default'
}

/** Every container's ports; protocol defaults to TCP as in the Pod API. ICMP is always answered. */
function containerPorts(podSpec: Record<string, unknown>): ServedPort[] {
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : []
  const ports: ServedPort[] = []
  for (const container of containers) {
    const list = isRecord(container) && Array.isArray(container.ports) ? container.ports : []
    for (const port of list) {
      if (!isRecord(port) || typeof port.containerPort !== 'number') continue
      const protocol = PORT_PROTOCOLS.find((p) => p === port.protocol) ?? 'TCP'
      const served: ServedPort = { protocol, port: port.containerPort }
      if (typeof port.name === 'string' && port.name !== '') served.name = port.name
      ports.push(served)
    }
  }
  return ports.length > 0 ? [...ports, { protocol: 'ICMP' }] : []
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(value)) return out
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') out[key] = entry
  return out
}

function podIp(raw: Record<string, unknown>): string | undefined {
  const status = raw.status
  return isRecord(status) && typeof status.podIP === 'string' ? status.podIP : undefined
}

function isFinished(raw: Record<string, unknown>): boolean {
  const status = raw.status
  return isRecord(status) && (status.phase === 'Succeeded' || status.phase === 'Failed')
}

function unreadable(workload: WorkloadObject): Diagnostic {
  const where = workload.kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template'
  return {
    severity: 'warning',
    file: workload.file,
    line: workload.line,
    column: 0,
    path: workload.kind === 'Pod' ? 'spec' : where,
    message: `${workload.kind} has no name or no pod ${workload.kind === 'Pod' ? 'spec' : 'template'}: it adds no pod to the topology`
  }
}

function hostNetworkNotice(count: number, file: string): Diagnostic {
  return {
    severity: 'notice',
    file,
    line: 0,
    column: 0,
    path: '',
    message: `${count} pod(s) use hostNetwork: they carry their node's identity, which the topology does not model, so they were left out`
  }
}
