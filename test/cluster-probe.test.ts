// A probe batch from one pod, through its agent session: the kubectl exec command line, the
// agent's JSON lines, and the ways a batch fails without ever being a deny (kubectl `checkErr`;
// kubernetes/kubectl#1208). Each failure ends the session, so the retry gets a fresh exec.
import { describe, expect, it, jest } from '@jest/globals'
import type { ProbeTarget } from '../src/edge/observe/backend.js'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import { ProbeExecFailure } from '../src/edge/cluster/probe.js'
import { createProbeSessions } from '../src/edge/cluster/probe-sessions.js'
import { execTimeoutMs } from '../src/edge/observe/plan.js'
import type { FakeChild } from './helpers/fake-runner.js'
import {
  FakeRunner,
  agentExits,
  agentSession,
  answers,
  kubectlFails,
  staysSilent,
  streamBreaks
} from './helpers/fake-runner.js'

const targets: ProbeTarget[] = [
  { id: 'p0', protocol: 'TCP', host: '10.244.1.9', port: 80, http: { method: 'GET', path: '/public' } },
  { id: 'p1', protocol: 'UDP', host: '10.244.1.9', port: 53 },
  { id: 'p2', protocol: 'ICMP', host: '203.0.113.10' }
]
const source = { key: 'ns1/a', namespace: 'rd-7-ns1', pod: 'a' }

const seen: Record<string, { outcome: 'http' | 'timeout' | 'connected'; status?: number; ms: number }> = {
  p0: { outcome: 'http', status: 200, ms: 4 },
  p1: { outcome: 'timeout', ms: 1000 },
  p2: { outcome: 'connected', ms: 1 }
}
const agent = answers((target) => seen[target.id])

/** Sessions over a fake kubectl whose `exec` into pod a starts `children` in turn. */
function sessionsWith(...children: FakeChild[]) {
  const runner = new FakeRunner().onStart('exec -n rd-7-ns1 a ', ...children)
  const sessions = createProbeSessions(createKubectl(runner, {}), runner, { maxInFlight: 6, maxOpen: 32 })
  return { runner, sessions }
}

async function failure(promise: Promise<unknown>): Promise<ProbeExecFailure> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ProbeExecFailure)
  return error as ProbeExecFailure
}

