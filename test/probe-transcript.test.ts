// The probe transcript: every probe observe() judges reaches the transcript once, labelled with
// its round and the policy set in force, with what the agent saw and the verdict it became; the
// file is JSON Lines with a first line that says what it is.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Flow, Topology } from '../src/core/model.js'
import type { Backend, ProbeResult, ProbeTarget } from '../src/edge/observe/backend.js'
import { observe, ProbeExecError } from '../src/edge/observe/observe.js'
import type { ObserveInput, TranscribedProbe } from '../src/edge/observe/observe.js'
import { openTranscript, transcriptLine, TRANSCRIPT_FORMAT } from '../src/action/transcript.js'

type Policy = 'none' | 'base' | 'head'
type Answer = Omit<ProbeResult, 'id' | 'ms'>

const pod = (name: string): Topology['pods'][number] => ({
  namespace: 'x',
  name,
  labels: {},
  serviceAccount: 'default',
  ports: [{ protocol: 'TCP', port: 80 }]
})
const topology: Topology = {
  namespaces: [{ name: 'x', labels: {} }],
  pods: [pod('a'), pod('b'), pod('c')],
  external: []
}
const flows: Flow[] = [
  { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80 },
  { from: 'x/a', to: 'x/c', protocol: 'TCP', port: 80 },
  { from: 'x/b', to: 'x/c', protocol: 'TCP', port: 80 }
]
const ips: Record<string, string> = { 'x/a': '10.0.0.1', 'x/b': '10.0.0.2', 'x/c': '10.0.0.3' }

/** Answers every probe with `answer(policy, source, host)`; counts the probes it answered. */
class ScriptedBackend implements Backend<Policy> {
  policy: Policy = 'none'
  answered = 0
  failFrom?: { policy: Policy; source: string }
  constructor(private readonly answer: (policy: Policy, source: string, host: string) => Answer) {}
  deploy(): Promise<Map<string, string>> {
    return Promise.resolve(new Map(Object.entries(ips)))
  }
  applyPolicies(policy: Policy): Promise<[]> {
    this.policy = policy
    return Promise.resolve([])
  }
  probeFrom(source: string, targets: readonly ProbeTarget[]): Promise<ProbeResult[]> {
    if (this.failFrom?.policy === this.policy && this.failFrom.source === source) {
      return Promise.reject(new Error('error dialing backend'))
    }
    this.answered += targets.length
    return Promise.resolve(
      targets.map((target) => ({ id: target.id, ms: 7, ...this.answer(this.policy, source, target.host) }))
    )
  }
  cleanup(): Promise<void> {
    return Promise.resolve()
  }
}

/** Head closes a → c; everything else connects. */
const closesAToC = (policy: Policy, source: string, host: string): Answer =>
  policy === 'head' && source === 'x/a' && host === ips['x/c']
    ? { outcome: 'timeout' }
    : { outcome: 'connected' }

const input: ObserveInput<Policy> = {
  topology,
  flows,
  base: 'base',
  head: 'head',
  timeoutMs: 1000,
  retries: 2
}

async function transcribe(backend: ScriptedBackend, extra: Partial<ObserveInput<Policy>> = {}) {
  const probes: TranscribedProbe[] = []
  const observation = await observe(backend, { ...input, ...extra, transcript: (p) => probes.push(p) })
  return { probes, observation }
}

/** Consecutive probes of one round, as `round (side) × count`. */
function rounds(probes: readonly TranscribedProbe[]): string[] {
  const runs: [string, number][] = []
  for (const probe of probes) {
    const label = `${probe.round} (${probe.side})`
    const last = runs.at(-1)
    if (last?.[0] === label) last[1]++
    else runs.push([label, 1])
  }
  return runs.map(([label, count]) => `${label} × ${count}`)
}

describe('the transcript of an observation', () => {
  it('has every probe the agent answered, once, under its round and the policy set in force', async () => {
    const backend = new ScriptedBackend(closesAToC)
    const { probes, observation } = await transcribe(backend)
    expect(probes).toHaveLength(backend.answered)
    expect(probes).toHaveLength(observation.rounds.reduce((sum, round) => sum + round.probes, 0))
    // a → c closes under head: two more probes confirm it, then base is applied again to
    // confirm its other side.
    expect(rounds(probes)).toEqual([
      'positive control (control) × 3',
      'base (base) × 3',
      'head (head) × 3',
      'head re-probe 1 (head) × 2',
      'base (again) re-probe 1 (base) × 2'
    ])
  })

  it('says, for each probe, what was sent, what the agent saw and what it was judged as', async () => {
    const { probes } = await transcribe(new ScriptedBackend(closesAToC))
    const closed = probes.filter((p) => p.side === 'head' && p.flow.to === 'x/c' && p.flow.from === 'x/a')
    expect(closed).toHaveLength(3)
    expect(closed[0]).toEqual({
      round: 'head',
      side: 'head',
      flow: flows[1],
      host: ips['x/c'],
      result: { id: expect.any(String), outcome: 'timeout', ms: 7 },
      judged: { verdict: 'deny', seen: 'timed out after 1000 ms' }
    })
  })

  it('keeps the probes that gave no verdict', async () => {
    const backend = new ScriptedBackend((policy, source, host) =>
      policy === 'head' && source === 'x/b' && host === ips['x/c']
        ? { outcome: 'error', detail: 'ping: permission denied (are you root?)' }
        : { outcome: 'connected' }
    )
    const { probes, observation } = await transcribe(backend)
    const erred = probes.filter((p) => p.result.outcome === 'error')
    // Probes that only ever err are given up on after 2 × (1 + retries) = 6 (tally.ts).
    expect(observation.notProbed[0].reason).toMatch(/^head: no verdict after 6 probes/)
    expect(erred).toHaveLength(6)
    expect(erred.every((p) => p.side === 'head' && p.flow === flows[2])).toBe(true)
    expect(erred[0].judged).toEqual({ seen: 'probe error: ping: permission denied (are you root?)' })
  })

  it('has a line for every copy of a flow that a round probes more than once', async () => {
    const cells = (verdicts: ('allow' | 'deny')[]) => ({
      source: 'predicted' as const,
      cells: flows.map((flow, i) => ({ flow, verdict: verdicts[i], reason: 'engine' }))
    })
    const predicted = { base: cells(['allow', 'allow', 'allow']), head: cells(['allow', 'deny', 'allow']) }
    const { probes } = await transcribe(new ScriptedBackend(closesAToC), { predicted })
    // The prediction says head closes a → c, so each side's first round sends its three probes at once.
    const aToC = probes.filter((p) => p.flow === flows[1]).map((p) => `${p.round} ${p.judged.verdict}`)
    expect(aToC).toEqual([
      'positive control allow',
      ...Array<string>(3).fill('base allow'),
      ...Array<string>(3).fill('head deny')
    ])
  })

  it('has what was probed before a run failed', async () => {
    const backend = new ScriptedBackend(closesAToC)
    backend.failFrom = { policy: 'head', source: 'x/a' }
    const probes: TranscribedProbe[] = []
    const run = observe(backend, { ...input, execRetries: 0, transcript: (p) => probes.push(p) })
    await expect(run).rejects.toThrow(ProbeExecError)
    expect(rounds(probes).slice(0, 2)).toEqual(['positive control (control) × 3', 'base (base) × 3'])
  })
})

