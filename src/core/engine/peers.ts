// Which identities a rule's peer selects (R5, R6, R7). Computed once per rule entry as a
// bitset over the identity table, so deciding a subject against all peers stays cheap.
import { cidrContains } from '../cidr.js'
import { NAMESPACE_KEY } from '../policy/rules.js'
import type { CidrRange, Peer } from '../policy/rules.js'
import { matchesSelector } from '../label-selector.js'
import type { Selector } from '../label-selector.js'
import { createBitset, orInto, setBit } from './bitset.js'
import type { Bitset } from './bitset.js'
import type { Endpoint } from './identities.js'

export function matchesPeer(peer: Peer, endpoint: Endpoint): boolean {
  switch (peer.kind) {
    case 'all':
      return true
    case 'nothing':
    case 'unresolved':
      return false
    case 'endpoints':
      return peer.selectors.some((selector) => matchesSelector(selector, endpoint.labels))
    case 'entities':
      return peer.entities.some((entity) => matchesEntity(entity, endpoint))
    case 'cidrs':
      return peer.ranges.some((range) => matchesCidr(range, endpoint))
  }
}

/**
 * R6.1, restricted to what a topology holds (pods and external endpoints): `all` is
 * everything, `world` the externals, `cluster` every pod; host, remote-node, health and the
 * other reserved entities name no pod and no external address.
 */
export function matchesEntity(entity: string, endpoint: Endpoint): boolean {
  switch (entity) {
    case 'all':
      return true
    case 'world':
      return endpoint.kind === 'world'
    case 'cluster':
      return endpoint.kind === 'pod'
    default:
      return false
  }
}

/** R7.1: a CIDR never selects a Cilium-managed pod, whatever its address. */
function matchesCidr(range: CidrRange, endpoint: Endpoint): boolean {
  if (endpoint.kind !== 'world' || endpoint.ip === undefined || range.family !== 4) return false
  if (!cidrContains(range, endpoint.ip)) return false
  return !range.except.some((except) => cidrContains(except, endpoint.ip!))
}

/**
 * Bitsets of the identities each distinct selector matches, computed once per selector:
 * policies repeat the same selectors a lot, and a selector pinned to one namespace only
 * scans that namespace's identities.
 */
export class SelectorIndex {
  private readonly cache = new Map<string, Bitset>()
  private readonly bySelector = new WeakMap<Selector, Bitset>()
  private readonly byNamespace = new Map<string, Endpoint[]>()

  constructor(private readonly endpoints: readonly Endpoint[]) {
    for (const endpoint of endpoints) {
      if (endpoint.namespace === undefined) continue
      const group = this.byNamespace.get(endpoint.namespace)
      if (group) group.push(endpoint)
      else this.byNamespace.set(endpoint.namespace, [endpoint])
    }
  }

  matching(selector: Selector): Bitset {
    const known = this.bySelector.get(selector)
    if (known) return known
    const key = selectorKey(selector)
    let bits = this.cache.get(key)
    if (!bits) {
      bits = createBitset(this.endpoints.length)
      const namespace = pinnedNamespace(selector)
      const candidates = namespace === undefined ? this.endpoints : (this.byNamespace.get(namespace) ?? [])
      for (const endpoint of candidates)
        if (matchesSelector(selector, endpoint.labels)) setBit(bits, endpoint.index)
      this.cache.set(key, bits)
    }
    this.bySelector.set(selector, bits)
    return bits
  }

  peers(peer: Peer): Bitset {
    if (peer.kind === 'endpoints') {
      const bits = createBitset(this.endpoints.length)
      for (const selector of peer.selectors) orInto(bits, this.matching(selector))
      return bits
    }
    const bits = createBitset(this.endpoints.length)
    for (const endpoint of this.endpoints) if (matchesPeer(peer, endpoint)) setBit(bits, endpoint.index)
    return bits
  }
}

function selectorKey(selector: Selector): string {
  return selector.map((r) => `${r.source}:${r.key} ${r.operator} ${r.values.join(',')}`).join(';')
}

function pinnedNamespace(selector: Selector): string | undefined {
  const requirement = selector.find(
    (r) => r.key === NAMESPACE_KEY && r.source !== 'reserved' && r.operator === 'In' && r.values.length === 1
  )
  return requirement?.values[0]
}

/** R5.6: requirements restrict endpoint-selector peers only, never entities, CIDRs or wildcards. */
export function requirementBitset(requires: readonly Selector[], endpoints: readonly Endpoint[]): Bitset {
  const bits = createBitset(endpoints.length)
  for (const endpoint of endpoints) {
    if (requires.every((selector) => matchesSelector(selector, endpoint.labels))) setBit(bits, endpoint.index)
  }
  return bits
}
