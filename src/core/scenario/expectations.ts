// Expect entries: reading them, and deciding which entry states the expected verdict of a
// flow. Used by the conformance runner on a case's own flows, and by the expectations-file
// check on the flows of a predicted matrix, so nothing here assumes where the flows came from.
import { describePort, flowKey, isWorldKey, PROTOCOLS } from '../model.js'
import type { Diagnostic, Flow, HttpRequest, Protocol, Verdict } from '../model.js'
import type { FieldPath } from '../yaml-source.js'
import { FieldChecker, isRecord, readRequiredString, warnUnknownKeys } from './fields.js'
import { entryMatchesFlow, patternProblem } from './flows.js'
import type { ExpectEntry } from './scenario.js'

/** The entry that decides a flow's expected verdict. */
export interface ExpectationResult {
  flow: Flow
  expected: ExpectEntry
}

export interface ExpectationResolution {
  /** One per flow some entry matches, in the order of the flows given. */
  results: ExpectationResult[]
  /** Flows no entry matches: an error in the expectations. */
  unmatched: Flow[]
  /** Entries that match none of the flows: usually a typo in a name or port. */
  unusedEntries: ExpectEntry[]
}

/** Beyond this many, unmatched flows are summed up in one diagnostic instead of one each. */
export const MAX_UNMATCHED_REPORTED = 20

const ENTRY_KEYS = ['from', 'to', 'port', 'protocol', 'http', 'verdict'] as const
const VERDICTS: readonly Verdict[] = ['allow', 'deny']
const HTTP_METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** The last matching entry wins, as in the upstream truth tables the format comes from. */
export function expectedVerdict(flow: Flow, expect: readonly ExpectEntry[]): ExpectEntry | undefined {
  for (let i = expect.length - 1; i >= 0; i--) {
    if (entryMatchesFlow(expect[i], flow)) return expect[i]
  }
  return undefined
}

export function resolveExpectations(
  flows: readonly Flow[],
  expect: readonly ExpectEntry[]
): ExpectationResolution {
  const results: ExpectationResult[] = []
  const unmatched: Flow[] = []
  const used = new Set<ExpectEntry>()
  for (const flow of flows) {
    let winner: ExpectEntry | undefined
    for (const entry of expect) {
      if (!entryMatchesFlow(entry, flow)) continue
      winner = entry
      used.add(entry)
    }
    if (winner) results.push({ flow, expected: winner })
    else unmatched.push(flow)
  }
  return { results, unmatched, unusedEntries: expect.filter((entry) => !used.has(entry)) }
}

/**
 * Errors for flows no entry matches (each needs a verdict), warnings for entries that match no
 * flow. Unmatched flows point at the first entry, the start of the list they are missing from.
 */
export function checkExpectationCoverage(
  flows: readonly Flow[],
  expect: readonly ExpectEntry[],
  file: string
): Diagnostic[] {
  const { unmatched, unusedEntries } = resolveExpectations(flows, expect)
  const at = { line: expect[0]?.line ?? 0, column: expect[0]?.column ?? 0 }
  const diagnostics: Diagnostic[] = unmatched.slice(0, MAX_UNMATCHED_REPORTED).map((flow) => ({
    severity: 'error',
    file,
    ...at,
    path: 'expect',
    message: `no entry matches the flow ${flowKey(flow)}`,
    expected: coverageHint(flow)
  }))
  if (unmatched.length > MAX_UNMATCHED_REPORTED) {
    diagnostics.push({
      severity: 'error',
      file,
      ...at,
      path: 'expect',
      message: `${unmatched.length - MAX_UNMATCHED_REPORTED} more flows match no entry`
    })
  }
  for (const entry of unusedEntries) {
    diagnostics.push({
      severity: 'warning',
      file,
      line: entry.line,
      column: entry.column ?? 0,
      path: `expect[${expect.indexOf(entry)}]`,
      message: 'this entry matches no flow of the topology',
      value: describeEntry(entry),
      expected: 'pods, namespaces, external names and ports that the topology has'
    })
  }
  return diagnostics
}

function coverageHint(flow: Flow): string {
  if (isWorldKey(flow.from))
    return 'an entry for it, e.g. {from: "world/*", to: "*", verdict: ...} ("*" never matches world/...)'
  return isWorldKey(flow.to)
    ? 'an entry for it, e.g. {from: "*", to: "world/*", verdict: ...} ("*" never matches world/...)'
    : 'an entry for it, e.g. a first {from: "*", to: "*", verdict: ...} default'
}

export function describeEntry(entry: ExpectEntry): string {
  const port = entry.protocol
    ? ` ${describePort(entry.protocol, entry.port)}`
    : entry.port
      ? ` port ${entry.port}`
      : ''
  const http = entry.http ? ` ${entry.http.method} ${entry.http.path}` : ''
  return `${entry.from} -> ${entry.to}${port}${http}: ${entry.verdict}`
}

