// Where the user's own pods come from: workload manifests (`--workloads`, the Action's
// `workloads` input) and a saved cluster snapshot (`--topology-from`). Both are read with the
// policy loader, which knows workload kinds, Namespaces and v1 Lists; only those are kept.
import type { EngineOptions } from '../core/options.js'
import type { LoadedPolicies } from '../core/policy/document.js'
import type { Git } from './git.js'
import { loadPoliciesAtCommit, loadPoliciesFromWorkingTree, loadPolicyPaths } from './policy-sources.js'

/** Files and directories on disk. */
export async function loadWorkloadPaths(
  paths: readonly string[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  return workloadsOnly(await loadPolicyPaths(paths, options))
}

/** Files of a revision matching the globs; without a commit, the working tree. */
export async function loadWorkloadsAtRevision(
  git: Git,
  commit: string | undefined,
  globs: readonly string[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  const loaded = commit
    ? await loadPoliciesAtCommit(git, commit, globs, options)
    : await loadPoliciesFromWorkingTree(git, globs, options)
  return workloadsOnly(loaded)
}

/**
 * `kubectl get namespaces,pods -A -o json > FILE`: a v1 List of Namespace and Pod items.
 * A file without a single pod is most likely the wrong file, and says so.
 */
export async function loadSnapshot(path: string, options: EngineOptions): Promise<LoadedPolicies> {
  const loaded = workloadsOnly(await loadPolicyPaths([path], options))
  if ((loaded.workloads ?? []).some((w) => w.kind === 'Pod') || loaded.diagnostics.length > 0) return loaded
  loaded.diagnostics.push({
    severity: 'error',
    file: path,
    line: 0,
    column: 0,
    path: '',
    message: 'the snapshot holds no Pod',
    expected: 'the output of kubectl get namespaces,pods -A -o json'
  })
  return loaded
}

/** Policies in these files are not the policy set, and other kinds are expected here: no notices. */
function workloadsOnly(loaded: LoadedPolicies): LoadedPolicies {
  return {
    policies: [],
    cidrGroups: [],
    diagnostics: loaded.diagnostics.filter((d) => d.severity !== 'notice'),
    namespaces: loaded.namespaces ?? [],
    workloads: loaded.workloads ?? []
  }
}
