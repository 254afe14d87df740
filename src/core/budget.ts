// The work a run may do, bounded before it is done. A few kilobytes of YAML can stand for
// millions of nodes (aliases) or rule entries; each limit is checked before the work it
// bounds, and a refusal says which limit was reached and how to raise it.
import type { Diagnostic } from './model.js'

export interface WorkLimits {
  /** Nodes of one document once aliases are expanded. */
  'yaml-nodes-per-document': number
  /** Nodes of all documents of one file once aliases are expanded. */
  'yaml-nodes-per-file': number
  /** The same, over all the policy files of one side. */
  'yaml-nodes-total': number
  /** Bytes of the files read from one git revision, all read by one `git cat-file --batch`. */
  'input-bytes-total': number
  /** List entries and mapping keys in the policies of one side (ports, excepts, selectors, rules). */
  'policy-items': number
  /** Flows evaluated per side (pods × served ports); each costs engine time and report size. */
  flows: number
}

export const DEFAULT_WORK_LIMITS: WorkLimits = {
  'yaml-nodes-per-document': 200_000,
  'yaml-nodes-per-file': 1_000_000,
  'yaml-nodes-total': 4_000_000,
  'input-bytes-total': 64 * 1024 * 1024,
  'policy-items': 2_000_000,
  // 1.4 M flows took ~54 s and 3.4 GB end to end; this keeps a run within ~20 s and 1.5 GiB.
  flows: 500_000
}

/** The environment variable that raises limits, for the Action (`env:`) and the CLI alike. */
export const LIMITS_VARIABLE = 'REACHDIFF_LIMITS'

export function workLimits(overrides: Partial<WorkLimits> | undefined): WorkLimits {
  return { ...DEFAULT_WORK_LIMITS, ...overrides }
}

/** How to raise a limit, for the `expected` of the diagnostic that reports it. */
export function raiseHint(name: keyof WorkLimits, limits: WorkLimits): string {
  return `smaller input, or a higher limit: ${LIMITS_VARIABLE}="${name}=${limits[name] * 2}" in the environment`
}

/**
 * `REACHDIFF_LIMITS="yaml-nodes-per-file=2000000,policy-items=4000000"`. Unknown names and
 * values that are not positive integers are errors, so a typo does not silently keep a limit.
 */
export function parseWorkLimits(
  text: string | undefined
): { limits: Partial<WorkLimits> } | { error: string } {
  const limits: Partial<WorkLimits> = {}
  for (const part of (text ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value] = part.split('=', 2).map((p) => p.trim())
    if (!Object.hasOwn(DEFAULT_WORK_LIMITS, name))
      return {
        error: `${LIMITS_VARIABLE}: unknown limit "${name}"; known: ${Object.keys(DEFAULT_WORK_LIMITS).join(', ')}`
      }
    if (!/^[1-9][0-9]{0,9}$/.test(value ?? ''))
      return { error: `${LIMITS_VARIABLE}: ${name} must be a positive integer; got "${value ?? ''}"` }
    limits[name as keyof WorkLimits] = Number(value)
  }
  return { limits }
}

/**
 * List entries and mapping keys under `values`, counted up to `limit` and no further, so the
 * count itself stays cheap on an alias-expanded structure.
 */
export function countItems(values: readonly unknown[], limit: number): number {
  let count = 0
  const stack: unknown[] = [...values]
  while (stack.length > 0 && count <= limit) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      count += value.length
      if (count > limit) break
      for (const item of value) stack.push(item)
    } else if (typeof value === 'object' && value !== null) {
      const entries = Object.values(value)
      count += entries.length
      if (count > limit) break
      for (const item of entries) stack.push(item)
    }
  }
  return count
}

/**
 * Admits loaded files one by one until their YAML nodes together pass `yaml-nodes-total`;
 * the loader stops reading files then, so thousands of files each under the per-file limit
 * cannot add up to hours of work.
 */
export function createYamlTotal(overrides: Partial<WorkLimits> | undefined): {
  admit(nodes: number): boolean
  refusal(file: string): Diagnostic
} {
  const limits = workLimits(overrides)
  const limit = limits['yaml-nodes-total']
  let total = 0
  return {
    admit(nodes) {
      total += nodes
      return total <= limit
    },
    refusal(file) {
      return {
        severity: 'error',
        file,
        line: 0,
        column: 0,
        path: '',
        message: `the policy files up to this one hold more than ${limit.toLocaleString('en')} YAML nodes once aliases are expanded (limit yaml-nodes-total); this file and those after it were not evaluated`,
        expected: raiseHint('yaml-nodes-total', limits)
      }
    }
  }
}
