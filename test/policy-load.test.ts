// loadPolicyText: from file text to policy documents, CIDR groups and diagnostics. The loader
// never throws for user content, and every diagnostic says file, line, column and field.
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Diagnostic } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import type { AgentSettings } from '../src/core/options.js'
import { loadPolicyText, MAX_POLICY_FILE_CHARS } from '../src/core/policy/load.js'
import type { LoadedPolicies } from '../src/core/policy/document.js'

const options = makeEngineOptions()
const load = (text: string, version?: string, agent?: Partial<AgentSettings>): LoadedPolicies =>
  loadPolicyText(text, 'policies.yaml', makeEngineOptions({ ciliumVersion: version, agent }))
const errors = (loaded: LoadedPolicies): Diagnostic[] =>
  loaded.diagnostics.filter((d) => d.severity === 'error')

const CNP = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  endpointSelector:
    matchLabels:
      app: web
  ingress:
  - fromEndpoints:
    - matchLabels:
        app: frontend
`
const KNP = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`
/** A CNP whose spec body (indented by two) is `body`. */
const cnpWith = (body: string, kind = 'CiliumNetworkPolicy'): string =>
  `apiVersion: cilium.io/v2\nkind: ${kind}\nmetadata:\n  name: p\n  namespace: shop\nspec:\n${body}`

