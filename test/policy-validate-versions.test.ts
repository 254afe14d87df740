// What the Cilium version and the agent settings change about validation
// (cilium-crd-fields.md availability column, §14; cilium-semantics.md §0, R12.1, R12.2, §13).
import { describe, expect, it } from '@jest/globals'
import { makeEngineOptions } from '../src/core/options.js'
import type { AgentSettings } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import type { LoadedPolicies } from '../src/core/policy/document.js'

const load = (text: string, version = '1.18.0', agent: Partial<AgentSettings> = {}): LoadedPolicies =>
  loadPolicyText(text, 'p.yaml', makeEngineOptions({ ciliumVersion: version, agent: agent }))
const isValid = (text: string, version?: string, agent?: Partial<AgentSettings>): boolean => {
  const loaded = load(text, version, agent)
  expect(loaded.policies).toHaveLength(1)
  return loaded.policies[0].valid
}
const errorText = (text: string, version?: string, agent?: Partial<AgentSettings>): string =>
  load(text, version, agent)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.path}: ${d.message}`)
    .join('\n')

/** A policy of `kind` whose spec holds `body` (YAML, indented by two). */
const policy = (body: string, kind = 'CiliumNetworkPolicy'): string =>
  `apiVersion: cilium.io/v2\nkind: ${kind}\nmetadata: {name: p, namespace: x}\nspec:\n${body}`
const ccnp = (body: string): string => policy(body, 'CiliumClusterwideNetworkPolicy')
const ALL = ['1.15.0', '1.16.0', '1.17.0', '1.18.0']

describe('fields that appear in later versions are unknown fields before', () => {
  it.each([
    [
      'enableDefaultDeny',
      '  endpointSelector: {}\n  enableDefaultDeny: {ingress: false}\n  ingress: [{}]\n',
      '1.16.0'
    ],
    [
      'endPort',
      '  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [{port: "80", endPort: 90}]}]}]\n',
      '1.16.0'
    ],
    ['fromNodes', '  endpointSelector: {}\n  ingress: [{fromNodes: [{}]}]\n', '1.16.0'],
    ['fromGroups', '  endpointSelector: {}\n  ingress: [{fromGroups: [{aws: {region: eu}}]}]\n', '1.16.0'],
    [
      'listener.priority',
      '  endpointSelector: {}\n  egress: [{toPorts: [{listener: {name: l, envoyConfig: {name: e}, priority: 5}}]}]\n',
      '1.16.0'
    ],
    [
      'cidrGroupSelector',
      '  endpointSelector: {}\n  egress: [{toCIDRSet: [{cidrGroupSelector: {}}]}]\n',
      '1.17.0'
    ],
    ['log', '  endpointSelector: {}\n  log: {value: audit}\n  ingress: [{}]\n', '1.18.0']
  ])('%s is known from %s on', (field, body, since) => {
    const first = ALL.indexOf(since)
    for (const [index, version] of ALL.entries()) {
      const errors = errorText(policy(body), version)
      if (index < first)
        expect(errors).toMatch(
          `unknown field "${field.split('.').pop() ?? ''}": it exists from Cilium ${since.slice(0, 4)}`
        )
      else expect(errors).not.toMatch('unknown field')
    }
  })

  it('enableDefaultDeny: invalid on 1.15, valid on 1.16', () => {
    const text = policy('  endpointSelector: {}\n  enableDefaultDeny: {ingress: false}\n  ingress: [{}]\n')
    expect(isValid(text, '1.15.3')).toBe(false)
    expect(isValid(text, '1.16.0')).toBe(true)
  })
})

describe('constraints that changed with the CRD', () => {
  const icmpName = policy(
    '  endpointSelector: {}\n  ingress: [{icmps: [{fields: [{type: EchoRequest, family: IPv6}]}]}]\n'
  )

  it('ICMP type names need 1.16 (before, type is an integer 0–255)', () => {
    expect(errorText(icmpName, '1.15.0')).toMatch('type must be an integer, not a string')
    expect(isValid(icmpName, '1.16.0')).toBe(true)
    expect(errorText(icmpName.replace('EchoRequest', '"300"'), '1.17.0')).toMatch('"300" is not an ICMP type')
    expect(errorText(icmpName.replace('EchoRequest', '300'), '1.17.0')).toMatch(
      'ICMP type 300 is out of range'
    )
    expect(errorText(icmpName.replace('EchoRequest', '256'), '1.15.0')).toMatch('type 256 is out of range')
  })

  it('a bare address in toCIDR passes on 1.15 and is refused from 1.16 (format: cidr)', () => {
    const text = policy('  endpointSelector: {}\n  egress: [{toCIDR: [192.0.2.1]}]\n')
    expect(isValid(text, '1.15.0')).toBe(true)
    expect(errorText(text, '1.16.0')).toMatch('"192.0.2.1" is not a CIDR prefix')
  })

  it('a bare address as a toCIDRSet cidr is refused by the agent even on 1.15', () => {
    const text = policy('  endpointSelector: {}\n  egress: [{toCIDRSet: [{cidr: 192.0.2.1}]}]\n')
    expect(errorText(text, '1.15.0')).toMatch('cidr "192.0.2.1" is an address, not a prefix')
  })

  it('a rule without sections is refused from 1.18; before, it is accepted and does nothing', () => {
    const text = ccnp('  endpointSelector: {}\n  description: nothing\n')
    for (const version of ['1.15.0', '1.16.0', '1.17.0']) expect(isValid(text, version)).toBe(true)
    expect(errorText(text, '1.18.0')).toMatch(
      'needs at least one of ingress, ingressDeny, egress, egressDeny'
    )
  })

  it('more than 40 ports: refused by the agent on 1.15, by the API server from 1.16', () => {
    const ports = Array.from({ length: 41 }, (_, i) => `{port: "${8000 + i}"}`).join(', ')
    const text = policy(`  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [${ports}]}]}]\n`)
    expect(errorText(text, '1.15.0')).toMatch(/too many ports \(41\).*Cilium refuses the whole policy/)
    expect(errorText(text, '1.16.0')).toMatch(/ports has 41 entries.*the API server rejects the object/)
  })

  it('two L7 kinds in one rules object: agent error on 1.15, CRD oneOf from 1.16', () => {
    const text = policy(
      '  endpointSelector: {}\n  egress: [{toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{}], kafka: [{}]}}]}]\n'
    )
    expect(errorText(text, '1.15.0')).toMatch('multiple L7 rule kinds')
    expect(errorText(text, '1.16.0')).toMatch('http and kafka cannot be set together')
  })

  it('deny rules get the agent checks from 1.18 only (commit 557498b)', () => {
    const text = policy(
      '  endpointSelector: {}\n  ingressDeny: [{fromEndpoints: [{}], fromEntities: [world]}]\n'
    )
    for (const version of ['1.15.0', '1.16.0', '1.17.0']) expect(isValid(text, version)).toBe(true)
    expect(errorText(text, '1.18.0')).toMatch('combining fromEndpoints and fromEntities')
  })

  it('allow rules get them in every version', () => {
    const text = policy(
      '  endpointSelector: {}\n  egress: [{toEndpoints: [{}], toFQDNs: [{matchName: a.example}]}]\n'
    )
    for (const version of ALL) expect(errorText(text, version)).toMatch('combining toEndpoints and toFQDNs')
  })

  it('a KNP endPort is refused by nobody on 1.15, but Cilium ignores it (a warning)', () => {
    const text =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: x}\nspec:\n  podSelector: {}\n  ingress: [{ports: [{port: 8000, endPort: 8080}]}]\n'
    const old = load(text, '1.15.0')
    expect(old.policies[0].valid).toBe(true)
    expect(old.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'spec.ingress[0].ports[0].endPort' })
    ])
    expect(load(text, '1.16.0').diagnostics).toEqual([])
  })
})

describe('agent settings (cilium-semantics.md §0)', () => {
  const icmp = policy('  endpointSelector: {}\n  ingress: [{icmps: [{fields: [{type: 8}]}]}]\n')
  const fromNodes = ccnp('  endpointSelector: {}\n  ingress: [{fromNodes: [{matchLabels: {zone: a}}]}]\n')
  const http = policy(
    '  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET}]}}]}]\n'
  )

  it('icmps need enable-icmp-rules', () => {
    expect(isValid(icmp)).toBe(true)
    expect(errorText(icmp, '1.18.0', { enableIcmpRules: false })).toMatch('enable-icmp-rules')
  })

  it('fromNodes/toNodes need enable-node-selector-labels (off by default)', () => {
    expect(isValid(fromNodes)).toBe(false)
    expect(isValid(fromNodes, '1.18.0', { enableNodeSelectorLabels: true })).toBe(true)
  })

  it('L7 rules need enable-l7-proxy', () => {
    expect(isValid(http)).toBe(true)
    expect(isValid(http, '1.18.0', { enableL7Proxy: false })).toBe(false)
  })

  it('enableDefaultDeny is ignored, with a warning, while enable-non-default-deny-policies is false', () => {
    const text = policy('  endpointSelector: {}\n  enableDefaultDeny: {egress: false}\n  ingress: [{}]\n')
    const loaded = load(text, '1.17.0', { enableNonDefaultDenyPolicies: false })
    expect(loaded.policies[0].valid).toBe(true)
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'spec.enableDefaultDeny' })
    ])
  })
})

describe('host policies (nodeSelector, R4.4)', () => {
  const dnsEgress = ccnp(
    '  nodeSelector: {}\n  egress: [{toPorts: [{ports: [{port: "53", protocol: UDP}], rules: {dns: [{matchPattern: "*"}]}}]}]\n'
  )
  const httpEgress = dnsEgress
    .replace('rules: {dns: [{matchPattern: "*"}]}', 'rules: {http: [{}]}')
    .replace('UDP', 'TCP')

  it('allow only DNS rules on egress from 1.17, and no L7 at all before', () => {
    expect(isValid(dnsEgress, '1.17.0')).toBe(true)
    expect(errorText(dnsEgress, '1.16.0')).toMatch('host policies (nodeSelector) support no L7 rules')
    expect(errorText(httpEgress, '1.18.0')).toMatch('only DNS rules on egress')
  })

  it('are fine in a CCNP, refused in a CNP spec, and only warned about in CNP specs[]', () => {
    expect(isValid(ccnp('  nodeSelector: {}\n  ingress: [{fromEntities: [cluster]}]\n'))).toBe(true)
    expect(errorText(policy('  nodeSelector: {}\n  ingress: [{}]\n'))).toMatch(
      'rule cannot have NodeSelector'
    )
    const specs = load(
      'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p, namespace: x}\nspecs:\n- nodeSelector: {}\n  ingress: [{}]\n'
    )
    expect(specs.policies[0].valid).toBe(true)
    expect(specs.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'specs[0].nodeSelector' })
    ])
  })
})

describe('Cilium-layer details', () => {
  const port = (value: string, extra = ''): string =>
    policy(`  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [{port: "${value}"${extra}}]}]}]\n`)

  it.each(['80', '0', '65535', '017', '1_000', 'http', 'HTTP-Alt', 'abc', '0x50', 'h2c', '8O'])(
    'port "%s" is accepted',
    (value) => expect(isValid(port(value))).toBe(true)
  )

  it.each(['65536', '080', '99999', '1__0', 'ab_c', 'http--x', '-http', 'a-very-long-port-name'])(
    'port "%s" is refused',
    (value) => expect(isValid(port(value))).toBe(false)
  )

  it('endPort on a named port is ignored, with a warning', () => {
    const loaded = load(port('http', ', endPort: 90'))
    expect(loaded.policies[0].valid).toBe(true)
    expect(loaded.diagnostics[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('ignored for the named port')
    })
  })

  it('groups rules make the agent skip the policy: a warning, and the policy contributes nothing (R7.7)', () => {
    const loaded = load(
      policy('  endpointSelector: {}\n  ingress: [{fromGroups: [{aws: {securityGroupsIds: [sg-1]}}]}]\n')
    )
    expect(loaded.diagnostics.map((d) => d.severity)).toEqual(['warning'])
    expect(loaded.policies[0].valid).toBe(false)
  })

  it('selector keys are checked after the source prefix is turned into Cilium form', () => {
    const selector = (key: string): string =>
      policy(`  endpointSelector:\n    matchLabels: {"${key}": x}\n  ingress: [{}]\n`)
    expect(isValid(selector('k8s:io.kubernetes.pod.namespace'))).toBe(true)
    expect(isValid(selector('k8s:app.kubernetes.io/name'))).toBe(true)
    expect(isValid(selector('reserved:host'))).toBe(true)
    expect(errorText(selector('k8s:'))).toMatch('label key "k8s:" is not valid')
    expect(errorText(selector('K8S:Example.com/app'))).toMatch(
      'prefix before "/" must be a lowercase DNS subdomain'
    )
    expect(errorText(selector('a/b/c'))).toMatch('at most one "/"')
  })

  it('HTTP rules: method and path must compile as RE2; headerMatches and Kafka are sanity-checked', () => {
    const http = (rule: string): string =>
      policy(
        `  endpointSelector: {}\n  ingress: [{toPorts: [{ports: [{port: "80", protocol: TCP}], rules: ${rule}}]}]\n`
      )
    expect(isValid(http('{http: [{method: "(?i)get|post", path: "/api/(?P<v>v[0-9]+)/.*"}]}'))).toBe(true)
    // RE2 has no back-references: `\\1` is an unknown escape to it (Go regexp/syntax).
    expect(errorText(http('{http: [{path: "/(a)\\\\1"}]}'))).toMatch('invalid escape sequence: `\\1`')
    expect(errorText(http('{http: [{method: "*"}]}'))).toMatch('method is not a valid regular expression')
    expect(errorText(http('{http: [{headerMatches: [{name: x, mismatch: DROP}]}]}'))).toMatch(
      'mismatch "DROP"'
    )
    expect(errorText(http('{kafka: [{apiKey: nosuchkey}]}'))).toMatch('"nosuchkey" is not a Kafka API key')
    expect(errorText(http('{kafka: [{apiVersion: "40000"}]}'))).toMatch('not a number 0–32767')
    expect(errorText(http('{kafka: [{role: Produce}]}'))).toMatch('role "Produce" must be written "produce"')
    expect(errorText(http('{l7: [{a: b}]}'))).toMatch(/needs exactly one of http, kafka, dns, l7proto/)
    expect(isValid(http('{l7proto: myproto, l7: [{a: b}]}'))).toBe(true)
  })

  it('except must lie inside the cidr and be of its family (R7.2)', () => {
    const set = (except: string): string =>
      policy(`  endpointSelector: {}\n  egress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [${except}]}]}]\n`)
    expect(isValid(set('10.96.0.0/12'))).toBe(true)
    expect(isValid(set('10.0.0.0/8'))).toBe(true)
    expect(errorText(set('10.0.0.0/4'))).toMatch('does not lie inside it')
    expect(errorText(set('"2001:db8::/64"'))).toMatch('is of the other address family')
  })
})
