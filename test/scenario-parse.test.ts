// parseScenario: what a valid scenario reads as, and the diagnostic (with its line) for each
// way a scenario file can be wrong. Broken whole files live in test/fixtures/scenarios/.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import type { Diagnostic } from '../src/core/model.js'
import { parseScenario } from '../src/core/scenario/parse.js'
import type { Scenario } from '../src/core/scenario/scenario.js'
import { parseYamlDocuments } from '../src/core/yaml-source.js'

const lines = (...text: string[]): string => text.join('\n') + '\n'

const VALID = lines(
  'name: tiny-case',
  'tags: [k8s-netpol, made-up-tag]',
  'topology:',
  '  namespaces:',
  '    x: {labels: {team: blue}}',
  '    "y": {}',
  '  pods:',
  '    - {name: a, namespace: x, labels: {pod: a}, ports: [{port: 80, protocol: TCP, name: http}]}',
  '    - {name: b, namespace: "y", serviceAccount: robot, ip: 10.0.0.2, ports: [{protocol: ICMP}]}',
  '  external:',
  '    - {name: one, ip: 1.1.1.1, ports: [{port: 443, protocol: TCP}]}',
  'policies: |',
  '  ---',
  '  apiVersion: networking.k8s.io/v1',
  '  kind: NetworkPolicy',
  '  metadata: {name: deny-all, namespace: x}',
  '  spec: {podSelector: {}}',
  'expect:',
  '  - {from: "*", to: "*", verdict: allow}',
  '  - {from: "*", to: "world/*", port: 443, protocol: TCP, verdict: deny}',
  '  - {from: "x/a", to: "*", http: {method: GET, path: /public}, verdict: deny}'
)

function parseOk(text: string): { scenario: Scenario; diagnostics: Diagnostic[] } {
  const { scenario, diagnostics } = parseScenario(text, 'case.yaml')
  if (!scenario) throw new Error(`expected a scenario, got ${JSON.stringify(diagnostics)}`)
  return { scenario, diagnostics }
}

/** `line:column path: message` for each diagnostic of one severity: compact enough to list in a table. */
function problems(text: string, severity: Diagnostic['severity'] = 'error'): string[] {
  return parseScenario(text, 'case.yaml')
    .diagnostics.filter((d) => d.severity === severity)
    .map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`)
}

/** VALID with the policies block (lines 12–17) replaced by `text`. */
function withPolicies(text: string): string {
  return VALID.replace(/policies: \|\n(?: {2}.*\n)+/, text === '' ? '' : `${text}\n`)
}

/** VALID with one line replaced (1-based), so each case below differs from a good file in one place. */
function withLine(line: number, text: string): string {
  const all = VALID.split('\n')
  all[line - 1] = text
  return all.join('\n')
}

describe('parseScenario on a valid file', () => {
  it('reads every field and fills in the defaults', () => {
    const { scenario, diagnostics } = parseOk(VALID)
    expect(diagnostics).toEqual([])
    expect(scenario).toMatchObject({
      file: 'case.yaml',
      name: 'tiny-case',
      tags: ['k8s-netpol', 'made-up-tag'],
      enforcement: 'default',
      agent: {},
      policiesOrigin: { lineOffset: 12, columnOffset: 2 }
    })
    expect(scenario.policiesText.startsWith('---\napiVersion: networking.k8s.io/v1\n')).toBe(true)
  })

  it('adds kubernetes.io/metadata.name to every namespace', () => {
    const { namespaces } = parseOk(VALID).scenario.topology!
    expect(namespaces).toEqual([
      { name: 'x', labels: { team: 'blue', 'kubernetes.io/metadata.name': 'x' } },
      { name: 'y', labels: { 'kubernetes.io/metadata.name': 'y' } }
    ])
  })

  it('defaults a pod service account to "default" and keeps ports, names and IPs', () => {
    const { pods, external } = parseOk(VALID).scenario.topology!
    expect(pods).toEqual([
      {
        namespace: 'x',
        name: 'a',
        labels: { pod: 'a' },
        serviceAccount: 'default',
        ports: [{ protocol: 'TCP', port: 80, name: 'http' }]
      },
      {
        namespace: 'y',
        name: 'b',
        labels: {},
        serviceAccount: 'robot',
        ip: '10.0.0.2',
        ports: [{ protocol: 'ICMP' }]
      }
    ])
    expect(external).toEqual([{ name: 'one', ip: '1.1.1.1', ports: [{ protocol: 'TCP', port: 443 }] }])
  })

  it('keeps expect entries in file order, with their line and column', () => {
    expect(parseOk(VALID).scenario.expect).toEqual([
      { from: '*', to: '*', verdict: 'allow', line: 19, column: 5 },
      { from: '*', to: 'world/*', port: 443, protocol: 'TCP', verdict: 'deny', line: 20, column: 5 },
      { from: 'x/a', to: '*', http: { method: 'GET', path: '/public' }, verdict: 'deny', line: 21, column: 5 }
    ])
  })

  it('reads enforcement and agent flags', () => {
    const text =
      lines('enforcement: always', 'agent: {enable-sctp: true, policy-cidr-match-mode: nodes}') + VALID
    const { scenario } = parseOk(text)
    expect(scenario.enforcement).toBe('always')
    expect(scenario.agent).toEqual({ enableSctp: true, policyCidrMatchMode: 'nodes' })
  })

  it('takes a missing or empty policies field as no policies', () => {
    expect(parseOk(withPolicies('policies: ""')).scenario.policiesText).toBe('')
    expect(parseOk(withPolicies('')).scenario.policiesText).toBe('')
  })

  it('ignores x- extension fields anywhere and warns about unknown fields', () => {
    const text =
      withLine(8, '    - {name: a, namespace: x, x-note: hi, serviceacount: me, ports: []}') +
      'x-owner: me\nowner: me\n'
    const { diagnostics } = parseOk(text)
    expect(diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.path}`)).toEqual([
      'warning 23:8 owner',
      'warning 8:58 topology.pods[0].serviceacount'
    ])
  })
})

