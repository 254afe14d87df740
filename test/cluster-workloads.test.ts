// The topology as Kubernetes objects and Docker containers: namespaces, service accounts, the
// agent ConfigMap, pods spread over both nodes, and external endpoints on the kind network.
import { describe, expect, it } from '@jest/globals'
import type { Pod, Topology } from '../src/core/model.js'
import { deployWorkloads } from '../src/edge/cluster/workloads/deploy.js'
import {
  checkAddresses,
  routedNodes,
  startExternals
} from '../src/edge/cluster/workloads/world-containers.js'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import {
  agentServeCommand,
  namespaceManifests,
  podManifest,
  selectNodes,
  spreadPods,
  supportManifests
} from '../src/edge/cluster/workloads/workload-manifests.js'
import { FakeCluster, kindHostRunner, NODES } from './helpers/fake-cluster.js'
import { FakeClock, fail, json, ok } from './helpers/fake-runner.js'

const AGENT_IMAGE =
  'docker.io/library/node:24.19.0-alpine3.24@sha256:d32cdf619f63fe0471182d08996dd516c6275bb5fd31ae06e55a570bd9e1ad43'

const pod = (namespace: string, name: string, ports: Pod['ports'] = []): Pod => ({
  namespace,
  name,
  labels: { app: name },
  serviceAccount: 'default',
  ports
})

const topology: Topology = {
  namespaces: [
    { name: 'ns1', labels: { 'kubernetes.io/metadata.name': 'ns1', team: 'red' } },
    { name: 'ns2', labels: { 'kubernetes.io/metadata.name': 'ns2' } }
  ],
  pods: [
    pod('ns1', 'a', [
      { protocol: 'TCP', port: 80, name: 'http' },
      { protocol: 'TCP', port: 8080 },
      { protocol: 'UDP', port: 53, name: 'dns' },
      { protocol: 'ICMP' }
    ]),
    { ...pod('ns1', 'b', [{ protocol: 'UDP', port: 53 }]), serviceAccount: 'robot' },
    pod('ns2', 'c', [{ protocol: 'TCP', port: 80 }])
  ],
  external: []
}
const nodes = selectNodes(NODES)
const same = (name: string): string => name

describe('placing pods', () => {
  it('uses both nodes, tolerating only the control plane’s taint', () => {
    const tainted = {
      metadata: { name: 'gpu' },
      spec: { taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }] }
    }
    const cordoned = { metadata: { name: 'old' }, spec: { unschedulable: true } }
    expect(selectNodes({ items: [...NODES.items, tainted, cordoned] })).toEqual([
      { name: 'reachdiff-control-plane', hostname: 'reachdiff-control-plane' },
      { name: 'reachdiff-worker', hostname: 'reachdiff-worker' }
    ])
  })

  it('spreads pods over both nodes, so same-node and cross-node flows both occur', () => {
    const placed = spreadPods(topology.pods, nodes)
    expect([...placed].map(([key, node]) => `${key}@${node.name}`)).toEqual([
      'ns1/a@reachdiff-control-plane',
      'ns1/b@reachdiff-worker',
      'ns2/c@reachdiff-control-plane'
    ])
  })
})

