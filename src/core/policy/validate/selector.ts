// Label-selector syntax (Kubernetes `ValidateLabelSelector`). Cilium runs the same check after
// turning each key into its extended form, `k8s:app` → `k8s.app` and `app` → `any.app`
// (`pkg/policy/api/selector.go`, R1.5), and refuses the policy when it fails; for a NetworkPolicy
// or an object's metadata the API server refuses it first.
import type { FieldPath } from '../../yaml-source.js'
import { at, field, isRecord, layerError, listField, stringField } from './context.js'
import type { Layer, ValidationContext } from './context.js'
import { isDnsSubdomain } from './net.js'

export type SelectorFlavour = 'cilium' | 'kubernetes'

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

export const LABEL_KEY_EXPECTED =
  'an optional DNS-subdomain prefix and "/", then a name of at most 63 characters: letters, digits, "-", "_", ".", starting and ending with a letter or digit'
export const LABEL_VALUE_EXPECTED =
  'at most 63 characters: letters, digits, "-", "_", ".", starting and ending with a letter or digit; or empty'

/** Why a Kubernetes qualified name (a label key) is invalid, or undefined when it is valid. */
export function qualifiedNameProblem(name: string): string | undefined {
  const parts = name.split('/')
  if (parts.length > 2) return 'it may contain at most one "/"'
  const local = parts[parts.length - 1]
  if (parts.length === 2) {
    if (parts[0] === '') return 'the prefix before "/" is empty'
    if (!isDnsSubdomain(parts[0])) return 'the prefix before "/" must be a lowercase DNS subdomain'
  }
  if (local === '') return 'the name part is empty'
  if (local.length > 63) return 'the name part is longer than 63 characters'
  if (!NAME_PART.test(local)) {
    return 'the name part may only hold letters, digits, "-", "_" and ".", and must start and end with a letter or digit'
  }
  return undefined
}

export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value)
}

/** Cilium's `GetExtendedKeyFrom`: `source:key` → `source.key`, no source → `any`, `$x` → `reserved.x`. */
export function extendedLabelKey(key: string): string {
  let source = 'any'
  let rest = key
  if (key.startsWith('$')) {
    source = 'reserved'
    rest = key.slice(1)
  } else {
    const colon = key.indexOf(':')
    if (colon >= 0) {
      source = key.slice(0, colon) || 'any'
      rest = key.slice(colon + 1)
    }
  }
  const equals = rest.indexOf('=')
  return `${source}.${equals >= 0 ? rest.slice(0, equals) : rest}`
}

export function checkLabelSelector(
  ctx: ValidationContext,
  selector: unknown,
  path: FieldPath,
  flavour: SelectorFlavour
): void {
  if (!isRecord(selector)) return
  const layer: Layer = flavour === 'cilium' ? 'agent' : 'api'
  const labels = field(selector, 'matchLabels')
  if (isRecord(labels)) {
    for (const key of Object.keys(labels)) {
      const keyPath = at(path, 'matchLabels', key)
      checkLabelKey(ctx, key, keyPath, flavour)
      const value = labels[key]
      if (typeof value === 'string') checkLabelValue(ctx, value, keyPath, layer)
    }
  }
  listField(selector, 'matchExpressions').forEach((requirement, index) =>
    checkRequirement(ctx, requirement, at(path, 'matchExpressions', index), flavour)
  )
}

function checkRequirement(
  ctx: ValidationContext,
  requirement: unknown,
  path: FieldPath,
  flavour: SelectorFlavour
): void {
  const layer: Layer = flavour === 'cilium' ? 'agent' : 'api'
  const key = stringField(requirement, 'key')
  if (key !== undefined) checkLabelKey(ctx, key, at(path, 'key'), flavour)
  const operator = stringField(requirement, 'operator')
  const values = field(requirement, 'values')
  const count = Array.isArray(values) ? values.length : 0
  if ((operator === 'In' || operator === 'NotIn') && count === 0) {
    layerError(ctx, layer, at(path, 'values'), `operator ${operator} needs at least one value`, {
      expected: `values: [...] with one value or more, or operator Exists`
    })
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
    layerError(ctx, layer, at(path, 'values'), `operator ${operator} takes no values`, {
      value: values,
      expected: 'no values field, or operator In/NotIn'
    })
  }
  if (Array.isArray(values)) {
    values.forEach((value, index) => {
      if (typeof value === 'string') checkLabelValue(ctx, value, at(path, 'values', index), layer)
    })
  }
}

export function checkLabelKey(
  ctx: ValidationContext,
  key: string,
  path: FieldPath,
  flavour: SelectorFlavour
): void {
  const checked = flavour === 'cilium' ? extendedLabelKey(key) : key
  const problem = qualifiedNameProblem(checked)
  if (!problem) return
  const shown = key.slice(0, 80)
  const as = flavour === 'cilium' && checked !== key ? ` (Cilium checks it as "${checked.slice(0, 80)}")` : ''
  layerError(
    ctx,
    flavour === 'cilium' ? 'agent' : 'api',
    path,
    `label key "${shown}" is not valid: ${problem}${as}`,
    {
      value: key,
      expected: LABEL_KEY_EXPECTED
    }
  )
}

export function checkLabelValue(ctx: ValidationContext, value: string, path: FieldPath, layer: Layer): void {
  if (isLabelValue(value)) return
  const why =
    value.length > 63 ? 'it is longer than 63 characters' : 'it has characters a label value cannot hold'
  layerError(ctx, layer, path, `label value "${value.slice(0, 80)}" is not valid: ${why}`, {
    value,
    expected: LABEL_VALUE_EXPECTED
  })
}
