// `reachdiff diff`: the main job. Base and head from directories or git revisions, a generated
// or given topology, expectations, and the exit code per --fail-on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { flowKey } from '../src/core/model.js'
import { expectedVerdict } from '../src/core/scenario/expectations.js'
import { enumerateFlows } from '../src/core/scenario/flows.js'
import { parseScenario } from '../src/core/scenario/parse.js'
import { CONFORMANCE, reachdiff, REPO_ROOT } from './helpers/cli.js'
import { expectGolden } from './helpers/golden.js'
import { WEB_INTENT } from './helpers/scenarios.js'

const EXAMPLE = join(REPO_ROOT, 'policies/examples/guide-deny-client')
const EXAMPLE_ARGS = ['diff', '--base-dir', join(EXAMPLE, 'base'), '--head-dir', join(EXAMPLE, 'head')]
const SEED_POLICY = readFileSync(join(EXAMPLE, 'head/deny-client-to-web.yaml'), 'utf8')

interface JsonChange {
  from: string
  to: string
  port: number | null
  protocol: string
  kind: string
  reason: string
}
interface JsonReport {
  summary: { opened: number; closed: number; violations: number }
  changes: JsonChange[]
  topology: { pods: { namespace: string; name: string; labels: Record<string, string> }[] }
}

describe('reachdiff diff on the bundled example (directories, generated topology)', () => {
  it('shows every pod, not only client, losing web, with the CCNP and default deny as the reason', async () => {
    const run = await reachdiff([...EXAMPLE_ARGS, '--format', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as JsonReport
    const pods = report.topology.pods
    const web = pods.find((p) => p.labels.run === 'web')!
    expect(pods.some((p) => p.labels.run === 'client')).toBe(true)
    const outsiders = pods.filter((p) => p.name === 'outsider')
    expect(outsiders.map((p) => p.namespace).sort()).toEqual(['policy-test', 'unmentioned'])
    const webKey = `${web.namespace}/${web.name}`
    const closed = report.changes.filter((c) => c.kind === 'closed' && c.to === webKey)
    const sources = new Set(closed.map((c) => c.from))
    for (const pod of pods.filter((p) => p !== web)) expect(sources).toContain(`${pod.namespace}/${pod.name}`)
    const outsider = closed.find((c) => c.from === 'unmentioned/outsider' && c.protocol === 'TCP')!
    expect(outsider.reason).toContain('default deny on ingress of policy-test/web')
    expect(outsider.reason).toContain('CiliumClusterwideNetworkPolicy deny-client-to-web')
  })

  it('fails on changes only when asked to', async () => {
    expect((await reachdiff([...EXAMPLE_ARGS, '--fail-on', 'changes'])).code).toBe(1)
    expect((await reachdiff([...EXAMPLE_ARGS, '--fail-on', 'never'])).code).toBe(0)
    expect((await reachdiff([...EXAMPLE_ARGS, '--fail-on', 'sometimes'])).code).toBe(2)
  })

  it('writes the report to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachdiff-out-'))
    try {
      const run = await reachdiff([...EXAMPLE_ARGS, '--format', 'markdown', '--out', join(dir, 'report.md')])
      expect(run.code).toBe(0)
      expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('**reachdiff**: ')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('golden outputs: markdown, text and JSON', async () => {
    // Paths differ per checkout: keep the goldens about the report, not where it was run.
    const stable = (text: string): string => text.split(EXAMPLE).join('<example>')
    expectGolden(
      'diff/example.md',
      stable((await reachdiff([...EXAMPLE_ARGS, '--format', 'markdown'])).stdout)
    )
    expectGolden('diff/example.txt', stable((await reachdiff([...EXAMPLE_ARGS, '--format', 'text'])).stdout))
    expectGolden('diff/example.json', stable((await reachdiff([...EXAMPLE_ARGS, '--format', 'json'])).stdout))
  })
})

describe('reachdiff diff between git revisions', () => {
  let repo: string
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: repo,
      encoding: 'utf8'
    })

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'reachdiff-git-'))
    git('init', '-q', '-b', 'main')
    mkdirSync(join(repo, 'policies'))
    writeFileSync(join(repo, 'policies/README.md'), 'policies live here\n')
    git('add', '.')
    git('commit', '-q', '-m', 'no policy')
    writeFileSync(join(repo, 'policies/deny-client.yaml'), SEED_POLICY)
    git('add', '.')
    git('commit', '-q', '-m', 'the guide policy')
  })
  afterAll(() => rmSync(repo, { recursive: true, force: true }))

  it('reads both sides with git, never from a checkout', async () => {
    const run = await reachdiff(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], repo)
    const report = JSON.parse(run.stdout) as JsonReport
    expect(run.code).toBe(0)
    expect(report.summary.closed).toBeGreaterThan(0)
    expect(report.summary.opened).toBe(0)
  })

  it('compares with the working tree when --head is left out', async () => {
    writeFileSync(
      join(repo, 'policies/deny-client.yaml'),
      SEED_POLICY.replace('ingressDeny:', 'enableDefaultDeny: {ingress: false}\n  ingressDeny:')
    )
    try {
      const run = await reachdiff(['diff', '--base', 'HEAD', '--format', 'json'], repo)
      const report = JSON.parse(run.stdout) as JsonReport & {
        matrices: { head: { from: string; to: string; verdict: string }[] }
      }
      const key = (p: { namespace: string; name: string }): string => `${p.namespace}/${p.name}`
      const web = key(report.topology.pods.find((p) => p.labels.run === 'web')!)
      const clients = report.topology.pods.filter((p) => p.labels.run === 'client').map(key)
      const others = report.topology.pods.map(key).filter((pod) => pod !== web && !clients.includes(pod))
      expect(clients).toHaveLength(1)
      expect(others.length).toBeGreaterThan(1)
      // Every pod but client gets web back; nothing new is closed; client stays closed.
      const reopened = new Set(
        report.changes.filter((c) => c.kind === 'opened').map((c) => `${c.from}>${c.to}`)
      )
      expect([...reopened].sort()).toEqual(others.map((pod) => `${pod}>${web}`).sort())
      expect(report.changes.filter((c) => c.kind === 'closed')).toEqual([])
      const clientToWeb = report.matrices.head.filter((cell) => cell.from === clients[0] && cell.to === web)
      expect(clientToWeb.length).toBeGreaterThan(0)
      expect(clientToWeb.every((cell) => cell.verdict === 'deny')).toBe(true)
    } finally {
      git('checkout', '-q', '--', 'policies/deny-client.yaml')
    }
  })

  it('checks the expectations of reachdiff.yaml at the root against the head', async () => {
    writeFileSync(join(repo, 'reachdiff.yaml'), WEB_INTENT)
    try {
      const run = await reachdiff(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], repo)
      const report = JSON.parse(run.stdout) as JsonReport & {
        violations: { from: string; expected: string; actual: string }[]
      }
      expect(run.code).toBe(1)
      expect(report.violations).toEqual([
        expect.objectContaining({
          from: 'default/other',
          to: 'default/web',
          expected: 'allow',
          actual: 'deny'
        })
      ])
    } finally {
      rmSync(join(repo, 'reachdiff.yaml'))
    }
  })

  it('says how to make a missing revision available (exit 2)', async () => {
    const run = await reachdiff(['diff', '--base', 'no-such-branch'], repo)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('git revision "no-such-branch" is not available')
    expect(run.stderr).toContain('fetch-depth: 0')
  })
})

