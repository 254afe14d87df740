// Kubernetes NetworkPolicy (networking.k8s.io/v1): the typed shape, then the API server's
// `ValidateNetworkPolicy` (ports, peers, ipBlock, selectors). Everything here is refused by the
// API server; the one Cilium-specific remark is that ≤1.15 ignores `endPort` (R10.1, and §13 of
// docs/semantics.md).
import type { FieldPath } from '../../yaml-source.js'
import { apiError, at, field, isPresent, isRecord, listField, report } from './context.js'
import type { ValidationContext } from './context.js'
import { isKubernetesPortName, parsePrefix, prefixContains } from './net.js'
import type { SchemaNode } from './schema.js'
import { walkSchema } from './schema.js'
import { any, LABEL_SELECTOR, listOf, object, string } from './schema-build.js'
import { checkLabelSelector } from './selector.js'

const port = object({
  protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
  port: { type: 'intOrString' },
  endPort: { type: 'integer' }
})
const peer = object({
  podSelector: LABEL_SELECTOR,
  namespaceSelector: LABEL_SELECTOR,
  ipBlock: object({ cidr: string, except: listOf(string) }, { required: ['cidr'] })
})

const KNP_SCHEMA: SchemaNode = object(
  {
    apiVersion: string,
    kind: string,
    metadata: any,
    // NetworkPolicyStatus existed (alpha) in Kubernetes 1.24–1.26; exports may carry `status: {}`.
    status: any,
    spec: object(
      {
        podSelector: LABEL_SELECTOR,
        ingress: listOf(object({ from: listOf(peer), ports: listOf(port) })),
        egress: listOf(object({ to: listOf(peer), ports: listOf(port) })),
        policyTypes: listOf({ type: 'string', enum: ['Ingress', 'Egress'] })
      },
      { required: ['podSelector'] }
    )
  },
  { required: ['spec'] }
)

export function validateKnp(ctx: ValidationContext, raw: Record<string, unknown>): void {
  walkSchema(ctx, raw, KNP_SCHEMA, [])
  const spec = field(raw, 'spec')
  if (!isRecord(spec)) return
  checkLabelSelector(ctx, field(spec, 'podSelector'), ['spec', 'podSelector'], 'kubernetes')
  const policyTypes = listField(spec, 'policyTypes')
  if (policyTypes.length > 2) {
    apiError(ctx, ['spec', 'policyTypes'], 'policyTypes may list at most two types', {
      value: policyTypes,
      expected: '[Ingress, Egress]'
    })
  }
  for (const [section, peers] of [
    ['ingress', 'from'],
    ['egress', 'to']
  ] as const) {
    listField(spec, section).forEach((rule, index) => {
      const path = at(['spec'], section, index)
      listField(rule, peers).forEach((entry, i) => checkPeer(ctx, entry, at(path, peers, i)))
      listField(rule, 'ports').forEach((entry, i) => checkPort(ctx, entry, at(path, 'ports', i)))
    })
  }
}

function checkPeer(ctx: ValidationContext, entry: unknown, path: FieldPath): void {
  if (!isRecord(entry)) return
  const kinds = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) => isPresent(entry, key))
  if (kinds.length === 0) {
    apiError(ctx, path, 'a peer must set podSelector, namespaceSelector or ipBlock', {
      expected: 'podSelector and/or namespaceSelector, or ipBlock'
    })
  } else if (kinds.includes('ipBlock') && kinds.length > 1) {
    apiError(
      ctx,
      at(path, 'ipBlock'),
      'ipBlock cannot be combined with podSelector or namespaceSelector in one peer',
      {
        expected: 'two peers: one with ipBlock, one with the selectors'
      }
    )
  }
  checkLabelSelector(ctx, field(entry, 'podSelector'), at(path, 'podSelector'), 'kubernetes')
  checkLabelSelector(ctx, field(entry, 'namespaceSelector'), at(path, 'namespaceSelector'), 'kubernetes')
  checkIpBlock(ctx, field(entry, 'ipBlock'), at(path, 'ipBlock'))
}

