// Every probe of a flow on one side, and what they add up to: a matrix cell with its attempts,
// its reason, and whether the attempts disagree (flaky).
import type { MatrixCell } from '../../core/matrix.js'
import type { Flow } from '../../core/model.js'
import { flowKey } from '../../core/model.js'
import type { ProbeVerdict } from './verdict.js'

/** flowKey → every probe of that flow on one side, oldest first. */
export type Tally = Map<string, ProbeVerdict[]>

export function record(tally: Tally, verdicts: ReadonlyMap<string, readonly ProbeVerdict[]>): void {
  for (const [key, list] of verdicts) tally.set(key, [...(tally.get(key) ?? []), ...list])
}

export interface Limits {
  /** Probes with a verdict that settle a flow that is re-probed: 1 + probe-retries. */
  verdictProbes: number
  /** Probes of any kind, errors included, after which a flow is given up on. */
  maxProbes: number
}

export function isFlaky(attempts: readonly ProbeVerdict[]): boolean {
  return attempts.some((a) => a.verdict === 'allow') && attempts.some((a) => a.verdict === 'deny')
}

/** Whether one more probe could still tell something: not flaky yet, not settled, not given up. */
export function needsMore(attempts: readonly ProbeVerdict[], limits: Limits): boolean {
  return probesWanted(attempts, limits) > 0
}

/**
 * How many more probes would settle the flow: the verdicts still missing, within what is left of
 * the probe limit; none once it is flaky. Sent together, as copies in one round.
 */
export function probesWanted(attempts: readonly ProbeVerdict[], limits: Limits): number {
  if (isFlaky(attempts)) return 0
  const judged = attempts.filter((a) => a.verdict !== undefined).length
  return Math.max(0, Math.min(limits.verdictProbes - judged, limits.maxProbes - attempts.length))
}

/**
 * The cell for a flow, or undefined when no probe gave a verdict. A flaky cell says `allow`:
 * at least one probe got through, which a lost packet cannot fake; it never counts as changed.
 */
export function summarize(flow: Flow, attempts: readonly ProbeVerdict[]): MatrixCell | undefined {
  const judged = attempts.filter((a) => a.verdict !== undefined)
  if (judged.length === 0) return undefined
  const errors = attempts.length - judged.length
  const errorNote = errors > 0 ? `; ${errors} probe error${errors > 1 ? 's' : ''}` : ''
  if (isFlaky(attempts)) {
    const allowed = judged.filter((a) => a.verdict === 'allow')
    const denied = judged.filter((a) => a.verdict === 'deny')
    const reason =
      `flaky: ${allowed.length} of ${judged.length} probes allowed (${allowed[0].seen}), ` +
      `${denied.length} denied (${denied[0].seen})${errorNote}`
    return { flow, verdict: 'allow', reason, flaky: true, attempts: attempts.length }
  }
  const last = judged[judged.length - 1]
  const reason = `${last.seen} (${judged.length}/${attempts.length} probes${errorNote})`
  return { flow, verdict: last.verdict ?? 'deny', reason, flaky: false, attempts: attempts.length }
}

/** Why a flow has no cell: every probe of it was an error. */
export function describeNoVerdict(attempts: readonly ProbeVerdict[] | undefined): string {
  if (!attempts || attempts.length === 0) return 'never probed'
  return `no verdict after ${attempts.length} probes: ${attempts[attempts.length - 1].seen}`
}

export function keysOf(flows: readonly Flow[]): Map<string, Flow> {
  return new Map(flows.map((flow) => [flowKey(flow), flow]))
}
