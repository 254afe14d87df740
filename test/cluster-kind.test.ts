// kind: the committed config and Cilium values, finding or fetching the pinned binary, and the
// exact create/delete command lines (kind-config/README.md).
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import type { ToolCache } from '../src/edge/cluster/provisioning/kind.js'
import {
  createKindCluster,
  deleteKindCluster,
  listKindNodes,
  resolveKind
} from '../src/edge/cluster/provisioning/kind.js'
import {
  CILIUM_VALUES_FILE,
  KIND_CONFIG_FILE,
  KIND_NODE_IMAGE,
  KIND_POD_SUBNET,
  KIND_SERVICE_SUBNET,
  KIND_SHA256,
  kindArch
} from '../src/edge/cluster/versions.js'
import { kindHostRunner } from './helpers/fake-cluster.js'
import { FakeRunner, fail, ok } from './helpers/fake-runner.js'

const PINNED_IMAGE =
  'kindest/node:v1.33.12@sha256:3f5c8443c620245e4d355cfe09e96a91ead32ceaa569d3f1ca9edf0cb2fe2ff4'

describe('kind-config/cluster.yaml', () => {
  const config = load(readFileSync(KIND_CONFIG_FILE, 'utf8')) as Record<string, unknown>

  it('has one control plane and one worker on the pinned node image', () => {
    expect(config.kind).toBe('Cluster')
    expect(config.apiVersion).toBe('kind.x-k8s.io/v1alpha4')
    expect(config.nodes).toEqual([
      { role: 'control-plane', image: PINNED_IMAGE },
      { role: 'worker', image: PINNED_IMAGE }
    ])
    expect(KIND_NODE_IMAGE).toBe(PINNED_IMAGE)
  })

  it('disables the default CNI and keeps kube-proxy and kind’s default subnets', () => {
    expect(config.networking).toEqual({
      disableDefaultCNI: true,
      kubeProxyMode: 'iptables',
      podSubnet: KIND_POD_SUBNET,
      serviceSubnet: KIND_SERVICE_SUBNET
    })
  })
})

describe('kind-config/cilium-values.yaml', () => {
  it('holds what Cilium needs on kind: Kubernetes IPAM, VXLAN tunnel, kube-proxy kept, one operator', () => {
    expect(load(readFileSync(CILIUM_VALUES_FILE, 'utf8'))).toEqual({
      ipam: { mode: 'kubernetes' },
      routingMode: 'tunnel',
      tunnelProtocol: 'vxlan',
      kubeProxyReplacement: 'false',
      operator: { replicas: 1 },
      image: { pullPolicy: 'IfNotPresent' }
    })
  })
})

describe('createKindCluster', () => {
  const options = {
    kind: 'kind',
    name: 'reachdiff',
    configPath: '/a/kind-config/cluster.yaml',
    kubeconfig: '/t/kubeconfig'
  }

  it('creates the cluster with the pinned node image and our config, without --wait', async () => {
    const runner = kindHostRunner()
    const cluster = await createKindCluster(runner, options)
    expect(runner.lines()).toEqual([
      `kind create cluster --name reachdiff --image ${PINNED_IMAGE} --config /a/kind-config/cluster.yaml --kubeconfig /t/kubeconfig`
    ])
    expect(cluster).toEqual({
      kind: 'kind',
      name: 'reachdiff',
      kubeconfig: '/t/kubeconfig',
      context: 'kind-reachdiff'
    })
  })

  it('uses the node-image input instead of the pin when one is given', async () => {
    const runner = kindHostRunner()
    await createKindCluster(runner, { ...options, image: 'kindest/node:v1.35.8@sha256:07b2' })
    expect(runner.calls[0].args).toContain('kindest/node:v1.35.8@sha256:07b2')
    expect(runner.calls[0].args).not.toContain(PINNED_IMAGE)
  })

  it('throws with kind’s stderr when creation fails', async () => {
    const runner = new FakeRunner().on(
      'create cluster',
      fail(1, 'ERROR: failed to create cluster: node(s) already exist')
    )
    await expect(createKindCluster(runner, options)).rejects.toThrow('node(s) already exist')
  })

  it('deletes the cluster by name with our kubeconfig', async () => {
    const runner = kindHostRunner()
    await deleteKindCluster(runner, options)
    expect(runner.lines()).toEqual(['kind delete cluster --name reachdiff --kubeconfig /t/kubeconfig'])
  })

  it('lists node containers by cluster name', async () => {
    const runner = new FakeRunner().on('get nodes', ok('reachdiff-worker\nreachdiff-control-plane\n'))
    expect(await listKindNodes(runner, 'kind', 'reachdiff')).toEqual([
      'reachdiff-control-plane',
      'reachdiff-worker'
    ])
    expect(runner.lines()).toEqual(['kind get nodes --name reachdiff'])
  })
})

