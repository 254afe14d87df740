// One side of a flow: the egress policy of the source or the ingress policy of the
// destination (R3.3). For a subject, a direction and a probe, the table lists every rule
// that could decide, each with the set of peers it selects; deciding a peer is then a lookup.
import type { EnforcementMode } from '../options.js'
import { denySection } from '../policy/rules.js'
import type { Direction, PolicyRule, RuleEntry } from '../policy/rules.js'
import { andInto, createBitset, hasBit, orInto } from './bitset.js'
import type { Bitset } from './bitset.js'
import { matchL4 } from './l4.js'
import type { L4Probe, L7Restriction, NamedPortResolver } from './l4.js'

export interface MatchedEntry {
  entry: RuleEntry
  peers: Bitset
  l7: L7Restriction
}

export interface DirectionTable {
  direction: Direction
  /** Rules selecting the subject with a section in this direction: they switch enforcement on (R2.2). */
  enforcing: PolicyRule[]
  /** The enforcing rules that ask for default deny (R2.4). */
  defaultDenyBy: PolicyRule[]
  /** Some policy (or enforcement mode always) puts the subject's direction under policy. */
  isEnforced: boolean
  /** What no rule allows is denied; false only when every enforcing policy turned it off. */
  isDefaultDeny: boolean
  /** Deny rules covering the probe, in policy order (R3.2). */
  denies: MatchedEntry[]
  /** Allow rules covering the probe (R3.1). */
  allows: MatchedEntry[]
  /** Union of the denies' peers and of the allows' peers: what passingPeers reads. */
  deniedPeers: Bitset
  allowedPeers: Bitset
}

/** Supplies cached peer bitsets, with the subject's requirements folded in (R5.6). */
export type PeerSets = (entry: RuleEntry, requires: Bitset | undefined) => Bitset

/** The entries of a direction that cover one probe, before their peers are looked up. */
export interface ProbeMatches {
  denies: { entry: RuleEntry; l7: L7Restriction }[]
  allows: { entry: RuleEntry; l7: L7Restriction }[]
}

/** Which deny and allow entries of `rules` cover `probe` in `direction` (R8, R9.3). */
export function matchProbe(
  rules: readonly PolicyRule[],
  direction: Direction,
  probe: L4Probe,
  resolve: NamedPortResolver
): ProbeMatches {
  const collect = (section: Direction | 'ingressDeny' | 'egressDeny'): ProbeMatches['allows'] => {
    const matched: ProbeMatches['allows'] = []
    for (const rule of rules) {
      for (const entry of rule.entries[section]) {
        const l7 = matchL4(entry.l4, probe, resolve)
        if (l7) matched.push({ entry, l7 })
      }
    }
    return matched
  }
  return { denies: collect(denySection(direction)), allows: collect(direction) }
}

const entryIds = new WeakMap<object, number>()
let nextEntryId = 0

function idOf(item: object): number {
  let id = entryIds.get(item)
  if (id === undefined) entryIds.set(item, (id = nextEntryId++))
  return id
}

/**
 * Equal for probes that the same entries cover with the same L7 rules: such probes share one
 * table, so a rule listing thousands of ports costs one table, not one per port.
 */
export function matchesSignature(matches: ProbeMatches): string {
  const part = ({ entry, l7 }: ProbeMatches['allows'][number]): string =>
    l7.kind === 'none' ? `${idOf(entry)}` : `${idOf(entry)}h${l7.rules.map(idOf).join('.')}`
  return `${matches.denies.map(part).join(',')}/${matches.allows.map(part).join(',')}`
}

export interface TableInput {
  rules: readonly PolicyRule[]
  direction: Direction
  mode: EnforcementMode
  matches: ProbeMatches
  peerCount: number
  peerSets: PeerSets
  /** Requirements of the subject per section kind, already as peer bitsets (R5.6). */
  requires: { allow?: Bitset; deny?: Bitset }
}

export function buildDirectionTable(input: TableInput): DirectionTable {
  const { rules, direction, mode, matches, peerCount } = input
  const enforcing = rules.filter((rule) => rule.hasSection[direction])
  const defaultDenyBy = enforcing.filter((rule) => rule.defaultDeny[direction])
  const withPeers = (list: ProbeMatches['allows'], section: 'allow' | 'deny'): MatchedEntry[] =>
    list.map(({ entry, l7 }) => ({ entry, l7, peers: input.peerSets(entry, input.requires[section]) }))
  const denies = withPeers(matches.denies, 'deny')
  const allows = withPeers(matches.allows, 'allow')
  return {
    direction,
    enforcing,
    defaultDenyBy,
    isEnforced: mode === 'always' || enforcing.length > 0,
    isDefaultDeny: mode === 'always' || defaultDenyBy.length > 0,
    denies,
    allows,
    deniedPeers: union(denies, peerCount),
    allowedPeers: union(allows, peerCount)
  }
}

function union(entries: readonly MatchedEntry[], size: number): Bitset {
  const bits = createBitset(size)
  for (const entry of entries) orInto(bits, entry.peers)
  return bits
}

export function restrictToRequirements(peers: Bitset, requires: Bitset | undefined): Bitset {
  if (!requires) return peers
  const restricted = peers.slice()
  andInto(restricted, requires)
  return restricted
}

export type SideOutcome =
  | { decision: 'not-enforced' }
  | { decision: 'denied'; by: RuleEntry }
  | { decision: 'default-deny' }
  /** Allowed by these rules, or by the synthetic allow-all of `enableDefaultDeny: false` (R2.4). */
  | { decision: 'allowed'; by: MatchedEntry[]; synthetic: PolicyRule[] }

/**
 * The L3/L4 rule of one side, for 32 peers at once: bit i of `denied` and `allowed` says whether
 * a deny or an allow covering the probe selects peer i; bit i of the result whether that peer
 * passes. A side no policy enforces passes everything. A deny wins over every allow, whatever
 * their order or specificity. An enforced side passes only what an allow selects (default deny
 * on selection), unless every enforcing policy has `enableDefaultDeny` off for the direction:
 * then all that no deny selects passes. (cilium/cilium Documentation/security/policy/deny.rst:
 * deny policies take precedence over allow policies; a pod enters default-deny mode as soon as a
 * single policy selects it.) decidePeer and the whole-matrix path both decide through it.
 */
export function passingPeers(table: DirectionTable, denied: number, allowed: number): number {
  if (!table.isEnforced) return ~0 >>> 0
  return (~denied & (table.isDefaultDeny ? allowed : ~0)) >>> 0
}

/**
 * The L3/L4 decision of one side for one peer, with the rules behind it: passingPeers decides,
 * this names the deny, the allows or the default deny that made it so.
 */
export function decidePeer(table: DirectionTable, peerIndex: number): SideOutcome {
  const denied = hasBit(table.deniedPeers, peerIndex) ? 1 : 0
  const allowed = hasBit(table.allowedPeers, peerIndex) ? 1 : 0
  const passes = (passingPeers(table, denied, allowed) & 1) === 1
  if (passes && !table.isEnforced) return { decision: 'not-enforced' }
  if (!passes) {
    const deny = table.denies.find((matched) => hasBit(matched.peers, peerIndex))
    return deny ? { decision: 'denied', by: deny.entry } : { decision: 'default-deny' }
  }
  const by = table.allows.filter((matched) => hasBit(matched.peers, peerIndex))
  return { decision: 'allowed', by, synthetic: table.isDefaultDeny ? [] : table.enforcing }
}
