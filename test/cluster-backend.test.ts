// The kind cluster as a Backend: deploy (pods and external endpoints), base then head, a probe
// round, and cleanup, all through the one command-runner seam.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Topology } from '../src/core/model.js'
import type { ClusterBackendOptions } from '../src/edge/cluster/cluster-backend.js'
import { createClusterBackend } from '../src/edge/cluster/cluster-backend.js'
import { readAgentBundle } from '../src/edge/cluster/workloads/workload-manifests.js'
import { FakeCluster, policy } from './helpers/fake-cluster.js'
import { FakeClock, agentSession, answers, line, ok } from './helpers/fake-runner.js'

const topology: Topology = {
  namespaces: [{ name: 'ns1', labels: { 'kubernetes.io/metadata.name': 'ns1' } }],
  pods: [
    {
      namespace: 'ns1',
      name: 'a',
      labels: { app: 'a' },
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP', port: 80 }]
    },
    {
      namespace: 'ns1',
      name: 'b',
      labels: { app: 'b' },
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP', port: 80 }]
    }
  ],
  external: [{ name: 'internet', ip: '203.0.113.10', ports: [{ protocol: 'TCP', port: 443 }] }]
}

function kind(keepCluster = false) {
  const cluster = new FakeCluster([
    { namespace: 'ns1', name: 'a', ip: '10.244.0.7' },
    { namespace: 'ns1', name: 'b', ip: '10.244.1.9' }
  ])
  cluster.runner
    .on('network inspect', ok('[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]'))
    .on('docker logs', ok('{"serving":{"tcp":[443],"udp":[]},"pid":1}\n'))
    .on('docker inspect', ok('172.18.0.4\n'))
    .on('get nodes --name', ok('reachdiff-control-plane\nreachdiff-worker\n'))
    .on('docker ps', ok('3f2a\n'))
  const options: ClusterBackendOptions = {
    runner: cluster.runner,
    cluster: {
      mode: 'kind',
      cluster: { kind: '/tc/kind', name: 'reachdiff', kubeconfig: '/t/kc', context: 'kind-reachdiff' },
      keepCluster
    },
    agentDir: '/a/dist/agent',
    agentFiles: { 'index.js': 'agent()' },
    clock: new FakeClock()
  }
  return { cluster, options }
}

const cnp = (name: string, port: string) =>
  policy('CiliumNetworkPolicy', name, {
    endpointSelector: { matchLabels: { app: 'b' } },
    ingress: [
      { fromEndpoints: [{ matchLabels: { app: 'a' } }], toPorts: [{ ports: [{ port, protocol: 'TCP' }] }] }
    ]
  })

