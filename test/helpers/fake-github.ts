// A recording GitHub API on 127.0.0.1: the real Octokit inside the Action talks to it. It
// keeps the comments of one pull request of one repository, answers the GraphQL comment
// search as GitHub would (viewerDidAuthor from the token's identity), and records every
// request. Asked about another repository or pull request, it answers as GitHub does for
// one that does not exist, so a wrong owner, name or number cannot find or write comments.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeComment {
  id: number
  author: string
  body: string
  isMinimized?: boolean
}

export interface RecordedRequest {
  method: string
  path: string
  token: string
  body: unknown
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  comments: FakeComment[] = []
  /** Which login each token belongs to. */
  readonly logins = new Map<string, string>([['token-bot', 'github-actions[bot]']])
  /** When set, writes answer 403 as on a fork's read-only token. */
  forbidWrites = false
  /** The one repository and pull request the comments belong to. */
  readonly owner = 'octo'
  readonly repo = 'policies'
  readonly pullRequest = 7
  private server?: Server
  private nextId = 1000

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  reset(): void {
    this.requests.length = 0
    this.comments = []
    this.forbidWrites = false
  }

  addComment(author: string, body: string, isMinimized = false): FakeComment {
    const comment = { id: this.nextId++, author, body, isMinimized }
    this.comments.push(comment)
    return comment
  }

  /** Requests that changed something (comment created or updated). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let text = ''
    for await (const chunk of req) text += String(chunk)
    const body: unknown = text ? JSON.parse(text) : null
    const token = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '')
    const request = { method: req.method ?? 'GET', path: req.url ?? '/', token, body }
    this.requests.push(request)
    const login = this.logins.get(token)
    if (!login) return this.send(res, 401, { message: 'Bad credentials' })
    if (request.path === '/graphql') return this.send(res, 200, this.graphql(body as GraphqlBody, login))
    const update = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(request.path)
    const create = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(request.path)
    const match = update ?? create
    if (
      !match ||
      !this.isOurRepository(match[1], match[2]) ||
      (create && Number(create[3]) !== this.pullRequest)
    )
      return this.send(res, 404, { message: 'Not Found' })
    if (this.forbidWrites && (update || create)) {
      return this.send(res, 403, { message: 'Resource not accessible by integration' })
    }
    const newBody = (body as { body?: string } | null)?.body ?? ''
    if (update && request.method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(update[3]))
      if (!comment) return this.send(res, 404, { message: 'Not Found' })
      comment.body = newBody
      return this.send(res, 200, { id: comment.id, body: comment.body })
    }
    if (create && request.method === 'POST') {
      const comment = this.addComment(login, newBody)
      return this.send(res, 201, { id: comment.id, body: comment.body })
    }
    this.send(res, 404, { message: 'Not Found' })
  }

  private isOurRepository(owner: unknown, repo: unknown): boolean {
    // GitHub matches owner and repository names case-insensitively.
    return (
      typeof owner === 'string' &&
      typeof repo === 'string' &&
      owner.toLowerCase() === this.owner &&
      repo.toLowerCase() === this.repo
    )
  }

  /**
   * Pages of 100 like GitHub; the cursor is the index to continue from. An unknown
   * repository or pull request gets GitHub's NOT_FOUND answer: data with a null field and an
   * error naming it, e.g. `{"message": "Could not resolve to a PullRequest with the number of
   * 163754.", "type": "NOT_FOUND", "path": ["repository", "pullRequest"]}` as quoted from
   * GitHub in nodejs/node-core-utils#120. Octokit's graphql() throws GraphqlResponseError on
   * any `errors` (@octokit/graphql, dist-src/graphql.js).
   */
  private graphql(body: GraphqlBody, login: string): unknown {
    const { owner, repo, number } = body.variables
    if (!this.isOurRepository(owner, repo)) {
      return {
        data: { repository: null },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository'],
            message: `Could not resolve to a Repository with the name '${String(owner)}/${String(repo)}'.`
          }
        ]
      }
    }
    if (number !== this.pullRequest) {
      return {
        data: { repository: { pullRequest: null } },
        errors: [
          {
            type: 'NOT_FOUND',
            path: ['repository', 'pullRequest'],
            message: `Could not resolve to a PullRequest with the number of ${String(number)}.`
          }
        ]
      }
    }
    const after = Number(body.variables.after ?? 0)
    const page = this.comments.slice(after, after + 100)
    const nodes = page.map((c) => ({
      databaseId: c.id,
      body: c.body,
      isMinimized: c.isMinimized ?? false,
      viewerDidAuthor: c.author === login
    }))
    const hasNextPage = after + 100 < this.comments.length
    return {
      data: {
        repository: {
          pullRequest: {
            comments: {
              nodes,
              pageInfo: { hasNextPage, endCursor: hasNextPage ? String(after + 100) : null }
            }
          }
        }
      }
    }
  }

  private send(res: ServerResponse, status: number, payload: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(payload))
  }
}

interface GraphqlBody {
  query: string
  variables: { owner?: unknown; repo?: unknown; number?: unknown; after?: string | null }
}