describe('parseScenario reports each problem where it is', () => {
  it.each([
    ['name not kebab-case', withLine(1, 'name: Tiny_Case'), '1:7 name: name is malformed'],
    ['name missing', withLine(1, 'source: somewhere'), '1:1 name: name is required'],
    ['tags not a list', withLine(2, 'tags: k8s-netpol'), '2:7 tags: tags must be a list'],
    [
      'tag not a string',
      withLine(2, 'tags: [cnp, {a: 1}]'),
      '2:13 tags[1]: a tag must be a non-empty string'
    ],
    [
      'unknown enforcement',
      withLine(2, 'enforcement: sometimes'),
      '2:14 enforcement: unknown policy-enforcement mode'
    ],
    [
      'unknown agent flag',
      withLine(2, 'agent: {enable-warp: true}'),
      '2:22 agent.enable-warp: unknown agent flag enable-warp'
    ],
    [
      'agent flag not boolean',
      withLine(2, 'agent: {enable-sctp: "yes"}'),
      '2:23 agent.enable-sctp: enable-sctp must be true or false'
    ],
    [
      'bad cidr match mode',
      withLine(2, 'agent: {policy-cidr-match-mode: all}'),
      '2:33 agent.policy-cidr-match-mode: policy-cidr-match-mode must be "" or "nodes"'
    ],
    [
      'namespaces not a map',
      VALID.replace(/ {2}namespaces:\n(?: {4}.*\n)+/, '  namespaces: [x, "y"]\n'),
      [
        '4:15 topology.namespaces: namespaces must be a map',
        '6:28 topology.pods[0].namespace: namespace "x" is not listed in topology.namespaces',
        '7:29 topology.pods[1].namespace: namespace "y" is not listed in topology.namespaces'
      ]
    ],
    [
      'namespace labels not strings',
      withLine(5, '    x: {labels: {tier: 1}}'),
      '5:24 topology.namespaces.x.labels.tier: label "tier" must have a string value'
    ],
    [
      'metadata.name label contradicting the name',
      withLine(5, '    x: {labels: {kubernetes.io/metadata.name: z}}'),
      "5:47 topology.namespaces.x.labels.kubernetes.io/metadata.name: kubernetes.io/metadata.name is always the namespace's name"
    ],
    [
      'pod without a name',
      withLine(8, '    - {namespace: x, ports: []}'),
      '8:7 topology.pods[0].name: name is required'
    ],
    [
      'label value a boolean',
      withLine(8, '    - {name: a, namespace: x, labels: {on: true}}'),
      '8:44 topology.pods[0].labels.on: label "on" must have a string value'
    ],
    [
      'port without protocol',
      withLine(8, '    - {name: a, namespace: x, ports: [{port: 80}]}'),
      '8:39 topology.pods[0].ports[0].protocol: protocol is required'
    ],
    [
      'ports not a list',
      withLine(8, '    - {name: a, namespace: x, ports: 80}'),
      '8:38 topology.pods[0].ports: ports must be a list'
    ],
    [
      'pods not a list',
      VALID.replace(/ {2}pods:\n(?: {4}.*\n)+/, '  pods: {a: {}}\n'),
      '7:9 topology.pods: pods must be a list'
    ],
    [
      'external name with a slash',
      withLine(11, '    - {name: a/b, ip: 1.1.1.1}'),
      '11:14 topology.external[0].name: name is malformed'
    ],
    [
      'policies not text',
      withPolicies('policies: [a]'),
      '12:11 policies: policies must be a block of YAML text'
    ],
    [
      'expect not a list',
      VALID.replace(/expect:[\s\S]*$/, 'expect: {from: "*"}\n'),
      '18:9 expect: expect must be a list'
    ],
    ['expect missing', VALID.replace(/expect:[\s\S]*$/, ''), '1:1 expect: expect is required'],
    [
      'verdict misspelt',
      withLine(19, '  - {from: "*", to: "*", verdict: allowed}'),
      '19:35 expect[0].verdict: unknown verdict'
    ],
    [
      'to with a partial wildcard',
      withLine(19, '  - {from: "*", to: "x/a*", verdict: allow}'),
      '19:22 expect[0].to: to: "a*": "*" stands for a whole namespace or pod name, not part of one'
    ]
  ])('%s', (_title, text, expected) => {
    expect(problems(text)).toEqual(Array.isArray(expected) ? expected : [expected])
  })

  it('returns no scenario when anything is an error, but still every diagnostic', () => {
    const { scenario, diagnostics } = parseScenario(withLine(1, 'name: Bad') + 'owner: me\n', 'case.yaml')
    expect(scenario).toBeUndefined()
    expect(diagnostics.map((d) => d.severity).sort()).toEqual(['error', 'warning'])
  })

  it('fills in every field of a diagnostic', () => {
    expect(parseScenario(withLine(2, 'enforcement: sometimes'), 'case.yaml').diagnostics).toEqual([
      {
        severity: 'error',
        file: 'case.yaml',
        line: 2,
        column: 14,
        path: 'enforcement',
        message: 'unknown policy-enforcement mode',
        value: 'sometimes',
        expected: 'default, always, never'
      }
    ])
  })

  it('reports YAML syntax errors with their position', () => {
    expect(problems('name: a\ntopology: {namespaces: [\n')).toHaveLength(1)
    expect(parseScenario('name: [a\n', 'case.yaml').diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 2
    })
  })

  it('rejects an empty file, a file that is not a map and a file of two documents', () => {
    expect(problems('')).toEqual(['0:0 : the scenario file is empty'])
    expect(problems('- a\n')).toEqual(['1:1 : a scenario must be a map'])
    expect(problems(VALID + '---\nname: other\n')).toEqual([
      '23:1 : a scenario file holds one YAML document, found 2'
    ])
  })
})

