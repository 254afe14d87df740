// Policies go to kubectl, which reads YAML 1.1 (sigs.k8s.io/yaml on go-yaml v2).
import { describe, expect, it } from '@jest/globals'
import { makeEngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { parseYamlDocuments } from '../src/core/yaml-source.js'

const policy = (labels: string): string => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: p
  namespace: default
  labels: ${labels}
spec:
  endpointSelector: {}
  ingress: [{}]
`

describe('YAML 1.1 booleans in a policy', () => {
  it.each([
    ['on', true],
    ['yes', true],
    ['Y', true],
    ['OFF', false],
    ['no', false],
    ['n', false]
  ])('reports an unquoted label value %s as the boolean %s kubectl reads', (word, value) => {
    const loaded = loadPolicyText(policy(`{feature: ${word}}`), 'p.yaml', makeEngineOptions())
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        file: 'p.yaml',
        line: 6,
        path: 'metadata.labels.feature',
        value: word,
        message: expect.stringContaining(`is the boolean ${value} to kubectl (YAML 1.1)`)
      })
    )
  })

  it('reports a plain diagnostic, nothing more', () => {
    const [found] = loadPolicyText(policy('{feature: on}'), 'p.yaml', makeEngineOptions()).diagnostics
    expect(Object.keys(found).sort()).toEqual([
      'column',
      'expected',
      'file',
      'line',
      'message',
      'path',
      'severity',
      'value'
    ])
  })

  it('reports a key kubectl would turn into "true"', () => {
    const loaded = loadPolicyText(policy('{on: x}'), 'p.yaml', makeEngineOptions())
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({ path: 'metadata.labels', message: expect.stringContaining('the key "true"') })
    )
  })

  it.each(['"on"', "'yes'", 'true', 'onward', 'nope'])('accepts %s', (word) => {
    const loaded = loadPolicyText(policy(`{feature: ${word}}`), 'p.yaml', makeEngineOptions())
    expect(loaded.diagnostics.filter((d) => d.message.includes('YAML 1.1'))).toEqual([])
  })
})

describe('merge keys', () => {
  it('are merged, as kubectl merges them', () => {
    const text = `base: &base {app: web, tier: front}\nlabels:\n  <<: *base\n  tier: back\n`
    const [document] = parseYamlDocuments(text, 'm.yaml').documents
    expect(document.value).toEqual({
      base: { app: 'web', tier: 'front' },
      labels: { app: 'web', tier: 'back' }
    })
  })

  it('let a policy share its selector', () => {
    const text = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: p, namespace: default}
spec:
  endpointSelector:
    matchLabels: &web {app: web}
  ingress:
  - fromEndpoints:
    - matchLabels:
        <<: *web
        role: client
`
    const loaded = loadPolicyText(text, 'p.yaml', makeEngineOptions())
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(loaded.policies[0].valid).toBe(true)
  })
})
