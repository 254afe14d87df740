// Topology generation, as a specification: which namespaces, pods, ports and external
// endpoints reachdiff invents when the user gives no topology (docs/topology.md).
import { describe, expect, it } from '@jest/globals'
import { cidrContains, parseCidr } from '../src/core/cidr.js'
import { createEngine } from '../src/core/engine/engine.js'
import { podIdentityLabels } from '../src/core/engine/identities.js'
import type { Labels, Pod, Topology } from '../src/core/model.js'
import { podKey, worldKey } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import type { EngineOptions } from '../src/core/options.js'
import type { PolicyDocument, PolicyKind } from '../src/core/policy/document.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import type { PolicyRule } from '../src/core/policy/rules.js'
import { indexLabels, matchesSelector } from '../src/core/label-selector.js'
import type { Selector } from '../src/core/label-selector.js'
import { generateTopology } from '../src/core/topology/generate.js'

const options = makeEngineOptions()

function document(
  kind: PolicyKind,
  namespace: string | undefined,
  name: string,
  spec: unknown
): PolicyDocument {
  const metadata = namespace === undefined ? { name } : { name, namespace }
  return {
    ref: { kind, namespace, name, file: 'x.yaml', line: 1 },
    raw: {
      apiVersion: kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : 'cilium.io/v2',
      kind,
      metadata,
      spec
    },
    valid: true
  }
}
const ccnp = (name: string, spec: unknown): PolicyDocument =>
  document('CiliumClusterwideNetworkPolicy', undefined, name, spec)
const cnp = (namespace: string, name: string, spec: unknown): PolicyDocument =>
  document('CiliumNetworkPolicy', namespace, name, spec)
const knp = (namespace: string, name: string, spec: unknown): PolicyDocument =>
  document('NetworkPolicy', namespace, name, spec)

function rulesOf(documents: PolicyDocument[], engineOptions: EngineOptions = options): PolicyRule[] {
  return normalizePolicies({ policies: documents, cidrGroups: [], diagnostics: [] }, engineOptions)
}

function generate(documents: PolicyDocument[], engineOptions: EngineOptions = options): Topology {
  return generateTopology([rulesOf(documents, engineOptions)], engineOptions)
}

/** `namespace/name {labels}` for compact expectations. */
function describePods(topology: Topology): string[] {
  return topology.pods.map((pod) => {
    const labels = Object.entries(pod.labels).map(([k, v]) => `${k}=${v}`)
    const account = pod.serviceAccount === 'default' ? '' : ` sa=${pod.serviceAccount}`
    return `${podKey(pod)} {${labels.join(',')}}${account}`
  })
}

function podsWith(topology: Topology, labels: Labels): Pod[] {
  return topology.pods.filter((pod) => Object.entries(labels).every(([k, v]) => pod.labels[k] === v))
}

function selectorsOf(rules: readonly PolicyRule[]): Selector[] {
  return rules.flatMap((rule) => [
    rule.subject,
    ...Object.values(rule.entries).flatMap((entries) =>
      entries.flatMap((entry) => [
        ...(entry.peer.kind === 'endpoints' ? entry.peer.selectors : []),
        ...entry.requires
      ])
    )
  ])
}

function matchVector(pod: Pod, topology: Topology, selectors: readonly Selector[]): string {
  const identity = indexLabels(podIdentityLabels(pod, topology, options))
  return selectors.map((selector) => (matchesSelector(selector, identity) ? '1' : '0')).join('')
}

const seed = ccnp('block-client', {
  endpointSelector: { matchLabels: { run: 'web' } },
  ingressDeny: [{ fromEndpoints: [{ matchLabels: { run: 'client' } }] }]
})

