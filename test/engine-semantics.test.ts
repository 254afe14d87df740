// The rules of docs/semantics.md, one by one, each on the smallest fixture that shows it.
import { describe, expect, it } from '@jest/globals'
import { engineFor, pod, topology, world } from './helpers/engine.js'

const xy = topology(
  [
    pod('x/a', { pod: 'a' }),
    pod('x/b', { pod: 'b' }),
    pod('x/c', { pod: 'c' }),
    pod('y/a', { pod: 'a' }),
    pod('y/b', { pod: 'b' })
  ],
  [world('one', '1.1.1.1'), world('eight', '8.8.8.8')],
  { y: { ns: 'y' } }
)

const cnp = (spec: string, namespace = 'x'): string =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: ${namespace}}\nspec:\n${spec}`
const ccnp = (spec: string): string =>
  `apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: p}\nspec:\n${spec}`
const knp = (spec: string, namespace = 'x'): string =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${namespace}}\nspec:\n${spec}`

describe('R1 identities: what selectors can match', () => {
  it('R5.4: NotIn matches a pod that lacks the key entirely', () => {
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {pod: a}}
  ingress:
  - fromEndpoints: [{matchExpressions: [{key: tier, operator: NotIn, values: [db]}]}]`),
      xy
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
  })

  it('R1.2: labels the identity filter drops cannot be selected', () => {
    const topo = topology([
      pod('x/web-0', { 'statefulset.kubernetes.io/pod-name': 'web-0', app: 'web' }),
      pod('x/b', { pod: 'b' })
    ])
    const e = engineFor(
      knp(
        `  podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: web-0}}\n  policyTypes: [Ingress]`
      ),
      topo
    )
    expect(e.verdict('x/b', 'x/web-0', 'TCP/80')).toBe('allow')
  })

  it('R1.1: service accounts and namespace labels are identity labels', () => {
    const topo = topology(
      [
        pod('x/a', { pod: 'a' }),
        pod('y/b', { pod: 'b' }, { serviceAccount: 'robot' }),
        pod('y/c', { pod: 'c' })
      ],
      [],
      { y: { team: 'blue' } }
    )
    const e = engineFor(
      ccnp(`  endpointSelector: {matchLabels: {pod: a}}
  ingress:
  - fromEndpoints: [{matchLabels: {io.cilium.k8s.policy.serviceaccount: robot, io.cilium.k8s.namespace.labels.team: blue}}]`),
      topo
    )
    expect(e.verdict('y/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('y/c', 'x/a', 'TCP/80')).toBe('deny')
  })
})

describe('R2 enforcement and default deny', () => {
  it('R2.3: a deny-only policy switches ingress default deny on for every other peer', () => {
    const e = engineFor(
      ccnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  ingressDeny: [{fromEndpoints: [{matchLabels: {pod: b}}]}]`
      ),
      xy
    )
    const verdict = e.decide({ from: 'x/c', to: 'x/a', protocol: 'TCP', port: 80 })
    expect(verdict.verdict).toBe('deny')
    expect(verdict.ingress?.decision).toBe('default-deny')
    expect(verdict.reason).toContain('default deny on ingress of x/a')
    expect(verdict.reason).toContain('CiliumClusterwideNetworkPolicy p')
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/a', 'x/b', 'TCP/80')).toBe('allow') // egress of a untouched
  })

  it('R2.4: enableDefaultDeny {ingress: false} keeps the deny but lets everything else in', () => {
    const policy = ccnp(`  endpointSelector: {matchLabels: {pod: a}}
  enableDefaultDeny: {ingress: false}
  ingressDeny: [{fromEndpoints: [{matchLabels: {pod: b}}]}]`)
    const e = engineFor(policy, xy)
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/c', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/c', 'x/a', 'ICMP')).toBe('allow')
    expect(e.decide({ from: 'x/c', to: 'x/a', protocol: 'ICMP' }).ingress?.syntheticAllowBy).toHaveLength(1)
  })

  it('R2.4: with enable-non-default-deny-policies=false the flag is ignored (1.17+)', () => {
    const policy = ccnp(`  endpointSelector: {matchLabels: {pod: a}}
  enableDefaultDeny: {ingress: false}
  ingressDeny: [{fromEndpoints: [{matchLabels: {pod: b}}]}]`)
    const e = engineFor(policy, xy, { agent: { enableNonDefaultDenyPolicies: false } })
    expect(e.verdict('x/c', 'x/a', 'TCP/80')).toBe('deny')
  })

  it('R2.2 / R5.5a: an empty rule `- {}` allows nothing but enforces the direction', () => {
    const e = engineFor(cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{}]`), xy)
    expect(e.verdict('x/a', 'x/b', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow') // a's ingress is not enforced
  })

  it('R2.2: an empty list `ingress: []` does not switch enforcement on', () => {
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  ingress: []\n  egress: [{toEndpoints: [{}]}]`),
      xy,
      { ciliumVersion: '1.17.18' }
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
  })

  it('R2.1: enforcement mode always denies what no rule allows, never allows even denied flows', () => {
    const deny = ccnp(`  endpointSelector: {matchLabels: {pod: a}}\n  ingressDeny: [{fromEndpoints: [{}]}]`)
    expect(engineFor('', xy, { enforcement: 'always' }).verdict('x/b', 'x/c', 'TCP/80')).toBe('deny')
    expect(engineFor(deny, xy, { enforcement: 'never' }).verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
  })
})

