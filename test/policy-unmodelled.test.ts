// What reachdiff does not model is said, not hidden: one notice per policy and field, naming
// the rule and what the prediction assumed in its place.
import { describe, expect, it } from '@jest/globals'
import { makeEngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { describeUnmodelled } from '../src/core/policy/unmodelled.js'
import { predictReport } from '../src/core/predict.js'

const options = makeEngineOptions({ agent: { enableNodeSelectorLabels: true } })

const EGRESS = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: egress, namespace: app}
spec:
  endpointSelector: {matchLabels: {app: api}}
  egress:
  - toFQDNs: [{matchName: api.github.com}]
    toPorts: [{ports: [{port: "443", protocol: TCP}]}]
  - toFQDNs: [{matchPattern: "*.example.com"}]
  - toServices: [{k8sService: {serviceName: db, namespace: app}}]
  - toEndpoints: [{matchLabels: {app: db}}]
  - toNodes: [{matchLabels: {role: infra}}]
  - toEntities: [kube-apiserver, world]
  ingress:
  - fromRequires: [{matchLabels: {env: prod}}]
`
const HOST = `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: host-fw}
spec:
  nodeSelector: {matchLabels: {role: worker}}
  ingress:
  - fromEntities: [cluster]
`

function notices(text: string) {
  return describeUnmodelled(loadPolicyText(text, 'p.yaml', options).policies)
}

describe('notices for what is not modelled', () => {
  it('names each field once per policy, at its first rule, with the assumption', () => {
    const found = notices(EGRESS)
    expect(found.map((d) => [d.path, d.message.split(';')[0]])).toEqual([
      ['spec.ingress[0].fromRequires', 'fromRequires: deprecated since Cilium 1.17 and refused from 1.19'],
      ['spec.egress[0].toFQDNs', 'toFQDNs: not modelled'],
      ['spec.egress[2].toServices', 'toServices: not modelled'],
      ['spec.egress[4].toNodes', 'toNodes: not modelled'],
      ['spec.egress[5].toEntities[0]', 'toEntities kube-apiserver: not modelled']
    ])
    expect(found.every((d) => d.severity === 'notice' && d.object === 'CiliumNetworkPolicy app/egress')).toBe(
      true
    )
    expect(found[1].message).toContain('select no destination')
  })

  it('says a host policy is not evaluated', () => {
    const [notice] = notices(HOST)
    expect(notice.path).toBe('spec.nodeSelector')
    expect(notice.message).toContain('host firewall is off')
  })

  it('stays silent on what is modelled', () => {
    const knp = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: app}
spec: {podSelector: {}, policyTypes: [Ingress]}
`
    expect(notices(knp)).toEqual([])
    expect(
      notices(
        EGRESS.replace(/ {2}- to(FQDNs|Services|Nodes).*\n( {4}toPorts.*\n)?/g, '')
          .replace('kube-apiserver, ', '')
          .replace(/ {2}ingress:\n.*\n/, '')
      )
    ).toEqual([])
  })

  it('reaches the report of a diff', () => {
    const loaded = loadPolicyText(EGRESS, 'p.yaml', options)
    const report = predictReport({ head: { label: 'head', loaded }, options, toolVersion: 'test' })
    expect(
      report.diagnostics.filter((d) => d.severity === 'notice' && d.object?.includes('egress'))
    ).toHaveLength(5)
  })
})
