// Label selectors with Kubernetes apimachinery semantics, over Cilium's source-qualified
// labels (R1.5, R5.4). A selector is a list of requirements, all of which must hold.
import { isRecord } from './records.js'

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'

/** `any` matches a key from every source; otherwise only labels of that source. */
export type LabelSource = string

export interface Requirement {
  source: LabelSource
  key: string
  operator: Operator
  values: readonly string[]
}

export type Selector = readonly Requirement[]

export interface IdentityLabel {
  source: LabelSource
  key: string
  value: string
}

/** An identity's labels, indexed by key for selector matching. */
export type LabelIndex = ReadonlyMap<string, readonly IdentityLabel[]>

export function indexLabels(labels: readonly IdentityLabel[]): LabelIndex {
  const index = new Map<string, IdentityLabel[]>()
  for (const label of labels) {
    const list = index.get(label.key)
    if (list) list.push(label)
    else index.set(label.key, [label])
  }
  return index
}

/** `k8s:app` → source k8s, key app; `app` → source any. Kubernetes keys never contain ':'. */
export function splitSourceKey(written: string): { source: LabelSource; key: string } {
  const colon = written.indexOf(':')
  if (colon < 0) return { source: 'any', key: written }
  return { source: written.slice(0, colon), key: written.slice(colon + 1) }
}

/**
 * Builds a selector from a raw `{matchLabels, matchExpressions}` object. The input has been
 * validated; anything malformed that slips through yields a requirement that matches nothing
 * rather than one that matches everything.
 */
export function parseLabelSelector(raw: unknown): Selector {
  const requirements: Requirement[] = []
  if (!isRecord(raw)) return requirements
  const matchLabels = raw.matchLabels
  if (isRecord(matchLabels)) {
    for (const [written, value] of Object.entries(matchLabels)) {
      requirements.push({ ...splitSourceKey(written), operator: 'In', values: [String(value)] })
    }
  }
  const expressions = raw.matchExpressions
  if (Array.isArray(expressions)) {
    for (const expression of expressions as unknown[]) {
      if (!isRecord(expression) || typeof expression.key !== 'string') continue
      const operator = expression.operator
      const values = Array.isArray(expression.values) ? (expression.values as unknown[]).map(String) : []
      if (operator === 'In' || operator === 'NotIn' || operator === 'Exists' || operator === 'DoesNotExist') {
        requirements.push({ ...splitSourceKey(expression.key), operator, values })
      } else {
        requirements.push({ source: 'any', key: expression.key, operator: 'In', values: [] })
      }
    }
  }
  return requirements
}

export function matchesRequirement(requirement: Requirement, index: LabelIndex): boolean {
  // Hot path of the engine: no allocation, one pass over the labels carrying the key.
  const labels = index.get(requirement.key)
  let present = false
  let valueListed = false
  if (labels) {
    for (const label of labels) {
      if (requirement.source !== 'any' && label.source !== requirement.source) continue
      present = true
      if (requirement.values.includes(label.value)) {
        valueListed = true
        break
      }
    }
  }
  switch (requirement.operator) {
    case 'Exists':
      return present
    case 'DoesNotExist':
      return !present
    case 'In':
      return valueListed
    case 'NotIn':
      // A missing key satisfies NotIn (apimachinery labels.Requirement.Matches).
      return !valueListed
  }
}

export function matchesSelector(selector: Selector, index: LabelIndex): boolean {
  for (const requirement of selector) if (!matchesRequirement(requirement, index)) return false
  return true
}

export function constrainsKey(selector: Selector, predicate: (key: string) => boolean): boolean {
  return selector.some((requirement) => predicate(requirement.key))
}

export function describeSelector(selector: Selector): string {
  if (selector.length === 0) return '{}'
  const parts = selector.map((r) => {
    const key = r.source === 'any' ? r.key : `${r.source}:${r.key}`
    if (r.operator === 'In' && r.values.length === 1) return `${key}=${r.values[0]}`
    if (r.operator === 'Exists') return key
    if (r.operator === 'DoesNotExist') return `!${key}`
    return `${key} ${r.operator} (${r.values.join(',')})`
  })
  return `{${parts.join(', ')}}`
}
