// Which entry decides a flow's expected verdict, and the coverage rules: every flow needs an
// entry, and an entry that matches nothing is probably a typo.
import { describe, expect, it } from '@jest/globals'
import { flowKey, formatDiagnostic } from '../src/core/model.js'
import type { Flow } from '../src/core/model.js'
import {
  checkExpectationCoverage,
  expectedVerdict,
  MAX_UNMATCHED_REPORTED,
  resolveExpectations
} from '../src/core/scenario/expectations.js'
import { enumerateFlows } from '../src/core/scenario/flows.js'
import { parseScenario } from '../src/core/scenario/parse.js'
import type { ExpectEntry, Scenario } from '../src/core/scenario/scenario.js'

let nextLine = 10
function entry(fields: Partial<ExpectEntry>): ExpectEntry {
  return { from: '*', to: '*', verdict: 'allow', line: nextLine++, column: 5, ...fields }
}

const ab: Flow = { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80 }
const ba: Flow = { from: 'x/b', to: 'x/a', protocol: 'TCP', port: 80 }
const toWorld: Flow = { from: 'x/a', to: 'world/one', protocol: 'TCP', port: 443 }

describe('expectedVerdict', () => {
  it('lets the last matching entry win', () => {
    const allow = entry({})
    const deny = entry({ to: 'x/*', verdict: 'deny' })
    const exception = entry({ from: 'x/b', to: 'x/a', port: 80 })
    const entries = [allow, deny, exception]
    expect(expectedVerdict(ab, entries)).toBe(deny)
    expect(expectedVerdict(ba, entries)).toBe(exception)
  })

  it('finds nothing for a flow no entry matches; "*" never covers world', () => {
    expect(expectedVerdict(toWorld, [entry({})])).toBeUndefined()
    expect(expectedVerdict(toWorld, [entry({}), entry({ to: 'world/*', verdict: 'deny' })])?.verdict).toBe(
      'deny'
    )
  })

  it('decides an HTTP request by an http entry, or else by the entries for its connection', () => {
    const getPublic: Flow = { ...ba, http: { method: 'GET', path: '/public' } }
    const getPrivate: Flow = { ...ba, http: { method: 'GET', path: '/private' } }
    const entries = [
      entry({ verdict: 'allow' }),
      entry({ to: 'x/a', http: { method: 'GET', path: '/private' }, verdict: 'deny' }),
      entry({ from: 'x/c', verdict: 'deny' })
    ]
    expect(expectedVerdict(getPublic, entries)).toBe(entries[0])
    expect(expectedVerdict(getPrivate, entries)).toBe(entries[1])
    // A later connection-level entry also decides the requests on that connection.
    const denyConnection = entry({ to: 'x/a', port: 80, verdict: 'deny' })
    expect(expectedVerdict(getPrivate, [...entries, denyConnection])).toBe(denyConnection)
  })
})

describe('resolveExpectations', () => {
  it('pairs each flow with its deciding entry and lists the unmatched flows and unused entries', () => {
    const all = entry({})
    const typo = entry({ from: 'x/z', verdict: 'deny' })
    const resolution = resolveExpectations([ab, toWorld, ba], [all, typo])
    expect(resolution.results).toEqual([
      { flow: ab, expected: all },
      { flow: ba, expected: all }
    ])
    expect(resolution.unmatched).toEqual([toWorld])
    expect(resolution.unusedEntries).toEqual([typo])
  })

  it('counts an entry that always loses to a later one as used', () => {
    const shadowed = entry({ to: 'x/b' })
    expect(resolveExpectations([ab], [shadowed, entry({})]).unusedEntries).toEqual([])
  })
})

