// Which two commits a pull request, a merge queue entry or a push compares, on real git
// repositories: an "origin" laid out as GitHub keeps a pull request (refs/pull/N/head and,
// unless the pull request conflicts, refs/pull/N/merge) and a full clone of it as the
// workspace, which, like actions/checkout, does not fetch refs/pull/* by itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveComparison } from '../src/action/comparison.js'
import type { Comparison } from '../src/action/comparison.js'
import { resolveRevisions } from '../src/action/event.js'
import { makeEngineOptions } from '../src/core/options.js'
import { predictReport } from '../src/core/predict.js'
import { renderMarkdown } from '../src/core/report/markdown.js'
import type { Report } from '../src/core/report/report.js'
import { describeRevisions } from '../src/core/report/revisions.js'
import { listChanges } from '../src/core/report/summary.js'
import { createProcessRunner } from '../src/edge/command.js'
import type { CommandRunner } from '../src/edge/command.js'
import { createGit } from '../src/edge/git.js'
import { createPullRefs, pullRef } from '../src/edge/github/pull-refs.js'
import { loadPoliciesAtCommit } from '../src/edge/policy-sources.js'

const knp = (name: string, target: string, source: string): string =>
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: default}
spec:
  podSelector: {matchLabels: {app: ${target}}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: ${source}}}}]
