// Policy files → policy documents, CIDR groups and diagnostics. The loader never throws for
// user content: whatever the text, it returns what it could read and says, with file, line
// and column, what it could not. Validation is delegated per kind (validate-*.ts).
import type { Diagnostic } from '../model.js'
import type { EngineOptions } from '../options.js'
import { parseYamlDocuments, yamlLimitsFor } from '../yaml-source.js'
import type { FieldPath, Position } from '../yaml-source.js'
import { yaml11Diagnostics } from '../yaml-1-1.js'
import { describePolicy, emptyLoadedPolicies } from './document.js'
import type { LoadedPolicies, PolicyKind, PolicyRef } from './document.js'
import { validateCiliumPolicy } from './validate/cilium.js'
import { apiError, field, formatValue, isRecord, report } from './validate/context.js'
import type { ValidationContext } from './validate/context.js'
import { validateKnp } from './validate/knp.js'
import { readIdentity, validateCidrGroup, validateMetadata } from './validate/metadata.js'

/** Larger files are refused unread: policy repositories hold small files, and parsing is not free. */
export const MAX_POLICY_FILE_CHARS = 4 * 1024 * 1024

export interface TextOrigin {
  lineOffset: number
  columnOffset: number
}

const API_VERSIONS: Record<PolicyKind, string> = {
  NetworkPolicy: 'networking.k8s.io/v1',
  CiliumNetworkPolicy: 'cilium.io/v2',
  CiliumClusterwideNetworkPolicy: 'cilium.io/v2'
}

function isPolicyKind(kind: unknown): kind is PolicyKind {
  return typeof kind === 'string' && Object.hasOwn(API_VERSIONS, kind)
}

// `kubectl get -o yaml` wraps objects in a v1 List; typed lists are accepted the same way.
const LIST_KINDS: Record<string, string> = {
  List: 'v1',
  NetworkPolicyList: 'networking.k8s.io/v1',
  CiliumNetworkPolicyList: 'cilium.io/v2',
  CiliumClusterwideNetworkPolicyList: 'cilium.io/v2'
}

const MAX_LIST_DEPTH = 3

/** Kinds whose pods join the topology (core/topology/workloads.ts), with their apiVersion. */
export const WORKLOAD_KINDS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Pod: 'v1'
}

interface LoadEnv {
  file: string
  options: EngineOptions
  locate: (path: FieldPath) => Position
  out: LoadedPolicies
}

export function loadPolicyText(
  text: string,
  file: string,
  options: EngineOptions,
  origin?: TextOrigin
): LoadedPolicies {
  const out = emptyLoadedPolicies()
  const refusal = refuseText(text, file)
  if (refusal) {
    out.diagnostics.push(refusal)
    out.unread = [{ file, line: 0 }]
    return out
  }
  const shift = (position: Position): Position => shiftPosition(position, origin)
  const parsed = parseYamlDocuments(text, file, yamlLimitsFor(options.limits))
  out.diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, ...shift(d) })))
  const broken = firstBrokenLine(out.diagnostics)
  if (broken !== undefined) out.unread = [{ file, line: broken }]
  if (parsed.nodes > 0) out.yamlNodes = parsed.nodes
  for (const document of parsed.documents) {
    out.diagnostics.push(...yaml11Diagnostics(document, file, shift))
    const env: LoadEnv = { file, options, locate: (path) => shift(document.locate(path)), out }
    // An empty document (`---` with nothing after it) is how many files end: not a problem.
    if (document.value !== null && document.value !== undefined) loadValue(env, document.value, [], 0)
  }
  warnDuplicates(out)
  return out
}

/** Whole-file refusals, checked before any parsing: size first, as that check is free. */
function refuseText(text: string, file: string): Diagnostic | undefined {
  const whole = { file, line: 0, column: 0, path: '' }
  if (text.length > MAX_POLICY_FILE_CHARS) {
    const mib = (text.length / (1024 * 1024)).toFixed(1)
    return {
      severity: 'error',
      ...whole,
      message: `file is ${mib} MiB (${text.length} characters), larger than the 4 MiB limit; it was not read`,
      expected: 'a policy file of at most 4 MiB'
    }
  }
  // The decoder turns invalid UTF-8 into U+FFFD; NUL never occurs in YAML text.
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return {
      severity: 'error',
      ...whole,
      message: 'binary or non-UTF-8 file: it holds NUL bytes or invalid UTF-8 sequences',
      expected: 'UTF-8 YAML text'
    }
  }
  return undefined
}

