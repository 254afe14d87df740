// kubectl within one minor of the node image's Kubernetes: the runner's own when it fits, else the
// pairing's pinned release (or the node's minor, checked against dl.k8s.io's published digest).
import { describe, expect, it } from '@jest/globals'
import type { KindInstallDeps, ToolCache } from '../src/edge/cluster/provisioning/kind.js'
import {
  kubectlDownloadUrl,
  parseKubectlClientMinor,
  resolveKubectl
} from '../src/edge/cluster/provisioning/kubectl-install.js'
import { DEFAULT_PAIRING, pairingFor } from '../src/edge/cluster/version-pairings.js'
import { DEFAULT_CILIUM_VERSION, KIND_NODE_IMAGE } from '../src/edge/cluster/versions.js'
import { FakeRunner, ok } from './helpers/fake-runner.js'

/**
 * What `kubectl version --client -o json` prints: the `Output` struct of kubernetes
 * staging/src/k8s.io/kubectl/pkg/cmd/version/version.go, `clientVersion` being apimachinery's
 * `version.Info` (major and minor as strings).
 */
const clientVersion = (minor: string, gitVersion: string): string =>
  JSON.stringify(
    {
      clientVersion: {
        major: '1',
        minor,
        gitVersion,
        gitCommit: '0123456789abcdef0123456789abcdef01234567',
        gitTreeState: 'clean',
        buildDate: '2026-04-22T12:00:00Z',
        goVersion: 'go1.26.2',
        compiler: 'gc',
        platform: 'linux/amd64'
      },
      kustomizeVersion: 'v5.7.1'
    },
    null,
    2
  ) + '\n'

class FakeToolCache implements ToolCache {
  readonly events: string[] = []
  constructor(private readonly cached = '') {}
  find(tool: string, version: string, arch?: string): string {
    this.events.push(`find ${tool} ${version} ${arch}`)
    return this.cached
  }
  downloadTool(url: string): Promise<string> {
    this.events.push(`download ${url}`)
    return Promise.resolve(url.endsWith('.sha256') ? '/tmp/sum' : '/tmp/dl')
  }
  cacheFile(source: string, target: string, tool: string, version: string, arch?: string): Promise<string> {
    this.events.push(`cache ${source} as ${target} ${tool} ${version} ${arch}`)
    return Promise.resolve(`/tc/kubectl/${version}/${arch}`)
  }
}

const depsFor = (runner: FakeRunner, toolCache: ToolCache, sha: string): KindInstallDeps => ({
  runner,
  toolCache,
  arch: 'amd64',
  sha256: () => Promise.resolve(sha),
  makeExecutable: () => Promise.resolve(),
  // dl.k8s.io's kubectl.sha256 holds the bare digest, without a file name.
  readText: () => Promise.resolve('cd'.repeat(32))
})

const PINNED = DEFAULT_PAIRING.kubectl.value

describe('the pairing table', () => {
  it('pairs the default Cilium with a node image inside its tested Kubernetes range and a kubectl within one minor', () => {
    expect(DEFAULT_CILIUM_VERSION.startsWith(`1.${DEFAULT_PAIRING.ciliumMinor}.`)).toBe(true)
    expect(DEFAULT_PAIRING.chart.value).toBe(DEFAULT_CILIUM_VERSION)
    expect(KIND_NODE_IMAGE).toBe(DEFAULT_PAIRING.nodeImage.value)
    const node = Number(/:v1\.(\d+)\./.exec(KIND_NODE_IMAGE)?.[1])
    const { from, to } = DEFAULT_PAIRING.kubernetesTested.value
    expect(node).toBeGreaterThanOrEqual(from)
    expect(node).toBeLessThanOrEqual(to)
    expect(KIND_NODE_IMAGE).toMatch(/@sha256:[0-9a-f]{64}$/)
    expect(Math.abs(Number(/^v1\.(\d+)\./.exec(PINNED.version)?.[1]) - node)).toBeLessThanOrEqual(1)
  })

  it('uses the default row for a minor without a verified pairing, and says so', () => {
    expect(pairingFor('1.18.3')).toEqual({ pairing: DEFAULT_PAIRING })
    const { pairing, note } = pairingFor('1.19.8')
    expect(pairing).toBe(DEFAULT_PAIRING)
    expect(note).toMatch('no verified node image for Cilium 1.19.8; using v1.33.12')
  })
})

