// The user's own workloads as the topology: a Deployment, a StatefulSet and a CronJob kept
// beside the policies, or a saved `kubectl get namespaces,pods -A -o json`, become pods with
// their template's labels, namespace, service account and (named) container ports.
// Generated outsiders and witnesses are added beside them, and every pod says where it came from.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Pod } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import { predictReport } from '../src/core/predict.js'
import { loadPolicyPaths } from '../src/edge/policy-sources.js'
import { loadSnapshot, loadWorkloadPaths } from '../src/edge/topology-sources.js'
import { reachdiff, REPO_ROOT } from './helpers/cli.js'

const options = makeEngineOptions()
const WORKLOADS = join(REPO_ROOT, 'test/fixtures/workloads')
const SNAPSHOT = join(REPO_ROOT, 'test/fixtures/snapshot/kubectl-get-namespaces-pods.json')

const byName = (pods: readonly Pod[], key: string): Pod | undefined =>
  pods.find((pod) => `${pod.namespace}/${pod.name}` === key)

describe('workloads beside the policies', () => {
  it('are read without diagnostics, as workloads, not as unknown kinds', async () => {
    const loaded = await loadPolicyPaths([WORKLOADS], options)
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.workloads?.map((w) => w.kind)).toEqual(['Deployment', 'StatefulSet', 'CronJob'])
  })

  it('give a pod per workload with its template labels, service account and named ports', async () => {
    const loaded = await loadPolicyPaths([WORKLOADS], options)
    const report = predictReport({ head: { label: 'head', loaded }, options, toolVersion: 'test' })
    const pods = report.topology.pods
    expect(byName(pods, 'shop/frontend')).toMatchObject({
      labels: { app: 'frontend', tier: 'web' },
      serviceAccount: 'frontend',
      ports: [
        { protocol: 'TCP', port: 8080, name: 'http' },
        { protocol: 'TCP', port: 9113, name: 'metrics' },
        { protocol: 'ICMP' }
      ],
      origin: 'workload',
      standsFor: expect.stringMatching(/^Deployment shop\/frontend \(.*shop\.yaml:2\)$/)
    })
    expect(byName(pods, 'shop/db-0')).toMatchObject({
      labels: { app: 'db', tier: 'data' },
      ports: [{ protocol: 'TCP', port: 5432, name: 'postgres' }, { protocol: 'ICMP' }],
      origin: 'workload'
    })
    expect(byName(pods, 'shop/report')).toMatchObject({
      labels: { app: 'report' },
      serviceAccount: 'reporter'
    })
    // Outsiders are still generated beside them; no selector pod duplicates a workload.
    expect(byName(pods, 'shop/outsider')?.origin).toBe('outsider')
    expect(pods.filter((pod) => pod.namespace === 'shop' && pod.labels.app === 'db')).toHaveLength(1)
  })

  it('resolve a named port of a policy against the container port', async () => {
    const loaded = await loadPolicyPaths([WORKLOADS], options)
    const report = predictReport({ head: { label: 'head', loaded }, options, toolVersion: 'test' })
    const verdict = (from: string, port: number) =>
      report.head.matrix.cells.find(
        (c) => c.flow.from === from && c.flow.to === 'shop/db-0' && c.flow.port === port
      )?.verdict
    expect(verdict('shop/frontend', 5432)).toBe('allow')
    expect(verdict('shop/report', 5432)).toBe('deny')
    // A pod that declares no port serves the policies' ports, a name at the workloads' number.
    const report_ = byName(report.topology.pods, 'shop/report')!
    expect(report_.ports).toContainEqual({ protocol: 'TCP', port: 5432, name: 'postgres' })
  })

  it('can also be given apart from the policies (--workloads)', async () => {
    const policies = await loadPolicyPaths([join(WORKLOADS, 'policy.yaml')], options)
    const workloads = await loadWorkloadPaths([join(WORKLOADS, 'shop.yaml')], options)
    const report = predictReport({
      head: { label: 'head', loaded: policies },
      workloads,
      options,
      toolVersion: 'test'
    })
    expect(report.topology.pods.filter((pod) => pod.origin === 'workload').map((pod) => pod.name)).toEqual([
      'db-0',
      'frontend',
      'report'
    ])
  })
})

