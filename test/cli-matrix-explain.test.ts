// `reachdiff matrix` and `reachdiff explain`, including what users see for broken input.
import { describe, expect, it } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CONFORMANCE, reachdiff, REPO_ROOT } from './helpers/cli.js'

const EXAMPLE_HEAD = join(REPO_ROOT, 'policies/examples/guide-deny-client/head')
const BROKEN = join(REPO_ROOT, 'test/fixtures/broken')
const NEIGHBOURS = join(REPO_ROOT, 'test/fixtures/broken-neighbours')
const STACK_FRAME = /\n\s+at .*\.(ts|js):\d+/

describe('reachdiff matrix', () => {
  it('prints the predicted matrix of a generated topology', async () => {
    const run = await reachdiff(['matrix', '--policies', EXAMPLE_HEAD])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Head matrix')
    expect(run.stdout).toContain('topology: generated')
  })

  it('gives JSON with the head matrix', async () => {
    const run = await reachdiff(['matrix', '--policies', EXAMPLE_HEAD, '--format', 'json'])
    const report = JSON.parse(run.stdout) as {
      matrices: { head: { from: string; to: string; verdict: string }[] }
    }
    const toWeb = report.matrices.head.filter((cell) => cell.to.endsWith('/web'))
    expect(toWeb.length).toBeGreaterThan(0)
    expect(toWeb.every((cell) => cell.verdict === 'deny')).toBe(true)
  })

  it('reports every broken file with file and line, exits 2, and still evaluates the valid files beside them', async () => {
    const run = await reachdiff(['matrix', '--policies', BROKEN, NEIGHBOURS, '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stdout + run.stderr).not.toMatch(STACK_FRAME)
    const report = JSON.parse(run.stdout) as {
      diagnostics: { file: string; line: number; severity: string }[]
      revisions: { head: { policyCount: number } }
    }
    // These two are broken only under other settings (Cilium 1.15, enable-l7-proxy=false).
    const dependsOnSettings = ['enable-default-deny-1.15.yaml', 'l7-proxy-disabled.yaml']
    const files = readdirSync(BROKEN).filter((file) => !dependsOnSettings.includes(file))
    const reported = new Set(
      report.diagnostics.filter((d) => d.severity !== 'notice').map((d) => d.file.split('/').pop())
    )
    const silent = files.filter((file) => !reported.has(file))
    expect(silent).toEqual([])
    expect(files.length).toBeGreaterThanOrEqual(40)
    expect(report.revisions.head.policyCount).toBeGreaterThan(0)
  })

  it('refuses a 20 MB file quickly with its size, not a crash', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'reachdiff-huge-'))
    try {
      writeFileSync(join(dir, 'huge.yaml'), '# padding\n'.repeat(2_000_000))
      const run = await reachdiff(['matrix', '--policies', dir])
      expect(run.code).toBe(2)
      expect(run.stdout).toMatch(/huge\.yaml: error: file is 19\.1 MiB/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('reachdiff explain', () => {
  const scenario = join(CONFORMANCE, 'cilium/seed-b-deny-client-to-web.yaml')

  it('explains one flow: both sides and every rule that mattered', async () => {
    const run = await reachdiff([
      'explain',
      '--scenario',
      scenario,
      '--from',
      'policy-test/other-client',
      '--to',
      'policy-test/web',
      '--port',
      '80/TCP'
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('policy-test/other-client -> policy-test/web TCP/80: DENY')
    expect(run.stdout).toContain('egress of policy-test/other-client:')
    expect(run.stdout).toContain('not enforced')
    expect(run.stdout).toContain('ingress of policy-test/web:')
    expect(run.stdout).toContain(
      'enforced, default deny, by: CiliumClusterwideNetworkPolicy deny-client-to-web'
    )
    expect(run.stdout).toContain(
      'deny CiliumClusterwideNetworkPolicy deny-client-to-web ingressDeny[0]: does not select the peer'
    )
  })

  it('gives the explanation as JSON', async () => {
    const run = await reachdiff([
      'explain',
      '--scenario',
      scenario,
      '--from',
      'policy-test/client',
      '--to',
      'policy-test/web',
      '--port',
      'ICMP',
      '--format',
      'json'
    ])
    const explanation = JSON.parse(run.stdout) as {
      verdict: string
      sides: { direction: string; rules: { selectsPeer: boolean }[] }[]
    }
    expect(explanation.verdict).toBe('deny')
    expect(explanation.sides.find((s) => s.direction === 'ingress')?.rules[0].selectsPeer).toBe(true)
  })

  it('names an unknown pod and a malformed port as usage errors (exit 2)', async () => {
    const unknown = await reachdiff([
      'explain',
      '--scenario',
      scenario,
      '--from',
      'policy-test/nobody',
      '--to',
      'policy-test/web'
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('policy-test/nobody is not a pod')
    const port = await reachdiff([
      'explain',
      '--scenario',
      scenario,
      '--from',
      'policy-test/client',
      '--to',
      'policy-test/web',
      '--port',
      '80'
    ])
    expect(port.code).toBe(2)
    expect(port.stderr).toContain('--port must look like 80/TCP')
  })
})