/**
 * kubectl decodes a file document by document and stops at the first that fails to decode
 * (StreamVisitor.Visit in k8s.io/cli-runtime pkg/resource/visitor.go): the earliest YAML
 * error is where the applied part of the file ends. Line 0 (unknown) means the whole file.
 */
function firstBrokenLine(diagnostics: readonly Diagnostic[]): number | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length === 0) return undefined
  const lines = errors.map((d) => d.line)
  return lines.includes(0) ? 0 : Math.min(...lines)
}

function shiftPosition(position: Position, origin: TextOrigin | undefined): Position {
  if (!origin || position.line === 0) return position
  return {
    line: position.line + origin.lineOffset,
    column: position.column === 0 ? 0 : position.column + origin.columnOffset
  }
}

function newContext(env: LoadEnv, base: FieldPath, object?: string): ValidationContext {
  return {
    file: env.file,
    options: env.options,
    object,
    base,
    locate: env.locate,
    diagnostics: env.out.diagnostics,
    errors: 0,
    skipped: false
  }
}

function loadValue(env: LoadEnv, value: unknown, base: FieldPath, depth: number): void {
  const ctx = newContext(env, base)
  if (!isRecord(value)) {
    apiError(ctx, [], 'a Kubernetes object must be a mapping with apiVersion and kind', {
      value,
      expected: 'apiVersion: ..., kind: ..., metadata: ..., spec: ...'
    })
    return
  }
  const apiVersion = field(value, 'apiVersion')
  const kind = field(value, 'kind')
  if (typeof kind !== 'string' || kind === '' || typeof apiVersion !== 'string' || apiVersion === '') {
    const missing = [
      typeof apiVersion === 'string' && apiVersion !== '' ? '' : 'apiVersion',
      typeof kind === 'string' && kind !== '' ? '' : 'kind'
    ]
      .filter(Boolean)
      .join(' and ')
    // A known kind is still returned (invalid) so that reports can name it.
    if (isPolicyKind(kind)) return loadPolicy(env, value, base, kind)
    const where = typeof kind === 'string' && kind !== '' ? ['apiVersion'] : ['kind']
    apiError(ctx, where, `the object has no ${missing}`, {
      expected: 'apiVersion and kind, e.g. apiVersion: cilium.io/v2, kind: CiliumNetworkPolicy'
    })
    return
  }
  if (isPolicyKind(kind)) return loadPolicy(env, value, base, kind)
  if (Object.hasOwn(LIST_KINDS, kind)) return loadList(env, value, base, depth)
  if (kind === 'CiliumCIDRGroup') return loadCidrGroup(env, value, base)
  if (kind === 'Namespace' && apiVersion === 'v1') return loadNamespace(env, value, base)
  if (Object.hasOwn(WORKLOAD_KINDS, kind) && WORKLOAD_KINDS[kind] === apiVersion) {
    env.out.workloads ??= []
    env.out.workloads.push({ kind, raw: value, file: env.file, line: env.locate(base).line })
    return
  }
  report(
    ctx,
    'notice',
    [],
    `ignored: ${kind.slice(0, 80)} (${apiVersion.slice(0, 80)}) is not a network policy`
  )
}

function loadList(env: LoadEnv, value: Record<string, unknown>, base: FieldPath, depth: number): void {
  const ctx = newContext(env, base)
  const kind = String(field(value, 'kind'))
  if (field(value, 'apiVersion') !== LIST_KINDS[kind]) {
    apiError(ctx, ['apiVersion'], `a ${kind} has apiVersion ${LIST_KINDS[kind]}`, {
      value: field(value, 'apiVersion'),
      expected: LIST_KINDS[kind]
    })
  }
  const items = field(value, 'items')
  if (depth >= MAX_LIST_DEPTH) {
    apiError(ctx, ['items'], 'lists nested this deep are not read', {
      expected: 'a List whose items are objects'
    })
  } else if (!Array.isArray(items)) {
    if (items !== undefined && items !== null) {
      apiError(ctx, ['items'], `items must be a list, not ${formatValue(items, 20)}`, {
        value: items,
        expected: 'a list of objects'
      })
    }
  } else {
    items.forEach((item, index) => loadValue(env, item, [...base, 'items', index], depth + 1))
  }
}

