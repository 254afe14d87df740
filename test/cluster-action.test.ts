// The Action's cluster path (observeReport) over a fake Backend whose cluster does not do what
// the prediction says: the gate, the `violations` output and the comment must follow the
// cluster, and only flows without a settled observation fall back to the prediction.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClusterRunError, observeReport, staticFallback } from '../src/action/cluster.js'
import type { Settings } from '../src/action/inputs.js'
import { isFailure } from '../src/core/gate.js'
import type { Flow, Topology } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import type { PolicyDocument } from '../src/core/policy/document.js'
import { emptyLoadedPolicies } from '../src/core/policy/document.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { predictReport } from '../src/core/predict.js'
import type { ExpectEntry } from '../src/core/scenario/scenario.js'
import type { Backend, ProbeResult, ProbeTarget } from '../src/edge/observe/backend.js'

const pod = (name: string, app: string) => ({
  namespace: 'ns1',
  name,
  labels: { app },
  serviceAccount: 'default',
  ports: [
    { protocol: 'TCP' as const, port: 80 },
    { protocol: 'SCTP' as const, port: 9 }
  ]
})

const topology: Topology = {
  namespaces: [{ name: 'ns1', labels: { 'kubernetes.io/metadata.name': 'ns1' } }],
  pods: [pod('a', 'a'), pod('b', 'b'), pod('c', 'c')],
  external: []
}

/** Head: only `c` may reach `b` on 80, so the prediction closes a→b. */
const HEAD = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: only-c, namespace: ns1}
spec:
  endpointSelector: {matchLabels: {app: b}}
  ingress:
    - fromEndpoints: [{matchLabels: {app: c}}]
