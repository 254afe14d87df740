// The committed bundle dist/index.js, run the way a GitHub runner runs it: INPUT_* variables,
// a pull_request (or merge_group) payload, GITHUB_SHA the test merge commit as on GitHub,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at a recording
// server on 127.0.0.1. Static mode, on a git repository of its own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from './helpers/cli.js'
import { FakeGitHub } from './helpers/fake-github.js'
import { WEB_INTENT } from './helpers/scenarios.js'

const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')
const SEED = readFileSync(
  join(REPO_ROOT, 'policies/examples/guide-deny-client/head/deny-client-to-web.yaml'),
  'utf8'
)

interface ActionRun {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
}

const github = new FakeGitHub()
let apiUrl: string
let work: string
let repo: string
const commits: string[] = []
/** GitHub numbers workflow runs in the order it creates them. */
let nextRunId = 1001

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8'
  }).trim()
}

function commit(files: Record<string, string>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true })
    writeFileSync(join(repo, path), text)
  }
  git('add', '-A')
  git('commit', '-q', '-m', message)
  return git('rev-parse', 'HEAD')
}

/** GITHUB_OUTPUT holds `name<<delimiter\nvalue\ndelimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3]
  return outputs
}

/** GitHub's test merge commit of `head` into `base`, made without touching the work tree. */
function mergeCommit(base: string, head: string): string {
  const tree = git('merge-tree', '--write-tree', base, head)
  // A fixed date: the same base and head give the same merge commit, as on GitHub.
  const date = '2026-01-01T00:00:00Z'
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit-tree',
      tree,
      '-p',
      base,
      '-p',
      head,
      '-m',
      'Merge'
    ],
    { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } }
  ).trim()
}

interface ActionEvent {
  name: string
  payload: Record<string, unknown>
  sha: string
}

/** A pull_request event as GitHub sends it: GITHUB_SHA is the test merge commit. */
function pullRequestEvent(head: string, base: string): ActionEvent {
  let sha = head
  try {
    sha = mergeCommit(base, head)
  } catch {
    // A base the repository does not have: no merge commit, as on GitHub when it conflicts.
  }
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'topic', sha: head } }
    },
    sha
  }
}

async function runAction(
  inputs: Record<string, string>,
  head = commits[1],
  base = commits[0],
  event = pullRequestEvent(head, base),
  runId = String(nextRunId++)
): Promise<ActionRun> {
  const dir = mkdtempSync(join(work, 'run-'))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event.payload))
  writeFileSync(join(dir, 'output'), '')
  writeFileSync(join(dir, 'summary'), '')
  // The runner fills in action.yml defaults; a local run must set them itself.
  const defaults: Record<string, string> = {
    mode: 'static',
    policies: 'policies/**/*.yaml',
    scenario: '',
    'cilium-version': '1.18.12',
    'fail-on': 'violations',
    comment: 'true',
    'comment-header': 'reachdiff',
    'github-token': 'token-bot',
    'keep-cluster': 'false',
    'probe-timeout': '2s',
    'probe-retries': '2'
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/policies',
    GITHUB_SHA: event.sha,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: repo,
    GITHUB_API_URL: apiUrl,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
    RUNNER_TEMP: dir
  }
  for (const [name, value] of Object.entries({ ...defaults, ...inputs }))
    env[`INPUT_${name.toUpperCase()}`] = value
  // Asynchronous on purpose: the fake API runs in this very process.
  const child = spawn(process.execPath, [BUNDLE], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)))
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(join(dir, 'output'), 'utf8')),
    summary: readFileSync(join(dir, 'summary'), 'utf8')
  }
}

