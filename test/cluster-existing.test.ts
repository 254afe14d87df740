// `cluster: existing`: refusals, per-run namespaces, renamed policies, and cleanup of everything
// the run created, also when it fails half-way.
import { describe, expect, it } from '@jest/globals'
import type { Topology } from '../src/core/model.js'
import type { ClusterBackendOptions } from '../src/edge/cluster/cluster-backend.js'
import { createClusterBackend } from '../src/edge/cluster/cluster-backend.js'
import { ClusterRefusal, prefixNaming, renameNamespaces, runPrefix } from '../src/edge/cluster/existing.js'
import { FakeCluster, policy } from './helpers/fake-cluster.js'
import { FakeClock, agentSession, fail, ok } from './helpers/fake-runner.js'

const topology: Topology = {
  namespaces: [
    { name: 'ns1', labels: { 'kubernetes.io/metadata.name': 'ns1' } },
    { name: 'ns2', labels: { 'kubernetes.io/metadata.name': 'ns2' } }
  ],
  pods: [
    {
      namespace: 'ns1',
      name: 'a',
      labels: { app: 'a' },
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP', port: 80 }]
    },
    {
      namespace: 'ns2',
      name: 'b',
      labels: { app: 'b' },
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP', port: 80 }]
    }
  ],
  external: []
}

function existing(overrides: { allowExistingCluster?: boolean; allowClusterwidePolicies?: boolean } = {}) {
  const cluster = new FakeCluster([
    { namespace: 'rd-42-1-ns1', name: 'a', ip: '10.0.1.5' },
    { namespace: 'rd-42-1-ns2', name: 'b', ip: '10.0.2.6' }
  ])
  cluster.runner.on('config current-context', ok('prod-eu-1\n'))
  const options: ClusterBackendOptions = {
    runner: cluster.runner,
    cluster: {
      mode: 'existing',
      allowExistingCluster: overrides.allowExistingCluster ?? true,
      allowClusterwidePolicies: overrides.allowClusterwidePolicies ?? false,
      runId: '42-1'
    },
    agentDir: '/a/dist/agent',
    agentFiles: { 'index.js': 'agent()' },
    clock: new FakeClock()
  }
  return { cluster, options }
}

const DELETE_NAMESPACES = 'kubectl delete namespace rd-42-1-ns1 rd-42-1-ns2 --ignore-not-found --timeout=120s'

describe('the existing-cluster guard', () => {
  it('refuses an existing cluster unless allowed, naming the context, before changing anything', async () => {
    const { cluster, options } = existing({ allowExistingCluster: false })
    const error = await createClusterBackend(options).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClusterRefusal)
    expect((error as Error).message).toContain('the current kubeconfig context "prod-eu-1"')
    expect((error as Error).message).toContain('allow-existing-cluster: true')
    expect(cluster.runner.lines()).toEqual(['kubectl config current-context'])
  })

  it('sends nothing from world: a shared cluster has no external containers of ours', async () => {
    const { options } = existing()
    expect((await createClusterBackend(options)).sendsFromExternals).toBe(false)
  })

  it('refuses a CCNP on an existing cluster unless allowed, and says so', async () => {
    const { cluster, options } = existing()
    const backend = await createClusterBackend(options)
    await backend.deploy(topology)
    const ccnp = policy('CiliumClusterwideNetworkPolicy', 'deny-world', { endpointSelector: {} }, '', 12)
    const error = await backend
      .applyPolicies([policy('CiliumNetworkPolicy', 'a', { endpointSelector: {} }), ccnp])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClusterRefusal)
    expect((error as Error).message).toContain(
      'CiliumClusterwideNetworkPolicy deny-world (policies/p.yaml:12)'
    )
    expect((error as Error).message).toContain('allow-clusterwide-policies: true')
    expect(cluster.runner.find('apply -f - ').filter((call) => !call.args.includes('--server-side'))).toEqual(
      []
    )
  })

  it('also refuses external endpoints, which need the kind network', async () => {
    const { options } = existing()
    const backend = await createClusterBackend(options)
    const withWorld = { ...topology, external: [{ name: 'internet', ip: '203.0.113.10', ports: [] }] }
    await expect(backend.deploy(withWorld)).rejects.toThrow(
      'an existing cluster has no place for external endpoints (world/internet)'
    )
  })
})

