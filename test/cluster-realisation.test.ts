// The policy realisation wait (docs/cluster-mode.md): per-agent revisions and per-endpoint realised
// revisions, read from real-shaped `cilium-dbg … -o json` output (`api/v1/models` in cilium/cilium).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import {
  laggingEndpoints,
  listAgents,
  parsePolicyRevision,
  readRevisions,
  RealisationTimeoutError,
  waitForRealisation
} from '../src/edge/cluster/enforcement/realisation.js'
import { FakeClock, FakeRunner, fail, json, ok } from './helpers/fake-runner.js'

const fixture = (name: string): string => readFileSync(`test/fixtures/cilium-dbg/${name}`, 'utf8')
const POLICY_GET = fixture('policy-get.json')
const LAGGING = fixture('endpoint-list-lagging.json')
const REALISED = fixture('endpoint-list-realised.json')

const agentPods = {
  items: [
    { metadata: { name: 'cilium-x7k2p' }, spec: { nodeName: 'reachdiff-worker' } },
    { metadata: { name: 'cilium-4mzq9' }, spec: { nodeName: 'reachdiff-control-plane' } }
  ]
}
const agents = [
  { pod: 'cilium-4mzq9', node: 'reachdiff-control-plane' },
  { pod: 'cilium-x7k2p', node: 'reachdiff-worker' }
]
const revision = (n: number): string => JSON.stringify({ ...JSON.parse(POLICY_GET), revision: n })

describe('parsing cilium-dbg JSON', () => {
  it('reads the revision from `policy get -o json`', () => {
    expect(parsePolicyRevision(POLICY_GET)).toBe(9)
  })

  it('finds endpoints with an identity that have not realised the revision; a missing policy-revision is 0', () => {
    expect(laggingEndpoints(LAGGING, 9)).toEqual([
      { id: 1012, pod: 'ns1/b-0', realized: 8 },
      { id: 777, pod: 'ns2/c-0' },
      { id: 151, pod: 'kube-system/coredns-7db6d8ff4d-x2mzq', realized: 0 }
    ])
  })

  it('skips endpoints without an identity, and counts the host endpoint like any other', () => {
    const ids = laggingEndpoints(LAGGING, 10).map((endpoint) => endpoint.id)
    expect(ids).not.toContain(2040)
    expect(ids).toContain(3381)
  })

  it('counts only endpoints in the given namespaces when asked', () => {
    expect(laggingEndpoints(LAGGING, 9, new Set(['ns2']))).toEqual([{ id: 777, pod: 'ns2/c-0' }])
  })

  it('finds nothing lagging once every endpoint has realised the revision', () => {
    expect(laggingEndpoints(REALISED, 9)).toEqual([])
  })
})

