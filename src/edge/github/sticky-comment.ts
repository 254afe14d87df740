// One comment per pull request and header, updated in place. Found by a hidden marker among
// the comments the token's own identity wrote (GraphQL viewerDidAuthor), skipping minimized
// ones, so a look-alike comment by someone else is never touched.
//
// A second hidden line records which head and which workflow run wrote the comment, so that
// a slow run for an older push never overwrites the comment of a newer one. Runs are ordered
// by GITHUB_RUN_ID, then GITHUB_RUN_ATTEMPT: GitHub numbers runs in the order it creates them
// and a re-run keeps its ID with a higher attempt, so a later push's run, or a later attempt,
// compares greater. SHAs do not order, and commit timestamps are whatever the committer's
// clock said (a force-push back to an older commit would look older than it is).
import type { getOctokit } from '@actions/github'

type Octokit = ReturnType<typeof getOctokit>

export interface StickyTarget {
  owner: string
  repo: string
  pullRequest: number
  /** Several jobs can each keep their own comment under distinct headers. */
  header: string
}

/** Which run wrote a comment, for what head. */
export interface RunStamp {
  headSha: string
  runId: number
  runAttempt: number
}

export type StickyOutcome =
  | { action: 'created' | 'updated' | 'unchanged'; id: number }
  /** A newer run (of a newer head, or a later attempt) already wrote the comment. */
  | { action: 'skipped'; id: number; newer: RunStamp }

interface CommentNode {
  databaseId: number
  body: string
  isMinimized: boolean
  viewerDidAuthor: boolean
}

interface CommentsPage {
  repository: {
    pullRequest: {
      comments: { nodes: CommentNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
    } | null
  } | null
}

const COMMENTS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      comments(first: 100, after: $after) {
        nodes { databaseId body isMinimized viewerDidAuthor }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`

/** Bounds the search on pull requests with very long discussions. */
const MAX_PAGES = 50

export function stickyMarker(header: string): string {
  // No "--" inside an HTML comment: the renderer would rewrite such a marker.
  return `<!-- reachdiff:sticky-comment:${header.replace(/-{2,}/g, '-')} -->`
}

export async function findStickyComment(
  octokit: Octokit,
  target: StickyTarget
): Promise<CommentNode | undefined> {
  const marker = stickyMarker(target.header)
  let after: string | null = null
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: CommentsPage = await octokit.graphql<CommentsPage>(COMMENTS_QUERY, {
      owner: target.owner,
      repo: target.repo,
      number: target.pullRequest,
      after
    })
    const comments = result.repository?.pullRequest?.comments
    if (!comments) return undefined
    const mine = comments.nodes.find((c) => c.viewerDidAuthor && !c.isMinimized && c.body.includes(marker))
    if (mine) return mine
    if (!comments.pageInfo.hasNextPage) return undefined
    after = comments.pageInfo.endCursor
  }
  return undefined
}

const STAMP = /^<!-- reachdiff:run head=([0-9a-f]+) run=(\d+) attempt=(\d+) -->\n/m

export function renderStamp(stamp: RunStamp): string {
  return `<!-- reachdiff:run head=${stamp.headSha} run=${stamp.runId} attempt=${stamp.runAttempt} -->`
}

/** The stamp recorded in a comment; undefined for comments written before stamps existed. */
export function readStamp(body: string): RunStamp | undefined {
  const found = STAMP.exec(body)
  return found ? { headSha: found[1], runId: Number(found[2]), runAttempt: Number(found[3]) } : undefined
}

/** True when `recorded` comes from a run GitHub created after `ours`, or a later attempt of it. */
export function isNewerRun(recorded: RunStamp, ours: RunStamp): boolean {
  return recorded.runId !== ours.runId ? recorded.runId > ours.runId : recorded.runAttempt > ours.runAttempt
}

/** The stamp goes right after the first line, the sticky marker. */
function withStamp(body: string, stamp: RunStamp | undefined): string {
  if (!stamp) return body
  const end = body.indexOf('\n')
  const line = renderStamp(stamp)
  return end < 0 ? `${body}\n${line}` : `${body.slice(0, end + 1)}${line}\n${body.slice(end + 1)}`
}

function withoutStamp(body: string): string {
  return body.replace(STAMP, '')
}

/**
 * `body` must already carry the marker (the markdown renderer puts it first) and leave room
 * for the stamp's line (under 200 characters).
 */
export async function upsertStickyComment(
  octokit: Octokit,
  target: StickyTarget,
  body: string,
  stamp?: RunStamp
): Promise<StickyOutcome> {
  const existing = await findStickyComment(octokit, target)
  if (existing) {
    const recorded = readStamp(existing.body)
    if (stamp && recorded && isNewerRun(recorded, stamp))
      return { action: 'skipped', id: existing.databaseId, newer: recorded }
    if (withoutStamp(existing.body) === withoutStamp(body))
      return { action: 'unchanged', id: existing.databaseId }
    await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.databaseId,
      body: withStamp(body, stamp)
    })
    return { action: 'updated', id: existing.databaseId }
  }
  const created = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.pullRequest,
    body: withStamp(body, stamp)
  })
  return { action: 'created', id: created.data.id }
}

/** The HTTP status of an Octokit error, if it has one. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