`

let root: string
let origin: string
let work: string
/** The commit both pull requests branched from. */
let fork: string
/** The base branch's tip: it gained a policy for `db` (and changed cache.yaml) after the fork. */
let baseTip: string
/** PR #7 adds a policy for `web`; GitHub's test merge commit of it into the base tip. */
let head7: string
let merge7: string
/** PR #8 changes cache.yaml the other way: it conflicts, so GitHub has no merge commit. */
let head8: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()
}

function commit(files: Record<string, string>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(origin, path, '..'), { recursive: true })
    writeFileSync(join(origin, path), text)
  }
  git(origin, 'add', '-A')
  git(origin, 'commit', '-q', '-m', message)
  return git(origin, 'rev-parse', 'HEAD')
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'reachdiff-comparison-'))
  origin = join(root, 'origin')
  work = join(root, 'work')
  mkdirSync(origin)
  git(origin, 'init', '-q', '-b', 'main')
  fork = commit({ 'policies/cache.yaml': knp('cache', 'cache', 'api') }, 'cache policy')
  git(origin, 'checkout', '-q', '-b', 'pr-7')
  head7 = commit({ 'policies/web.yaml': knp('web', 'web', 'client') }, 'PR 7: protect web')
  git(origin, 'checkout', '-q', '-b', 'pr-8', fork)
  head8 = commit({ 'policies/cache.yaml': knp('cache', 'cache', 'worker') }, 'PR 8: cache from worker')
  git(origin, 'checkout', '-q', 'main')
  baseTip = commit(
    { 'policies/db.yaml': knp('db', 'db', 'api'), 'policies/cache.yaml': knp('cache', 'cache', 'batch') },
    'main: protect db, cache from batch'
  )
  // GitHub's test merge commit: first parent the base tip, second the pull request's head.
  const tree = git(origin, 'merge-tree', '--write-tree', baseTip, head7)
  merge7 = git(origin, 'commit-tree', tree, '-p', baseTip, '-p', head7, '-m', 'Merge PR 7')
  git(origin, 'update-ref', 'refs/pull/7/head', head7)
  git(origin, 'update-ref', 'refs/pull/7/merge', merge7)
  git(origin, 'update-ref', 'refs/pull/8/head', head8)
  // As from forks: the pull requests' commits are reachable only through refs/pull/*.
  git(origin, 'branch', '-q', '-D', 'pr-7', 'pr-8')
  git(root, 'clone', '-q', origin, work)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function recording(): { runner: CommandRunner; calls: string[][] } {
  const real = createProcessRunner()
  const calls: string[][] = []
  return {
    calls,
    runner: {
      run(command, args, options) {
        calls.push([command, ...args])
        return real.run(command, args, options)
      },
      start(command, args, options) {
        calls.push([command, ...args])
        return real.start(command, args, options)
      }
    }
  }
}

function compare(
  event: string,
  payload: Record<string, unknown>,
  sha: string,
  runner = createProcessRunner()
): Promise<Comparison> {
  const g = createGit(runner, work)
  return resolveComparison(resolveRevisions(event, payload, sha), {
    git: g,
    refs: createPullRefs(runner, work),
    ensureCommit: (revision) => g.resolveCommit(revision)
  })
}

const pullRequest = (number: number, head: string): Record<string, unknown> => ({
  pull_request: { number, base: { ref: 'main', sha: baseTip }, head: { ref: `pr-${number}`, sha: head } }
})

async function predictBetween(
  base: string,
  head: string,
  revisions?: Comparison['revisions']
): Promise<Report> {
  const g = createGit(createProcessRunner(), work)
  const options = makeEngineOptions()
  const load = (commit: string): ReturnType<typeof loadPoliciesAtCommit> =>
    loadPoliciesAtCommit(g, commit, ['policies/**/*.yaml'], options)
  const report = predictReport({
    base: { label: base.slice(0, 12), loaded: await load(base) },
    head: { label: head.slice(0, 12), loaded: await load(head) },
    options,
    toolVersion: 'test'
  })
  return { ...report, revisions }
}

const destinations = (report: Report): string[] =>
  [...new Set(listChanges(report).map((change) => change.flow.to.split('/')[1].replace(/-.*/, '')))].sort()

describe('a pull request is compared as merged into its base', () => {
  it('under pull_request_target, fetches refs/pull/N/merge by ref and compares its first parent with it', async () => {
    const { runner, calls } = recording()
    const comparison = await compare('pull_request_target', pullRequest(7, head7), baseTip, runner)
    expect(comparison).toMatchObject({
      base: baseTip,
      head: merge7,
      pullRequest: { number: 7, headSha: head7 },
      revisions: {
        comparison: 'merge-commit',
        base: { name: 'main', sha: baseTip },
        head: { name: 'PR #7 head', sha: head7 },
        merged: merge7
      }
    })
    expect(calls).toContainEqual([
      'git',
      'fetch',
      '--no-tags',
      '--quiet',
      'origin',
      '+refs/pull/7/merge:refs/remotes/pull/7/merge'
    ])
    expect(calls.some((call) => call.includes('checkout'))).toBe(false)
  })

  it('shows only the pull request’s own change, where base tip against head would show the base’s new policy reverted', async () => {
    const comparison = await compare('pull_request_target', pullRequest(7, head7), baseTip)
    const merged = await predictBetween(comparison.base!, comparison.head, comparison.revisions)
    expect(listChanges(merged).length).toBeGreaterThan(0)
    expect(destinations(merged)).toEqual(['web'])
    // What comparing the tips reports: db and cache changes this pull request does not make.
    const tips = await predictBetween(baseTip, head7)
    expect(destinations(tips)).toEqual(['cache', 'db', 'web'])
  })

  it('under pull_request, uses GITHUB_SHA, the merge commit the runner checked out, without fetching', async () => {
    git(work, 'fetch', '-q', 'origin', '+refs/pull/7/merge:refs/remotes/pull/7/merge')
    const { runner, calls } = recording()
    const comparison = await compare('pull_request', pullRequest(7, head7), merge7, runner)
    expect(comparison).toMatchObject({
      base: baseTip,
      head: merge7,
      revisions: { comparison: 'merge-commit' }
    })
    expect(calls.filter((call) => call[1] === 'fetch')).toEqual([])
  })

  it('names both revisions in the report: base branch @ sha, PR #N head @ sha, merged as sha', async () => {
    const comparison = await compare('pull_request_target', pullRequest(7, head7), baseTip)
    expect(describeRevisions(comparison.revisions!)).toBe(
      `Compared main @ ${baseTip.slice(0, 12)} with the result of merging PR #7 head @ ${head7.slice(0, 12)} into it (merged as ${merge7.slice(0, 12)}).`
    )
    const report = await predictBetween(comparison.base!, comparison.head, comparison.revisions)
    // The line under the headline, escaped like all user text (branch names are user-written).
    expect(renderMarkdown(report).split('\n')[2]).toMatch(
      /^Compared main @\u200b [0-9a-f]{12} with the result of merging PR \\#/
    )
  })
})