describe('broken scenario fixtures', () => {
  const fixture = (name: string): string =>
    readFileSync(new URL(`./fixtures/scenarios/${name}`, import.meta.url), 'utf8')

  it('broken-topology.yaml: one error per broken line', () => {
    expect(problems(fixture('broken-topology.yaml')).sort()).toEqual(
      [
        '7:15 topology.namespaces.Bad_Name: "Bad_Name" is not a valid namespace name',
        '8:12 topology.namespaces.world: namespace "world" is reserved',
        '11:14 topology.pods[1].name: duplicate pod x/a',
        '12:28 topology.pods[2].namespace: namespace "nowhere" is not listed in topology.namespaces',
        '13:49 topology.pods[3].labels.version: label "version" must have a string value',
        '14:52 topology.pods[4].labels.bad key!: "bad key!" is not a valid label key',
        '15:35 topology.pods[5].ip: ip is malformed',
        '17:35 topology.pods[7].ip: ip 10.0.0.1 is already used by pod x/f',
        '21:18 topology.pods[8].ports[0].port: port must be a port number',
        '22:11 topology.pods[8].ports[1].port: TCP port needs a port number',
        '23:18 topology.pods[8].ports[2].port: ICMP has no port',
        '24:32 topology.pods[8].ports[3].protocol: unknown protocol "tcp"',
        '25:43 topology.pods[8].ports[4].name: "Not_A_Name" is not a valid port name',
        '27:11 topology.pods[8].ports[6]: duplicate port UDP/83',
        '28:47 topology.pods[9].serviceAccount: serviceAccount is malformed',
        '30:7 topology.external[0].ip: ip is required',
        '32:14 topology.external[2].name: duplicate external endpoint two',
        '33:43 topology.external[3].source: source must be true or false'
      ].sort()
    )
  })

  it('broken-expect.yaml: one error per broken entry', () => {
    expect(problems(fixture('broken-expect.yaml'))).toEqual([
      '14:5 expect[1].verdict: verdict is required',
      '15:35 expect[2].verdict: unknown verdict',
      '16:13 expect[3].from: from: "a*": "*" stands for a whole namespace or pod name, not part of one',
      '17:13 expect[4].from: from: "One" is not a valid name',
      '18:13 expect[5].from: from: a pattern is "*" or "namespace/pod"',
      '19:35 expect[6].port: port must be a port number',
      '20:34 expect[7].port: ICMP has no port',
      '21:38 expect[8].protocol: an http entry is about a TCP connection',
      '22:55 expect[9].http.path: path is malformed',
      '23:5 expect[10].from: from is required',
      '24:6 expect[11]: an expect entry must be a map'
    ])
  })
})

