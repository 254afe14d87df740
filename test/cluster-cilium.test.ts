// Cilium on kind: the helm command line and the kubectl-only readiness sequence
// (docs/cluster-mode.md, kind-config/README.md), and the main/post steps' cleanup on every
// failure path.
import { describe, expect, it } from '@jest/globals'
import {
  helmInstallArgs,
  installCilium,
  waitForCilium
} from '../src/edge/cluster/provisioning/cilium-install.js'
import {
  ClusterSetupError,
  kindClusterName,
  provisionKindCluster,
  teardownKindCluster
} from '../src/edge/cluster/provisioning/setup.js'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import { makeEngineOptions } from '../src/core/options.js'
import { kindHostRunner } from './helpers/fake-cluster.js'
import type { FakeRunner } from './helpers/fake-runner.js'
import { FakeClock, fail, ok } from './helpers/fake-runner.js'

const target = { kubeconfig: '/t/kubeconfig', context: 'kind-reachdiff' }
const K = 'kubectl --kubeconfig /t/kubeconfig --context kind-reachdiff'
const timeouts = { readinessMs: 300_000, pollMs: 1_000 }

describe('helm install', () => {
  it('installs Cilium with kind-suited values at the requested version', async () => {
    const runner = kindHostRunner()
    await installCilium(runner, {
      ciliumVersion: '1.18.12',
      valuesPath: '/a/kind-config/cilium-values.yaml',
      target
    })
    expect(runner.lines()).toEqual([
      'helm install cilium cilium --repo https://helm.cilium.io/ --version 1.18.12 --namespace kube-system ' +
        '--values /a/kind-config/cilium-values.yaml --kubeconfig /t/kubeconfig --kube-context kind-reachdiff'
    ])
  })

  it('accepts a v-prefixed version and refuses one that is not a chart version', () => {
    expect(helmInstallArgs({ ciliumVersion: 'v1.17.18', valuesPath: 'v.yaml', target: {} })).toContain(
      '1.17.18'
    )
    expect(() =>
      helmInstallArgs({ ciliumVersion: '1.18; rm -rf /', valuesPath: 'v.yaml', target: {} })
    ).toThrow('is not a chart version')
  })

  it('runs the agent settings the prediction assumes, passing only non-defaults by chart value', () => {
    const engine = makeEngineOptions({
      enforcement: 'always',
      agent: { enableSctp: true, enableL7Proxy: false, policyCidrMatchMode: 'nodes' },
      clusterName: 'ci'
    })
    const args = helmInstallArgs({ ciliumVersion: '1.18.12', valuesPath: 'v.yaml', target: {}, engine })
    expect(args.slice(args.indexOf('--set'))).toEqual([
      '--set',
      'policyEnforcementMode=always',
      '--set',
      'sctp.enabled=true',
      '--set',
      'l7Proxy=false',
      '--set',
      'policyCIDRMatchMode={nodes}',
      '--set',
      'cluster.name=ci'
    ])
    expect(
      helmInstallArgs({
        ciliumVersion: '1.18.12',
        valuesPath: 'v.yaml',
        target: {},
        engine: makeEngineOptions()
      })
    ).not.toContain('--set')
  })

  it('refuses enable-icmp-rules=false, which the chart cannot set', () => {
    const engine = makeEngineOptions({ agent: { enableIcmpRules: false } })
    expect(() => helmInstallArgs({ ciliumVersion: '1.18.12', valuesPath: 'v', target: {}, engine })).toThrow(
      'enable-icmp-rules'
    )
  })
})

