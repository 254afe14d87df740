// `probe`: every target of the batch, each with its own timeout, at most MAX_IN_FLIGHT at once,
// so a round costs about one timeout however many flows are denied while a large batch cannot
// swamp the pod. A target's timer starts when its probe starts, not when the batch does. ICMP
// targets go to `ping` in groups (ping.ts). A global deadline guarantees the agent never hangs.
import { batchDeadlineMs, ICMP_GROUP_SIZE, icmpCopies, MAX_IN_FLIGHT } from './limits.js'
import { pingGroup, stopPings } from './ping.js'
import { parseTargets } from './protocol.js'
import type { ProbeResult, ProbeTarget } from './protocol.js'
import { runProbe } from './probes.js'

export { DEADLINE_MARGIN_MS } from './limits.js'

/** Work that takes `size` slots: one socket probe, or one group of pings. */
interface Job {
  indices: number[]
  run: () => Promise<ProbeResult[]>
}

/**
 * Ping groups come first: starting a process blocks the agent until the child has exec'd (libuv's
 * uv_spawn waits for it), which on a busy machine takes long enough to starve socket probes that
 * are already running, e.g. an HTTP probe whose request waits for its connect to be read.
 */
function planJobs(targets: readonly (ProbeTarget | undefined)[], timeoutMs: number): Job[] {
  const jobs: Job[] = []
  const pings: Job[] = []
  const groups = new Map<string, { indices: number[]; members: ProbeTarget[] }>()
  targets.forEach((target, index) => {
    if (!target) return
    if (target.protocol !== 'ICMP') {
      jobs.push({ indices: [index], run: async () => [await runProbe(target, timeoutMs)] })
      return
    }
    // One group per address family: ping takes -4 or -6 for all of its hosts.
    const family = target.host.includes(':') ? '6' : '4'
    let group = groups.get(family)
    if (!group || group.members.length === ICMP_GROUP_SIZE) {
      group = { indices: [], members: [] }
      groups.set(family, group)
      const { indices, members } = group
      pings.push({ indices, run: () => pingGroup(members, timeoutMs) })
    }
    group.indices.push(index)
    group.members.push(target)
  })
  return [...pings, ...jobs]
}

/**
 * Runs jobs first come, first served, with at most `capacity` slots taken at once. Once `halted`
 * says so (the batch hit its deadline), no further job starts: in a session the agent lives on
 * to the next batch, which must not share its slots with the leftovers of this one.
 */
async function runLimited(
  jobs: readonly Job[],
  capacity: number,
  store: (index: number, result: ProbeResult) => void,
  halted: () => boolean
): Promise<void> {
  let next = 0
  let busy = 0
  await new Promise<void>((resolve) => {
    let finished = 0
    const startMore = (): void => {
      while (!halted() && next < jobs.length && busy + jobs[next].indices.length <= capacity) {
        const job = jobs[next++]
        busy += job.indices.length
        void job.run().then((results) => {
          results.forEach((result, i) => store(job.indices[i], result))
          busy -= job.indices.length
          if (++finished === jobs.length) resolve()
          else startMore()
        })
      }
    }
    if (jobs.length === 0) resolve()
    else startMore()
  })
}

/** Probes every target in `input` (a JSON array) and returns one result per target, in input order. */
export async function probeBatch(input: string, timeoutMs: number): Promise<ProbeResult[]> {
  const parsed = parseTargets(input)
  const results = new Array<ProbeResult | undefined>(parsed.length)
  parsed.forEach((entry, index) => {
    if (!('target' in entry))
      results[index] = { id: entry.id, outcome: 'error', detail: entry.problem, ms: 0 }
  })
  const jobs = planJobs(
    parsed.map((entry) => ('target' in entry ? entry.target : undefined)),
    timeoutMs
  )
  const valid = parsed.flatMap((entry) => ('target' in entry ? [entry.target] : []))
  const deadlineMs = batchDeadlineMs(parsed.length, timeoutMs, icmpCopies(valid))
  let timer: NodeJS.Timeout | undefined
  let expired = false
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      expired = true
      resolve()
    }, deadlineMs)
  })
  const store = (i: number, result: ProbeResult): void => {
    if (!expired) results[i] = result
  }
  await Promise.race([runLimited(jobs, MAX_IN_FLIGHT, store, () => expired), deadline])
  expired = true
  clearTimeout(timer)
  stopPings()
  return parsed.map(
    (entry, index) =>
      results[index] ?? {
        id: 'target' in entry ? entry.target.id : entry.id,
        outcome: 'error',
        detail: `abandoned at the agent's deadline (${deadlineMs} ms)`,
        ms: deadlineMs
      }
  )
}