describe('without a merge commit', () => {
  it('falls back to the merge base against the head for a conflicting pull request, and says so', async () => {
    const comparison = await compare('pull_request_target', pullRequest(8, head8), baseTip)
    expect(comparison).toMatchObject({
      base: fork,
      head: head8,
      revisions: {
        comparison: 'merge-base',
        base: { name: 'main', sha: baseTip },
        head: { name: 'PR #8 head', sha: head8 },
        mergeBase: fork
      }
    })
    expect(comparison.revisions?.reason).toContain(
      'refs/pull/8/merge is absent: the pull request conflicts with main'
    )
    const report = await predictBetween(comparison.base!, comparison.head, comparison.revisions)
    // Only the pull request's change (cache from worker), not the base's db policy.
    expect(destinations(report)).toEqual(['cache'])
    expect(describeRevisions(comparison.revisions!)).toBe(
      `Compared the merge base ${fork.slice(0, 12)} of main @ ${baseTip.slice(0, 12)} and PR #8 head @ ${head8.slice(0, 12)} ` +
        `with PR #8 head @ ${head8.slice(0, 12)}: GitHub has no merge commit for PR #8 (refs/pull/8/merge is absent: the pull request conflicts with main), ` +
        'so changes made on main since the pull request branched are not part of this comparison.'
    )
    expect(renderMarkdown(report).split('\n')[2]).toMatch(/^Compared the merge base [0-9a-f]{12} of main/)
  })

  it('falls back when the merge commit merges another head (the pull request was pushed again)', async () => {
    const comparison = await compare('pull_request', pullRequest(7, head8), merge7)
    expect(comparison).toMatchObject({ base: fork, head: head8, revisions: { comparison: 'merge-base' } })
    expect(comparison.revisions?.reason).toContain(`does not merge this run's head ${head8.slice(0, 12)}`)
  })
})

describe('a shallow checkout', () => {
  it('says the merge commit came without its parents, and asks for fetch-depth: 0', async () => {
    const shallow = join(root, 'shallow')
    git(root, 'clone', '-q', '--depth=1', `file://${origin}`, shallow)
    git(shallow, 'fetch', '-q', '--depth=1', 'origin', '+refs/pull/7/merge:refs/remotes/pull/7/merge')
    const runner = createProcessRunner()
    const g = createGit(runner, shallow)
    const resolving = resolveComparison(resolveRevisions('pull_request', pullRequest(7, head7), merge7), {
      git: g,
      refs: createPullRefs(runner, shallow),
      ensureCommit: (revision) => g.resolveCommit(revision)
    })
    await expect(resolving).rejects.toThrow(
      /without its parents \(a shallow clone; use fetch-depth: 0\).*fetch-depth: 0/s
    )
  })
})

describe('merge queue and push', () => {
  it('compares merge_group.base_sha with merge_group.head_sha, with no pull request to comment on', async () => {
    const comparison = await compare(
      'merge_group',
      {
        merge_group: {
          base_sha: baseTip,
          head_sha: merge7,
          base_ref: 'refs/heads/main',
          head_ref: `refs/heads/gh-readonly-queue/main/pr-7-${head7}`
        }
      },
      merge7
    )
    expect(comparison).toEqual({
      base: baseTip,
      head: merge7,
      revisions: {
        comparison: 'merge-group',
        base: { name: 'main', sha: baseTip },
        head: { name: `merge queue gh-readonly-queue/main/pr-7-${head7}`, sha: merge7 }
      }
    })
  })

  it('compares before with after on a push', async () => {
    const comparison = await compare(
      'push',
      { before: fork, after: baseTip, ref: 'refs/heads/main' },
      baseTip
    )
    expect(comparison).toMatchObject({ base: fork, head: baseTip, revisions: { comparison: 'push' } })
    expect(comparison.pullRequest).toBeUndefined()
  })
})

describe('pull request numbers in ref names', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses %p', (number) => {
    expect(() => pullRef(number, 'merge')).toThrow('invalid pull request number')
  })

  it('refuses a payload whose number is not a positive integer', () => {
    const payload = {
      pull_request: { ...(pullRequest(7, head7).pull_request as object), number: '7 --upload-pack=x' }
    }
    expect(() => resolveRevisions('pull_request_target', payload, baseTip)).toThrow(
      'no valid pull request number'
    )
  })
})
