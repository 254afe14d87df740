// What one batch from one source came to: the agent (in a session, probe-sessions.ts) prints one
// JSON result per line and a closing record per batch. A failed exec is never a deny: it throws,
// saying whether kubectl, the agent or the stream failed, and the orchestration retries it.
// kubectl exits 1 for any failure of its own (`checkErr`), and a broken stream can exit 0 with
// truncated output (kubernetes/kubectl#1208).
import type { BatchOutput } from '../observe/agent-session.js'
import type { ProbeResult } from '../observe/backend.js'

export type ExecFailure =
  /** kubectl could not run the command: pod gone, container not running, API unreachable. */
  | 'kubectl'
  /** The agent ran and exited non-zero (2 usage, 3 unreadable batch, 1 other: src/agent/index.ts). */
  | 'agent'
  /** Exit 0 without the closing record: the stream broke and the status was lost (kubernetes/kubectl#1208). */
  | 'truncated'
  /** Our own kill switch fired. */
  | 'timeout'

export class ProbeExecFailure extends Error {
  constructor(
    readonly source: string,
    readonly failure: ExecFailure,
    detail: string,
    /** The agent's exit code, for `agent`. */
    readonly exitCode?: number
  ) {
    super(`exec in ${source} failed (${failure}): ${detail}`)
  }
}

/**
 * kubectl exits with the remote command's code and prints `command terminated with exit code N`;
 * its own failures exit 1 without that line (client-go remotecommand v4, kubectl `checkErr`).
 */
export function parseProbeOutput(
  source: string,
  result: BatchOutput,
  expected: number,
  argv: readonly string[] = [],
  tool: 'kubectl' | 'docker' = 'kubectl'
): ProbeResult[] {
  const stderr = result.stderr.trim()
  const command = argv.length > 0 ? `${tool} ${argv.join(' ')}` : `${tool} exec`
  if (result.timedOut)
    throw new ProbeExecFailure(source, 'timeout', `${command} was killed after its deadline`)
  if (result.exitCode !== 0) {
    const remote = /command terminated with exit code (\d+)/.exec(stderr)
    if (remote) throw new ProbeExecFailure(source, 'agent', stderr, Number(remote[1]))
    throw new ProbeExecFailure(source, 'kubectl', `${command} exited ${result.exitCode}: ${stderr}`)
  }
  const lines = result.stdout.split('\n').filter((line) => line.trim() !== '')
  const results: ProbeResult[] = []
  let summary: number | undefined
  for (const line of lines) {
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new ProbeExecFailure(source, 'truncated', `a line of output is not JSON: ${line.slice(0, 200)}`)
    }
    const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
    if (record.done === true && typeof record.count === 'number') summary = record.count
    else results.push(toProbeResult(source, record, line))
  }
  if (summary === undefined)
    throw new ProbeExecFailure(source, 'truncated', `no closing record after ${results.length} results`)
  if (summary !== results.length || results.length !== expected) {
    throw new ProbeExecFailure(
      source,
      'truncated',
      `${results.length} results, closing record says ${summary}, ${expected} targets sent`
    )
  }
  return results
}

const OUTCOMES: readonly ProbeResult['outcome'][] = ['connected', 'http', 'refused', 'timeout', 'error']

function toProbeResult(source: string, record: Record<string, unknown>, line: string): ProbeResult {
  const outcome = record.outcome as ProbeResult['outcome']
  if (typeof record.id !== 'string' || !OUTCOMES.includes(outcome) || typeof record.ms !== 'number') {
    throw new ProbeExecFailure(source, 'truncated', `not a probe result: ${line.slice(0, 200)}`)
  }
  const result: ProbeResult = { id: record.id, outcome, ms: record.ms }
  if (typeof record.status === 'number') result.status = record.status
  if (typeof record.detail === 'string') result.detail = record.detail
  return result
}
