// `probe`: every target of the batch at once, each with its own timeout, so a round costs about
// one timeout however many flows are denied. A global deadline guarantees the agent never hangs.
import { parseTargets } from './protocol.js'
import type { ProbeResult } from './protocol.js'
import { runProbe } from './probes.js'

/** Slack past the per-probe timeout before unfinished probes are abandoned. */
export const DEADLINE_MARGIN_MS = 1500

/** Probes every target in `input` (a JSON array) and returns one result per target, in input order. */
export async function probeBatch(input: string, timeoutMs: number): Promise<ProbeResult[]> {
  const parsed = parseTargets(input)
  const pending = parsed.map((entry) =>
    'target' in entry
      ? runProbe(entry.target, timeoutMs)
      : Promise.resolve<ProbeResult>({ id: entry.id, outcome: 'error', detail: entry.problem, ms: 0 })
  )
  const results = new Array<ProbeResult | undefined>(parsed.length)
  pending.forEach((promise, index) => void promise.then((result) => (results[index] = result)))
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs + DEADLINE_MARGIN_MS)
  })
  await Promise.race([Promise.all(pending), deadline])
  clearTimeout(timer)
  return parsed.map(
    (entry, index) =>
      results[index] ?? {
        id: 'target' in entry ? entry.target.id : entry.id,
        outcome: 'error',
        detail: `abandoned at the agent's deadline (${timeoutMs + DEADLINE_MARGIN_MS} ms)`,
        ms: timeoutMs + DEADLINE_MARGIN_MS
      }
  )
}
