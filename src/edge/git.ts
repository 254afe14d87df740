// Files of a git revision, read with `git ls-tree` and `git cat-file --batch` through the
// command runner: never a checkout, so nothing of a pull request's tree is ever executed, and
// two git processes per revision however many files it has.
import type { CommandRunner } from './command.js'
import { runChecked } from './command.js'

/** One entry of `git ls-tree -r -l`: mode 100644/100755 is a file, 120000 a symlink, 160000 a gitlink. */
export interface TreeEntry {
  path: string
  mode: string
  type: string
  object: string
  /** Bytes of a blob; undefined for a gitlink, which has no blob in this repository. */
  size?: number
}

export interface Git {
  /** The commit a revision names, or an error that says how to make it available. */
  resolveCommit(revision: string): Promise<string>
  /** Every entry of the commit's tree, with its mode and size. */
  listTree(commit: string): Promise<TreeEntry[]>
  /** Tracked and untracked, not ignored files of the working tree. */
  listWorkingTree(): Promise<string[]>
  /** The content of each blob, by object id, in one `git cat-file --batch`. */
  readBlobs(objects: readonly string[]): Promise<Map<string, Uint8Array>>
  topLevel(): Promise<string>
}

export class RevisionNotFoundError extends Error {}

/** A full object name, as rev-parse prints it (SHA-1 or SHA-256). */
const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** Refuses anything but an object id where git expects one, so that no argument is an option. */
export function assertObjectId(value: string): string {
  if (!OBJECT_ID.test(value)) throw new Error(`not a git object id: ${JSON.stringify(value.slice(0, 80))}`)
  return value
}

export function createGit(runner: CommandRunner, cwd: string): Git {
  const git = (args: readonly string[], input?: string): ReturnType<typeof runChecked> =>
    runChecked(runner, 'git', args, { cwd, input })
  const splitNul = (text: string): string[] => text.split('\0').filter((name) => name !== '')
  return {
    async resolveCommit(revision) {
      // --end-of-options: a revision such as `--output=x` is a name to look up, never an option.
      const result = await runner.run(
        'git',
        ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
        { cwd }
      )
      const commit = result.stdout.trim()
      if (result.exitCode !== 0 || !OBJECT_ID.test(commit)) {
        throw new RevisionNotFoundError(
          `git revision ${JSON.stringify(revision)} is not available in ${cwd}; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0)`
        )
      }
      return commit
    },
    async listTree(commit) {
      const out = (await git(['ls-tree', '-r', '-z', '-l', '--full-tree', assertObjectId(commit)])).stdout
      return splitNul(out).map(parseTreeLine)
    },
    async listWorkingTree() {
      return splitNul((await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])).stdout)
    },
    async readBlobs(objects) {
      if (objects.length === 0) return new Map()
      const input = objects.map(assertObjectId).join('\n') + '\n'
      return parseBatch((await git(['cat-file', '--batch'], input)).stdoutBytes)
    },
    async topLevel() {
      return (await git(['rev-parse', '--show-toplevel'])).stdout.trim()
    }
  }
}

/** `<mode> SP <type> SP <object> SP+ <size> TAB <path>`, as git-ls-tree(1) documents for -l. */
function parseTreeLine(line: string): TreeEntry {
  const tab = line.indexOf('\t')
  const [mode, type, object, size] = line.slice(0, tab).split(/ +/)
  return { path: line.slice(tab + 1), mode, type, object, size: size === '-' ? undefined : Number(size) }
}

/**
 * `git cat-file --batch` output: per object `<oid> SP <type> SP <size> LF <contents> LF`, or
 * `<oid> SP missing LF` (git-cat-file(1), BATCH OUTPUT).
 */
export function parseBatch(bytes: Uint8Array): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>()
  const decoder = new TextDecoder()
  let at = 0
  while (at < bytes.length) {
    const eol = bytes.indexOf(10, at)
    if (eol < 0) break
    const [object, type, size] = decoder.decode(bytes.subarray(at, eol)).split(' ')
    at = eol + 1
    if (type === 'missing' || size === undefined) continue
    const length = Number(size)
    blobs.set(object, bytes.subarray(at, at + length))
    at += length + 1
  }
  return blobs
}
