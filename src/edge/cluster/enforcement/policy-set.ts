// Making a policy set the one in force and waiting until Cilium enforces it (docs/cluster-mode.md):
// read each agent's revision, delete and apply, read the CNP/CCNP Valid conditions, count the
// changes Cilium will import, and wait for every agent and endpoint to reach that revision.
import type { Diagnostic } from '../../../core/model.js'
import type { Kubectl } from '../kubectl.js'
import type { ApplyOutcome, ClusterPolicy, Validity } from './policies.js'
import {
  applyPolicies,
  deletePolicies,
  generationOf,
  invalidDiagnostic,
  planPolicyChange,
  readPolicyObjects,
  readValidity,
  rejectedDiagnostic,
  unknownValidityDiagnostic
} from './policies.js'
import type { CiliumAgent } from './realisation.js'
import { listAgents, readRevisions, RealisationTimeoutError, waitForRealisation } from './realisation.js'
import type { Clock, ClusterTimeouts } from '../wait.js'

/** What is in force: each policy with what the platform said of it. */
export interface AppliedPolicy {
  policy: ClusterPolicy
  /** Whether Cilium imported it into its repository, i.e. whether it bumped the revision. */
  imported: boolean
  diagnostic?: Diagnostic
}

export interface PolicySetContext {
  kubectl: Kubectl
  clock: Clock
  timeouts: Pick<ClusterTimeouts, 'statusMs' | 'realisationMs' | 'pollMs'>
  /** Only agents on these nodes are waited for; all agents when absent. */
  nodes?: ReadonlySet<string>
  /** Only endpoints in these cluster namespaces are waited for; all when absent. */
  namespaces?: ReadonlySet<string>
  log: (line: string) => void
}

export interface EnforcedSet {
  /** What is now in the cluster; rejected objects are not (they do not exist there). */
  state: Map<string, AppliedPolicy>
  /** What the platform said of this set: rejections, Valid=False, missing conditions. */
  diagnostics: Diagnostic[]
}

/** Moves the cluster from `current` to `next`; a later set that still holds a rejected object retries it. */
export async function enforcePolicySet(
  ctx: PolicySetContext,
  current: ReadonlyMap<string, AppliedPolicy>,
  next: readonly ClusterPolicy[]
): Promise<EnforcedSet> {
  const change = planPolicyChange(new Map([...current].map(([key, applied]) => [key, applied.policy])), next)
  const agents = await listAgents(ctx.kubectl, ctx.nodes)
  const before = await readRevisions(ctx.kubectl, agents)
  const generations = await readPolicyObjects(ctx.kubectl, change.apply)
  await deletePolicies(ctx.kubectl, change.remove)
  const outcomes = await applyPolicies(ctx.kubectl, change.apply)
  const landed = change.apply.filter((policy) => !isRejected(outcomes.get(policy.key)))
  const after = await readPolicyObjects(ctx.kubectl, landed)
  const changed = landed.filter((policy) =>
    reachesAgent(policy, outcomes.get(policy.key), generations.get(policy.key), after.get(policy.key))
  )
  const status = ctx.timeouts.statusMs
  const first = await readValidity(ctx.kubectl, landed, ctx.clock, status, ctx.timeouts.pollMs)
  const validity = await waitUntilEnforced(ctx, agents, before, {
    removed: change.remove,
    changed,
    validity: first
  })

  const state = new Map<string, AppliedPolicy>()
  const diagnostics: Diagnostic[] = []
  for (const policy of change.unchanged) state.set(policy.key, current.get(policy.key)!)
  for (const policy of change.apply) {
    const outcome = outcomes.get(policy.key)
    if (isRejected(outcome)) diagnostics.push(rejectedDiagnostic(policy.doc, outcome.rejected))
    else state.set(policy.key, judge(policy, validity.get(policy.key), status))
  }
  for (const applied of state.values()) if (applied.diagnostic) diagnostics.push(applied.diagnostic)
  return { state, diagnostics }
}

function isRejected(outcome: ApplyOutcome | undefined): outcome is { rejected: string } {
  return typeof outcome === 'object'
}