describe('manifests', () => {
  it('creates namespaces with their labels but not the name label the API server owns', () => {
    expect(namespaceManifests(topology.namespaces, (n) => `rd-7-${n}`, '7')[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'rd-7-ns1', labels: { team: 'red' }, annotations: { 'reachdiff.io/run': '7' } }
    })
  })

  it('creates every service account, including default, and the agent bundle in each namespace', () => {
    const files = { 'index.js': 'agent()', 'package.json': '{"type":"module"}' }
    const objects = supportManifests(topology.namespaces, topology.pods, same, files)
    expect(objects.map((o) => `${String(o.kind)} ${JSON.stringify(o.metadata)}`)).toEqual([
      'ServiceAccount {"name":"default","namespace":"ns1"}',
      'ServiceAccount {"name":"robot","namespace":"ns1"}',
      'ServiceAccount {"name":"default","namespace":"ns2"}',
      'ConfigMap {"name":"reachdiff-agent","namespace":"ns1"}',
      'ConfigMap {"name":"reachdiff-agent","namespace":"ns2"}'
    ])
    expect(objects[3].data).toEqual(files)
  })

  it('runs the agent from the ConfigMap with the pod’s ports, named container ports and ICMP-ready settings', () => {
    const manifest = podManifest(topology.pods[0], same, nodes[0])
    expect(manifest).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'a',
        namespace: 'ns1',
        labels: { app: 'a' },
        annotations: { 'kubectl.kubernetes.io/default-container': 'agent' }
      },
      spec: {
        serviceAccountName: 'default',
        automountServiceAccountToken: false,
        enableServiceLinks: false,
        terminationGracePeriodSeconds: 1,
        nodeSelector: { 'kubernetes.io/hostname': 'reachdiff-control-plane' },
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }
        ],
        securityContext: { sysctls: [{ name: 'net.ipv4.ping_group_range', value: '0 2147483647' }] },
        volumes: [{ name: 'agent', configMap: { name: 'reachdiff-agent' } }],
        containers: [
          {
            name: 'agent',
            image: AGENT_IMAGE,
            imagePullPolicy: 'IfNotPresent',
            command: ['node', '/agent/index.js', 'serve', '--tcp', '80,8080', '--udp', '53'],
            ports: [
              { name: 'http', containerPort: 80, protocol: 'TCP' },
              { containerPort: 8080, protocol: 'TCP' },
              { name: 'dns', containerPort: 53, protocol: 'UDP' }
            ],
            volumeMounts: [{ name: 'agent', mountPath: '/agent', readOnly: true }],
            readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 1 }
          }
        ]
      }
    })
  })

  it('leaves out port flags the pod does not need, and the readiness probe without TCP', () => {
    expect(agentServeCommand([{ protocol: 'UDP', port: 53 }])).toEqual([
      'node',
      '/agent/index.js',
      'serve',
      '--udp',
      '53'
    ])
    const spec = podManifest(topology.pods[1], same, nodes[1]).spec as {
      containers: Record<string, unknown>[]
    }
    expect(spec.containers[0].readinessProbe).toBeUndefined()
  })
})

describe('deployWorkloads', () => {
  it('applies server-side, waits for Ready pods and Cilium identities, and returns pod IPs', async () => {
    const cluster = new FakeCluster([
      { namespace: 'ns1', name: 'a', ip: '10.244.0.7' },
      { namespace: 'ns1', name: 'b', ip: '10.244.1.9' },
      { namespace: 'ns2', name: 'c', ip: '10.244.0.8' }
    ])
    const kubectl = createKubectl(cluster.runner, { kubeconfig: '/t/kc', context: 'kind-reachdiff' })
    const ctx = {
      kubectl,
      clock: new FakeClock(),
      timeouts: { workloadsMs: 180_000, pollMs: 1_000 },
      naming: same,
      runId: 'r',
      agentFiles: { 'index.js': 'x' },
      log: () => undefined
    }
    const deployed = await deployWorkloads(ctx, topology)
    const K = 'kubectl --kubeconfig /t/kc --context kind-reachdiff'
    expect(cluster.runner.lines()).toEqual([
      `${K} get nodes -o json`,
      `${K} apply -f - --server-side --field-manager=reachdiff --force-conflicts`,
      `${K} apply -f - --server-side --field-manager=reachdiff --force-conflicts`,
      `${K} wait --for=condition=Ready pods --all -n ns1 --timeout=180s`,
      `${K} wait --for=condition=Ready pods --all -n ns2 --timeout=180s`,
      `${K} get ciliumendpoints.cilium.io -n ns1 -o json`,
      `${K} get ciliumendpoints.cilium.io -n ns2 -o json`,
      `${K} get pods -n ns1 -o json`,
      `${K} get pods -n ns2 -o json`
    ])
    const kinds = (JSON.parse(cluster.runner.calls[2].input!) as { items: { kind: string }[] }).items.map(
      (i) => i.kind
    )
    expect(kinds).toEqual([
      'ServiceAccount',
      'ServiceAccount',
      'ServiceAccount',
      'ConfigMap',
      'ConfigMap',
      'Pod',
      'Pod',
      'Pod'
    ])
    expect([...deployed.addresses]).toEqual([
      ['ns1/a', '10.244.0.7'],
      ['ns1/b', '10.244.1.9'],
      ['ns2/c', '10.244.0.8']
    ])
    expect([...deployed.nodes].sort()).toEqual(['reachdiff-control-plane', 'reachdiff-worker'])
  })

  it('times out with the pods Cilium gave no identity', async () => {
    const cluster = new FakeCluster([{ namespace: 'ns2', name: 'c', ip: '10.244.0.8' }])
    cluster.runner.on('ciliumendpoints', json({ items: [] }))
    const small = { ...topology, namespaces: [topology.namespaces[1]], pods: [topology.pods[2]] }
    const ctx = {
      kubectl: createKubectl(cluster.runner, {}),
      clock: new FakeClock(),
      timeouts: { workloadsMs: 10_000, pollMs: 1_000 },
      naming: same,
      runId: 'r',
      agentFiles: {},
      log: () => undefined
    }
    await expect(deployWorkloads(ctx, small)).rejects.toThrow(
      'Cilium gave no identity to 1 test pods in time (ns2/c)'
    )
  })
})

