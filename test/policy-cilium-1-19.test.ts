// What Cilium 1.19 changes about CNP/CCNP, each change gated on the version the policies are
// checked for: the CRD (`pkg/k8s/apis/cilium.io/client/crds/v2`) and the agent's
// `PortProtocol.Validate` (`pkg/policy/api/rule_validation.go`) at v1.19; docs/semantics.md §13.
import { describe, expect, it } from '@jest/globals'
import { makeEngineOptions, parseCiliumVersion } from '../src/core/options.js'
import type { AgentSettings } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import type { Diagnostic } from '../src/core/model.js'
import { engineFor, pod, topology } from './helpers/engine.js'

const cnp = (spec: string): string =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n${spec}`

const errorsOf = (text: string, version: string, agent: Partial<AgentSettings> = {}): Diagnostic[] =>
  loadPolicyText(text, 'p.yaml', makeEngineOptions({ ciliumVersion: version, agent })).diagnostics.filter(
    (d) => d.severity === 'error'
  )

const BEFORE = ['1.15.0', '1.16.0', '1.17.0', '1.18.12']

describe('the version gate', () => {
  it('1.19 is modelled as itself; later minors are judged as 1.19', () => {
    expect(parseCiliumVersion('1.19.8')).toEqual({ minor: 19 })
    expect(parseCiliumVersion('v1.20.1')).toEqual({ minor: 19 })
    expect(parseCiliumVersion('1.18.12')).toEqual({ minor: 18 })
  })
})

describe('fromRequires/toRequires: removed in 1.19 (CRD maxItems 0)', () => {
  const ingress = cnp(`  endpointSelector: {}
  ingress:
  - fromEndpoints: [{}]
    fromRequires: [{matchLabels: {env: prod}}]
`)
  const egress = cnp(`  endpointSelector: {}
  egress:
  - toEndpoints: [{}]
    toRequires: [{matchLabels: {env: prod}}]
`)

  it('are accepted up to 1.18', () => {
    for (const version of BEFORE) {
      expect(errorsOf(ingress, version)).toEqual([])
      expect(errorsOf(egress, version)).toEqual([])
    }
  })

  it('are refused by the API server from 1.19, naming the file, line and field', () => {
    const [error, ...rest] = errorsOf(ingress, '1.19.8')
    expect(rest).toEqual([])
    expect(error).toMatchObject({ file: 'p.yaml', path: 'spec.ingress[0].fromRequires' })
    expect(error.line).toBe(8)
    expect(error.message).toMatch('fromRequires was removed in Cilium 1.19')
    expect(error.message).toMatch('policies are checked for 1.19.8')
    expect(error.expected).toMatch('fromEndpoints')
    expect(errorsOf(egress, '1.19.8')[0]).toMatchObject({ path: 'spec.egress[0].toRequires' })
  })

  it('an empty list is still accepted, as maxItems 0 allows it', () => {
    const empty = cnp('  endpointSelector: {}\n  ingress:\n  - fromEndpoints: [{}]\n    fromRequires: []\n')
    expect(errorsOf(empty, '1.19.8')).toEqual([])
  })
})

describe('VRRP and IGMP: protocols of their own from 1.19', () => {
  const vrrp = (port = ''): string =>
    cnp(`  endpointSelector: {}
  ingress:
  - toPorts: [{ports: [{${port}protocol: VRRP}]}]
`)

  it('are not in the protocol enum before 1.19', () => {
    for (const version of BEFORE) {
      const messages = errorsOf(vrrp('port: "0", '), version).map((d) => d.message)
      expect(messages.join('\n')).toMatch('"VRRP"')
    }
  })

  it('take port 0 or no port from 1.19, and no other number', () => {
    expect(errorsOf(vrrp('port: "0", '), '1.19.0')).toEqual([])
    const [error] = errorsOf(vrrp('port: "112", '), '1.19.0')
    expect(error).toMatchObject({ path: 'spec.ingress[0].toPorts[0].ports[0].port' })
    expect(error.message).toMatch('port must be empty or 0 for VRRP')
    expect(errorsOf(vrrp(), '1.19.0', { enableExtendedIpProtocols: true })).toEqual([])
  })

  it('allow none of the TCP, UDP, SCTP or ICMP flows reachdiff probes, and still make the rule L4', () => {
    const topo = topology([pod('x/a', { app: 'a' }), pod('x/b', { app: 'b' })])
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {app: a}}
  ingress:
  - toPorts: [{ports: [{port: "0", protocol: IGMP}]}]
`),
      topo,
      { ciliumVersion: '1.19.0' }
    )
    for (const probe of ['TCP/80', 'UDP/53', 'ICMP']) expect(e.verdict('x/b', 'x/a', probe)).toBe('deny')
  })
})

describe('port: optional in the CRD from 1.19, but the agent wants enable-extended-ip-protocols', () => {
  const portless = cnp(`  endpointSelector: {}
  ingress:
  - toPorts: [{ports: [{protocol: TCP}]}]
`)

  it('is required by the API server up to 1.18', () => {
    for (const version of BEFORE) {
      const [error] = errorsOf(portless, version)
      expect(error.message).toMatch('port is required')
    }
  })

  it('is refused by the agent on 1.19 while enable-extended-ip-protocols is false (the default)', () => {
    const [error] = errorsOf(portless, '1.19.0')
    expect(error).toMatchObject({ path: 'spec.ingress[0].toPorts[0].ports[0]' })
    expect(error.message).toMatch('port must be specified unless enable-extended-ip-protocols is set')
  })

  it('with the flag, a TCP entry without port is every TCP port', () => {
    const topo = topology([pod('x/a', { app: 'a' }), pod('x/b', { app: 'b' })])
    const e = engineFor(
      portless.replace('endpointSelector: {}', 'endpointSelector: {matchLabels: {app: a}}'),
      topo,
      {
        ciliumVersion: '1.19.0',
        agent: { enableExtendedIpProtocols: true }
      }
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/b', 'x/a', 'UDP/53')).toBe('deny')
  })
})
