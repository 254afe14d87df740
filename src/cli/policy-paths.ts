// `--policies` arguments on the command line: files, directories and globs, expanded the same
// way for every command. An argument that names no policy file is a mistake worth stopping for:
// an empty policy set would be reported as "nothing is restricted".
import { readdir, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { DEFAULT_POLICY_GLOBS, globToRegExp } from '../core/glob.js'
import type { EngineOptions } from '../core/options.js'
import type { LoadedPolicies } from '../core/policy/document.js'
import { loadPolicyPaths } from '../edge/policy-sources.js'
import { UsageError } from './io.js'

const GLOB_CHARACTERS = /[*?{[]/
const POLICY_EXTENSIONS = ['.yaml', '.yml']

/**
 * The policies the arguments name, loaded. Without arguments, the repository layout's default
 * (`policies/**` under `cwd`). Paths in diagnostics stay as the user wrote them.
 */
export async function loadPolicyArguments(
  args: readonly string[],
  cwd: string,
  options: EngineOptions
): Promise<LoadedPolicies> {
  const given = args.length > 0
  const patterns = given ? args : DEFAULT_POLICY_GLOBS
  const files: string[] = []
  for (const pattern of patterns) {
    const matched = await expandPolicyArgument(pattern, cwd)
    if (matched.length === 0 && given) {
      throw new UsageError(`--policies ${pattern} matches no policy file (*.yaml or *.yml)`)
    }
    files.push(...matched)
  }
  if (files.length === 0) {
    throw new UsageError(
      `no policy files under ${join(cwd, 'policies')}; name them with --policies PATH|GLOB`
    )
  }
  return loadPolicyPaths(
    [...new Set(files)].map((file) => openable(file, cwd)),
    options
  )
}

/**
 * A path as the user wrote it when it opens the same file from this process; otherwise resolved
 * against `cwd` (the two differ only when a caller runs a command for another directory).
 */
export function openable(path: string, cwd: string): string {
  return isAbsolute(path) || resolve(path) === resolve(cwd, path) ? path : resolve(cwd, path)
}

/** The YAML files one argument names: itself, the files under a directory, or a glob's matches. */
export async function expandPolicyArgument(arg: string, cwd: string): Promise<string[]> {
  if (!GLOB_CHARACTERS.test(arg)) {
    const info = await stat(resolve(cwd, arg)).catch(() => undefined)
    if (!info) return []
    if (!info.isDirectory()) return [arg]
    return (await listYamlFiles(resolve(cwd, arg))).map((file) => join(arg, file))
  }
  // Walk from the glob's fixed leading directories, and match the rest against the full path.
  const segments = arg.split('/')
  const fixed = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment))
  const base = segments.slice(0, fixed).join('/') || (isAbsolute(arg) ? '/' : '.')
  const pattern = globToRegExp(arg.replace(/^\.\//, ''))
  const candidates = await listYamlFiles(resolve(cwd, base)).catch(() => [])
  return candidates
    .map((file) => (base === '.' ? file : join(base, file)))
    .filter((path) => pattern.test(path.replace(/^\.\//, '')))
}

/** YAML files under a directory, relative to it, sorted; hidden entries and node_modules skipped. */
async function listYamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && POLICY_EXTENSIONS.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .filter((path) => !path.split(sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort()
}
