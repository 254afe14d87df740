// Namespace objects kept beside the policies: their labels are what namespace selectors see,
// and a generated topology places pods in them.
import { describe, expect, it } from '@jest/globals'
import { createEngine } from '../src/core/engine/engine.js'
import { makeEngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import { generateTopology } from '../src/core/topology/generate.js'

const options = makeEngineOptions()
const files = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: blue}}
---
apiVersion: v1
kind: Namespace
metadata: {name: tools}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-blue, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{from: [{namespaceSelector: {matchLabels: {team: blue}}}]}]
`

describe('Namespace objects beside the policies', () => {
  it('are loaded with their labels, and not reported as ignored', () => {
    const loaded = loadPolicyText(files, 'ns.yaml', options)
    expect(loaded.namespaces).toEqual([
      { name: 'shop', labels: { team: 'blue', 'kubernetes.io/metadata.name': 'shop' } },
      { name: 'tools', labels: { 'kubernetes.io/metadata.name': 'tools' } }
    ])
    expect(loaded.diagnostics.filter((d) => d.message.startsWith('ignored'))).toEqual([])
  })

  it('place generated pods in the declared namespaces, with the declared labels', () => {
    const loaded = loadPolicyText(files, 'ns.yaml', options)
    const topology = generateTopology([normalizePolicies(loaded, options)], options, loaded.namespaces)
    expect(topology.namespaces.map((n) => n.name)).toEqual(['shop', 'tools', 'unmentioned'])
    expect(topology.pods.filter((p) => p.name === 'outsider').map((p) => p.namespace)).toEqual([
      'shop',
      'tools',
      'unmentioned'
    ])
    const engine = createEngine(normalizePolicies(loaded, options), topology, options)
    const web = topology.pods.find((p) => p.labels.app === 'web')!
    const verdict = (from: string): string =>
      engine.decideFlow({ from, to: `${web.namespace}/${web.name}`, protocol: 'TCP', port: 80 }).verdict
    expect(verdict('shop/outsider')).toBe('allow') // shop carries team=blue
    expect(verdict('tools/outsider')).toBe('deny')
  })
})
