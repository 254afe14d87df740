// Files of a git revision, read with `git ls-tree` and `git show` through the command
// runner: never a checkout, so nothing of a pull request's tree is ever executed.
import type { CommandRunner } from './command.js'
import { runChecked } from './command.js'

export interface Git {
  /** The commit a revision names, or an error that says how to make it available. */
  resolveCommit(revision: string): Promise<string>
  listFiles(commit: string): Promise<string[]>
  /** Tracked and untracked, not ignored files of the working tree. */
  listWorkingTree(): Promise<string[]>
  fileSize(commit: string, path: string): Promise<number>
  readFile(commit: string, path: string): Promise<Uint8Array>
  topLevel(): Promise<string>
}

export class RevisionNotFoundError extends Error {}

export function createGit(runner: CommandRunner, cwd: string): Git {
  const git = (args: readonly string[]): ReturnType<typeof runChecked> =>
    runChecked(runner, 'git', args, { cwd })
  const splitNul = (text: string): string[] => text.split('\0').filter((name) => name !== '')
  return {
    async resolveCommit(revision) {
      const result = await runner.run('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
        cwd
      })
      if (result.exitCode !== 0) {
        throw new RevisionNotFoundError(
          `git revision "${revision}" is not available in ${cwd}; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0)`
        )
      }
      return result.stdout.trim()
    },
    async listFiles(commit) {
      return splitNul((await git(['ls-tree', '-r', '-z', '--name-only', commit])).stdout)
    },
    async listWorkingTree() {
      return splitNul((await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])).stdout)
    },
    async fileSize(commit, path) {
      return Number((await git(['cat-file', '-s', `${commit}:${path}`])).stdout.trim())
    },
    async readFile(commit, path) {
      return (await git(['show', `${commit}:${path}`])).stdoutBytes
    },
    async topLevel() {
      return (await git(['rev-parse', '--show-toplevel'])).stdout.trim()
    }
  }
}
