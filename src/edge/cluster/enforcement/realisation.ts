// Knowing a policy change is enforced: every Cilium agent keeps its own policy revision, bumped
// once per policy added, replaced or deleted, and each endpoint reports the revision its datapath
// has realised (`pkg/policy/repository.go`, `BumpRevision`). Before a change we read each agent's
// revision; afterwards we wait until the agent's revision and every endpoint's realised revision
// reach `before + changes`. This is cilium-cli's check since v0.19.6
// (`connectivity/check/policy.go`): unlike `cilium policy wait` it does not need every endpoint
// `ready` at one moment, and identity-less endpoints are skipped because they have no policy yet.
import type { Kubectl } from '../kubectl.js'
import { asRecord, asString, field, listItems, parseJson } from '../kubectl.js'
import { CILIUM_NAMESPACE } from '../versions.js'
import type { Clock } from '../wait.js'
import { pollUntil } from '../wait.js'

export interface CiliumAgent {
  pod: string
  node: string
}

/** Agent pods (`k8s-app=cilium`, cilium-cli `defaults/defaults.go`), optionally only on `nodes`. */
export async function listAgents(kubectl: Kubectl, nodes?: ReadonlySet<string>): Promise<CiliumAgent[]> {
  const list = await kubectl.listAgentPods()
  const agents = listItems(list)
    .map((pod) => ({
      pod: asString(field(pod, 'metadata.name')) ?? '',
      node: asString(field(pod, 'spec.nodeName')) ?? ''
    }))
    .filter((agent) => agent.pod !== '' && (!nodes || nodes.has(agent.node)))
    .sort((a, b) => a.pod.localeCompare(b.pod))
  if (agents.length === 0)
    throw new Error(`no Cilium agent pod (k8s-app=cilium) found in ${CILIUM_NAMESPACE}`)
  return agents
}

/**
 * `cilium-dbg policy get -o json` prints models.Policy (`api/v1/models/policy.go`):
 * `{"policy": "<rules>", "revision": 7}`.
 */
export function parsePolicyRevision(stdout: string): number {
  const revision = asRecord(parseJson(stdout, 'cilium-dbg policy get')).revision
  if (typeof revision !== 'number') throw new Error('cilium-dbg policy get printed no revision')
  return revision
}

export interface EndpointLag {
  id: number
  /** `ns/pod` from `status.external-identifiers.pod-name`, when the endpoint is a pod. */
  pod?: string
  /** Absent when the endpoint has realised no policy at all. */
  realized?: number
}

/**
 * Endpoints of `cilium-dbg endpoint list -o json` that hold an identity but have not realised
 * `target`. A missing `policy-revision` is 0 (`omitempty` in `api/v1/models`). With `namespaces`,
 * only pods in those namespaces count: in an existing cluster other workloads are not ours to
 * wait for.
 */
export function laggingEndpoints(
  stdout: string,
  target: number,
  namespaces?: ReadonlySet<string>
): EndpointLag[] {
  const endpoints = parseJson(stdout, 'cilium-dbg endpoint list')
  if (!Array.isArray(endpoints)) throw new Error('cilium-dbg endpoint list did not print a JSON array')
  const lagging: EndpointLag[] = []
  for (const endpoint of endpoints.map(asRecord)) {
    const status = asRecord(endpoint.status)
    if (status.identity === undefined || status.identity === null) continue
    const identifiers = asRecord(status['external-identifiers'])
    const namespace = asString(identifiers['k8s-namespace'])
    if (namespaces && (namespace === undefined || !namespaces.has(namespace))) continue
    const realized = asRecord(asRecord(status.policy).realized)
    const hasRealized = asRecord(status.policy).realized !== undefined
    const revision = typeof realized['policy-revision'] === 'number' ? realized['policy-revision'] : 0
    if (hasRealized && revision >= target) continue
    const lag: EndpointLag = { id: typeof endpoint.id === 'number' ? endpoint.id : -1 }
    const pod = asString(identifiers['pod-name'])
    if (pod) lag.pod = pod
    if (hasRealized) lag.realized = revision
    lagging.push(lag)
  }
  return lagging
}

/** Transport errors of the exec itself, worth another try (cilium-cli `connectivity/check/action.go`). */
const TRANSPORT_ERROR = /unable to upgrade connection|error dialing backend|connection refused|i\/o timeout/i
const EXEC_TRIES = 3