function loadPolicy(env: LoadEnv, raw: Record<string, unknown>, base: FieldPath, kind: PolicyKind): void {
  const identity = readIdentity(raw)
  const clusterScoped = kind === 'CiliumClusterwideNetworkPolicy'
  const name = identity.name || '(unnamed)'
  const namespace = clusterScoped ? undefined : identity.namespace || 'default'
  const ctx = newContext(env, base, describePolicy({ kind, namespace, name }))
  if (field(raw, 'apiVersion') !== API_VERSIONS[kind]) {
    apiError(ctx, ['apiVersion'], `a ${kind} has apiVersion ${API_VERSIONS[kind]}`, {
      value: field(raw, 'apiVersion') ?? null,
      expected: API_VERSIONS[kind]
    })
  }
  validateMetadata(ctx, raw)
  if (!clusterScoped && !identity.namespace) {
    report(
      ctx,
      'notice',
      ['metadata'],
      'metadata.namespace is missing: the policy goes to namespace "default", as kubectl apply would put it'
    )
  } else if (clusterScoped && identity.namespace) {
    report(
      ctx,
      'notice',
      ['metadata', 'namespace'],
      'a CiliumClusterwideNetworkPolicy is cluster-scoped: metadata.namespace is ignored'
    )
  }
  if (kind === 'NetworkPolicy') validateKnp(ctx, raw)
  else validateCiliumPolicy(ctx, raw, kind)
  const ref: PolicyRef = { kind, name, file: env.file, line: env.locate(base).line }
  if (namespace !== undefined) ref.namespace = namespace
  env.out.policies.push({ ref, raw, valid: ctx.errors === 0 && !ctx.skipped })
}

// R7.8: `cilium.io/v2alpha1`; the CRD also serves `cilium.io/v2` from 1.18, v2alpha1 then deprecated.
function loadCidrGroup(env: LoadEnv, raw: Record<string, unknown>, base: FieldPath): void {
  const identity = readIdentity(raw)
  const ctx = newContext(env, base, `CiliumCIDRGroup ${identity.name || '(unnamed)'}`)
  const apiVersion = field(raw, 'apiVersion')
  const served = env.options.minor >= 18 ? ['cilium.io/v2alpha1', 'cilium.io/v2'] : ['cilium.io/v2alpha1']
  if (typeof apiVersion !== 'string' || !served.includes(apiVersion)) {
    apiError(
      ctx,
      ['apiVersion'],
      `a CiliumCIDRGroup has apiVersion ${served.join(' or ')} on Cilium 1.${env.options.minor}`,
      {
        value: apiVersion,
        expected: served.join(' | ')
      }
    )
  }
  const group = validateCidrGroup(ctx, raw, env.locate(base).line)
  if (group) env.out.cidrGroups.push(group)
}

/**
 * A Namespace kept beside the policies declares a namespace and its labels: namespace
 * selectors match those labels, and a generated topology places pods there.
 */
function loadNamespace(env: LoadEnv, raw: Record<string, unknown>, base: FieldPath): void {
  const identity = readIdentity(raw)
  const ctx = newContext(env, base, `Namespace ${identity.name || '(unnamed)'}`)
  validateMetadata(ctx, raw)
  const metadata = field(raw, 'metadata')
  const rawLabels = isRecord(metadata) ? field(metadata, 'labels') : undefined
  const labels: Record<string, string> = {}
  if (isRecord(rawLabels)) {
    for (const [key, value] of Object.entries(rawLabels)) if (typeof value === 'string') labels[key] = value
  }
  if (ctx.errors === 0 && identity.name) {
    env.out.namespaces ??= []
    env.out.namespaces.push({
      name: identity.name,
      labels: { ...labels, 'kubernetes.io/metadata.name': identity.name }
    })
  }
}

/** kubectl apply keeps the last of two objects with the same kind, namespace and name. */
function warnDuplicates(out: LoadedPolicies): void {
  const seen = new Map<string, PolicyRef>()
  for (const policy of out.policies) {
    const key = describePolicy(policy.ref)
    const earlier = seen.get(key)
    if (earlier) {
      out.diagnostics.push({
        severity: 'warning',
        file: policy.ref.file,
        line: policy.ref.line,
        column: 0,
        path: '',
        message: `${key} is defined twice in this file (first at line ${earlier.line}); kubectl apply keeps the last one`,
        object: key
      })
    }
    seen.set(key, policy.ref)
  }
}
