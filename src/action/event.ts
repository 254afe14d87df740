// Which revisions to compare, from the event that started the workflow. Pure: it gets the
// event name, the payload and GITHUB_SHA.

export interface Revisions {
  /** Absent when there is nothing to compare with: head matrix and expectations only. */
  base?: string
  head: string
  /** The pull request to comment on, if any. */
  pullRequest?: number
  /** For logs and the report: "pull request #12", "push", ... */
  description: string
}

const ZERO_SHA = /^0+$/

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

export function resolveRevisions(
  eventName: string,
  payload: Record<string, unknown>,
  sha: string
): Revisions {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = record(payload.pull_request)
    const base = text(record(pr.base).sha)
    const head = text(record(pr.head).sha)
    const number = typeof pr.number === 'number' ? pr.number : undefined
    if (!base || !head) throw new Error(`the ${eventName} payload has no base and head SHAs`)
    return { base, head, pullRequest: number, description: `pull request #${number ?? '?'}` }
  }
  if (eventName === 'push') {
    const before = text(payload.before)
    const after = text(payload.after) ?? sha
    // A new branch has no "before": there is nothing to compare with.
    const base = before && !ZERO_SHA.test(before) ? before : undefined
    return { base, head: after, description: base ? 'push' : 'push of a new branch' }
  }
  return { head: sha, description: eventName || 'manual run' }
}