/** Runs `cilium-dbg …` in the agent container (cilium-dbg exists from 1.15, cilium/cilium-cli#2251). */
export async function agentExec(kubectl: Kubectl, agent: string, args: readonly string[]): Promise<string> {
  let last = ''
  for (let attempt = 1; attempt <= EXEC_TRIES; attempt++) {
    const result = await kubectl.agentExec(agent, args)
    if (result.exitCode === 0 && !result.timedOut) return result.stdout
    last = result.timedOut ? 'timed out' : `exit ${result.exitCode}: ${result.stderr.trim()}`
    if (!result.timedOut && !TRANSPORT_ERROR.test(result.stderr)) break
  }
  throw new Error(`cilium-dbg ${args.join(' ')} in ${agent} failed: ${last}`)
}

export async function readRevisions(
  kubectl: Kubectl,
  agents: readonly CiliumAgent[]
): Promise<Map<string, number>> {
  const revisions = new Map<string, number>()
  for (const agent of agents) {
    revisions.set(
      agent.pod,
      parsePolicyRevision(await agentExec(kubectl, agent.pod, ['policy', 'get', '-o', 'json']))
    )
  }
  return revisions
}

export interface RealisationWait {
  kubectl: Kubectl
  clock: Clock
  timeoutMs: number
  pollMs: number
  /** Only endpoints of pods in these (cluster) namespaces count; all endpoints when absent. */
  namespaces?: ReadonlySet<string>
  /** The policy changes being waited for, named in the timeout error. */
  awaiting?: readonly string[]
}

interface AgentLag {
  agent: CiliumAgent
  target: number
  revision: number
  endpoints: EndpointLag[]
}

export class RealisationTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly lagging: readonly AgentLag[],
    readonly awaiting: readonly string[] = []
  ) {
    const changes = awaiting.length > 0 ? `\n  policy changes awaited: ${awaiting.join(', ')}` : ''
    super(
      `Cilium did not enforce the policy change within ${Math.round(timeoutMs / 1000)} s ` +
        `(waiting for each agent's policy revision and its endpoints' realised revision):\n` +
        lagging.map(describeLag).join('\n') +
        changes
    )
  }
}

function describeLag(lag: AgentLag): string {
  const where = `  agent ${lag.agent.pod} on node ${lag.agent.node}`
  if (lag.revision < lag.target) return `${where}: policy revision ${lag.revision}, waiting for ${lag.target}`
  const endpoints = lag.endpoints.slice(0, 5).map((endpoint) => {
    const name = endpoint.pod ? ` (${endpoint.pod})` : ''
    const realized =
      endpoint.realized === undefined ? 'no realised policy' : `realised revision ${endpoint.realized}`
    return `endpoint ${endpoint.id}${name} has ${realized}`
  })
  const more = lag.endpoints.length > 5 ? `, and ${lag.endpoints.length - 5} more` : ''
  return `${where}, waiting for revision ${lag.target}: ${endpoints.join('; ')}${more}`
}

/** Waits until every agent and its endpoints reach `targets` (agent pod → revision). */
export async function waitForRealisation(
  wait: RealisationWait,
  agents: readonly CiliumAgent[],
  targets: ReadonlyMap<string, number>
): Promise<void> {
  await pollUntil<true, AgentLag[]>(
    wait.clock,
    wait.timeoutMs,
    wait.pollMs,
    async () => {
      const lagging: AgentLag[] = []
      for (const agent of agents) {
        const target = targets.get(agent.pod) ?? 0
        const revision = parsePolicyRevision(
          await agentExec(wait.kubectl, agent.pod, ['policy', 'get', '-o', 'json'])
        )
        if (revision < target) {
          lagging.push({ agent, target, revision, endpoints: [] })
          continue
        }
        const list = await agentExec(wait.kubectl, agent.pod, ['endpoint', 'list', '-o', 'json'])
        const endpoints = laggingEndpoints(list, target, wait.namespaces)
        if (endpoints.length > 0) lagging.push({ agent, target, revision, endpoints })
      }
      return lagging.length === 0 ? { done: true } : { pending: lagging }
    },
    (lagging) => new RealisationTimeoutError(wait.timeoutMs, lagging, wait.awaiting)
  )
}
