// Flows → probe batches, one per source endpoint, and the agent's output → results. A round is
// one exec per source carrying all of its targets, so denied flows cost one timeout per round,
// not one each. A source is a pod (`ns/pod`) or an external endpoint with `source: true`
// (`world/<name>`), which probes the pods from outside the cluster: from its own container or
// namespace. Also the agent's batch protocol as the caller sees it, shared by every Backend.
import { batchDeadlineMs, icmpCopies } from '../../agent/limits.js'
import type { Flow } from '../../core/model.js'
import { flowKey, isWorldKey } from '../../core/model.js'
import type { Addresses, ProbeResult, ProbeTarget } from './backend.js'

/** A flow that is not probed, and why; it stays out of the observed matrices. */
export interface Unprobed {
  flow: Flow
  reason: string
}

/** Where a batch runs: in a pod, or in an external endpoint's container or namespace. */
export type SourceKind = 'pod' | 'external'

export interface ProbePlan {
  /**
   * Source key → its targets, in flow order. The key is `ns/pod` for a pod and `world/<name>`
   * for an external endpoint (see sourceKind); a Backend's probeFrom receives it as is.
   */
  batches: Map<string, ProbeTarget[]>
  /** Target id → the flow it probes. */
  flows: Map<string, Flow>
  notProbed: Unprobed[]
}

/** What a Backend can probe beyond pod-to-endpoint flows. */
export interface ProbeCapabilities {
  /** probeFrom accepts an external endpoint (`world/<name>`) as the source. */
  fromExternals: boolean
}

/**
 * Why a flow cannot be probed, or undefined. SCTP: the agent is built on Node's built-ins, which
 * have no SCTP sockets, so an SCTP flow has no observed verdict (the static prediction still
 * covers it). A flow from an external endpoint needs a Backend that can probe from outside the
 * cluster. Leaving such flows out beats reporting a guess.
 */
export function unprobeableReason(
  flow: Flow,
  capabilities: ProbeCapabilities = { fromExternals: true }
): string | undefined {
  if (flow.protocol === 'SCTP')
    return 'SCTP is not probed: the agent has no SCTP sockets (Node built-ins only)'
  if (!capabilities.fromExternals && sourceKind(flow.from) === 'external')
    return 'traffic from an external endpoint is not probed here: this backend probes from pods only'
  return undefined
}

/** Whether a batch's source is a pod or an external endpoint (`world/<name>`). */
export function sourceKind(source: string): SourceKind {
  return isWorldKey(source) ? 'external' : 'pod'
}

/**
 * Plans one round over `flows`. Ids are the flow's index in the list given, so a re-probe of a
 * subset gets fresh, still unique ids. Throws when a flow's endpoint has no address: deploy
 * must have given every endpoint one, so that is a fault of the program, not of the policies.
 */
export function planRound(flows: readonly Flow[], addresses: Addresses): ProbePlan {
  const plan: ProbePlan = { batches: new Map(), flows: new Map(), notProbed: [] }
  flows.forEach((flow, index) => {
    const reason = unprobeableReason(flow)
    if (reason !== undefined) {
      plan.notProbed.push({ flow, reason })
      return
    }
    const host = addresses.get(flow.to)
    if (host === undefined) throw new Error(`no address for ${flow.to} (flow ${flowKey(flow)})`)
    if (!addresses.has(flow.from)) {
      const what = sourceKind(flow.from) === 'external' ? 'external endpoint' : 'pod'
      throw new Error(`no ${what} ${flow.from} to probe from (flow ${flowKey(flow)})`)
    }
    const id = `p${index}`
    const target: ProbeTarget = { id, protocol: flow.protocol, host }
    if (flow.port !== undefined) target.port = flow.port
    if (flow.http) target.http = { method: flow.http.method, path: flow.http.path }
    const batch = plan.batches.get(flow.from) ?? []
    batch.push(target)
    plan.batches.set(flow.from, batch)
    plan.flows.set(id, flow)
  })
  return plan
}

/** The agent command line after `node <agent file>`; stdin carries the JSON batch. */
export function agentProbeArgs(timeoutMs: number): string[] {
  return ['probe', '--timeout-ms', String(timeoutMs)]
}

/** The same for a session (agent-session.ts): one JSON batch per stdin line, until stdin ends. */
export function agentSessionArgs(timeoutMs: number): string[] {
  return ['session', '--timeout-ms', String(timeoutMs)]
}

/**
 * How long to let one exec of `targets` run before calling it failed: the agent's own deadline
 * (which grows with the batch, as the agent caps the probes in flight) plus slack.
 */
export function execTimeoutMs(timeoutMs: number, targets: readonly ProbeTarget[]): number {
  const deadline = batchDeadlineMs(Math.max(1, targets.length), timeoutMs, icmpCopies(targets))
  return Math.max(timeoutMs + 10_000, deadline + 5_000)
}

export class AgentOutputError extends Error {}

/**
 * Reads the agent's stdout: one result per line, then `{"done":true,"count":N}`. Output without
 * that closing record, or missing a target, is an exec failure (a broken `kubectl exec` stream
 * can exit 0 with truncated output, kubernetes/kubectl#1208), never a set of denies.
 */
export function parseAgentOutput(stdout: string, targets: readonly ProbeTarget[]): ProbeResult[] {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '')
  const records = lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new AgentOutputError(`agent printed a line that is not JSON: ${line.slice(0, 120)}`)
    }
  })
  const summary = records.pop()
  if (summary?.done !== true || summary.count !== records.length) {
    throw new AgentOutputError(`agent output has no closing record (${lines.length} lines): truncated`)
  }
  const byId = new Map<string, ProbeResult>()
  for (const record of records) {
    if (typeof record.id === 'string' && typeof record.outcome === 'string') {
      byId.set(record.id, record as unknown as ProbeResult)
    }
  }
  return targets.map((target) => {
    const result = byId.get(target.id)
    if (!result) throw new AgentOutputError(`agent output has no result for target ${target.id}`)
    return result
  })
}