describe('waitForCilium', () => {
  it('waits for the DaemonSet, operator, nodes, CoreDNS and CRDs with kubectl timeouts, without sleeping', async () => {
    const runner = kindHostRunner().on('get ds cilium-envoy', ok('daemonset.apps/cilium-envoy\n'))
    const clock = new FakeClock()
    await waitForCilium(createKubectl(runner, target), clock, timeouts)
    expect(runner.lines()).toEqual([
      `${K} -n kube-system rollout status ds/cilium --timeout=300s`,
      `${K} -n kube-system get ds cilium-envoy --ignore-not-found -o name`,
      `${K} -n kube-system rollout status ds/cilium-envoy --timeout=300s`,
      `${K} -n kube-system wait --for=condition=Available deploy/cilium-operator --timeout=300s`,
      `${K} wait --for=condition=Ready nodes --all --timeout=300s`,
      `${K} -n kube-system wait --for=condition=Available deploy/coredns --timeout=300s`,
      `${K} wait --for=condition=Established crd/ciliumnetworkpolicies.cilium.io crd/ciliumclusterwidenetworkpolicies.cilium.io --timeout=30s`
    ])
    expect(clock.sleeps).toEqual([])
    expect(runner.calls.every((call) => call.timeoutMs !== undefined)).toBe(true)
  })

  it('skips the envoy DaemonSet when the chart did not deploy one', async () => {
    const runner = kindHostRunner()
    await waitForCilium(createKubectl(runner, target), new FakeClock(), timeouts)
    expect(runner.find('ds/cilium-envoy')).toEqual([])
  })

  it('retries the CRD wait until the operator has registered them', async () => {
    const notFound = fail(
      1,
      // kubectl names the resource with its group (k8s.io/apimachinery errors.NewNotFound, `<resource>.<group> "<name>" not found`).
      'Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "ciliumnetworkpolicies.cilium.io" not found'
    )
    const runner = kindHostRunner().on('condition=Established', notFound, notFound, ok())
    const clock = new FakeClock()
    await waitForCilium(createKubectl(runner, target), clock, timeouts)
    expect(runner.find('condition=Established')).toHaveLength(3)
    expect(clock.sleeps).toEqual([1_000, 1_000])
  })

  it('times out with a clear error when the CRDs never appear', async () => {
    const runner = kindHostRunner().on(
      'condition=Established',
      fail(
        1,
        'Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "ciliumnetworkpolicies.cilium.io" not found'
      )
    )
    await expect(waitForCilium(createKubectl(runner, target), new FakeClock(), timeouts)).rejects.toThrow(
      'Cilium\'s policy CRDs were not established in time: Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "ciliumnetworkpolicies.cilium.io" not found'
    )
  })
})

