// Making a policy set the one in force and waiting until Cilium enforces it (cluster-facts §3.6):
// read each agent's revision, delete and apply, read the CNP/CCNP Valid conditions, count the
// changes Cilium will import, and wait for every agent and endpoint to reach that revision.
import type { Diagnostic } from '../../core/model.js'
import type { Kubectl } from './kubectl.js'
import type { ApplyOutcome, ClusterPolicy, Validity } from './policies.js'
import {
  applyPolicies,
  deletePolicies,
  invalidDiagnostic,
  planPolicyChange,
  readValidity,
  rejectedDiagnostic,
  unknownValidityDiagnostic
} from './policies.js'
import { listAgents, readRevisions, waitForRealisation } from './realisation.js'
import type { Clock, ClusterTimeouts } from './wait.js'

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
  await deletePolicies(ctx.kubectl, change.remove)
  const outcomes = await applyPolicies(ctx.kubectl, change.apply)
  const landed = change.apply.filter((policy) => !isRejected(outcomes.get(policy.key)))
  const validity = await readValidity(
    ctx.kubectl,
    landed,
    ctx.clock,
    ctx.timeouts.statusMs,
    ctx.timeouts.pollMs
  )

  const state = new Map<string, AppliedPolicy>()
  const diagnostics: Diagnostic[] = []
  for (const policy of change.unchanged) state.set(policy.key, current.get(policy.key)!)
  for (const policy of change.apply) {
    const outcome = outcomes.get(policy.key)
    if (isRejected(outcome)) diagnostics.push(rejectedDiagnostic(policy.doc, outcome.rejected))
    else state.set(policy.key, judge(policy, validity.get(policy.key), ctx.timeouts.statusMs))
  }
  for (const applied of state.values()) if (applied.diagnostic) diagnostics.push(applied.diagnostic)

  // Each import, replacement or deletion bumps every agent's revision once (§3.1); a policy the
  // agent refused was never imported, so neither its arrival nor its removal counts.
  const removed = change.remove.filter((policy) => current.get(policy.key)?.imported).length
  const applied = change.apply.filter((policy) => {
    const outcome = outcomes.get(policy.key)
    return (outcome === 'created' || outcome === 'configured') && state.get(policy.key)?.imported === true
  }).length
  const bumps = removed + applied
  ctx.log(
    `policies: ${change.remove.length} deleted, ${change.apply.length} applied, ${bumps} revision bumps expected`
  )
  const targets = new Map([...before].map(([agent, revision]) => [agent, revision + bumps]))
  const wait = { ...ctx, timeoutMs: ctx.timeouts.realisationMs, pollMs: ctx.timeouts.pollMs }
  await waitForRealisation(wait, agents, targets)
  return { state, diagnostics }
}

function isRejected(outcome: ApplyOutcome | undefined): outcome is { rejected: string } {
  return typeof outcome === 'object'
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
