// Broken policy files, one mistake each: what the loader says about every one of them, where,
// and that nothing else in the file is harmed. Fixtures live in test/fixtures/broken/.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Diagnostic, Severity } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import type { AgentSettings, EngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

interface Expected {
  message: string
  path: string
  line: number
  severity?: Severity
}

interface Case {
  expect: Expected[]
  /** Policies in the file that must still load as valid. */
  valid?: string[]
  version?: string
  agent?: Partial<AgentSettings>
}

const e = (message: string, path: string, line: number, severity: Severity = 'error'): Expected => ({
  message,
  path,
  line,
  severity
})
const PORT0 = 'spec.ingress[0].toPorts[0].ports[0]'

/** file → the one problem it holds. Line 0 means "the whole file". */
const CASES: Record<string, Case> = {
  'alias-bomb.yaml': { expect: [e('expands to more than 200000 nodes through aliases', '', 2)] },
  'bad-cidr.yaml': { expect: [e('"10.0.0.0/33" is not a CIDR prefix', 'spec.egress[0].toCIDR[0]', 12)] },
  'bad-label-key.yaml': {
    expect: [
      e('label key "app name" is not valid', 'spec.ingress[0].fromEndpoints[0].matchLabels.app name', 13)
    ]
  },
  'bad-label-value.yaml': {
    expect: [
      e('label value "front end" is not valid', 'spec.ingress[0].from[0].podSelector.matchLabels.app', 14)
    ]
  },
  'bad-namespace-name.yaml': {
    expect: [e('"Shop_Prod" is not a valid namespace name', 'metadata.namespace', 5)]
  },
  'bad-object-name.yaml': { expect: [e('"Web_Ingress" is not a valid object name', 'metadata.name', 4)] },
  'bad-regex-lookahead.yaml': {
    expect: [e('invalid or unsupported Perl syntax', 'spec.ingress[0].toPorts[0].rules.http[0].path', 17)]
  },
  'bad-regex-path.yaml': {
    expect: [e('path is not a valid regular expression', 'spec.ingress[0].toPorts[0].rules.http[0].path', 18)]
  },
  'bad-selector-operator.yaml': {
    expect: [
      e(
        'operator "Equals" is not one of the allowed values',
        'spec.ingress[0].fromEndpoints[0].matchExpressions[0].operator',
        14
      )
    ]
  },
  'bare-ip-cidr.yaml': { expect: [e('"10.0.0.1" is not a CIDR prefix', 'spec.egress[0].toCIDR[0]', 12)] },
  'binary.bin.yaml': { expect: [e('binary or non-UTF-8 file', '', 0)] },
  'ccnp-empty-spec.yaml': {
    expect: [e('needs at least one of ingress, ingressDeny, egress, egressDeny', 'spec', 7)]
  },
  'cidr-group-bad-cidr.yaml': {
    expect: [e('"198.51.100.300/24" is not a CIDR prefix', 'spec.externalCIDRs[1]', 8)]
  },
  'cidrset-cidr-and-group-ref.yaml': {
    expect: [
      e('cidr and cidrGroupRef cannot be set together', 'spec.egress[0].toCIDRSet[0].cidrGroupRef', 13)
    ]
  },
  'cnp-node-selector.yaml': { expect: [e('rule cannot have NodeSelector', 'spec.nodeSelector', 9)] },
  'dns-on-ingress.yaml': {
    expect: [e('DNS rules are not allowed on ingress', 'spec.ingress[0].toPorts[0].rules.dns', 17)]
  },
  'dns-with-endport.yaml': {
    expect: [e('DNS rules do not support port ranges', 'spec.egress[0].toPorts[0].ports[0].endPort', 18)]
  },
  'dns-without-ports.yaml': {
    expect: [e('DNS rules need an explicit port list', 'spec.egress[0].toPorts[0].rules.dns', 18)]
  },
  'duplicate-key.yaml': { expect: [e('duplicated mapping key', '', 15)] },
  'empty-sections.yaml': {
    expect: [e('has no ingress, ingressDeny, egress or egressDeny entries', 'spec', 8)]
  },
  'enable-default-deny-1.15.yaml': {
    version: '1.15.9',
    expect: [e('unknown field "enableDefaultDeny": it exists from Cilium 1.16', 'spec.enableDefaultDeny', 11)]
  },
  'endpoint-and-node-selector.yaml': {
    expect: [e('endpointSelector and nodeSelector cannot be set together', 'spec.nodeSelector', 8)]
  },
  'endport-below-port.yaml': {
    valid: ['web-range:CiliumNetworkPolicy'],
    expect: [
      e('endPort 8000 must be greater than or equal to port 8080', 'spec.ingress[0].ports[0].endPort', 15),
      e('endPort below port: treated as the single port 8080', `${PORT0}.endPort`, 31, 'warning')
    ]
  },
  'endport-string-cnp.yaml': {
    expect: [e('endPort must be an integer, not a string', `${PORT0}.endPort`, 14)]
  },
  'except-outside-cidr.yaml': {
    expect: [e('except 192.168.0.0/16 does not lie inside it', 'spec.egress[0].toCIDRSet[0].except[0]', 14)]
  },
  'exists-with-values.yaml': {
    expect: [
      e(
        'operator Exists takes no values',
        'spec.ingress[0].from[0].podSelector.matchExpressions[0].values',
        17
      )
    ]
  },
  'fqdn-name-and-pattern.yaml': {
    expect: [
      e('matchName and matchPattern cannot be set together', 'spec.egress[0].toFQDNs[0].matchPattern', 13)
    ]
  },
  'from-nodes-without-flag.yaml': {
    expect: [e('fromNodes needs the agent flag enable-node-selector-labels', 'spec.ingress[0].fromNodes', 9)]
  },
  'icmp-in-toports.yaml': {
    expect: [e('protocol "ICMP" is not one of the allowed values', `${PORT0}.protocol`, 14)]
  },
  'icmp-type-name-unknown.yaml': {
    expect: [e('"Ping" is not an ICMP type number or name', 'spec.ingress[0].icmps[0].fields[0].type', 13)]
  },
  'icmp-type-wrong-family.yaml': {
    expect: [
      e(
        'ICMP type name "NeighborSolicitation" does not exist for IPv4',
        'spec.ingress[0].icmps[0].fields[0].type',
        14
      )
    ]
  },
  'icmps-with-toports.yaml': {
    expect: [e('icmps block may only be present without toPorts', 'spec.ingress[0].icmps', 19)]
  },
  'in-without-values.yaml': {
    expect: [
      e(
        'operator In needs at least one value',
        'spec.ingress[0].fromEndpoints[0].matchExpressions[0].values',
        13
      )
    ]
  },
  'kafka-role-and-apikey.yaml': {
    expect: [
      e('role and apiKey cannot be set together', 'spec.ingress[0].toPorts[0].rules.kafka[0].apiKey', 18)
    ]
  },
  'knp-bad-policytype.yaml': {
    expect: [e('policyTypes[0] "ingress" must be written "Ingress"', 'spec.policyTypes[0]', 9)]
  },
  'knp-empty-peer.yaml': {
    expect: [e('a peer must set podSelector, namespaceSelector or ipBlock', 'spec.ingress[0].from[0]', 12)]
  },
  'knp-endport-named-port.yaml': {
    expect: [e('endPort needs a numeric port', 'spec.ingress[0].ports[0].endPort', 14)]
  },
  'knp-except-outside.yaml': {
    expect: [e('must be a strict subset of cidr 10.0.0.0/16', 'spec.egress[0].to[0].ipBlock.except[0]', 17)]
  },
  'knp-ipblock-with-podselector.yaml': {
    expect: [e('ipBlock cannot be combined with podSelector', 'spec.egress[0].to[0].ipBlock', 15)]
  },
  'knp-missing-podselector.yaml': { expect: [e('podSelector is required', 'spec.podSelector', 7)] },
  'knp-port-quoted-number.yaml': {
    expect: [e('port "80" is a quoted number', 'spec.ingress[0].ports[0].port', 13)]
  },
  'l7-on-port-zero.yaml': {
    expect: [e('L7 rules cannot be used when a port is "0"', 'spec.ingress[0].toPorts[0].ports', 13)]
  },
  'l7-proxy-disabled.yaml': {
    agent: { enableL7Proxy: false },
    expect: [e('L7 rules need the agent flag enable-l7-proxy', 'spec.ingress[0].toPorts[0].rules', 16)]
  },
  'l7-without-tcp.yaml': {
    valid: ['web-from-frontend:CiliumNetworkPolicy'],
    expect: [e('L7 rules can only apply to TCP, not ANY', PORT0, 16)]
  },
  'list-with-bad-item.yaml': {
    valid: ['deny-all:NetworkPolicy'],
    expect: [
      e(
        'protocol "TCPP" is not one of the allowed values',
        `items[1].spec.ingress[0].toPorts[0].ports[0].protocol`,
        26
      )
    ]
  },
  'listener-on-ingress.yaml': {
    expect: [e('a listener is not allowed on ingress', 'spec.ingress[0].toPorts[0].listener', 16)]
  },
  'matchlabels-number-value.yaml': {
    expect: [
      e(
        'the value of "version" must be a string, not an integer',
        'spec.ingress[0].fromEndpoints[0].matchLabels.version',
        14
      )
    ]
  },
  'missing-kind.yaml': { expect: [e('the object has no kind', 'kind', 1)] },
  'missing-metadata-name.yaml': { expect: [e('metadata.name is required', 'metadata.name', 4)] },
  'multiple-l7-kinds.yaml': {
    expect: [e('http and dns cannot be set together', 'spec.egress[0].toPorts[0].rules.dns', 17)]
  },
  'no-spec.yaml': { expect: [e('a CiliumNetworkPolicy needs spec or specs', '', 1)] },
  'not-a-mapping.yaml': { expect: [e('must be a mapping with apiVersion and kind', '', 2)] },
  'port-65536.yaml': {
    expect: [e('port "65536" is neither a number from 0 to 65535 nor a valid port name', `${PORT0}.port`, 13)]
  },
  'port-abc-cnp.yaml': {
    expect: [e('port "abc!" is neither a port number nor a port name', `${PORT0}.port`, 14)]
  },
  'port-double-dash-cnp.yaml': {
    expect: [
      e('port "http--x" is neither a number from 0 to 65535 nor a valid port name', `${PORT0}.port`, 14)
    ]
  },
  'port-integer-cnp.yaml': { expect: [e('port must be a string, not an integer', `${PORT0}.port`, 13)] },
  'port-leading-zero-cnp.yaml': {
    expect: [e('port "080" is neither a number from 0 to 65535 nor a valid port name', `${PORT0}.port`, 14)]
  },
  'port-zero-knp.yaml': { expect: [e('port 0 is out of range', 'spec.ingress[0].ports[0].port', 14)] },
  'protocol-lowercase.yaml': {
    expect: [e('protocol "tcp" must be written "TCP" (values are case-sensitive)', `${PORT0}.protocol`, 14)]
  },
  'specs-bad-entry.yaml': {
    expect: [
      e(
        'protocol "HTTPS" is not one of the allowed values',
        'specs[1].egress[0].toPorts[0].ports[0].protocol',
        21
      )
    ]
  },
  'tabs-indentation.yaml': { expect: [e('tab characters must not be used in indentation', '', 5)] },
  'to-groups-aws.yaml': {
    expect: [e('skipped by the agent without the AWS integration', 'spec.egress[0].toGroups', 12, 'warning')]
  },
  'too-many-ports.yaml': {
    expect: [e('ports has 41 entries, more than the limit of 40', 'spec.ingress[0].toPorts[0].ports', 13)]
  },
  'two-peer-kinds.yaml': {
    valid: ['web-from-frontend:CiliumNetworkPolicy'],
    expect: [e('combining fromEndpoints and fromEntities in one rule', 'spec.ingress[0].fromEntities', 15)]
  },
  'unknown-entity.yaml': {
    expect: [
      e('toEntities[0] "world-ipv4" is not one of the allowed values', 'spec.egress[0].toEntities[0]', 12)
    ]
  },
  'unknown-field.yaml': {
    valid: ['web-from-frontend:CiliumNetworkPolicy'],
    expect: [
      e('unknown field "fromEndpoint"; did you mean "fromEndpoints"?', 'spec.ingress[0].fromEndpoint', 12)
    ]
  },
  'wrong-apiversion.yaml': {
    expect: [e('a CiliumNetworkPolicy has apiVersion cilium.io/v2', 'apiVersion', 2)]
  },
  'wrong-type-fromendpoints-object.yaml': {
    expect: [e('fromEndpoints must be a list, not a mapping', 'spec.ingress[0].fromEndpoints', 12)]
  },
  'yaml-bad-indentation.yaml': { expect: [e('bad indentation of a mapping entry', '', 6)] },
  'yaml-syntax.yaml': { expect: [e('YAML syntax error', '', 10)] }
}

