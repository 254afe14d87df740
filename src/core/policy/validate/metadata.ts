// `metadata` (Kubernetes ObjectMeta, as the API server validates it for every kind) and the
// CiliumCIDRGroup object (R7.8), whose only content is a name, labels and a CIDR list.
import type { Labels } from '../../model.js'
import type { CidrGroup } from '../document.js'
import { apiError, at, field, isPresent, isRecord, report, stringField } from './context.js'
import type { ValidationContext } from './context.js'
import { isDnsLabel, isDnsSubdomain } from './net.js'
import { walkSchema } from './schema.js'
import type { SchemaNode } from './schema.js'
import { any, CIDR_PREFIX_CHECK, listOf, object, string, stringMap } from './schema-build.js'
import { checkLabelKey, checkLabelValue } from './selector.js'

const METADATA_SCHEMA: SchemaNode = object({
  name: string,
  generateName: string,
  namespace: string,
  labels: stringMap,
  annotations: stringMap,
  uid: string,
  resourceVersion: string,
  generation: { type: 'integer' },
  selfLink: string,
  creationTimestamp: any,
  deletionTimestamp: any,
  deletionGracePeriodSeconds: { type: 'integer' },
  ownerReferences: listOf(any),
  finalizers: listOf(string),
  managedFields: listOf(any)
})

export interface ObjectIdentity {
  name?: string
  namespace?: string
}

/** Name and namespace as written, before any checking, so diagnostics can name the object. */
export function readIdentity(raw: Record<string, unknown>): ObjectIdentity {
  const metadata = field(raw, 'metadata')
  return { name: stringField(metadata, 'name'), namespace: stringField(metadata, 'namespace') }
}

export function validateMetadata(ctx: ValidationContext, raw: Record<string, unknown>): void {
  const metadata = field(raw, 'metadata')
  if (metadata === undefined || metadata === null) {
    apiError(ctx, ['metadata'], 'metadata is required', { expected: 'metadata: {name: ..., namespace: ...}' })
    return
  }
  walkSchema(ctx, metadata, METADATA_SCHEMA, ['metadata'])
  if (!isRecord(metadata)) return
  const name = field(metadata, 'name')
  if (name === undefined || name === null || name === '') {
    apiError(ctx, ['metadata', 'name'], 'metadata.name is required', {
      expected: 'a lowercase DNS subdomain, e.g. allow-web'
    })
  } else if (typeof name === 'string' && !isDnsSubdomain(name)) {
    apiError(ctx, ['metadata', 'name'], `name "${name.slice(0, 80)}" is not a valid object name`, {
      value: name,
      expected:
        'a lowercase DNS subdomain: a–z, 0–9, "-" and ".", at most 253 characters, starting and ending with a letter or digit'
    })
  }
  const namespace = field(metadata, 'namespace')
  if (typeof namespace === 'string' && !isDnsLabel(namespace)) {
    apiError(
      ctx,
      ['metadata', 'namespace'],
      `namespace "${namespace.slice(0, 80)}" is not a valid namespace name`,
      {
        value: namespace,
        expected: 'a lowercase DNS label: a–z, 0–9 and "-", at most 63 characters'
      }
    )
  }
  checkMetadataLabels(ctx, field(metadata, 'labels'), 'labels')
  checkMetadataLabels(ctx, field(metadata, 'annotations'), 'annotations')
}

function checkMetadataLabels(ctx: ValidationContext, map: unknown, key: 'labels' | 'annotations'): void {
  if (!isRecord(map)) return
  for (const name of Object.keys(map)) {
    const path = at(['metadata', key], name)
    checkLabelKey(ctx, name, path, 'kubernetes')
    const value = map[name]
    if (key === 'labels' && typeof value === 'string') checkLabelValue(ctx, value, path, 'api')
  }
}

const CIDR_GROUP_SCHEMA: SchemaNode = object(
  {
    apiVersion: string,
    kind: string,
    metadata: any,
    spec: object(
      { externalCIDRs: listOf({ type: 'string', check: CIDR_PREFIX_CHECK }) },
      { required: ['externalCIDRs'] }
    )
  },
  { required: ['spec'] }
)

/** Validates a CiliumCIDRGroup; returns the group when the API server would store it. */
export function validateCidrGroup(
  ctx: ValidationContext,
  raw: Record<string, unknown>,
  line: number
): CidrGroup | undefined {
  validateMetadata(ctx, raw)
  walkSchema(ctx, raw, CIDR_GROUP_SCHEMA, [])
  const metadata = field(raw, 'metadata')
  if (isPresent(metadata, 'namespace')) {
    report(
      ctx,
      'notice',
      ['metadata', 'namespace'],
      'a CiliumCIDRGroup is cluster-scoped: metadata.namespace is ignored'
    )
  }
  const name = stringField(metadata, 'name')
  if (ctx.errors > 0 || name === undefined) return undefined
  const labels = field(metadata, 'labels')
  const externalCIDRs = field(field(raw, 'spec'), 'externalCIDRs')
  return {
    name,
    labels: isRecord(labels) ? copyLabels(labels) : {},
    externalCIDRs: Array.isArray(externalCIDRs)
      ? externalCIDRs.filter((c): c is string => typeof c === 'string')
      : [],
    file: ctx.file,
    line
  }
}

function copyLabels(labels: Record<string, unknown>): Labels {
  const copy: Record<string, string> = {}
  for (const key of Object.keys(labels)) {
    const value = labels[key]
    if (typeof value === 'string')
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true })
  }
  return copy
}