describe('documents in a file', () => {
  it('reads every document of a multi-document file, skipping empty ones silently', () => {
    const loaded = loadPolicyText(`---\n${CNP}---\n---\n${KNP}---\n`, 'multi.yaml', options)
    expect(loaded.diagnostics).toEqual([])
    expect(
      loaded.policies.map((p) => [p.ref.kind, p.ref.namespace, p.ref.name, p.ref.line, p.valid])
    ).toEqual([
      ['CiliumNetworkPolicy', 'shop', 'web', 2, true],
      ['NetworkPolicy', 'shop', 'deny-all', 17, true]
    ])
    expect(loaded.policies[0].ref.file).toBe('multi.yaml')
    expect(loaded.policies[0].raw).toMatchObject({ kind: 'CiliumNetworkPolicy', spec: { ingress: [{}] } })
  })

  it('returns nothing for an empty file or a file of comments', () => {
    expect(loadPolicyText('', 'empty.yaml', options)).toEqual({
      policies: [],
      cidrGroups: [],
      diagnostics: []
    })
    expect(loadPolicyText('# nothing here\n---\n', 'c.yaml', options).diagnostics).toEqual([])
  })

  it('reads the items of a v1 List, with paths and lines inside it', () => {
    const list = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: networking.k8s.io/v1',
      '  kind: NetworkPolicy',
      '  metadata: {name: deny-all, namespace: shop}',
      '  spec: {podSelector: {}}',
      '- apiVersion: cilium.io/v2',
      '  kind: CiliumNetworkPolicy',
      '  metadata: {name: p, namespace: shop}',
      '  spec:',
      '    endpointSelector: {}',
      '    ingress: [{toPorts: [{ports: [{port: 80}]}]}]',
      ''
    ].join('\n')
    const loaded = loadPolicyText(list, 'list.yaml', options)
    expect(loaded.policies.map((p) => [p.ref.name, p.ref.line, p.valid])).toEqual([
      ['deny-all', 4, true],
      ['p', 8, false]
    ])
    expect(errors(loaded)).toEqual([
      expect.objectContaining({ path: 'items[1].spec.ingress[0].toPorts[0].ports[0].port', line: 13 })
    ])
  })

  it('accepts typed lists and says so when a List has no list of items', () => {
    const typed = `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicyList\nitems:\n- ${CNP.replace(/\n(?=.)/g, '\n  ')}`
    expect(loadPolicyText(typed, 'l.yaml', options).policies.map((p) => p.valid)).toEqual([true])
    const broken = loadPolicyText('apiVersion: v1\nkind: List\nitems: {a: 1}\n', 'l.yaml', options)
    expect(errors(broken)).toEqual([
      expect.objectContaining({ path: 'items', message: expect.stringContaining('items must be a list') })
    ])
  })

  it('ignores other kinds with a notice naming the kind', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n${KNP}`
    const loaded = loadPolicyText(text, 'mixed.yaml', options)
    expect(loaded.policies).toHaveLength(1)
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'notice',
        line: 1,
        message: 'ignored: Service (v1) is not a network policy'
      })
    ])
  })

  it('refuses documents that are no objects, or lack apiVersion or kind', () => {
    const loaded = load('just a string\n---\n[1, 2]\n---\nkind: Deployment\n---\napiVersion: v1\n')
    expect(errors(loaded).map((d) => [d.line, d.path, d.message.split(' (')[0]])).toEqual([
      [1, '', 'a Kubernetes object must be a mapping with apiVersion and kind'],
      [3, '', 'a Kubernetes object must be a mapping with apiVersion and kind'],
      [5, 'apiVersion', 'the object has no apiVersion'],
      [7, 'kind', 'the object has no kind']
    ])
  })

  it('still returns a known kind without apiVersion, as invalid, so reports can name it', () => {
    const loaded = load(CNP.replace('apiVersion: cilium.io/v2\n', ''))
    expect(loaded.policies.map((p) => [p.ref.name, p.valid])).toEqual([['web', false]])
    expect(errors(loaded)[0]).toMatchObject({ path: 'apiVersion', object: 'CiliumNetworkPolicy shop/web' })
  })

  it('warns when the same object is defined twice, as kubectl keeps the last', () => {
    const loaded = load(`${KNP}---\n${KNP}`)
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 10,
        message: expect.stringContaining('defined twice')
      })
    ])
  })
})

describe('objects exported from a cluster', () => {
  it('load cleanly with server-set metadata and status (a notice says status is ignored)', () => {
    const exported = [
      'apiVersion: cilium.io/v2',
      'kind: CiliumNetworkPolicy',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      '  uid: 0b1c6c1e-3e4d-4a8e-9a59-000000000000',
      '  resourceVersion: "12345"',
      '  generation: 2',
      '  creationTimestamp: "2025-01-01T00:00:00Z"',
      '  annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}"}',
      '  managedFields: [{manager: kubectl, operation: Update}]',
      'spec: {endpointSelector: {}, ingress: [{}]}',
      'status:',
      '  conditions: [{type: Valid, status: "True"}]',
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: deny-all, namespace: shop, creationTimestamp: null}',
      'spec: {podSelector: {}}',
      'status: {}',
      ''
    ].join('\n')
    const loaded = loadPolicyText(exported, 'exported.yaml', options)
    expect(loaded.policies.map((p) => p.valid)).toEqual([true, true])
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ severity: 'notice', path: 'status' })])
  })
})

describe('namespaces', () => {
  it('puts a CNP or KNP without namespace into "default", with a notice', () => {
    const loaded = load(KNP.replace('  namespace: shop\n', ''))
    expect(loaded.policies[0].ref).toMatchObject({ namespace: 'default', name: 'deny-all' })
    expect(loaded.policies[0].valid).toBe(true)
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ severity: 'notice', path: 'metadata' })])
  })

  it('ignores the namespace of a CCNP, with a notice', () => {
    const loaded = load(
      cnpWith('  endpointSelector: {}\n  ingress: [{}]\n', 'CiliumClusterwideNetworkPolicy')
    )
    expect(loaded.policies[0].ref.namespace).toBeUndefined()
    expect(loaded.policies[0].valid).toBe(true)
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'notice',
        path: 'metadata.namespace',
        object: 'CiliumClusterwideNetworkPolicy p'
      })
    ])
  })
})

describe('CIDR groups', () => {
  const group = (apiVersion: string, cidrs = '[192.0.2.0/24, "2001:db8::/32"]'): string =>
    `apiVersion: ${apiVersion}\nkind: CiliumCIDRGroup\nmetadata:\n  name: corp\n  labels: {team: net}\nspec:\n  externalCIDRs: ${cidrs}\n`

  it('collects a cilium.io/v2alpha1 CiliumCIDRGroup', () => {
    const loaded = loadPolicyText(`${CNP}---\n${group('cilium.io/v2alpha1')}`, 'groups.yaml', options)
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.cidrGroups).toEqual([
      {
        name: 'corp',
        labels: { team: 'net' },
        externalCIDRs: ['192.0.2.0/24', '2001:db8::/32'],
        file: 'groups.yaml',
        line: 15
      }
    ])
  })

  it('accepts cilium.io/v2 from Cilium 1.18, where the CRD serves it', () => {
    expect(load(group('cilium.io/v2'), '1.18.0').cidrGroups).toHaveLength(1)
    const older = load(group('cilium.io/v2'), '1.17.3')
    expect(older.cidrGroups).toEqual([])
    expect(errors(older)[0]).toMatchObject({ path: 'apiVersion', value: '"cilium.io/v2"' })
  })

  it('drops a group the API server would refuse', () => {
    const loaded = load(group('cilium.io/v2alpha1', '[10.0.0.1]'))
    expect(loaded.cidrGroups).toEqual([])
    expect(errors(loaded)).toEqual([expect.objectContaining({ path: 'spec.externalCIDRs[0]' })])
    expect(
      errors(load('apiVersion: cilium.io/v2alpha1\nkind: CiliumCIDRGroup\nmetadata: {name: x}\n'))[0].path
    ).toBe('spec')
  })
})

describe('policies embedded in another file', () => {
  it('shifts every line and column by the origin', () => {
    const origin = { lineOffset: 20, columnOffset: 2 }
    const text = `${CNP}---\n${cnpWith('  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [{port: "80", protocol: tcp}]}]}]\n')}`
    const plain = loadPolicyText(text, 'case.yaml', options)
    const shifted = loadPolicyText(text, 'case.yaml', options, origin)
    expect(shifted.policies.map((p) => p.ref.line)).toEqual(plain.policies.map((p) => p.ref.line + 20))
    expect(shifted.diagnostics).toEqual(
      plain.diagnostics.map((d) => ({ ...d, line: d.line + 20, column: d.column + 2 }))
    )
    expect(shifted.diagnostics[0]).toMatchObject({
      line: 22 + 20,
      path: expect.stringContaining('protocol')
    })
  })

  it('shifts YAML syntax errors too, but leaves whole-file problems at line 0', () => {
    const origin = { lineOffset: 7, columnOffset: 4 }
    expect(loadPolicyText('a: [1\n', 'case.yaml', options, origin).diagnostics[0].line).toBeGreaterThan(7)
    expect(loadPolicyText('\u0000', 'case.yaml', options, origin).diagnostics[0]).toMatchObject({
      line: 0,
      column: 0
    })
  })
})

describe('files that are not policy text', () => {
  it('refuses a 20 MB file at once, without parsing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachdiff-big-'))
    try {
      const file = join(dir, 'big.yaml')
      const line = '# padding padding padding padding padding padding padding padding padding padding\n'
      writeFileSync(file, `${CNP}${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}`)
      const text = readFileSync(file, 'utf8')
      const started = performance.now()
      const loaded = loadPolicyText(text, 'big.yaml', options)
      expect(performance.now() - started).toBeLessThan(50)
      expect(loaded.policies).toEqual([])
      expect(loaded.diagnostics).toEqual([
        expect.objectContaining({
          severity: 'error',
          line: 0,
          message: expect.stringMatching(/file is 20\.0 MiB .*larger than the 4 MiB limit/)
        })
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads a file of exactly the limit', () => {
    const text = `${CNP}${'#'.repeat(MAX_POLICY_FILE_CHARS - CNP.length - 1)}\n`
    expect(text.length).toBe(MAX_POLICY_FILE_CHARS)
    expect(loadPolicyText(text, 'edge.yaml', options).policies).toHaveLength(1)
  })

  it.each([
    ['a NUL byte', `${CNP}\u0000`],
    ['an invalid UTF-8 sequence, decoded as U+FFFD', `${CNP}# caf\uFFFD\n`]
  ])('refuses text with %s as binary', (_, text) => {
    const loaded = loadPolicyText(text, 'bin.yaml', options)
    expect(loaded.policies).toEqual([])
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ line: 0, message: expect.stringContaining('binary or non-UTF-8 file') })
    ])
  })
})
