// The planner, the agent-output reader and the verdict mapping: pure pieces of cluster mode.
import { describe, expect, it } from '@jest/globals'
import type { Flow } from '../src/core/model.js'
import type { ProbeResult } from '../src/edge/observe/backend.js'
import {
  AgentOutputError,
  parseAgentOutput,
  planRound,
  sourceKind,
  unprobeableReason
} from '../src/edge/observe/plan.js'
import { judgeResult } from '../src/edge/observe/verdict.js'

const addresses = new Map([
  ['x/a', '10.0.0.1'],
  ['x/b', '10.0.0.2'],
  ['world/one', '10.0.9.9']
])

describe('planRound', () => {
  it('makes one batch per source, HTTP and ICMP probes included, and leaves SCTP out', () => {
    const flows: Flow[] = [
      { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80 },
      { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80, http: { method: 'GET', path: '/p' } },
      { from: 'x/a', to: 'x/b', protocol: 'ICMP' },
      { from: 'x/b', to: 'world/one', protocol: 'UDP', port: 53 },
      { from: 'x/b', to: 'x/a', protocol: 'SCTP', port: 9 }
    ]
    const plan = planRound(flows, addresses)
    expect([...plan.batches.keys()]).toEqual(['x/a', 'x/b'])
    expect(plan.batches.get('x/a')).toEqual([
      { id: 'p0', protocol: 'TCP', host: '10.0.0.2', port: 80 },
      { id: 'p1', protocol: 'TCP', host: '10.0.0.2', port: 80, http: { method: 'GET', path: '/p' } },
      { id: 'p2', protocol: 'ICMP', host: '10.0.0.2' }
    ])
    expect(plan.batches.get('x/b')).toEqual([{ id: 'p3', protocol: 'UDP', host: '10.0.9.9', port: 53 }])
    expect(plan.flows.get('p1')).toBe(flows[1])
    expect(plan.notProbed).toEqual([{ flow: flows[4], reason: expect.stringMatching(/SCTP is not probed/) }])
  })

  it('makes a batch for an external endpoint that sends to pods, keyed by its world/ name', () => {
    const flows: Flow[] = [
      { from: 'world/one', to: 'x/a', protocol: 'TCP', port: 80 },
      { from: 'x/b', to: 'x/a', protocol: 'TCP', port: 80 },
      { from: 'world/one', to: 'x/b', protocol: 'ICMP' }
    ]
    const plan = planRound(flows, addresses)
    expect([...plan.batches.keys()].map((source) => [source, sourceKind(source)])).toEqual([
      ['world/one', 'external'],
      ['x/b', 'pod']
    ])
    expect(plan.batches.get('world/one')).toEqual([
      { id: 'p0', protocol: 'TCP', host: '10.0.0.1', port: 80 },
      { id: 'p2', protocol: 'ICMP', host: '10.0.0.2' }
    ])
    expect(() => planRound([{ from: 'world/two', to: 'x/a', protocol: 'ICMP' }], addresses)).toThrow(
      /no external endpoint world\/two to probe from/
    )
  })

  it('leaves flows from externals unprobed on a backend that probes from pods only', () => {
    const fromWorld: Flow = { from: 'world/one', to: 'x/a', protocol: 'TCP', port: 80 }
    expect(unprobeableReason(fromWorld, { fromExternals: false })).toMatch(/probes from pods only/)
    expect(unprobeableReason(fromWorld, { fromExternals: true })).toBeUndefined()
    expect(unprobeableReason({ ...fromWorld, from: 'x/b' }, { fromExternals: false })).toBeUndefined()
  })

  it('refuses a flow whose endpoint was never deployed', () => {
    expect(() => planRound([{ from: 'x/a', to: 'x/zz', protocol: 'TCP', port: 1 }], addresses)).toThrow(
      /no address for x\/zz/
    )
  })
})

describe('parseAgentOutput', () => {
  const targets = [
    { id: 'p0', protocol: 'TCP' as const, host: '10.0.0.2', port: 80 },
    { id: 'p1', protocol: 'ICMP' as const, host: '10.0.0.2' }
  ]
  const line = (result: ProbeResult): string => JSON.stringify(result)

  it('returns the results in target order', () => {
    const stdout = [
      line({ id: 'p1', outcome: 'timeout', ms: 1000 }),
      line({ id: 'p0', outcome: 'connected', ms: 3 }),
      '{"done":true,"count":2}',
      ''
    ].join('\n')
    expect(parseAgentOutput(stdout, targets).map((r) => r.outcome)).toEqual(['connected', 'timeout'])
  })

  it('calls output without the closing record, or missing a target, an exec failure', () => {
    const truncated = line({ id: 'p0', outcome: 'connected', ms: 3 })
    expect(() => parseAgentOutput(truncated, targets)).toThrow(AgentOutputError)
    expect(() => parseAgentOutput('', targets)).toThrow(/truncated/)
    const missing = `${line({ id: 'p0', outcome: 'connected', ms: 3 })}\n{"done":true,"count":1}\n`
    expect(() => parseAgentOutput(missing, targets)).toThrow(/no result for target p1/)
    expect(() => parseAgentOutput('PING 10.0.0.2\n', targets)).toThrow(/not JSON/)
  })
})

describe('judgeResult', () => {
  const tcp: Flow = { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80 }
  const http: Flow = { ...tcp, http: { method: 'GET', path: '/private' } }
  const icmp: Flow = { from: 'x/a', to: 'x/b', protocol: 'ICMP' }
  const udp: Flow = { ...tcp, protocol: 'UDP' }
  const result = (outcome: ProbeResult['outcome'], status?: number): ProbeResult => ({
    id: 'p',
    outcome,
    status,
    ms: 1
  })

  it.each([
    [tcp, result('connected'), 'allow', 'connected'],
    [http, result('http', 200), 'allow', 'HTTP 200'],
    [http, result('http', 403), 'deny', 'HTTP 403 (L7 deny)'],
    [tcp, result('http', 403), 'allow', 'HTTP 403'],
    [http, result('http', 503), 'allow', 'HTTP 503'],
    [tcp, result('refused'), 'allow', 'refused by the destination (the packet got through)'],
    [tcp, result('timeout'), 'deny', 'timed out after 1000 ms'],
    [icmp, result('connected'), 'allow', 'ping answered'],
    [udp, result('connected'), 'allow', 'UDP echo returned']
  ])('%j %j → %s', (flow: Flow, probe: ProbeResult, verdict: string, seen: string) => {
    expect(judgeResult(flow, probe, 1000)).toEqual({ verdict, seen })
  })

  it('gives no verdict for an error: it is retried, never a deny', () => {
    expect(judgeResult(tcp, { id: 'p', outcome: 'error', detail: 'EHOSTUNREACH', ms: 1 }, 1000)).toEqual({
      seen: 'probe error: EHOSTUNREACH'
    })
  })
})
