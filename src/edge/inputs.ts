// Policies and scenarios from disk, with every problem as a diagnostic.
import type { Diagnostic } from '../core/model.js'
import type { EngineOptions } from '../core/options.js'
import { mergeLoadedPolicies } from '../core/policy/document.js'
import type { LoadedPolicies } from '../core/policy/document.js'
import { loadPolicyText } from '../core/policy/load.js'
import { parseScenario } from '../core/scenario/parse.js'
import type { Scenario } from '../core/scenario/scenario.js'
import { expandPaths, isDiagnostic, readTextFile, readTextFiles } from './files.js'

export async function loadPolicyPaths(
  paths: readonly string[],
  options: EngineOptions
): Promise<LoadedPolicies> {
  const listed = await expandPaths(paths)
  const read = await readTextFiles(listed.files)
  const loaded = read.files.map((file) => loadPolicyText(file.text, file.path, options))
  const merged = mergeLoadedPolicies(loaded)
  return { ...merged, diagnostics: [...listed.diagnostics, ...read.diagnostics, ...merged.diagnostics] }
}

export async function loadScenarioFile(
  path: string
): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[] }> {
  const file = await readTextFile(path)
  if (isDiagnostic(file)) return { diagnostics: [file] }
  return parseScenario(file.text, file.path)
}
