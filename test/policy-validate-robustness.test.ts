// Hostile and malformed content: the loader reports it and never throws (fuzz-ish inputs:
// wrong types everywhere, prototype keys, huge and deeply nested values).
import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import type { LoadedPolicies } from '../src/core/policy/document.js'

const load = (text: string): LoadedPolicies => loadPolicyText(text, 'policies.yaml', makeEngineOptions())
const errors = (loaded: LoadedPolicies): Diagnostic[] =>
  loaded.diagnostics.filter((d) => d.severity === 'error')
const messages = (loaded: LoadedPolicies): string => loaded.diagnostics.map((d) => d.message).join('\n')
const cnpWith = (body: string): string =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n${body}`

describe('hostile and malformed content', () => {
  it('treats __proto__ and constructor keys as plain unknown keys, polluting nothing', () => {
    const text = cnpWith(
      '  __proto__: {polluted: true}\n  constructor: {prototype: {polluted: true}}\n  endpointSelector:\n    matchLabels: {__proto__: x, constructor: y}\n  ingress: [{}]\n'
    )
    const loaded = load(text)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(loaded.policies[0].valid).toBe(false)
    expect(errors(loaded).map((d) => d.path)).toEqual([
      // `y` is the boolean true to kubectl (YAML 1.1)
      'spec.endpointSelector.matchLabels.constructor',
      'spec.__proto__',
      'spec.constructor',
      'spec.endpointSelector.matchLabels.__proto__'
    ])
    expect(messages(load(cnpWith('  endpointSelector: {}\n  ingress:\n  - toString: 1\n')))).toMatch(
      /unknown field "toString"/
    )
  })

  it.each([
    ['a number for spec', 'spec: 5'],
    ['a string for a rule list', 'spec:\n  endpointSelector: {}\n  ingress: "all"'],
    ['lists of lists', 'spec:\n  endpointSelector: {}\n  ingress: [[1, 2], [[3]]]'],
    ['numbers for selectors', 'spec:\n  endpointSelector: 7\n  egress: [{toEndpoints: [1, null, true]}]'],
    [
      'objects for strings',
      'spec:\n  endpointSelector: {}\n  egress: [{toCIDR: [{a: 1}], toEntities: [[]]}]'
    ],
    ['null items', 'spec:\n  endpointSelector: {}\n  ingress: [null, {toPorts: [null, {ports: [null]}]}]'],
    ['a huge key', `spec:\n  endpointSelector: {}\n  ${'k'.repeat(100_000)}: 1\n  ingress: [{}]`],
    [
      'a huge port',
      `spec:\n  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [{port: "${'a1'.repeat(200_000)}!"}]}]}]`
    ],
    ['deep nesting', `spec:\n  endpointSelector: {}\n  ingress: ${'['.repeat(60)}${']'.repeat(60)}`],
    ['metadata as a list', 'spec: {endpointSelector: {}, ingress: [{}]}\nmetadata: [name]'],
    ['specs of scalars', 'specs: [1, "two", null]']
  ])('survives %s with errors, never an exception', (_, body) => {
    const text = `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\n${body.startsWith('metadata') ? '' : 'metadata: {name: p}\n'}${body}\n`
    const loaded = load(text)
    expect(errors(loaded).length).toBeGreaterThan(0)
    expect(loaded.policies.every((p) => !p.valid)).toBe(true)
    for (const d of loaded.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1)
      expect((d.value ?? '').length).toBeLessThanOrEqual(80)
    }
  })

  it('survives the same garbage in a NetworkPolicy', () => {
    const loaded = load(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec:\n  podSelector: []\n  ingress: [{from: [{ipBlock: {cidr: 5, except: [{}]}}], ports: [{port: 1.5, endPort: "9"}]}]\n  policyTypes: {Ingress: true}\n'
    )
    expect(errors(loaded).map((d) => d.path)).toEqual([
      'metadata.name', // `n` is the boolean false to kubectl (YAML 1.1)
      'spec.podSelector',
      'spec.ingress[0].from[0].ipBlock.cidr',
      'spec.ingress[0].from[0].ipBlock.except[0]',
      'spec.ingress[0].ports[0].port',
      'spec.ingress[0].ports[0].endPort',
      'spec.policyTypes'
    ])
  })
})
