// Every wait in cluster mode is bounded: kubectl's own `--timeout`, or a polling loop with a
// deadline. The clock is injected so tests run polling loops instantly and can prove that a
// step never sleeps at all.

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
}

/** How long each bounded step may take: generous, as no trustworthy runner timings exist. */
export interface ClusterTimeouts {
  /** Each Cilium/CoreDNS/node readiness stage (5 min, as cilium-cli's `StatusWaitDuration`). */
  readinessMs: number
  /** Test pods Ready, and their Cilium endpoints holding an identity. */
  workloadsMs: number
  /** CNP/CCNP `Valid` conditions written by the operator. */
  statusMs: number
  /** Every agent and endpoint at the target revision (cilium-cli's `PolicyWaitTimeout` is 30 s). */
  realisationMs: number
  /** Deleting namespaces in an existing cluster. */
  deleteMs: number
  /** Pause between polls. */
  pollMs: number
}

export const DEFAULT_TIMEOUTS: ClusterTimeouts = {
  readinessMs: 5 * 60_000,
  workloadsMs: 3 * 60_000,
  statusMs: 30_000,
  realisationMs: 60_000,
  deleteMs: 2 * 60_000,
  pollMs: 1_000
}

/** kubectl's `--timeout` flag value for a number of milliseconds. */
export function kubectlTimeout(ms: number): string {
  return `--timeout=${Math.max(1, Math.ceil(ms / 1000))}s`
}

/** The runner's own kill switch: kubectl's wait plus slack, in case kubectl itself hangs. */
export function withSlack(ms: number): number {
  return ms + 30_000
}

/**
 * Calls `attempt` until it returns a value, sleeping `pollMs` between tries; after `timeoutMs`
 * calls `onTimeout` with the last state seen and throws what it returns.
 */
export async function pollUntil<T, S>(
  clock: Clock,
  timeoutMs: number,
  pollMs: number,
  attempt: () => Promise<{ done: T } | { pending: S }>,
  onTimeout: (last: S) => Error
): Promise<T> {
  const deadline = clock.now() + timeoutMs
  for (;;) {
    const outcome = await attempt()
    if ('done' in outcome) return outcome.done
    if (clock.now() + pollMs > deadline) throw onTimeout(outcome.pending)
    await clock.sleep(pollMs)
  }
}

/** Runs a stage and logs how long it took, so real durations build up in job logs. */
export async function timed<T>(
  clock: Clock,
  log: (line: string) => void,
  stage: string,
  run: () => Promise<T>
): Promise<T> {
  const started = clock.now()
  try {
    return await run()
  } finally {
    log(`${stage}: ${((clock.now() - started) / 1000).toFixed(1)} s`)
  }
}
