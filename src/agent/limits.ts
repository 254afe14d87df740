// How much work one agent run may have in flight, and how long a batch may take as a result.
// Shared with the caller (src/edge/observe/plan.ts), which must wait at least as long for the
// exec as the agent may take; pure arithmetic, no imports, so both bundles can carry it.

/**
 * Probes in flight at once in one agent run. A pod on a kind node shares its CPU with up to 109
 * others, kind and Cilium; beyond this many, the rest of the batch waits for a free slot.
 */
export const MAX_IN_FLIGHT = 96

/** ICMP targets handed to one `sh` (one process start in the agent instead of one per ping). */
export const ICMP_GROUP_SIZE = 24

/**
 * Echo requests per ICMP probe, and the pause between them: a lost echo is not a deny. The
 * agent runs as root in its pod, so iputils allows intervals this short; BusyBox reads `-i` with
 * parse_duration_str, which takes fractions (networking/ping.c).
 */
export const PING_COUNT = 3
export const PING_INTERVAL_S = 0.1

/**
 * Slack past a probe's own budget before its batch is abandoned. Generous: probes time
 * themselves (ping its `-W`), so this only ends work that hangs; a tight one cut short pings
 * that a busy machine started late, and a cut-short probe is an error to probe again.
 */
export const DEADLINE_MARGIN_MS = 4000

/**
 * `ping -W`: seconds to wait for a reply after the last echo. Whole seconds, as BusyBox's
 * `-W SEC` takes only an integer (networking/ping.c, getopt32 "W:+").
 */
export function pingWaitSeconds(timeoutMs: number): number {
  return Math.max(1, Math.ceil(timeoutMs / 1000))
}

/**
 * The longest a ping runs when nothing answers: its echoes, then the wait for a reply. `copies`
 * probes of one flow share a ping with PING_COUNT echoes each (ping.ts).
 */
export function pingSilenceMs(timeoutMs: number, copies = 1): number {
  return Math.round((PING_COUNT * copies - 1) * PING_INTERVAL_S * 1000) + pingWaitSeconds(timeoutMs) * 1000
}

/** How long one probe may take before it is abandoned: the slower of a socket probe and a ping. */
export function probeBudgetMs(timeoutMs: number, copies = 1): number {
  return Math.max(timeoutMs, pingSilenceMs(timeoutMs, copies)) + DEADLINE_MARGIN_MS
}

/** The most ICMP targets of a batch with the same host: copies that share one, longer, ping. */
export function icmpCopies(targets: readonly { protocol: string; host: string }[]): number {
  const counts = new Map<string, number>()
  for (const target of targets) {
    if (target.protocol === 'ICMP') counts.set(target.host, (counts.get(target.host) ?? 0) + 1)
  }
  return Math.max(1, ...counts.values())
}

/**
 * How long a batch of `count` targets may take (`copies`: icmpCopies of the batch). Slots are granted first come, first served, and
 * a job takes at most ICMP_GROUP_SIZE of them, so whenever a job waits, at least
 * MAX_IN_FLIGHT - ICMP_GROUP_SIZE + 1 slots are busy: that many targets finish per budget.
 */
export function batchDeadlineMs(count: number, timeoutMs: number, copies = 1): number {
  const perWave = MAX_IN_FLIGHT - ICMP_GROUP_SIZE + 1
  const waves = Math.max(1, Math.ceil(count / perWave))
  return waves * probeBudgetMs(timeoutMs, copies)
}