describe('waiting for realisation', () => {
  const K = 'kubectl -n kube-system exec'

  it('lists the agents by label, only on the nodes asked for', async () => {
    const runner = new FakeRunner().on('get pods -l k8s-app=cilium', json(agentPods))
    const kubectl = createKubectl(runner, {})
    expect(await listAgents(kubectl)).toEqual(agents)
    expect(await listAgents(kubectl, new Set(['reachdiff-worker']))).toEqual([agents[1]])
    expect(runner.lines()[0]).toBe('kubectl -n kube-system get pods -l k8s-app=cilium -o json')
  })

  it('reads each agent’s revision in its cilium-agent container', async () => {
    const runner = new FakeRunner().on('policy get', ok(POLICY_GET))
    expect(await readRevisions(createKubectl(runner, {}), agents)).toEqual(
      new Map([
        ['cilium-4mzq9', 9],
        ['cilium-x7k2p', 9]
      ])
    )
    expect(runner.lines()).toEqual([
      `${K} cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get -o json`,
      `${K} cilium-x7k2p -c cilium-agent -- cilium-dbg policy get -o json`
    ])
  })

  it('waits until every agent’s revision and endpoint reach the applied one, parsing cilium-dbg JSON', async () => {
    const runner = new FakeRunner()
      .on('cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get', ok(revision(8)), ok(revision(9)))
      .on('cilium-x7k2p -c cilium-agent -- cilium-dbg policy get', ok(revision(9)))
      .on('cilium-4mzq9 -c cilium-agent -- cilium-dbg endpoint list', ok(REALISED))
      .on('cilium-x7k2p -c cilium-agent -- cilium-dbg endpoint list', ok(LAGGING), ok(REALISED))
    const clock = new FakeClock()
    const targets = new Map([
      ['cilium-4mzq9', 9],
      ['cilium-x7k2p', 9]
    ])
    await waitForRealisation(
      { kubectl: createKubectl(runner, {}), clock, timeoutMs: 60_000, pollMs: 1_000 },
      agents,
      targets
    )
    expect(clock.sleeps).toEqual([1_000])
    expect(runner.lines()).toEqual([
      `${K} cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get -o json`,
      `${K} cilium-x7k2p -c cilium-agent -- cilium-dbg policy get -o json`,
      `${K} cilium-x7k2p -c cilium-agent -- cilium-dbg endpoint list -o json`,
      `${K} cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get -o json`,
      `${K} cilium-4mzq9 -c cilium-agent -- cilium-dbg endpoint list -o json`,
      `${K} cilium-x7k2p -c cilium-agent -- cilium-dbg policy get -o json`,
      `${K} cilium-x7k2p -c cilium-agent -- cilium-dbg endpoint list -o json`
    ])
  })

  it('times out with a clear error naming the lagging agent and endpoints', async () => {
    const runner = new FakeRunner()
      .on('cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get', ok(revision(7)))
      .on('cilium-x7k2p -c cilium-agent -- cilium-dbg policy get', ok(revision(9)))
      .on('endpoint list', ok(LAGGING))
    const wait = {
      kubectl: createKubectl(runner, {}),
      clock: new FakeClock(),
      timeoutMs: 60_000,
      pollMs: 1_000
    }
    const targets = new Map([
      ['cilium-4mzq9', 9],
      ['cilium-x7k2p', 9]
    ])
    const error = (await waitForRealisation(wait, agents, targets).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(RealisationTimeoutError)
    expect(error.message).toBe(
      "Cilium did not enforce the policy change within 60 s (waiting for each agent's policy revision and its endpoints' realised revision):\n" +
        '  agent cilium-4mzq9 on node reachdiff-control-plane: policy revision 7, waiting for 9\n' +
        '  agent cilium-x7k2p on node reachdiff-worker, waiting for revision 9: endpoint 1012 (ns1/b-0) has realised revision 8; ' +
        'endpoint 777 (ns2/c-0) has no realised policy; endpoint 151 (kube-system/coredns-7db6d8ff4d-x2mzq) has realised revision 0'
    )
    expect(wait.clock.now()).toBeLessThanOrEqual(60_000)
  })

  it('retries an agent exec on a transport error, but not a real failure', async () => {
    const upgrade = fail(1, 'error: unable to upgrade connection: container not found ("cilium-agent")')
    const runner = new FakeRunner().on('policy get', upgrade, ok(POLICY_GET))
    expect(await readRevisions(createKubectl(runner, {}), [agents[0]])).toEqual(
      new Map([['cilium-4mzq9', 9]])
    )
    const broken = new FakeRunner().on(
      'policy get',
      // cilium-dbg/cmd/policy_get.go: Fatalf("Cannot get policy: %s\n", err), printed as `Error: …`; kubectl
      // then adds the remote exit code (client-go remotecommand v4).
      fail(
        1,
        'Error: Cannot get policy: Get "http:///var/run/cilium/cilium.sock/v1/policy": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\n\ncommand terminated with exit code 1'
      )
    )
    await expect(readRevisions(createKubectl(broken, {}), [agents[0]])).rejects.toThrow('Cannot get policy')
    expect(broken.calls).toHaveLength(1)
  })
})
