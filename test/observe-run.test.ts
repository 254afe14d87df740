// The observing pipeline against a hand-written fake Backend: positive control, retries, exec
// failures, flaky flows, predictions and what ends up in the observed matrices.
import { describe, expect, it } from '@jest/globals'
import type { Matrix } from '../src/core/matrix.js'
import type { Flow, Topology, Verdict } from '../src/core/model.js'
import { flowKey } from '../src/core/model.js'
import type { Backend, ProbeResult, ProbeTarget } from '../src/edge/observe/backend.js'
import { ClusterNotReadyError, observe, ProbeExecError } from '../src/edge/observe/observe.js'

type Policy = 'none' | 'base' | 'head'
type Script = (policy: Policy, source: string, target: ProbeTarget, nth: number) => ProbeResult['outcome']

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

class FakeBackend implements Backend<Policy> {
  policy: Policy = 'none'
  applied: Policy[] = []
  execs: string[] = []
  /** How often each (policy, source, host) was probed so far. */
  private seen = new Map<string, number>()
  failExecs = new Map<string, number>()

  constructor(private readonly script: Script) {}

  deploy(): Promise<Map<string, string>> {
    return Promise.resolve(new Map(Object.entries(ips)))
  }
  applyPolicies(policy: Policy): Promise<[]> {
    this.policy = policy
    this.applied.push(policy)
    return Promise.resolve([])
  }
  probeFrom(source: string, targets: readonly ProbeTarget[]): Promise<ProbeResult[]> {
    this.execs.push(source)
    const failures = this.failExecs.get(source) ?? 0
    if (failures > 0) {
      this.failExecs.set(source, failures - 1)
      return Promise.reject(new Error('error dialing backend'))
    }
    return Promise.resolve(
      targets.map((target) => {
        const key = `${this.policy} ${source} ${target.host}`
        const nth = this.seen.get(key) ?? 0
        this.seen.set(key, nth + 1)
        return { id: target.id, outcome: this.script(this.policy, source, target, nth), ms: 1 }
      })
    )
  }
  cleanup(): Promise<void> {
    return Promise.resolve()
  }
}

/** a → c is closed by head; everything else is open. */
const closesAToC: Script = (policy, source, target) =>
  policy === 'head' && source === 'x/a' && target.host === ips['x/c'] ? 'timeout' : 'connected'

const input = { topology, flows, base: 'base' as const, head: 'head' as const, timeoutMs: 1000, retries: 2 }

function matrix(verdicts: Verdict[]): Matrix {
  return {
    source: 'predicted',
    cells: flows.map((flow, i) => ({ flow, verdict: verdicts[i], reason: 'engine' }))
  }
}

