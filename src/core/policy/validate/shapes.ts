// The shapes of a policy that passed validation, in the upstream APIs' own field names:
// k8s.io/api networking/v1 types.go (NetworkPolicySpec, ...Peer, ...Port, IPBlock) and Cilium's
// pkg/policy/api (rule.go, ingress.go, egress.go, l4.go, icmp.go, cidr.go, http.go).
// Normalisation reads only these. The schema walk (schema.ts) checks every field of a document
// against the API's schema, and a document is valid only without errors, so these types hold
// for it. The walk skips a field set to YAML `null` like an absent one, hence `Maybe`.
import type { PolicyDocument } from '../document.js'
import { isRecord } from './context.js'
import type { ICMPRule } from './icmp.js'

export type Maybe<T> = T | null | undefined

/** metav1.LabelSelector; Cilium's selectors add source prefixes to the keys (`k8s:`, `reserved:`). */
export interface LabelSelector {
  matchLabels?: Maybe<Record<string, string>>
  matchExpressions?: Maybe<{ key: string; operator: string; values?: Maybe<string[]> }[]>
}

export interface NetworkPolicySpec {
  podSelector?: Maybe<LabelSelector>
  ingress?: Maybe<NetworkPolicyRule[]>
  egress?: Maybe<NetworkPolicyRule[]>
  policyTypes?: Maybe<('Ingress' | 'Egress')[]>
}

/** NetworkPolicyIngressRule (`from`) and NetworkPolicyEgressRule (`to`). */
export interface NetworkPolicyRule {
  from?: Maybe<NetworkPolicyPeer[]>
  to?: Maybe<NetworkPolicyPeer[]>
  ports?: Maybe<NetworkPolicyPort[]>
}

export interface NetworkPolicyPeer {
  podSelector?: Maybe<LabelSelector>
  namespaceSelector?: Maybe<LabelSelector>
  ipBlock?: Maybe<{ cidr: string; except?: Maybe<string[]> }>
}

export interface NetworkPolicyPort {
  protocol?: Maybe<'TCP' | 'UDP' | 'SCTP'>
  /** IntOrString: a number or a named port. */
  port?: Maybe<number | string>
  endPort?: Maybe<number>
}

/** One rule of a CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy (`spec`, or an item of `specs`). */
export interface CiliumRule {
  endpointSelector?: Maybe<LabelSelector>
  nodeSelector?: Maybe<LabelSelector>
  ingress?: Maybe<CiliumPeerRule[]>
  ingressDeny?: Maybe<CiliumPeerRule[]>
  egress?: Maybe<CiliumPeerRule[]>
  egressDeny?: Maybe<CiliumPeerRule[]>
  enableDefaultDeny?: Maybe<{ ingress?: Maybe<boolean>; egress?: Maybe<boolean> }>
}

/** IngressRule, IngressDenyRule, EgressRule and EgressDenyRule: validation keeps each to its own fields. */
export interface CiliumPeerRule {
  fromEndpoints?: Maybe<LabelSelector[]>
  fromRequires?: Maybe<LabelSelector[]>
  fromCIDR?: Maybe<string[]>
  fromCIDRSet?: Maybe<CIDRRule[]>
  fromEntities?: Maybe<string[]>
  fromNodes?: Maybe<LabelSelector[]>
  fromGroups?: Maybe<unknown[]>
  toEndpoints?: Maybe<LabelSelector[]>
  toRequires?: Maybe<LabelSelector[]>
  toCIDR?: Maybe<string[]>
  toCIDRSet?: Maybe<CIDRRule[]>
  toEntities?: Maybe<string[]>
  toServices?: Maybe<unknown[]>
  toGroups?: Maybe<unknown[]>
  toNodes?: Maybe<LabelSelector[]>
  toFQDNs?: Maybe<unknown[]>
  toPorts?: Maybe<PortRule[]>
  icmps?: Maybe<ICMPRule[]>
}

export interface CIDRRule {
  cidr?: Maybe<string>
  cidrGroupRef?: Maybe<string>
  cidrGroupSelector?: Maybe<LabelSelector>
  except?: Maybe<string[]>
}

export interface PortRule {
  ports?: Maybe<PortProtocol[]>
  rules?: Maybe<L7Rules>
}

export interface PortProtocol {
  /** A port number or name, as a string (the CRD's pattern). */
  port?: Maybe<string>
  endPort?: Maybe<number>
  /** VRRP and IGMP from Cilium 1.19. */
  protocol?: Maybe<'TCP' | 'UDP' | 'SCTP' | 'VRRP' | 'IGMP' | 'ANY'>
}

export interface L7Rules {
  http?: Maybe<PortRuleHTTP[]>
  kafka?: Maybe<unknown[]>
  dns?: Maybe<unknown[]>
  l7?: Maybe<unknown[]>
}

export interface PortRuleHTTP {
  method?: Maybe<string>
  path?: Maybe<string>
  host?: Maybe<string>
  headers?: Maybe<string[]>
  headerMatches?: Maybe<HeaderMatch[]>
}

export interface HeaderMatch {
  name: string
  value?: Maybe<string>
  mismatch?: Maybe<string>
}

/**
 * The one place the validated object is given its type (a mapping is assignable to these
 * all-optional shapes; validation is what makes that true). Only valid documents reach
 * normalisation: normalize.ts filters on `valid`.
 */
export function networkPolicySpecOf(document: PolicyDocument): NetworkPolicySpec {
  const spec = document.raw.spec
  return isRecord(spec) ? spec : {}
}

/** `spec` and the items of `specs`, with the index of each in `specs`. */
export function ciliumRulesOf(document: PolicyDocument): { rule: CiliumRule; specIndex?: number }[] {
  const rules: { rule: CiliumRule; specIndex?: number }[] = []
  if (isRecord(document.raw.spec)) rules.push({ rule: document.raw.spec })
  const specs = document.raw.specs
  if (Array.isArray(specs)) {
    specs.forEach((rule: unknown, specIndex) => {
      if (isRecord(rule)) rules.push({ rule, specIndex })
    })
  }
  return rules
}
