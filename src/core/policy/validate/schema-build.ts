// Builders for the schema trees (schema.ts walks them), and the pieces every kind
// shares: the Kubernetes LabelSelector and the CIDR-prefix format.
import type { CiliumMinor } from '../../options.js'
import { parsePrefix } from './net.js'
import type { FieldSpec, ObjectNode, SchemaNode, StringCheck } from './schema.js'

export const string: SchemaNode = { type: 'string' }
export const any: SchemaNode = { type: 'any' }
export const bool: SchemaNode = { type: 'boolean' }
export const stringMap: SchemaNode = { type: 'stringMap' }

export function listOf(items: SchemaNode, limits: { maxItems?: number; minItems?: number } = {}): SchemaNode {
  return { type: 'array', items, ...limits }
}

export function byMinor(pick: (minor: CiliumMinor) => SchemaNode): SchemaNode {
  return { type: 'byMinor', pick }
}

/** A field that first exists in Cilium 1.`minor`. */
export function since(minor: CiliumMinor, schema: SchemaNode): FieldSpec {
  return { schema, since: minor }
}

/** A field whose CRD allows no entries from Cilium 1.`minor` (`maxItems: 0`); `instead` says what to write. */
export function emptiedIn(minor: CiliumMinor, instead: string, schema: SchemaNode): FieldSpec {
  return { schema, emptiedIn: { minor, instead } }
}

export function object(
  fields: Record<string, SchemaNode | FieldSpec>,
  extra: Omit<ObjectNode, 'type' | 'fields'> = {}
): ObjectNode {
  const specs: Record<string, FieldSpec> = {}
  for (const [key, spec] of Object.entries(fields)) specs[key] = 'schema' in spec ? spec : { schema: spec }
  return { type: 'object', fields: specs, ...extra }
}

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const

/** A Kubernetes LabelSelector: every CNP selector, and KNP pod and namespace selectors. */
export const LABEL_SELECTOR: SchemaNode = object({
  matchLabels: stringMap,
  matchExpressions: listOf(
    object(
      { key: string, operator: { type: 'string', enum: SELECTOR_OPERATORS }, values: listOf(string) },
      { required: ['key', 'operator'] }
    )
  )
})

/** `format: cidr` (Go net.ParseCIDR): an address with a prefix length. */
export const CIDR_PREFIX_CHECK: StringCheck = {
  test: (value) => parsePrefix(value) !== undefined,
  message: 'is not a CIDR prefix',
  expected: 'an address with a prefix length, such as 10.0.0.0/8 or 2001:db8::/32'
}