describe('observe', () => {
  it('observes base and head, confirms the change on both sides, and diffs them', async () => {
    const backend = new FakeBackend(closesAToC)
    const result = await observe(backend, input)
    expect(result.diff.counts).toMatchObject({ closed: 1, unchanged: 2, opened: 0 })
    const closed = result.head.cells.find((c) => c.flow.to === 'x/c' && c.flow.from === 'x/a')
    expect(closed).toMatchObject({ verdict: 'deny', attempts: 3, flaky: false })
    expect(closed?.reason).toBe('timed out after 1000 ms (3/3 probes)')
    const before = result.base.cells.find((c) => flowKey(c.flow) === flowKey(flows[1]))
    expect(before).toMatchObject({ verdict: 'allow', attempts: 3, reason: 'connected (3/3 probes)' })
    // Without a prediction the change shows only under head, so base is applied once more.
    expect(backend.applied).toEqual(['base', 'head', 'base'])
    expect(result.base.source).toBe('observed')
    expect(result.flaky).toEqual([])
  })

  it('with a prediction that foresees the change, re-probes base while it is in force', async () => {
    const backend = new FakeBackend(closesAToC)
    const predicted = { base: matrix(['allow', 'allow', 'allow']), head: matrix(['allow', 'deny', 'allow']) }
    const result = await observe(backend, { ...input, predicted })
    expect(backend.applied).toEqual(['base', 'head'])
    expect(result.disagreements).toEqual([])
  })

  it('lists and re-probes flows where observation and prediction disagree', async () => {
    const backend = new FakeBackend(closesAToC)
    const predicted = { base: matrix(['allow', 'allow', 'deny']), head: matrix(['allow', 'deny', 'deny']) }
    const result = await observe(backend, { ...input, predicted })
    expect(result.disagreements.map((d) => [d.side, flowKey(d.flow), d.predicted, d.observed])).toEqual([
      ['base', flowKey(flows[2]), 'deny', 'allow'],
      ['head', flowKey(flows[2]), 'deny', 'allow']
    ])
    expect(result.head.cells.find((c) => flowKey(c.flow) === flowKey(flows[2]))?.attempts).toBe(3)
  })

  it('sends the confirming probes of a flow together: a deny costs one more round, not one per retry', async () => {
    const backend = new FakeBackend(closesAToC)
    const result = await observe(backend, input)
    const head = result.rounds.filter((r) => r.label.startsWith('head'))
    // The first round finds a → c silent; one re-probe round asks for its two confirmations at once.
    expect(head.map((r) => [r.label, r.probes])).toEqual([
      ['head', 3],
      ['head re-probe 1', 2]
    ])
  })

  it('probes what the prediction denies or changes 1 + retries times in the first round of each side', async () => {
    const backend = new FakeBackend(closesAToC)
    const predicted = { base: matrix(['allow', 'allow', 'allow']), head: matrix(['allow', 'deny', 'allow']) }
    const result = await observe(backend, { ...input, predicted })
    // a → c changes: three probes under base and three under head, each side in one round.
    expect(result.rounds.map((r) => [r.label, r.probes])).toEqual([
      ['positive control', 3],
      ['base', 5],
      ['head', 5]
    ])
    expect(result.head.cells.find((c) => flowKey(c.flow) === flowKey(flows[1]))).toMatchObject({
      verdict: 'deny',
      attempts: 3,
      flaky: false
    })
  })

  it('refuses to go on when a flow is closed before any policy: cluster not ready', async () => {
    const backend = new FakeBackend((policy, source) =>
      policy === 'none' && source === 'x/b' ? 'timeout' : 'connected'
    )
    const failure = observe(backend, input)
    await expect(failure).rejects.toThrow(ClusterNotReadyError)
    await expect(failure).rejects.toThrow(/x\/b -> x\/c TCP\/80/)
    expect(backend.applied).toEqual([])
  })

  it('lets the positive control survive one lost probe', async () => {
    const backend = new FakeBackend((policy, _source, _target, nth) =>
      policy === 'none' && nth === 0 ? 'timeout' : 'connected'
    )
    const result = await observe(backend, input)
    expect(result.diff.counts.unchanged).toBe(3)
  })

  it('retries failed execs and never counts them as denies', async () => {
    const backend = new FakeBackend(closesAToC)
    backend.failExecs.set('x/b', 2)
    const result = await observe(backend, { ...input, execRetries: 3 })
    expect(result.diff.counts).toMatchObject({ closed: 1, unchanged: 2 })
    expect(result.rounds[0].execRetries).toBe(2)
  })

  it('fails loudly when an exec keeps failing', async () => {
    const backend = new FakeBackend(closesAToC)
    backend.failExecs.set('x/a', 99)
    await expect(observe(backend, { ...input, execRetries: 2 })).rejects.toThrow(ProbeExecError)
  })

  it('marks a flow whose probes disagree as flaky and never as changed', async () => {
    // b → c under head: denied, then allowed.
    const backend = new FakeBackend((policy, source, target, nth) =>
      policy === 'head' && source === 'x/b' && target.host === ips['x/c'] && nth === 0
        ? 'timeout'
        : 'connected'
    )
    const result = await observe(backend, input)
    expect(result.flaky).toEqual([flows[2]])
    const cell = result.head.cells.find((c) => flowKey(c.flow) === flowKey(flows[2]))
    // The silence asks for both confirming probes at once; they get through.
    expect(cell).toMatchObject({ flaky: true, verdict: 'allow', attempts: 3 })
    expect(cell?.reason).toMatch(
      /^flaky: 2 of 3 probes allowed \(connected\), 1 denied \(timed out after 1000 ms\)/
    )
    expect(result.diff.counts).toMatchObject({ closed: 0, opened: 0, unchanged: 3 })
  })

  it('never believes one silence: a probe lost on both sides is re-probed, not left as a deny', async () => {
    // a → b is open, but the first probe of it under base and under head is lost.
    const backend = new FakeBackend((policy, source, target, nth) =>
      policy !== 'none' && source === 'x/a' && target.host === ips['x/b'] && nth === 0
        ? 'timeout'
        : 'connected'
    )
    const result = await observe(backend, input)
    for (const side of [result.base, result.head]) {
      expect(side.cells.find((c) => flowKey(c.flow) === flowKey(flows[0]))).toMatchObject({
        verdict: 'allow',
        flaky: true,
        attempts: 3
      })
    }
    expect(result.diff.counts).toMatchObject({ closed: 0, opened: 0, unchanged: 3 })
  })

  it('retries probe errors, and leaves a flow that never gets a verdict out of both matrices', async () => {
    const backend = new FakeBackend((policy, source, target, nth) => {
      if (source !== 'x/a' || policy === 'none') return 'connected'
      if (target.host === ips['x/b']) return nth === 0 ? 'error' : 'connected'
      return policy === 'head' ? 'error' : 'connected'
    })
    const result = await observe(backend, input)
    const recovered = result.head.cells.find((c) => flowKey(c.flow) === flowKey(flows[0]))
    expect(recovered?.reason).toBe('connected (1/2 probes; 1 probe error)')
    expect(result.head.cells.map((c) => flowKey(c.flow))).not.toContain(flowKey(flows[1]))
    expect(result.base.cells.map((c) => flowKey(c.flow))).not.toContain(flowKey(flows[1]))
    expect(result.notProbed).toEqual([
      { flow: flows[1], reason: expect.stringMatching(/^head: no verdict after 6 probes: probe error/) }
    ])
    expect(result.diff.counts).toMatchObject({ added: 0, removed: 0 })
  })

  it('keeps SCTP flows out of the observed matrices and says why', async () => {
    const sctp: Flow = { from: 'x/a', to: 'x/b', protocol: 'SCTP', port: 9 }
    const result = await observe(new FakeBackend(closesAToC), { ...input, flows: [...flows, sctp] })
    expect(result.notProbed).toEqual([{ flow: sctp, reason: expect.stringMatching(/SCTP/) }])
    expect(result.head.cells).toHaveLength(3)
  })

  it('costs one exec per source pod per round', async () => {
    const backend = new FakeBackend(() => 'connected')
    const result = await observe(backend, input)
    expect(result.rounds.map((r) => [r.label, r.sources, r.probes])).toEqual([
      ['positive control', 2, 3],
      ['base', 2, 3],
      ['head', 2, 3]
    ])
    expect(backend.execs).toHaveLength(6)
  })
})