describe('provisionKindCluster', () => {
  const options = (runner: FakeRunner, keepCluster = false) => ({
    runner,
    kind: '/tc/kind',
    name: 'reachdiff',
    configPath: '/a/kind-config/cluster.yaml',
    valuesPath: '/a/kind-config/cilium-values.yaml',
    kubeconfig: '/t/kubeconfig',
    keepCluster,
    clock: new FakeClock()
  })
  const DELETE = '/tc/kind delete cluster --name reachdiff --kubeconfig /t/kubeconfig'

  it('prints tool versions, creates the cluster, installs Cilium at 1.18.12 by default and waits for it', async () => {
    const runner = kindHostRunner()
    const log: string[] = []
    const cluster = await provisionKindCluster({ ...options(runner), log: (text) => log.push(text) })
    const lines = runner.lines()
    expect(lines.slice(0, 4)).toEqual([
      '/tc/kind version',
      'kubectl version --client',
      'helm version',
      'docker version'
    ])
    expect(lines[4]).toBe('/tc/kind get clusters')
    expect(lines[5]).toMatch(/^\/tc\/kind create cluster --name reachdiff /)
    expect(lines[6]).toMatch(/^helm install cilium cilium .* --version 1\.18\.12 /)
    expect(lines[7]).toBe(`${K} -n kube-system rollout status ds/cilium --timeout=300s`)
    expect(lines).not.toContain(DELETE)
    expect(cluster.context).toBe('kind-reachdiff')
    expect(log.some((text) => text.startsWith('cilium readiness: '))).toBe(true)
  })

  it('attaches agent and operator logs when readiness fails, then deletes the cluster', async () => {
    const runner = kindHostRunner()
      .on('rollout status ds/cilium ', fail(1, 'error: timed out waiting for the condition'))
      .on(
        'logs -l k8s-app=cilium',
        ok('[pod/cilium-x/cilium-agent] level=fatal msg="BPF filesystem not mounted"\n')
      )
      .on(
        'logs -l io.cilium/app=operator',
        ok('[pod/cilium-operator-y/cilium-operator] level=info msg="Leader elected"\n')
      )
    const error = (await provisionKindCluster(options(runner)).catch((e: unknown) => e)) as ClusterSetupError
    expect(error).toBeInstanceOf(ClusterSetupError)
    expect(error.stage).toBe('readiness')
    expect(error.message).toContain('timed out waiting for the condition')
    expect(error.message).toContain('BPF filesystem not mounted')
    expect(error.message).toContain('Leader elected')
    expect(runner.lines()).toContain(
      `${K} -n kube-system logs -l k8s-app=cilium -c cilium-agent --tail=50 --prefix`
    )
    expect(runner.lines()).toContain(`${K} -n kube-system logs -l io.cilium/app=operator --tail=50 --prefix`)
    expect(runner.lines().at(-1)).toBe(DELETE)
    expect(error.deleted).toBe(true)
  })

  it('a failing helm install still deletes the cluster', async () => {
    const runner = kindHostRunner().on(
      'helm install',
      // helm v3.21.4: pkg/repo/chartrepo.go `%s not found in %s repository`, wrapped by cmd/helm/install.go `INSTALLATION FAILED`.
      fail(
        1,
        'Error: INSTALLATION FAILED: chart "cilium" version "9.9.9" not found in https://helm.cilium.io/ repository'
      )
    )
    const error = (await provisionKindCluster(options(runner)).catch((e: unknown) => e)) as ClusterSetupError
    expect(error.stage).toBe('helm install')
    expect(error.message).toContain('version "9.9.9" not found in https://helm.cilium.io/ repository')
    expect(runner.lines().at(-1)).toBe(DELETE)
  })

  it('keeps the cluster after a failure when keep-cluster is set, and says so', async () => {
    const runner = kindHostRunner().on('helm install', fail(1, 'boom'))
    const error = (await provisionKindCluster(options(runner, true)).catch(
      (e: unknown) => e
    )) as ClusterSetupError
    expect(runner.lines()).not.toContain(DELETE)
    expect(error.message).toContain('the cluster was kept (keep-cluster)')
  })

  it('a failing kind create deletes nothing: kind cleans up its own failed create', async () => {
    const runner = kindHostRunner().on(
      'create cluster',
      fail(1, 'ERROR: failed to create cluster: failed to pull image "kindest/node:v1.36.1": exit status 1')
    )
    const created: string[] = []
    const error = (await provisionKindCluster({
      ...options(runner),
      onCreated: (c) => created.push(c.name)
    }).catch((e: unknown) => e)) as ClusterSetupError
    expect(error.stage).toBe('kind create')
    expect(error.message).toContain('no cluster was created')
    expect(runner.find(' logs ')).toEqual([])
    expect(runner.find('delete')).toEqual([])
    expect(created).toEqual([])
  })

  it('refuses a cluster name that exists already, and neither creates nor deletes anything', async () => {
    // `kind get clusters` prints one name per line (kind pkg/cmd/kind/get/clusters/clusters.go).
    const runner = kindHostRunner().on('get clusters', ok('kind\nreachdiff\n'))
    const created: string[] = []
    await expect(
      provisionKindCluster({ ...options(runner), onCreated: (c) => created.push(c.name) })
    ).rejects.toThrow('a kind cluster named "reachdiff" already exists')
    expect(runner.find('create')).toEqual([])
    expect(runner.find('delete')).toEqual([])
    expect(created).toEqual([])
  })

  it('reports the cluster as created before installing Cilium, so the post step can delete it', async () => {
    const runner = kindHostRunner().on('helm install', fail(1, 'boom'))
    const events: string[] = []
    await provisionKindCluster({
      ...options(runner, true),
      onCreated: (c) => events.push(`created ${c.name}`)
    }).catch(() => undefined)
    expect(events).toEqual(['created reachdiff'])
  })

  it('under enforcement always, allows everything while the cluster comes up, before waiting for CoreDNS', async () => {
    const runner = kindHostRunner()
    const engine = makeEngineOptions({ enforcement: 'always' })
    const cluster = await provisionKindCluster({ ...options(runner), engine })
    const lines = runner.lines()
    expect(lines.find((l) => l.startsWith('helm install'))).toContain('--set policyEnforcementMode=always')
    const apply = lines.indexOf(`${K} apply -f - --server-side --field-manager=reachdiff --force-conflicts`)
    const coredns = lines.findIndex((l) => l.includes('deploy/coredns'))
    const crds = lines.findIndex((l) => l.includes('condition=Established'))
    expect(crds).toBeGreaterThan(0)
    expect(apply).toBeGreaterThan(crds)
    expect(coredns).toBeGreaterThan(apply)
    const sent = JSON.parse(runner.calls[apply].input!) as { items: Record<string, unknown>[] }
    expect(sent.items).toEqual([
      {
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumClusterwideNetworkPolicy',
        metadata: { name: 'reachdiff-allow-all-during-setup' },
        spec: {
          endpointSelector: {},
          ingress: [{ fromEntities: ['all'] }],
          egress: [{ toEntities: ['all'] }]
        }
      }
    ])
    expect(cluster.allowAll).toBe(true)
  })

  it('applies no allow-all under the default enforcement', async () => {
    const runner = kindHostRunner()
    const cluster = await provisionKindCluster({ ...options(runner), engine: makeEngineOptions() })
    expect(runner.find('apply')).toEqual([])
    expect(cluster.allowAll).toBeUndefined()
  })

  it('names clusters per run and attempt, within what kind accepts', () => {
    expect(kindClusterName('12345678901', '2')).toBe('reachdiff-12345678901-2')
    expect(kindClusterName('local 42', '')).toBe('reachdiff-local-42-1')
    expect(kindClusterName('x'.repeat(80), '1')).toMatch(/^[a-z0-9.-]{1,50}$/)
  })
})

