// Step 4 of topology generation: the ports every generated pod and external endpoint serves,
// so that each port a rule names can be probed (and a port no rule names, TCP/80, as contrast).
import { PROTOCOLS } from '../model.js'
import type { Protocol, ServedPort } from '../model.js'
import type { PolicyRule, PortMatch } from '../policy/rules.js'
import { compareText } from './selector-set.js'

/** Always served: the usual web port and ping, which most policies never name. */
const BASELINE: readonly ServedPort[] = [{ protocol: 'TCP', port: 80 }, { protocol: 'ICMP' }]
/** Named ports get numbers from here, skipping numbers a rule already uses. */
const FIRST_NAMED_PORT = 8080
const PORT_PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP']

export function collectServedPorts(rules: readonly PolicyRule[]): ServedPort[] {
  const numbered = new Map<string, ServedPort>()
  const add = (served: ServedPort): void => {
    numbered.set(`${served.protocol}/${served.port ?? ''}`, served)
  }
  BASELINE.forEach(add)
  const named = new Map<string, Set<Protocol>>()
  for (const match of portMatches(rules)) {
    const protocols = probedProtocols(match.protocols)
    if (protocols.length === 0) continue
    if ('name' in match.port) {
      const set = named.get(match.port.name) ?? new Set<Protocol>()
      protocols.forEach((protocol) => set.add(protocol))
      named.set(match.port.name, set)
      continue
    }
    for (const port of probedPorts(match.port.from, match.port.to)) {
      for (const protocol of protocols) add({ protocol, port })
    }
  }
  const used = new Set([...numbered.values()].flatMap((served) => served.port ?? []))
  let next = FIRST_NAMED_PORT
  // One number per name cluster-wide: two numbers for one name make egress resolution fail (R8.6).
  for (const name of [...named.keys()].sort(compareText)) {
    while (used.has(next)) next++
    used.add(next)
    // A container port has one protocol; TCP when a rule allows it (ANY includes TCP).
    const protocols = named.get(name)!
    const protocol = protocols.has('TCP') ? 'TCP' : PORT_PROTOCOLS.find((p) => protocols.has(p))!
    add({ protocol, port: next, name })
  }
  return [...numbered.values()].sort(compareServedPorts)
}

function portMatches(rules: readonly PolicyRule[]): PortMatch[] {
  return rules.flatMap((rule) =>
    Object.values(rule.entries).flatMap((entries) =>
      entries.flatMap((entry) => (entry.l4.kind === 'ports' ? entry.l4.groups.flatMap((g) => g.ports) : []))
    )
  )
}

/** ANY (TCP+UDP+SCTP, R8.2) is probed on TCP and UDP; SCTP only when a rule names it alone. */
function probedProtocols(protocols: readonly Protocol[]): Protocol[] {
  const known = PORT_PROTOCOLS.filter((p) => protocols.includes(p))
  return known.length === PORT_PROTOCOLS.length ? ['TCP', 'UDP'] : known
}

/** A single port; a range's two ends and one port inside; "all ports" (port 0) adds nothing but 80. */
function probedPorts(from: number, to: number): number[] {
  if (from <= 0 && to >= 65535) return [80]
  const ports = [from, to]
  if (to - from >= 2) ports.push(from + Math.floor((to - from) / 2))
  return ports.filter((port) => port > 0 && port <= 65535)
}

export function compareServedPorts(a: ServedPort, b: ServedPort): number {
  return (
    PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
    (a.port ?? -1) - (b.port ?? -1) ||
    compareText(a.name ?? '', b.name ?? '')
  )
}
