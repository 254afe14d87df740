// The object reachdiff applies to a cluster for a policy: only what Kubernetes and Cilium need
// to enforce it. A pull request's policy could otherwise bring `finalizers` (its deletion then
// hangs until a controller that never comes removes them, and a cluster-wide policy outlives the
// run), `ownerReferences` (garbage collection tied to another object), annotations read by other
// controllers, or server-owned fields such as `status`.
import { isRecord } from '../records.js'

/** Top-level fields kept: CiliumNetworkPolicy may carry `specs` (a list) instead of, or beside, `spec`. */
const KEPT_FIELDS = ['apiVersion', 'kind', 'spec', 'specs'] as const

export function clusterManifest(
  raw: Readonly<Record<string, unknown>>,
  name: string,
  namespace: string | undefined
): Record<string, unknown> {
  const manifest: Record<string, unknown> = {}
  for (const key of KEPT_FIELDS) if (Object.hasOwn(raw, key)) manifest[key] = raw[key]
  const metadata: Record<string, unknown> = { name }
  if (namespace !== undefined) metadata.namespace = namespace
  const labels = isRecord(raw.metadata) ? raw.metadata.labels : undefined
  if (isRecord(labels)) metadata.labels = labels
  // metadata right after kind, as a person would write it.
  return { ...pick(manifest, ['apiVersion', 'kind']), metadata, ...pick(manifest, ['spec', 'specs']) }
}

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => Object.hasOwn(record, key)).map((key) => [key, record[key]]))
}
