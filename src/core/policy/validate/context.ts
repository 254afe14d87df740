// The validators' shared vocabulary: where a problem is reported (one object of one file, with
// positions already shifted to the enclosing file), how the offending value is quoted, and safe
// accessors for user data. User data comes straight from YAML, so every read checks own keys
// (`__proto__` or `constructor` must never reach Object.prototype) and narrows types.
import type { Diagnostic, Severity } from '../../model.js'
import type { EngineOptions } from '../../options.js'
import { formatPath } from '../../yaml-source.js'
import type { FieldPath, Position } from '../../yaml-source.js'
import { isRecord } from '../../records.js'

/**
 * Which layer refuses the object (R12.1 and R12.2 in docs/semantics.md): the API server
 * never stores it; the agent stores it but imports none of its rules (R3.5, R12.2).
 */
export type Layer = 'api' | 'agent'

export interface ValidationContext {
  readonly file: string
  readonly options: EngineOptions
  /** `CiliumNetworkPolicy ns/name`, copied into each diagnostic. */
  object?: string
  /** Path of the object inside its document: empty, or `items[2]` inside a List. */
  readonly base: FieldPath
  /** Position of a path from the document root, already shifted by the embedding origin. */
  readonly locate: (path: FieldPath) => Position
  readonly diagnostics: Diagnostic[]
  errors: number
  /** Set when the agent skips the object although nothing is wrong with it (R7.7). */
  skipped: boolean
}

export interface Problem {
  value?: unknown
  expected?: string
}

const LAYER_NOTE: Record<Layer, string> = {
  api: 'the API server rejects the object',
  agent: 'Cilium refuses the whole policy'
}

export function report(
  ctx: ValidationContext,
  severity: Severity,
  path: FieldPath,
  message: string,
  problem: Problem = {}
): void {
  const full = [...ctx.base, ...path]
  const position = ctx.locate(full)
  const diagnostic: Diagnostic = {
    severity,
    file: ctx.file,
    line: position.line,
    column: position.column,
    path: formatPath(full),
    message
  }
  if (Object.hasOwn(problem, 'value')) diagnostic.value = formatValue(problem.value)
  if (problem.expected) diagnostic.expected = problem.expected
  if (ctx.object) diagnostic.object = ctx.object
  ctx.diagnostics.push(diagnostic)
  if (severity === 'error') ctx.errors++
}

/** An error the API server raises (schema, Kubernetes validation): the object is never stored. */
export function apiError(ctx: ValidationContext, path: FieldPath, message: string, problem?: Problem): void {
  report(ctx, 'error', path, `${message} (${LAYER_NOTE.api})`, problem)
}

/** An error the Cilium agent raises (Sanitize, decoding): the object is stored but refused. */
export function agentError(
  ctx: ValidationContext,
  path: FieldPath,
  message: string,
  problem?: Problem
): void {
  report(ctx, 'error', path, `${message} (${LAYER_NOTE.agent})`, problem)
}

export function layerError(
  ctx: ValidationContext,
  layer: Layer,
  path: FieldPath,
  message: string,
  problem?: Problem
): void {
  if (layer === 'api') apiError(ctx, path, message, problem)
  else agentError(ctx, path, message, problem)
}

/** JSON-ish text of a value, at most `max` characters; never walks more of the value than it prints. */
export function formatValue(value: unknown, max = 80): string {
  const out = { text: '' }
  writeValue(value, out, max + 1)
  return out.text.length > max ? `${out.text.slice(0, max - 1)}…` : out.text
}

function writeValue(value: unknown, out: { text: string }, limit: number): void {
  if (out.text.length > limit) return
  if (typeof value === 'string') {
    out.text += JSON.stringify(value.length > limit ? value.slice(0, limit) : value)
  } else if (value === null || value === undefined) {
    out.text += 'null'
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    out.text += String(value)
  } else if (Array.isArray(value)) {
    out.text += '['
    for (let i = 0; i < value.length && out.text.length <= limit; i++) {
      if (i > 0) out.text += ','
      writeValue(value[i], out, limit)
    }
    out.text += ']'
  } else if (isRecord(value)) {
    out.text += '{'
    const keys = Object.keys(value)
    for (let i = 0; i < keys.length && out.text.length <= limit; i++) {
      if (i > 0) out.text += ','
      out.text += `${JSON.stringify(keys[i].slice(0, limit))}:`
      writeValue(value[keys[i]], out, limit)
    }
    out.text += '}'
  } else {
    out.text += typeof value
  }
}

/** Re-exported so the readers here keep one import; defined in core/records.ts. */
export { isRecord }

/** The own property `key` of `value`, or undefined. */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined
}

/** Present as Kubernetes sees it: an own key whose value is not null (nulls are dropped). */
export function isPresent(value: unknown, key: string): boolean {
  const found = field(value, key)
  return found !== undefined && found !== null
}

export function listField(value: unknown, key: string): unknown[] {
  const found = field(value, key)
  return Array.isArray(found) ? found : []
}

/** Go's `len()` of a list field: 0 when absent or not a list. */
export function countOf(value: unknown, key: string): number {
  return listField(value, key).length
}

export function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key)
  return typeof found === 'string' ? found : undefined
}

/** `key` joined to a path. */
export function at(path: FieldPath, ...more: Array<string | number>): FieldPath {
  return [...path, ...more]
}
