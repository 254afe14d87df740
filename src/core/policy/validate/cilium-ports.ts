// Cilium-layer checks below a rule's peers (cilium-crd-fields.md §14 items 5–8, 10, 12; R12.2):
// `toPorts` with their L7 rules, CIDR sets and FQDN selectors (`icmps`: icmp.ts). The API server stores
// such objects; the agent refuses the whole policy. Checks assume nothing about types: a value
// of the wrong type was already reported by the schema walk and is skipped here.
import type { FieldPath } from '../../yaml-source.js'
import {
  agentError,
  at,
  countOf,
  field,
  isPresent,
  isRecord,
  listField,
  report,
  stringField
} from './context.js'
import type { ValidationContext } from './context.js'
import { checkL7Rules } from './cilium-l7.js'
import {
  isIanaServiceName,
  matchesPortPattern,
  parseGoPortNumber,
  parseIp,
  parsePrefix,
  prefixContains
} from './net.js'

const MAX_PORTS = 40

export interface PortRuleScope {
  ingress: boolean
  deny: boolean
}

/** Whether a `rules` object holds any L7 rule (Go `L7Rules.IsEmpty` negated). */
export function hasL7Rules(rules: unknown): boolean {
  if (!isRecord(rules)) return false
  const l7proto = stringField(rules, 'l7proto')
  return countOf(rules, 'http') + countOf(rules, 'kafka') + countOf(rules, 'dns') > 0 || !!l7proto
}

export function checkPortRule(
  ctx: ValidationContext,
  rule: unknown,
  path: FieldPath,
  scope: PortRuleScope
): void {
  if (!isRecord(rule)) return
  const ports = listField(rule, 'ports')
  // The CRD caps allow-rule ports at 40 from 1.16; the agent caps every list in all versions.
  if (ports.length > MAX_PORTS && (scope.deny || ctx.options.minor < 16)) {
    agentError(ctx, at(path, 'ports'), `too many ports (${ports.length}), the max is ${MAX_PORTS}`, {
      expected: `at most ${MAX_PORTS} ports per toPorts entry; add another entry`
    })
  }
  const rules = field(rule, 'rules')
  const hasDns = countOf(rules, 'dns') > 0
  if (!scope.deny && scope.ingress && hasDns) {
    agentError(ctx, at(path, 'rules', 'dns'), 'DNS rules are not allowed on ingress (R9.4)', {
      expected: 'DNS rules in an egress rule, on the port of the DNS server'
    })
  }
  let hasZeroPort = false
  ports.forEach((port, index) => {
    hasZeroPort = checkPortProtocol(ctx, port, at(path, 'ports', index), hasDns) || hasZeroPort
  })
  if (scope.deny) return
  checkTlsAndListener(ctx, rule, path, scope)
  if (!hasL7Rules(rules)) return
  if (!hasDns) checkL7Protocols(ctx, ports, path)
  if (hasZeroPort) {
    agentError(ctx, at(path, 'ports'), 'L7 rules cannot be used when a port is "0" (R9.5)', {
      expected: 'the explicit port the L7 traffic uses, e.g. "80"'
    })
  }
  checkL7Rules(ctx, rules, at(path, 'rules'), ports.length)
}

/** Returns whether the port is the wildcard port 0. */
function checkPortProtocol(
  ctx: ValidationContext,
  entry: unknown,
  path: FieldPath,
  hasDns: boolean
): boolean {
  const port = field(entry, 'port')
  if (ctx.options.minor >= 19 && !checkPortless(ctx, entry, port, path)) return false
  // A non-string or a value outside PORT_PATTERN was already reported by the schema walk.
  if (typeof port !== 'string' || !matchesPortPattern(port)) return false
  const endPort = field(entry, 'endPort')
  if (isIanaServiceName(port)) {
    if (typeof endPort === 'number' && endPort !== 0) {
      report(ctx, 'warning', at(path, 'endPort'), `endPort is ignored for the named port "${port}" (R8.2)`, {
        value: endPort,
        expected: 'a numeric port for a range'
      })
    }
    return false
  }
  const number = parseGoPortNumber(port)
  if (number === undefined) {
    agentError(
      ctx,
      at(path, 'port'),
      `port "${port.slice(0, 80)}" is neither a number from 0 to 65535 nor a valid port name (R8.6)`,
      {
        value: port,
        expected:
          'a decimal number 0–65535 without leading zeros, or a name of 1–15 letters, digits and single inner "-" with at least one letter'
      }
    )
    return false
  }
  checkEndPort(ctx, endPort, number, path, hasDns)
  return number === 0
}

/**
 * 1.19's agent checks for the optional `port` (cilium/cilium v1.19
 * `pkg/policy/api/rule_validation.go`, PortProtocol.Validate): an entry without a port needs
 * `enable-extended-ip-protocols`, and VRRP or IGMP take no port number but 0. Returns whether the
 * entry may be checked further.
 */
