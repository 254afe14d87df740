// Traffic from outside the cluster: a flow whose source is an external endpoint (`world/NAME`)
// is decided by the destination pod's ingress alone, with the external's world identity and
// address (entities, CIDRs with excepts, ipBlock, CIDR groups, deny over allow, default deny).
import { describe, expect, it } from '@jest/globals'
import { engineFor, pod, topology, world } from './helpers/engine.js'

const outside = topology(
  [pod('x/a', { pod: 'a' }, { ip: '10.0.0.5' }), pod('x/b', { pod: 'b' }, { ip: '10.0.0.6' })],
  [
    { ...world('partner', '198.51.100.20'), source: true },
    { ...world('quarantined', '198.51.100.200'), source: true },
    { ...world('elsewhere', '203.0.113.7'), source: true }
  ]
)

const cnp = (spec: string): string =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  endpointSelector: {matchLabels: {pod: a}}\n${spec}`
const knp = (spec: string): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: x}\nspec:\n  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Ingress]\n${spec}`

describe('ingress from world', () => {
  it('is allowed while no policy selects the destination, and has no egress side', () => {
    const e = engineFor('', outside)
    const verdict = e.decide({ from: 'world/partner', to: 'x/a', protocol: 'TCP', port: 80 })
    expect(verdict.verdict).toBe('allow')
    expect(verdict.egress).toBeUndefined()
    expect(verdict.ingress?.decision).toBe('not-enforced')
  })

  it('meets default deny once ingress is enforced and no rule names world', () => {
    const e = engineFor(cnp('  ingress: [{fromEndpoints: [{matchLabels: {pod: b}}]}]'), outside)
    const verdict = e.decide({ from: 'world/partner', to: 'x/a', protocol: 'TCP', port: 80 })
    expect(verdict.verdict).toBe('deny')
    expect(verdict.ingress?.decision).toBe('default-deny')
    expect(verdict.reason).toMatch(/default deny on ingress of x\/a/)
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
  })

  it('is let in by the entities world and all, never by cluster', () => {
    for (const entity of ['world', 'all']) {
      const e = engineFor(cnp(`  ingress: [{fromEntities: [${entity}]}]`), outside)
      expect(e.verdict('world/elsewhere', 'x/a', 'TCP/80')).toBe('allow')
    }
    const cluster = engineFor(cnp('  ingress: [{fromEntities: [cluster]}]'), outside)
    expect(cluster.verdict('world/elsewhere', 'x/a', 'TCP/80')).toBe('deny')
    expect(cluster.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
  })

  it('matches fromCIDR by address, and fromCIDRSet except carves addresses out', () => {
    const cidr = engineFor(cnp('  ingress: [{fromCIDR: [198.51.100.0/24]}]'), outside)
    expect(cidr.verdict('world/partner', 'x/a', 'TCP/80')).toBe('allow')
    expect(cidr.verdict('world/quarantined', 'x/a', 'TCP/80')).toBe('allow')
    expect(cidr.verdict('world/elsewhere', 'x/a', 'TCP/80')).toBe('deny')

    const except = engineFor(
      cnp(
        '  ingress:\n  - fromCIDRSet: [{cidr: 198.51.100.0/24, except: [198.51.100.128/25]}]\n    toPorts: [{ports: [{port: "80", protocol: TCP}]}]'
      ),
      outside
    )
    expect(except.verdict('world/partner', 'x/a', 'TCP/80')).toBe('allow')
    expect(except.verdict('world/partner', 'x/a', 'TCP/81')).toBe('deny')
    expect(except.verdict('world/quarantined', 'x/a', 'TCP/80')).toBe('deny')
    expect(except.verdict('world/elsewhere', 'x/a', 'TCP/80')).toBe('deny')
    // A CIDR never selects a pod, whatever its address (10.0.0.6 is not in the block anyway).
    expect(except.verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
  })

  it('matches a NetworkPolicy ipBlock with except, and the ipBlock never selects a pod', () => {
    const e = engineFor(
      knp(
        '  ingress:\n  - from: [{ipBlock: {cidr: 198.51.100.0/24, except: [198.51.100.128/25]}}, {ipBlock: {cidr: 10.0.0.0/8}}]\n    ports: [{port: 80}]'
      ),
      outside
    )
    expect(e.verdict('world/partner', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('world/partner', 'x/a', 'UDP/81')).toBe('deny')
    expect(e.verdict('world/quarantined', 'x/a', 'TCP/80')).toBe('deny')
    expect(e.verdict('world/elsewhere', 'x/a', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
  })

  it('matches a CIDR group by name', () => {
    const group =
      'apiVersion: cilium.io/v2alpha1\nkind: CiliumCIDRGroup\nmetadata: {name: partners}\nspec: {externalCIDRs: [198.51.100.0/25]}'
    const e = engineFor(
      `${group}\n---\n${cnp('  ingress: [{fromCIDRSet: [{cidrGroupRef: partners}]}]')}`,
      outside
    )
    expect(e.verdict('world/partner', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('world/quarantined', 'x/a', 'TCP/80')).toBe('deny')
  })

  it('denies one address over an allow of all of world', () => {
    const e = engineFor(
      cnp('  ingress: [{fromEntities: [world]}]\n  ingressDeny: [{fromCIDR: [198.51.100.200/32]}]'),
      outside
    )
    const denied = e.decide({ from: 'world/quarantined', to: 'x/a', protocol: 'TCP', port: 80 })
    expect(denied.verdict).toBe('deny')
    expect(denied.ingress?.decision).toBe('denied')
    expect(denied.reason).toMatch(/denied by .*ingressDeny\[0\] \(ingress of x\/a\)/)
    expect(e.verdict('world/partner', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('world/partner', 'x/a', 'ICMP')).toBe('allow')
  })

  it('is not subject to the source pod egress rules: world has no policy of its own', () => {
    const egressOnly = cnp('  egress: [{toEndpoints: [{matchLabels: {pod: b}}]}]')
    const e = engineFor(egressOnly, outside)
    expect(e.verdict('world/elsewhere', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/a', 'world/elsewhere', 'TCP/80')).toBe('deny')
  })
})
