// Where a side of a diff gets its policies: a git revision, the working tree, or a directory.
import { relative } from 'node:path'
import { createYamlTotal } from '../core/budget.js'
import { matchesAnyGlob } from '../core/glob.js'
import type { Diagnostic } from '../core/model.js'
import type { EngineOptions } from '../core/options.js'
import { mergeLoadedPolicies } from '../core/policy/document.js'
import type { LoadedPolicies } from '../core/policy/document.js'
import { loadPolicyText } from '../core/policy/load.js'
import { expandPaths, isDiagnostic, readTextFile, readTreeFile } from './files.js'
import { readTextFilesAtCommit } from './git-files.js'
import type { Git } from './git.js'

export async function loadPoliciesAtCommit(
  git: Git,
  commit: string,
  globs: readonly string[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  const read = await readTextFilesAtCommit(git, commit, (path) => matchesAnyGlob(path, globs), options.limits)
  const budget = createYamlTotal(options.limits)
  const parts = read.diagnostics.map(onlyDiagnostic)
  for (const file of read.files) {
    const part = loadPolicyText(file.text, file.path, options)
    if (!budget.admit(part.yamlNodes ?? 0)) {
      parts.push(onlyDiagnostic(budget.refusal(file.path)))
      break
    }
    parts.push(part)
  }
  return mergeLoadedPolicies(parts)
}

/** The working tree, as `git diff` without a head revision would see it. */
export async function loadPoliciesFromWorkingTree(
  git: Git,
  globs: readonly string[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  const root = await git.topLevel()
  const files = (await git.listWorkingTree()).filter((path) => matchesAnyGlob(path, globs)).sort()
  const budget = createYamlTotal(options.limits)
  const parts: LoadedPolicies[] = []
  for (const path of files) {
    const read = await readTreeFile(root, path)
    const part = isDiagnostic(read) ? onlyDiagnostic(read) : loadPolicyText(read.text, path, options)
    if (!budget.admit(part.yamlNodes ?? 0)) {
      parts.push(onlyDiagnostic(budget.refusal(path)))
      break
    }
    parts.push(part)
  }
  return mergeLoadedPolicies(parts)
}

/** Files and directories as given on the command line; paths in diagnostics as given. */
export async function loadPolicyPaths(
  paths: readonly string[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  return loadListed(paths, (disk) => disk, options)
}

/** Every YAML file under a directory; paths in diagnostics are relative to it. */
export async function loadPoliciesFromDirectory(
  dir: string,
  options: EngineOptions
): Promise<LoadedPolicies> {
  return loadListed([dir], (disk) => relative(dir, disk) || disk, options)
}

async function loadListed(
  paths: readonly string[],
  display: (disk: string) => string,
  options: EngineOptions
): Promise<LoadedPolicies> {
  const listed = await expandPaths(paths)
  const loaded = await loadFiles(
    listed.files.map((disk) => ({ display: display(disk), disk })),
    options
  )
  return { ...loaded, diagnostics: [...listed.diagnostics, ...loaded.diagnostics] }
}

async function loadFiles(
  files: readonly { display: string; disk: string }[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  const budget = createYamlTotal(options.limits)
  const parts: LoadedPolicies[] = []
  for (const file of files) {
    const read = await readTextFile(file.disk)
    const part = isDiagnostic(read)
      ? onlyDiagnostic({ ...read, file: file.display })
      : loadPolicyText(read.text, file.display, options)
    if (!budget.admit(part.yamlNodes ?? 0)) {
      parts.push(onlyDiagnostic(budget.refusal(file.display)))
      break
    }
    parts.push(part)
  }
  return mergeLoadedPolicies(parts)
}

/** A file refused unread (too large, not UTF-8): kubectl apply would apply nothing of it. */
function onlyDiagnostic(diagnostic: Diagnostic): LoadedPolicies {
  return {
    policies: [],
    cidrGroups: [],
    diagnostics: [diagnostic],
    unread: [{ file: diagnostic.file, line: 0 }]
  }
}