describe('the kind cluster backend', () => {
  it('deploys pods and external endpoints and returns every address', async () => {
    const { options } = kind()
    const backend = await createClusterBackend(options)
    expect([...(await backend.deploy(topology))]).toEqual([
      ['ns1/a', '10.244.0.7'],
      ['ns1/b', '10.244.1.9'],
      ['world/internet', '203.0.113.10']
    ])
  })

  it('applies base then head and waits on every agent with our kubeconfig and context', async () => {
    const { cluster, options } = kind()
    const backend = await createClusterBackend(options)
    await backend.deploy(topology)
    expect(await backend.applyPolicies([cnp('allow', '80')])).toEqual([])
    expect(await backend.applyPolicies([cnp('allow', '8080')])).toEqual([])
    expect(cluster.revision).toBe(7)
    const K = 'kubectl --kubeconfig /t/kc --context kind-reachdiff'
    expect(cluster.runner.lines()).toEqual(
      expect.arrayContaining([
        `${K} -n kube-system exec cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get -o json`,
        `${K} -n kube-system exec cilium-x7k2p -c cilium-agent -- cilium-dbg endpoint list -o json`
      ])
    )
    expect(cluster.runner.find('delete')).toEqual([])
  })

  it('deletes the setup allow-all with the first policy set, counting it in the wait (enforcement always)', async () => {
    const { cluster, options } = kind()
    if (options.cluster.mode !== 'kind') throw new Error('kind only')
    options.cluster.cluster.allowAll = true
    cluster.policies.set('CiliumClusterwideNetworkPolicy//reachdiff-allow-all-during-setup', {
      kind: 'CiliumClusterwideNetworkPolicy',
      metadata: { name: 'reachdiff-allow-all-during-setup', generation: 1 }
    })
    const backend = await createClusterBackend(options)
    await backend.deploy(topology)
    await backend.applyPolicies([cnp('allow', '80')])
    const lines = cluster.runner.lines()
    const K = 'kubectl --kubeconfig /t/kc --context kind-reachdiff'
    const deleted = lines.indexOf(
      `${K} delete ciliumclusterwidenetworkpolicies.cilium.io reachdiff-allow-all-during-setup --ignore-not-found`
    )
    expect(deleted).toBeGreaterThan(0)
    expect(deleted).toBeLessThan(
      lines.findIndex((l) => l.includes('apply -f -') && !l.includes('server-side'))
    )
    expect(cluster.revision).toBe(7)
    expect(cluster.policies.has('CiliumClusterwideNetworkPolicy//reachdiff-allow-all-during-setup')).toBe(
      false
    )
  })

  it('probes from a pod by its topology name, in its agent session', async () => {
    const { cluster, options } = kind()
    cluster.runner.onStart(' exec -n ', agentSession(answers(() => ({ outcome: 'refused', ms: 2 }))))
    const backend = await createClusterBackend(options)
    const results = await backend.probeFrom(
      'ns1/a',
      [{ id: 'p0', protocol: 'TCP', host: '10.244.1.9', port: 80 }],
      1000
    )
    expect(results).toEqual([{ id: 'p0', outcome: 'refused', ms: 2 }])
    expect(cluster.runner.lines().at(-1)).toBe(
      'kubectl --kubeconfig /t/kc --context kind-reachdiff exec -n ns1 a -c agent -i -- node /agent/index.js session --timeout-ms 1000'
    )
    await backend.cleanup()
  })

  it('probes from a source external in its container, with the same agent and batch', async () => {
    const { cluster, options } = kind()
    cluster.runner.onStart('docker exec -i', agentSession())
    const backend = await createClusterBackend(options)
    const targets = [{ id: 'p0', protocol: 'TCP' as const, host: '10.244.1.9', port: 80 }]
    expect(await backend.probeFrom('world/internet', targets, 1000)).toEqual([
      { id: 'p0', outcome: 'connected', ms: 1 }
    ])
    const [session] = cluster.runner.started
    expect(line(session.call)).toBe(
      'docker exec -i reachdiff-world-internet node /agent/index.js session --timeout-ms 1000'
    )
    expect(session.written.map((batch) => JSON.parse(batch) as unknown)).toEqual([targets])
    // observe() plans flows from world/<name> only for a backend that says it can send them.
    expect(backend.sendsFromExternals).toBe(true)
    await backend.cleanup()
  })

  it('says the container is gone when docker exec cannot reach it, never a deny', async () => {
    const { cluster, options } = kind()
    cluster.runner.onStart('docker exec -i', {
      failsAtStart: { exitCode: 1, stderr: 'Error response from daemon: container 4f1c9b is not running\n' }
    })
    const backend = await createClusterBackend(options)
    await expect(
      backend.probeFrom('world/internet', [{ id: 'p0', protocol: 'TCP', host: '10.244.1.9', port: 80 }], 1000)
    ).rejects.toThrow('container 4f1c9b is not running')
  })

  it('removes the external containers at cleanup, and leaves the cluster to the post step', async () => {
    const { cluster, options } = kind()
    const backend = await createClusterBackend(options)
    await backend.cleanup()
    expect(cluster.runner.lines()).toEqual([
      'docker ps -aq --filter label=io.reachdiff.cluster=reachdiff',
      'docker rm -f 3f2a'
    ])
  })

  it('keeps everything with keep-cluster', async () => {
    const { cluster, options } = kind(true)
    await (await createClusterBackend(options)).cleanup()
    expect(cluster.runner.calls).toEqual([])
  })
})

describe('the agent bundle', () => {
  it('takes the ncc output the agent needs to run as ESM, without the source map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachdiff-agent-'))
    for (const [name, text] of Object.entries({
      'index.js': "import './sourcemap-register.cjs';",
      'index.js.map': '{}',
      'package.json': '{"type":"module"}',
      'sourcemap-register.cjs': 'x'
    })) {
      writeFileSync(join(dir, name), text)
    }
    expect(Object.keys(await readAgentBundle(dir))).toEqual([
      'index.js',
      'package.json',
      'sourcemap-register.cjs'
    ])
  })

  it('says how to build it when it is missing', async () => {
    await expect(readAgentBundle(mkdtempSync(join(tmpdir(), 'reachdiff-none-')))).rejects.toThrow(
      'run npm run build'
    )
  })
})
