// The committed post-step bundle, run as the runner runs it: it deletes the kind cluster the
// main step saved in its state, unless keep-cluster, and does nothing in static mode.
// kind and docker are stand-in scripts on PATH that record their argv.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './helpers/cli.js'

const POST = join(REPO_ROOT, 'dist', 'post', 'index.js')
let bin: string
let log: string

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'reachdiff-post-'))
  log = join(bin, 'calls.log')
  // A recorder: one line per call, the program name and its arguments as JSON.
  for (const tool of ['kind', 'docker']) {
    const script = join(bin, tool)
    writeFileSync(
      script,
      `#!/usr/bin/env node\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(['${tool}', ...process.argv.slice(2)]) + '\\n')\n`
    )
    chmodSync(script, 0o755)
  }
})
afterAll(() => rmSync(bin, { recursive: true, force: true }))

function runPost(state: Record<string, string>): { code: number; stdout: string; calls: string[][] } {
  rmSync(log, { force: true })
  const env: Record<string, string> = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: bin }
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value
  const run = spawnSync(process.execPath, [POST], { env, encoding: 'utf8' })
  const calls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[])
    : []
  return { code: run.status ?? 1, stdout: run.stdout, calls }
}

describe('the post step', () => {
  // What the main step saves before creating the cluster (src/action/cluster.ts, STATE_KEYS).
  const saved = (keep: boolean): Record<string, string> => ({
    kind: join(bin, 'kind'),
    'cluster-name': 'reachdiff',
    kubeconfig: '/tmp/kubeconfig',
    'keep-cluster': String(keep)
  })

  it('deletes the cluster and its external endpoints', () => {
    const run = runPost(saved(false))
    expect(run.code).toBe(0)
    expect(run.calls).toContainEqual([
      'kind',
      'delete',
      'cluster',
      '--name',
      'reachdiff',
      '--kubeconfig',
      '/tmp/kubeconfig'
    ])
    expect(run.calls.some((call) => call[0] === 'docker' && call[1] === 'ps')).toBe(true)
    expect(run.stdout).toContain('Deleted the kind cluster "reachdiff"')
  })

  it('keeps the cluster with keep-cluster', () => {
    const run = runPost(saved(true))
    expect(run.code).toBe(0)
    expect(run.calls).toEqual([])
    expect(run.stdout).toContain('left running')
  })

  it('does nothing when the main step created no cluster (static mode)', () => {
    const run = runPost({})
    expect(run.code).toBe(0)
    expect(run.calls).toEqual([])
  })
})
