// Which revisions to compare, from the event that started the workflow. Pure: it gets the
// event name, the payload and GITHUB_SHA. A pull request is only planned here; comparison.ts
// finds its test merge commit with git.

export interface PullRequestRevisions {
  number: number
  /** The base branch's name, as a reviewer knows it ("main"). */
  baseRef: string
  baseSha: string
  headSha: string
  /**
   * `pull_request`: GITHUB_SHA, the test merge commit `refs/pull/N/merge` that the runner
   * checks out. Absent under `pull_request_target`, where GITHUB_SHA is the base branch's tip.
   */
  mergeSha?: string
}

export interface Revisions {
  kind: 'pull-request' | 'merge-group' | 'push' | 'head-only'
  /** Absent when there is nothing to compare with: head matrix and expectations only. */
  base?: string
  head: string
  /** Present on pull_request and pull_request_target: the pull request to resolve and comment on. */
  pullRequest?: PullRequestRevisions
  /** The branch names of base and head where the event has them (merge_group, push). */
  baseRef?: string
  headRef?: string
  /** For logs and the report: "pull request #12", "push", ... */
  description: string
}

const ZERO_SHA = /^0+$/
/** SHA-1 or SHA-256 object names: anything else never reaches a git command line. */
const OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function objectName(value: unknown, what: string): string {
  const name = text(value)
  if (!name || !OBJECT_NAME.test(name)) throw new Error(`the event payload has no valid ${what} SHA`)
  return name
}

function branchName(ref: unknown): string | undefined {
  return text(ref)?.replace(/^refs\/heads\//, '')
}

export function resolveRevisions(
  eventName: string,
  payload: Record<string, unknown>,
  sha: string
): Revisions {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pullRequest = readPullRequest(eventName, payload, sha)
    return {
      kind: 'pull-request',
      base: pullRequest.baseSha,
      head: pullRequest.headSha,
      pullRequest,
      description: `pull request #${pullRequest.number}`
    }
  }
  if (eventName === 'merge_group') {
    // The queue's temporary branch holds the base plus the pull requests ahead of it in the
    // queue: its head is the state that merging would produce.
    const group = record(payload.merge_group)
    return {
      kind: 'merge-group',
      base: objectName(group.base_sha, 'merge_group.base_sha'),
      head: objectName(group.head_sha, 'merge_group.head_sha'),
      baseRef: branchName(group.base_ref),
      headRef: branchName(group.head_ref),
      description: 'merge queue'
    }
  }
  if (eventName === 'push') {
    const before = text(payload.before)
    const after = text(payload.after) ?? sha
    // A new branch has no "before": there is nothing to compare with.
    const base = before && !ZERO_SHA.test(before) ? before : undefined
    const ref = branchName(payload.ref)
    return {
      kind: 'push',
      base,
      head: after,
      baseRef: ref,
      headRef: ref,
      description: base ? 'push' : 'push of a new branch'
    }
  }
  return { kind: 'head-only', head: sha, description: eventName || 'manual run' }
}

function readPullRequest(
  eventName: string,
  payload: Record<string, unknown>,
  sha: string
): PullRequestRevisions {
  const pr = record(payload.pull_request)
  const base = record(pr.base)
  const head = record(pr.head)
  if (!text(base.sha) || !text(head.sha))
    throw new Error(`the ${eventName} payload has no base and head SHAs`)
  // The number becomes part of a ref name on git's command line: a positive integer only.
  const number = pr.number
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1)
    throw new Error(`the ${eventName} payload has no valid pull request number`)
  const baseSha = objectName(base.sha, 'pull_request.base')
  const headSha = objectName(head.sha, 'pull_request.head')
  const mergeSha = eventName === 'pull_request' && OBJECT_NAME.test(sha) && sha !== headSha ? sha : undefined
  return { number, baseRef: branchName(base.ref) ?? 'the base branch', baseSha, headSha, mergeSha }
}