beforeAll(async () => {
  apiUrl = await github.start()
  work = mkdtempSync(join(tmpdir(), 'reachdiff-action-'))
  repo = join(work, 'repo')
  mkdirSync(repo)
  git('init', '-q', '-b', 'main')
  commits.push(commit({ 'policies/README.md': 'no policy yet\n' }, 'base: no policy'))
  commits.push(commit({ 'policies/deny-client.yaml': SEED }, 'head: the guide policy'))
  commits.push(
    commit(
      {
        'policies/deny-client.yaml': SEED.replace(
          'ingressDeny:',
          'enableDefaultDeny: {ingress: false}\n  ingressDeny:'
        )
      },
      'head: fixed'
    )
  )
  commits.push(
    commit(
      { 'reachdiff.yaml': WEB_INTENT, 'policies/deny-client.yaml': SEED },
      'head: broken again, with expectations'
    )
  )
})
afterAll(async () => {
  await github.stop()
  rmSync(work, { recursive: true, force: true })
})
beforeEach(() => github.reset())

describe('the Action bundle on a pull request (static mode)', () => {
  it('creates the comment on the first run, with outputs and a summary', async () => {
    const run = await runAction({})
    expect(run.code).toBe(0)
    expect(github.writes()).toEqual([
      expect.objectContaining({ method: 'POST', path: '/repos/octo/policies/issues/7/comments' })
    ])
    const [comment] = github.comments
    expect(comment.body).toContain('<!-- reachdiff:sticky-comment:reachdiff -->')
    expect(comment.body).toContain('flows closed, 0 opened')
    expect(Number(run.outputs.closed)).toBeGreaterThan(0)
    expect(run.outputs).toMatchObject({
      opened: '0',
      violations: '0',
      disagreements: '0',
      flaky: '0',
      result: 'passed'
    })
    expect(JSON.parse(readFileSync(run.outputs['report-json'], 'utf8'))).toHaveProperty(
      'summary.closed',
      Number(run.outputs.closed)
    )
    expect(run.summary).toContain('default deny on ingress of default/web')
  })

  it('updates the same comment when the head changes, and sends nothing when the body is unchanged', async () => {
    await runAction({})
    const first = github.comments[0]
    github.requests.length = 0
    const changed = await runAction({}, commits[2], commits[0], undefined, '5000')
    expect(changed.code).toBe(0)
    expect(github.writes()).toEqual([
      expect.objectContaining({ method: 'PATCH', path: `/repos/octo/policies/issues/comments/${first.id}` })
    ])
    expect(github.comments).toHaveLength(1)
    github.requests.length = 0
    // The same report from the same run (its link to the run included) is not sent again.
    await runAction({}, commits[2], commits[0], undefined, '5000')
    expect(github.writes()).toEqual([])
  })

  it('leaves a look-alike comment by someone else alone, and skips minimized ones', async () => {
    const marker = '<!-- reachdiff:sticky-comment:reachdiff -->'
    const decoy = github.addComment('mallory', `${marker}\ntrust me`)
    const hidden = github.addComment('github-actions[bot]', `${marker}\nold and minimized`, true)
    await runAction({})
    expect(decoy.body).toBe(`${marker}\ntrust me`)
    expect(hidden.body).toBe(`${marker}\nold and minimized`)
    expect(github.writes()).toEqual([expect.objectContaining({ method: 'POST' })])
  })

  it('finds its comment beyond the first page of comments', async () => {
    for (let i = 0; i < 130; i++) github.addComment('someone', `comment ${i}`)
    await runAction({})
    const mine = github.comments[130]
    github.requests.length = 0
    await runAction({}, commits[2])
    expect(github.writes()).toEqual([
      expect.objectContaining({ method: 'PATCH', path: `/repos/octo/policies/issues/comments/${mine.id}` })
    ])
  })

  it('keeps one comment per comment-header', async () => {
    await runAction({ 'comment-header': 'prod' })
    await runAction({ 'comment-header': 'staging' })
    await runAction({ 'comment-header': 'prod' })
    expect(github.comments.map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- reachdiff:sticky-comment:prod -->',
      '<!-- reachdiff:sticky-comment:staging -->'
    ])
  })

  it('turns a 403 into a warning that names the cause and the fix; the step stays green', async () => {
    github.forbidWrites = true
    const run = await runAction({})
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning::The token cannot write to this pull request \(HTTP 403\)/)
    expect(run.stdout).toContain('pull_request_target')
    expect(run.summary).toContain('**reachdiff**')
    expect(run.outputs.result).toBe('passed')
  })

  it('fails the step on a violated expectation with fail-on: violations', async () => {
    const run = await runAction({}, commits[3], commits[0])
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ violations: '1', result: 'failed' })
    expect(run.stdout).toMatch(/::error::reachdiff: 1 expectation\(s\) violated/)
    expect(github.comments[0].body).toContain('default/other')
  })

  it('reports bad input as annotations at file and line', async () => {
    const broken = commit(
      {
        'policies/broken.yaml':
          'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: b, namespace: x}\nspec:\n  endpointSelector: {}\n  ingress:\n  - toPorts: [{ports: [{port: "65536"}]}]\n'
      },
      'broken policy'
    )
    try {
      const run = await runAction({ 'fail-on': 'violations' }, broken, commits[0])
      expect(run.stdout).toMatch(/::error title=[^:]*,file=policies\/broken\.yaml,line=7,col=\d+::.*65536/)
      expect(run.code).toBe(1)
    } finally {
      git('reset', '-q', '--hard', commits[3])
    }
  })

  it('says how to fix a base commit the checkout does not have', async () => {
    const run = await runAction({}, commits[1], 'f'.repeat(40))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('fetch-depth: 0')
  })
})

