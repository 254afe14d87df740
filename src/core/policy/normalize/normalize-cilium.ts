// CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy into PolicyRules, following the
// agent's own translation (pkg/k8s/apis/cilium.io/utils, pkg/policy/api, pkg/policy/rule.go).
import type { EngineOptions } from '../../options.js'
import { constrainsKey, indexLabels, matchesSelector, parseLabelSelector } from '../../label-selector.js'
import type { Requirement, Selector } from '../../label-selector.js'
import type { CidrGroup, PolicyDocument } from '../document.js'
import { ciliumRulesOf } from '../validate/shapes.js'
import type { CIDRRule, CiliumPeerRule, CiliumRule, LabelSelector, Maybe } from '../validate/shapes.js'
import { translateL4 } from './normalize-ports.js'
import { cidrRangeFrom, emptySections, NAMESPACE_KEY, NAMESPACE_LABEL_PREFIX } from '../rules.js'
import type { CidrRange, Direction, Peer, PolicyRule, RuleEntry, Section } from '../rules.js'

type PeerField = Exclude<keyof CiliumPeerRule, 'fromRequires' | 'toRequires' | 'toPorts' | 'icmps'>

const PEER_FIELDS: Record<Direction, readonly PeerField[]> = {
  ingress: ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'],
  egress: ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toGroups', 'toNodes', 'toFQDNs']
}
const SECTIONS: readonly { section: Section; direction: Direction; isDeny: boolean }[] = [
  { section: 'ingress', direction: 'ingress', isDeny: false },
  { section: 'ingressDeny', direction: 'ingress', isDeny: true },
  { section: 'egress', direction: 'egress', isDeny: false },
  { section: 'egressDeny', direction: 'egress', isDeny: true }
]

interface Context {
  document: PolicyDocument
  specIndex?: number
  options: EngineOptions
  groups: readonly CidrGroup[]
  /** The namespace a CNP confines its selectors to; undefined for a CCNP. */
  namespace?: string
}

export function normalizeCiliumPolicy(
  document: PolicyDocument,
  options: EngineOptions,
  groups: readonly CidrGroup[]
): PolicyRule[] {
  const namespace =
    document.ref.kind === 'CiliumNetworkPolicy' ? (document.ref.namespace ?? 'default') : undefined
  return ciliumRulesOf(document)
    .filter(({ rule }) => rule.nodeSelector === undefined) // host policies: host firewall is off (R4.4)
    .map(({ rule, specIndex }) => normalizeRule(rule, { document, specIndex, options, groups, namespace }))
}

function normalizeRule(spec: CiliumRule, context: Context): PolicyRule {
  const entries = emptySections()
  for (const { section, direction, isDeny } of SECTIONS) {
    ;(spec[section] ?? []).forEach((rule, index) => {
      entries[section].push(translateEntry(rule, section, direction, isDeny, index, context))
    })
  }
  const hasSection = {
    ingress: entries.ingress.length + entries.ingressDeny.length > 0,
    egress: entries.egress.length + entries.egressDeny.length > 0
  }
  return {
    policy: context.document.ref,
    specIndex: context.specIndex,
    subject: subjectSelector(spec.endpointSelector, context.namespace),
    entries,
    hasSection,
    defaultDeny: {
      ingress: hasSection.ingress && wantsDefaultDeny(spec, 'ingress', context.options),
      egress: hasSection.egress && wantsDefaultDeny(spec, 'egress', context.options)
    }
  }
}

/** R2.4: `enableDefaultDeny` exists from 1.16; from 1.17 the agent flag can switch it off. */
function wantsDefaultDeny(spec: CiliumRule, direction: Direction, options: EngineOptions): boolean {
  const honoured = options.minor >= 16 && (options.minor < 17 || options.agent.enableNonDefaultDenyPolicies)
  const flag = spec.enableDefaultDeny?.[direction]
  return honoured && typeof flag === 'boolean' ? flag : true
}

/** R4.1: a CNP's subject is forced into the CNP's namespace; a k8s-sourced namespace key is overwritten. */
function subjectSelector(written: Maybe<LabelSelector>, namespace: string | undefined): Selector {
  const selector = parseLabelSelector(written)
  if (namespace === undefined) return selector
  return [
    ...selector.filter((r) => !(r.key === NAMESPACE_KEY && r.source === 'k8s')),
    { source: 'k8s', key: NAMESPACE_KEY, operator: 'In', values: [namespace] }
  ]
}

