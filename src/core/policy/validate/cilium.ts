// CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy validation: the CRD schema first (the
// API server), then the agent's rule checks (Sanitize in `pkg/policy/api/rule_validation.go`,
// R12.2) for `spec` and every `specs[]` rule. Deny sections get the agent checks from 1.18 only
// (R12.2).
import type { FieldPath } from '../../yaml-source.js'
import type { PolicyKind } from '../document.js'
import { checkCidrRule, checkFqdnSelector, checkPortRule, hasL7Rules } from './cilium-ports.js'
import { checkIcmpRule } from './icmp.js'
import { CILIUM_POLICY_SCHEMA } from './cilium-schema.js'
import { agentError, at, countOf, field, isPresent, isRecord, listField, report } from './context.js'
import type { ValidationContext } from './context.js'
import { walkSchema } from './schema.js'
import { checkLabelSelector } from './selector.js'

type Direction = 'ingress' | 'egress'

interface RuleScope {
  direction: Direction
  deny: boolean
  /** A `nodeSelector` rule: a host policy (R4.4). */
  host: boolean
}

// R5.7: at most one of these may be non-empty in one rule; `toFQDNs` only exists in egress allow.
const PEER_KINDS: Record<Direction, readonly string[]> = {
  ingress: ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'],
  egress: ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toGroups', 'toNodes', 'toFQDNs']
}

const SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'] as const

export function validateCiliumPolicy(
  ctx: ValidationContext,
  raw: Record<string, unknown>,
  kind: PolicyKind
): void {
  walkSchema(ctx, raw, CILIUM_POLICY_SCHEMA, [])
  if (!isPresent(raw, 'spec') && !isPresent(raw, 'specs')) {
    // ErrEmptyCNP / ErrEmptyCCNP: neither is schema-required, but the agent refuses the object.
    agentError(ctx, [], `a ${kind} needs spec or specs`, {
      expected: 'spec: {endpointSelector: ..., ingress: [...]}'
    })
  }
  const spec = field(raw, 'spec')
  if (isRecord(spec)) checkRule(ctx, spec, ['spec'], kind === 'CiliumNetworkPolicy')
  listField(raw, 'specs').forEach((rule, index) => {
    if (!isRecord(rule)) return
    checkRule(ctx, rule, ['specs', index], false)
    if (
      kind === 'CiliumNetworkPolicy' &&
      isPresent(rule, 'nodeSelector') &&
      !isPresent(rule, 'endpointSelector')
    ) {
      // The agent refuses nodeSelector only in a CNP's `spec` (Parse in
      // `pkg/k8s/apis/cilium.io/v2/cnp_types.go`); what it does with one in `specs` (perhaps a host
      // policy) was not checked against a cluster, so this only warns.
      report(
        ctx,
        'warning',
        ['specs', index, 'nodeSelector'],
        'nodeSelector in a CiliumNetworkPolicy: host policies belong in a CiliumClusterwideNetworkPolicy',
        {
          expected: 'endpointSelector, or move the rule to a CiliumClusterwideNetworkPolicy'
        }
      )
    }
  })
  if (isPresent(raw, 'status')) {
    report(ctx, 'notice', ['status'], 'status is written by the cluster; it is ignored here')
  }
}

function checkRule(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  isCnpSpec: boolean
): void {
  const minor = ctx.options.minor
  const hasEndpoint = isPresent(rule, 'endpointSelector')
  const hasNode = isPresent(rule, 'nodeSelector')
  if (isCnpSpec && hasNode && !hasEndpoint) {
    agentError(
      ctx,
      at(path, 'nodeSelector'),
      'rule cannot have NodeSelector: a CiliumNetworkPolicy selects pods of its namespace (R4.3)',
      {
        expected: 'endpointSelector, or a CiliumClusterwideNetworkPolicy for a host policy'
      }
    )
  }
  const keysPresent = SECTIONS.some((section) => isPresent(rule, section))
  if (minor >= 18 && keysPresent && SECTIONS.every((section) => countOf(rule, section) === 0)) {
    agentError(
      ctx,
      path,
      'the rule has no ingress, ingressDeny, egress or egressDeny entries (Cilium 1.18+)',
      {
        expected: 'at least one non-empty section'
      }
    )
  }
  checkLabelSelector(ctx, field(rule, 'endpointSelector'), at(path, 'endpointSelector'), 'cilium')
  checkLabelSelector(ctx, field(rule, 'nodeSelector'), at(path, 'nodeSelector'), 'cilium')
  const host = hasNode && !hasEndpoint
  for (const section of SECTIONS) {
    const deny = section.endsWith('Deny')
    const scope: RuleScope = { direction: section.startsWith('ingress') ? 'ingress' : 'egress', deny, host }
    listField(rule, section).forEach((entry, index) => {
      if (!isRecord(entry)) return
      checkGroups(ctx, entry, at(path, section, index), scope.direction)
      // Deny rules were not sanitized before 1.18 (commit 557498b).
      if (!deny || minor >= 18) checkSectionRule(ctx, entry, at(path, section, index), scope)
    })
  }
  checkDefaultDenyFlag(ctx, rule, path)
}

