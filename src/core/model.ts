// The vocabulary every layer shares: topology, flows, verdicts and diagnostics.
// Pure data, no behaviour beyond small helpers, so that the static engine and the
// cluster prober can produce the very same Matrix.

export type Protocol = 'TCP' | 'UDP' | 'SCTP' | 'ICMP'
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP', 'ICMP']

export type Labels = Readonly<Record<string, string>>

/** What a pod (or an external endpoint) serves. `port` is absent for ICMP. */
export interface ServedPort {
  protocol: Protocol
  port?: number
  /** The container port's name, for policies that use named ports. */
  name?: string
}

export interface Namespace {
  name: string
  /** Includes the automatic `kubernetes.io/metadata.name=<name>`. */
  labels: Labels
}

/**
 * Where a pod of the topology comes from: the scenario file, the user's workloads (a
 * Deployment's template, a Pod), a saved `kubectl get pods` snapshot, or generated from the
 * policies (a pod per selector, an outsider per namespace, a witness per selector combination).
 */
export type PodOrigin = 'scenario' | 'workload' | 'snapshot' | 'selector' | 'outsider' | 'witness'

export interface Pod {
  namespace: string
  name: string
  labels: Labels
  /** `spec.serviceAccountName`; `default` when the pod names none. */
  serviceAccount: string
  ip?: string
  ports: ServedPort[]
  /** Absent in hand-written topologies (scenario files, tests). */
  origin?: PodOrigin
  /** What the pod stands for, e.g. `Deployment shop/web (deploy/web.yaml)` or the selectors a witness satisfies. */
  standsFor?: string
}

/** An endpoint outside the cluster ("world"), referenced as `world/<name>`. */
export interface ExternalEndpoint {
  name: string
  ip: string
  ports: ServedPort[]
  /**
   * Also originates traffic: a source of flows to every pod and port (ingress from outside the
   * cluster). Absent or false: a destination only. An external never sends to another external.
   */
  source?: boolean
}

export interface Topology {
  namespaces: Namespace[]
  pods: Pod[]
  external: ExternalEndpoint[]
}

export interface HttpRequest {
  method: string
  path: string
}

/**
 * One probe: from a pod to a pod or external endpoint, or from a source external endpoint to a
 * pod, on one port/protocol (and maybe one HTTP request).
 */
export interface Flow {
  /** `namespace/pod`, or `world/<name>` for an external endpoint with `source: true` */
  from: string
  /** `namespace/pod` or `world/<name>` */
  to: string
  protocol: Protocol
  port?: number
  http?: HttpRequest
}

export type Verdict = 'allow' | 'deny'

export type Severity = 'error' | 'warning' | 'notice'

/** A problem in user content. Collected and reported, never thrown. */
export interface Diagnostic {
  severity: Severity
  file: string
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number
  /** 1-based; 0 when unknown. */
  column: number
  /** Field path inside the document, e.g. `spec.ingress[0].toPorts[0].ports[0].port`; empty for the whole document. */
  path: string
  message: string
  /** The offending value, as the user wrote it (shortened). */
  value?: string
  /** What would have been accepted. */
  expected?: string
  /** `Kind/namespace/name` of the document the problem sits in, when known. */
  object?: string
  /** In a diff: `base` for a problem of the base revision, which does not make the head's input bad. */
  revision?: 'base'
}

export const WORLD_NAMESPACE = 'world'

export function podKey(pod: { namespace: string; name: string }): string {
  return `${pod.namespace}/${pod.name}`
}

export function worldKey(name: string): string {
  return `${WORLD_NAMESPACE}/${name}`
}

/** Whether an endpoint key (`namespace/pod` or `world/<name>`) names an external endpoint. */
export function isWorldKey(key: string): boolean {
  return key.startsWith(`${WORLD_NAMESPACE}/`)
}

/** `TCP/80`, `ICMP`, `TCP/80 GET /public`: the stable text form used in keys and reports. */
export function describePort(protocol: Protocol, port?: number): string {
  return port === undefined ? protocol : `${protocol}/${port}`
}

export function flowKey(flow: Flow): string {
  const http = flow.http ? ` ${flow.http.method} ${flow.http.path}` : ''
  return `${flow.from} -> ${flow.to} ${describePort(flow.protocol, flow.port)}${http}`
}

/** Code-point order: deterministic everywhere, and fast on matrices of hundreds of thousands of cells. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function compareFlows(a: Flow, b: Flow): number {
  return (
    compareText(a.to, b.to) ||
    compareText(a.from, b.from) ||
    PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
    (a.port ?? -1) - (b.port ?? -1) ||
    compareText(
      a.http ? `${a.http.method} ${a.http.path}` : '',
      b.http ? `${b.http.method} ${b.http.path}` : ''
    )
  )
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file
  const field = d.path ? ` ${d.path}:` : ''
  const value = d.value !== undefined ? ` (got ${d.value})` : ''
  const expected = d.expected ? `; expected ${d.expected}` : ''
  const object = d.object ? ` [${d.object}]` : ''
  return `${where}: ${d.severity}:${field} ${d.message}${value}${expected}${object}`
}
