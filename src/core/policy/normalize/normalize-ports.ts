// `toPorts` and `icmps` of CNP/CCNP rules into L4 matches (R8.1–R8.7, R9.1).
import type { Protocol } from '../../model.js'
import type { EngineOptions } from '../../options.js'
import { icmpTypeNumber } from '../validate/icmp.js'
import type { CiliumPeerRule, PortProtocol, PortRule, PortRuleHTTP } from '../validate/shapes.js'
import { ANY_PROTOCOLS } from '../rules.js'
import type { HttpRule, L4Match, L7Rules, PortGroup, PortMatch } from '../rules.js'

export function translateL4(rule: CiliumPeerRule, options: EngineOptions, isDeny: boolean): L4Match {
  if (rule.toPorts && rule.toPorts.length > 0) {
    return {
      kind: 'ports',
      groups: rule.toPorts.map((portRule) => translatePortRule(portRule, options, isDeny))
    }
  }
  if (rule.icmps && rule.icmps.length > 0) {
    return {
      kind: 'icmp',
      fields: rule.icmps.flatMap((icmp) =>
        (icmp.fields ?? []).flatMap((field) => {
          const family = field.family === 'IPv6' ? 6 : 4
          const type = icmpTypeNumber(field.type, family)
          return type === undefined ? [] : [{ family, type }]
        })
      )
    }
  }
  return { kind: 'any' }
}

function translatePortRule(portRule: PortRule, options: EngineOptions, isDeny: boolean): PortGroup {
  // R8.7: a toPorts entry without ports still makes the rule an L4 rule, and allows nothing.
  const ports = (portRule.ports ?? []).map((p) => portMatch(p, options))
  const l7 = isDeny || !portRule.rules ? undefined : translateL7(portRule.rules)
  return l7 ? { ports, l7 } : { ports }
}

function portMatch(port: PortProtocol, options: EngineOptions): PortMatch {
  const protocols = probedProtocolsOf(port.protocol)
  const written = port.port ?? '0'
  if (!/^\d+$/.test(written)) return { protocols, port: { name: written.toLowerCase() } }
  const from = Number(written)
  if (from === 0) return { protocols, port: { from: 0, to: 65535 } }
  // endPort from 1.16; an endPort at or below port leaves a single port (R8.2).
  const end = typeof port.endPort === 'number' && options.minor >= 16 ? port.endPort : from
  return { protocols, port: { from, to: Math.max(from, end) } }
}

/**
 * The probed protocols a port entry matches. R8.2: an omitted protocol is ANY, which means TCP,
 * UDP and SCTP but never ICMP. VRRP and IGMP (1.19+) are IP protocols of their own (112 and 2,
 * cilium/cilium v1.19 `pkg/u8proto`): they match none of the TCP, UDP, SCTP and ICMP flows reachdiff
 * probes, yet the entry still makes the rule an L4 rule, so it allows none of them either.
 */
function probedProtocolsOf(protocol: PortProtocol['protocol']): readonly Protocol[] {
  if (protocol === 'VRRP' || protocol === 'IGMP') return []
  return protocol && protocol !== 'ANY' ? [protocol] : ANY_PROTOCOLS
}

/** `rules` of a toPorts entry (pkg/policy/api/l7.go L7Rules). */
function translateL7(rules: NonNullable<PortRule['rules']>): L7Rules | undefined {
  if (rules.http && rules.http.length > 0) return { kind: 'http', rules: rules.http.map(httpRule) }
  for (const protocol of ['dns', 'kafka', 'l7'] as const) {
    if ((rules[protocol] ?? []).length > 0) return { kind: 'other', protocol }
  }
  return undefined
}

function httpRule(rule: PortRuleHTTP): HttpRule {
  const headers = [...(rule.headers ?? [])]
  // headerMatches with a mismatch action do not refuse (R9.2); without one they must hold.
  for (const match of rule.headerMatches ?? []) {
    if (match.mismatch === undefined || match.mismatch === null)
      headers.push(`${match.name} ${match.value ?? ''}`.trim())
  }
  return {
    method: rule.method ?? undefined,
    path: rule.path ?? undefined,
    host: rule.host ?? undefined,
    headers
  }
}
