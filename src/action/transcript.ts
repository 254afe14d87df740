// The probe transcript: every probe of a cluster run as JSON Lines (a first line that says what
// the file is and the settings the probes ran with, then one line per probe), for whoever has to
// find out why the cluster said what it said. Lines are written as they come, a chunk at a time:
// a big topology makes ~100k probes a round, so the file is never held in memory, and what was
// probed before a run failed is on disk when the step ends.
import { closeSync, openSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TranscribedProbe } from '../edge/observe/observe.js'

/** The first line's `format`, so that a reader can tell the file from the JSON report. */
export const TRANSCRIPT_FORMAT = 'reachdiff-probe-transcript'
export const TRANSCRIPT_VERSION = 1

/** The settings every probe below the first line ran with. */
export interface TranscriptSettings {
  reachdiff: string
  /** Per-probe timeout (`probe-timeout`). */
  probeTimeoutMs: number
  /** `probe-retries`: extra probes of a flow that looks changed, mispredicted or denied. */
  probeRetries: number
}

export interface Transcript {
  write(probe: TranscribedProbe): void
  /** Writes what is pending and closes the file; safe to call twice. */
  close(): void
}

/** Beside the JSON report (publish.ts), named after the same comment header. */
export function transcriptPath(directory: string, header: string): string {
  return join(directory, `reachdiff-${header}-probes.jsonl`)
}

/** Pending lines are written once they reach this many characters, and at close. */
const CHUNK = 64 * 1024

/**
 * Opens `path` and writes the first line. The transcript is evidence, not a result: a write that
 * fails (a full disk) is reported once through `warn` and ends the transcript, never the run.
 */
export function openTranscript(
  path: string,
  settings: TranscriptSettings,
  warn: (message: string) => void
): Transcript {
  let fd: number | undefined
  try {
    fd = openSync(path, 'w')
  } catch (error) {
    warn(`no probe transcript: ${(error as Error).message}`)
  }
  let pending = ''
  const flush = (): void => {
    if (fd === undefined || pending === '') return
    try {
      writeFileSync(fd, pending) // loops until the whole chunk is written
    } catch (error) {
      warn(`the probe transcript ${path} is incomplete: ${(error as Error).message}`)
      closeQuietly(fd)
      fd = undefined
    }
    pending = ''
  }
  const first = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    ...settings,
    started: new Date().toISOString()
  }
  pending = `${JSON.stringify(first)}\n`
  flush()
  return {
    write(probe) {
      if (fd === undefined) return
      pending += `${transcriptLine(probe, new Date())}\n`
      if (pending.length >= CHUNK) flush()
    },
    close() {
      flush()
      if (fd !== undefined) closeQuietly(fd)
      fd = undefined
    }
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd)
  } catch {
    // Nothing more can be written to it either way.
  }
}

/**
 * One probe as one flat JSON object: round and policy set, the flow, the address probed, what
 * the agent saw (outcome, HTTP status, detail, ms), the verdict it was judged as (null: an
 * error, no verdict) and when reachdiff got the result. Only the agent's known fields are
 * copied; `port`, `http`, `status` and `detail` appear when present.
 */
export function transcriptLine(probe: TranscribedProbe, at: Date): string {
  const { flow, result, judged } = probe
  return JSON.stringify({
    round: probe.round,
    side: probe.side,
    from: flow.from,
    to: flow.to,
    protocol: flow.protocol,
    ...(flow.port !== undefined && { port: flow.port }),
    ...(flow.http && { http: { method: flow.http.method, path: flow.http.path } }),
    host: probe.host,
    outcome: result.outcome,
    ...(result.status !== undefined && { status: result.status }),
    ...(result.detail !== undefined && { detail: result.detail }),
    ms: result.ms,
    verdict: judged.verdict ?? null,
    seen: judged.seen,
    at: at.toISOString()
  })
}
