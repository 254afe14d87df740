// A case's expected verdicts as the test bed enforces them, in the destination's namespace:
// an nft drop per denied (source, protocol, port) or ping, and, for an HTTP request denied on a
// connection that is allowed, the test bed's HTTP front on that port, which answers 403 to
// exactly those (source, method, path) requests. None of it comes from our engine.
import type { Flow, Verdict } from '../../src/core/model.js'
import { flowKey } from '../../src/core/model.js'
import { expectedVerdict } from '../../src/core/scenario/expectations.js'
import type { ExpectEntry } from '../../src/core/scenario/scenario.js'
import type { Addresses } from '../../src/edge/observe/backend.js'

/** The test bed's "policy set": the verdict each flow must have. Flows not listed are allowed. */
export interface ExpectedVerdicts {
  verdicts: { flow: Flow; verdict: Verdict }[]
}

/** Nothing denied: the state before any policy, and a base side of "no policies". */
export const ALL_ALLOWED: ExpectedVerdicts = { verdicts: [] }

/** Each flow's verdict from the case's `expect` list (last matching entry wins). */
export function expectedVerdicts(flows: readonly Flow[], expect: readonly ExpectEntry[]): ExpectedVerdicts {
  return {
    verdicts: flows.map((flow) => {
      const entry = expectedVerdict(flow, expect)
      if (!entry) throw new Error(`no expect entry decides ${flowKey(flow)}`)
      return { flow, verdict: entry.verdict }
    })
  }
}

/** One port the front takes over: it listens on the pod's address, the agent on 127.0.0.1. */
export interface FrontSpec {
  port: number
  deny: { source: string; method: string; path: string }[]
}

export interface NamespaceRules {
  drops: string[]
  fronts: FrontSpec[]
}

function address(addresses: Addresses, key: string): string {
  const ip = addresses.get(key)
  if (ip === undefined) throw new Error(`the test bed has no endpoint ${key}`)
  return ip
}

function dropRule(source: string, flow: Flow): string {
  if (flow.protocol === 'ICMP') return `ip saddr ${source} icmp type echo-request drop`
  return `ip saddr ${source} ${flow.protocol.toLowerCase()} dport ${flow.port} drop`
}

/** Rules per destination endpoint key. Throws for expectations nft cannot express. */
export function buildRules(policy: ExpectedVerdicts, addresses: Addresses): Map<string, NamespaceRules> {
  const rules = new Map<string, NamespaceRules>()
  const denied = new Set<string>()
  const of = (key: string): NamespaceRules => {
    const found = rules.get(key) ?? { drops: [], fronts: [] }
    rules.set(key, found)
    return found
  }
  // SCTP is never probed (the agent has no SCTP sockets), so it needs no rule.
  const flows = policy.verdicts.filter(({ flow }) => flow.protocol !== 'SCTP')
  for (const { flow, verdict } of flows) {
    if (flow.http || verdict === 'allow') continue
    denied.add(flowKey(flow))
    of(flow.to).drops.push(dropRule(address(addresses, flow.from), flow))
  }
  for (const { flow, verdict } of flows) {
    if (!flow.http) continue
    const connectionDenied = denied.has(flowKey({ ...flow, http: undefined }))
    if (connectionDenied && verdict === 'allow') {
      throw new Error(`cannot allow ${flowKey(flow)} on a connection the case denies`)
    }
    if (connectionDenied || verdict === 'allow') continue
    const namespace = of(flow.to)
    let front = namespace.fronts.find((f) => f.port === flow.port)
    if (!front) {
      front = { port: flow.port ?? 0, deny: [] }
      namespace.fronts.push(front)
    }
    front.deny.push({ source: address(addresses, flow.from), method: flow.http.method, path: flow.http.path })
  }
  return rules
}

/**
 * Replaces the namespace's policy table in one nft transaction (the table may not exist yet).
 * No NAT: a redirect would live on in conntrack entries that a later, reused 4-tuple picks up.
 */
export function policyScript(rules: NamespaceRules | undefined): string {
  return replaceTable('reachdiff_policy', rules?.drops ?? [])
}

/**
 * Random loss on everything the namespace receives from the wire; its own table, so policy
 * changes keep it. Loopback is spared: the HTTP front's hop to the agent on 127.0.0.1 stands
 * for a proxy inside the node, not for another trip across the network.
 */
export function lossScript(percent: number): string {
  return replaceTable(
    'reachdiff_loss',
    percent > 0 ? [`iifname != "lo" numgen random mod 100 < ${percent} counter drop`] : []
  )
}

function replaceTable(name: string, rules: readonly string[]): string {
  return [
    `table ip ${name}`,
    `delete table ip ${name}`,
    `table ip ${name} {`,
    '  chain input {',
    '    type filter hook input priority 0; policy accept;',
    ...rules.map((rule) => `    ${rule}`),
    '  }',
    '}',
    ''
  ].join('\n')
}
