// Pieces every policy translation shares.
import { cidrCovers, parseCidr } from '../../cidr.js'
import type { CidrRange, RuleEntry, Section } from '../rules.js'

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