describe('R3 how verdicts combine', () => {
  it('R3.2: a deny wins over a more specific allow', () => {
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {pod: a}}
  ingress: [{fromEndpoints: [{matchLabels: {pod: b}}], toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]
  ingressDeny: [{fromEndpoints: [{}]}]`),
      xy
    )
    const verdict = e.decide({ from: 'x/b', to: 'x/a', protocol: 'TCP', port: 80 })
    expect(verdict.verdict).toBe('deny')
    expect(verdict.reason).toContain('denied by CiliumNetworkPolicy x/p ingressDeny[0]')
  })

  it('R3.3: egress at the source and ingress at the destination both decide', () => {
    const policies = [
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{toEndpoints: [{matchLabels: {pod: b}}]}]`
      ),
      knp(`  podSelector: {matchLabels: {pod: b}}\n  policyTypes: [Ingress]`).replace(
        'name: p',
        'name: b-closed'
      )
    ].join('\n---\n')
    const e = engineFor(policies, xy)
    expect(e.verdict('x/a', 'x/b', 'TCP/80')).toBe('deny') // b's ingress
    expect(e.verdict('x/a', 'x/c', 'TCP/80')).toBe('deny') // a's egress
  })
})

describe('R4/R5 namespaces and peers', () => {
  it('R5.3: fromEndpoints [{}] means the policy namespace in a CNP, every pod in a CCNP', () => {
    const rule = `  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{fromEndpoints: [{}]}]`
    const inCnp = engineFor(cnp(rule), xy)
    expect(inCnp.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(inCnp.verdict('y/b', 'x/a', 'TCP/80')).toBe('deny')
    const inCcnp = engineFor(ccnp(rule), xy)
    expect(inCcnp.verdict('y/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(inCcnp.verdict('x/b', 'y/a', 'TCP/80')).toBe('allow') // the CCNP subject spans namespaces
  })

  it('R4.1: a CNP subject is forced into the policy namespace', () => {
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: "y"}}\n  ingress: [{}]`),
      xy
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/b', 'y/a', 'TCP/80')).toBe('allow')
  })

  it('R5.1b: namespace-label peers reach other namespaces from 1.16, not in 1.15', () => {
    const policy = cnp(
      `  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{fromEndpoints: [{matchLabels: {io.cilium.k8s.namespace.labels.ns: "y"}}]}]`
    )
    expect(engineFor(policy, xy).verdict('y/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(engineFor(policy, xy, { ciliumVersion: '1.15.19' }).verdict('y/b', 'x/a', 'TCP/80')).toBe('deny')
  })

  it('R5.5b / R8.3: toPorts without a peer matches every peer, world and other namespaces included', () => {
    const e = engineFor(
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]`
      ),
      xy
    )
    expect(e.verdict('x/a', 'y/b', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/a', 'y/b', 'TCP/81')).toBe('deny')
  })

  it('R5.5c: an explicit empty peer list selects nothing from 1.16, and was a wildcard in 1.15', () => {
    const policy = cnp(
      `  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{fromEndpoints: [], toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]`
    )
    expect(engineFor(policy, xy).verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
    expect(engineFor(policy, xy, { ciliumVersion: '1.15.19' }).verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
  })
})

describe('R5.6 requirements', () => {
  it('fromRequires narrows every endpoint peer of the subject, in all its policies, and grants nothing', () => {
    const topo = topology([
      pod('x/a', { pod: 'a', env: 'prod' }),
      pod('x/fe-prod', { role: 'frontend', env: 'prod' }),
      pod('x/fe-dev', { role: 'frontend', env: 'dev' })
    ])
    const policies = [
      cnp(
        `  endpointSelector: {matchLabels: {env: prod}}\n  ingress: [{fromRequires: [{matchLabels: {env: prod}}]}]`
      ),
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{fromEndpoints: [{matchLabels: {role: frontend}}]}]`
      ).replace('name: p', 'name: q')
    ].join('\n---\n')
    const e = engineFor(policies, topo, { ciliumVersion: '1.17.18' })
    expect(e.verdict('x/fe-prod', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/fe-dev', 'x/a', 'TCP/80')).toBe('deny')
  })
})

describe('R8.5 a deny with ports drops only those ports', () => {
  it('leaves other ports and ICMP to the allow rules (the docs deny table, column 2)', () => {
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {pod: a}}
  ingress: [{fromEndpoints: [{matchLabels: {pod: b}}]}]
  ingressDeny: [{toPorts: [{ports: [{port: "80", protocol: TCP}]}]}]`),
      xy
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/b', 'x/a', 'TCP/81')).toBe('allow')
    expect(e.verdict('x/b', 'x/a', 'ICMP')).toBe('allow')
  })
})

describe('R6/R7 entities and CIDRs', () => {
  it('R6.1: world is the outside, cluster is every pod', () => {
    const e = engineFor(
      cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{toEntities: [cluster]}]`),
      xy
    )
    expect(e.verdict('x/a', 'y/b', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('deny')
  })

  it('R7.1/R7.2: a CIDR never matches a pod; except carves addresses out', () => {
    const topo = topology(
      [pod('x/a', { pod: 'a' }, { ip: '10.0.0.5' }), pod('x/b', { pod: 'b' }, { ip: '10.0.0.6' })],
      [world('one', '1.1.1.1'), world('eight', '8.8.8.8')]
    )
    const e = engineFor(
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{toCIDRSet: [{cidr: 0.0.0.0/0, except: [1.1.1.0/24]}]}]`
      ),
      topo
    )
    expect(e.verdict('x/a', 'x/b', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/a', 'world/eight', 'TCP/80')).toBe('allow')
  })

  it('R7.8: a CIDR group is selected by its labels (1.17+)', () => {
    const group = `apiVersion: cilium.io/v2alpha1\nkind: CiliumCIDRGroup\nmetadata: {name: corp, labels: {zone: corp}}\nspec: {externalCIDRs: [1.1.1.0/24]}`
    const policy = cnp(
      `  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{toCIDRSet: [{cidrGroupSelector: {matchLabels: {zone: corp}}}]}]`
    )
    const e = engineFor(`${group}\n---\n${policy}`, xy)
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/a', 'world/eight', 'TCP/80')).toBe('deny')
  })

  it('R7.8: a CIDR group is resolved by name', () => {
    const policies = `apiVersion: cilium.io/v2alpha1\nkind: CiliumCIDRGroup\nmetadata: {name: corp}\nspec: {externalCIDRs: [1.1.1.0/24]}\n---\n${cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  egressDeny: [{toCIDRSet: [{cidrGroupRef: corp}]}]\n  egress: [{toEntities: [world]}]`)}`
    const e = engineFor(policies, xy)
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('deny')
    expect(e.verdict('x/a', 'world/eight', 'TCP/80')).toBe('allow')
  })
})

describe('R8 layer 4', () => {
  it('R8.4: an L4 rule does not allow ICMP; an icmps rule does', () => {
    const l4 = `  - fromEndpoints: [{matchLabels: {pod: b}}]\n    toPorts: [{ports: [{port: "80", protocol: TCP}]}]`
    const e = engineFor(cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  ingress:\n${l4}`), xy)
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/b', 'x/a', 'ICMP')).toBe('deny')
    const withPing = engineFor(
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  ingress:\n${l4}\n  - fromEndpoints: [{matchLabels: {pod: b}}]\n    icmps: [{fields: [{type: 8}]}]`
      ),
      xy
    )
    expect(withPing.verdict('x/b', 'x/a', 'ICMP')).toBe('allow')
  })

  it('R8.1: an L3-only rule allows every protocol, ICMP included', () => {
    const e = engineFor(
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{fromEndpoints: [{matchLabels: {pod: b}}]}]`
      ),
      xy,
      { agent: { enableSctp: true } }
    )
    for (const port of ['TCP/80', 'UDP/81', 'SCTP/81', 'ICMP'])
      expect(e.verdict('x/b', 'x/a', port)).toBe('allow')
  })

  it('R8.2: a CNP port without protocol is ANY (TCP, UDP, SCTP), a KNP port is TCP', () => {
    const any = engineFor(
      cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{toPorts: [{ports: [{port: "81"}]}]}]`),
      xy,
      { agent: { enableSctp: true } }
    )
    expect(any.verdict('x/b', 'x/a', 'UDP/81')).toBe('allow')
    expect(any.verdict('x/b', 'x/a', 'SCTP/81')).toBe('allow')
    expect(any.verdict('x/b', 'x/a', 'ICMP')).toBe('deny')
    const tcp = engineFor(
      knp(`  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{port: 81}]}]`),
      xy
    )
    expect(tcp.verdict('x/b', 'x/a', 'TCP/81')).toBe('allow')
    expect(tcp.verdict('x/b', 'x/a', 'UDP/81')).toBe('deny')
  })

  it('R8.2: endPort makes a range from 1.16', () => {
    const policy = cnp(
      `  endpointSelector: {matchLabels: {pod: a}}\n  ingress: [{toPorts: [{ports: [{port: "80", endPort: 81, protocol: TCP}]}]}]`
    )
    expect(engineFor(policy, xy).verdict('x/b', 'x/a', 'TCP/81')).toBe('allow')
  })

  it('R10.1: a NetworkPolicy endPort is an inclusive range from 1.16; through 1.15 only the start port', () => {
    const policy = knp(
      `  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{port: 80, endPort: 82}]}]`
    )
    const current = engineFor(policy, xy)
    expect(current.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(current.verdict('x/b', 'x/a', 'TCP/82')).toBe('allow')
    expect(current.verdict('x/b', 'x/a', 'TCP/83')).toBe('deny')
    expect(current.verdict('x/b', 'x/a', 'UDP/82')).toBe('deny')
    const old = engineFor(policy, xy, { ciliumVersion: '1.15.19' })
    expect(old.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(old.verdict('x/b', 'x/a', 'TCP/82')).toBe('deny')
  })

  it('R8.6: a named port resolves on the destination for ingress', () => {
    const e = engineFor(
      knp(`  podSelector: {matchLabels: {pod: a}}\n  ingress: [{ports: [{port: http}]}]`),
      xy
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/b', 'x/a', 'TCP/81')).toBe('deny')
  })

  it('R8.6: an egress named port bound to two numbers across the cluster allows nothing', () => {
    const topo = topology([
      pod('x/a', { pod: 'a' }),
      pod('x/b', { pod: 'b' }, { ports: [{ protocol: 'TCP', port: 8080, name: 'web' }] }),
      pod('x/c', { pod: 'c' }, { ports: [{ protocol: 'TCP', port: 9090, name: 'web' }] })
    ])
    const e = engineFor(
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  egress: [{toEndpoints: [{}], toPorts: [{ports: [{port: web, protocol: TCP}]}]}]`
      ),
      topo
    )
    expect(e.verdict('x/a', 'x/b', 'TCP/8080')).toBe('deny')
  })

  it('R8.9: SCTP is dropped while enable-sctp is false, whatever the policy', () => {
    expect(engineFor('', xy).decide({ from: 'x/a', to: 'x/b', protocol: 'SCTP', port: 81 }).global).toBe(
      'sctp-disabled'
    )
    expect(engineFor('', xy, { agent: { enableSctp: true } }).verdict('x/a', 'x/b', 'SCTP/81')).toBe('allow')
    // The drop is conntrack's, not policy's: mode never does not lift it.
    expect(engineFor('', xy, { enforcement: 'never' }).verdict('x/a', 'x/b', 'SCTP/81')).toBe('deny')
  })
})

