// From the event's revisions to the two commits whose policies are compared. A pull request
// is judged by what merging it would do: the base tip against GitHub's test merge commit
// (refs/pull/N/merge). Without a merge commit (the pull request conflicts), the merge base of
// base and head against the head, and the report says so. Comparing the base tip with the
// head instead would count every policy merged into the base since the branch point as
// reverted by the pull request.
import type { ComparedRevisions } from '../core/report/revisions.js'
import { shortSha } from '../core/report/revisions.js'
import type { Git } from '../edge/git.js'
import type { PullRefs } from '../edge/github/pull-refs.js'
import type { PullRequestRevisions, Revisions } from './event.js'

export interface Comparison {
  /** Absent when there is nothing to compare with. */
  base?: string
  head: string
  revisions?: ComparedRevisions
  /** The pull request to comment on and the head SHA the comment is about. */
  pullRequest?: { number: number; headSha: string }
}

export interface ComparisonDeps {
  git: Git
  refs: PullRefs
  /** The commit, fetched when the checkout lacks it; throws with a fix when it cannot be had. */
  ensureCommit(sha: string): Promise<string>
}

export async function resolveComparison(event: Revisions, deps: ComparisonDeps): Promise<Comparison> {
  if (event.pullRequest) return resolvePullRequest(event.pullRequest, deps)
  const head = await deps.ensureCommit(event.head)
  if (!event.base) return { head }
  const base = await deps.ensureCommit(event.base)
  const merging = event.kind === 'merge-group'
  const revisions: ComparedRevisions = {
    comparison: merging ? 'merge-group' : 'push',
    base: { name: event.baseRef ?? 'base', sha: base },
    head: {
      name: merging ? `merge queue ${event.headRef ?? 'head'}` : `${event.headRef ?? 'head'} after the push`,
      sha: head
    }
  }
  return { base, head, revisions }
}

async function resolvePullRequest(pr: PullRequestRevisions, deps: ComparisonDeps): Promise<Comparison> {
  const headName = `PR #${pr.number} head`
  const target = { number: pr.number, headSha: pr.headSha }
  const merge = await findMergeCommit(pr, deps)
  if ('commit' in merge) {
    return {
      base: merge.base,
      head: merge.commit,
      pullRequest: target,
      revisions: {
        comparison: 'merge-commit',
        base: { name: pr.baseRef, sha: merge.base },
        head: { name: headName, sha: pr.headSha },
        merged: merge.commit
      }
    }
  }
  const head = await ensureHead(pr, deps)
  const baseTip = await deps.ensureCommit(pr.baseSha)
  const mergeBase = await deps.refs.mergeBase(baseTip, head)
  if (!mergeBase) {
    throw new Error(
      `${merge.reason}, and the checkout's history does not reach a merge base of ${shortSha(baseTip)} and ${shortSha(head)}. ` +
        'Check out the repository with actions/checkout and `fetch-depth: 0`.'
    )
  }
  return {
    base: mergeBase,
    head,
    pullRequest: target,
    revisions: {
      comparison: 'merge-base',
      base: { name: pr.baseRef, sha: baseTip },
      head: { name: headName, sha: head },
      mergeBase,
      reason: merge.reason
    }
  }
}

type MergeCommit = { commit: string; base: string } | { reason: string }

/**
 * Under `pull_request` the runner's GITHUB_SHA is the merge commit; under
 * `pull_request_target` it is fetched by ref. Either way it counts only if it merges this
 * run's head: a merge ref recomputed for a newer push describes another change.
 */
async function findMergeCommit(pr: PullRequestRevisions, deps: ComparisonDeps): Promise<MergeCommit> {
  const commit =
    (pr.mergeSha && (await tryResolve(deps.git, pr.mergeSha))) ||
    (await deps.refs.fetchPullRef(pr.number, 'merge'))
  if (!commit) {
    return {
      reason: `GitHub has no merge commit for PR #${pr.number} (refs/pull/${pr.number}/merge is absent: the pull request conflicts with ${pr.baseRef})`
    }
  }
  const parents = await deps.refs.parentsOf(commit)
  if (parents.length === 0) {
    // A shallow checkout (actions/checkout's default depth 1) cuts the merge commit's parents off.
    return {
      reason: `the checkout has the merge commit ${shortSha(commit)} without its parents (a shallow clone; use fetch-depth: 0)`
    }
  }
  if (parents.length !== 2 || parents[1] !== pr.headSha) {
    return {
      reason: `the merge commit ${shortSha(commit)} does not merge this run's head ${shortSha(pr.headSha)} (a newer push, or not a merge)`
    }
  }
  return { commit, base: parents[0] }
}

async function ensureHead(pr: PullRequestRevisions, deps: ComparisonDeps): Promise<string> {
  // The head's history, not a depth-1 fetch: the merge base lies in it.
  const present = await tryResolve(deps.git, pr.headSha)
  if (present) return present
  await deps.refs.fetchPullRef(pr.number, 'head')
  return deps.ensureCommit(pr.headSha)
}

async function tryResolve(git: Git, sha: string): Promise<string | undefined> {
  try {
    return await git.resolveCommit(sha)
  } catch {
    return undefined
  }
}
