// What a prediction cannot see, said instead of hidden: peers that need a live cluster (DNS
// answers, Services, nodes), host policies, entities no generated endpoint carries, and the
// deprecated requirement fields. One notice per policy and field, naming the first rule that
// uses it and what reachdiff assumed in its place.
import type { Diagnostic } from '../model.js'
import { isRecord } from '../records.js'
import { formatPath } from '../yaml-source.js'
import type { FieldPath } from '../yaml-source.js'
import { describePolicy } from './document.js'
import type { PolicyDocument } from './document.js'

const SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'] as const

/** Per rule field, what the prediction assumed (and whether it models the field at all). */
const ASSUMED: Record<string, string> = {
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
  for (const { spec, path } of specsOf(doc.raw)) {
    if (spec.nodeSelector !== undefined && spec.endpointSelector === undefined) {
      note('nodeSelector', [...path, 'nodeSelector'], NODE_SELECTOR_ASSUMED)
      continue
    }
    for (const section of SECTIONS) {
      const rules = Array.isArray(spec[section]) ? (spec[section] as unknown[]) : []
      rules.forEach((rule, index) => {
        if (isRecord(rule)) scanRule(rule, [...path, section, index], note)
      })
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
  rule: Record<string, unknown>,
  path: FieldPath,
  note: (key: string, path: FieldPath, assumed: string) => void
): void {
  for (const [field, assumed] of Object.entries(ASSUMED)) {
    if (Array.isArray(rule[field]) && rule[field].length > 0) note(field, [...path, field], assumed)
  }
  for (const field of ['fromEntities', 'toEntities']) {
    const entities = Array.isArray(rule[field]) ? (rule[field] as unknown[]) : []
    entities.forEach((entity, index) => {
      if (typeof entity !== 'string' || !ABSENT_ENTITIES.has(entity)) return
      const assumed = `not modelled; no endpoint of the topology has the ${entity} identity, so flows with it are not evaluated`
      note(`${field} ${entity}`, [...path, field, index], assumed)
    })
  }
}

function specsOf(raw: Record<string, unknown>): { spec: Record<string, unknown>; path: FieldPath }[] {
  if (raw.kind === 'NetworkPolicy') return []
  const specs: { spec: Record<string, unknown>; path: FieldPath }[] = []
  if (isRecord(raw.spec)) specs.push({ spec: raw.spec, path: ['spec'] })
  if (Array.isArray(raw.specs)) {
    raw.specs.forEach((spec, index) => {
      if (isRecord(spec)) specs.push({ spec, path: ['specs', index] })
    })
  }
  return specs
}
