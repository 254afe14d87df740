// Words for verdicts: every verdict names the policy, section and rule that decided it,
// or why no rule did (docs/semantics.md §15).
import { describePolicy } from '../policy/document.js'
import type { PolicyRef } from '../policy/document.js'
import type { RuleRef } from '../policy/rules.js'
import type { FlowVerdict, SideVerdict } from './engine.js'

export function describeRuleRef(ref: RuleRef): string {
  const spec = ref.specIndex === undefined ? '' : `specs[${ref.specIndex}].`
  const rule =
    ref.index < 0
      ? `${ref.section} (no rules: default deny from policyTypes)`
      : `${ref.section}[${ref.index}]`
  return `${describePolicy(ref.policy)} ${spec}${rule}`
}

function listPolicies(policies: readonly PolicyRef[]): string {
  return policies.map(describePolicy).join(', ')
}

function sideName(side: SideVerdict): string {
  return `${side.direction} of ${side.subject}`
}

export function describeSide(side: SideVerdict): string {
  const rules = side.rules.map(describeRuleRef).join(', ')
  switch (side.decision) {
    case 'not-enforced':
      return `${sideName(side)} not enforced: no policy with ${side.direction} rules selects it`
    case 'denied':
      return `denied by ${rules} (${sideName(side)})`
    case 'default-deny': {
      const why =
        side.enforcedBy.length > 0
          ? `selected with ${side.direction} or ${side.direction}Deny rules by ${listPolicies(side.enforcedBy)}`
          : 'policy enforcement mode always'
      return `default deny on ${sideName(side)} (${why}); no rule allows this flow`
    }
    case 'allowed':
      if (side.rules.length > 0) return `allowed by ${rules} (${sideName(side)})`
      return `allowed on ${sideName(side)} by the allow-all of enableDefaultDeny=false in ${listPolicies(side.syntheticAllowBy)}`
    case 'http-allowed':
      return `HTTP request allowed by ${rules} (${sideName(side)})`
    case 'http-refused':
      return `HTTP 403 from the proxy: the request matches no HTTP rule of ${rules} (${sideName(side)}; rules: ${(side.httpRules ?? []).join('; ') || 'none'})`
  }
}

export function describeFlowVerdict(verdict: FlowVerdict): string {
  if (verdict.global === 'enforcement-never') return 'policy enforcement mode never: nothing is enforced'
  if (verdict.global === 'sctp-disabled') {
    return 'SCTP is disabled in the agent (enable-sctp=false): every SCTP packet is dropped, whatever the policy'
  }
  const sides = [verdict.egress, verdict.ingress].filter((side): side is SideVerdict => side !== undefined)
  if (verdict.verdict === 'deny') {
    return sides
      .filter((side) => side.verdict === 'deny')
      .map(describeSide)
      .join('; and ')
  }
  const deciding = sides.filter((side) => side.decision !== 'not-enforced')
  if (deciding.length === 0) return 'allowed: no policy enforces either side'
  return sides.map(describeSide).join('; ')
}