function optionsFor(entry: Case): EngineOptions {
  return makeEngineOptions({ ciliumVersion: entry.version, agent: entry.agent })
}

function readFixture(relative: string): string {
  return readFileSync(`${FIXTURES}${relative}`, 'utf8')
}

const matches = (d: Diagnostic, expected: Expected): boolean =>
  d.severity === expected.severity && d.message.includes(expected.message) && d.path === expected.path

const brokenFiles = readdirSync(`${FIXTURES}broken`).sort()

describe('broken policy fixtures', () => {
  it('hold at least 45 files, each described in the table below', () => {
    expect(brokenFiles.length).toBeGreaterThanOrEqual(45)
    expect(brokenFiles.filter((file) => !Object.hasOwn(CASES, file))).toEqual([])
    expect(Object.keys(CASES).filter((file) => !brokenFiles.includes(file))).toEqual([])
  })

  describe.each(Object.entries(CASES))('%s', (file, entry) => {
    const loaded = loadPolicyText(readFixture(`broken/${file}`), file, optionsFor(entry))
    const problems = loaded.diagnostics.filter((d) => d.severity !== 'notice')

    it.each(entry.expect)('reports "$message" at $path, line $line', (expected) => {
      const found = problems.find((d) => matches(d, expected))
      expect(found).toMatchObject({
        file,
        line: expected.line,
        path: expected.path,
        severity: expected.severity
      })
      expect(found?.column).toBeGreaterThanOrEqual(expected.line === 0 ? 0 : 1)
      if (found?.value !== undefined) expect(found.value.length).toBeLessThanOrEqual(80)
    })

    it('reports nothing else, and refuses the broken object while its neighbours stay valid', () => {
      expect(problems.filter((d) => !entry.expect.some((expected) => matches(d, expected)))).toEqual([])
      for (const policy of loaded.policies) {
        const key = `${policy.ref.name}:${policy.ref.kind}`
        expect([key, policy.valid]).toEqual([key, (entry.valid ?? []).includes(key)])
      }
      for (const name of entry.valid ?? []) {
        expect(loaded.policies.some((p) => `${p.ref.name}:${p.ref.kind}` === name)).toBe(true)
      }
    })
  })
})

