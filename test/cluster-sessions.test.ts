// Agent sessions in cluster mode: one `kubectl exec` per pod (one `docker exec` per source
// external) for the whole observation, not one per round; at most a few batches in flight and a
// bounded number of sessions open, the least recently used idle one closed first; and nothing
// left running after cleanup, whatever failed before.
import { describe, expect, it, jest } from '@jest/globals'
import type { ClusterBackendOptions } from '../src/edge/cluster/cluster-backend.js'
import { createClusterBackend } from '../src/edge/cluster/cluster-backend.js'
import { ProbeExecFailure } from '../src/edge/cluster/probe.js'
import { SessionPool } from '../src/edge/observe/agent-session.js'
import type { ProbeTarget } from '../src/edge/observe/backend.js'
import { FakeCluster } from './helpers/fake-cluster.js'
import type { RecordedCall } from './helpers/fake-runner.js'
import {
  FakeClock,
  FakeRunner,
  agentExits,
  agentExitsInDocker,
  agentSession,
  answers,
  fail,
  line,
  ok,
  staysSilent
} from './helpers/fake-runner.js'

const PODS = ['a', 'b', 'c', 'd'].map((name, i) => ({
  namespace: 'ns1',
  name,
  ip: `10.244.${i % 2}.${i + 7}`
}))

/** A kind cluster backend over the fake cluster, with one external source (`world/internet`). */
function kind(caps: Pick<ClusterBackendOptions, 'maxExecs' | 'maxSessions'> = {}) {
  const cluster = new FakeCluster(PODS)
  cluster.runner.on('docker ps', ok('3f2a\n'))
  const options: ClusterBackendOptions = {
    runner: cluster.runner,
    cluster: {
      mode: 'kind',
      cluster: { kind: '/tc/kind', name: 'reachdiff', kubeconfig: '/t/kc', context: 'kind-reachdiff' },
      keepCluster: false
    },
    agentDir: '/a/dist/agent',
    agentFiles: { 'index.js': 'agent()' },
    clock: new FakeClock(),
    ...caps
  }
  return { cluster, runner: cluster.runner, options }
}

/** The pod or container a session was started in. */
const whereFrom = (call: RecordedCall): string => {
  const at = call.command === 'docker' ? call.args.indexOf('-i') + 1 : call.args.indexOf('-n') + 2
  return call.args[at]
}

/** A healthy agent that names where it runs in every result, so a batch answered by the wrong session shows. */
const selfNaming = (call: RecordedCall) =>
  agentSession(answers(() => ({ outcome: 'connected', ms: 1, detail: whereFrom(call) })))

const batch = (source: string): ProbeTarget[] => [
  { id: `${source}-0`, protocol: 'TCP', host: '10.244.1.9', port: 80 },
  { id: `${source}-1`, protocol: 'UDP', host: '10.244.0.7', port: 53 }
]

/** One round as probeRound runs it: every source's batch at once. */
function round(
  backend: { probeFrom: (s: string, t: ProbeTarget[], ms: number) => Promise<unknown> },
  sources: string[]
) {
  return Promise.all(sources.map((source) => backend.probeFrom(source, batch(source), 1000)))
}