describe('checkExpectationCoverage', () => {
  it('is silent when every flow has an entry and every entry a flow', () => {
    expect(checkExpectationCoverage([ab, ba], [entry({})], 'case.yaml')).toEqual([])
  })

  it('reports each flow without an entry as an error at the start of the list', () => {
    const first = entry({})
    const diagnostics = checkExpectationCoverage([ab, toWorld], [first], 'case.yaml')
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: 'case.yaml',
        line: first.line,
        column: 5,
        path: 'expect',
        message: 'no entry matches the flow x/a -> world/one TCP/443',
        expected:
          'an entry for it, e.g. {from: "*", to: "world/*", verdict: ...} ("*" never matches world/...)'
      }
    ])
  })

  it('warns about an entry that matches no flow, at the entry', () => {
    const typo = entry({ to: 'x/b', port: 8080, verdict: 'deny' })
    expect(checkExpectationCoverage([ab], [entry({}), typo], 'case.yaml').map(formatDiagnostic)).toEqual([
      `case.yaml:${typo.line}:5: warning: expect[1]: this entry matches no flow of the topology (got * -> x/b port 8080: deny); expected pods, namespaces, external names and ports that the topology has`
    ])
  })

  it(`lists at most ${MAX_UNMATCHED_REPORTED} unmatched flows and sums up the rest`, () => {
    const flows: Flow[] = Array.from({ length: MAX_UNMATCHED_REPORTED + 5 }, (_, i) => ({
      ...ab,
      port: i + 1
    }))
    const diagnostics = checkExpectationCoverage(flows, [], 'case.yaml')
    expect(diagnostics).toHaveLength(MAX_UNMATCHED_REPORTED + 1)
    expect(diagnostics[MAX_UNMATCHED_REPORTED]).toMatchObject({
      line: 0,
      message: '5 more flows match no entry'
    })
  })
})

describe('a parsed scenario, end to end', () => {
  function load(expectBlock: string): Scenario {
    const text = [
      'name: http-case',
      'topology:',
      '  namespaces: {x: {}}',
      '  pods:',
      '    - {name: client, namespace: x, ports: []}',
      '    - {name: server, namespace: x, ports: [{port: 8080, protocol: TCP}, {protocol: ICMP}]}',
      '  external:',
      '    - {name: one, ip: 1.1.1.1, ports: [{port: 443, protocol: TCP}]}',
      'expect:',
      expectBlock
    ].join('\n')
    const { scenario, diagnostics } = parseScenario(text, 'case.yaml')
    if (!scenario) throw new Error(diagnostics.map(formatDiagnostic).join('\n'))
    return scenario
  }

  it('probes the HTTP requests the entries name and needs a verdict for each', () => {
    const scenario = load(
      [
        '  - {from: "*", to: "*", verdict: deny}',
        '  - {from: "x/client", to: "x/server", port: 8080, http: {method: GET, path: /public}, verdict: allow}',
        '  - {from: "x/client", to: "world/*", verdict: allow}'
      ].join('\n')
    )
    const flows = enumerateFlows({ topology: scenario.topology!, expect: scenario.expect })
    expect(flows.map(flowKey)).toEqual([
      'x/client -> world/one TCP/443',
      'x/server -> world/one TCP/443',
      'x/client -> x/server TCP/8080',
      'x/client -> x/server TCP/8080 GET /public',
      'x/client -> x/server ICMP'
    ])
    expect(checkExpectationCoverage(flows, scenario.expect, scenario.file).map(formatDiagnostic)).toEqual([
      'case.yaml:10:5: error: expect: no entry matches the flow x/server -> world/one TCP/443; expected an entry for it, e.g. {from: "*", to: "world/*", verdict: ...} ("*" never matches world/...)'
    ])
    const verdicts = flows.map(
      (flow) => `${flowKey(flow)}: ${expectedVerdict(flow, scenario.expect)?.verdict}`
    )
    expect(verdicts.slice(2)).toEqual([
      'x/client -> x/server TCP/8080: deny',
      'x/client -> x/server TCP/8080 GET /public: allow',
      'x/client -> x/server ICMP: deny'
    ])
  })
})