describe('external endpoints', () => {
  const internet = {
    name: 'internet',
    ip: '203.0.113.10',
    ports: [
      { protocol: 'TCP' as const, port: 443 },
      { protocol: 'UDP' as const, port: 53 }
    ]
  }

  it('run the same agent on the kind network, owning their world address, which every node routes to them', async () => {
    const runner = kindHostRunner()
      .on(
        'network inspect',
        ok('[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"},{"Subnet":"fc00:f853:ccd:e793::/64"}]\n')
      )
      .on('docker logs', ok(''), ok('{"serving":{"tcp":[443],"udp":[53]},"pid":1}\n'))
      .on('docker inspect', ok('172.18.0.4\n'))
    const clock = new FakeClock()
    const options = {
      runner,
      clusterName: 'reachdiff',
      agentDir: '/a/dist/agent',
      clock,
      timeoutMs: 60_000,
      pollMs: 1_000
    }
    const addresses = await startExternals(options, [internet], routedNodes(NODES))
    expect([...addresses]).toEqual([['world/internet', '203.0.113.10']])
    const ext = 'reachdiff-world-internet'
    expect(runner.lines()).toEqual([
      'docker network inspect kind -f {{json .IPAM.Config}}',
      `docker run -d --name ${ext} --network kind --label io.reachdiff.cluster=reachdiff ` +
        '--cap-add NET_ADMIN --sysctl net.ipv4.ip_nonlocal_bind=1 ' +
        `--mount type=bind,source=/a/dist/agent,target=/agent,readonly ${AGENT_IMAGE} ` +
        'node /agent/index.js serve --tcp 443 --udp 53 --host 203.0.113.10',
      `docker logs ${ext}`,
      `docker logs ${ext}`,
      `docker inspect -f {{(index .NetworkSettings.Networks "kind").IPAddress}} ${ext}`,
      `docker exec ${ext} ip addr add 203.0.113.10/32 dev eth0`,
      'docker exec reachdiff-control-plane ip route replace 203.0.113.10/32 via 172.18.0.4',
      `docker exec ${ext} ip route replace 10.244.0.0/24 via 172.18.0.3 src 203.0.113.10`,
      'docker exec reachdiff-worker ip route replace 203.0.113.10/32 via 172.18.0.4',
      `docker exec ${ext} ip route replace 10.244.1.0/24 via 172.18.0.2 src 203.0.113.10`
    ])
    // Routed, never translated: a PREROUTING DNAT misses the L7 proxy's upstream connection.
    expect(runner.find('iptables')).toEqual([])
    expect(clock.sleeps).toEqual([1_000])
  })

  it('stops with the error `ip` printed when the container may not take its address', async () => {
    const runner = kindHostRunner()
      .on('network inspect', ok('[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]\n'))
      .on('docker logs', ok('{"serving":{"tcp":[443],"udp":[53]},"pid":1}\n'))
      .on('docker inspect', ok('172.18.0.4\n'))
      // BusyBox ip without CAP_NET_ADMIN; docker exec passes the exit code through.
      .on('ip addr add', fail(2, 'ip: RTNETLINK answers: Operation not permitted'))
    const options = {
      runner,
      clusterName: 'reachdiff',
      agentDir: '/a',
      clock: new FakeClock(),
      timeoutMs: 60_000,
      pollMs: 1_000
    }
    await expect(startExternals(options, [internet], routedNodes(NODES))).rejects.toThrow(
      'RTNETLINK answers: Operation not permitted'
    )
  })

  it('reads each node’s address on the kind network and its pod CIDRs', () => {
    expect(routedNodes(NODES)).toEqual([
      { name: 'reachdiff-control-plane', ip: '172.18.0.3', podCidrs: ['10.244.0.0/24'] },
      { name: 'reachdiff-worker', ip: '172.18.0.2', podCidrs: ['10.244.1.0/24'] }
    ])
  })

  it('refuses an address inside the pod, service or kind network', () => {
    const at = (ip: string) => [{ ...internet, ip }]
    expect(() => checkAddresses(at('10.244.3.10'), [])).toThrow('lies inside the pod network 10.244.0.0/16')
    expect(() => checkAddresses(at('10.96.0.10'), [])).toThrow('lies inside the service network 10.96.0.0/16')
    expect(() => checkAddresses(at('172.18.0.10'), ['172.18.0.0/16'])).toThrow(
      "lies inside kind's Docker network 172.18.0.0/16"
    )
    expect(() => checkAddresses(at('10.0.0.10'), ['172.18.0.0/16'])).not.toThrow()
  })
})
