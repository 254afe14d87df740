// One comment per pull request and header, updated in place. Found by a hidden marker among
// the comments the token's own identity wrote (GraphQL viewerDidAuthor), skipping minimized
// ones, so a look-alike comment by someone else is never touched.
import type { getOctokit } from '@actions/github'

type Octokit = ReturnType<typeof getOctokit>

export interface StickyTarget {
  owner: string
  repo: string
  pullRequest: number
  /** Several jobs can each keep their own comment under distinct headers. */
  header: string
}

export type StickyOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number }

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

/** `body` must already carry the marker (the markdown renderer puts it first). */
export async function upsertStickyComment(
  octokit: Octokit,
  target: StickyTarget,
  body: string
): Promise<StickyOutcome> {
  const existing = await findStickyComment(octokit, target)
  if (existing && existing.body === body) return { action: 'unchanged', id: existing.databaseId }
  if (existing) {
    await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.databaseId,
      body
    })
    return { action: 'updated', id: existing.databaseId }
  }
  const created = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.pullRequest,
    body
  })
  return { action: 'created', id: created.data.id }
}

/** The HTTP status of an Octokit error, if it has one. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
