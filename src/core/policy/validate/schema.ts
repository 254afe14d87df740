// A small structural-schema walker: what the API server checks before it stores an object (the
// CRD's OpenAPI schema for CNP/CCNP, the typed Go structs for NetworkPolicy). Unknown fields are
// errors, as with kubectl's default strict field validation (cilium-crd-fields.md §1). The walk
// follows the schema, never the data, so it is bounded whatever the input.
import type { CiliumMinor } from '../../options.js'
import type { FieldPath } from '../../yaml-source.js'
import { apiError, isPresent, isRecord } from './context.js'
import type { ValidationContext } from './context.js'

export interface StringCheck {
  test: (value: string) => boolean
  /** Completes `<field> …`, e.g. `is not a CIDR prefix`. */
  message: string
  expected: string
}

export type SchemaNode =
  | ObjectNode
  | { type: 'array'; items: SchemaNode; maxItems?: number; minItems?: number }
  | { type: 'string'; enum?: readonly string[]; maxLength?: number; minLength?: number; check?: StringCheck }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  | { type: 'stringMap' }
  | { type: 'intOrString'; check?: StringCheck }
  | { type: 'any' }
  | { type: 'byMinor'; pick: (minor: CiliumMinor) => SchemaNode }

export interface ObjectNode {
  type: 'object'
  fields: Readonly<Record<string, FieldSpec>>
  required?: readonly string[]
  /** Exactly one (`oneOf`) or at least one (`anyOf`) of `keys` must be present. */
  combinators?: readonly Combinator[]
}

export interface FieldSpec {
  schema: SchemaNode
  /** First Cilium minor whose schema has the field; earlier it is an unknown field. */
  since?: CiliumMinor
  /**
   * First Cilium minor whose CRD keeps the field but allows no entries (`maxItems: 0`): a
   * non-empty list is refused by the API server, with what to write instead.
   */
  emptiedIn?: { minor: CiliumMinor; instead: string }
}

export interface Combinator {
  rule: 'oneOf' | 'anyOf'
  keys: readonly string[]
  since?: CiliumMinor
}