describe('the Action bundle compares what merging would do', () => {
  const DB_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: default}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: api}}}]
`
  /** The base branch after the pull request (commits[0] → commits[1]) branched: it protects db. */
  let movedBase: string

  beforeAll(() => {
    git('checkout', '-q', '-b', 'moved-base', commits[0])
    movedBase = commit({ 'policies/db.yaml': DB_POLICY }, 'base: protect db')
    git('checkout', '-q', 'main')
  })

  it('on pull_request, diffs the base tip against the test merge commit: only the pull request’s changes', async () => {
    const run = await runAction({}, commits[1], movedBase)
    expect(run.code).toBe(0)
    // The pull request only closes flows to web; the base's db policy is on both sides.
    expect(run.outputs).toMatchObject({ opened: '0', result: 'passed' })
    expect(Number(run.outputs.closed)).toBeGreaterThan(0)
    const report = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8')) as {
      changes: { to: string; reason: string }[]
    }
    expect(report.changes.length).toBeGreaterThan(0)
    // Every change is explained by the pull request's own policy, none by the base's db policy.
    expect(report.changes.filter((change) => !change.reason.includes('deny-client-to-web'))).toEqual([])
    expect(run.summary).toContain(
      `with the result of merging PR \\#\u200b7 head @\u200b ${commits[1].slice(0, 12)} into it`
    )
    expect(github.comments[0].body).toContain('<!-- reachdiff:run head=' + commits[1])
  })

  it('on merge_group, diffs base_sha against head_sha, writes no comment, and gates as configured', async () => {
    const run = await runAction({}, commits[3], commits[0], {
      name: 'merge_group',
      payload: {
        action: 'checks_requested',
        merge_group: {
          base_sha: commits[0],
          head_sha: commits[3],
          base_ref: 'refs/heads/main',
          head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${commits[3]}`
        }
      },
      sha: commits[3]
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ violations: '1', result: 'failed' })
    expect(Number(run.outputs.closed)).toBeGreaterThan(0)
    expect(run.summary).toContain(`Compared main @\u200b ${commits[0].slice(0, 12)} with merge queue`)
    expect(run.stdout).toContain('Not a pull request: no comment to write')
    expect(github.requests).toEqual([])
  })

  it('leaves the comment of a newer run alone when an older run finishes last', async () => {
    await runAction({}, commits[2], commits[0], undefined, '3000')
    const newer = github.comments[0].body
    github.requests.length = 0
    const older = await runAction({}, commits[1], commits[0], undefined, '2999')
    expect(older.code).toBe(0)
    expect(older.stdout).toContain('left alone: run 3000')
    expect(github.writes()).toEqual([])
    expect(github.comments[0].body).toBe(newer)
  })
})
