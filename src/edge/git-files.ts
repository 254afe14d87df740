// Text files of a commit, as a pull request's author may have shaped its tree: only regular
// files are read. A gitlink (a submodule entry, mode 160000) has no blob here, and a symlink
// (120000) would point anywhere, so both, like any other non-file entry, are skipped with a
// notice. Sizes come from `ls-tree -l`, so a huge file is refused unread, and every selected
// blob is read by one `git cat-file --batch`.
import { raiseHint, workLimits } from '../core/budget.js'
import type { WorkLimits } from '../core/budget.js'
import type { Diagnostic } from '../core/model.js'
import { printable } from '../core/log-text.js'
import { decodeText, isDiagnostic, MAX_INPUT_BYTES, tooLarge } from './files.js'
import type { InputFile } from './files.js'
import type { Git, TreeEntry } from './git.js'

const REGULAR_FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755'])

export interface FilesRead {
  /** In path order. */
  files: InputFile[]
  diagnostics: Diagnostic[]
}

export async function readTextFilesAtCommit(
  git: Git,
  commit: string,
  select: (path: string) => boolean,
  limits?: Partial<WorkLimits>
): Promise<FilesRead> {
  const maxBytes = workLimits(limits)['input-bytes-total']
  let bytes = 0
  const entries = (await git.listTree(commit)).filter((entry) => select(entry.path))
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const diagnostics: Diagnostic[] = []
  const wanted: TreeEntry[] = []
  for (const entry of entries) {
    if (!REGULAR_FILE_MODES.has(entry.mode) || entry.type !== 'blob') diagnostics.push(skipped(entry))
    else if ((entry.size ?? 0) > MAX_INPUT_BYTES) diagnostics.push(tooLarge(entry.path, entry.size ?? 0))
    else if ((bytes += entry.size ?? 0) > maxBytes) {
      diagnostics.push(overTotal(entry.path, maxBytes, limits))
      break
    } else wanted.push(entry)
  }
  const blobs = await git.readBlobs([...new Set(wanted.map((entry) => entry.object))])
  const files: InputFile[] = []
  for (const entry of wanted) {
    const bytes = blobs.get(entry.object)
    const read = bytes ? decodeText(entry.path, bytes) : unreadable(entry.path)
    if (isDiagnostic(read)) diagnostics.push(read)
    else files.push(read)
  }
  return { files, diagnostics }
}

/** What a non-file tree entry is, for the notice that says it was not read. */
export function describeMode(mode: string): string {
  if (mode === '160000') return 'a submodule (gitlink)'
  if (mode === '120000') return 'a symbolic link'
  if (mode === '040000') return 'a directory'
  return `an entry of mode ${printable(mode)}`
}

function skipped(entry: TreeEntry): Diagnostic {
  return {
    severity: 'notice',
    file: entry.path,
    line: 0,
    column: 0,
    path: '',
    message: `skipped ${printable(entry.path)}: ${describeMode(entry.mode)}, not a regular file; reachdiff reads regular files only and never follows links`
  }
}

function unreadable(path: string): Diagnostic {
  return {
    severity: 'error',
    file: path,
    line: 0,
    column: 0,
    path: '',
    message: 'git could not read this file'
  }
}

function overTotal(path: string, maxBytes: number, limits: Partial<WorkLimits> | undefined): Diagnostic {
  return {
    severity: 'error',
    file: path,
    line: 0,
    column: 0,
    path: '',
    message: `the selected files up to this one are larger than ${maxBytes / (1024 * 1024)} MiB together (limit input-bytes-total); this file and those after it were not read`,
    expected: raiseHint('input-bytes-total', workLimits(limits))
  }
}
