// One probe round: one batch per source, all sources at once, each batch retried on failure. A
// flow may appear more than once in a round: its copies are independent probes, sent together so
// that confirming a verdict costs one more timeout, not one per confirmation.
// A failed exec is a fault of the platform, so it is retried and, if it keeps failing, thrown:
// it never turns into denied flows.
import type { Flow } from '../../core/model.js'
import { flowKey } from '../../core/model.js'
import type { Addresses, Backend, ProbeResult, ProbeTarget } from './backend.js'
import { planRound } from './plan.js'
import type { Unprobed } from './plan.js'
import { judgeResult } from './verdict.js'
import type { ProbeVerdict } from './verdict.js'

export interface RoundSettings {
  timeoutMs: number
  /** Extra tries of a failed exec before the round fails. */
  execRetries: number
  /** Pause before the n-th retry of an exec: n × this. */
  execBackoffMs: number
  log: (line: string) => void
  /** Receives every probe of the round as it is judged (the probe transcript); absent: none kept. */
  onProbe?: (probe: ProbeRecord) => void
}

/** One probe: what was sent, what the agent saw, and the verdict it was judged as. */
export interface ProbeRecord {
  /** The round's label, e.g. `head re-probe 1`. */
  round: string
  flow: Flow
  /** The destination's address the probe went to. */
  host: string
  result: ProbeResult
  judged: ProbeVerdict
}

export interface RoundStats {
  label: string
  sources: number
  probes: number
  ms: number
  /** Execs that failed and were tried again. */
  execRetries: number
}

export interface RoundResult {
  /** flowKey → what this round's probes of the flow said, one entry per copy. */
  verdicts: Map<string, ProbeVerdict[]>
  notProbed: Unprobed[]
  stats: RoundStats
}

export class ProbeExecError extends Error {
  constructor(
    readonly source: string,
    readonly attempts: number,
    cause: unknown
  ) {
    super(`probing from ${source} failed ${attempts} times; last error: ${(cause as Error).message}`)
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function execBatch<P>(
  backend: Backend<P>,
  source: string,
  targets: readonly ProbeTarget[],
  settings: RoundSettings,
  onRetry: () => void
): Promise<ProbeResult[]> {
  let lastError: unknown
  for (let attempt = 0; attempt <= settings.execRetries; attempt++) {
    if (attempt > 0) {
      onRetry()
      settings.log(`exec from ${source} failed (${(lastError as Error).message}); retry ${attempt}`)
      await sleep(settings.execBackoffMs * attempt)
    }
    try {
      const results = await backend.probeFrom(source, targets, settings.timeoutMs)
      const ids = new Set(results.map((result) => result.id))
      if (targets.every((target) => ids.has(target.id))) return results
      lastError = new Error(`the exec returned ${results.length} results for ${targets.length} targets`)
    } catch (error) {
      lastError = error
    }
  }
  throw new ProbeExecError(source, settings.execRetries + 1, lastError)
}

export async function probeRound<P>(
  backend: Backend<P>,
  label: string,
  flows: readonly Flow[],
  addresses: Addresses,
  settings: RoundSettings
): Promise<RoundResult> {
  const started = performance.now()
  const plan = planRound(flows, addresses)
  let retried = 0
  const verdicts = new Map<string, ProbeVerdict[]>()
  await Promise.all(
    [...plan.batches].map(async ([source, targets]) => {
      const results = await execBatch(backend, source, targets, settings, () => retried++)
      for (const result of results) {
        const flow = plan.flows.get(result.id)
        if (!flow) continue
        const key = flowKey(flow)
        const judged = judgeResult(flow, result, settings.timeoutMs)
        verdicts.set(key, [...(verdicts.get(key) ?? []), judged])
        // planRound has refused any flow whose destination has no address.
        const host = addresses.get(flow.to) ?? ''
        settings.onProbe?.({ round: label, flow, host, result, judged })
      }
    })
  )
  const probes = [...plan.batches.values()].reduce((sum, targets) => sum + targets.length, 0)
  const stats = {
    label,
    sources: plan.batches.size,
    probes,
    ms: Math.round(performance.now() - started),
    execRetries: retried
  }
  settings.log(`round ${label}: ${probes} probes from ${stats.sources} pods in ${stats.ms} ms`)
  return { verdicts, notProbed: plan.notProbed, stats }
}
