// `reachdiff check`: the contract other tools rely on (closing line, exit codes 0/1/2, JSON).
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONFORMANCE, HAS_CONFORMANCE, reachdiff } from './helpers/cli.js'

const passing = `name: deny-all-ingress
tags: [k8s-netpol]
topology:
  namespaces: {x: {}}
  pods:
    - {name: a, namespace: x, labels: {pod: a}, ports: [{port: 80, protocol: TCP}]}
    - {name: b, namespace: x, labels: {pod: b}, ports: [{port: 80, protocol: TCP}]}
policies: |
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: deny, namespace: x}
  spec: {podSelector: {matchLabels: {pod: a}}, policyTypes: [Ingress]}
expect:
  - {from: "*", to: "*", verdict: allow}
  - {from: "*", to: "x/a", verdict: deny}
`

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reachdiff-check-'))
  writeFileSync(join(dir, 'passing.yaml'), passing)
  writeFileSync(
    join(dir, 'failing.yaml'),
    passing
      .replace('name: deny-all-ingress', 'name: wrong')
      .replace('to: "x/a", verdict: deny', 'to: "x/a", verdict: allow')
  )
  writeFileSync(
    join(dir, 'skipped.yaml'),
    passing
      .replace('name: deny-all-ingress', 'name: skipped')
      .replace('[k8s-netpol]', '[k8s-netpol, cilium-diverges]')
  )
  writeFileSync(join(dir, 'broken.yaml'), 'name: broken\ntopology: [\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('reachdiff check', () => {
  it('exits 0 and closes with the counts when every case passes', async () => {
    const run = await reachdiff(['check', join(dir, 'passing.yaml')])
    expect(run.code).toBe(0)
    expect(run.stdout.trim().split('\n').pop()).toBe('1 passed, 0 failed, 0 skipped')
  })

  it('prints each mismatch with expected, predicted and the reason, and exits 1', async () => {
    const run = await reachdiff(['check', join(dir, 'failing.yaml'), join(dir, 'skipped.yaml')])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('FAIL')
    expect(run.stdout).toContain('x/b -> x/a TCP/80: expected allow, predicted deny')
    expect(run.stdout).toContain('default deny on ingress of x/a')
    expect(run.stdout).toContain('NetworkPolicy x/deny')
    expect(run.stdout).toContain('SKIP')
    expect(run.stdout).toContain('tag cilium-diverges')
    expect(run.stdout.trim().split('\n').pop()).toBe('0 passed, 1 failed, 1 skipped')
  })

  it('exits 2 on an unreadable case but still evaluates the others', async () => {
    const run = await reachdiff(['check', dir])
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/broken\.yaml:3:1: error/)
    expect(run.stdout).not.toMatch(/\n\s+at .*\.(ts|js):\d+/) // no stack trace
    expect(run.stdout.trim().split('\n').pop()).toBe('1 passed, 1 failed, 1 skipped')
  })

  it('treats a flow that no expect entry judges as bad input (exit 2), naming the flow', async () => {
    const file = join(dir, 'uncovered', 'case.yaml')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(dir, 'uncovered'))
    writeFileSync(file, passing.replace('  - {from: "*", to: "*", verdict: allow}\n', ''))
    const run = await reachdiff(['check', file])
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('no entry matches the flow x/a -> x/b TCP/80')
    expect(run.stdout.trim().split('\n').pop()).toBe('0 passed, 0 failed, 0 skipped')
  })

  it('refuses a case whose topology is too large to evaluate (exit 2)', async () => {
    const pods = Array.from(
      { length: 1300 },
      (_, i) => `    - {name: p${i}, namespace: x, ports: [{port: 80, protocol: TCP}]}`
    )
    const file = join(dir, 'huge-case.yml')
    writeFileSync(
      file,
      `name: huge\ntopology:\n  namespaces: {x: {}}\n  pods:\n${pods.join('\n')}\nexpect:\n  - {from: "*", to: "*", verdict: allow}\n`
    )
    const run = await reachdiff(['check', file])
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('more than the 1,500,000 reachdiff evaluates')
  })

  it('exits 2 for a path that does not exist', async () => {
    const run = await reachdiff(['check', join(dir, 'missing.yaml')])
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('no such file or directory')
  })

  it('gives the same as JSON with --format json', async () => {
    const run = await reachdiff([
      'check',
      '--format',
      'json',
      join(dir, 'failing.yaml'),
      join(dir, 'passing.yaml')
    ])
    const result = JSON.parse(run.stdout) as {
      summary: Record<string, number>
      cases: { name: string; status: string; mismatches: unknown[] }[]
    }
    expect(run.code).toBe(1)
    expect(result.summary).toEqual({ passed: 1, failed: 1, skipped: 0 })
    expect(result.cases.find((c) => c.name === 'wrong')?.mismatches).toHaveLength(1)
  })

  it('rejects unknown options and a bad --cilium-version with exit 2 and usage', async () => {
    expect((await reachdiff(['check', '--bogus', dir])).code).toBe(2)
    const run = await reachdiff(['check', '--cilium-version', '1.9', join(dir, 'passing.yaml')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('older than 1.15')
  })
})

;(HAS_CONFORMANCE ? describe : describe.skip)('the shared conformance suite', () => {
  it('passes every case; only the cilium-diverges cases are skipped', async () => {
    const suites = ['k8s-e2e', 'cilium', 'world'].map((suite) => join(CONFORMANCE, suite))
    const run = await reachdiff(['check', ...suites])
    expect(run.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed, 4 skipped$/)
    expect(run.stdout.match(/^SKIP .*: tag (.*)$/gm)?.every((line) => line.endsWith('cilium-diverges'))).toBe(
      true
    )
    expect(run.code).toBe(0)
  })
})