describe('agent sessions in a kind cluster', () => {
  it('opens one kubectl exec per pod and one docker exec per source external, for every round', async () => {
    const { runner, options } = kind()
    runner.onStart(' exec -', selfNaming)
    const backend = await createClusterBackend(options)
    const sources = ['ns1/a', 'ns1/b', 'world/internet']
    for (let n = 0; n < 3; n++) {
      const results = (await round(backend, sources)) as { detail: string }[][]
      expect(results.map((answer) => answer.map((result) => result.detail))).toEqual([
        ['a', 'a'],
        ['b', 'b'],
        ['reachdiff-world-internet', 'reachdiff-world-internet']
      ])
    }
    expect(runner.started.map((child) => [line(child.call), child.written.length])).toEqual([
      [
        'kubectl --kubeconfig /t/kc --context kind-reachdiff exec -n ns1 a -c agent -i -- node /agent/index.js session --timeout-ms 1000',
        3
      ],
      [
        'kubectl --kubeconfig /t/kc --context kind-reachdiff exec -n ns1 b -c agent -i -- node /agent/index.js session --timeout-ms 1000',
        3
      ],
      ['docker exec -i reachdiff-world-internet node /agent/index.js session --timeout-ms 1000', 3]
    ])
    // No one-shot exec either.
    expect(runner.calls.filter((call) => call.args.includes('exec'))).toHaveLength(3)
    await backend.cleanup()
  })

  it('judges the agent’s exit in a docker session by its exit code, and opens a new one for the next batch', async () => {
    const { runner, options } = kind()
    runner.onStart(
      'docker exec -i',
      agentSession(answers(), agentExitsInDocker(3, 'stdin must be a JSON array of probe targets')),
      agentSession()
    )
    const backend = await createClusterBackend(options)
    await backend.probeFrom('world/internet', batch('w'), 1000)
    const error = (await backend
      .probeFrom('world/internet', batch('w'), 1000)
      .catch((e: unknown) => e)) as ProbeExecFailure
    expect(error).toBeInstanceOf(ProbeExecFailure)
    expect([error.failure, error.exitCode]).toEqual(['agent', 3])
    expect(await backend.probeFrom('world/internet', batch('w'), 1000)).toHaveLength(2)
    expect(runner.started).toHaveLength(2)
    await backend.cleanup()
  })

  it('keeps every answer with its source when more sources probe than sessions may stay open', async () => {
    const { runner, options } = kind({ maxExecs: 2, maxSessions: 2 })
    // At each start: how many sessions are open (running, stdin open) and how many are running at all.
    const atStart: { open: number; running: number }[] = []
    const running = () => runner.started.filter((child) => child.exitCode === undefined)
    runner.onStart(() => {
      atStart.push({ open: running().filter((child) => !child.ended).length, running: running().length })
      return true
    }, selfNaming)
    const backend = await createClusterBackend(options)
    const sources = ['ns1/a', 'ns1/b', 'ns1/c', 'ns1/d', 'world/internet']
    for (let n = 0; n < 3; n++) {
      const results = (await round(backend, sources)) as { id: string; detail: string }[][]
      expect(results.map((answer) => answer.map((result) => `${result.id} ${result.detail}`))).toEqual(
        sources.map((source) => {
          const where = source === 'world/internet' ? 'reachdiff-world-internet' : source.slice(4)
          return [`${source}-0 ${where}`, `${source}-1 ${where}`]
        })
      )
    }
    // Sessions churned; a new one never found two open, and never more than three running: the
    // two open ones and one another batch was still closing.
    expect(runner.started.length).toBeGreaterThan(sources.length)
    expect(Math.max(...atStart.map((at) => at.open))).toBe(1)
    expect(Math.max(...atStart.map((at) => at.running))).toBeLessThanOrEqual(2 + 2 - 1)
    const closed = runner.started.filter((child) => child.exitCode !== undefined)
    expect(closed.length).toBe(runner.started.length - 2)
    for (const child of closed) expect(child).toMatchObject({ ended: true, killed: false, exitCode: 0 })
    await backend.cleanup()
  })
})

