// Scale: a topology the two kind nodes cannot hold is refused before anything is created, a
// run whose pods all share one node says so, and no more than a few `kubectl exec`s run at once.
import { describe, expect, it } from '@jest/globals'
import type { Pod, Topology } from '../src/core/model.js'
import { createClusterBackend } from '../src/edge/cluster/cluster-backend.js'
import { assertTopologyFits, singleNodeWarning } from '../src/edge/cluster/workloads/capacity.js'
import { createLimiter } from '../src/edge/cluster/exec-limit.js'
import { FakeCluster } from './helpers/fake-cluster.js'
import { FakeClock } from './helpers/fake-runner.js'

const pods = (n: number): Pod[] =>
  Array.from({ length: n }, (_, i) => ({
    namespace: 'ns1',
    name: `p${i}`,
    labels: { app: `p${i}` },
    serviceAccount: 'default',
    ports: [{ protocol: 'TCP', port: 80 }]
  }))
const topology = (n: number): Topology => ({
  namespaces: [{ name: 'ns1', labels: {} }],
  pods: pods(n),
  external: []
})

describe('the capacity of the kind cluster', () => {
  it('holds 196 test pods: two nodes of 110, less 12 system pods each', () => {
    expect(() => assertTopologyFits(topology(196))).not.toThrow()
  })

  it('refuses one more, saying why and that nothing was created', () => {
    expect(() => assertTopologyFits(topology(197))).toThrow(
      "the topology has 197 pods, but reachdiff's kind cluster holds at most 196: 2 nodes of 110 pods each " +
        "(the kubelet's default maxPods), less 12 system pods per node. Nothing was created."
    )
  })
})

describe('pods on one node', () => {
  it('warns when every pod landed on the same node', () => {
    expect(
      singleNodeWarning(
        new Map([
          ['ns1/a', 'w'],
          ['ns1/b', 'w']
        ])
      )
    ).toBe(
      'all 2 test pods run on node w: no flow crosses nodes, so the cross-node datapath (tunnel, remote-node identities) is not observed'
    )
    expect(
      singleNodeWarning(
        new Map([
          ['ns1/a', 'w'],
          ['ns1/b', 'cp']
        ])
      )
    ).toBeUndefined()
    expect(singleNodeWarning(new Map([['ns1/a', 'w']]))).toBeUndefined()
  })

  it('is said through the backend’s warning channel after deploy', async () => {
    const cluster = new FakeCluster([
      { namespace: 'ns1', name: 'p0', ip: '10.244.1.2' },
      { namespace: 'ns1', name: 'p1', ip: '10.244.1.3' }
    ])
    cluster.podNode = 'reachdiff-worker'
    const warnings: string[] = []
    const backend = await createClusterBackend({
      runner: cluster.runner,
      cluster: {
        mode: 'kind',
        cluster: { kind: 'kind', name: 'reachdiff', kubeconfig: '/k', context: 'kind-reachdiff' },
        keepCluster: false
      },
      agentDir: '/a',
      agentFiles: { 'index.js': '' },
      clock: new FakeClock(),
      warn: (line) => warnings.push(line)
    })
    await backend.deploy(topology(2))
    expect(warnings).toEqual([expect.stringContaining('all 2 test pods run on node reachdiff-worker')])
  })
})

describe('the kubectl exec cap', () => {
  it('runs at most the limit at once, and every task in the end', async () => {
    const limit = createLimiter(2)
    let active = 0
    let peak = 0
    const release: (() => void)[] = []
    const task = (): Promise<void> =>
      limit(async () => {
        active++
        peak = Math.max(peak, active)
        await new Promise<void>((resolve) => release.push(resolve))
        active--
      })
    const all = Promise.all([task(), task(), task(), task(), task()])
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      release.shift()?.()
    }
    await all
    expect(peak).toBe(2)
  })

  it('hands a freed slot to the next in line, so a caller arriving meanwhile waits its turn', async () => {
    // A third caller arrives a few microtasks after the first task ends, whichever moment falls
    // between the slot being freed and the waiting second task taking it.
    for (let ticks = 0; ticks < 6; ticks++) {
      const limit = createLimiter(1)
      let active = 0
      let peak = 0
      const release: (() => void)[] = []
      const task = (): Promise<void> =>
        limit(async () => {
          active++
          peak = Math.max(peak, active)
          await new Promise<void>((resolve) => release.push(resolve))
          active--
        })
      const started = [task(), task()]
      await new Promise((resolve) => setImmediate(resolve))
      let arrival = Promise.resolve()
      for (let n = 0; n < ticks; n++) arrival = arrival.then(() => undefined)
      release.shift()!()
      await arrival.then(() => started.push(task()))
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setImmediate(resolve))
        release.shift()?.()
      }
      await Promise.all(started)
      expect([ticks, peak]).toEqual([ticks, 1])
    }
  })
})