describe('generateTopology: the guide’s deny-only CCNP', () => {
  const topology = generate([seed])

  it('uses `default` when no policy names a namespace, plus one namespace no policy mentions', () => {
    expect(topology.namespaces).toEqual([
      { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
      { name: 'unmentioned', labels: { 'kubernetes.io/metadata.name': 'unmentioned' } }
    ])
  })

  it('gives the subject, the denied peer and an outsider in every namespace', () => {
    expect(describePods(topology)).toEqual([
      'default/client {run=client}',
      'default/outsider {app=outsider}',
      'default/web {run=web}',
      'unmentioned/outsider {app=outsider}'
    ])
  })

  it('makes visible that every pod, not only the client, loses web (R2.3)', () => {
    const engine = createEngine(rulesOf([seed]), topology, options)
    expect(topology.pods.length).toBe(4)
    for (const pod of topology.pods) {
      for (const probe of [{ protocol: 'TCP', port: 80 } as const, { protocol: 'ICMP' } as const]) {
        const verdict = engine.decideFlow({ from: podKey(pod), to: 'default/web', ...probe })
        expect(`${podKey(pod)} ${verdict.verdict}`).toBe(`${podKey(pod)} deny`)
      }
    }
    // Only web's ingress is enforced: the outsiders still reach each other.
    const contrast = engine.decideFlow({
      from: 'unmentioned/outsider',
      to: 'default/outsider',
      protocol: 'TCP',
      port: 80
    })
    expect(contrast.verdict).toBe('allow')
  })

  it('serves TCP/80 and ICMP on every pod even when no rule names a port', () => {
    for (const pod of topology.pods)
      expect(pod.ports).toEqual([{ protocol: 'TCP', port: 80 }, { protocol: 'ICMP' }])
    expect(topology.external).toEqual([])
  })
})

describe('generateTopology: namespaces', () => {
  it('labels a namespace to satisfy a KNP namespaceSelector, creating `ns-<labels>`', () => {
    const topology = generate([
      knp('shop', 'from-blue', {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: 'blue' } },
                podSelector: { matchLabels: { role: 'scraper' } }
              }
            ]
          }
        ]
      })
    ])
    expect(topology.namespaces).toContainEqual({
      name: 'ns-team-blue',
      labels: { team: 'blue', 'kubernetes.io/metadata.name': 'ns-team-blue' }
    })
    expect(describePods(topology)).toEqual([
      'ns-team-blue/outsider {app=outsider}',
      'ns-team-blue/scraper {role=scraper}',
      'shop/api {app=api}',
      'shop/outsider {app=outsider}',
      'unmentioned/outsider {app=outsider}'
    ])
  })

  it('reuses a namespace that already carries the labels', () => {
    const topology = generate([
      knp('shop', 'a', {
        podSelector: {},
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'blue' } } }] }]
      }),
      knp('ops', 'b', {
        podSelector: {},
        ingress: [
          { from: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'Exists' }] } }] }
        ]
      })
    ])
    expect(topology.namespaces.map((ns) => ns.name)).toEqual(['ns-team-blue', 'ops', 'shop', 'unmentioned'])
  })

  it('puts namespace labels on the policy namespace when the selector is pinned there (1.15, R5.1b)', () => {
    const v115 = makeEngineOptions({ ciliumVersion: '1.15.1' })
    const topology = generate(
      [
        cnp('shop', 'team', {
          endpointSelector: {},
          ingress: [{ fromEndpoints: [{ matchLabels: { 'io.cilium.k8s.namespace.labels.team': 'blue' } }] }]
        })
      ],
      v115
    )
    expect(topology.namespaces.find((ns) => ns.name === 'shop')?.labels).toEqual({
      'kubernetes.io/metadata.name': 'shop',
      team: 'blue'
    })
  })

  it('places a CNP peer in the namespace it names (cross-namespace, R5.1a)', () => {
    const rules = rulesOf([
      cnp('shop', 'from-ops', {
        endpointSelector: { matchLabels: { app: 'api' } },
        ingress: [
          { fromEndpoints: [{ matchLabels: { app: 'client', 'k8s:io.kubernetes.pod.namespace': 'ops' } }] }
        ]
      })
    ])
    const topology = generateTopology([rules], options)
    expect(describePods(topology)).toEqual([
      'ops/client {app=client}',
      'ops/outsider {app=outsider}',
      'shop/api {app=api}',
      'shop/outsider {app=outsider}',
      'unmentioned/outsider {app=outsider}'
    ])
    const engine = createEngine(rules, topology, options)
    const to = (from: string): string =>
      engine.decideFlow({ from, to: 'shop/api', protocol: 'TCP', port: 80 }).verdict
    expect([to('ops/client'), to('ops/outsider'), to('shop/outsider')]).toEqual(['allow', 'deny', 'deny'])
  })
})