describe('cleanup', () => {
  it('ends every session, then removes the external containers', async () => {
    const { runner, options } = kind()
    runner.onStart(' exec -', agentSession())
    let openAtRemoval: number | undefined
    runner.on('docker ps -aq', () => {
      openAtRemoval = runner.started.filter((child) => child.exitCode === undefined).length
      return ok('3f2a\n')
    })
    const backend = await createClusterBackend(options)
    await round(backend, ['ns1/a', 'ns1/b', 'ns1/c', 'world/internet'])
    await backend.cleanup()
    expect(runner.started).toHaveLength(4)
    for (const child of runner.started)
      expect(child).toMatchObject({ ended: true, killed: false, exitCode: 0 })
    expect(openAtRemoval).toBe(0)
    expect(runner.lines().slice(-2)).toEqual([
      'docker ps -aq --filter label=io.reachdiff.cluster=reachdiff',
      'docker rm -f 3f2a'
    ])
  })

  it('ends the sessions after failed batches too, and a retry arriving after cleanup starts nothing', async () => {
    const { runner, options } = kind()
    runner.onStart(' exec -', agentSession())
    runner.onStart('exec -n ns1 b ', agentSession(agentExits(1, 'EMFILE: too many open files')))
    const backend = await createClusterBackend(options)
    const failed = await round(backend, ['ns1/a', 'ns1/b']).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(ProbeExecFailure)
    await backend.cleanup()
    const started = runner.started.length
    await expect(backend.probeFrom('ns1/b', batch('ns1/b'), 1000)).rejects.toThrow(
      'the agent sessions are closed'
    )
    expect(runner.started).toHaveLength(started)
    for (const child of runner.started) expect(child.exitCode).toBeDefined()
  })

  it('kills a session that does not end, such as one still in a batch when a round failed elsewhere', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] })
    try {
      const { runner, options } = kind()
      runner.onStart('exec -n ns1 a ', agentSession(staysSilent))
      const backend = await createClusterBackend(options)
      const inFlight = backend.probeFrom('ns1/a', batch('ns1/a'), 1000).catch((e: unknown) => e)
      await new Promise((resolve) => setImmediate(resolve))
      const cleanup = backend.cleanup()
      await jest.advanceTimersByTimeAsync(2_000)
      await cleanup
      expect(runner.started[0]).toMatchObject({ ended: true, killed: true, exitCode: 128 })
      expect(await inFlight).toBeInstanceOf(ProbeExecFailure)
    } finally {
      jest.useRealTimers()
    }
  })

  it('ends the sessions before deleting the run’s namespaces on an existing cluster, even when the delete fails', async () => {
    const cluster = new FakeCluster(PODS.slice(0, 2).map((pod) => ({ ...pod, namespace: 'rd-42-1-ns1' })))
    const runner = cluster.runner
    runner.on('config current-context', ok('prod-eu-1\n'))
    runner.onStart(' exec -', agentSession())
    let openAtDelete: number | undefined
    runner.onKubectl('delete namespace {names...} --ignore-not-found {timeout}', () => {
      openAtDelete = runner.started.filter((child) => child.exitCode === undefined).length
      return fail(
        1,
        'Unable to connect to the server: dial tcp 127.0.0.1:6443: connect: connection refused\n'
      )
    })
    const backend = await createClusterBackend({
      runner,
      cluster: {
        mode: 'existing',
        allowExistingCluster: true,
        allowClusterwidePolicies: false,
        runId: '42-1'
      },
      agentDir: '/a/dist/agent',
      agentFiles: { 'index.js': 'agent()' },
      clock: new FakeClock()
    })
    await backend.deploy({
      namespaces: [{ name: 'ns1', labels: { 'kubernetes.io/metadata.name': 'ns1' } }],
      pods: PODS.slice(0, 2).map((pod) => ({
        namespace: 'ns1',
        name: pod.name,
        labels: { app: pod.name },
        serviceAccount: 'default',
        ports: [{ protocol: 'TCP' as const, port: 80 }]
      })),
      external: []
    })
    await round(backend, ['ns1/a', 'ns1/b'])
    await expect(backend.cleanup()).rejects.toThrow('connection refused')
    expect(openAtDelete).toBe(0)
    expect(runner.started.map((child) => line(child.call))).toEqual([
      'kubectl exec -n rd-42-1-ns1 a -c agent -i -- node /agent/index.js session --timeout-ms 1000',
      'kubectl exec -n rd-42-1-ns1 b -c agent -i -- node /agent/index.js session --timeout-ms 1000'
    ])
  })
})

describe('the session pool under a cap', () => {
  it('never closes a session that a batch is about to use to open another', async () => {
    // Two batches set off in one tick, one session allowed: the second may not close the first's
    // session before the first has even written to it (it opens one more, briefly).
    const runner = new FakeRunner().onStart('agent session', agentSession())
    const pool = new SessionPool((source) => runner.start('agent', ['session', source]), 1)
    const [a, b] = await Promise.all([
      pool.send('a', JSON.stringify(batch('a')), 5_000),
      pool.send('b', JSON.stringify(batch('b')), 5_000)
    ])
    expect([a.exitCode, a.stdout.split('\n').at(-1)]).toEqual([0, '{"done":true,"count":2}'])
    expect([b.exitCode, b.stdout.split('\n').at(-1)]).toEqual([0, '{"done":true,"count":2}'])
    expect(runner.started.map((child) => child.written.length)).toEqual([1, 1])
    await pool.closeAll()
  })
})
