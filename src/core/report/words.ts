// The report's sentences, written once for the PR comment and the terminal alike. A renderer
// passes its Style: how to make user text inert (markdown escaping, or control characters
// stripped), and how to show code and emphasis. Our own words never go through `text`.
import type { Cause, CausePolicy, Effect, NewDefaultDeny } from './causes.js'
import { describePolicy } from '../policy/document.js'
import type { DetailRows } from './sections.js'
import { pluralize } from './summary.js'

export interface Style {
  /** User-written text (names, reasons, paths): made inert for the medium. */
  text: (user: string) => string
  /** Our own code words: `enableDefaultDeny`. */
  code: (ours: string) => string
  strong: (ours: string) => string
}

/** Ports listed before they are only counted. */
const MAX_PORTS = 4
const MAX_RULES = 3

export function formatCount(count: number): string {
  return count.toLocaleString('en')
}

export function countFlows(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'flow' : 'flows'}`
}

const VERBS: Record<CausePolicy['kind'], string> = {
  added: 'adding',
  removed: 'deleting',
  edited: 'editing',
  rejected: 'losing',
  involved: 'unchanged'
}

/** `deleting CiliumClusterwideNetworkPolicy lockdown (policies/lockdown.yaml)` */
export function describeCause(cause: Cause, s: Style): string {
  if (cause.policies.length === 0) return s.strong('no policy change explains these flows')
  const parts = cause.policies.map((p) => {
    const rules =
      p.rules.length === 0
        ? ''
        : ` ${p.rules.slice(0, MAX_RULES).map(s.text).join(', ')}${p.rules.length > MAX_RULES ? ', …' : ''}`
    const what = `${s.text(describePolicy(p.policy))}${rules}`
    const where =
      p.kind === 'rejected' ? ` (${s.text(p.policy.file)} has errors at head)` : ` (${s.text(p.policy.file)})`
    if (p.kind === 'involved') return `${s.strong('decided by')} ${what}${where}, unchanged`
    return `${s.strong(VERBS[p.kind])} ${what}${where}`
  })
  return parts.join(' and ')
}

/** `3,900 flows opened`, or `3,912 flows: 12 closed, 3,900 opened` */
export function describeCauseCounts(cause: Cause): string {
  const { opened, closed, added, removed } = cause.counts
  const parts: string[] = []
  if (closed > 0) parts.push(`${formatCount(closed)} closed`)
  if (opened > 0) parts.push(`${formatCount(opened)} opened`)
  if (added > 0) parts.push(`${formatCount(added)} added`)
  if (removed > 0) parts.push(`${formatCount(removed)} removed`)
  if (parts.length === 1) return `${countFlows(cause.changes.length)} ${parts[0].replace(/^[\d,]+ /, '')}`
  return `${countFlows(cause.changes.length)}: ${parts.join(', ')}`
}

/** `1,120 flows closed: every pod in prod (12) → world/api on TCP/443` */
export function describeEffect(effect: Effect, s: Style): string {
  const ports =
    effect.ports.length <= MAX_PORTS ? effect.ports.map(s.text).join(', ') : `${effect.ports.length} ports`
  return `${countFlows(effect.flows)} ${effect.kind}: ${s.text(effect.sources.text)} → ${s.text(effect.destinations.text)} on ${ports}`
}

/** The surprise of a deny-only policy, and the fix that matches its cause. */
export function describeDefaultDeny(entry: NewDefaultDeny, s: Style): string {
  const what =
    `switches ${entry.direction} default deny on for ${s.text(entry.subjects.text)}: ` +
    `${countFlows(entry.closed)} closed that no deny rule names.`
  if (entry.isDenyOnly) {
    return (
      `${what} The policy has only ${s.code(`${entry.direction}Deny`)} rules, yet selecting a pod puts it into default deny; ` +
      `to deny only what it names, set ${s.code(`enableDefaultDeny: {${entry.direction}: false}`)} (Cilium 1.16+).`
    )
  }
  const peer = entry.direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints'
  return `${what} If some of them should still pass, add an ${s.code(entry.direction)} allow rule (${s.code(peer)}, ${s.code('toPorts')}) for them.`
}

/** `and 230 more sources (1,000 flows)` */
export function describeMoreRows(more: Pick<DetailRows, 'moreFlows' | 'moreSources'>): string {
  return `${pluralize(more.moreSources, 'more source')} (${countFlows(more.moreFlows)})`
}

export function describePorts(ports: readonly string[], s: Style): string {
  return ports.map(s.text).join(', ')
}

/** What an error in a head file means for the report: it is applied as kubectl would apply it. */
export const HEAD_ERROR_EFFECT = 'not applied; their objects keep the previous version'
