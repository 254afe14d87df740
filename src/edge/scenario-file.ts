// Scenario files from disk, with every problem as a diagnostic.
import type { Diagnostic } from '../core/model.js'
import { parseScenario } from '../core/scenario/parse.js'
import type { Scenario } from '../core/scenario/scenario.js'
import { isDiagnostic, readTextFile } from './files.js'

export async function loadScenarioFile(
  path: string
): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[] }> {
  const file = await readTextFile(path)
  if (isDiagnostic(file)) return { diagnostics: [file] }
  return parseScenario(file.text, file.path)
}