/** The file's lines, each parsed. */
const readLines = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('the transcript file', () => {
  const at = new Date('2026-12-06T12:00:00.000Z')

  it('is one flat JSON object per probe, with null for a probe that gave no verdict', () => {
    const http: TranscribedProbe = {
      round: 'head re-probe 2',
      side: 'head',
      flow: { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80, http: { method: 'GET', path: '/admin' } },
      host: '10.0.0.2',
      result: { id: 'p4', outcome: 'http', status: 403, ms: 12 },
      judged: { verdict: 'deny', seen: 'HTTP 403 (L7 deny)' }
    }
    expect(JSON.parse(transcriptLine(http, at))).toEqual({
      round: 'head re-probe 2',
      side: 'head',
      from: 'x/a',
      to: 'x/b',
      protocol: 'TCP',
      port: 80,
      http: { method: 'GET', path: '/admin' },
      host: '10.0.0.2',
      outcome: 'http',
      status: 403,
      ms: 12,
      verdict: 'deny',
      seen: 'HTTP 403 (L7 deny)',
      at: '2026-12-06T12:00:00.000Z'
    })
    const ping: TranscribedProbe = {
      round: 'positive control',
      side: 'control',
      flow: { from: 'x/a', to: 'x/b', protocol: 'ICMP' },
      host: '10.0.0.2',
      result: { id: 'p0', outcome: 'error', detail: 'sendmsg: Operation not permitted\n', ms: 3 },
      judged: { seen: 'probe error: sendmsg: Operation not permitted\n' }
    }
    const line = transcriptLine(ping, at)
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toMatchObject({ protocol: 'ICMP', verdict: null, detail: expect.any(String) })
    expect(JSON.parse(line)).not.toHaveProperty('port')
  })

  it('starts with a line that says what it is and the settings the probes ran with', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'transcript-')), 'probes.jsonl')
    const transcript = openTranscript(
      path,
      { reachdiff: '0.1.0', probeTimeoutMs: 1000, probeRetries: 2 },
      () => undefined
    )
    await observe(new ScriptedBackend(closesAToC), { ...input, transcript: (p) => transcript.write(p) })
    transcript.close()
    const [first, ...probes] = readLines(path)
    expect(first).toEqual({
      format: TRANSCRIPT_FORMAT,
      version: 1,
      reachdiff: '0.1.0',
      probeTimeoutMs: 1000,
      probeRetries: 2,
      started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
    })
    expect(probes).toHaveLength(13)
    expect(probes.filter((p) => p.verdict === 'deny')).toHaveLength(3)
  })

  it('is written in chunks as probes come, not held until the end', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'transcript-')), 'probes.jsonl')
    const transcript = openTranscript(
      path,
      { reachdiff: 't', probeTimeoutMs: 1, probeRetries: 0 },
      () => undefined
    )
    const probe: TranscribedProbe = {
      round: 'base',
      side: 'base',
      flow: flows[0],
      host: ips['x/b'],
      result: { id: 'p0', outcome: 'connected', ms: 1 },
      judged: { verdict: 'allow', seen: 'connected' }
    }
    for (let i = 0; i < 2000; i++) transcript.write(probe)
    const before = readFileSync(path, 'utf8').split('\n').length - 1
    expect(before).toBeGreaterThan(1)
    expect(before).toBeLessThan(2001)
    transcript.close()
    transcript.close()
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(2002)
  })

  it('that cannot be written is a warning, never a failed run', () => {
    const warnings: string[] = []
    const path = join(mkdtempSync(join(tmpdir(), 'transcript-')), 'missing', 'probes.jsonl')
    const transcript = openTranscript(path, { reachdiff: 't', probeTimeoutMs: 1, probeRetries: 0 }, (w) =>
      warnings.push(w)
    )
    expect(() => transcript.write({} as TranscribedProbe)).not.toThrow()
    transcript.close()
    expect(warnings).toEqual([expect.stringMatching(/^no probe transcript: ENOENT/)])
  })
})