describe('a probe batch in a pod’s agent session', () => {
  it('starts kubectl exec of the agent’s session, writes the batch as one line and reads its results', async () => {
    const runner = new FakeRunner().onStart('exec', agentSession(agent))
    const kubectl = createKubectl(runner, { kubeconfig: '/t/kc', context: 'kind-reachdiff' })
    const sessions = createProbeSessions(kubectl, runner, { maxInFlight: 6, maxOpen: 32 })
    const results = await sessions.probe(source, targets, 1000)
    expect(runner.started.map((child) => child.call)).toEqual([
      {
        command: 'kubectl',
        args: [
          ...['--kubeconfig', '/t/kc', '--context', 'kind-reachdiff'],
          ...['exec', '-n', 'rd-7-ns1', 'a', '-c', 'agent', '-i', '--'],
          ...['node', '/agent/index.js', 'session', '--timeout-ms', '1000']
        ]
      }
    ])
    expect(runner.started[0].written).toEqual([JSON.stringify(targets)])
    expect(results).toEqual([
      { id: 'p0', outcome: 'http', status: 200, ms: 4 },
      { id: 'p1', outcome: 'timeout', ms: 1000 },
      { id: 'p2', outcome: 'connected', ms: 1 }
    ])
    await sessions.closeAll()
  })

  it('says kubectl failed when kubectl cannot set the exec up, and the retry opens a new session', async () => {
    const { runner, sessions } = sessionsWith(
      // The kubelet's message relayed by the SPDY upgrade (kubelet GetExec "container not found
      // (%q)"; apimachinery spdy roundtripper "unable to upgrade connection: %s"); kubectl's
      // WebSocket executor falls back to SPDY on a failed upgrade (client-go remotecommand/fallback.go).
      kubectlFails('error: unable to upgrade connection: container not found ("agent")'),
      agentSession(agent)
    )
    const error = await failure(sessions.probe(source, targets, 1000))
    expect(error.failure).toBe('kubectl')
    expect(error.source).toBe('ns1/a')
    expect(error.message).toContain('container not found ("agent")')
    expect(await sessions.probe(source, targets, 1000)).toHaveLength(3)
    expect(runner.started).toHaveLength(2)
    await sessions.closeAll()
  })

  it('says kubectl failed when the pod is gone', async () => {
    const { sessions } = sessionsWith(kubectlFails('Error from server (NotFound): pods "a" not found'))
    const error = await failure(sessions.probe(source, targets, 1000))
    expect(error.failure).toBe('kubectl')
    expect(error.message).toContain('exited 1: Error from server (NotFound): pods "a" not found')
  })

  it('tells the agent’s own non-zero exit apart from kubectl’s, and ends that session', async () => {
    const { runner, sessions } = sessionsWith(
      agentSession(agent, agentExits(3, 'stdin is not JSON: Unexpected end of JSON input')),
      agentSession(agent)
    )
    await sessions.probe(source, targets, 1000)
    const error = await failure(sessions.probe(source, targets, 1000))
    expect(error.failure).toBe('agent')
    expect(error.exitCode).toBe(3)
    expect(error.message).toContain('stdin is not JSON')
    await sessions.probe(source, targets, 1000)
    expect(runner.started.map((child) => [child.written.length, child.exitCode])).toEqual([
      [2, 3],
      [1, undefined]
    ])
    await sessions.closeAll()
  })

  it('treats a stream that ends without the closing record as broken, whatever the exit code says', async () => {
    const { runner, sessions } = sessionsWith(agentSession(agent, streamBreaks(2)), agentSession(agent))
    await sessions.probe(source, targets, 1000)
    const error = await failure(sessions.probe(source, targets, 1000))
    expect(error.failure).toBe('truncated')
    expect(error.message).toContain('no closing record after 2 results')
    expect(await sessions.probe(source, targets, 1000)).toHaveLength(3)
    expect(runner.started).toHaveLength(2)
    await sessions.closeAll()
  })

  it('treats a closing record whose count does not match the batch as broken, and does not trust that session again', async () => {
    const short = () => ({
      lines: ['{"id":"p0","outcome":"http","status":200,"ms":4}', '{"done":true,"count":1}']
    })
    const { runner, sessions } = sessionsWith(agentSession(short), agentSession(agent))
    const error = await failure(sessions.probe(source, targets, 1000))
    expect(error.failure).toBe('truncated')
    expect(error.message).toContain('1 results, closing record says 1, 3 targets sent')
    // The first session was told to end (stdin closed) and did; the retry runs in a new one.
    expect(runner.started[0]).toMatchObject({ ended: true, exitCode: 0, killed: false })
    expect(await sessions.probe(source, targets, 1000)).toHaveLength(3)
    expect(runner.started).toHaveLength(2)
    await sessions.closeAll()
  })

  it('fails a batch sent after the sessions were closed, without starting kubectl again', async () => {
    const { runner, sessions } = sessionsWith(agentSession(agent))
    await sessions.probe(source, targets, 1000)
    await sessions.closeAll()
    expect((await failure(sessions.probe(source, targets, 1000))).failure).toBe('kubectl')
    expect(runner.started).toHaveLength(1)
  })

  it('does not start a session no rule scripts: it fails loudly and is recorded', async () => {
    const runner = new FakeRunner()
    const sessions = createProbeSessions(createKubectl(runner, {}), runner, { maxInFlight: 6, maxOpen: 32 })
    const error = await failure(sessions.probe(source, targets, 1000))
    expect(error.message).toContain('exited 127: FakeRunner: no rule answers `kubectl exec -n rd-7-ns1 a')
    expect(runner.unscripted).toHaveLength(1)
  })

  it('reports its own deadline as a timeout and kills that session', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] })
    try {
      const { runner, sessions } = sessionsWith(agentSession(staysSilent), agentSession(agent))
      const pending = failure(sessions.probe(source, targets, 1000))
      await jest.advanceTimersByTimeAsync(execTimeoutMs(1000, targets))
      expect((await pending).failure).toBe('timeout')
      expect(runner.started[0]).toMatchObject({ killed: true, exitCode: 128 })
      expect(await sessions.probe(source, targets, 1000)).toHaveLength(3)
      await sessions.closeAll()
    } finally {
      jest.useRealTimers()
    }
  })
})