`

const ADDRESSES = new Map([
  ['ns1/a', '10.244.0.1'],
  ['ns1/b', '10.244.0.2'],
  ['ns1/c', '10.244.0.3']
])

type Outcome = ProbeResult['outcome'] | 'alternate'

/**
 * A cluster that answers each probe from a table keyed by policy set (`base`/`head`) and flow
 * `from>to:port`; anything not listed connects. `alternate` connects and times out in turn.
 */
class DisagreeingCluster implements Backend<PolicyDocument[]> {
  private side: 'none' | 'base' | 'head' = 'none'
  private readonly count = new Map<string, number>()
  deployed?: Topology
  /** Probes answered so far. */
  answered = 0
  constructor(private readonly table: Record<string, Outcome>) {}
  deploy(topology: Topology): Promise<Map<string, string>> {
    this.deployed = topology
    return Promise.resolve(ADDRESSES)
  }
  applyPolicies(policies: PolicyDocument[]): Promise<[]> {
    this.side = policies.length === 0 ? 'base' : 'head'
    return Promise.resolve([])
  }
  probeFrom(source: string, targets: readonly ProbeTarget[]): Promise<ProbeResult[]> {
    const name = (host: string) => [...ADDRESSES].find(([, ip]) => ip === host)![0]
    this.answered += targets.length
    return Promise.resolve(
      targets.map((target) => {
        const key = `${this.side}:${source}>${name(target.host)}:${target.port}`
        let outcome = this.table[key] ?? 'connected'
        if (outcome === 'alternate') {
          const n = (this.count.get(key) ?? 0) + 1
          this.count.set(key, n)
          outcome = n % 2 === 1 ? 'connected' : 'timeout'
        }
        return { id: target.id, outcome, ms: 1 }
      })
    )
  }
  cleanup(): Promise<void> {
    return Promise.resolve()
  }
}

const settings = { probeTimeoutMs: 1000, probeRetries: 1 } as Settings

function run(expect: ExpectEntry[], table: Record<string, Outcome>, extra = '') {
  const { report, input } = prepare(expect, extra)
  const cluster = new DisagreeingCluster(table)
  return { report, cluster, observed: observeReport(cluster, input, () => undefined) }
}

function prepare(expect: ExpectEntry[], extra = '') {
  const options = makeEngineOptions()
  const head = loadPolicyText(HEAD + extra, 'policies/head.yaml', options)
  const base = emptyLoadedPolicies()
  const scenario = { topology, expect, file: 'reachdiff.yaml' }
  const report = predictReport({
    base: { label: 'base', loaded: base },
    head: { label: 'head', loaded: head },
    scenario,
    options,
    toolVersion: 'test'
  })
  const input = { settings, report, base, head, expectations: { expect, file: 'reachdiff.yaml' } }
  return { report, input }
}

const entry = (from: string, to: string, verdict: 'allow' | 'deny', line: number): ExpectEntry => ({
  from,
  to,
  port: 80,
  protocol: 'TCP',
  verdict,
  line
})
const flowOf = (from: string, to: string): Flow => ({ from, to, protocol: 'TCP', port: 80 })

describe('violations in cluster mode come from the observed head', () => {
  it('drops a predicted violation the cluster does not show, and fails nothing', async () => {
    const expect_ = [entry('ns1/a', 'ns1/b', 'allow', 3)]
    const { report, observed } = run(expect_, {})
    expect(report.violations.map((v) => v.flow)).toEqual([flowOf('ns1/a', 'ns1/b')])
    const result = await observed
    expect(result.violations).toEqual([])
    expect(result.disagreements).toEqual([
      expect.objectContaining({
        flow: flowOf('ns1/a', 'ns1/b'),
        side: 'head',
        predicted: 'deny',
        observed: 'allow'
      })
    ])
    expect(isFailure(result, 'violations')).toBe(false)
  })

  it('reports a violation the prediction did not see, judged by the observation', async () => {
    const expect_ = [entry('ns1/c', 'ns1/a', 'allow', 4)]
    const { report, observed } = run(expect_, { 'head:ns1/c>ns1/a:80': 'timeout' })
    expect(report.violations).toEqual([])
    const result = await observed
    expect(result.violations).toEqual([
      expect.objectContaining({
        flow: flowOf('ns1/c', 'ns1/a'),
        expected: 'allow',
        actual: 'deny',
        judgedBy: 'observed',
        file: 'reachdiff.yaml',
        line: 4
      })
    ])
    expect(result.violations[0].reason).toMatch(/^observed: timed out/)
    expect(isFailure(result, 'violations')).toBe(true)
  })

  it('judges a flaky flow by the prediction and says so', async () => {
    const expect_ = [entry('ns1/a', 'ns1/b', 'allow', 3)]
    const { observed } = run(expect_, { 'head:ns1/a>ns1/b:80': 'alternate' })
    const result = await observed
    expect(result.flaky).toEqual([flowOf('ns1/a', 'ns1/b')])
    expect(result.violations).toEqual([
      expect.objectContaining({ flow: flowOf('ns1/a', 'ns1/b'), actual: 'deny', judgedBy: 'prediction' })
    ])
    expect(result.violations[0].reason).toMatch(/^not observed \(flaky: .*\); predicted: /)
  })

  it('judges an SCTP flow, which is never probed, by the prediction and says why', async () => {
    const sctp: ExpectEntry = {
      from: 'ns1/a',
      to: 'ns1/b',
      port: 9,
      protocol: 'SCTP',
      verdict: 'allow',
      line: 5
    }
    const { observed } = run([sctp], {})
    const result = await observed
    expect(result.violations).toEqual([
      expect.objectContaining({ expected: 'allow', actual: 'deny', judgedBy: 'prediction' })
    ])
    expect(result.violations[0].reason).toContain('SCTP is not probed')
  })
})

describe('the namespaces the cluster gets', () => {
  it('include every namespace a policy lives in, with the labels of its Namespace object', async () => {
    const extra = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: elsewhere, namespace: ns2}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: undeclared, namespace: ns3}
spec: {podSelector: {}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ns2, labels: {team: blue}}
`
    const { cluster, observed } = run([], {}, extra)
    await observed
    expect(cluster.deployed?.namespaces.map((namespace) => [namespace.name, namespace.labels])).toEqual([
      ['ns1', { 'kubernetes.io/metadata.name': 'ns1' }],
      ['ns2', expect.objectContaining({ team: 'blue' })],
      ['ns3', { 'kubernetes.io/metadata.name': 'ns3' }]
    ])
    expect(cluster.deployed?.pods).toEqual(topology.pods)
  })
})

