// `enforcement: always` on kind. With policyEnforcementMode=always every endpoint without an
// allowing policy is cut off from the start, CoreDNS included, so the cluster never becomes
// ready and the positive control (every flow open before any policy) cannot pass. reachdiff
// therefore installs Cilium in `always` mode and, as soon as the policy CRDs exist, applies a
// temporary cluster-wide allow-all policy that selects every endpoint in every namespace
// (kube-system too). The positive control runs under it, and it is deleted in the same step
// that applies the base policies (deletes go first), so base and head are observed without it.
import type { PolicyDocument } from '../../../core/policy/document.js'
import type { Manifest } from '../kubectl.js'

/** Cluster-scoped, so a name of our own that no user policy is likely to take. */
export const ALLOW_ALL_POLICY = 'reachdiff-allow-all-during-setup'

/**
 * `endpointSelector: {}` in a CCNP selects every endpoint of every namespace; the entity `all`
 * covers every peer, in the cluster and outside (Cilium docs, "Entities Based": `all`).
 */
export function allowAllManifest(): Manifest {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumClusterwideNetworkPolicy',
    metadata: { name: ALLOW_ALL_POLICY },
    spec: {
      endpointSelector: {},
      ingress: [{ fromEntities: ['all'] }],
      egress: [{ toEntities: ['all'] }]
    }
  }
}

/** The allow-all as a policy document, so the policy-set code deletes it like any other. */
export function allowAllDocument(): PolicyDocument {
  return {
    ref: {
      kind: 'CiliumClusterwideNetworkPolicy',
      name: ALLOW_ALL_POLICY,
      file: '(reachdiff setup)',
      line: 0
    },
    raw: allowAllManifest(),
    valid: true
  }
}
