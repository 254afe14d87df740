// What one probe result says about the policy. The rules, and why:
//  1. connected → allow: the handshake, the echoed UDP token or the ping reply crossed the policy.
//  2. http → allow, except 403 on an HTTP flow → deny: Cilium's L7 proxy answers a denied
//     request with 403; any other status means the request reached the pod's server.
//  3. timeout → deny: Cilium drops denied packets silently (no reset, no ICMP error), so a deny
//     looks like silence. A lost packet looks the same, hence re-probes and flaky detection.
//  4. refused → allow: a reset or port-unreachable comes from the destination's stack, so the
//     packet got through the policy; only the port was closed. Cilium never refuses on a deny.
//  5. error → no verdict: the probe could not run (no ping, an unreachable host, an agent
//     deadline). It is retried, and never counted as a deny.
import type { Flow, Verdict } from '../../core/model.js'
import type { ProbeResult } from './backend.js'

export interface ProbeVerdict {
  /** Absent for `error`: the result says nothing about the policy. */
  verdict?: Verdict
  /** What was seen, in a few words, e.g. "timed out after 1000 ms". */
  seen: string
}

/** The status Cilium's proxy answers a request its L7 rules deny with. */
export const L7_DENY_STATUS = 403

export function judgeResult(flow: Flow, result: ProbeResult, timeoutMs: number): ProbeVerdict {
  switch (result.outcome) {
    case 'connected':
      return { verdict: 'allow', seen: connectedText(flow) }
    case 'http':
      if (flow.http && result.status === L7_DENY_STATUS) {
        return { verdict: 'deny', seen: `HTTP ${L7_DENY_STATUS} (L7 deny)` }
      }
      return { verdict: 'allow', seen: `HTTP ${result.status ?? '?'}` }
    case 'refused':
      return { verdict: 'allow', seen: 'refused by the destination (the packet got through)' }
    case 'timeout':
      return { verdict: 'deny', seen: `timed out after ${timeoutMs} ms` }
    case 'error':
      return { seen: `probe error: ${result.detail ?? 'unknown'}` }
  }
}

function connectedText(flow: Flow): string {
  if (flow.protocol === 'ICMP') return 'ping answered'
  if (flow.protocol === 'UDP') return 'UDP echo returned'
  return 'connected'
}