describe('when the cluster run fails', () => {
  it('publishes the static prediction, saying plainly that and where the cluster run stopped', () => {
    const { report } = run([entry('ns1/a', 'ns1/b', 'allow', 3)], {})
    const error = new ClusterRunError(
      'cluster setup (helm install)',
      new Error(
        'helm exited with 1: Error: INSTALLATION FAILED: chart "cilium" version "9.9.9" not found\nmore'
      )
    )
    const fallback = staticFallback(report, error)
    expect(fallback.diagnostics[0]).toMatchObject({
      severity: 'error',
      message:
        'the cluster run failed at cluster setup (helm install): helm exited with 1: Error: INSTALLATION FAILED: ' +
        'chart "cilium" version "9.9.9" not found. The results below are the static prediction only; nothing was observed in a cluster.'
    })
    expect(fallback.head.matrix.source).toBe('predicted')
    expect(fallback.violations).toEqual(report.violations)
  })
})

/** The transcript's lines, each parsed. */
const readTranscript = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

const transcriptFile = (): string => join(mkdtempSync(join(tmpdir(), 'reachdiff-')), 'probes.jsonl')

describe('the probe transcript of the cluster path', () => {
  it('has a first line with the probe settings, then every probe the cluster answered', async () => {
    const { input } = prepare([])
    const cluster = new DisagreeingCluster({ 'head:ns1/c>ns1/a:80': 'timeout' })
    const path = transcriptFile()
    await observeReport(cluster, input, () => undefined, path)
    const [first, ...probes] = readTranscript(path)
    expect(first).toMatchObject({
      format: 'reachdiff-probe-transcript',
      version: 1,
      probeTimeoutMs: settings.probeTimeoutMs,
      probeRetries: settings.probeRetries
    })
    expect(probes).toHaveLength(cluster.answered)
    expect(
      new Set(probes.map((p) => `${String(p.side)}: ${String(p.round).replace(/ \d+$/, ' N')}`))
    ).toEqual(
      // c → a closes, unforeseen: confirmed under head, then under base applied again.
      new Set([
        'control: positive control',
        'base: base',
        'head: head',
        'head: head re-probe N',
        'base: base (again) re-probe N'
      ])
    )
    const denied = probes.filter((p) => p.verdict === 'deny')
    expect(denied.map((p) => [p.side, p.from, p.to, p.port, p.host, p.outcome])).toEqual([
      ['head', 'ns1/c', 'ns1/a', 80, '10.244.0.1', 'timeout'],
      ['head', 'ns1/c', 'ns1/a', 80, '10.244.0.1', 'timeout']
    ])
  })

  it('keeps what was probed when the run fails halfway', async () => {
    class HeadNeverRealised extends DisagreeingCluster {
      override applyPolicies(policies: PolicyDocument[]): Promise<[]> {
        if (policies.length > 0) return Promise.reject(new Error('head policies not realised within 60 s'))
        return super.applyPolicies(policies)
      }
    }
    const { input } = prepare([])
    const cluster = new HeadNeverRealised({})
    const path = transcriptFile()
    await expect(observeReport(cluster, input, () => undefined, path)).rejects.toThrow(/not realised/)
    const probes = readTranscript(path).slice(1)
    expect(probes).toHaveLength(cluster.answered)
    expect(new Set(probes.map((p) => p.side))).toEqual(new Set(['control', 'base']))
  })
})
