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
