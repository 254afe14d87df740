// Where observed matrices come from: a kind cluster with Cilium on GitHub's runners, or the
// network-namespace test bed in our own tests. Both implement this one interface, so the
// planner, runner, retries and flaky detection are the same code in both.
import type { HttpRequest, Protocol, Topology } from '../../core/model.js'
import type { Diagnostic } from '../../core/model.js'

/** One probe the agent runs: a destination address and what to send. */
export interface ProbeTarget {
  /** Opaque, echoed back in the result. */
  id: string
  protocol: Protocol
  host: string
  /** Absent for ICMP. */
  port?: number
  /** For HTTP probes: the request line to send over TCP. */
  http?: HttpRequest
}

/**
 * What one probe saw. `connected`: TCP handshake done, UDP echo with the right payload,
 * ICMP reply. `http`: an HTTP response came back (see `status`; 403 from Cilium's proxy is an
 * L7 deny). `refused`: a reset or port-unreachable came back. `timeout`: nothing came back.
 * `error`: the probe could not run (never a verdict).
 */
export interface ProbeResult {
  id: string
  outcome: 'connected' | 'http' | 'refused' | 'timeout' | 'error'
  status?: number
  detail?: string
  ms: number
}

/** The address of every endpoint (`ns/pod` or `world/name`) once deployed. */
export type Addresses = ReadonlyMap<string, string>

export interface Backend<PolicySet> {
  /** Creates namespaces, service accounts, pods running the agent, and external endpoints. */
  deploy(topology: Topology): Promise<Addresses>
  /**
   * Makes `policies` the policy set in force (removing what the previous set had and this
   * one lacks) and returns only when it is enforced everywhere, with any diagnostics the
   * platform reported (e.g. a policy Cilium marked invalid).
   */
  applyPolicies(policies: PolicySet): Promise<Diagnostic[]>
  /**
   * Whether probeFrom also accepts an external endpoint (`world/<name>`, one with `source: true`)
   * as the source, probing from its own container or namespace. Absent: flows from externals are
   * left out of the observation, each with a reason.
   */
  readonly sendsFromExternals?: boolean
  /** One exec in the source (a pod, or an external if sendsFromExternals) probing every target concurrently; throws when the exec fails. */
  probeFrom(source: string, targets: readonly ProbeTarget[], timeoutMs: number): Promise<ProbeResult[]>
  /** Deletes everything deploy created; safe to call twice and after a failed deploy. */
  cleanup(): Promise<void>
}
