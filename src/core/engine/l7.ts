// HTTP rules as Envoy applies them: method, path and host are RE2 regular expressions that
// must match the whole value (linear time, whatever the pattern); every field of a rule must hold.
import type { HttpRequest } from '../model.js'
import type { HttpRule } from '../policy/rules.js'
import { re2FullMatch as fullMatch } from '../re2.js'

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