describe('reachdiff diff on k8s e2e cases (base: no policies)', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'reachdiff-e2e-'))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  /** The case's topology as the scenario, its policies as the head, nothing as the base. */
  function prepare(name: string): string[] {
    const file = join(CONFORMANCE, 'k8s-e2e', `${name}.yaml`)
    const policies = (load(readFileSync(file, 'utf8')) as { policies: string }).policies
    mkdirSync(join(work, name, 'base'), { recursive: true })
    mkdirSync(join(work, name, 'head'), { recursive: true })
    writeFileSync(join(work, name, 'head', 'policies.yaml'), policies)
    return [
      'diff',
      '--base-dir',
      join(work, name, 'base'),
      '--head-dir',
      join(work, name, 'head'),
      '--scenario',
      file
    ]
  }

  it('closes exactly the flows should-support-a-default-deny-ingress-policy expects denied', async () => {
    const name = 'should-support-a-default-deny-ingress-policy'
    const run = await reachdiff([...prepare(name), '--format', 'json'])
    const report = JSON.parse(run.stdout) as JsonReport
    expect(run.code).toBe(0)
    const closed = report.changes
      .filter((c) => c.kind === 'closed')
      .map((c) => `${c.from} -> ${c.to} ${c.protocol}/${c.port}`)
    // With no policies at the base, the closed flows are exactly those the case file expects denied.
    const path = join(CONFORMANCE, 'k8s-e2e', `${name}.yaml`)
    const { scenario } = parseScenario(readFileSync(path, 'utf8'), path)
    const flows = enumerateFlows({ topology: scenario!.topology!, expect: scenario!.expect })
    const expectedDenied = flows
      .filter((flow) => expectedVerdict(flow, scenario!.expect)?.verdict === 'deny')
      .map(flowKey)
    expect(expectedDenied).toHaveLength(24) // 8 senders to each of x/a, x/b, x/c
    expect(closed.sort()).toEqual(expectedDenied.sort())
    expect(report.summary.violations).toBe(0) // the head matches the case's expectations
  })

  for (const name of [
    'should-support-a-default-deny-ingress-policy',
    'should-enforce-policy-based-on-podselector-and-namespaceselector'
  ]) {
    it(`golden outputs for ${name}`, async () => {
      const args = prepare(name)
      const stable = (text: string): string =>
        text.split(work).join('<work>').split(CONFORMANCE).join('<conformance>')
      expectGolden(`diff/${name}.md`, stable((await reachdiff([...args, '--format', 'markdown'])).stdout))
      expectGolden(`diff/${name}.txt`, stable((await reachdiff([...args, '--format', 'text'])).stdout))
      expectGolden(`diff/${name}.json`, stable((await reachdiff([...args, '--format', 'json'])).stdout))
    })
  }
})
