// The committed bundle dist/index.js on a repository a pull request made hostile: a gitlink
// whose name carries workflow commands, a symlink out of the repository, and expectations the
// pull request rewrote. Run as a GitHub runner runs it (INPUT_* variables, an event payload),
// in static mode, without a comment, so no API is needed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './helpers/cli.js'
import { WEB_INTENT } from './helpers/scenarios.js'

const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')
const SEED = readFileSync(
  join(REPO_ROOT, 'policies/examples/guide-deny-client/head/deny-client-to-web.yaml'),
  'utf8'
)
const HOSTILE_NAME =
  'policies/sub\n::warning title=INJECTED::pwned\n::add-mask::MASKED\n::stop-commands::x\n.yaml'
/** Expectations the pull request weakened: nothing left to violate. */
const WEAKENED = `${WEB_INTENT.slice(0, WEB_INTENT.indexOf('expect:'))}expect: []\n`

let work: string
let repo: string
let base: string
let head: string

function git(args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
    input
  }).trim()
}

/** The lines the runner would execute as workflow commands (actions/runner ActionCommand.TryParseV2). */
function commandLines(stdout: string): string[] {
  return stdout.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::'))
}

function runAction(eventName: string): { code: number; stdout: string; outputs: string; summary: string } {
  const dir = mkdtempSync(join(work, 'run-'))
  const event = join(dir, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({ number: 7, pull_request: { number: 7, base: { sha: base }, head: { sha: head } } })
  )
  writeFileSync(join(dir, 'output'), '')
  writeFileSync(join(dir, 'summary'), '')
  const inputs: Record<string, string> = {
    mode: 'static',
    policies: 'policies/**/*.yaml',
    scenario: '',
    'cilium-version': '1.18.12',
    'fail-on': 'violations',
    comment: 'false',
    'comment-header': 'reachdiff',
    'github-token': '',
    'keep-cluster': 'false',
    'probe-timeout': '2s',
    'probe-retries': '2'
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/policies',
    GITHUB_SHA: head,
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
    RUNNER_TEMP: dir
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const child = spawnSync(process.execPath, [BUNDLE], { cwd: repo, env, encoding: 'utf8' })
  return {
    code: child.status ?? 1,
    stdout: child.stdout + child.stderr,
    outputs: readFileSync(join(dir, 'output'), 'utf8'),
    summary: readFileSync(join(dir, 'summary'), 'utf8')
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'reachdiff-hostile-'))
  repo = join(work, 'repo')
  mkdirSync(join(repo, 'policies'), { recursive: true })
  git(['init', '-q', '-b', 'main'])
  writeFileSync(join(repo, 'reachdiff.yaml'), WEB_INTENT)
  writeFileSync(join(repo, 'policies', 'README.md'), 'no policy yet\n')
  git(['add', '-A'])
  git(['commit', '-q', '-m', 'base'])
  base = git(['rev-parse', 'HEAD'])
  // The pull request: a policy that cuts client off web, expectations that no longer mind,
  // a symlink to a file outside the repository, and a gitlink named with workflow commands.
  writeFileSync(join(repo, 'policies', 'deny-client.yaml'), SEED)
  writeFileSync(join(repo, 'reachdiff.yaml'), WEAKENED)
  symlinkSync('/etc/passwd', join(repo, 'policies', 'passwd.yaml'))
  git(['add', '-A'])
  git(['update-index', '-z', '--add', '--index-info'], `160000 ${'b'.repeat(40)}\t${HOSTILE_NAME}\0`)
  git(['commit', '-q', '-m', 'head'])
  head = git(['rev-parse', 'HEAD'])
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the Action bundle on a hostile pull request', () => {
  it('logs no workflow command taken from a file name, and still reports', () => {
    const run = runAction('pull_request')
    expect(run.stdout).not.toContain('    at ') // no stack trace
    const commands = commandLines(run.stdout)
    expect(
      commands.filter((line) => /^\s*::(add-mask|stop-commands|warning title=INJECTED)/.test(line))
    ).toEqual([])
    // Only the commands @actions/core itself writes, with their data escaped.
    for (const line of commands)
      expect(line).toMatch(/^::(group|endgroup|debug|notice|warning|error)( [^:]*)?::/)
    // Skipped entries are notices: in the job summary, not annotations.
    expect(run.summary).toMatch(/a submodule \\?\(gitlink\\?\), not a regular file/)
    expect(run.summary).toMatch(/a symbolic link, not a regular file/)
    expect(run.stdout).not.toContain('root:x:')
    expect(run.outputs).toContain('closed')
  })

  it('under pull_request the expectations come from the head', () => {
    const run = runAction('pull_request')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatch(/violations<<\S+\n0\n/)
  })

  it('under pull_request_target the expectations come from the base: the PR cannot weaken them', () => {
    const run = runAction('pull_request_target')
    expect(run.stdout).toContain('the scenario (expectations) is read from the base revision')
    expect(run.outputs).toMatch(/violations<<\S+\n1\n/)
    expect(run.code).toBe(1)
  })
})

/** Over 100k nodes once its aliases are expanded: under the per-document limit. */
function aliasDocument(i: number): string {
  return `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: p${i}, namespace: default, labels: {a: &a [x, x, x, x, x, x, x, x, x, x]}}
spec:
  endpointSelector: {}
  x1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  x2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  x3: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  x4: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
`
}

describe('the CLI bundle within 1.5 GiB of heap', () => {
  it('refuses 150 alias-bomb documents in one file with exit 2, without a V8 abort', () => {
    const dir = mkdtempSync(join(work, 'bomb-'))
    mkdirSync(join(dir, 'base'))
    mkdirSync(join(dir, 'head'))
    writeFileSync(
      join(dir, 'head', 'bomb.yaml'),
      Array.from({ length: 150 }, (_, i) => aliasDocument(i)).join('---\n')
    )
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=1536',
        join(REPO_ROOT, 'dist', 'cli', 'index.js'),
        'diff',
        '--base-dir',
        join(dir, 'base'),
        '--head-dir',
        join(dir, 'head')
      ],
      { encoding: 'utf8' }
    )
    expect(child.signal).toBeNull()
    expect(child.status).toBe(2)
    expect(child.stdout + child.stderr).toContain('limit yaml-nodes-per-file')
    expect(child.stderr).not.toMatch(/heap out of memory|internal error/)
  })
})
