// The one test for "a JSON/YAML object with string keys", shared by every reader of raw input
// (policy validation, scenarios, workload snapshots) and by cluster mode's JSON readers.

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