describe('the neighbours of broken files', () => {
  it.each(readdirSync(`${FIXTURES}broken-neighbours`).sort())('%s loads valid with no problems', (file) => {
    const loaded = loadPolicyText(readFixture(`broken-neighbours/${file}`), file, makeEngineOptions())
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.policies.length).toBeGreaterThan(0)
    expect(loaded.policies.every((policy) => policy.valid)).toBe(true)
  })

  it('a file that only holds a Deployment gives a workload for the topology, no policy and no diagnostic', () => {
    const loaded = loadPolicyText(
      readFixture('ignored/unknown-kind-only.yaml'),
      'deploy.yaml',
      makeEngineOptions()
    )
    expect(loaded.policies).toEqual([])
    expect(loaded.diagnostics).toEqual([])
    expect(loaded.workloads).toEqual([expect.objectContaining({ kind: 'Deployment', line: 2 })])
  })

  it('a kind that is neither a policy nor a workload gives a notice that names it', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n'
    const loaded = loadPolicyText(text, 'svc.yaml', makeEngineOptions())
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ severity: 'notice', message: expect.stringContaining('Service') })
    ])
  })
})

describe('every broken fixture, on every Cilium minor', () => {
  it.each(['1.15.0', '1.16.0', '1.17.0', '1.18.0'])('loads without throwing on %s', (version) => {
    const options = makeEngineOptions({ ciliumVersion: version })
    for (const file of brokenFiles) {
      const loaded = loadPolicyText(readFixture(`broken/${file}`), file, options)
      for (const d of loaded.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(d.message.startsWith('binary') ? 0 : 1)
      }
    }
  })
})