describe('R9 layer 7', () => {
  const http = `  - fromEndpoints: [{matchLabels: {pod: b}}]
    toPorts:
    - ports: [{port: "80", protocol: TCP}]
      rules: {http: [{method: GET, path: /public}]}`

  it('R9.1/R9.2: the connection is allowed; unmatched requests are refused with 403; paths match whole', () => {
    const e = engineFor(cnp(`  endpointSelector: {matchLabels: {pod: a}}\n  ingress:\n${http}`), xy)
    expect(e.verdict('x/b', 'x/a', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/b', 'x/a', 'TCP/80', { method: 'GET', path: '/public' })).toBe('allow')
    expect(e.verdict('x/b', 'x/a', 'TCP/80', { method: 'GET', path: '/public/x' })).toBe('deny')
    const refused = e.decide({
      from: 'x/b',
      to: 'x/a',
      protocol: 'TCP',
      port: 80,
      http: { method: 'POST', path: '/public' }
    })
    expect(refused.ingress?.decision).toBe('http-refused')
    expect(refused.reason).toContain('HTTP 403')
  })

  it('R9.3: an L3-only allow for the same peer lifts the HTTP rule', () => {
    const e = engineFor(
      cnp(
        `  endpointSelector: {matchLabels: {pod: a}}\n  ingress:\n${http}\n  - fromEndpoints: [{matchLabels: {pod: b}}]`
      ),
      xy
    )
    expect(e.verdict('x/b', 'x/a', 'TCP/80', { method: 'DELETE', path: '/private' })).toBe('allow')
  })
})

describe('R10 Kubernetes NetworkPolicy as Cilium enforces it', () => {
  it('R10.2: policyTypes [Egress] without egress rules denies all egress, ingress untouched', () => {
    const e = engineFor(knp(`  podSelector: {}\n  policyTypes: [Egress]`), xy)
    expect(e.verdict('x/a', 'y/b', 'TCP/80')).toBe('deny')
    expect(e.verdict('y/b', 'x/a', 'TCP/80')).toBe('allow')
  })

  it('R10.1: a rule without `to` matches every peer, world included', () => {
    const e = engineFor(
      knp(
        `  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Egress]\n  egress: [{ports: [{port: 80}]}]`
      ),
      xy
    )
    expect(e.verdict('x/a', 'world/one', 'TCP/80')).toBe('allow')
    expect(e.verdict('x/a', 'y/b', 'TCP/80')).toBe('allow')
  })

  it('R10.3: an ipBlock does not select pods', () => {
    const topo = topology([
      pod('x/a', { pod: 'a' }, { ip: '10.0.0.5' }),
      pod('x/b', { pod: 'b' }, { ip: '10.0.0.6' })
    ])
    const e = engineFor(
      knp(
        `  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]`
      ),
      topo
    )
    expect(e.verdict('x/a', 'x/b', 'TCP/80')).toBe('deny')
  })
})

describe('R3.5 invalid policies', () => {
  it('contribute nothing, not even default deny', () => {
    const invalid = cnp(`  endpointSelector: {matchLabels: {pod: a}}
  ingress:
  - fromEndpoints: [{matchLabels: {pod: b}}]
    toPorts: [{ports: [{port: "80"}], rules: {http: [{path: /}]}}]`)
    const e = engineFor(invalid, xy, {}, { allowInvalid: true })
    expect(e.verdict('x/c', 'x/a', 'TCP/80')).toBe('allow')
  })
})
