// Kubernetes NetworkPolicy as Cilium translates it (R10.1, R10.2). Deliberately not the
// CNP path: a KNP peer without from/to is "all identities", and only podSelector-only peers
// are confined to the policy namespace.
import type { EngineOptions } from '../../options.js'
import { parseLabelSelector } from '../../label-selector.js'
import type { Requirement, Selector } from '../../label-selector.js'
import type { PolicyDocument } from '../document.js'
import { networkPolicySpecOf } from '../validate/shapes.js'
import type { NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicyRule } from '../validate/shapes.js'
import { cidrRangeFrom, emptySections, NAMESPACE_KEY, NAMESPACE_LABEL_PREFIX } from '../rules.js'
import type { Direction, L4Match, Peer, PolicyRule, PortMatch, RuleEntry, Section } from '../rules.js'

export function normalizeNetworkPolicy(document: PolicyDocument, options: EngineOptions): PolicyRule {
  const spec = networkPolicySpecOf(document)
  const namespace = document.ref.namespace ?? 'default'
  const entries = emptySections()
  const ingress = spec.ingress ?? []
  const egress = spec.egress ?? []

  for (const [direction, rules] of [
    ['ingress', ingress],
    ['egress', egress]
  ] as const) {
    rules.forEach((rule, index) => {
      entries[direction].push(...translateRule(document, namespace, direction, rule, index, options))
    })
  }
  // The API server defaults policyTypes to Ingress (+ Egress when egress rules exist).
  const types = spec.policyTypes ?? (egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'])
  // "Convert the k8s default-deny model": an empty rule gives default deny that allows nothing.
  if (ingress.length === 0 && (types.includes('Ingress') || !types.includes('Egress'))) {
    entries.ingress.push(
      allowNothing(document, 'ingress', 'policyTypes includes Ingress and no ingress rule')
    )
  }
  if (egress.length === 0 && types.includes('Egress')) {
    entries.egress.push(allowNothing(document, 'egress', 'policyTypes includes Egress and no egress rule'))
  }
  const hasSection = { ingress: entries.ingress.length > 0, egress: entries.egress.length > 0 }
  return {
    policy: document.ref,
    subject: withNamespace(parseLabelSelector(spec.podSelector), namespace),
    entries,
    hasSection,
    defaultDeny: { ...hasSection }
  }
}

function allowNothing(document: PolicyDocument, section: Section, why: string): RuleEntry {
  return {
    ref: { policy: document.ref, section, index: -1 },
    isDeny: false,
    peer: { kind: 'nothing', why },
    l4: { kind: 'any' },
    requires: []
  }
}

function translateRule(
  document: PolicyDocument,
  namespace: string,
  direction: Direction,
  rule: NetworkPolicyRule,
  index: number,
  options: EngineOptions
): RuleEntry[] {
  const peersList = (direction === 'ingress' ? rule.from : rule.to) ?? []
  const l4 = translatePorts(rule.ports ?? [], options)
  const peers: Peer[] =
    peersList.length === 0 ? [{ kind: 'all' }] : peersList.map((p) => translatePeer(p, namespace))
  return peers.map((peer) => ({
    ref: { policy: document.ref, section: direction, index },
    isDeny: false,
    peer,
    l4,
    requires: []
  }))
}

function translatePeer(peer: NetworkPolicyPeer, namespace: string): Peer {
  if (peer.ipBlock) {
    const range = cidrRangeFrom(peer.ipBlock.cidr, peer.ipBlock.except ?? [])
    return range ? { kind: 'cidrs', ranges: [range] } : { kind: 'nothing', why: 'unparsable ipBlock' }
  }
  const hasNamespaces = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null
  const pods = parseLabelSelector(peer.podSelector)
  if (!hasNamespaces) return { kind: 'endpoints', selectors: [withNamespace(pods, namespace)] }
  // Namespace labels become identity labels under io.cilium.k8s.namespace.labels.<key>;
  // the namespace-exists requirement keeps reserved identities out, even for `{}`.
  const namespaces: Requirement[] = parseLabelSelector(peer.namespaceSelector).map((r) => ({
    ...r,
    source: 'k8s',
    key: NAMESPACE_LABEL_PREFIX + r.key
  }))
  const exists: Requirement = { source: 'k8s', key: NAMESPACE_KEY, operator: 'Exists', values: [] }
  return { kind: 'endpoints', selectors: [[...pods, ...namespaces, exists]] }
}

function withNamespace(selector: Selector, namespace: string): Selector {
  return [...selector, { source: 'k8s', key: NAMESPACE_KEY, operator: 'In', values: [namespace] }]
}

function translatePorts(list: readonly NetworkPolicyPort[], options: EngineOptions): L4Match {
  if (list.length === 0) return { kind: 'any' }
  const ports: PortMatch[] = list.map((entry) => {
    // A KNP port without protocol is TCP, unlike a CNP port (R10.1).
    const protocol = entry.protocol ?? 'TCP'
    const port = entry.port
    if (typeof port === 'string' && !/^\d+$/.test(port)) {
      return { protocols: [protocol], port: { name: port.toLowerCase() } }
    }
    if (port === undefined || port === null) return { protocols: [protocol], port: { from: 0, to: 65535 } }
    const from = Number(port)
    // endPort is honoured from 1.16 (commit 036ecab); through 1.15 only the start port counts.
    const end = typeof entry.endPort === 'number' && options.minor >= 16 ? entry.endPort : from
    return { protocols: [protocol], port: { from, to: Math.max(from, end) } }
  })
  return { kind: 'ports', groups: [{ ports }] }
}