describe('generateTopology: pods from selectors', () => {
  it('satisfies matchExpressions: In → first value, Exists → x, NotIn/DoesNotExist → key left out', () => {
    const topology = generate([
      ccnp('expr', {
        endpointSelector: {
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['fe', 'be'] },
            { key: 'env', operator: 'NotIn', values: ['prod'] },
            { key: 'team', operator: 'Exists' },
            { key: 'legacy', operator: 'DoesNotExist' }
          ]
        },
        ingress: [{ fromEndpoints: [{ matchLabels: { env: 'prod' } }] }]
      })
    ])
    expect(describePods(topology)).toEqual([
      'default/outsider {app=outsider}',
      'default/prod {env=prod}',
      'default/team-fe {team=x,tier=fe}',
      'unmentioned/outsider {app=outsider}'
    ])
  })

  it('drops a selector nothing can satisfy and keeps going', () => {
    const topology = generate([
      ccnp('contradiction', {
        endpointSelector: {
          matchLabels: { app: 'web' },
          matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }]
        },
        ingress: [{ fromEndpoints: [{ matchLabels: { app: 'client' } }] }]
      })
    ])
    expect(podsWith(topology, { app: 'web' })).toEqual([])
    expect(podsWith(topology, { app: 'client' }).map(podKey)).toEqual(['default/client'])
  })

  it('generates no pod for labels Cilium filters out of identities (R1.2) or reserved identities', () => {
    const topology = generate([
      knp('db', 'pinned-pod', {
        podSelector: { matchLabels: { 'statefulset.kubernetes.io/pod-name': 'web-0' } }
      }),
      ccnp('host', {
        endpointSelector: {},
        ingress: [{ fromEndpoints: [{ matchLabels: { 'reserved:host': '' } }] }]
      })
    ])
    for (const pod of topology.pods) {
      expect(
        Object.keys(pod.labels).some((key) => key.startsWith('statefulset') || key.includes('reserved'))
      ).toBe(false)
    }
    expect(topology.pods.filter((pod) => pod.namespace === 'db').map((pod) => pod.name)).toEqual(['outsider'])
  })

  it('turns a service-account requirement into the pod’s serviceAccount', () => {
    const topology = generate([
      cnp('shop', 'robots', {
        endpointSelector: { matchLabels: { 'io.cilium.k8s.policy.serviceaccount': 'robot' } },
        egress: [{ toEntities: ['cluster'] }]
      })
    ])
    expect(describePods(topology)).toContain('shop/sa-robot {} sa=robot')
  })

  it('keeps an outsider that no selector matches, varying its labels when needed', () => {
    const topology = generate([
      ccnp('app-exists', {
        endpointSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
        ingress: [{}]
      })
    ])
    expect(podsWith(topology, { role: 'outsider' }).map(podKey)).toEqual([
      'default/outsider',
      'unmentioned/outsider'
    ])
  })
})

describe('generateTopology: merging', () => {
  it('keeps one pod per namespace for selectors that resolve to the same pod', () => {
    const topology = generate([
      ccnp('a', { endpointSelector: { matchLabels: { app: 'web' } }, ingress: [{}] }),
      ccnp('b', {
        endpointSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] },
        egress: [{}]
      })
    ])
    expect(podsWith(topology, { app: 'web' }).map(podKey)).toEqual(['default/web'])
  })

  it('drops a pod every selector treats like the outsider, and keeps the outsider', () => {
    const topology = generate([knp('shop', 'deny-all', { podSelector: {} })])
    expect(describePods(topology)).toEqual([
      'shop/outsider {app=outsider}',
      'unmentioned/outsider {app=outsider}'
    ])
  })

  it('generates only pods some selector matches, besides the outsiders', () => {
    const rules = rulesOf(mixedPolicies(30))
    const topology = generateTopology([rules], options)
    const selectors = selectorsOf(rules)
    for (const pod of topology.pods.filter((p) => p.name !== 'outsider')) {
      expect(`${podKey(pod)} ${matchVector(pod, topology, selectors).includes('1')}`).toBe(
        `${podKey(pod)} true`
      )
    }
  })

  it('leaves no two non-outsider pods of a namespace that no selector tells apart', () => {
    const rules = rulesOf(mixedPolicies(30))
    const topology = generateTopology([rules], options)
    const selectors = selectorsOf(rules)
    const seen = new Set<string>()
    for (const pod of topology.pods.filter((p) => p.name !== 'outsider')) {
      const key = `${pod.namespace} ${matchVector(pod, topology, selectors)}`
      expect(seen.has(key)).toBe(false)
      seen.add(key)
    }
  })
})

