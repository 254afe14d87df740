// `toPorts` and `icmps` of CNP/CCNP rules into L4 matches (R8.1–R8.7, R9.1).
import type { Protocol } from '../../model.js'
import type { EngineOptions } from '../../options.js'
import { isRecord } from '../../selector.js'
import { icmpTypeNumber } from '../validate/icmp.js'
import { ANY_PROTOCOLS } from '../rules.js'
import type { HttpRule, L4Match, L7Rules, PortGroup, PortMatch } from '../rules.js'

export function translateL4(rule: Record<string, unknown>, options: EngineOptions, isDeny: boolean): L4Match {
  if (Array.isArray(rule.toPorts) && rule.toPorts.length > 0) {
    const groups = (rule.toPorts as unknown[]).map((raw) => translatePortRule(raw, options, isDeny))
    return { kind: 'ports', groups }
  }
  if (Array.isArray(rule.icmps) && rule.icmps.length > 0) {
    const fields = (rule.icmps as unknown[]).flatMap((icmp) =>
      isRecord(icmp) && Array.isArray(icmp.fields) ? (icmp.fields as unknown[]) : []
    )
    return {
      kind: 'icmp',
      fields: fields.filter(isRecord).flatMap((field) => {
        const family = field.family === 'IPv6' ? 6 : 4
        const type = icmpTypeNumber(field.type, family)
        return type === undefined ? [] : [{ family, type }]
      })
    }
  }
  return { kind: 'any' }
}

function translatePortRule(raw: unknown, options: EngineOptions, isDeny: boolean): PortGroup {
  if (!isRecord(raw)) return { ports: [] }
  // R8.7: a toPorts entry without ports still makes the rule an L4 rule, and allows nothing.
  const ports = Array.isArray(raw.ports)
    ? (raw.ports as unknown[]).filter(isRecord).map((p) => portMatch(p, options))
    : []
  const l7 = isDeny ? undefined : translateL7(raw.rules)
  return l7 ? { ports, l7 } : { ports }
}

function portMatch(raw: Record<string, unknown>, options: EngineOptions): PortMatch {
  // R8.2: an omitted protocol is ANY, which means TCP, UDP and SCTP but never ICMP.
  const protocols: readonly Protocol[] =
    typeof raw.protocol === 'string' && raw.protocol !== 'ANY' ? [raw.protocol as Protocol] : ANY_PROTOCOLS
  const written =
    typeof raw.port === 'string' ? raw.port : typeof raw.port === 'number' ? String(raw.port) : '0'
  if (!/^\d+$/.test(written)) return { protocols, port: { name: written.toLowerCase() } }
  const from = Number(written)
  if (from === 0) return { protocols, port: { from: 0, to: 65535 } }
  // endPort from 1.16; an endPort at or below port leaves a single port (R8.2).
  const end = typeof raw.endPort === 'number' && options.minor >= 16 ? raw.endPort : from
  return { protocols, port: { from, to: Math.max(from, end) } }
}

function translateL7(raw: unknown): L7Rules | undefined {
  if (!isRecord(raw)) return undefined
  if (Array.isArray(raw.http) && raw.http.length > 0) {
    return { kind: 'http', rules: (raw.http as unknown[]).filter(isRecord).map(httpRule) }
  }
  for (const protocol of ['dns', 'kafka', 'l7']) {
    if (Array.isArray(raw[protocol]) && (raw[protocol] as unknown[]).length > 0)
      return { kind: 'other', protocol }
  }
  return undefined
}

function httpRule(raw: Record<string, unknown>): HttpRule {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
  const headers = Array.isArray(raw.headers) ? (raw.headers as unknown[]).map(String) : []
  // headerMatches with a mismatch action do not refuse (R9.2); without one they must hold.
  const headerMatches = Array.isArray(raw.headerMatches)
    ? (raw.headerMatches as unknown[]).filter(isRecord)
    : []
  for (const match of headerMatches) {
    if (match.mismatch === undefined)
      headers.push(`${text(match.name) ?? ''} ${text(match.value) ?? ''}`.trim())
  }
  return { method: text(raw.method), path: text(raw.path), host: text(raw.host), headers }
}