const CIDR_EXPECTED = 'an address with a prefix length, such as 10.0.0.0/8 or 2001:db8::/32'

function checkIpBlock(ctx: ValidationContext, block: unknown, path: FieldPath): void {
  const cidr = field(block, 'cidr')
  if (typeof cidr !== 'string') return
  const prefix = parsePrefix(cidr)
  if (!prefix) {
    apiError(ctx, at(path, 'cidr'), `cidr "${cidr.slice(0, 80)}" is not a CIDR prefix`, {
      value: cidr,
      expected: CIDR_EXPECTED
    })
    return
  }
  listField(block, 'except').forEach((text, index) => {
    if (typeof text !== 'string') return
    const except = parsePrefix(text)
    if (!except) {
      apiError(ctx, at(path, 'except', index), `except "${text.slice(0, 80)}" is not a CIDR prefix`, {
        value: text,
        expected: CIDR_EXPECTED
      })
    } else if (
      except.family !== prefix.family ||
      except.bits <= prefix.bits ||
      !prefixContains(prefix, except)
    ) {
      apiError(ctx, at(path, 'except', index), `except ${text} must be a strict subset of cidr ${cidr}`, {
        value: text,
        expected: `a longer prefix inside ${cidr}`
      })
    }
  })
}

function checkPort(ctx: ValidationContext, entry: unknown, path: FieldPath): void {
  if (!isRecord(entry)) return
  const value = field(entry, 'port')
  if (typeof value === 'number' && Number.isInteger(value) && (value < 1 || value > 65535)) {
    apiError(ctx, at(path, 'port'), `port ${value} is out of range`, {
      value,
      expected: 'a port number from 1 to 65535, or leave port out for all ports'
    })
  } else if (typeof value === 'string' && !isKubernetesPortName(value)) {
    const numeric = /^[0-9]+$/.test(value)
    apiError(
      ctx,
      at(path, 'port'),
      numeric
        ? `port "${value}" is a quoted number, which Kubernetes reads as a port name`
        : `port "${value.slice(0, 80)}" is not a valid port name`,
      {
        value,
        expected: numeric
          ? `the unquoted number ${value}`
          : 'a number 1–65535, or a port name: 1–15 lowercase letters, digits and single inner "-", at least one letter'
      }
    )
  }
  checkEndPort(ctx, entry, value, path)
}

function checkEndPort(
  ctx: ValidationContext,
  entry: Record<string, unknown>,
  value: unknown,
  path: FieldPath
): void {
  const endPort = field(entry, 'endPort')
  if (typeof endPort !== 'number' || !Number.isInteger(endPort)) return
  if (value === undefined || value === null) {
    apiError(ctx, at(path, 'endPort'), 'endPort needs a port', {
      value: endPort,
      expected: 'port: <first port of the range>'
    })
  } else if (typeof value === 'string') {
    apiError(ctx, at(path, 'endPort'), 'endPort needs a numeric port, not a port name', {
      value: endPort,
      expected: 'a numeric port'
    })
  } else if (typeof value === 'number' && endPort < value) {
    apiError(ctx, at(path, 'endPort'), `endPort ${endPort} must be greater than or equal to port ${value}`, {
      value: endPort,
      expected: `an endPort of at least ${value}`
    })
  } else if (endPort < 1 || endPort > 65535) {
    apiError(ctx, at(path, 'endPort'), `endPort ${endPort} is out of range`, {
      value: endPort,
      expected: 'a port number from 1 to 65535'
    })
  } else if (ctx.options.minor <= 15) {
    report(
      ctx,
      'warning',
      at(path, 'endPort'),
      'Cilium 1.15 ignores endPort in a NetworkPolicy: only the first port is allowed (R10.1)',
      {
        value: endPort,
        expected: 'Cilium 1.16 or later for port ranges'
      }
    )
  }
}
