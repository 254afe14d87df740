// Which Node versions reachdiff supports: package.json `engines` must not promise a Node that a
// runtime dependency refuses (npm reports that as EBADENGINE), and the Action's runtime
// (action.yml `runs.using`) must be inside it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { REPO_ROOT } from './helpers/cli.js'

type Version = [number, number, number]

function parseVersion(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map(Number)
  return [major, minor, patch]
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
}

/** One comparator of a node-semver range, as dependencies write them: >=20, ^20.19.0, 20, <=0.7.0. */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|\^|~|=)?\s*v?(\d+(?:\.\d+){0,2})$/.exec(comparator)
  if (!match) throw new Error(`unsupported comparator "${comparator}"`)
  const [, op = '', text] = match
  const bound = parseVersion(text)
  const parts = text.split('.').length
  const c = compare(version, bound)
  if (op === '>=') return c >= 0
  if (op === '>') return c > 0
  if (op === '<=') return c <= 0
  if (op === '<') return c < 0
  if (op === '^') return c >= 0 && version[0] === bound[0]
  if (op === '~') return c >= 0 && version[0] === bound[0] && version[1] === bound[1]
  // A bare or "=" partial version matches every version it prefixes (20 = 20.x.x).
  return version.slice(0, parts).every((n, i) => n === bound[i])
}

function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version)
  return range.split('||').some((set) =>
    set
      .trim()
      .replace(/(>=|<=|>|<|\^|~|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesComparator(v, comparator))
  )
}

interface LockPackage {
  dev?: boolean
  engines?: { node?: string } | string[]
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string }
}
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>
}
const ours = manifest.engines.node
/** The oldest Node the engines field admits, e.g. 22.0.0 for ">=22". */
const oldest = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(ours)?.[1]

describe('the supported Node versions', () => {
  it('are stated as a lower bound', () => {
    expect(oldest).toBeDefined()
  })

  it("include the Action's runtime (action.yml runs.using)", () => {
    const action = load(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
    const runtime = /^node(\d+)$/.exec(action.runs.using)?.[1]
    expect(runtime).toBeDefined()
    expect(satisfies(`${runtime}.0.0`, ours)).toBe(true)
  })

  const runtimeDependencies = Object.entries(lock.packages)
    .filter(([path, pkg]) => path !== '' && !pkg.dev && !Array.isArray(pkg.engines) && pkg.engines?.node)
    .map(([path, pkg]) => [path.replace(/^.*node_modules\//, ''), (pkg.engines as { node: string }).node])

  it('are checked against the runtime dependencies that state theirs', () => {
    expect(runtimeDependencies.length).toBeGreaterThan(5)
  })

  it.each(runtimeDependencies)('are all accepted by %s (engines %s)', (_name, range) => {
    // The oldest version we admit must be one the dependency admits (no EBADENGINE there).
    expect(satisfies(oldest!, range)).toBe(true)
  })

  it('are compared the way node-semver compares them', () => {
    expect(satisfies('20.19.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(true)
    expect(satisfies('22.0.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(false)
    expect(satisfies('20.0.0', '>=22')).toBe(false)
    expect(satisfies('22.0.0', '>= 20')).toBe(true)
    expect(satisfies('21.5.0', '20 || >=22')).toBe(false)
    expect(satisfies('0.7.1', '>=0.6.11 <=0.7.0 || >=0.7.3')).toBe(false)
  })
})