describe('parseKubectlClientMinor', () => {
  it('reads the client minor, also from builds that print "36+"', () => {
    expect(parseKubectlClientMinor(clientVersion('36', 'v1.36.0'))).toBe(36)
    expect(parseKubectlClientMinor(clientVersion('36+', 'v1.36.0-gke.1'))).toBe(36)
    expect(parseKubectlClientMinor('error: unknown flag: --client\n')).toBeUndefined()
  })
})

describe('resolveKubectl', () => {
  it('keeps the runner’s kubectl when it is within one minor of the node', async () => {
    const runner = new FakeRunner().on('kubectl version --client -o json', ok(clientVersion('34', 'v1.34.2')))
    const cache = new FakeToolCache()
    expect(await resolveKubectl(depsFor(runner, cache, ''), KIND_NODE_IMAGE, DEFAULT_PAIRING)).toBeUndefined()
    expect(cache.events).toEqual([])
  })

  it('installs the pairing’s pinned kubectl when the runner’s is 1.36 and the node 1.33', async () => {
    const runner = new FakeRunner().on('kubectl version --client -o json', ok(clientVersion('36', 'v1.36.0')))
    const cache = new FakeToolCache()
    const lines: string[] = []
    const deps = { ...depsFor(runner, cache, PINNED.sha256.amd64), log: (line: string) => lines.push(line) }
    expect(await resolveKubectl(deps, KIND_NODE_IMAGE, DEFAULT_PAIRING)).toBe('/tc/kubectl/1.34.1/amd64')
    expect(cache.events).toEqual([
      'find kubectl 1.34.1 amd64',
      'download https://dl.k8s.io/release/v1.34.1/bin/linux/amd64/kubectl',
      'cache /tmp/dl as kubectl kubectl 1.34.1 amd64'
    ])
    expect(lines).toEqual([
      'kubectl on PATH is 1.36, more than one minor from Kubernetes v1.33.12; using kubectl v1.34.1'
    ])
  })

  it('installs it when kubectl is missing, and reuses a cached copy', async () => {
    const runner = new FakeRunner().on('kubectl version', { exitCode: 127, stderr: 'spawn kubectl ENOENT' })
    const cache = new FakeToolCache('/tc/kubectl/1.34.1/amd64')
    expect(await resolveKubectl(depsFor(runner, cache, ''), KIND_NODE_IMAGE, DEFAULT_PAIRING)).toBe(
      '/tc/kubectl/1.34.1/amd64'
    )
    expect(cache.events).toEqual(['find kubectl 1.34.1 amd64'])
  })

  it('refuses a download whose SHA-256 is not the pinned one', async () => {
    const runner = new FakeRunner().on('kubectl version', ok(clientVersion('36', 'v1.36.0')))
    const deps = depsFor(runner, new FakeToolCache(), 'f'.repeat(64))
    await expect(resolveKubectl(deps, KIND_NODE_IMAGE, DEFAULT_PAIRING)).rejects.toThrow(
      `expected ${PINNED.sha256.amd64}; refusing to run it`
    )
  })

  it('for a node-image input the pinned kubectl does not fit, takes the node’s minor checked against the published digest', async () => {
    const runner = new FakeRunner().on('kubectl version', ok(clientVersion('36', 'v1.36.0')))
    const cache = new FakeToolCache()
    const image =
      'kindest/node:v1.31.12@sha256:0f5cc49c5e73c0c2bb6e2df56e7df189240d83cf94edfa30946482eb08ec57d2'
    expect(await resolveKubectl(depsFor(runner, cache, 'cd'.repeat(32)), image, DEFAULT_PAIRING)).toBe(
      '/tc/kubectl/1.31.0/amd64'
    )
    expect(cache.events).toContain(`download ${kubectlDownloadUrl('v1.31.0', 'amd64')}.sha256`)
  })

  it('leaves kubectl alone for an image without a version tag', async () => {
    const runner = new FakeRunner()
    expect(
      await resolveKubectl(
        depsFor(runner, new FakeToolCache(), ''),
        'registry.local/node@sha256:' + 'a'.repeat(64),
        DEFAULT_PAIRING
      )
    ).toBeUndefined()
    expect(runner.calls).toEqual([])
  })
})
