// How schema problems read: type names, field labels, and "did you mean" suggestions.
import type { FieldPath } from '../../yaml-source.js'
import type { SchemaNode } from './schema.js'

/** How a node's type reads in a message, also used as the diagnostic's `expected`. */
export function describeType(node: SchemaNode): string {
  switch (node.type) {
    case 'object':
      return 'a mapping'
    case 'array':
      return 'a list'
    case 'string':
      return node.enum ? `one of ${node.enum.join(', ')}` : 'a string'
    case 'integer':
      return 'an integer'
    case 'boolean':
      return 'true or false'
    case 'stringMap':
      return 'a mapping of strings to strings'
    case 'intOrString':
      return 'an integer or a string'
    default:
      return 'a value'
  }
}

export function describeValueType(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number'
  return `a ${typeof value}`
}

/** The last named segment of a path, for messages (`port`, `fromEndpoints[0]`). */
export function fieldLabel(path: FieldPath): string {
  const last = path.length > 0 ? path[path.length - 1] : undefined
  if (typeof last === 'number') {
    const parent = path.length > 1 ? path[path.length - 2] : ''
    return `${String(parent)}[${last}]`
  }
  return last ?? 'the document'
}

/** The allowed key closest to a misspelt one (case slip or edit distance ≤ 2). */
export function suggest(key: string, allowed: readonly string[]): string | undefined {
  if (key.length > 64) return undefined
  const folded = allowed.find((name) => name.toLowerCase() === key.toLowerCase())
  if (folded) return folded
  let best: { name: string; distance: number } | undefined
  for (const name of allowed) {
    const distance = editDistance(key, name)
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance }
  }
  return best?.name
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    previous = current
  }
  return previous[b.length]
}