describe('resolveKind', () => {
  class FakeToolCache implements ToolCache {
    readonly events: string[] = []
    constructor(private readonly cached = '') {}
    find(tool: string, version: string, arch?: string): string {
      this.events.push(`find ${tool} ${version} ${arch}`)
      return this.cached
    }
    downloadTool(url: string): Promise<string> {
      this.events.push(`download ${url}`)
      return Promise.resolve(url.endsWith('.sha256sum') ? '/tmp/sum' : '/tmp/dl')
    }
    cacheFile(source: string, target: string, tool: string, version: string, arch?: string): Promise<string> {
      this.events.push(`cache ${source} as ${target} ${tool} ${version} ${arch}`)
      return Promise.resolve('/tc/kind/0.32.0/amd64')
    }
  }

  const deps = (runner: FakeRunner, toolCache: ToolCache, sha = KIND_SHA256.amd64) => {
    const chmods: string[] = []
    return {
      chmods,
      deps: {
        runner,
        toolCache,
        arch: 'amd64' as const,
        sha256: () => Promise.resolve(sha),
        makeExecutable: (path: string) => {
          chmods.push(path)
          return Promise.resolve()
        },
        readText: () => Promise.resolve(`${'ab'.repeat(32)}  kind-linux-amd64\n`)
      }
    }
  }

  it('uses the runner’s kind when it is the pinned version', async () => {
    const runner = new FakeRunner().on('kind version', ok('kind v0.32.0 go1.24.6 linux/amd64\n'))
    const cache = new FakeToolCache()
    expect(await resolveKind(deps(runner, cache).deps)).toBe('kind')
    expect(cache.events).toEqual([])
  })

  it('downloads the pinned release through the tool cache when kind is missing, checks it, caches it executable', async () => {
    const runner = new FakeRunner().on('kind version', { exitCode: 127, stderr: 'spawn kind ENOENT' })
    const cache = new FakeToolCache()
    const { deps: d, chmods } = deps(runner, cache)
    expect(await resolveKind(d)).toBe('/tc/kind/0.32.0/amd64/kind')
    expect(cache.events).toEqual([
      'find kind 0.32.0 amd64',
      'download https://github.com/kubernetes-sigs/kind/releases/download/v0.32.0/kind-linux-amd64',
      'cache /tmp/dl as kind kind 0.32.0 amd64'
    ])
    expect(chmods).toEqual(['/tmp/dl', '/tc/kind/0.32.0/amd64/kind'])
  })

  it('does not use another kind version found on PATH, because the node image belongs to its release', async () => {
    const runner = new FakeRunner().on('kind version', ok('kind v0.31.0 go1.24.1 linux/amd64\n'))
    const cache = new FakeToolCache('/tc/kind/0.32.0/amd64')
    expect(await resolveKind(deps(runner, cache).deps)).toBe('/tc/kind/0.32.0/amd64/kind')
    expect(cache.events).toEqual(['find kind 0.32.0 amd64'])
  })

  it('refuses a download whose SHA-256 is not the pinned one', async () => {
    const runner = new FakeRunner().on('kind version', { exitCode: 127 })
    const { deps: d } = deps(runner, new FakeToolCache(), 'f'.repeat(64))
    await expect(resolveKind(d)).rejects.toThrow(`expected ${KIND_SHA256.amd64}; refusing to run it`)
  })

  it('maps Node’s architecture names to kind’s asset names', () => {
    expect(kindArch('x64')).toBe('amd64')
    expect(kindArch('arm64')).toBe('arm64')
    expect(() => kindArch('s390x')).toThrow('no linux binary')
  })

  it('checks another kind-version against the release’s published .sha256sum', async () => {
    const runner = new FakeRunner().on('kind version', { exitCode: 127 })
    const cache = new FakeToolCache()
    await resolveKind(deps(runner, cache, 'ab'.repeat(32)).deps, '0.33.0')
    expect(cache.events).toContain(
      'download https://github.com/kubernetes-sigs/kind/releases/download/v0.33.0/kind-linux-amd64.sha256sum'
    )
  })
})

describe('the fake runner itself', () => {
  it('fails a call no rule answers, and records it, so an unexpected command cannot pass unnoticed', async () => {
    const runner = new FakeRunner().on('kind version', ok('kind v0.32.0 go1.24.6 linux/amd64\n'))
    await expect(runner.run('helm', ['uninstall', 'cilium'])).rejects.toThrow(
      'FakeRunner: no rule answers `helm uninstall cilium`'
    )
    expect(runner.unscripted.map((call) => call.command)).toEqual(['helm'])
  })
})
