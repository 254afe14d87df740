// The L7 half of one side: an allowed connection whose every covering rule carries HTTP
// rules is proxied, and a request no rule matches is refused with 403 (R9.1, R9.3).
import type { HttpRequest, Verdict } from '../model.js'
import type { RuleRef } from '../policy/rules.js'
import type { SideOutcome } from './direction.js'
import { describeHttpRule, matchesHttpRule } from './l7.js'

export interface HttpSide {
  verdict: Verdict
  decision: 'allowed' | 'http-allowed' | 'http-refused'
  rules: RuleRef[]
  httpRules?: string[]
}

export function decideHttp(
  outcome: Extract<SideOutcome, { decision: 'allowed' }>,
  request: HttpRequest
): HttpSide {
  // R9.3 / R2.4: any covering allow without L7, the synthetic allow-all included, lifts L7.
  const unrestricted = outcome.by.filter((matched) => matched.l7.kind === 'none')
  if (unrestricted.length > 0 || outcome.synthetic.length > 0) {
    return { verdict: 'allow', decision: 'allowed', rules: unrestricted.map((m) => m.entry.ref) }
  }
  const proxied = outcome.by.flatMap((matched) =>
    matched.l7.kind === 'http' ? matched.l7.rules.map((rule) => ({ rule, ref: matched.entry.ref })) : []
  )
  const accepting = proxied.filter(({ rule }) => matchesHttpRule(rule, request))
  if (accepting.length > 0) {
    return { verdict: 'allow', decision: 'http-allowed', rules: unique(accepting.map((a) => a.ref)) }
  }
  return {
    verdict: 'deny',
    decision: 'http-refused',
    rules: unique(outcome.by.map((m) => m.entry.ref)),
    httpRules: proxied.map(({ rule }) => describeHttpRule(rule))
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
