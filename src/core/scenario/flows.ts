// The flows of a case (docs/scenario-format.md "Flows") and how expect entries select them
// (docs/scenario-format.md "expect"). Both the static engine and the cluster prober judge exactly
// these flows, so the two matrices line up key by key.
import { compareFlows, flowKey, podKey, WORLD_NAMESPACE, worldKey } from '../model.js'
import type { Flow, ServedPort, Topology } from '../model.js'
import type { ExpectEntry } from './scenario.js'

/**
 * Every ordered pod pair (source ≠ destination) on each port the destination serves, every pod
 * to every external endpoint on each of its ports, every source external (`source: true`) to
 * every pod on each of the pod's ports, and the HTTP requests that `http` entries name on every
 * TCP flow they select. Sorted with compareFlows, without duplicates. An external never sends
 * to another external: that traffic never crosses the cluster.
 */
export function enumerateFlows(scenario: { topology: Topology; expect: readonly ExpectEntry[] }): Flow[] {
  const { pods, external } = scenario.topology
  // Flows are appended one by one: a spread of a 65,535-port list overflows the call stack.
  const base: Flow[] = []
  for (const source of pods) {
    const from = podKey(source)
    for (const destination of pods) {
      const to = podKey(destination)
      if (to !== from) appendPortFlows(base, from, to, destination.ports)
    }
    for (const endpoint of external) appendPortFlows(base, from, worldKey(endpoint.name), endpoint.ports)
  }
  for (const endpoint of external) {
    if (!endpoint.source) continue
    const from = worldKey(endpoint.name)
    for (const destination of pods) appendPortFlows(base, from, podKey(destination), destination.ports)
  }
  return sortUnique(base.concat(httpFlows(base, scenario.expect)))
}

function appendPortFlows(flows: Flow[], from: string, to: string, ports: readonly ServedPort[]): void {
  // The port's name is the destination's business; a flow is keyed by number only.
  for (const { protocol, port } of ports) {
    flows.push(port === undefined ? { from, to, protocol } : { from, to, protocol, port })
  }
}

/** An HTTP request rides on a TCP connection, so only TCP flows carry the probed requests. */
function httpFlows(base: readonly Flow[], expect: readonly ExpectEntry[]): Flow[] {
  const flows: Flow[] = []
  for (const entry of expect) {
    if (!entry.http) continue
    const http = { method: entry.http.method, path: entry.http.path }
    const l4Entry: ExpectEntry = { ...entry, http: undefined }
    for (const flow of base) {
      if (flow.protocol === 'TCP' && entryMatchesFlow(l4Entry, flow)) flows.push({ ...flow, http })
    }
  }
  return flows
}

function sortUnique(flows: Flow[]): Flow[] {
  const seen = new Set<string>()
  const unique = flows.filter((flow) => {
    const key = flowKey(flow)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return unique.sort(compareFlows)
}

function splitKey(key: string): [string, string] | undefined {
  const slash = key.indexOf('/')
  return slash < 0 ? undefined : [key.slice(0, slash), key.slice(slash + 1)]
}

/**
 * Whether a `from`/`to` pattern selects an endpoint (`namespace/pod` or `world/NAME`). A `*`
 * namespace part never selects `world`: the default entry `{from: "*", to: "*"}` is about pods,
 * and egress to the outside must be stated on purpose with `world/...`.
 */
export function matchesPattern(pattern: string, endpointKey: string): boolean {
  const key = splitKey(endpointKey)
  if (!key) return false
  const [namespace, name] = key
  if (pattern === '*') return namespace !== WORLD_NAMESPACE
  const parts = splitKey(pattern)
  if (!parts) return false
  const [namespacePattern, namePattern] = parts
  const namespaceMatches =
    namespacePattern === '*' ? namespace !== WORLD_NAMESPACE : namespacePattern === namespace
  return namespaceMatches && (namePattern === '*' || namePattern === name)
}

/**
 * An entry without `http` matches the connection and every HTTP request probed on it; an entry
 * with `http` matches only that one request.
 */
export function entryMatchesFlow(entry: ExpectEntry, flow: Flow): boolean {
  if (entry.port !== undefined && entry.port !== flow.port) return false
  if (entry.protocol !== undefined && entry.protocol !== flow.protocol) return false
  if (entry.http) {
    if (!flow.http || flow.http.method !== entry.http.method || flow.http.path !== entry.http.path)
      return false
  }
  return matchesPattern(entry.from, flow.from) && matchesPattern(entry.to, flow.to)
}

const NAME_PART = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/

/**
 * Why a `from`/`to` pattern is malformed, or undefined when it is fine. `world/...` is fine on
 * either side: as `from` it selects the externals that have `source: true`.
 */
export function patternProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined
  const parts = splitKey(pattern)
  if (!parts || parts[1].includes('/')) return 'a pattern is "*" or "namespace/pod"'
  const [namespace, name] = parts
  for (const part of [namespace, name]) {
    if (part !== '*' && !NAME_PART.test(part)) {
      return part.includes('*')
        ? `"${part}": "*" stands for a whole namespace or pod name, not part of one`
        : `"${part}" is not a valid name`
    }
  }
  return undefined
}

/**
 * Flows per side beyond which a run would take minutes and gigabytes: such a topology is
 * refused with a diagnostic rather than left to exhaust the machine.
 */
export const MAX_FLOWS = 1_500_000

/**
 * Every source pod times every other endpoint's served ports, plus every source external times
 * every pod's ports (docs/scenario-format.md, "Flows"), before HTTP requests are added.
 */
export function countFlows(topology: Topology): number {
  const pods = topology.pods.length
  const podPorts = topology.pods.reduce((sum, pod) => sum + pod.ports.length, 0)
  const externalPorts = topology.external.reduce((sum, external) => sum + external.ports.length, 0)
  const sources = topology.external.filter((external) => external.source).length
  return podPorts * Math.max(0, pods - 1) + externalPorts * pods + podPorts * sources
}
