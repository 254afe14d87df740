// The static engine: Cilium's policy evaluation over a topology (docs/semantics.md §15).
// A flow is allowed only if the source's egress and the destination's ingress both allow it
// (R3.3). Tables are built per identity and probe, so equal pods cost nothing extra.
import type { Flow, Topology, Verdict } from '../model.js'
import { podKey } from '../model.js'
import type { EngineOptions } from '../options.js'
import type { PolicyRef } from '../policy/document.js'
import type { Direction, PolicyRule, RuleRef } from '../policy/rules.js'
import { createBitset } from './bitset.js'
import type { Bitset } from './bitset.js'
import { decidePeer } from './direction.js'
import type { DirectionTable, SideOutcome } from './direction.js'
import { buildIdentities } from './identities.js'
import type { Endpoint, IdentityTable } from './identities.js'
import type { L4Probe } from './l4.js'
import { decideHttp } from './http-side.js'
import { reachableIdentities } from './reachability.js'
import { describeFlowVerdict } from './reason.js'
import { SideInterner } from './side-interner.js'
import { DirectionTables } from './tables.js'

export type SideDecision =
  'not-enforced' | 'allowed' | 'denied' | 'default-deny' | 'http-allowed' | 'http-refused'

/** How one side (egress at the source, ingress at the destination) decided. */
export interface SideVerdict {
  direction: Direction
  /** `namespace/pod` whose policy decides. */
  subject: string
  verdict: Verdict
  decision: SideDecision
  /** The deny rule that dropped the flow, or the allow rules that let it through. */
  rules: RuleRef[]
  /** Policies that put the subject's direction under enforcement (R2.2). */
  enforcedBy: PolicyRef[]
  /** Policies whose `enableDefaultDeny: false` added the synthetic allow-all (R2.4). */
  syntheticAllowBy: PolicyRef[]
  /** For an HTTP refusal: the HTTP rules the request failed to match. */
  httpRules?: string[]
}

export interface FlowVerdict {
  flow: Flow
  verdict: Verdict
  /** One sentence: the decisive reason. */
  reason: string
  egress?: SideVerdict
  ingress?: SideVerdict
  /** A verdict taken before any policy is consulted. */
  global?: 'enforcement-never' | 'sctp-disabled'
}

/** Every rule that mattered on one side of a flow, for `reachdiff explain`. */
export interface SideInspection {
  direction: Direction
  subject: string
  table: DirectionTable
  peerIndex: number
}

export interface Engine {
  identities: IdentityTable
  decideFlow(flow: Flow): FlowVerdict
  /** The tables behind a flow's verdict: sides whose subject is a pod. */
  inspectFlow(flow: Flow): SideInspection[]
  /** For every pod identity, the identities it may reach on `probe` (L3/L4 only). */
  reachableByIdentity(probe: L4Probe): Bitset[]
}

export function createEngine(
  rules: readonly PolicyRule[],
  topology: Topology,
  options: EngineOptions
): Engine {
  const identities = buildIdentities(topology, options)
  const { endpoints } = identities
  const tables = new DirectionTables(rules, identities, options)
  const tableFor = tables.tableFor.bind(tables)
  /** Side verdicts per table and subject pod, one object per distinct outcome. */
  const sideInterners = new Map<DirectionTable, Map<string, SideInterner<SideVerdict>>>()

  const endpointOf = (key: string): Endpoint => {
    const endpoint = identities.byKey.get(key)
    if (!endpoint) throw new Error(`flow endpoint ${key} is not part of the topology`)
    return endpoint
  }

  const decideSide = (
    subject: Endpoint,
    peer: Endpoint,
    key: string,
    direction: Direction,
    probe: L4Probe,
    flow: Flow
  ): SideVerdict | undefined => {
    if (subject.kind !== 'pod') return undefined // world has no Cilium policy of its own (R3.3)
    const pod = subject.pods.length === 1 ? subject.pods[0] : subject.pods.find((p) => podKey(p) === key)
    const table = tableFor(subject, pod, direction, probe)
    const outcome = decidePeer(table, peer.index)
    let bySubject = sideInterners.get(table)
    if (!bySubject) sideInterners.set(table, (bySubject = new Map<string, SideInterner<SideVerdict>>()))
    let interner = bySubject.get(key)
    if (!interner) bySubject.set(key, (interner = new SideInterner()))
    const http = flow.http ? `${flow.http.method} ${flow.http.path}` : ''
    return interner.get(outcome, http, () => toSideVerdict(direction, key, table, outcome, flow))
  }

  const decideFlow = (flow: Flow): FlowVerdict => {
    const source = endpointOf(flow.from)
    const destination = endpointOf(flow.to)
    const probe: L4Probe = { protocol: flow.protocol, port: flow.port }
    const global = decideGlobally(probe, options)
    if (global) return finish(flow, GLOBAL_VERDICTS[global], { global })
    const egress = decideSide(source, destination, flow.from, 'egress', probe, flow)
    const ingress = decideSide(destination, source, flow.to, 'ingress', probe, flow)
    const verdict = egress?.verdict === 'deny' || ingress?.verdict === 'deny' ? 'deny' : 'allow'
    return finish(flow, verdict, { egress, ingress })
  }

  const inspectFlow = (flow: Flow): SideInspection[] => {
    const source = endpointOf(flow.from)
    const destination = endpointOf(flow.to)
    const probe: L4Probe = { protocol: flow.protocol, port: flow.port }
    const sides: [Endpoint, Endpoint, string, Direction][] = [
      [source, destination, flow.from, 'egress'],
      [destination, source, flow.to, 'ingress']
    ]
    return sides
      .filter(([subject]) => subject.kind === 'pod')
      .map(([subject, peer, key, direction]) => {
        const pod = subject.pods.find((p) => `${p.namespace}/${p.name}` === key)
        return {
          direction,
          subject: key,
          table: tableFor(subject, pod, direction, probe),
          peerIndex: peer.index
        }
      })
  }

  const reachableByIdentity = (probe: L4Probe): Bitset[] => {
    const global = decideGlobally(probe, options)
    if (global) {
      const word = GLOBAL_VERDICTS[global] === 'allow' ? ~0 >>> 0 : 0
      return endpoints.filter((e) => e.kind === 'pod').map(() => createBitset(endpoints.length).fill(word))
    }
    return reachableIdentities(endpoints, (endpoint, direction) =>
      tableFor(endpoint, endpoint.pods[0], direction, probe)
    )
  }

  return { identities, decideFlow, inspectFlow, reachableByIdentity }
}

