// The one internal shape every policy kind is normalised into: Cilium's own model of
// subject, four sections of rules, peers and L4/L7 matches. KNP, CNP and CCNP differ only
// in how they are translated into it (normalize/*.ts); the engine never looks back at YAML.
import { cidrCovers, parseCidr } from '../cidr.js'
import type { Protocol } from '../model.js'
import type { Selector } from '../label-selector.js'
import type { PolicyRef } from './document.js'

export type Direction = 'ingress' | 'egress'
export type Section = 'ingress' | 'ingressDeny' | 'egress' | 'egressDeny'

export function denySection(direction: Direction): Section {
  return direction === 'ingress' ? 'ingressDeny' : 'egressDeny'
}

/** Points at one rule of one policy, for reasons and reports. */
export interface RuleRef {
  policy: PolicyRef
  /** Index into `specs` when the rule came from a CNP/CCNP `specs` list. */
  specIndex?: number
  section: Section
  /** Index of the rule in its section as the user wrote it. */
  index: number
}

export interface CidrRange {
  /** IPv4 network address and prefix length; IPv6 ranges never match our IPv4 probes. */
  family: 4 | 6
  network: number
  prefix: number
  text: string
  except: { network: number; prefix: number; text: string }[]
}

/** Which peers a rule selects. */
export type Peer =
  /** Every identity: pods of all namespaces, world, nodes (R5.5b, KNP from/to missing). */
  | { kind: 'all' }
  /** Selects nothing; the rule still counts for default deny (R5.5a/c). */
  | { kind: 'nothing'; why: string }
  /** Endpoint selectors (ORed), namespaces already injected (R5.1, R5.2, R10.1). */
  | { kind: 'endpoints'; selectors: Selector[] }
  | { kind: 'entities'; entities: string[] }
  /** CIDR rules: external addresses only, never pods (R7.1). `world` is set for 0.0.0.0/0 (R7.3). */
  | { kind: 'cidrs'; ranges: CidrRange[] }
  /** Peers reachdiff cannot resolve without a cluster (FQDNs, Services, nodes): match nothing. */
  | { kind: 'unresolved'; why: string }

export interface HttpRule {
  method?: string
  path?: string
  host?: string
  headers: string[]
}

export type L7Rules = { kind: 'http'; rules: HttpRule[] } | { kind: 'other'; protocol: string }

export interface PortMatch {
  /** TCP, UDP or SCTP; ANY expands to all three, never ICMP (R8.2). */
  protocols: readonly Protocol[]
  /** A number range, or a named port resolved at evaluation time (R8.6). */
  port: { from: number; to: number } | { name: string }
}

/** One `toPorts` element: ports ORed, with the L7 rules that apply on them. */
export interface PortGroup {
  ports: PortMatch[]
  l7?: L7Rules
}

export type L4Match =
  /** No `toPorts` and no `icmps`: every protocol and port, ICMP included (R8.1). */
  | { kind: 'any' }
  | { kind: 'ports'; groups: PortGroup[] }
  /** ICMP types by family (R8.4). */
  | { kind: 'icmp'; fields: { family: 4 | 6; type: number }[] }

export interface RuleEntry {
  ref: RuleRef
  isDeny: boolean
  peer: Peer
  l4: L4Match
  /** `fromRequires`/`toRequires` selectors of this rule, folded into peers per subject (R5.6). */
  requires: Selector[]
}

/** One Cilium rule: a subject and its four sections (a CNP `spec`, one `specs[]` item, or a KNP). */
export interface PolicyRule {
  policy: PolicyRef
  specIndex?: number
  subject: Selector
  entries: Record<Section, RuleEntry[]>
  /** Whether the rule has a non-empty section in each direction, allow or deny (R2.2). */
  hasSection: Record<Direction, boolean>
  /** Whether the rule asks for default deny in each direction (R2.4). */
  defaultDeny: Record<Direction, boolean>
}

export const ANY_PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP']

// Pieces every translation shares, and the engine with it.
/** The identity label that carries a pod's namespace (R1.1). */
export const NAMESPACE_KEY = 'io.kubernetes.pod.namespace'
/** Namespace labels reach a pod's identity under this prefix (R1.1). */
export const NAMESPACE_LABEL_PREFIX = 'io.cilium.k8s.namespace.labels.'

export function emptySections(): Record<Section, RuleEntry[]> {
  return { ingress: [], ingressDeny: [], egress: [], egressDeny: [] }
}

/** A CIDR with its except prefixes; except prefixes outside the CIDR were rejected by validation. */
export function cidrRangeFrom(cidr: string, except: readonly string[]): CidrRange | undefined {
  const parsed = parseCidr(cidr)
  if (!parsed) return undefined
  const excepts = except
    .map((text) => ({ text, parsed: parseCidr(text) }))
    .filter((e) => e.parsed !== undefined && e.parsed.family === parsed.family)
    .filter((e) => parsed.family === 6 || cidrCovers(parsed, e.parsed!))
    .map((e) => ({ network: e.parsed!.network, prefix: e.parsed!.prefix, text: e.text }))
  return {
    family: parsed.family,
    network: parsed.network,
    prefix: parsed.prefix,
    text: cidr,
    except: excepts
  }
}

/** The ping reachdiff probes: ICMP echo request. */
export const ICMP_ECHO_REQUEST: Readonly<Record<4 | 6, number>> = { 4: 8, 6: 128 }
