// Flags shared by several commands.
import { describeUnmodelledVersion, makeEngineOptions, parseCiliumVersion } from '../core/options.js'
import type { EngineOptions, EnforcementMode } from '../core/options.js'
import type { Scenario } from '../core/scenario/scenario.js'
import { limitsFromEnvironment } from '../edge/work-limits.js'
import { UsageError } from './io.js'
import type { CliIo } from './io.js'

function environmentLimits(): ReturnType<typeof limitsFromEnvironment> {
  try {
    return limitsFromEnvironment()
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export function checkCiliumVersion(version: string): string {
  const parsed = parseCiliumVersion(version)
  if ('error' in parsed) throw new UsageError(`--cilium-version: ${parsed.error}`)
  return version
}

export function parseEnforcement(value: string | undefined): EnforcementMode | undefined {
  if (value === undefined) return undefined
  if (value === 'default' || value === 'always' || value === 'never') return value
  throw new UsageError(`--enforcement must be default, always or never; got "${value}"`)
}

/** Engine options from flags, with a scenario's enforcement mode and agent settings as defaults. */
export function engineOptionsFrom(
  flags: { ciliumVersion?: string; enforcement?: string },
  scenario?: Scenario,
  io?: Pick<CliIo, 'stderr'>
): EngineOptions {
  if (flags.ciliumVersion !== undefined && io) warnAboutCiliumVersion(flags.ciliumVersion, io)
  return makeEngineOptions({
    limits: environmentLimits(),
    ciliumVersion: flags.ciliumVersion === undefined ? undefined : checkCiliumVersion(flags.ciliumVersion),
    enforcement: parseEnforcement(flags.enforcement) ?? scenario?.enforcement,
    agent: scenario?.agent
  })
}

/** Versions past the newest modelled minor are judged with its semantics; say so. */
export function warnAboutCiliumVersion(version: string, io: Pick<CliIo, 'stderr'>): void {
  const warning = describeUnmodelledVersion(version)
  if (warning) io.stderr(`reachdiff: warning: ${warning}\n`)
}
