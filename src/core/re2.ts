// Regular expressions as Envoy and Cilium read them: RE2 syntax (Go's regexp/syntax, Perl
// flags), matched in time linear in the input. re2js is a port of RE2/J, so a pattern such as
// `/(a+)+` cannot backtrack, and what RE2 refuses to compile (look-around, back-references,
// unknown escapes, repeat counts over 1000) is refused here with RE2's own message.
import { RE2JS, RE2JSException } from 're2js'

const compiled = new Map<string, RE2JS | string>()

/** The compiled pattern, or RE2's reason for refusing it; memoised, as rules repeat patterns. */
function compileRe2(pattern: string): RE2JS | string {
  let entry = compiled.get(pattern)
  if (entry === undefined) {
    try {
      entry = RE2JS.compile(pattern)
    } catch (error) {
      entry = error instanceof RE2JSException ? error.message : 'does not compile'
    }
    compiled.set(pattern, entry)
  }
  return entry
}

/** Why RE2 refuses a pattern, or undefined when it compiles. */
export function re2Problem(pattern: string): string | undefined {
  const entry = compileRe2(pattern)
  return typeof entry === 'string' ? entry.replace(/^error parsing regexp: /, '') : undefined
}

/** Whole-value match (Envoy's safe_regex matches the full value); a refused pattern never matches. */
export function re2FullMatch(pattern: string, value: string): boolean {
  const entry = compileRe2(pattern)
  return typeof entry !== 'string' && entry.matches(value)
}
