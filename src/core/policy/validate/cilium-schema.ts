// The CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy CRD schema (identical for both
// kinds), as cilium-crd-fields.md Appendix A lists it for 1.18, with the availability column
// turned into `since` and the constraints that changed between 1.15 and 1.18 into `byMinor`.
import { ICMP_RULE } from './icmp.js'
import { fqdnSelector, l7Rules, listener, tlsContext } from './cilium-schema-l7.js'
import { isDnsSubdomain, isServerName, matchesPortPattern, parseIp, parsePrefix } from './net.js'
import type { CiliumMinor } from '../../options.js'
import type { SchemaNode } from './schema.js'
import {
  any,
  bool,
  byMinor,
  CIDR_PREFIX_CHECK,
  emptiedIn,
  LABEL_SELECTOR,
  listOf,
  object,
  since,
  string,
  stringMap
} from './schema-build.js'

export const ENTITIES = [
  'all',
  'world',
  'cluster',
  'host',
  'init',
  'ingress',
  'unmanaged',
  'remote-node',
  'health',
  'none',
  'kube-apiserver'
] as const
const CNP_PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ANY'] as const
/**
 * 1.19 adds the portless IP protocols VRRP and IGMP to the enum and makes `port` optional
 * (cilium/cilium v1.19 `pkg/policy/api/l4.go` PortProtocol; the agent's checks are in
 * cilium-ports.ts).
 */
const CNP_PROTOCOLS_1_19 = [...CNP_PROTOCOLS.slice(0, 3), 'VRRP', 'IGMP', 'ANY'] as const

// 1.14–1.15 used a CIDR regex; 1.16+ `format: cidr`, which refuses a bare address (R12.1).
const cidrString = byMinor((minor) =>
  minor >= 16
    ? { type: 'string', check: CIDR_PREFIX_CHECK }
    : {
        type: 'string',
        check: {
          test: (value) => parsePrefix(value) !== undefined || parseIp(value) !== undefined,
          message: 'is not a CIDR prefix or IP address',
          expected: CIDR_PREFIX_CHECK.expected
        }
      }
)

const portProtocolOf = (minor: CiliumMinor): SchemaNode =>
  object(
    {
      port: {
        type: 'string',
        check: {
          test: matchesPortPattern,
          message: 'is neither a port number nor a port name',
          expected: 'a quoted port number such as "80", or a port name such as "http"'
        }
      },
      endPort: since(16, { type: 'integer', minimum: 0, maximum: 65535 }),
      protocol: { type: 'string', enum: minor >= 19 ? CNP_PROTOCOLS_1_19 : CNP_PROTOCOLS }
    },
    minor >= 19 ? {} : { required: ['port'] }
  )

// `ports` gets its CRD limit of 40 in 1.16; the agent enforces it in every version (checked there).
const portList = byMinor((minor) => listOf(portProtocolOf(minor), minor >= 16 ? { maxItems: 40 } : {}))

const portRule = object({
  ports: portList,
  rules: l7Rules,
  serverNames: byMinor((minor) =>
    minor >= 18
      ? listOf(
          {
            type: 'string',
            maxLength: 255,
            check: {
              test: isServerName,
              message: 'is not a server name',
              expected: 'a DNS name, e.g. api.example.com'
            }
          },
          { minItems: 1 }
        )
      : listOf(string)
  ),
  terminatingTLS: tlsContext,
  originatingTLS: tlsContext,
  listener
})

const portDenyRule = object({ ports: byMinor((minor) => listOf(portProtocolOf(minor))) })

const cidrRule = byMinor((minor) =>
  object(
    {
      cidr: cidrString,
      cidrGroupRef: {
        type: 'string',
        check: {
          test: isDnsSubdomain,
          message: 'is not a valid CiliumCIDRGroup name',
          expected: 'a lowercase DNS subdomain of at most 253 characters'
        }
      },
      cidrGroupSelector: since(17, LABEL_SELECTOR),
      except: listOf(cidrString)
    },
    {
      combinators: [
        {
          rule: 'oneOf',
          keys: minor >= 17 ? ['cidr', 'cidrGroupRef', 'cidrGroupSelector'] : ['cidr', 'cidrGroupRef']
        }
      ]
    }
  )
)

const groups = object({
  aws: object({
    labels: stringMap,
    securityGroupsIds: listOf(string),
    securityGroupsNames: listOf(string),
    region: string
  })
})

const service = object({
  k8sService: object({ serviceName: string, namespace: string }),
  k8sServiceSelector: object({ selector: LABEL_SELECTOR, namespace: string }, { required: ['selector'] })
})

const authentication = object(
  { mode: { type: 'string', enum: ['disabled', 'required', 'test-always-fail'] } },
  { required: ['mode'] }
)

const selectors = listOf(LABEL_SELECTOR)
const ingressCommon = {
  fromEndpoints: selectors,
  fromRequires: emptiedIn(19, 'fromEndpoints selectors that carry the required labels', selectors),
  fromCIDR: listOf(cidrString),
  fromCIDRSet: listOf(cidrRule),
  fromEntities: listOf({ type: 'string', enum: ENTITIES }),
  fromNodes: since(16, selectors),
  fromGroups: since(16, listOf(groups)),
  icmps: listOf(ICMP_RULE)
}
const egressCommon = {
  toEndpoints: selectors,
  toRequires: emptiedIn(19, 'toEndpoints selectors that carry the required labels', selectors),
  toCIDR: listOf(cidrString),
  toCIDRSet: listOf(cidrRule),
  toEntities: listOf({ type: 'string', enum: ENTITIES }),
  toServices: listOf(service),
  toGroups: listOf(groups),
  toNodes: since(16, selectors),
  icmps: listOf(ICMP_RULE)
}

const SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'] as const

const rule = object(
  {
    endpointSelector: LABEL_SELECTOR,
    nodeSelector: LABEL_SELECTOR,
    ingress: listOf(object({ ...ingressCommon, toPorts: listOf(portRule), authentication })),
    ingressDeny: listOf(object({ ...ingressCommon, toPorts: listOf(portDenyRule) })),
    egress: listOf(
      object({ ...egressCommon, toFQDNs: listOf(fqdnSelector), toPorts: listOf(portRule), authentication })
    ),
    egressDeny: listOf(object({ ...egressCommon, toPorts: listOf(portDenyRule) })),
    enableDefaultDeny: since(16, object({ ingress: bool, egress: bool })),
    labels: listOf(object({ key: string, value: string, source: string }, { required: ['key'] })),
    description: string,
    log: since(
      18,
      object({
        value: {
          type: 'string',
          maxLength: 32,
          check: {
            test: (v) => /^\P{C}*$/u.test(v),
            message: 'has unprintable characters',
            expected: 'printable text'
          }
        }
      })
    )
  },
  {
    combinators: [
      { rule: 'oneOf', keys: ['endpointSelector', 'nodeSelector'] },
      { rule: 'anyOf', keys: SECTIONS, since: 18 }
    ]
  }
)

/** The whole object; `metadata` is checked apart (metadata.ts). */
export const CILIUM_POLICY_SCHEMA: SchemaNode = object({
  apiVersion: string,
  kind: string,
  metadata: any,
  spec: rule,
  specs: listOf(rule),
  status: any
})
