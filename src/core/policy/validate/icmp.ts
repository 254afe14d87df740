// ICMP rules (`icmps`) in one place: their shape, the CRD schema, the agent's checks and the
// type names (Cilium pkg/policy/api/icmp.go). Two name lists matter and they differ: the CRD
// pattern the API server applies to strings (1.16+), and the Go tables the agent decodes a name
// with for its family. A name must pass both. normalize/normalize-ports.ts is the one other place ICMP
// appears in the policy code.

import type { FieldPath } from '../../yaml-source.js'
import { agentError, at, field, listField } from './context.js'
import type { ValidationContext } from './context.js'
import type { SchemaNode } from './schema.js'
import { byMinor, listOf, object } from './schema-build.js'

export type IcmpFamily = 'IPv4' | 'IPv6'

/** An `icmps` entry of a valid policy, in pkg/policy/api/icmp.go's field names. */
export interface ICMPRule {
  fields?: ICMPField[] | null
}

export interface ICMPField {
  family?: IcmpFamily | null
  /** IntOrString: a type number or (1.16+) a type name. */
  type: number | string
}

const MAX_ICMP_FIELDS = 40

// The names in the CRD's ICMP type pattern (`ciliumnetworkpolicies.yaml`): it lacks
// `ExtendedEchoReply` and carries the misspelled `ExtendedEcho Reply`, which the Go decoder
// (the name tables of `pkg/policy/api/icmp.go`) then rejects.
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

// The schema, then the agent's own checks (R8.4).
const icmpField = object(
  {
    family: { type: 'string', enum: ['IPv4', 'IPv6'] },
    // 1.14–1.15: an integer 0–255; 1.16+: int-or-string, names checked by ICMP_TYPE_PATTERN.
    type: byMinor((minor) =>
      minor >= 16
        ? {
            type: 'intOrString',
            check: {
              test: matchesIcmpTypePattern,
              message: 'is not an ICMP type number or name',
              expected: 'a number 0–255, or a type name such as EchoRequest'
            }
          }
        : { type: 'integer', minimum: 0, maximum: 255 }
    )
  },
  { required: ['type'] }
)

/** ICMPRule of the CRD schema (pkg/policy/api/icmp.go). */
export const ICMP_RULE: SchemaNode = object({
  fields: byMinor((minor) => listOf(icmpField, minor >= 16 ? { maxItems: 40 } : {}))
})

export function checkIcmpRule(ctx: ValidationContext, rule: unknown, path: FieldPath): void {
  const fields = listField(rule, 'fields')
  if (fields.length > MAX_ICMP_FIELDS && ctx.options.minor < 16) {
    agentError(
      ctx,
      at(path, 'fields'),
      `too many ICMP types (${fields.length}), the max is ${MAX_ICMP_FIELDS}`,
      {
        expected: `at most ${MAX_ICMP_FIELDS} fields; add another icmps entry`
      }
    )
  }
  fields.forEach((entry, index) => checkIcmpField(ctx, entry, at(path, 'fields', index)))
}

function checkIcmpField(ctx: ValidationContext, entry: unknown, path: FieldPath): void {
  const family = field(entry, 'family') ?? 'IPv4'
  const type = field(entry, 'type')
  if ((family !== 'IPv4' && family !== 'IPv6') || ctx.options.minor < 16) return
  if (typeof type === 'number' && Number.isInteger(type) && (type < 0 || type > 255)) {
    agentError(ctx, at(path, 'type'), `ICMP type ${type} is out of range (R8.4)`, {
      value: type,
      expected: 'a number 0–255'
    })
  } else if (
    typeof type === 'string' &&
    matchesIcmpTypePattern(type) &&
    resolveIcmpType(family, type) === undefined
  ) {
    agentError(
      ctx,
      at(path, 'type'),
      `ICMP type name "${type}" does not exist for ${family}, so the policy cannot be decoded (R8.4)`,
      {
        value: type,
        expected: `a number 0–255 or one of the ${family} names: ${describeIcmpNames(family)}`
      }
    )
  }
}
