// Step 5 of topology generation: external endpoints (`world/<name>`) for the CIDR and world
// peers of the rules. CIDR rules never match pods (R7.1), so only an address outside the
// cluster can show what they allow or deny. Every generated external is also a source
// (`source: true`): it sends to every pod, so fromEntities, fromCIDR, fromCIDRSet and CIDR-group
// ingress rules are evaluated, and a change to them shows in the diff.
import { cidrContains } from '../cidr.js'
import type { ExternalEndpoint, ServedPort } from '../model.js'
import type { CidrRange, PolicyRule } from '../policy/rules.js'
import { claimName, toDnsLabel } from './names.js'
import { compareText } from './selector-set.js'

/** The generic external for `world`/`all` peers: 203.0.113.10 in TEST-NET-3 (RFC 5737). */
export const INTERNET = { name: 'internet', ip: ipNumber(203, 0, 113, 10) }

interface Block {
  network: number
  prefix: number
  text: string
}

/**
 * A range with more excepts than this gets a representative address for the first ones in
 * address order only: each representative is an external every pod probes, and one policy with
 * thousands of excepts would otherwise turn into thousands of endpoints.
 */
export const MAX_EXCEPT_ADDRESSES = 16

interface Candidate {
  name: string
  ip: number
  priority: number
}

export function collectExternals(
  rules: readonly PolicyRule[],
  ports: readonly ServedPort[]
): ExternalEndpoint[] {
  const candidates: Candidate[] = []
  for (const rule of rules) {
    for (const entries of Object.values(rule.entries)) {
      for (const { peer } of entries) {
        // R6.1: `world` and `all` match every external address; so does a wildcard peer (R5.5b).
        const isWorld =
          peer.kind === 'all' ||
          (peer.kind === 'entities' && peer.entities.some((entity) => entity === 'world' || entity === 'all'))
        if (isWorld) candidates.push({ ...INTERNET, priority: 0 })
        // One by one: a spread of a long list overflows the call stack.
        if (peer.kind === 'cidrs') for (const range of peer.ranges) appendRangeAddresses(candidates, range)
      }
    }
  }
  // The same address from two rules is one endpoint; the generic internet keeps its name.
  candidates.sort((a, b) => a.priority - b.priority || compareText(a.name, b.name) || a.ip - b.ip)
  const byIp = new Map<number, string>()
  const taken = new Set<string>()
  for (const candidate of candidates) {
    if (!byIp.has(candidate.ip)) byIp.set(candidate.ip, claimName(candidate.name, taken))
  }
  // Container-port names mean nothing outside the cluster; the numbers stay.
  const served = ports.map(({ protocol, port }): ServedPort =>
    Object.freeze(port === undefined ? { protocol } : { protocol, port })
  )
  return [...byIp.entries()]
    .map(([ip, name]) => ({ name, ip: formatIp(ip), ports: served.slice(), source: true }))
    .sort((a, b) => compareText(a.name, b.name))
}

/**
 * One address inside the range and outside its excepts, and one inside each except (R7.2), for
 * at most MAX_EXCEPT_ADDRESSES excepts. Linear after one sort, whatever the number of excepts.
 */
function appendRangeAddresses(candidates: Candidate[], range: CidrRange): void {
  if (range.family !== 4) return // every probe is IPv4; IPv6 ranges cannot match one
  const excepts = range.except.slice().sort((a, b) => a.network - b.network || a.prefix - b.prefix)
  const inside = addressInside(range, mergeBlocks(excepts))
  if (inside !== undefined) candidates.push({ name: blockName(range), ip: inside, priority: 1 })
  for (const except of excepts.slice(0, MAX_EXCEPT_ADDRESSES)) {
    candidates.push({ name: blockName(except), ip: preferredAddress(except), priority: 1 })
  }
}

interface Interval {
  first: number
  last: number
}

/** Blocks sorted by network → disjoint intervals in address order (nested and adjacent merged). */
function mergeBlocks(blocks: readonly Block[]): Interval[] {
  const merged: Interval[] = []
  for (const block of blocks) {
    const first = block.network
    const last = block.network + 2 ** (32 - block.prefix) - 1
    const previous = merged[merged.length - 1]
    if (previous && first <= previous.last + 1) previous.last = Math.max(previous.last, last)
    else merged.push({ first, last })
  }
  return merged
}

/**
 * A readable address in the block (see preferredAddress), stepping past the except intervals
 * that cover it; failing that, the first free address from the block's start; undefined when the
 * excepts cover the whole block.
 */
function addressInside(block: Block, excepts: readonly Interval[]): number | undefined {
  const last = block.network + 2 ** (32 - block.prefix) - 1
  for (const start of [preferredAddress(block), block.network]) {
    const ip = firstFree(start, excepts)
    if (ip <= last) return ip
  }
  return undefined
}

/** The first address at or after `ip` outside every interval (sorted, disjoint). */
function firstFree(ip: number, intervals: readonly Interval[]): number {
  // Binary search for the first interval that ends at or after ip; the rest are in order.
  let low = 0
  let high = intervals.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (intervals[middle].last < ip) low = middle + 1
    else high = middle
  }
  let free = ip
  for (let i = low; i < intervals.length && intervals[i].first <= free; i++) free = intervals[i].last + 1
  return free
}

/** The tenth host of the block, or 203.0.113.10 for very wide blocks such as 0.0.0.0/0. */
function preferredAddress(block: Block): number {
  const size = 2 ** (32 - block.prefix)
  return block.prefix < 8 && cidrContains(block, INTERNET.ip)
    ? INTERNET.ip
    : block.network + Math.min(10, size - 1)
}

/** `1.1.1.0/24` → `cidr-1-1-1-0-24`. */
function blockName(block: Block): string {
  return toDnsLabel(`cidr-${block.text}`, 'cidr')
}

function ipNumber(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0
}

function formatIp(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.')
}
