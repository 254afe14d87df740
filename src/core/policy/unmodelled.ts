// What a prediction cannot see, said instead of hidden: peers that need a live cluster (DNS
// answers, Services, nodes), host policies, entities no generated endpoint carries, and the
// deprecated requirement fields. One notice per policy and field, naming the first rule that
// uses it and what reachdiff assumed in its place.
import type { Diagnostic } from '../model.js'
import { formatPath } from '../yaml-source.js'
import type { FieldPath } from '../yaml-source.js'
import { describePolicy } from './document.js'
import type { PolicyDocument } from './document.js'
import { ciliumRulesOf } from './validate/shapes.js'
import type { CiliumPeerRule } from './validate/shapes.js'

const SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'] as const

const UNMODELLED_FIELDS = [
  'toFQDNs',
  'toServices',
  'fromNodes',
  'toNodes',
  'fromRequires',
  'toRequires'
] as const satisfies readonly (keyof CiliumPeerRule)[]

/** Per rule field, what the prediction assumed (and whether it models the field at all). */
const ASSUMED: Record<(typeof UNMODELLED_FIELDS)[number], string> = {
  toFQDNs:
    'not modelled; reachdiff has no DNS answers, so the rule is assumed to select no destination: flows only it would allow are predicted denied',
  toServices:
    'not modelled; Services are not part of the topology, so the rule is assumed to select nothing (from Cilium 1.17 a Service with a selector selects its backend pods: toEndpoints with that selector models it)',
  fromNodes: 'not modelled; nodes are not part of the topology, so the rule is assumed to select nothing',
  toNodes: 'not modelled; nodes are not part of the topology, so the rule is assumed to select nothing',
  fromRequires:
    'deprecated since Cilium 1.17 and refused from 1.19; evaluated as 1.15–1.18 do, ANDed onto the fromEndpoints selectors of every allow rule for the same pods',
  toRequires:
    'deprecated since Cilium 1.17 and refused from 1.19; evaluated as 1.15–1.18 do, ANDed onto the toEndpoints selectors of every allow rule for the same pods'
}

/** Entities that name nodes, the API server, health or ingress endpoints: none is in a topology. */
const ABSENT_ENTITIES = new Set([
  'host',
  'remote-node',
  'kube-apiserver',
  'health',
  'init',
  'ingress',
  'unmanaged'
])

const NODE_SELECTOR_ASSUMED =
  'not modelled; a host policy selects nodes, and the host firewall is off by default (enable-host-firewall), so it is not evaluated; no generated pod is a node'

/** Notices for the valid policies among `documents` (an invalid one contributes nothing anyway). */
export function describeUnmodelled(documents: readonly PolicyDocument[]): Diagnostic[] {
  return documents.filter((doc) => doc.valid).flatMap(noticesOf)
}

function noticesOf(doc: PolicyDocument): Diagnostic[] {
  const found = new Map<string, { path: FieldPath; assumed: string }>()
  const note = (key: string, path: FieldPath, assumed: string): void => {
    if (!found.has(key)) found.set(key, { path, assumed })
  }
  // Only valid documents get here, so the typed shapes hold (see ciliumRulesOf).
  const rules = doc.raw.kind === 'NetworkPolicy' ? [] : ciliumRulesOf(doc)
  for (const { rule: spec, specIndex } of rules) {
    const path: FieldPath = specIndex === undefined ? ['spec'] : ['specs', specIndex]
    if (spec.nodeSelector && !spec.endpointSelector) {
      note('nodeSelector', [...path, 'nodeSelector'], NODE_SELECTOR_ASSUMED)
      continue
    }
    for (const section of SECTIONS) {
      ;(spec[section] ?? []).forEach((rule, index) => scanRule(rule, [...path, section, index], note))
    }
  }
  return [...found.entries()].map(([key, { path, assumed }]) => ({
    severity: 'notice',
    file: doc.ref.file,
    line: doc.ref.line,
    column: 0,
    path: formatPath(path),
    message: `${key}: ${assumed}`,
    object: describePolicy(doc.ref)
  }))
}

function scanRule(
  rule: CiliumPeerRule,
  path: FieldPath,
  note: (key: string, path: FieldPath, assumed: string) => void
): void {
  for (const field of UNMODELLED_FIELDS) {
    if ((rule[field] ?? []).length > 0) note(field, [...path, field], ASSUMED[field])
  }
  for (const field of ['fromEntities', 'toEntities'] as const) {
    ;(rule[field] ?? []).forEach((entity, index) => {
      if (!ABSENT_ENTITIES.has(entity)) return
      const assumed = `not modelled; no endpoint of the topology has the ${entity} identity, so flows with it are not evaluated`
      note(`${field} ${entity}`, [...path, field, index], assumed)
    })
  }
}