export function walkSchema(ctx: ValidationContext, value: unknown, node: SchemaNode, path: FieldPath): void {
  switch (node.type) {
    case 'byMinor':
      return walkSchema(ctx, value, node.pick(ctx.options.minor), path)
    case 'object':
      return isRecord(value) ? walkObject(ctx, value, node, path) : typeError(ctx, value, node, path)
    case 'array':
      return Array.isArray(value) ? walkArray(ctx, value, node, path) : typeError(ctx, value, node, path)
    case 'string':
      return typeof value === 'string'
        ? checkString(ctx, value, node, path)
        : typeError(ctx, value, node, path)
    case 'integer':
      return isInteger(value) ? checkInteger(ctx, value, node, path) : typeError(ctx, value, node, path)
    case 'boolean':
      return typeof value === 'boolean' ? undefined : typeError(ctx, value, node, path)
    case 'stringMap':
      return walkStringMap(ctx, value, node, path)
    case 'intOrString':
      if (typeof value === 'string') return node.check ? runCheck(ctx, value, node.check, path) : undefined
      return isInteger(value) ? undefined : typeError(ctx, value, node, path)
    case 'any':
      return undefined
  }
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

function typeError(ctx: ValidationContext, value: unknown, node: SchemaNode, path: FieldPath): void {
  const expected = describeType(node)
  // The commonest slip: an unquoted number or boolean where the CRD wants a string (R12.1).
  const quoted =
    node.type === 'string' && !node.enum && (typeof value === 'number' || typeof value === 'boolean')
      ? `a quoted string such as "${String(value)}"`
      : expected
  apiError(ctx, path, `${fieldLabel(path)} must be ${expected}, not ${describeValueType(value)}`, {
    value,
    expected: quoted
  })
}

function walkObject(
  ctx: ValidationContext,
  value: Record<string, unknown>,
  node: ObjectNode,
  path: FieldPath
): void {
  const minor = ctx.options.minor
  const known = (key: string): FieldSpec | undefined =>
    Object.hasOwn(node.fields, key) ? node.fields[key] : undefined
  for (const key of Object.keys(value)) {
    const spec = known(key)
    if (!spec || (spec.since !== undefined && minor < spec.since)) {
      unknownField(ctx, key, node, [...path, key], spec)
    } else if (spec.emptiedIn && minor >= spec.emptiedIn.minor && hasEntries(value[key])) {
      emptiedField(ctx, key, spec.emptiedIn, [...path, key])
    } else if (value[key] !== null) {
      walkSchema(ctx, value[key], spec.schema, [...path, key])
    }
  }
  for (const key of node.required ?? []) {
    if (!isPresent(value, key))
      apiError(ctx, [...path, key], `${key} is required`, { expected: `a ${key} field` })
  }
  for (const combinator of node.combinators ?? []) {
    if (combinator.since === undefined || minor >= combinator.since)
      checkCombinator(ctx, value, combinator, path)
  }
}

function checkCombinator(
  ctx: ValidationContext,
  value: Record<string, unknown>,
  combinator: Combinator,
  path: FieldPath
): void {
  const present = combinator.keys.filter((key) => isPresent(value, key))
  const names = combinator.keys.join(', ')
  if (present.length === 0) {
    const what = combinator.rule === 'oneOf' ? 'exactly one' : 'at least one'
    apiError(ctx, path, `${fieldLabel(path)} needs ${what} of ${names}`, { expected: `${what} of ${names}` })
  } else if (combinator.rule === 'oneOf' && present.length > 1) {
    apiError(ctx, [...path, present[1]], `${present.join(' and ')} cannot be set together`, {
      expected: `exactly one of ${names}`
    })
  }
}

function unknownField(
  ctx: ValidationContext,
  key: string,
  node: ObjectNode,
  path: FieldPath,
  laterSpec: FieldSpec | undefined
): void {
  const minor = ctx.options.minor
  const allowed = Object.keys(node.fields).filter((name) => (node.fields[name].since ?? 0) <= minor)
  let message = `unknown field "${key.slice(0, 80)}"`
  if (laterSpec?.since !== undefined) {
    message += `: it exists from Cilium 1.${laterSpec.since}, and policies are checked for ${ctx.options.ciliumVersion}`
  } else {
    const suggestion = suggest(key, allowed)
    if (suggestion) message += `; did you mean "${suggestion}"?`
  }
  apiError(ctx, path, message, { expected: `one of ${allowed.join(', ')}` })
}

function hasEntries(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0
}

function emptiedField(
  ctx: ValidationContext,
  key: string,
  emptied: NonNullable<FieldSpec['emptiedIn']>,
  path: FieldPath
): void {
  apiError(
    ctx,
    path,
    `${key} was removed in Cilium 1.${emptied.minor} (its CRD allows no entries), and policies are checked for ${ctx.options.ciliumVersion}`,
    { expected: emptied.instead }
  )
}

function walkArray(
  ctx: ValidationContext,
  value: unknown[],
  node: { items: SchemaNode; maxItems?: number; minItems?: number },
  path: FieldPath
): void {
  if (node.maxItems !== undefined && value.length > node.maxItems) {
    apiError(
      ctx,
      path,
      `${fieldLabel(path)} has ${value.length} entries, more than the limit of ${node.maxItems}`,
      {
        expected: `at most ${node.maxItems} entries; split them over several entries`
      }
    )
  }
  if (node.minItems !== undefined && value.length < node.minItems) {
    apiError(ctx, path, `${fieldLabel(path)} needs at least ${node.minItems} entry`, {
      expected: `at least ${node.minItems} entry, or leave the field out`
    })
  }
  value.forEach((item, index) => walkSchema(ctx, item, node.items, [...path, index]))
}

function checkString(
  ctx: ValidationContext,
  value: string,
  node: { enum?: readonly string[]; maxLength?: number; minLength?: number; check?: StringCheck },
  path: FieldPath
): void {
  const label = fieldLabel(path)
  if (node.enum && !node.enum.includes(value)) {
    const folded = node.enum.find((option) => option.toLowerCase() === value.toLowerCase())
    const message = folded
      ? `${label} "${value}" must be written "${folded}" (values are case-sensitive)`
      : `${label} "${value.slice(0, 80)}" is not one of the allowed values`
    return apiError(ctx, path, message, { value, expected: node.enum.join(' | ') })
  }
  if (node.maxLength !== undefined && value.length > node.maxLength) {
    return apiError(ctx, path, `${label} is longer than ${node.maxLength} characters`, {
      value,
      expected: `at most ${node.maxLength} characters`
    })
  }
  if (node.minLength !== undefined && value.length < node.minLength) {
    return apiError(ctx, path, `${label} must not be empty`, { value, expected: 'a non-empty string' })
  }
  if (node.check) runCheck(ctx, value, node.check, path)
}

function runCheck(ctx: ValidationContext, value: string, check: StringCheck, path: FieldPath): void {
  if (!check.test(value)) {
    const shown = value.length > 80 ? `${value.slice(0, 79)}…` : value
    apiError(ctx, path, `${fieldLabel(path)} "${shown}" ${check.message}`, {
      value,
      expected: check.expected
    })
  }
}

function checkInteger(
  ctx: ValidationContext,
  value: number,
  node: { minimum?: number; maximum?: number },
  path: FieldPath
): void {
  const { minimum, maximum } = node
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
    apiError(ctx, path, `${fieldLabel(path)} ${value} is out of range`, {
      value,
      expected: `an integer from ${minimum ?? '-∞'} to ${maximum ?? '∞'}`
    })
  }
}

function walkStringMap(ctx: ValidationContext, value: unknown, node: SchemaNode, path: FieldPath): void {
  if (!isRecord(value)) return typeError(ctx, value, node, path)
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (typeof item !== 'string') {
      const scalar = typeof item === 'number' || typeof item === 'boolean'
      const shown = scalar
        ? `a quoted string such as "${String(item)}"`
        : item === null
          ? 'a quoted string, "" if empty'
          : 'a quoted string'
      apiError(
        ctx,
        [...path, key],
        `the value of "${key.slice(0, 80)}" must be a string, not ${describeValueType(item)}`,
        {
          value: item,
          expected: shown
        }
      )
    }
  }
}

// How schema problems read: type names, field labels, and "did you mean" suggestions.
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
