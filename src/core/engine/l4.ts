// Does a rule's L4 part cover a probe, and with which L7 restriction (R8, R9.3)?
import type { Protocol, ServedPort } from '../model.js'
import { ICMP_ECHO_REQUEST } from '../policy/rules.js'
import type { HttpRule, L4Match, PortGroup, PortMatch } from '../policy/rules.js'

/** What the datapath sees of a probe: protocol and destination port (none for ICMP echo). */
export interface L4Probe {
  protocol: Protocol
  port?: number
}

/**
 * The L7 restriction an allow rule puts on a covered probe: none (plain L3/L4 allow), or the
 * HTTP rules a request must match. Non-HTTP parsers (DNS, Kafka) refuse HTTP requests.
 */
export type L7Restriction = { kind: 'none' } | { kind: 'http'; rules: HttpRule[] }

/** Resolves a named port for the probe's protocol, or undefined when it names nothing. */
export type NamedPortResolver = (name: string, protocol: Protocol) => number | undefined

export function matchL4(
  match: L4Match,
  probe: L4Probe,
  resolve: NamedPortResolver
): L7Restriction | undefined {
  switch (match.kind) {
    case 'any':
      return { kind: 'none' }
    case 'icmp':
      // Only ICMP echo is probed; port rules never match ICMP and ICMP rules never match ports (R8.4).
      return probe.protocol === 'ICMP' &&
        match.fields.some((f) => f.family === 4 && f.type === ICMP_ECHO_REQUEST[4])
        ? { kind: 'none' }
        : undefined
    case 'ports': {
      if (probe.protocol === 'ICMP') return undefined
      let restriction: L7Restriction | undefined
      for (const group of match.groups) {
        if (!groupCovers(group, probe, resolve)) continue
        // R9.3: a covering group without L7 lifts every L7 restriction for this peer and port.
        if (!group.l7) return { kind: 'none' }
        const rules = group.l7.kind === 'http' ? group.l7.rules : []
        restriction = {
          kind: 'http',
          rules: [...(restriction?.kind === 'http' ? restriction.rules : []), ...rules]
        }
      }
      return restriction
    }
  }
}

/** A group's numbered ports as sorted, merged ranges per protocol, and its named ports. */
interface PortIndex {
  ranges: Map<Protocol, { from: number; to: number }[]>
  named: PortMatch[]
}

/** Built once per group: a rule may list all 65,535 ports, and every probe asks every group. */
const portIndexes = new WeakMap<PortGroup, PortIndex>()

function groupCovers(group: PortGroup, probe: L4Probe, resolve: NamedPortResolver): boolean {
  if (probe.port === undefined) return false
  let index = portIndexes.get(group)
  if (!index) portIndexes.set(group, (index = indexPorts(group.ports)))
  const ranges = index.ranges.get(probe.protocol)
  if (ranges && rangesContain(ranges, probe.port)) return true
  return index.named.some((match) => matchesNamedPort(match, probe, resolve))
}

function indexPorts(ports: readonly PortMatch[]): PortIndex {
  const ranges = new Map<Protocol, { from: number; to: number }[]>()
  const named: PortMatch[] = []
  for (const match of ports) {
    if ('name' in match.port) {
      named.push(match)
      continue
    }
    for (const protocol of match.protocols) {
      const list = ranges.get(protocol) ?? []
      list.push({ from: match.port.from, to: match.port.to })
      ranges.set(protocol, list)
    }
  }
  for (const [protocol, list] of ranges) ranges.set(protocol, mergeRanges(list))
  return { ranges, named }
}

function mergeRanges(list: { from: number; to: number }[]): { from: number; to: number }[] {
  const merged: { from: number; to: number }[] = []
  for (const range of list.sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1]
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to)
    else merged.push({ ...range })
  }
  return merged
}

/** Binary search over sorted, disjoint ranges. */
function rangesContain(ranges: readonly { from: number; to: number }[], port: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (port < ranges[middle].from) high = middle - 1
    else if (port > ranges[middle].to) low = middle + 1
    else return true
  }
  return false
}

function matchesNamedPort(match: PortMatch, probe: L4Probe, resolve: NamedPortResolver): boolean {
  if (!match.protocols.includes(probe.protocol) || probe.port === undefined || !('name' in match.port))
    return false
  return resolve(match.port.name, probe.protocol) === probe.port
}

/** Ingress: a name is resolved against the destination pod's own container ports (R8.6). */
export function resolveOnPod(ports: readonly ServedPort[]): NamedPortResolver {
  return (name, protocol) =>
    ports.find((p) => p.name?.toLowerCase() === name && p.protocol === protocol && p.port !== undefined)?.port
}

/**
 * Egress: a name is resolved against the named ports of every pod the agent knows; a name
 * bound to two different numbers is ambiguous and resolves to nothing (R8.6).
 */
export function resolveClusterWide(
  named: ReadonlyMap<string, readonly { protocol: Protocol; port: number }[]>
): NamedPortResolver {
  return (name, protocol) => {
    const ports = (named.get(name) ?? []).filter((p) => p.protocol === protocol)
    return ports.length === 1 ? ports[0].port : undefined
  }
}
