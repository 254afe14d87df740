// The committed bundle dist/index.js, run the way a GitHub runner runs it: INPUT_* variables,
// a pull_request payload, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL
// pointing at a recording server on 127.0.0.1. Static mode, on a git repository of its own.
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

async function runAction(
  inputs: Record<string, string>,
  head = commits[1],
  base = commits[0]
): Promise<ActionRun> {
  const dir = mkdtempSync(join(work, 'run-'))
  const event = join(dir, 'event.json')
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, base: { sha: base }, head: { sha: head } }
    })
  )
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
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/policies',
    GITHUB_SHA: head,
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
    const changed = await runAction({}, commits[2])
    expect(changed.code).toBe(0)
    expect(github.writes()).toEqual([
      expect.objectContaining({ method: 'PATCH', path: `/repos/octo/policies/issues/comments/${first.id}` })
    ])
    expect(github.comments).toHaveLength(1)
    github.requests.length = 0
    await runAction({}, commits[2])
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
