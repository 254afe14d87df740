// Applying a policy set: delete what the new set removed, apply what it added or changed (by
// kind, namespace and name), and read back what the platform said: an API-server rejection,
// or the `Valid` condition the operator writes on CNP/CCNP (1.16+,
// `operator/pkg/networkpolicy/validator.go`). Both become
// diagnostics on the user's file, never exceptions.
import type { Diagnostic } from '../../../core/model.js'
import type { PolicyDocument, PolicyKind } from '../../../core/policy/document.js'
import { describePolicy } from '../../../core/policy/document.js'
import { clusterManifest } from '../../../core/policy/manifest.js'
import type { Kubectl, Manifest } from '../kubectl.js'
import { asArray, asRecord, asString, field, listItems } from '../kubectl.js'
import type { Clock } from '../wait.js'

/** The resource kubectl is given, and the `kind.group` it prints (`ciliumnetworkpolicy.cilium.io/x created`). */
export const POLICY_RESOURCES: Record<PolicyKind, { resource: string; printed: string }> = {
  NetworkPolicy: {
    resource: 'networkpolicies.networking.k8s.io',
    printed: 'networkpolicy.networking.k8s.io'
  },
  CiliumNetworkPolicy: {
    resource: 'ciliumnetworkpolicies.cilium.io',
    printed: 'ciliumnetworkpolicy.cilium.io'
  },
  CiliumClusterwideNetworkPolicy: {
    resource: 'ciliumclusterwidenetworkpolicies.cilium.io',
    printed: 'ciliumclusterwidenetworkpolicy.cilium.io'
  }
}

/** A policy as it goes to the cluster: the user's object under its cluster namespace and name. */
export interface ClusterPolicy {
  doc: PolicyDocument
  kind: PolicyKind
  /** Absent for a CCNP. */
  namespace?: string
  name: string
  manifest: Manifest
  /** `kind/namespace/name` in the cluster. */
  key: string
  /** Canonical JSON of the manifest, to tell a changed policy from an unchanged one. */
  text: string
}

export function toClusterPolicy(
  doc: PolicyDocument,
  namespace: string | undefined,
  name: string,
  raw = doc.raw
): ClusterPolicy {
  // Only apiVersion, kind, name, namespace, labels and spec reach the cluster (no finalizers,
  // owner references, annotations or server-owned fields).
  const manifest: Manifest = clusterManifest(raw, name, namespace)
  const key = `${doc.ref.kind}/${namespace ?? ''}/${name}`
  return { doc, kind: doc.ref.kind, namespace, name, manifest, key, text: canonicalJson(manifest) }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export interface PolicyChange {
  remove: ClusterPolicy[]
  apply: ClusterPolicy[]
  unchanged: ClusterPolicy[]
}

/** What it takes to go from the set in force to `next`. Of duplicates, the last wins, as with kubectl. */
export function planPolicyChange(
  current: ReadonlyMap<string, ClusterPolicy>,
  next: readonly ClusterPolicy[]
): PolicyChange {
  const wanted = new Map(next.map((policy) => [policy.key, policy]))
  const change: PolicyChange = { remove: [], apply: [], unchanged: [] }
  for (const [key, policy] of current) if (!wanted.has(key)) change.remove.push(policy)
  for (const [key, policy] of wanted) {
    if (current.get(key)?.text === policy.text) change.unchanged.push(policy)
    else change.apply.push(policy)
  }
  return change
}

/** Groups by what one kubectl call can take: one namespace (or the cluster scope). */
function byNamespace(policies: readonly ClusterPolicy[]): Map<string, ClusterPolicy[]> {
  const groups = new Map<string, ClusterPolicy[]>()
  for (const policy of policies) {
    const group = policy.namespace ?? ''
    groups.set(group, [...(groups.get(group) ?? []), policy])
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)))
}

/** One `kubectl delete` per kind and namespace; already-gone objects are fine. */
export async function deletePolicies(kubectl: Kubectl, policies: readonly ClusterPolicy[]): Promise<void> {
  for (const [namespace, group] of byNamespace(policies)) {
    for (const kind of Object.keys(POLICY_RESOURCES) as PolicyKind[]) {
      const names = group.filter((policy) => policy.kind === kind).map((policy) => policy.name)
      if (names.length === 0) continue
      await kubectl.deleteObjects(POLICY_RESOURCES[kind].resource, namespace, names)
    }
  }
}

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | { rejected: string }

/**
 * Client-side apply, one call per namespace, because its output says `created`, `configured` or
 * `unchanged` per object, which is what the revision count needs (docs/cluster-mode.md). An object
 * the batch did not report is applied alone, so a rejection is pinned to its own policy.
 */
export async function applyPolicies(
  kubectl: Kubectl,
  policies: readonly ClusterPolicy[]
): Promise<Map<string, ApplyOutcome>> {
  const outcomes = new Map<string, ApplyOutcome>()
  for (const group of byNamespace(policies).values()) {
    const batch = await kubectl.apply(
      group.map((policy) => policy.manifest),
      'client'
    )
    const printed = parseApplyOutput(batch.stdout)
    for (const policy of group) {
      const printedOutcome = printed.get(`${POLICY_RESOURCES[policy.kind].printed}/${policy.name}`)
      outcomes.set(policy.key, printedOutcome ?? (await applyAlone(kubectl, policy)))
    }
  }
  return outcomes
}