function checkPortless(ctx: ValidationContext, entry: unknown, port: unknown, path: FieldPath): boolean {
  if (port === undefined || port === null || port === '') {
    if (!ctx.options.agent.enableExtendedIpProtocols) {
      agentError(ctx, path, 'port must be specified unless enable-extended-ip-protocols is set', {
        expected: 'a port such as "80", or "0" for every port'
      })
    }
    return false
  }
  const protocol = field(entry, 'protocol')
  // Upstream tests names first, so a port name slips through for VRRP and IGMP too.
  const portless = protocol === 'VRRP' || protocol === 'IGMP'
  if (!portless || typeof port !== 'string' || isIanaServiceName(port) || port === '0') return true
  agentError(ctx, at(path, 'port'), `port must be empty or 0 for ${protocol}, which has no ports`, {
    value: port,
    expected: 'no port, or "0"'
  })
  return false
}

// R8.2: endPort below port is one port, not an error; R9.4: DNS rules take no ranges.
function checkEndPort(
  ctx: ValidationContext,
  endPort: unknown,
  port: number,
  path: FieldPath,
  hasDns: boolean
): void {
  if (typeof endPort !== 'number' || !Number.isInteger(endPort) || endPort < 0 || endPort > 65535) return
  if (hasDns && endPort > port) {
    agentError(ctx, at(path, 'endPort'), 'DNS rules do not support port ranges (R9.4)', {
      value: endPort,
      expected: 'no endPort on the DNS port'
    })
  } else if (endPort !== 0 && endPort < port) {
    report(
      ctx,
      'warning',
      at(path, 'endPort'),
      `endPort below port: treated as the single port ${port} (R8.2)`,
      {
        value: endPort,
        expected: `an endPort of at least ${port} for a range`
      }
    )
  }
}

// R9.5: HTTP, Kafka and l7proto rules need `protocol: TCP` written out; omitted means ANY.
function checkL7Protocols(ctx: ValidationContext, ports: unknown[], path: FieldPath): void {
  ports.forEach((entry, index) => {
    const protocol = field(entry, 'protocol')
    if (protocol === 'TCP' || (protocol !== undefined && protocol !== null && typeof protocol !== 'string'))
      return
    const shown = typeof protocol === 'string' ? protocol : 'ANY (protocol left out)'
    const written = typeof protocol === 'string'
    const where = written ? at(path, 'ports', index, 'protocol') : at(path, 'ports', index)
    agentError(ctx, where, `L7 rules can only apply to TCP, not ${shown} (R9.5)`, {
      ...(written ? { value: protocol } : {}),
      expected: 'protocol: TCP, written explicitly'
    })
  })
}

function checkTlsAndListener(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  scope: PortRuleScope
): void {
  const serverNames = listField(rule, 'serverNames')
  if (serverNames.length > 0 && hasL7Rules(field(rule, 'rules')) && !isPresent(rule, 'terminatingTLS')) {
    agentError(ctx, at(path, 'serverNames'), 'serverNames with L7 rules need terminatingTLS', {
      expected: 'a terminatingTLS secret, or no L7 rules'
    })
  }
  serverNames.forEach((name, index) => {
    if (name === '')
      agentError(ctx, at(path, 'serverNames', index), 'an empty server name is not allowed', { value: name })
  })
  if (!isPresent(rule, 'listener')) return
  if (scope.ingress) {
    agentError(ctx, at(path, 'listener'), 'a listener is not allowed on ingress', {
      expected: 'listener in an egress rule'
    })
  } else if (hasL7Rules(field(rule, 'rules'))) {
    agentError(ctx, at(path, 'listener'), 'a listener cannot be combined with L7 rules', {
      expected: 'either listener or rules'
    })
  }
}

/** CIDRRule.sanitize (R7.2): `cidr` must be a prefix, and every `except` inside it, same family. */
export function checkCidrRule(ctx: ValidationContext, rule: unknown, path: FieldPath): void {
  const cidr = stringField(rule, 'cidr')
  if (cidr === undefined || cidr === '') return
  const prefix = parsePrefix(cidr)
  if (!prefix) {
    // Only a bare address gets past the schema (1.15's regex); anything else was reported there.
    if (parseIp(cidr)) {
      agentError(ctx, at(path, 'cidr'), `cidr "${cidr}" is an address, not a prefix`, {
        value: cidr,
        expected: `a prefix such as ${cidr}/${cidr.includes(':') ? 128 : 32}`
      })
    }
    return
  }
  listField(rule, 'except').forEach((text, index) => {
    const except = typeof text === 'string' ? parsePrefix(text) : undefined
    if (
      typeof text !== 'string' ||
      !except ||
      (except.family === prefix.family && except.bits >= prefix.bits && prefixContains(prefix, except))
    )
      return
    const why = except.family !== prefix.family ? 'is of the other address family' : 'does not lie inside it'
    agentError(ctx, at(path, 'except', index), `except ${text} ${why} (cidr ${cidr}) (R7.2)`, {
      value: text,
      expected: `a prefix inside ${cidr}`
    })
  })
}

/** FQDNSelector.sanitize: before the 1.16 CRD `oneOf`, only the agent refused both names. */
export function checkFqdnSelector(ctx: ValidationContext, selector: unknown, path: FieldPath): void {
  if (ctx.options.minor >= 16) return
  if (isPresent(selector, 'matchName') && isPresent(selector, 'matchPattern')) {
    agentError(ctx, at(path, 'matchPattern'), 'only one of matchName or matchPattern is allowed', {
      expected: 'two separate entries'
    })
  }
}