type GlobalDecision = NonNullable<FlowVerdict['global']>

const GLOBAL_VERDICTS: Record<GlobalDecision, Verdict> = {
  'sctp-disabled': 'deny',
  'enforcement-never': 'allow'
}

/**
 * The verdicts taken before any policy is consulted, for the per-flow and the whole-matrix
 * path alike. SCTP is opt-in in Cilium (cilium/cilium Documentation/configuration/sctp.rst,
 * `sctp.enabled`); with enable-sctp off the datapath drops every SCTP packet, so even
 * enforcement mode never cannot pass one. Enforcement mode never puts no endpoint under policy.
 */
function decideGlobally(probe: L4Probe, options: EngineOptions): GlobalDecision | undefined {
  if (probe.protocol === 'SCTP' && !options.agent.enableSctp) return 'sctp-disabled'
  if (options.enforcement === 'never') return 'enforcement-never'
  return undefined
}

function finish(
  flow: Flow,
  verdict: Verdict,
  parts: Omit<FlowVerdict, 'flow' | 'verdict' | 'reason'>
): FlowVerdict {
  return new DecidedFlow(flow, verdict, parts.egress, parts.ingress, parts.global)
}

/** The reason is words for reports: built on first use, since most cells are never read. */
class DecidedFlow implements FlowVerdict {
  private words?: string
  constructor(
    readonly flow: Flow,
    readonly verdict: Verdict,
    readonly egress?: SideVerdict,
    readonly ingress?: SideVerdict,
    readonly global?: FlowVerdict['global']
  ) {}

  get reason(): string {
    return (this.words ??= describeFlowVerdict(this))
  }
}

function toSideVerdict(
  direction: Direction,
  subject: string,
  table: DirectionTable,
  outcome: SideOutcome,
  flow: Flow
): SideVerdict {
  const base = {
    direction,
    subject,
    enforcedBy: uniquePolicies(table.enforcing),
    syntheticAllowBy: [] as PolicyRef[]
  }
  switch (outcome.decision) {
    case 'not-enforced':
      return { ...base, verdict: 'allow', decision: 'not-enforced', rules: [] }
    case 'denied':
      return { ...base, verdict: 'deny', decision: 'denied', rules: [outcome.by.ref] }
    case 'default-deny':
      return { ...base, verdict: 'deny', decision: 'default-deny', rules: [] }
    case 'allowed': {
      const syntheticAllowBy = uniquePolicies(outcome.synthetic)
      const rules = outcome.by.map((matched) => matched.entry.ref)
      if (!flow.http) return { ...base, syntheticAllowBy, verdict: 'allow', decision: 'allowed', rules }
      return { ...base, syntheticAllowBy, ...decideHttp(outcome, flow.http) }
    }
  }
}

function uniquePolicies(rules: readonly PolicyRule[]): PolicyRef[] {
  const seen = new Set<PolicyRef>()
  for (const rule of rules) seen.add(rule.policy)
  return [...seen]
}