describe('teardownKindCluster (the post step)', () => {
  const cluster = { kind: '/tc/kind', name: 'reachdiff', kubeconfig: '/t/kubeconfig' }

  it('removes the external endpoint containers and deletes the cluster', async () => {
    const runner = kindHostRunner().on('docker ps', ok('3f2a\n9b1c\n'))
    await teardownKindCluster(runner, cluster, false)
    expect(runner.lines()).toEqual([
      'docker ps -aq --filter label=io.reachdiff.cluster=reachdiff',
      'docker rm -f 3f2a 9b1c',
      '/tc/kind delete cluster --name reachdiff --kubeconfig /t/kubeconfig'
    ])
  })

  it('deletes the cluster even when removing the containers fails, then reports the failure', async () => {
    const runner = kindHostRunner().on(
      'docker ps',
      fail(
        1,
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'
      )
    )
    await expect(teardownKindCluster(runner, cluster, false)).rejects.toThrow(
      'Cannot connect to the Docker daemon'
    )
    expect(runner.lines().at(-1)).toBe('/tc/kind delete cluster --name reachdiff --kubeconfig /t/kubeconfig')
  })

  it('does nothing with keep-cluster', async () => {
    const runner = kindHostRunner()
    await teardownKindCluster(runner, cluster, true)
    expect(runner.calls).toEqual([])
  })
})
