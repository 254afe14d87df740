// The agent's batch protocol: a JSON array of ProbeTarget on stdin, one JSON ProbeResult per
// line on stdout, then one closing record. The closing record exists because `kubectl exec` can
// exit 0 with truncated output when its stream breaks (kubernetes/kubectl#1208): output without it
// is an exec failure, whatever the exit code says.
import { isIP } from 'node:net'
import type { ProbeResult, ProbeTarget } from '../edge/observe/backend.js'

export type { ProbeResult, ProbeTarget }

/** The last line of every `probe` run. */
export interface ProbeSummary {
  done: true
  count: number
}

/** A target as read from stdin, or the reason it cannot be probed. */
export type ParsedTarget = { target: ProbeTarget } | { id: string; problem: string }

const PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'SCTP']
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Reads the batch; a malformed entry becomes a problem for its own id, never a crash. */
export function parseTargets(text: string): ParsedTarget[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`stdin is not JSON: ${(error as Error).message}`, { cause: error })
  }
  if (!Array.isArray(value)) throw new Error('stdin must be a JSON array of probe targets')
  return value.map((item: unknown, index) => parseTarget(item, index))
}

function parseTarget(item: unknown, index: number): ParsedTarget {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { id: `#${index}`, problem: 'a target must be an object' }
  }
  const raw = item as Record<string, unknown>
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : `#${index}`
  const problem = targetProblem(raw)
  if (problem !== undefined) return { id, problem }
  const target: ProbeTarget = {
    id,
    protocol: raw.protocol as ProbeTarget['protocol'],
    host: raw.host as string
  }
  if (raw.port !== undefined) target.port = raw.port as number
  if (raw.http !== undefined) target.http = raw.http as ProbeTarget['http']
  return { target }
}

function targetProblem(raw: Record<string, unknown>): string | undefined {
  if (typeof raw.id !== 'string' || raw.id === '') return 'id must be a non-empty string'
  if (typeof raw.protocol !== 'string' || !PROTOCOLS.includes(raw.protocol)) {
    return `protocol must be one of ${PROTOCOLS.join(', ')}`
  }
  // Addresses only: a name lookup would add its own, unbounded, wait to the probe.
  if (typeof raw.host !== 'string' || isIP(raw.host) === 0) return 'host must be an IP address'
  if (raw.protocol === 'ICMP') return raw.port === undefined ? undefined : 'ICMP has no port'
  if (typeof raw.port !== 'number' || !Number.isInteger(raw.port) || raw.port < 1 || raw.port > 65535) {
    return 'port must be an integer from 1 to 65535'
  }
  if (raw.http === undefined) return undefined
  if (raw.protocol !== 'TCP') return 'an HTTP probe runs over TCP'
  const http = raw.http as Record<string, unknown> | null
  if (typeof http !== 'object' || http === null) return 'http must be {method, path}'
  if (typeof http.method !== 'string' || !HTTP_TOKEN.test(http.method)) return 'http.method is not a method'
  if (typeof http.path !== 'string' || !http.path.startsWith('/') || /\s/.test(http.path)) {
    return 'http.path must start with "/" and hold no spaces'
  }
  return undefined
}

export function formatResult(result: ProbeResult): string {
  return JSON.stringify(result)
}

export function formatSummary(count: number): string {
  const summary: ProbeSummary = { done: true, count }
  return JSON.stringify(summary)
}
