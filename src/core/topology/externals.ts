// Step 5 of topology generation: external endpoints (`world/<name>`) for the CIDR and world
// peers of the rules. CIDR rules never match pods (R7.1), so only an address outside the
// cluster can show what they allow or deny.
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

export function collectExternals(
  rules: readonly PolicyRule[],
  ports: readonly ServedPort[]
): ExternalEndpoint[] {
  const candidates: { name: string; ip: number; priority: number }[] = []
  for (const rule of rules) {
    for (const entries of Object.values(rule.entries)) {
      for (const { peer } of entries) {
        // R6.1: `world` and `all` match every external address; so does a wildcard peer (R5.5b).
        const isWorld =
          peer.kind === 'all' ||
          (peer.kind === 'entities' && peer.entities.some((entity) => entity === 'world' || entity === 'all'))
        if (isWorld) candidates.push({ ...INTERNET, priority: 0 })
        if (peer.kind === 'cidrs') candidates.push(...peer.ranges.flatMap(rangeAddresses))
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
    .map(([ip, name]) => ({ name, ip: formatIp(ip), ports: served.slice() }))
    .sort((a, b) => compareText(a.name, b.name))
}

/** One address inside the range and outside its excepts, and one inside each except (R7.2). */
function rangeAddresses(range: CidrRange): { name: string; ip: number; priority: number }[] {
  if (range.family !== 4) return [] // every probe is IPv4; IPv6 ranges cannot match one
  const addresses: { name: string; ip: number; priority: number }[] = []
  const inside = addressInside(range, range.except)
  if (inside !== undefined) addresses.push({ name: blockName(range), ip: inside, priority: 1 })
  for (const except of range.except) {
    const ip = addressInside(except, [])
    if (ip !== undefined) addresses.push({ name: blockName(except), ip, priority: 1 })
  }
  return addresses
}

/**
 * A readable address in the block (the tenth host, or 203.0.113.10 for very wide blocks such
 * as 0.0.0.0/0), stepping past any except block that covers it; undefined when excepts cover all.
 */
function addressInside(block: Block, excepts: readonly Block[]): number | undefined {
  const size = 2 ** (32 - block.prefix)
  const last = block.network + size - 1
  let ip =
    block.prefix < 8 && cidrContains(block, INTERNET.ip)
      ? INTERNET.ip
      : block.network + Math.min(10, size - 1)
  for (;;) {
    const hit = excepts.find((except) => cidrContains(except, ip))
    if (!hit) return ip
    ip = hit.network + 2 ** (32 - hit.prefix)
    if (ip > last) return undefined
  }
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
