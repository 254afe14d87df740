// The whole matrix at once, for one probe: per pod identity, the identities it may reach.
// Used where only verdicts count (benchmarks, large topologies); reasons come from decideFlow.
import type { EngineOptions } from '../options.js'
import type { Direction } from '../policy/rules.js'
import { createBitset, hasBit } from './bitset.js'
import type { Bitset } from './bitset.js'
import type { DirectionTable } from './direction.js'
import type { Endpoint } from './identities.js'

/** The peers a side allows, or undefined when the side is not enforced (everything passes). */
function allowedPeers(table: DirectionTable, options: EngineOptions): Bitset | undefined {
  if (options.enforcement === 'never' || !table.isEnforced) return undefined
  // Without default deny the synthetic allow-all lets every peer in but the denied (R2.4).
  const allowed = table.isDefaultDeny ? table.allowedPeers.slice() : table.allowedPeers.map(() => ~0 >>> 0)
  for (let i = 0; i < allowed.length; i++) allowed[i] &= ~table.deniedPeers[i]
  return allowed
}

/** R3.3: a pair is reachable when the source's egress and the destination's ingress both allow it. */
export function reachableIdentities(
  endpoints: readonly Endpoint[],
  options: EngineOptions,
  tableFor: (endpoint: Endpoint, direction: Direction) => DirectionTable
): Bitset[] {
  const ingress = endpoints.map((endpoint) =>
    endpoint.kind === 'pod' ? allowedPeers(tableFor(endpoint, 'ingress'), options) : undefined
  )
  return endpoints
    .filter((endpoint) => endpoint.kind === 'pod')
    .map((source) => {
      const row =
        allowedPeers(tableFor(source, 'egress'), options) ?? createBitset(endpoints.length).fill(~0 >>> 0)
      for (const destination of endpoints) {
        const accepts = ingress[destination.index]
        if (accepts && !hasBit(accepts, source.index))
          row[destination.index >>> 5] &= ~(1 << (destination.index & 31))
      }
      return row
    })
}