describe('per-run namespaces', () => {
  it('puts workloads in namespaces prefixed per run and reports addresses under the topology’s names', async () => {
    const { cluster, options } = existing()
    const backend = await createClusterBackend(options)
    const addresses = await backend.deploy(topology)
    expect([...addresses]).toEqual([
      ['ns1/a', '10.0.1.5'],
      ['ns2/b', '10.0.2.6']
    ])
    const namespaces = JSON.parse(cluster.runner.find('apply -f -')[0].input!) as {
      items: { metadata: { name: string } }[]
    }
    expect(namespaces.items.map((item) => item.metadata.name)).toEqual(['rd-42-1-ns1', 'rd-42-1-ns2'])
    expect(cluster.runner.lines()).toContain(
      'kubectl wait --for=condition=Ready pods --all -n rd-42-1-ns1 --timeout=180s'
    )
  })

  it('probes from the pod in its prefixed namespace', async () => {
    const { cluster, options } = existing()
    cluster.runner.onStart(' exec -n ', agentSession())
    const backend = await createClusterBackend(options)
    await backend.probeFrom('ns1/a', [], 1000)
    expect(cluster.runner.lines().at(-1)).toBe(
      'kubectl exec -n rd-42-1-ns1 a -c agent -i -- node /agent/index.js session --timeout-ms 1000'
    )
    await backend.cleanup()
  })

  it('renames the policies’ namespace references to the run’s namespaces, and only those', () => {
    const naming = prefixNaming(runPrefix('42-1'))
    const spec = {
      endpointSelector: { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'ns1', app: 'ns1' } },
      ingress: [
        {
          fromEndpoints: [
            {
              matchExpressions: [
                { key: 'io.kubernetes.pod.namespace', operator: 'In', values: ['ns2', 'kube-system'] }
              ]
            }
          ]
        },
        {
          fromEndpoints: [
            { matchLabels: { 'io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name': 'ns2' } }
          ]
        }
      ],
      egress: [{ toServices: [{ k8sService: { serviceName: 'db', namespace: 'ns2' } }] }],
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ns1' } }
    }
    expect(renameNamespaces(spec, naming, new Set(['ns1', 'ns2']))).toEqual({
      endpointSelector: { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'rd-42-1-ns1', app: 'ns1' } },
      ingress: [
        {
          fromEndpoints: [
            {
              matchExpressions: [
                { key: 'io.kubernetes.pod.namespace', operator: 'In', values: ['rd-42-1-ns2', 'kube-system'] }
              ]
            }
          ]
        },
        {
          fromEndpoints: [
            { matchLabels: { 'io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name': 'rd-42-1-ns2' } }
          ]
        }
      ],
      egress: [{ toServices: [{ k8sService: { serviceName: 'db', namespace: 'rd-42-1-ns2' } }] }],
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'rd-42-1-ns1' } }
    })
  })

  it('keeps a long prefixed name a valid DNS label', () => {
    const name = prefixNaming(runPrefix('42-1'))('n'.repeat(60))
    expect(name).toHaveLength(63)
    expect(name).toMatch(/^rd-42-1-n+-[0-9a-f]{10}$/)
  })
})

describe('cleanup on an existing cluster', () => {
  it('applies an allowed CCNP under a run-prefixed name and deletes it at the end', async () => {
    const { cluster, options } = existing({ allowClusterwidePolicies: true })
    const backend = await createClusterBackend(options)
    await backend.deploy(topology)
    await backend.applyPolicies([
      policy('CiliumClusterwideNetworkPolicy', 'wide', { endpointSelector: {} }, '')
    ])
    expect([...cluster.policies.keys()]).toEqual(['CiliumClusterwideNetworkPolicy//rd-42-1-wide'])
    await backend.cleanup()
    expect(cluster.runner.lines().slice(-2)).toEqual([
      'kubectl delete ciliumclusterwidenetworkpolicies.cilium.io rd-42-1-wide --ignore-not-found',
      DELETE_NAMESPACES
    ])
  })

  it('waits only for the agents on the run’s nodes and the endpoints in the run’s namespaces', async () => {
    const { cluster, options } = existing()
    const backend = await createClusterBackend(options)
    await backend.deploy({ ...topology, namespaces: [topology.namespaces[0]], pods: [topology.pods[0]] })
    const someoneElse = {
      id: 9,
      status: {
        'external-identifiers': { 'k8s-namespace': 'payments', 'pod-name': 'payments/api-0' },
        identity: { id: 31_000 },
        policy: { realized: { 'policy-revision': 1 } }
      }
    }
    cluster.runner.on('cilium-dbg endpoint list', () => ({
      stdout: JSON.stringify([
        someoneElse,
        {
          id: 100,
          status: {
            'external-identifiers': { 'k8s-namespace': 'rd-42-1-ns1' },
            identity: { id: 20_000 },
            policy: { realized: { 'policy-revision': cluster.revision } }
          }
        }
      ])
    }))
    await backend.applyPolicies([policy('CiliumNetworkPolicy', 'a', { endpointSelector: {} })])
    expect(cluster.runner.find('exec cilium-x7k2p')).toEqual([])
    expect(cluster.runner.find('exec cilium-4mzq9').length).toBeGreaterThan(0)
  })

  it('a failing apply in existing-cluster mode still deletes the namespaces it created', async () => {
    const { cluster, options } = existing({ allowClusterwidePolicies: true })
    const backend = await createClusterBackend(options)
    await backend.deploy(topology)
    cluster.runner.on(
      'cilium-dbg policy get',
      fail(1, 'error: Internal error occurred: error executing command in container')
    )
    const docs = [
      policy('CiliumNetworkPolicy', 'a', { endpointSelector: {} }),
      policy('CiliumClusterwideNetworkPolicy', 'wide', { endpointSelector: {} }, '')
    ]
    await expect(backend.applyPolicies(docs)).rejects.toThrow('error executing command in container')
    await backend.cleanup()
    expect(cluster.runner.lines().slice(-2)).toEqual([
      'kubectl delete ciliumclusterwidenetworkpolicies.cilium.io rd-42-1-wide --ignore-not-found',
      DELETE_NAMESPACES
    ])
  })

  it('a failing deploy still deletes the namespaces it tried to create', async () => {
    const { cluster, options } = existing()
    cluster.runner.on(
      (call) => call.args.includes('--server-side') && call.input!.includes('"Pod"'),
      fail(1, 'pods "a" is forbidden: violates PodSecurity "restricted:latest"')
    )
    const backend = await createClusterBackend(options)
    await expect(backend.deploy(topology)).rejects.toThrow('violates PodSecurity')
    await backend.cleanup()
    expect(cluster.runner.lines().at(-1)).toBe(DELETE_NAMESPACES)
  })

  it('tries every step, and is safe to call twice', async () => {
    const { cluster, options } = existing()
    const backend = await createClusterBackend(options)
    await backend.deploy(topology)
    await backend.cleanup()
    const count = cluster.runner.calls.length
    await backend.cleanup()
    expect(cluster.runner.calls).toHaveLength(count)
  })
})
