// The sticky comment against the loopback GitHub API, with the real Octokit: it finds and
// writes the comment of the pull request it names and no other, and an older run never
// overwrites what a newer run wrote.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { renderStamp, stickyMarker, upsertStickyComment } from '../src/edge/github/sticky-comment.js'
import type { RunStamp } from '../src/edge/github/sticky-comment.js'
import { FakeGitHub } from './helpers/fake-github.js'

const github = new FakeGitHub()
let octokit: ReturnType<typeof getOctokit>
const marker = stickyMarker('reachdiff')
const target = { owner: 'octo', repo: 'policies', pullRequest: 7, header: 'reachdiff' }
const [headA, headB] = ['a', 'b'].map((c) => c.repeat(40))

beforeAll(async () => {
  octokit = getOctokit('token-bot', { baseUrl: await github.start() })
})
afterAll(() => github.stop())
beforeEach(() => github.reset())

describe('the comment of the pull request named, and no other', () => {
  it('asks GitHub for the comments of the repository and pull request it was given', async () => {
    const mine = github.addComment('github-actions[bot]', `${marker}\nold`)
    expect(await upsertStickyComment(octokit, target, `${marker}\nnew`)).toEqual({
      action: 'updated',
      id: mine.id
    })
    expect(mine.body).toBe(`${marker}\nnew`)
    const [query] = github.requests.filter((r) => r.path === '/graphql')
    expect(query.body).toMatchObject({ variables: { owner: 'octo', repo: 'policies', number: 7 } })
  })

  it('finds nothing, and writes nothing, for a pull request that is not there', async () => {
    const mine = github.addComment('github-actions[bot]', `${marker}\nold`)
    await expect(
      upsertStickyComment(octokit, { ...target, pullRequest: 8 }, `${marker}\nnew`)
    ).rejects.toThrow('Could not resolve to a PullRequest with the number of 8.')
    await expect(
      upsertStickyComment(octokit, { ...target, repo: 'other' }, `${marker}\nnew`)
    ).rejects.toThrow("Could not resolve to a Repository with the name 'octo/other'.")
    expect(mine.body).toBe(`${marker}\nold`)
    expect(github.writes()).toEqual([])
  })

  it('answers 404 to REST writes for another repository or pull request', async () => {
    await expect(
      octokit.rest.issues.createComment({ owner: 'octo', repo: 'policies', issue_number: 8, body: 'x' })
    ).rejects.toMatchObject({ status: 404 })
    const mine = github.addComment('github-actions[bot]', 'x')
    await expect(
      octokit.rest.issues.updateComment({ owner: 'octo', repo: 'other', comment_id: mine.id, body: 'y' })
    ).rejects.toMatchObject({ status: 404 })
    expect(github.comments.map((c) => c.body)).toEqual(['x'])
  })
})

describe('runs out of order', () => {
  const stamp = (headSha: string, runId: number, runAttempt = 1): RunStamp => ({ headSha, runId, runAttempt })
  const stamped = (s: RunStamp, text: string): string => `${marker}\n${renderStamp(s)}\n${text}`

  it('records the head and the run after the marker', async () => {
    await upsertStickyComment(octokit, target, `${marker}\nreport`, stamp(headA, 101))
    expect(github.comments[0].body).toBe(stamped(stamp(headA, 101), 'report'))
  })

  it('skips the update of an older run when a newer head already commented', async () => {
    const newer = github.addComment('github-actions[bot]', stamped(stamp(headB, 102), 'report of B'))
    const outcome = await upsertStickyComment(octokit, target, `${marker}\nreport of A`, stamp(headA, 101))
    expect(outcome).toEqual({ action: 'skipped', id: newer.id, newer: stamp(headB, 102) })
    expect(newer.body).toBe(stamped(stamp(headB, 102), 'report of B'))
    expect(github.writes()).toEqual([])
  })

  it('updates after an older run, after an earlier attempt of the same run, and over a comment without a stamp', async () => {
    const comment = github.addComment('github-actions[bot]', `${marker}\nwritten before stamps`)
    await upsertStickyComment(octokit, target, `${marker}\nA`, stamp(headA, 101))
    await upsertStickyComment(octokit, target, `${marker}\nB`, stamp(headB, 102))
    expect(comment.body).toBe(stamped(stamp(headB, 102), 'B'))
    await upsertStickyComment(octokit, target, `${marker}\nB again`, stamp(headB, 102, 2))
    expect(comment.body).toBe(stamped(stamp(headB, 102, 2), 'B again'))
    expect(await upsertStickyComment(octokit, target, `${marker}\nB`, stamp(headB, 102, 1))).toMatchObject({
      action: 'skipped'
    })
    expect(github.writes()).toHaveLength(3)
  })

  it('sends nothing when only the stamp would change', async () => {
    github.addComment('github-actions[bot]', stamped(stamp(headA, 101), 'report'))
    expect(await upsertStickyComment(octokit, target, `${marker}\nreport`, stamp(headA, 103))).toMatchObject({
      action: 'unchanged'
    })
    expect(github.writes()).toEqual([])
  })
})