/**
 * Whether the agents see this apply as a policy change. A CNP/CCNP counts only when its
 * `metadata.generation` moved: the agent's watcher drops an update whose generation did not
 * change as a status update (cilium/cilium pkg/policy/k8s/cilium_network_policy.go `onUpsert`),
 * and cilium-cli counts the same way (cilium-cli connectivity/check/policy.go `createOrUpdate`,
 * `existing.GetGeneration() != created.GetGeneration()`, vendored at cilium-cli e694be34). A
 * Kubernetes NetworkPolicy's watcher has no such check, so any `configured` KNP counts.
 */
function reachesAgent(
  policy: ClusterPolicy,
  outcome: ApplyOutcome | undefined,
  before: unknown,
  after: unknown
): boolean {
  if (outcome === 'unchanged') return false
  if (before === undefined || outcome === 'created') return true
  if (policy.kind === 'NetworkPolicy') return true
  const [was, is] = [generationOf(before), generationOf(after)]
  return was === undefined || is === undefined || was !== is
}

interface PendingChange {
  removed: readonly ClusterPolicy[]
  changed: readonly ClusterPolicy[]
  validity: Map<string, Validity>
}

/** Valid=False: refused by the operator, so (we assume) by the agent too; it bumps no revision. */
function bumps(change: PendingChange): number {
  const imported = change.changed.filter((policy) => change.validity.get(policy.key)?.valid !== false)
  // Every delete counts, imported or not: the agent's delete path replaces the resource's rules
  // with none and bumps the revision either way (pkg/policy/repository.go `ReplaceByResource`).
  return change.removed.length + imported.length
}

const MAX_PASSES = 3

/**
 * Waits for `before + bumps` on every agent. The Valid condition carries no `observedGeneration`,
 * so read right after an update it may still describe the previous generation, and the count
 * built on it may be off by the policies whose verdict flips. After each wait (done or timed
 * out) the conditions are read again; if the count changed, the wait is repeated with the new
 * count, at most MAX_PASSES times. Every pass is bounded; the last error names the policies.
 */
async function waitUntilEnforced(
  ctx: PolicySetContext,
  agents: readonly CiliumAgent[],
  before: ReadonlyMap<string, number>,
  change: PendingChange
): Promise<Map<string, Validity>> {
  let validity = change.validity
  const awaiting = [
    ...change.removed.map((policy) => `${describeClusterPolicy(policy)} (deleted)`),
    ...change.changed.map((policy) => `${describeClusterPolicy(policy)} (applied)`)
  ]
  for (let pass = 1; ; pass++) {
    const count = bumps({ ...change, validity })
    ctx.log(
      `policies: ${change.removed.length} deleted, ${change.changed.length} changed, ${count} revision bumps expected`
    )
    const targets = new Map([...before].map(([agent, revision]) => [agent, revision + count]))
    const wait = { ...ctx, timeoutMs: ctx.timeouts.realisationMs, pollMs: ctx.timeouts.pollMs, awaiting }
    const failure = await waitForRealisation(wait, agents, targets).then(
      () => undefined,
      (error: unknown) => {
        if (error instanceof RealisationTimeoutError) return error
        throw error
      }
    )
    const cilium = change.changed.filter((policy) => policy.kind !== 'NetworkPolicy')
    const again = await readValidity(ctx.kubectl, cilium, ctx.clock, 0, ctx.timeouts.pollMs)
    const next = new Map([...validity, ...again])
    if (bumps({ ...change, validity: next }) === count || pass === MAX_PASSES) {
      if (failure) throw failure
      return next
    }
    validity = next
  }
}

function describeClusterPolicy(policy: ClusterPolicy): string {
  return `${policy.kind} ${policy.namespace ? `${policy.namespace}/` : ''}${policy.name}`
}

/** Valid=False: refused by Cilium, not imported. No condition in time: assumed imported, with a warning. */
function judge(policy: ClusterPolicy, validity: Validity | undefined, statusMs: number): AppliedPolicy {
  if (policy.kind === 'NetworkPolicy') return { policy, imported: true }
  if (!validity)
    return { policy, imported: true, diagnostic: unknownValidityDiagnostic(policy.doc, statusMs) }
  if (!validity.valid)
    return { policy, imported: false, diagnostic: invalidDiagnostic(policy.doc, validity.message) }
  return { policy, imported: true }
}
