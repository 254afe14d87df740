// ICMP type names (cilium-crd-fields.md §10, R8.4). Two lists matter and they differ: the CRD
// pattern the API server applies to strings (1.16+), and the Go tables the agent decodes a name
// with for its family. A name must pass both.

import { ICMPV4_TYPES, ICMPV6_TYPES, icmpTypeNumber } from '../icmp-types.js'

export type IcmpFamily = 'IPv4' | 'IPv6'

// The CRD pattern's names: it lacks `ExtendedEchoReply` and carries the misspelled
// `ExtendedEcho Reply`, which the Go decoder then rejects (§10).
const PATTERN_NAMES: ReadonlySet<string> = new Set([
  'EchoReply',
  'DestinationUnreachable',
  'Redirect',
  'Echo',
  'RouterAdvertisement',
  'RouterSelection',
  'TimeExceeded',
  'ParameterProblem',
  'Timestamp',
  'TimestampReply',
  'Photuris',
  'ExtendedEchoRequest',
  'ExtendedEcho Reply',
  'PacketTooBig',
  'EchoRequest',
  'MulticastListenerQuery',
  'MulticastListenerReport',
  'MulticastListenerDone',
  'RouterSolicitation',
  'NeighborSolicitation',
  'NeighborAdvertisement',
  'RedirectMessage',
  'RouterRenumbering',
  'ICMPNodeInformationQuery',
  'ICMPNodeInformationResponse',
  'InverseNeighborDiscoverySolicitation',
  'InverseNeighborDiscoveryAdvertisement',
  'HomeAgentAddressDiscoveryRequest',
  'HomeAgentAddressDiscoveryReply',
  'MobilePrefixSolicitation',
  'MobilePrefixAdvertisement',
  'DuplicateAddressRequestCodeSuffix',
  'DuplicateAddressConfirmationCodeSuffix'
])

const ICMP_NUMBER = /^(0|[1-9][0-9]{0,2})$/

/** ICMP_TYPE_PATTERN (1.16+): a number 0–255 without leading zeros, or one of the pattern's names. */
export function matchesIcmpTypePattern(text: string): boolean {
  if (ICMP_NUMBER.test(text)) return Number(text) <= 255
  return PATTERN_NAMES.has(text)
}

function tableFor(family: IcmpFamily): Readonly<Record<string, number>> {
  return family === 'IPv6' ? ICMPV6_TYPES : ICMPV4_TYPES
}

/** The type number a field's `type` stands for in its family, or undefined when Cilium cannot decode it. */
export function resolveIcmpType(family: IcmpFamily, type: number | string): number | undefined {
  return icmpTypeNumber(type, family === 'IPv6' ? 6 : 4)
}

/** `EchoRequest (8), …` for messages. */
export function describeIcmpNames(family: IcmpFamily): string {
  return Object.entries(tableFor(family))
    .map(([name, value]) => `${name} (${value})`)
    .join(', ')
}
