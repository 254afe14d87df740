// ICMP type names (cilium-crd-fields.md §10, R8.4). Two lists matter and they differ: the CRD
// pattern the API server applies to strings (1.16+), and the Go tables the agent decodes a name
// with for its family. A name must pass both.

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

// ICMP type names Cilium accepts in `icmps[].fields[].type` (1.16+, pkg/policy/api/icmp.go).
// A name that does not exist for its family makes the object undecodable (R8.4).
export const ICMPV4_TYPES: Readonly<Record<string, number>> = {
  EchoReply: 0,
  DestinationUnreachable: 3,
  Redirect: 5,
  Echo: 8,
  EchoRequest: 8,
  RouterAdvertisement: 9,
  RouterSelection: 10,
  TimeExceeded: 11,
  ParameterProblem: 12,
  Timestamp: 13,
  TimestampReply: 14,
  Photuris: 40,
  ExtendedEchoRequest: 42,
  ExtendedEchoReply: 43
}

export const ICMPV6_TYPES: Readonly<Record<string, number>> = {
  DestinationUnreachable: 1,
  PacketTooBig: 2,
  TimeExceeded: 3,
  ParameterProblem: 4,
  EchoRequest: 128,
  EchoReply: 129,
  MulticastListenerQuery: 130,
  MulticastListenerReport: 131,
  MulticastListenerDone: 132,
  RouterSolicitation: 133,
  RouterAdvertisement: 134,
  NeighborSolicitation: 135,
  NeighborAdvertisement: 136,
  RedirectMessage: 137,
  RouterRenumbering: 138,
  ICMPNodeInformationQuery: 139,
  ICMPNodeInformationResponse: 140,
  InverseNeighborDiscoverySolicitation: 141,
  InverseNeighborDiscoveryAdvertisement: 142,
  HomeAgentAddressDiscoveryRequest: 144,
  HomeAgentAddressDiscoveryReply: 145,
  MobilePrefixSolicitation: 146,
  MobilePrefixAdvertisement: 147,
  DuplicateAddressRequestCodeSuffix: 157,
  DuplicateAddressConfirmationCodeSuffix: 158,
  ExtendedEchoRequest: 160,
  ExtendedEchoReply: 161
}

/** The ping reachdiff probes: ICMP echo request. */
export const ICMP_ECHO_REQUEST: Readonly<Record<4 | 6, number>> = { 4: 8, 6: 128 }

/** The numeric type for a written type (number, decimal without leading zeros, or name), or undefined. */
export function icmpTypeNumber(written: unknown, family: 4 | 6): number | undefined {
  if (typeof written === 'number')
    return Number.isInteger(written) && written >= 0 && written <= 255 ? written : undefined
  if (typeof written !== 'string') return undefined
  if (/^(0|[1-9][0-9]{0,2})$/.test(written)) return Number(written) <= 255 ? Number(written) : undefined
  const names = family === 4 ? ICMPV4_TYPES : ICMPV6_TYPES
  return Object.hasOwn(names, written) ? names[written] : undefined
}