describe('generateTopology: ports', () => {
  it('serves every port a rule names: ranges at both ends and inside, ANY as TCP+UDP, all ports as 80', () => {
    const topology = generate([
      cnp('shop', 'ports', {
        endpointSelector: {},
        ingress: [
          {
            toPorts: [
              {
                ports: [
                  { port: '8000', endPort: 8010, protocol: 'TCP' },
                  { port: '53' },
                  { port: '0', protocol: 'UDP' },
                  { port: '9000', protocol: 'SCTP' },
                  { port: '8000', protocol: 'TCP' }
                ]
              }
            ]
          }
        ]
      })
    ])
    expect(topology.pods[0].ports).toEqual([
      { protocol: 'TCP', port: 53 },
      { protocol: 'TCP', port: 80 },
      { protocol: 'TCP', port: 8000 },
      { protocol: 'TCP', port: 8005 },
      { protocol: 'TCP', port: 8010 },
      { protocol: 'UDP', port: 53 },
      { protocol: 'UDP', port: 80 },
      { protocol: 'SCTP', port: 9000 },
      { protocol: 'ICMP' }
    ])
  })

  it('gives each named port one number cluster-wide, skipping numbers rules use (R8.6)', () => {
    const policies = [
      cnp('shop', 'named', {
        endpointSelector: { matchLabels: { app: 'api' } },
        ingress: [
          { fromEndpoints: [{}], toPorts: [{ ports: [{ port: 'http', protocol: 'TCP' }, { port: '8080' }] }] }
        ],
        egress: [
          { toEndpoints: [{}], toPorts: [{ ports: [{ port: 'dns', protocol: 'UDP' }, { port: 'metrics' }] }] }
        ]
      })
    ]
    const topology = generate(policies)
    const named = topology.pods[0].ports.filter((port) => port.name)
    expect(named).toEqual([
      { protocol: 'TCP', port: 8082, name: 'http' },
      { protocol: 'TCP', port: 8083, name: 'metrics' },
      { protocol: 'UDP', port: 8081, name: 'dns' }
    ])
    for (const pod of topology.pods) expect(pod.ports).toEqual(topology.pods[0].ports)
    const engine = createEngine(rulesOf(policies), topology, options)
    const verdict = engine.decideFlow({ from: 'shop/outsider', to: 'shop/api', protocol: 'TCP', port: 8082 })
    expect(verdict.verdict).toBe('allow')
  })
})

describe('generateTopology: external endpoints', () => {
  const policies = [
    cnp('shop', 'egress', {
      endpointSelector: { matchLabels: { app: 'api' } },
      egress: [
        { toCIDRSet: [{ cidr: '10.0.0.0/8', except: ['10.0.0.0/24'] }] },
        { toCIDR: ['1.1.1.0/24', '2001:db8::/32'] }
      ],
      egressDeny: [{ toEntities: ['world'], toPorts: [{ ports: [{ port: '25', protocol: 'TCP' }] }] }]
    })
  ]
  const topology = generate(policies)

  it('adds an address per range outside its excepts, one per except, and world/internet', () => {
    expect(topology.external.map(({ name, ip }) => `${name} ${ip}`)).toEqual([
      'cidr-1-1-1-0-24 1.1.1.10',
      'cidr-10-0-0-0-24 10.0.0.10',
      'cidr-10-0-0-0-8 10.0.1.0',
      'internet 203.0.113.10'
    ])
    const range = parseCidr('10.0.0.0/8')!
    const except = parseCidr('10.0.0.0/24')!
    const ipOf = (name: string): number =>
      parseCidr(`${topology.external.find((e) => e.name === name)!.ip}/32`)!.network
    expect(
      cidrContains(range, ipOf('cidr-10-0-0-0-8')) && !cidrContains(except, ipOf('cidr-10-0-0-0-8'))
    ).toBe(true)
    expect(cidrContains(except, ipOf('cidr-10-0-0-0-24'))).toBe(true)
  })

  it('serves the pods’ ports on external endpoints', () => {
    for (const external of topology.external)
      expect(external.ports).toContainEqual({ protocol: 'TCP', port: 25 })
  })

  it('lets the engine tell the range from its except', () => {
    const engine = createEngine(rulesOf(policies), topology, options)
    const to = (name: string): string =>
      engine.decideFlow({ from: 'shop/api', to: worldKey(name), protocol: 'TCP', port: 80 }).verdict
    expect(['cidr-10-0-0-0-8', 'cidr-10-0-0-0-24', 'cidr-1-1-1-0-24', 'internet'].map(to)).toEqual([
      'allow',
      'deny',
      'allow',
      'deny'
    ])
  })
  it('makes every external a source, so ingress from CIDRs and world is evaluated', () => {
    expect(topology.external.every((external) => external.source === true)).toBe(true)
    const ingress = [
      cnp('shop', 'from-partners', {
        endpointSelector: { matchLabels: { app: 'api' } },
        ingress: [{ fromCIDRSet: [{ cidr: '198.51.100.0/24', except: ['198.51.100.128/25'] }] }]
      })
    ]
    const generated = generate(ingress)
    const engine = createEngine(rulesOf(ingress), generated, options)
    const from = (name: string): string =>
      engine.decideFlow({ from: worldKey(name), to: 'shop/api', protocol: 'TCP', port: 80 }).verdict
    expect(generated.external.map((e) => e.name)).toEqual(['cidr-198-51-100-0-24', 'cidr-198-51-100-128-25'])
    expect(generated.external.map((e) => from(e.name))).toEqual(['allow', 'deny'])
  })
})

