// Small pieces the commands share.
import { formatDiagnostic } from '../core/model.js'
import type { Scenario } from '../core/scenario/scenario.js'
import { loadScenarioFile } from '../edge/scenario-file.js'
import type { CliIo } from './io.js'

export { TOOL_VERSION } from '../version.js'

/** The scenario, or null after printing why it cannot be used. */
export async function loadScenarioOrFail(path: string, io: CliIo): Promise<Scenario | null> {
  const { scenario, diagnostics } = await loadScenarioFile(path)
  for (const d of diagnostics.filter((d) => d.severity !== 'notice')) io.stderr(formatDiagnostic(d) + '\n')
  return scenario ?? null
}
