// The whole matrix at once, for one probe: per pod identity, the identities it may reach.
// Used where only verdicts count (benchmarks, large topologies); reasons come from decideFlow.
// Every rule is the per-flow path's: a side passes a peer by passingPeers, 32 peers a word.
import type { Direction } from '../policy/rules.js'
import { hasBit } from './bitset.js'
import type { Bitset } from './bitset.js'
import { passingPeers } from './direction.js'
import type { DirectionTable } from './direction.js'
import type { Endpoint } from './identities.js'

/** The peers a side lets through, as a bitset over the identity table. */
function passingRow(table: DirectionTable): Bitset {
  const row = new Uint32Array(table.allowedPeers.length)
  for (let i = 0; i < row.length; i++)
    row[i] = passingPeers(table, table.deniedPeers[i], table.allowedPeers[i])
  return row
}

/** A pair is reachable when the source's egress and the destination's ingress both pass it. */
export function reachableIdentities(
  endpoints: readonly Endpoint[],
  tableFor: (endpoint: Endpoint, direction: Direction) => DirectionTable
): Bitset[] {
  const ingress = endpoints.map((endpoint) =>
    endpoint.kind === 'pod' ? passingRow(tableFor(endpoint, 'ingress')) : undefined
  )
  return endpoints
    .filter((endpoint) => endpoint.kind === 'pod')
    .map((source) => {
      const row = passingRow(tableFor(source, 'egress'))
      for (const destination of endpoints) {
        const accepts = ingress[destination.index]
        if (accepts && !hasBit(accepts, source.index))
          row[destination.index >>> 5] &= ~(1 << (destination.index & 31))
      }
      return row
    })
}
