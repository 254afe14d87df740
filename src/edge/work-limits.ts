// Work limits raised by the user through the environment (REACHDIFF_LIMITS), for the Action
// (`env:` of the step) and the CLI alike.
import { LIMITS_VARIABLE, parseWorkLimits } from '../core/budget.js'
import type { WorkLimits } from '../core/budget.js'

export function limitsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Partial<WorkLimits> | undefined {
  const parsed = parseWorkLimits(env[LIMITS_VARIABLE])
  if ('error' in parsed) throw new Error(parsed.error)
  return Object.keys(parsed.limits).length > 0 ? parsed.limits : undefined
}
