// The static engine: Cilium's policy evaluation over a topology (cilium-semantics.md §15).
// A flow is allowed only if the source's egress and the destination's ingress both allow it
// (R3.3). Tables are built per identity and probe, so equal pods cost nothing extra.
import type { Flow, Pod, Topology, Verdict } from '../model.js'
import { podKey } from '../model.js'
import type { EngineOptions } from '../options.js'
import type { PolicyRef } from '../policy/document.js'
import type { Direction, PolicyRule, RuleEntry, RuleRef } from '../policy/rules.js'
import { hasBit } from './bitset.js'
import type { Bitset } from './bitset.js'
import { buildDirectionTable, decidePeer, restrictToRequirements } from './direction.js'
import type { DirectionTable, SideOutcome } from './direction.js'
import { buildIdentities } from './identities.js'
import type { Endpoint, IdentityTable } from './identities.js'
import { resolveClusterWide, resolveOnPod } from './l4.js'
import type { L4Probe } from './l4.js'
import { decideHttp } from './http-side.js'
import { requirementBitset, SelectorIndex } from './peers.js'
import { describeFlowVerdict } from './reason.js'
import { SideInterner } from './side-interner.js'

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
  const selectors = new SelectorIndex(endpoints)
  const peerCache = new Map<RuleEntry, Bitset>()
  const subjectRules = new Map<number, PolicyRule[]>()
  const requirementCache = new Map<string, { allow?: Bitset; deny?: Bitset }>()
  const tableCache = new Map<string, DirectionTable>()
  const tablesByProbe = new Map<string, (DirectionTable | undefined)[]>()
  const egressResolver = resolveClusterWide(identities.namedPorts)
  /** Side verdicts per table and subject pod, one object per distinct outcome. */
  const sideInterners = new Map<DirectionTable, Map<string, SideInterner<SideVerdict>>>()
  const namedPortCache = new WeakMap<Pod, string>()
  // Ingress named ports resolve on the destination pod (R8.6): pods with other names need their own table.
  const namedPortsOf = (pod: Pod): string => {
    let named = namedPortCache.get(pod)
    if (named === undefined) {
      named = pod.ports
        .filter((p) => p.name)
        .map((p) => `${p.name}=${p.protocol}/${p.port}`)
        .join(',')
      namedPortCache.set(pod, named)
    }
    return named
  }

  const rulesSelecting = (endpoint: Endpoint): PolicyRule[] => {
    let selected = subjectRules.get(endpoint.index)
    if (!selected) {
      // R2.5/R4: only pods are subjects of endpointSelector/podSelector rules.
      selected =
        endpoint.kind === 'pod'
          ? rules.filter((rule) => hasBit(selectors.matching(rule.subject), endpoint.index))
          : []
      subjectRules.set(endpoint.index, selected)
    }
    return selected
  }

  const peerSets = (entry: RuleEntry, requires: Bitset | undefined): Bitset => {
    let bits = peerCache.get(entry)
    if (!bits) {
      bits = selectors.peers(entry.peer)
      peerCache.set(entry, bits)
    }
    // R5.6: requirements narrow endpoint selectors only.
    return entry.peer.kind === 'endpoints' ? restrictToRequirements(bits, requires) : bits
  }

  const requirementsOf = (endpoint: Endpoint, direction: Direction): { allow?: Bitset; deny?: Bitset } => {
    const key = `${endpoint.index}|${direction}`
    let cached = requirementCache.get(key)
    if (!cached) {
      const selected = rulesSelecting(endpoint)
      const gather = (section: Direction | 'ingressDeny' | 'egressDeny'): Bitset | undefined => {
        const requires = selected.flatMap((rule) => rule.entries[section].flatMap((entry) => entry.requires))
        return requires.length > 0 ? requirementBitset(requires, endpoints) : undefined
      }
      cached = {
        allow: gather(direction),
        deny: gather(direction === 'ingress' ? 'ingressDeny' : 'egressDeny')
      }
      requirementCache.set(key, cached)
    }
    return cached
  }

  const tableFor = (
    endpoint: Endpoint,
    pod: Pod | undefined,
    direction: Direction,
    probe: L4Probe
  ): DirectionTable => {
    // Fast path: a slot per identity and direction. Identities whose pods name their ports
    // differently need a table per pod (ingress named ports, R8.6) and take the keyed path.
    const slot = endpoint.index * 2 + (direction === 'ingress' ? 1 : 0)
    const named = direction === 'ingress' && pod && endpoint.pods.length > 1 ? namedPortsOf(pod) : ''
    const probeKey = `${probe.protocol}/${probe.port ?? ''}`
    let slots = named === '' ? tablesByProbe.get(probeKey) : undefined
    if (named === '' && !slots) tablesByProbe.set(probeKey, (slots = []))
    if (slots?.[slot]) return slots[slot]
    const key = `${endpoint.index}|${direction}|${probeKey}|${named}`
    let table = tableCache.get(key)
    if (!table) {
      table = buildDirectionTable({
        rules: rulesSelecting(endpoint),
        direction,
        mode: options.enforcement,
        probe,
        resolve: direction === 'ingress' && pod ? resolveOnPod(pod.ports) : egressResolver,
        peerCount: endpoints.length,
        peerSets,
        requires: requirementsOf(endpoint, direction)
      })
      tableCache.set(key, table)
    }
    if (slots) slots[slot] = table
    return table
  }

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
    if (options.enforcement === 'never') return finish(flow, 'allow', { global: 'enforcement-never' })
    if (flow.protocol === 'SCTP' && !options.agent.enableSctp) {
      return finish(flow, 'deny', { global: 'sctp-disabled' })
    }
    const probe: L4Probe = { protocol: flow.protocol, port: flow.port }
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
    const allowedBy = (endpoint: Endpoint, direction: Direction): Bitset | undefined => {
      const table = tableFor(endpoint, endpoint.pods[0], direction, probe)
      if (options.enforcement === 'never' || !table.isEnforced) return undefined
      const allowed = table.isDefaultDeny
        ? table.allowedPeers.slice()
        : table.allowedPeers.map(() => ~0 >>> 0)
      for (let i = 0; i < allowed.length; i++) allowed[i] &= ~table.deniedPeers[i]
      return allowed
    }
    const ingress = endpoints.map((endpoint) =>
      endpoint.kind === 'pod' ? allowedBy(endpoint, 'ingress') : undefined
    )
    return endpoints
      .filter((endpoint) => endpoint.kind === 'pod')
      .map((source) => {
        const row =
          allowedBy(source, 'egress') ?? new Uint32Array((endpoints.length + 31) >>> 5).fill(~0 >>> 0)
        for (const destination of endpoints) {
          const accepts = ingress[destination.index]
          if (accepts && (accepts[source.index >>> 5] & (1 << (source.index & 31))) === 0) {
            row[destination.index >>> 5] &= ~(1 << (destination.index & 31))
          }
        }
        return row
      })
  }

  return { identities, decideFlow, inspectFlow, reachableByIdentity }
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