function translateEntry(
  rule: CiliumPeerRule,
  section: Section,
  direction: Direction,
  isDeny: boolean,
  index: number,
  context: Context
): RuleEntry {
  const requires = ((direction === 'ingress' ? rule.fromRequires : rule.toRequires) ?? []).map((selector) =>
    peerSelector(selector, context)
  )
  return {
    ref: { policy: context.document.ref, specIndex: context.specIndex, section, index },
    isDeny,
    peer: translatePeer(rule, direction, context),
    l4: translateL4(rule, context.options, isDeny),
    requires
  }
}

function translatePeer(rule: CiliumPeerRule, direction: Direction, context: Context): Peer {
  const present = PEER_FIELDS[direction].filter((field) => Array.isArray(rule[field]))
  const nonEmpty = present.filter((field) => (rule[field] ?? []).length > 0)
  const hasL4 = (rule.toPorts ?? []).length > 0 || (rule.icmps ?? []).length > 0
  if (nonEmpty.length === 0) {
    // R5.5c: from 1.16 an explicit empty list selects nothing (commit e97df7b).
    if (present.length > 0 && context.options.minor >= 16) {
      return { kind: 'nothing', why: `${present[0]} is an empty list` }
    }
    // R5.5a/b: no peer at all is a wildcard when ports or ICMP types are given, else nothing.
    return hasL4 ? { kind: 'all' } : { kind: 'nothing', why: 'the rule names no peer and no ports' }
  }
  const field = nonEmpty[0]
  switch (field) {
    case 'fromEndpoints':
    case 'toEndpoints':
      return { kind: 'endpoints', selectors: (rule[field] ?? []).map((s) => peerSelector(s, context)) }
    case 'fromEntities':
    case 'toEntities':
      return { kind: 'entities', entities: [...(rule[field] ?? [])] }
    case 'fromCIDR':
    case 'toCIDR':
      return cidrPeer((rule[field] ?? []).flatMap((cidr) => cidrRangeFrom(cidr, []) ?? []))
    case 'fromCIDRSet':
    case 'toCIDRSet':
      return cidrPeer((rule[field] ?? []).flatMap((entry) => cidrSetRanges(entry, context.groups)))
    default:
      return { kind: 'unresolved', why: `${field} cannot be resolved without a cluster` }
  }
}

function cidrPeer(ranges: CidrRange[]): Peer {
  return ranges.length > 0 ? { kind: 'cidrs', ranges } : { kind: 'nothing', why: 'no usable CIDR' }
}

/** R7.2, R7.8: a CIDRSet entry is a CIDR or the CIDRs of the referenced groups, minus `except`. */
function cidrSetRanges(entry: CIDRRule, groups: readonly CidrGroup[]): CidrRange[] {
  const except = entry.except ?? []
  let cidrs: string[] = []
  if (typeof entry.cidr === 'string') cidrs = [entry.cidr]
  else if (typeof entry.cidrGroupRef === 'string') {
    cidrs = groups.filter((g) => g.name === entry.cidrGroupRef).flatMap((g) => g.externalCIDRs)
  } else if (entry.cidrGroupSelector) {
    const selector = parseLabelSelector(entry.cidrGroupSelector)
    cidrs = groups
      .filter((g) => matchesSelector(selector, indexLabels(labelsOf(g.labels))))
      .flatMap((g) => g.externalCIDRs)
  }
  return cidrs.flatMap((cidr) => cidrRangeFrom(cidr, except) ?? [])
}

function labelsOf(
  labels: Readonly<Record<string, string>>
): { source: string; key: string; value: string }[] {
  return Object.entries(labels).map(([key, value]) => ({ source: 'k8s', key, value }))
}

/**
 * R5.1 / R5.2: a CNP peer selector is confined to the policy's namespace unless it names a
 * namespace, (1.16+) namespace labels, or a reserved label; a CCNP one is confined to pods.
 */
function peerSelector(written: LabelSelector, context: Context): Selector {
  const selector = parseLabelSelector(written)
  const namesNamespace = constrainsKey(selector, (key) => key === NAMESPACE_KEY)
  const usesReserved = selector.some((r) => r.source === 'reserved')
  if (namesNamespace || usesReserved) return selector
  if (context.namespace === undefined) {
    const exists: Requirement = { source: 'k8s', key: NAMESPACE_KEY, operator: 'Exists', values: [] }
    return [...selector, exists]
  }
  const namesNamespaceLabels = constrainsKey(selector, (key) => key.startsWith(NAMESPACE_LABEL_PREFIX))
  if (namesNamespaceLabels && context.options.minor >= 16) return selector
  return [...selector, { source: 'k8s', key: NAMESPACE_KEY, operator: 'In', values: [context.namespace] }]
}