describe('a saved kubectl get namespaces,pods -A -o json', () => {
  it('gives the running pods with their names, labels, addresses and named ports', async () => {
    const snapshot = await loadSnapshot(SNAPSHOT, options)
    expect(snapshot.diagnostics).toEqual([])
    const policies = await loadPolicyPaths([join(WORKLOADS, 'policy.yaml')], options)
    const report = predictReport({
      head: { label: 'head', loaded: policies },
      snapshot,
      options,
      toolVersion: 'test'
    })
    const pods = report.topology.pods
    expect(byName(pods, 'shop/frontend-6d5f7c9b8d-x7k2p')).toMatchObject({
      labels: { app: 'frontend', 'pod-template-hash': '6d5f7c9b8d', tier: 'web' },
      serviceAccount: 'frontend',
      ip: '10.244.1.17',
      ports: [{ protocol: 'TCP', port: 8080, name: 'http' }, { protocol: 'ICMP' }],
      origin: 'snapshot'
    })
    expect(byName(pods, 'kube-system/coredns-674b8bbfcf-9qv4n')?.ports).toContainEqual({
      protocol: 'UDP',
      port: 53,
      name: 'dns'
    })
    // Host-network pods carry the node's identity; finished pods are gone.
    expect(byName(pods, 'kube-system/kube-apiserver-kind-control-plane')).toBeUndefined()
    expect(byName(pods, 'shop/report-29001234-h2jkl')).toBeUndefined()
    expect(report.diagnostics.some((d) => d.message.includes('hostNetwork'))).toBe(true)
    // The namespace keeps the labels the cluster gave it.
    expect(report.topology.namespaces.find((ns) => ns.name === 'shop')?.labels).toMatchObject({
      team: 'retail'
    })
  })

  it('is what `reachdiff matrix --topology-from` evaluates, with the origin in the JSON', async () => {
    const run = await reachdiff([
      'matrix',
      '--policies',
      join(WORKLOADS, 'policy.yaml'),
      '--topology-from',
      SNAPSHOT,
      '--format',
      'json'
    ])
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as { topology: { pods: { name: string; origin: string }[] } }
    expect(json.topology.pods).toContainEqual(
      expect.objectContaining({ name: 'frontend-6d5f7c9b8d-x7k2p', origin: 'snapshot' })
    )
  })

  it('without any pod is refused as the wrong file', async () => {
    const snapshot = await loadSnapshot(join(WORKLOADS, 'policy.yaml'), options)
    expect(snapshot.diagnostics[0]).toMatchObject({ severity: 'error', message: 'the snapshot holds no Pod' })
  })
})

describe('reachdiff diff --workloads between git revisions', () => {
  let repo: string
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: repo,
      encoding: 'utf8'
    })
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'reachdiff-workloads-'))
    git('init', '-q', '-b', 'main')
    mkdirSync(join(repo, 'policies'))
    mkdirSync(join(repo, 'deploy'))
    copyFileSync(join(WORKLOADS, 'shop.yaml'), join(repo, 'deploy/shop.yaml'))
    git('add', '.')
    git('commit', '-q', '-m', 'workloads, no policy')
    copyFileSync(join(WORKLOADS, 'policy.yaml'), join(repo, 'policies/db.yaml'))
    git('add', '.')
    git('commit', '-q', '-m', 'the database policy')
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it('reads the workloads at the head revision and shows the change on their pods', async () => {
    const run = await reachdiff(
      ['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--workloads', 'deploy/**/*.yaml', '--format', 'json'],
      repo
    )
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as {
      topology: { pods: { namespace: string; name: string; origin: string }[] }
      changes: { from: string; to: string; kind: string; port: number | null }[]
    }
    const workloads = json.topology.pods.filter((p) => p.origin === 'workload').map((p) => p.name)
    expect(workloads).toEqual(['db-0', 'frontend', 'report'])
    expect(json.changes).toContainEqual(
      expect.objectContaining({ from: 'shop/report', to: 'shop/db-0', kind: 'closed', port: 5432 })
    )
    expect(json.changes.some((c) => c.from === 'shop/frontend' && c.port === 5432)).toBe(false)
  })
})