describe('generateTopology: names and determinism', () => {
  it('derives DNS-1123 names from label values, deduplicated with -2', () => {
    const topology = generate([
      ccnp('names', {
        endpointSelector: { matchLabels: { app: 'web', tier: 'fe' } },
        ingress: [
          {
            fromEndpoints: [
              { matchLabels: { run: 'web' } },
              { matchLabels: { app: 'My_Web.App' } },
              { matchLabels: { app: 'a'.repeat(60), tier: 'b'.repeat(20) } },
              {}
            ]
          }
        ]
      })
    ])
    const names = topology.pods.filter((pod) => pod.namespace === 'default').map((pod) => pod.name)
    expect(names).toEqual(['a'.repeat(60) + '-bb', 'my-web-app', 'outsider', 'web', 'web-fe'])
    for (const pod of topology.pods) expect(pod.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/)
  })

  it('names a pod `any` when it needs no label, and dedupes clashes', () => {
    const topology = generate([
      cnp('shop', 'any', {
        endpointSelector: { matchLabels: { app: 'web' } },
        ingress: [{ fromEndpoints: [{ matchLabels: { run: 'web' } }, {}] }]
      }),
      knp('shop', 'other', {
        podSelector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }
      })
    ])
    expect(topology.pods.filter((pod) => pod.namespace === 'shop').map((pod) => pod.name)).toEqual([
      'any',
      'outsider',
      'web',
      'web-2'
    ])
  })

  it('gives the same topology for the same rules in any order, and for base and head together', () => {
    const policies = mixedPolicies(40)
    const forward = generate(policies)
    expect(generate(policies)).toEqual(forward)
    expect(generate([...policies].reverse())).toEqual(forward)
    const half = Math.floor(policies.length / 2)
    const split = generateTopology([rulesOf(policies.slice(0, half)), rulesOf(policies.slice(half))], options)
    expect(split).toEqual(forward)
  })

  it('handles 500 policies quickly', () => {
    const policies = mixedPolicies(500)
    const rules = rulesOf(policies)
    const start = performance.now()
    const topology = generateTopology([rules], options)
    const elapsed = performance.now() - start
    expect(topology.pods.length).toBeGreaterThan(300)
    expect(elapsed).toBeLessThan(1000)
  })
})

/** A mix of KNPs, CNPs and CCNPs over 25 namespaces, shaped like a real repository's policies. */
function mixedPolicies(count: number): PolicyDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const ns = `team-${i % 25}`
    const app = `svc-${i % 60}`
    const peer = `svc-${(i * 7) % 60}`
    const ports = { toPorts: [{ ports: [{ port: String(8000 + (i % 20)), protocol: 'TCP' }] }] }
    switch (i % 5) {
      case 0:
        return knp(ns, `knp-${i}`, {
          podSelector: { matchLabels: { app } },
          ingress: [
            { from: [{ podSelector: { matchLabels: { app: peer } } }], ports: [{ port: 8080 + (i % 3) }] }
          ]
        })
      case 1:
        return cnp(ns, `cnp-${i}`, {
          endpointSelector: { matchLabels: { app } },
          ingress: [
            {
              fromEndpoints: [
                { matchLabels: { app: peer, 'k8s:io.kubernetes.pod.namespace': `team-${(i + 3) % 25}` } }
              ],
              ...ports
            }
          ]
        })
      case 2:
        return cnp(ns, `cnp-${i}`, {
          endpointSelector: { matchLabels: { app, tier: i % 2 === 0 ? 'fe' : 'be' } },
          egress: [{ toCIDRSet: [{ cidr: `10.${i % 200}.0.0/16`, except: [`10.${i % 200}.1.0/24`] }] }]
        })
      case 3:
        return knp(ns, `knp-${i}`, {
          podSelector: { matchLabels: { app } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { zone: `z${i % 4}` } } }] }]
        })
      default:
        return i % 50 === 4
          ? ccnp(`ccnp-${i}`, {
              endpointSelector: { matchLabels: { role: `r${i % 3}` } },
              ingressDeny: [{ fromEntities: ['world'] }]
            })
          : cnp(ns, `cnp-${i}`, {
              endpointSelector: {},
              egress: [{ toEndpoints: [{ matchLabels: { app: peer } }] }]
            })
    }
  })
}
