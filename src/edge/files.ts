// Reading user files from disk: directories expanded, sizes checked before reading, binary
// and non-UTF-8 content turned into diagnostics instead of garbage or exceptions.
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { printable } from '../core/log-text.js'
import type { Diagnostic } from '../core/model.js'
import { MAX_POLICY_FILE_CHARS } from '../core/policy/load.js'

/** Policy and scenario files larger than this are refused unread: the loader's own limit. */
export const MAX_INPUT_BYTES = MAX_POLICY_FILE_CHARS

export interface InputFile {
  path: string
  text: string
}

/** A problem with a whole file (unreadable, too large, not text). */
export function fileProblem(path: string, message: string, expected?: string): Diagnostic {
  return { severity: 'error', file: path, line: 0, column: 0, path: '', message, expected }
}

/** Files under `paths` (files as given, directories walked in sorted order) ending in `extensions`. */
export async function expandPaths(
  paths: readonly string[],
  extensions: readonly string[] = ['.yaml', '.yml']
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const files: string[] = []
  const diagnostics: Diagnostic[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    entries.sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const child = join(dir, entry.name)
      if (entry.isDirectory()) await walk(child)
      else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) files.push(child)
    }
  }
  for (const path of paths) {
    try {
      const info = await stat(path)
      if (info.isDirectory()) await walk(path)
      else files.push(path)
    } catch (error) {
      diagnostics.push(fileProblem(path, `cannot read: ${describeIoError(error)}`))
    }
  }
  return { files: [...new Set(files)], diagnostics }
}

/** Reads one text file, refusing huge, binary and non-UTF-8 files with a diagnostic. */
export async function readTextFile(path: string): Promise<InputFile | Diagnostic> {
  try {
    const info = await stat(path)
    if (info.size > MAX_INPUT_BYTES) return tooLarge(path, info.size)
    return decodeText(path, await readFile(path))
  } catch (error) {
    return fileProblem(path, `cannot read: ${describeIoError(error)}`)
  }
}

/**
 * A file of a working tree a pull request may have shaped: read only when it is a regular
 * file inside `root`. A symlink (to /etc/passwd, say) or a path through a linked directory is
 * skipped with a notice, never followed, so nothing outside the repository is ever shown.
 */
export async function readTreeFile(root: string, path: string): Promise<InputFile | Diagnostic> {
  const disk = join(root, path)
  try {
    const info = await lstat(disk)
    if (!info.isFile())
      return skippedEntry(path, info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file')
    const inside = relative(await realpath(root), await realpath(dirname(disk)))
    if (inside === '..' || inside.startsWith(`..${sep}`))
      return skippedEntry(path, 'reached through a symbolic link out of the repository')
    const read = await readTextFile(disk)
    return isDiagnostic(read) ? { ...read, file: path } : { path, text: read.text }
  } catch (error) {
    return fileProblem(path, `cannot read: ${describeIoError(error)}`)
  }
}

function skippedEntry(path: string, what: string): Diagnostic {
  return {
    ...fileProblem(
      path,
      `skipped ${printable(path)}: ${what}; reachdiff reads regular files only and never follows links`
    ),
    severity: 'notice'
  }
}

export function tooLarge(path: string, size: number): Diagnostic {
  const mib = (size / (1024 * 1024)).toFixed(1)
  return fileProblem(
    path,
    `file is ${mib} MiB, larger than the ${MAX_INPUT_BYTES / (1024 * 1024)} MiB reachdiff reads`,
    'a policy or scenario file of a realistic size'
  )
}

export function decodeText(path: string, bytes: Uint8Array): InputFile | Diagnostic {
  if (bytes.includes(0))
    return fileProblem(path, 'binary file (contains NUL bytes)', 'a UTF-8 YAML text file')
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return fileProblem(path, 'not valid UTF-8 text', 'a UTF-8 YAML text file')
  }
}

export function isDiagnostic(value: InputFile | Diagnostic): value is Diagnostic {
  return 'severity' in value
}

function describeIoError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String(error.code)
    if (code === 'ENOENT') return 'no such file or directory'
    if (code === 'EACCES') return 'permission denied'
    if (code === 'EISDIR') return 'is a directory'
    return code
  }
  return error instanceof Error ? error.message : String(error)
}