describe('policiesOrigin', () => {
  /** Where `kind:` of each policy document lands in the scenario file, via the origin. */
  function kindPositions(text: string): string[] {
    const { scenario } = parseOk(text)
    const { lineOffset, columnOffset } = scenario.policiesOrigin
    const fileLines = text.split('\n')
    return parseYamlDocuments(scenario.policiesText, 'case.yaml').documents.map((document) => {
      const { line, column } = document.locate(['kind'])
      return fileLines[line + lineOffset - 1].slice(column + columnOffset - 1)
    })
  }

  it('maps a policy position to the same text in the scenario file', () => {
    expect(kindPositions(VALID)).toEqual(['NetworkPolicy'])
  })

  it('follows a deeper indentation and a leading blank line', () => {
    const text = readFileSync(new URL('./fixtures/scenarios/policies-indented.yaml', import.meta.url), 'utf8')
    expect(parseOk(text).scenario.policiesOrigin).toEqual({ lineOffset: 8, columnOffset: 4 })
    expect(kindPositions(text)).toEqual(['NetworkPolicy', 'CiliumNetworkPolicy'])
  })

  it("honours an explicit indentation indicator over the first line's indentation", () => {
    // The first content line is indented further than the block: only the indicator tells.
    const text = VALID.replace('policies: |\n', 'policies: |2  # indicator\n    # indented comment\n')
    expect(parseOk(text).scenario.policiesOrigin).toEqual({ lineOffset: 12, columnOffset: 2 })
    expect(kindPositions(text)).toEqual(['NetworkPolicy'])
  })

  it("points a real case file's policy lines at the right text", () => {
    const text = readFileSync(
      new URL('../conformance/cilium/cct-echo-ingress-l7.yaml', import.meta.url),
      'utf8'
    )
    const { scenario } = parseOk(text)
    // `policies: |` is line 39; the first policy line, `---`, is line 40.
    expect(text.split('\n')[38]).toBe('policies: |')
    expect(scenario.policiesOrigin).toEqual({ lineOffset: 39, columnOffset: 2 })
    const [policy] = parseYamlDocuments(scenario.policiesText, 'case.yaml').documents
    const { line, column } = policy.locate(['spec', 'ingress', 0, 'toPorts', 0, 'rules', 'http', 2, 'path'])
    const fileLine = text.split('\n')[line + scenario.policiesOrigin.lineOffset - 1]
    expect(fileLine.slice(column + scenario.policiesOrigin.columnOffset - 2)).toBe('"/private$"')
  })

  it("warns about a folded block, which would join the manifests' lines", () => {
    expect(problems(VALID.replace('policies: |', 'policies: >'), 'warning')).toEqual([
      '13:1 policies: policies is a folded block (">"), which joins its lines'
    ])
  })
})
