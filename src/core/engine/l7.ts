// HTTP rules as Envoy applies them (R9.1, R9.2): method, path and host are regular
// expressions that must match the whole value; every field of a rule must hold.
import type { HttpRequest } from '../model.js'
import type { HttpRule } from '../policy/rules.js'

const compiled = new Map<string, RegExp | null>()

/** Whole-value match; a pattern JavaScript cannot compile never matches (validation reports it). */
function fullMatch(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern)
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, 'u')
    } catch {
      regex = null
    }
    compiled.set(pattern, regex)
  }
  return regex !== null && regex.test(value)
}

/**
 * A probe carries only a method and a path. A rule that requires a header or a host can
 * therefore never match it, just as a plain request without them is refused by the proxy.
 */
export function matchesHttpRule(rule: HttpRule, request: HttpRequest): boolean {
  if (rule.method !== undefined && rule.method !== '' && !fullMatch(rule.method, request.method)) return false
  if (rule.path !== undefined && rule.path !== '' && !fullMatch(rule.path, request.path)) return false
  if (rule.host !== undefined && rule.host !== '') return false
  return rule.headers.length === 0
}

export function describeHttpRule(rule: HttpRule): string {
  const parts = [rule.method ? `method ${rule.method}` : '', rule.path ? `path ${rule.path}` : '']
  if (rule.host) parts.push(`host ${rule.host}`)
  if (rule.headers.length > 0) parts.push(`headers ${rule.headers.join(', ')}`)
  const text = parts.filter(Boolean).join(', ')
  return text === '' ? 'any request' : text
}
