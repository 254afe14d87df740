// GitHub keeps two refs per pull request in the base repository: `refs/pull/N/head` (the
// pull request's branch tip, also for forks) and `refs/pull/N/merge` (a test merge of that
// tip into the base branch, absent while the pull request conflicts). Fetched by ref name
// into refs/remotes/pull/N/…, never checked out; every git call is an argument array.
import type { CommandRunner } from '../command.js'
import { runChecked } from '../command.js'

export type PullRefKind = 'head' | 'merge'

export interface PullRefs {
  /** The commit of refs/pull/N/<kind> on origin, or undefined when origin has no such ref. */
  fetchPullRef(number: number, kind: PullRefKind): Promise<string | undefined>
  /** The commit's parents, first parent first (the base side of a merge). */
  parentsOf(commit: string): Promise<string[]>
  /** The best common ancestor, or undefined when the history does not reach one (shallow). */
  mergeBase(a: string, b: string): Promise<string | undefined>
}

/** Only a positive integer can become part of a ref name. */
export function pullRef(number: number, kind: PullRefKind): { remote: string; local: string } {
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`invalid pull request number: ${number}`)
  return { remote: `refs/pull/${number}/${kind}`, local: `refs/remotes/pull/${number}/${kind}` }
}

export function createPullRefs(runner: CommandRunner, cwd: string): PullRefs {
  const git = (args: readonly string[]): ReturnType<CommandRunner['run']> => runner.run('git', args, { cwd })
  return {
    async fetchPullRef(number, kind) {
      const ref = pullRef(number, kind)
      // `git fetch` exits 128 with "couldn't find remote ref" when GitHub has none.
      const fetched = await git(['fetch', '--no-tags', '--quiet', 'origin', `+${ref.remote}:${ref.local}`])
      if (fetched.exitCode !== 0) return undefined
      const resolved = await git(['rev-parse', '--verify', '--quiet', `${ref.local}^{commit}`])
      return resolved.exitCode === 0 ? resolved.stdout.trim() : undefined
    },
    async parentsOf(commit) {
      // `rev-list --parents` prints the commit followed by its parents on one line.
      const listed = await runChecked(runner, 'git', ['rev-list', '--parents', '--max-count=1', commit], {
        cwd
      })
      return listed.stdout.trim().split(/\s+/).slice(1)
    },
    async mergeBase(a, b) {
      const found = await git(['merge-base', a, b])
      return found.exitCode === 0 ? found.stdout.trim() : undefined
    }
  }
}
