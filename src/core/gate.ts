// When a run fails the check: the repository's choice between failing on violated
// expectations, on any reachability change, or never.
import type { Report } from './report/report.js'

export type FailOn = 'violations' | 'changes' | 'never'
export const FAIL_ON_VALUES: readonly FailOn[] = ['violations', 'changes', 'never']

export function hasChanges(report: Report): boolean {
  const counts = report.diff?.counts
  return counts !== undefined && counts.opened + counts.closed + counts.added + counts.removed > 0
}

/** Violations always count when failing on changes: a change that breaks an expectation is a change. */
export function isFailure(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (report.violations.length > 0) return true
  return failOn === 'changes' && hasChanges(report)
}

/** Bad input: a head policy the API server or Cilium would refuse, or an unreadable file. */
export function hasInputErrors(report: Report): boolean {
  return report.diagnostics.some((d) => d.severity === 'error' && d.revision !== 'base')
}
