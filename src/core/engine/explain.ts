// `reachdiff explain`: one flow, both sides, every rule that mattered: which policies put
// the side under enforcement, and each deny and allow rule covering the probe's port,
// whether or not it selects the peer.
import { hasBit } from './bitset.js'
import type { Engine, FlowVerdict } from './engine.js'
import { describeHttpRule } from './l7.js'
import { describeRuleRef, describeSide } from './reason.js'
import { describePolicy } from '../policy/document.js'
import type { Direction } from '../policy/rules.js'
import type { Flow } from '../model.js'
import { flowKey } from '../model.js'

export interface RuleConsidered {
  rule: string
  kind: 'deny' | 'allow'
  selectsPeer: boolean
  /** HTTP rules a request must match on this rule, when it carries any. */
  http?: string[]
}

export interface SideExplanation {
  direction: Direction
  subject: string
  isEnforced: boolean
  isDefaultDeny: boolean
  enforcedBy: string[]
  rules: RuleConsidered[]
  decision: string
}

export interface Explanation {
  flow: Flow
  verdict: FlowVerdict['verdict']
  reason: string
  sides: SideExplanation[]
}

export function explainFlow(engine: Engine, flow: Flow): Explanation {
  const verdict = engine.decideFlow(flow)
  const decided = [verdict.egress, verdict.ingress]
  const sides = engine.inspectFlow(flow).map(({ direction, subject, table, peerIndex }): SideExplanation => {
    const considered = (kind: 'deny' | 'allow'): RuleConsidered[] =>
      (kind === 'deny' ? table.denies : table.allows).map((matched) => ({
        rule: describeRuleRef(matched.entry.ref),
        kind,
        selectsPeer: hasBit(matched.peers, peerIndex),
        ...(matched.l7.kind === 'http' ? { http: matched.l7.rules.map(describeHttpRule) } : {})
      }))
    const side = decided.find((s) => s?.direction === direction)
    return {
      direction,
      subject,
      isEnforced: table.isEnforced,
      isDefaultDeny: table.isDefaultDeny,
      enforcedBy: [...new Set(table.enforcing.map((rule) => describePolicy(rule.policy)))],
      rules: [...considered('deny'), ...considered('allow')],
      decision: side ? describeSide(side) : verdict.reason
    }
  })
  return { flow, verdict: verdict.verdict, reason: verdict.reason, sides }
}

export function renderExplanation(explanation: Explanation): string {
  const lines = [
    `${flowKey(explanation.flow)}: ${explanation.verdict.toUpperCase()}`,
    `  ${explanation.reason}`
  ]
  for (const side of explanation.sides) {
    lines.push('', `${side.direction} of ${side.subject}:`)
    if (!side.isEnforced) lines.push('  not enforced: no policy with rules in this direction selects it')
    else {
      const mode = side.isDefaultDeny ? 'default deny' : 'default allow (enableDefaultDeny: false)'
      lines.push(`  enforced, ${mode}, by: ${side.enforcedBy.join(', ') || 'policy enforcement mode always'}`)
    }
    if (side.rules.length === 0) lines.push('  no rule covers this port/protocol')
    for (const rule of side.rules) {
      const peer = rule.selectsPeer ? 'selects the peer' : 'does not select the peer'
      const http = rule.http ? `; HTTP: ${rule.http.join(' | ')}` : ''
      lines.push(`  ${rule.kind} ${rule.rule}: ${peer}${http}`)
    }
    lines.push(`  => ${side.decision}`)
  }
  return lines.join('\n') + '\n'
}