function checkSectionRule(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  scope: RuleScope
): void {
  checkPeerKinds(ctx, rule, path, scope.direction)
  if (!scope.deny) checkL7Placement(ctx, rule, path, scope)
  checkIcmpAndNodes(ctx, rule, path, scope)
  const prefix = scope.direction === 'ingress' ? 'from' : 'to'
  for (const key of [`${prefix}Endpoints`, `${prefix}Requires`, `${prefix}Nodes`]) {
    listField(rule, key).forEach((selector, index) =>
      checkLabelSelector(ctx, selector, at(path, key, index), 'cilium')
    )
  }
  listField(rule, `${prefix}CIDRSet`).forEach((entry, index) => {
    const where = at(path, `${prefix}CIDRSet`, index)
    checkCidrRule(ctx, entry, where)
    checkLabelSelector(ctx, field(entry, 'cidrGroupSelector'), at(where, 'cidrGroupSelector'), 'cilium')
  })
  listField(rule, 'toFQDNs').forEach((selector, index) =>
    checkFqdnSelector(ctx, selector, at(path, 'toFQDNs', index))
  )
  const ingress = scope.direction === 'ingress'
  listField(rule, 'toPorts').forEach((entry, index) =>
    checkPortRule(ctx, entry, at(path, 'toPorts', index), { ingress, deny: scope.deny })
  )
  listField(rule, 'icmps').forEach((entry, index) => checkIcmpRule(ctx, entry, at(path, 'icmps', index)))
}

// R8.4 and the agent flags that gate ICMP and node selectors (docs/semantics.md §0, R7.6).
function checkIcmpAndNodes(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  scope: RuleScope
): void {
  const { agent } = ctx.options
  const icmps = countOf(rule, 'icmps')
  if (icmps > 0 && !agent.enableIcmpRules) {
    agentError(ctx, at(path, 'icmps'), 'ICMP rules need the agent flag enable-icmp-rules', {
      expected: 'enable-icmp-rules: true (the default)'
    })
  }
  if (icmps > 0 && countOf(rule, 'toPorts') > 0) {
    const message = 'the icmps block may only be present without toPorts in the same rule (R8.4)'
    agentError(ctx, at(path, 'icmps'), message, { expected: 'two rules: one with toPorts, one with icmps' })
  }
  const ingress = scope.direction === 'ingress'
  const nodesKey = ingress ? 'fromNodes' : 'toNodes'
  if (countOf(rule, nodesKey) > 0 && !agent.enableNodeSelectorLabels) {
    const entities = ingress ? 'fromEntities' : 'toEntities'
    agentError(
      ctx,
      at(path, nodesKey),
      `${nodesKey} needs the agent flag enable-node-selector-labels (R7.6)`,
      {
        expected: `enable-node-selector-labels: true in the agent settings, or ${entities}: [remote-node]`
      }
    )
  }
}

function checkPeerKinds(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  direction: Direction
): void {
  const used = PEER_KINDS[direction].filter((key) => countOf(rule, key) > 0)
  if (used.length < 2) return
  agentError(
    ctx,
    at(path, used[1]),
    `combining ${used[0]} and ${used[1]} in one rule is not supported (R5.7)`,
    {
      expected: 'one peer kind per rule; write one rule per peer kind'
    }
  )
}

// L7 needs the proxy; DNS is egress-only (checked per port rule); host policies allow little L7 (R4.4).
function checkL7Placement(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  scope: RuleScope
): void {
  const ports = listField(rule, 'toPorts')
  const index = ports.findIndex((entry) => hasL7Rules(field(entry, 'rules')))
  if (index < 0) return
  const where = at(path, 'toPorts', index, 'rules')
  if (!ctx.options.agent.enableL7Proxy) {
    agentError(ctx, where, 'L7 rules need the agent flag enable-l7-proxy', {
      expected: 'enable-l7-proxy: true (the default)'
    })
  }
  if (!scope.host) return
  const hostL7 = ports.some(
    (entry) => countOf(field(entry, 'rules'), 'http') + countOf(field(entry, 'rules'), 'kafka') > 0
  )
  if (ctx.options.minor <= 16 || scope.direction === 'ingress' || hostL7) {
    const allowed = ctx.options.minor <= 16 ? 'no L7 rules' : 'only DNS rules on egress'
    agentError(ctx, where, `host policies (nodeSelector) support ${allowed} (R4.4)`, {
      expected: 'L3/L4 rules only in a host policy'
    })
  }
}

// R7.7: the agent skips a policy with any groups rule; only the AWS operator's derivative applies.
function checkGroups(
  ctx: ValidationContext,
  rule: Record<string, unknown>,
  path: FieldPath,
  direction: Direction
): void {
  const key = direction === 'ingress' ? 'fromGroups' : 'toGroups'
  if (countOf(rule, key) === 0) return
  ctx.skipped = true
  report(
    ctx,
    'warning',
    at(path, key),
    `${key}: the policy is skipped by the agent without the AWS integration, so it has no effect (R7.7)`,
    {
      expected: `${direction === 'ingress' ? 'fromCIDRSet' : 'toCIDRSet'} with the security group's addresses`
    }
  )
}

function checkDefaultDenyFlag(ctx: ValidationContext, rule: Record<string, unknown>, path: FieldPath): void {
  const { minor, agent } = ctx.options
  if (minor >= 17 && !agent.enableNonDefaultDenyPolicies && isPresent(rule, 'enableDefaultDeny')) {
    report(
      ctx,
      'warning',
      at(path, 'enableDefaultDeny'),
      'enableDefaultDeny is ignored while the agent flag enable-non-default-deny-policies is false (R2.4)',
      {
        expected: 'enable-non-default-deny-policies: true (the default)'
      }
    )
  }
}
