// A probe round from one pod: the kubectl exec command line, the agent's JSON lines, and the
// three ways an exec fails without ever being a deny (kubectl `checkErr`; kubernetes/kubectl#1208).
import { describe, expect, it } from '@jest/globals'
import type { ProbeTarget } from '../src/edge/observe/backend.js'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import { ProbeExecFailure, probeFromPod } from '../src/edge/cluster/probe.js'
import { FakeRunner, fail, ok } from './helpers/fake-runner.js'

const targets: ProbeTarget[] = [
  { id: 'p0', protocol: 'TCP', host: '10.244.1.9', port: 80, http: { method: 'GET', path: '/public' } },
  { id: 'p1', protocol: 'UDP', host: '10.244.1.9', port: 53 },
  { id: 'p2', protocol: 'ICMP', host: '203.0.113.10' }
]
const source = { key: 'ns1/a', namespace: 'rd-7-ns1', pod: 'a' }
const AGENT_OUTPUT =
  '{"id":"p0","outcome":"http","status":200,"ms":4}\n' +
  '{"id":"p1","outcome":"timeout","ms":1000}\n' +
  '{"id":"p2","outcome":"connected","ms":1}\n' +
  '{"done":true,"count":3}\n'

async function failure(runner: FakeRunner): Promise<ProbeExecFailure> {
  const error = await probeFromPod(createKubectl(runner, {}), source, targets, 1000).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ProbeExecFailure)
  return error as ProbeExecFailure
}

describe('probeFrom', () => {
  it('builds the kubectl exec argv for a probe round, sends the batch on stdin and parses the results', async () => {
    const runner = new FakeRunner().on('exec', ok(AGENT_OUTPUT))
    const results = await probeFromPod(
      createKubectl(runner, { kubeconfig: '/t/kc', context: 'kind-reachdiff' }),
      source,
      targets,
      1000
    )
    expect(runner.calls).toEqual([
      {
        command: 'kubectl',
        args: [
          '--kubeconfig',
          '/t/kc',
          '--context',
          'kind-reachdiff',
          'exec',
          '-n',
          'rd-7-ns1',
          'a',
          '-c',
          'agent',
          '-i',
          '--',
          'node',
          '/agent/index.js',
          'probe',
          '--timeout-ms',
          '1000'
        ],
        input: JSON.stringify(targets),
        timeoutMs: 11_000
      }
    ])
    expect(results).toEqual([
      { id: 'p0', outcome: 'http', status: 200, ms: 4 },
      { id: 'p1', outcome: 'timeout', ms: 1000 },
      { id: 'p2', outcome: 'connected', ms: 1 }
    ])
  })

  it('an exec failure throws and is not a deny', async () => {
    const error = await failure(
      new FakeRunner().on('exec', fail(1, 'error: unable to upgrade connection: pod does not exist'))
    )
    expect(error.failure).toBe('kubectl')
    expect(error.source).toBe('ns1/a')
    expect(error.message).toContain('unable to upgrade connection')
  })

  it('tells the agent’s own non-zero exit apart from kubectl’s', async () => {
    const runner = new FakeRunner().on(
      'exec',
      fail(3, 'agent: stdin is not JSON: Unexpected end\ncommand terminated with exit code 3')
    )
    const error = await failure(runner)
    expect(error.failure).toBe('agent')
    expect(error.exitCode).toBe(3)
  })

  it('treats exit 0 without the closing record as a broken stream, whatever the exit code says', async () => {
    const cut = AGENT_OUTPUT.split('\n').slice(0, 2).join('\n')
    expect((await failure(new FakeRunner().on('exec', ok(cut)))).failure).toBe('truncated')
    expect((await failure(new FakeRunner().on('exec', ok('')))).failure).toBe('truncated')
  })

  it('treats a count that does not match the batch as a broken stream', async () => {
    const short = '{"id":"p0","outcome":"http","status":200,"ms":4}\n{"done":true,"count":1}\n'
    expect((await failure(new FakeRunner().on('exec', ok(short)))).message).toContain(
      '1 results, closing record says 1, 3 targets sent'
    )
  })

  it('reports its own deadline as a timeout', async () => {
    expect((await failure(new FakeRunner().on('exec', { timedOut: true, exitCode: 137 }))).failure).toBe(
      'timeout'
    )
  })
})
