// Field-level checks shared by the scenario parser and the expect-entry parser. Every problem
// becomes a Diagnostic that points at the offending value, and parsing continues, so that one
// run reports everything wrong with a file instead of the first problem only.
import type { Diagnostic, Severity } from '../model.js'
import { formatPath } from '../yaml-source.js'
import type { FieldPath, Position } from '../yaml-source.js'
import { isRecord } from '../records.js'

export interface Locator {
  locate(path: FieldPath): Position
}

export interface DiagnosticDetails {
  /** The offending value; shortened for display. */
  value?: unknown
  expected?: string
}

const MAX_VALUE_LENGTH = 80

export class FieldChecker {
  readonly diagnostics: Diagnostic[] = []

  constructor(
    readonly file: string,
    private readonly source: Locator
  ) {}

  locate(path: FieldPath): Position {
    return this.source.locate(path)
  }

  error(path: FieldPath, message: string, details: DiagnosticDetails = {}): void {
    this.report('error', path, message, details)
  }

  warning(path: FieldPath, message: string, details: DiagnosticDetails = {}): void {
    this.report('warning', path, message, details)
  }

  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error')
  }

  private report(severity: Severity, path: FieldPath, message: string, details: DiagnosticDetails): void {
    const diagnostic: Diagnostic = {
      severity,
      file: this.file,
      ...this.locate(path),
      path: formatPath(path),
      message
    }
    if ('value' in details) diagnostic.value = describeValue(details.value)
    if (details.expected !== undefined) diagnostic.expected = details.expected
    this.diagnostics.push(diagnostic)
  }
}

/** The value as the user wrote it, cut short: diagnostics quote it, they do not dump it. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 3)}...` : text
}

/** Re-exported so the readers here keep one import; defined in core/records.ts. */
export { isRecord }

/** Warns about keys outside `known`; `x-` keys are extensions and deliberately ignored. */
export function warnUnknownKeys(
  c: FieldChecker,
  object: Record<string, unknown>,
  path: FieldPath,
  known: readonly string[]
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key) || key.startsWith('x-')) continue
    c.warning([...path, key], `unknown field "${key}" is ignored`, {
      expected: `one of ${known.join(', ')} (or an x- extension field)`
    })
  }
}

/** Reads an optional string field; a present non-string value is an error. */
export function readOptionalString(
  c: FieldChecker,
  object: Record<string, unknown>,
  path: FieldPath,
  key: string
): string | undefined {
  const value = object[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  c.error([...path, key], `${key} must be a string`, { value, expected: 'a string (quote it)' })
  return undefined
}

export interface StringSyntax {
  test: (s: string) => boolean
  expected: string
  /** Says what is wrong with a string that fails `test`; default "<key> is malformed". */
  problem?: (s: string) => string
}

/**
 * Reads a required string field and checks its syntax. Returns undefined (after reporting)
 * when the field is missing, not a string or malformed.
 */
export function readRequiredString(
  c: FieldChecker,
  object: Record<string, unknown>,
  path: FieldPath,
  key: string,
  syntax?: StringSyntax
): string | undefined {
  const value = object[key]
  const fieldPath = [...path, key]
  if (value === undefined || value === null) {
    c.error(fieldPath, `${key} is required`, syntax ? { expected: syntax.expected } : {})
    return undefined
  }
  if (typeof value !== 'string') {
    c.error(fieldPath, `${key} must be a string`, { value, expected: syntax?.expected ?? 'a string' })
    return undefined
  }
  if (syntax && !syntax.test(value)) {
    c.error(fieldPath, syntax.problem?.(value) ?? `${key} is malformed`, { value, expected: syntax.expected })
    return undefined
  }
  return value
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])'
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`)

export const DNS_LABEL_EXPECTED = 'a DNS-1123 label: lowercase letters, digits and "-", at most 63 characters'
export const DNS_SUBDOMAIN_EXPECTED =
  'a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters'

export function isDnsLabel(s: string): boolean {
  return s.length <= 63 && DNS_LABEL.test(s)
}

export function isDnsSubdomain(s: string): boolean {
  return s.length <= 253 && DNS_SUBDOMAIN.test(s)
}

export function isIPv4(s: string): boolean {
  return IPV4.test(s)
}

/** Kubernetes' rules for a label key: optional DNS-subdomain prefix, then a name of ≤ 63 characters. */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/')
  const name = slash < 0 ? key : key.slice(slash + 1)
  if (slash >= 0 && !isDnsSubdomain(key.slice(0, slash))) return false
  return name.length <= 63 && LABEL_NAME.test(name)
}

export function isLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value))
}

/**
 * Reads a label map. Values must be strings as in Kubernetes: YAML turns `version: 1` or
 * `enabled: true` into a number or boolean, which the API server would refuse, so we do too
 * rather than guess the text the user meant.
 */
export function readLabels(c: FieldChecker, value: unknown, path: FieldPath): Record<string, string> {
  const labels: Record<string, string> = {}
  if (value === undefined || value === null) return labels
  if (!isRecord(value)) {
    c.error(path, 'labels must be a map of label key to value', { value, expected: '{key: value, ...}' })
    return labels
  }
  for (const [key, labelValue] of Object.entries(value)) {
    const labelPath = [...path, key]
    if (!isLabelKey(key)) {
      c.error(labelPath, `"${key}" is not a valid label key`, {
        value: key,
        expected: 'an optional DNS-subdomain prefix and "/", then alphanumerics, "-", "_", "." (≤ 63)'
      })
    } else if (typeof labelValue !== 'string') {
      c.error(labelPath, `label "${key}" must have a string value`, {
        value: labelValue,
        expected: `a string; quote it: "${describeValue(labelValue)}"`
      })
    } else if (!isLabelValue(labelValue)) {
      c.error(labelPath, `label "${key}" has an invalid value`, {
        value: labelValue,
        expected: 'empty, or alphanumerics, "-", "_", "." starting and ending alphanumeric (≤ 63)'
      })
    } else {
      labels[key] = labelValue
    }
  }
  return labels
}
