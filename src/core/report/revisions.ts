// Which two states of the repository a report compares, named the way a reviewer knows them
// (base branch @ sha, PR #N head @ sha, merged as sha), and the one sentence that says so.

export interface NamedRevision {
  /** "main", "PR #12 head", "merge queue gh-readonly-queue/main/pr-12-…". */
  name: string
  sha: string
}

export interface ComparedRevisions {
  /**
   * `merge-commit`: the base branch's tip → the pull request's test merge commit, the state
   * after merging. `merge-base`: GitHub has no merge commit (the pull request conflicts), so
   * the merge base of base and head → the head. `merge-group`: the queue's base → its head.
   * `push`: before → after.
   */
  comparison: 'merge-commit' | 'merge-base' | 'merge-group' | 'push'
  base: NamedRevision
  head: NamedRevision
  /** The test merge commit, compared as the head side (`merge-commit`). */
  merged?: string
  /** The merge base, compared as the base side (`merge-base`). */
  mergeBase?: string
  /** Why there was no merge commit to compare with (`merge-base`). */
  reason?: string
}

export function shortSha(sha: string): string {
  return sha.slice(0, 12)
}

/** Plain text, to be escaped by the renderer: branch names are user-written. */
export function describeRevisions(revisions: ComparedRevisions): string {
  const at = (side: NamedRevision): string => `${side.name} @ ${shortSha(side.sha)}`
  const { base, head } = revisions
  switch (revisions.comparison) {
    case 'merge-commit':
      return `Compared ${at(base)} with the result of merging ${at(head)} into it (merged as ${shortSha(revisions.merged ?? head.sha)}).`
    case 'merge-base':
      return (
        `Compared the merge base ${shortSha(revisions.mergeBase ?? base.sha)} of ${at(base)} and ${at(head)} with ${at(head)}: ` +
        `${revisions.reason ?? 'there is no merge commit'}, so changes made on ${base.name} since the pull request branched are not part of this comparison.`
      )
    case 'merge-group':
    case 'push':
      return `Compared ${at(base)} with ${at(head)}.`
  }
}