/**
 * What the API server (or kubectl's own schema check) says about the object itself; anything
 * else (no connection, no credentials, a timeout) is a fault of the platform, and throws.
 */
const REJECTION =
  /is invalid|Error from server \((Invalid|BadRequest|UnprocessableEntity)\)|error validating|admission webhook|denied the request|strict decoding error|unknown field/i

async function applyAlone(kubectl: Kubectl, policy: ClusterPolicy): Promise<ApplyOutcome> {
  const result = await kubectl.apply([policy.manifest], 'client')
  const outcome = parseApplyOutput(result.stdout).get(
    `${POLICY_RESOURCES[policy.kind].printed}/${policy.name}`
  )
  if (outcome) return outcome
  const stderr = result.stderr.trim()
  if (!result.timedOut && REJECTION.test(stderr)) return { rejected: stderr }
  throw kubectl.applyFailure(result)
}

export function parseApplyOutput(stdout: string): Map<string, 'created' | 'configured' | 'unchanged'> {
  const printed = new Map<string, 'created' | 'configured' | 'unchanged'>()
  for (const line of stdout.split('\n')) {
    const match = /^(\S+) (created|configured|unchanged)$/.exec(line.trim())
    if (match) printed.set(match[1], match[2] as 'created' | 'configured' | 'unchanged')
  }
  return printed
}

export interface Validity {
  valid: boolean
  message: string
}

/** `status.conditions[type=Valid]` of a CNP/CCNP, when the operator has written it. */
export function readValidCondition(object: unknown): Validity | undefined {
  const condition = asArray(field(object, 'status.conditions'))
    .map(asRecord)
    .find((entry) => entry.type === 'Valid')
  if (!condition) return undefined
  const status = asString(condition.status)
  if (status !== 'True' && status !== 'False') return undefined
  return { valid: status === 'True', message: asString(condition.message) ?? '' }
}

/**
 * The cluster's copy of each policy (key → object), read with one `kubectl get` per kind and
 * namespace; a policy that does not exist is absent.
 */
export async function readPolicyObjects(
  kubectl: Kubectl,
  policies: readonly ClusterPolicy[]
): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>()
  for (const [namespace, group] of byNamespace(policies)) {
    for (const kind of [...new Set(group.map((policy) => policy.kind))]) {
      const list = await kubectl.listObjects(POLICY_RESOURCES[kind].resource, namespace)
      const byName = new Map(listItems(list).map((item) => [asString(field(item, 'metadata.name')), item]))
      for (const policy of group.filter((p) => p.kind === kind)) {
        const object = byName.get(policy.name)
        if (object !== undefined) found.set(policy.key, object)
      }
    }
  }
  return found
}

/** `metadata.generation`: the API server raises it on spec changes only, never for labels or annotations. */
export function generationOf(object: unknown): number | undefined {
  const generation = field(object, 'metadata.generation')
  return typeof generation === 'number' ? generation : undefined
}

/**
 * Polls until every CNP/CCNP in `policies` has a Valid condition, or the time is up (then the
 * missing ones are absent from the map: Cilium before 1.16 never writes one).
 */
export async function readValidity(
  kubectl: Kubectl,
  policies: readonly ClusterPolicy[],
  clock: Clock,
  timeoutMs: number,
  pollMs: number
): Promise<Map<string, Validity>> {
  const cilium = policies.filter((policy) => policy.kind !== 'NetworkPolicy')
  const found = new Map<string, Validity>()
  const deadline = clock.now() + timeoutMs
  for (;;) {
    const objects = await readPolicyObjects(
      kubectl,
      cilium.filter((policy) => !found.has(policy.key))
    )
    for (const [key, object] of objects) {
      const validity = readValidCondition(object)
      if (validity) found.set(key, validity)
    }
    if (found.size === cilium.length || clock.now() + pollMs > deadline) return found
    await clock.sleep(pollMs)
  }
}

function diagnosticFor(doc: PolicyDocument, severity: Diagnostic['severity'], message: string): Diagnostic {
  return {
    severity,
    file: doc.ref.file,
    line: doc.ref.line,
    column: 0,
    path: '',
    message,
    object: describePolicy(doc.ref)
  }
}

export function invalidDiagnostic(doc: PolicyDocument, message: string): Diagnostic {
  return diagnosticFor(doc, 'error', `Cilium marked this policy invalid (status Valid=False): ${message}`)
}

export function rejectedDiagnostic(doc: PolicyDocument, stderr: string): Diagnostic {
  return diagnosticFor(doc, 'error', `the API server rejected this policy: ${stderr}`)
}

export function unknownValidityDiagnostic(doc: PolicyDocument, timeoutMs: number): Diagnostic {
  return diagnosticFor(
    doc,
    'warning',
    `Cilium reported no Valid condition for this policy within ${Math.round(timeoutMs / 1000)} s ` +
      '(the operator writes it from 1.16 on); it was counted as enforced'
  )
}
