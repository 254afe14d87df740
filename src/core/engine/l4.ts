// Does a rule's L4 part cover a probe, and with which L7 restriction (R8, R9.3)?
import type { Protocol, ServedPort } from '../model.js'
import { ICMP_ECHO_REQUEST } from '../policy/rules.js'
import type { HttpRule, L4Match, PortMatch } from '../policy/rules.js'

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
        if (!group.ports.some((port) => matchesPort(port, probe, resolve))) continue
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

function matchesPort(match: PortMatch, probe: L4Probe, resolve: NamedPortResolver): boolean {
  if (!match.protocols.includes(probe.protocol) || probe.port === undefined) return false
  if ('name' in match.port) return resolve(match.port.name, probe.protocol) === probe.port
  return probe.port >= match.port.from && probe.port <= match.port.to
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