/** Reads the `expect` list; malformed entries are reported and left out. */
export function parseExpectEntries(
  c: FieldChecker,
  value: unknown,
  path: FieldPath = ['expect']
): ExpectEntry[] {
  if (value === undefined || value === null) {
    c.error(path, 'expect is required', { expected: 'a list of {from, to, verdict} entries' })
    return []
  }
  if (!Array.isArray(value)) {
    c.error(path, 'expect must be a list', { value, expected: 'a list of {from, to, verdict} entries' })
    return []
  }
  const entries: ExpectEntry[] = []
  value.forEach((item: unknown, index) => {
    const entry = parseExpectEntry(c, item, [...path, index])
    if (entry) entries.push(entry)
  })
  return entries
}

function parseExpectEntry(c: FieldChecker, item: unknown, path: FieldPath): ExpectEntry | undefined {
  if (!isRecord(item)) {
    c.error(path, 'an expect entry must be a map', { value: item, expected: '{from, to, verdict}' })
    return undefined
  }
  const reportedBefore = c.diagnostics.length
  warnUnknownKeys(c, item, path, ENTRY_KEYS)
  const from = readPattern(c, item, path, 'from')
  const to = readPattern(c, item, path, 'to')
  const verdict = readRequiredString(c, item, path, 'verdict', {
    test: (s) => (VERDICTS as readonly string[]).includes(s),
    expected: 'allow or deny',
    // The diagnostic shows the value itself ("got ..."); the message must not repeat it.
    problem: () => 'unknown verdict'
  })
  const protocol = readProtocol(c, item, path)
  const port = readPort(c, item, path, protocol)
  const http = readHttp(c, item, path, protocol)
  const failed = c.diagnostics.slice(reportedBefore).some((d) => d.severity === 'error')
  if (failed || from === undefined || to === undefined || verdict === undefined) return undefined
  const { line, column } = c.locate(path)
  const entry: ExpectEntry = { from, to, verdict: verdict as Verdict, line, column }
  if (port !== undefined) entry.port = port
  if (protocol !== undefined) entry.protocol = protocol
  if (http !== undefined) entry.http = http
  return entry
}

function readPattern(
  c: FieldChecker,
  item: Record<string, unknown>,
  path: FieldPath,
  side: 'from' | 'to'
): string | undefined {
  const expected = '"*", "namespace/pod" (either part may be "*"), "world/NAME" or "world/*"'
  const pattern = readRequiredString(c, item, path, side, { test: () => true, expected })
  if (pattern === undefined) return undefined
  const problem = patternProblem(pattern)
  if (problem === undefined) return pattern
  c.error([...path, side], `${side}: ${problem}`, { value: pattern, expected })
  return undefined
}

function readProtocol(c: FieldChecker, item: Record<string, unknown>, path: FieldPath): Protocol | undefined {
  const value = item.protocol
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' && (PROTOCOLS as readonly string[]).includes(value)) return value as Protocol
  c.error([...path, 'protocol'], 'unknown protocol', { value, expected: PROTOCOLS.join(', ') })
  return undefined
}

function readPort(
  c: FieldChecker,
  item: Record<string, unknown>,
  path: FieldPath,
  protocol: Protocol | undefined
): number | undefined {
  const value = item.port
  if (value === undefined || value === null) return undefined
  if (protocol === 'ICMP') {
    c.error([...path, 'port'], 'ICMP has no port', { value, expected: 'no port with protocol ICMP' })
    return undefined
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return value
  c.error([...path, 'port'], 'port must be a port number', { value, expected: 'an integer from 1 to 65535' })
  return undefined
}

function readHttp(
  c: FieldChecker,
  item: Record<string, unknown>,
  path: FieldPath,
  protocol: Protocol | undefined
): HttpRequest | undefined {
  const value = item.http
  if (value === undefined || value === null) return undefined
  const httpPath = [...path, 'http']
  if (!isRecord(value)) {
    c.error(httpPath, 'http must be a map', { value, expected: '{method: GET, path: /public}' })
    return undefined
  }
  warnUnknownKeys(c, value, httpPath, ['method', 'path'])
  if (protocol !== undefined && protocol !== 'TCP') {
    c.error([...path, 'protocol'], 'an http entry is about a TCP connection', {
      value: protocol,
      expected: 'TCP'
    })
  }
  const method = readRequiredString(c, value, httpPath, 'method', {
    test: (s) => HTTP_METHOD.test(s),
    expected: 'an HTTP method, e.g. GET'
  })
  const requestPath = readRequiredString(c, value, httpPath, 'path', {
    test: (s) => s.startsWith('/') && !/\s/.test(s),
    expected: 'a request path starting with "/", without spaces'
  })
  return method === undefined || requestPath === undefined ? undefined : { method, path: requestPath }
}
