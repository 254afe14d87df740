// Diagnostics as a reviewer reads them: a problem repeated across files is one line with a
// count and its places; a problem the base already had at the same place is not repeated.
import type { Diagnostic, Severity } from '../model.js'

export interface DiagnosticLine {
  severity: Severity
  /** `base` when every occurrence is in the base revision. */
  revision?: 'base'
  /** `spec.ingress[0]: message (got value); expected …`, without the place. */
  text: string
  /** `file:line:column` (or `file`) of every occurrence, in file order. */
  places: string[]
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice']
/** predict.ts marks base problems this way in their message. */
const BASE_PREFIX = 'at base: '

export function groupDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticLine[] {
  const atHead = new Set(diagnostics.filter((d) => d.revision !== 'base').map((d) => identity(d)))
  const lines = new Map<string, DiagnosticLine>()
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    if (d.revision === 'base' && atHead.has(identity(d))) continue
    const text = describeProblem(d)
    const key = `${d.severity}\u0000${d.revision ?? ''}\u0000${text}`
    const line = lines.get(key)
    if (line) line.places.push(placeOf(d))
    else lines.set(key, { severity: d.severity, revision: d.revision, text, places: [placeOf(d)] })
  }
  return [...lines.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      Number(a.revision === 'base') - Number(b.revision === 'base')
  )
}

/** `3 places: a.yaml:1:2, b.yaml:4:1 and 1 more`, at most `max` named. */
export function describePlaces(places: readonly string[], max: number): string {
  if (places.length === 1) return places[0]
  const named = places.slice(0, max).join(', ')
  const more = places.length - Math.min(max, places.length)
  return `${places.length} places: ${named}${more > 0 ? ` and ${more} more` : ''}`
}

/**
 * One line in the form every reachdiff output uses, `place: severity: field: message`, or
 * `severity: field: message (N places: …)` for a repeated problem.
 */
export function describeDiagnosticLine(line: DiagnosticLine, maxPlaces = 3): string {
  const what = `${line.severity}: ${line.revision === 'base' ? 'at base: ' : ''}${line.text}`
  if (line.places.length === 1) return `${line.places[0]}: ${what}`
  return `${what} (${describePlaces(line.places, maxPlaces)})`
}

function messageOf(d: Diagnostic): string {
  return d.revision === 'base' && d.message.startsWith(BASE_PREFIX)
    ? d.message.slice(BASE_PREFIX.length)
    : d.message
}

/** The same problem at the same place, whichever revision it was found in. */
function identity(d: Diagnostic): string {
  return [d.severity, d.file, d.line, d.column, d.path, messageOf(d), d.value ?? ''].join('\u0000')
}

function describeProblem(d: Diagnostic): string {
  const field = d.path ? `${d.path}: ` : ''
  const value = d.value !== undefined ? ` (got ${d.value})` : ''
  const expected = d.expected ? `; expected ${d.expected}` : ''
  return `${field}${messageOf(d)}${value}${expected}`
}

function placeOf(d: Diagnostic): string {
  if (!d.file) return 'input'
  return d.line > 0 ? `${d.file}:${d.line}${d.column > 0 ? `:${d.column}` : ''}` : d.file
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
}
