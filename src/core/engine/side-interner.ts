// Most peers of a subject share one of a handful of outcomes (not enforced, default deny,
// denied or allowed by the same rule). One SideVerdict object per outcome keeps large
// matrices small in memory and cheap to build.
import type { RuleEntry } from '../policy/rules.js'
import type { SideOutcome } from './direction.js'

export class SideInterner<T> {
  private readonly simple = new Map<string, T>()
  private readonly byEntry = new Map<RuleEntry, T>()
  private readonly byEntryAllowed = new Map<RuleEntry, T>()
  private readonly other = new Map<string, T>()

  /** The interned value for `outcome` (plus `extra`, e.g. an HTTP request), made once by `make`. */
  get(outcome: SideOutcome, extra: string, make: () => T): T {
    const { map, key } = this.slot(outcome, extra)
    let value = map.get(key)
    if (value === undefined) {
      value = make()
      map.set(key, value)
    }
    return value
  }

  private slot(outcome: SideOutcome, extra: string): { map: Map<unknown, T>; key: unknown } {
    if (extra === '') {
      if (outcome.decision === 'not-enforced' || outcome.decision === 'default-deny') {
        return { map: this.simple, key: outcome.decision }
      }
      if (outcome.decision === 'denied') return { map: this.byEntry, key: outcome.by }
      if (outcome.by.length === 0) return { map: this.simple, key: 'synthetic' }
      if (outcome.by.length === 1 && outcome.synthetic.length === 0) {
        return { map: this.byEntryAllowed, key: outcome.by[0].entry }
      }
    }
    return { map: this.other, key: `${signature(outcome)}|${extra}` }
  }
}

const ids = new WeakMap<RuleEntry, number>()
let nextId = 0

function entryId(entry: RuleEntry): number {
  let id = ids.get(entry)
  if (id === undefined) ids.set(entry, (id = nextId++))
  return id
}

function signature(outcome: SideOutcome): string {
  if (outcome.decision === 'denied') return `d${entryId(outcome.by)}`
  if (outcome.decision !== 'allowed') return outcome.decision
  const synthetic = outcome.synthetic.length > 0 ? 's' : ''
  return `a${synthetic}${outcome.by.map((matched) => entryId(matched.entry)).join(',')}`
}
