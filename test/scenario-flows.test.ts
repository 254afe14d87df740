// Which flows a case has, and which flows an expect entry selects (docs/scenario-format.md,
// "Flows" and "expect").
import { describe, expect, it } from '@jest/globals'
import { flowKey } from '../src/core/model.js'
import type { Flow, Topology } from '../src/core/model.js'
import {
  countFlows,
  entryMatchesFlow,
  enumerateFlows,
  matchesPattern,
  patternProblem
} from '../src/core/scenario/flows.js'
import type { ExpectEntry } from '../src/core/scenario/scenario.js'

const topology: Topology = {
  namespaces: [],
  pods: [
    {
      namespace: 'x',
      name: 'a',
      labels: {},
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP', port: 80, name: 'http' }, { protocol: 'ICMP' }]
    },
    {
      namespace: 'x',
      name: 'b',
      labels: {},
      serviceAccount: 'default',
      ports: [{ protocol: 'UDP', port: 53 }]
    },
    { namespace: 'y', name: 'c', labels: {}, serviceAccount: 'default', ports: [] }
  ],
  external: [{ name: 'one', ip: '1.1.1.1', ports: [{ protocol: 'TCP', port: 443 }] }]
}

function entry(fields: Partial<ExpectEntry>): ExpectEntry {
  return { from: '*', to: '*', verdict: 'allow', line: 1, ...fields }
}

const keys = (flows: Flow[]): string[] => flows.map(flowKey)

describe('enumerateFlows', () => {
  it('probes every port of every other pod and every external endpoint, never a pod itself', () => {
    expect(keys(enumerateFlows({ topology, expect: [] }))).toEqual([
      'x/a -> world/one TCP/443',
      'x/b -> world/one TCP/443',
      'y/c -> world/one TCP/443',
      'x/b -> x/a TCP/80',
      'x/b -> x/a ICMP',
      'y/c -> x/a TCP/80',
      'y/c -> x/a ICMP',
      'x/a -> x/b UDP/53',
      'y/c -> x/b UDP/53'
    ])
  })

  it('adds the HTTP requests http entries name, on the TCP flows they select, once each', () => {
    const get = { method: 'GET', path: '/public' }
    const flows = enumerateFlows({
      topology,
      expect: [
        entry({ to: 'x/a', http: get, verdict: 'deny' }),
        entry({ from: 'x/b', to: 'x/a', port: 80, http: get }),
        entry({ to: 'x/b', http: { method: 'POST', path: '/' } }),
        entry({ from: 'x/a', to: 'world/one', http: { method: 'GET', path: '/' } })
      ]
    })
    expect(keys(flows.filter((f) => f.http))).toEqual([
      'x/a -> world/one TCP/443 GET /',
      'x/b -> x/a TCP/80 GET /public',
      'y/c -> x/a TCP/80 GET /public'
    ])
    expect(flows).toHaveLength(9 + 3)
  })

  it('sorts an HTTP request right after the connection it rides on', () => {
    const flows = enumerateFlows({
      topology,
      expect: [entry({ from: 'x/b', to: 'x/a', http: { method: 'GET', path: '/' } })]
    })
    expect(keys(flows).slice(3, 6)).toEqual([
      'x/b -> x/a TCP/80',
      'x/b -> x/a TCP/80 GET /',
      'x/b -> x/a ICMP'
    ])
  })

  it('lets a source external send to every port of every pod, and never to another external', () => {
    const withSources: Topology = {
      ...topology,
      external: [
        ...topology.external,
        { name: 'partner', ip: '2.2.2.2', ports: [{ protocol: 'TCP', port: 8443 }], source: true }
      ]
    }
    const flows = enumerateFlows({
      topology: withSources,
      expect: [entry({ from: 'world/partner', to: 'x/a', http: { method: 'GET', path: '/' } })]
    })
    expect(keys(flows.filter((f) => f.from.startsWith('world/')))).toEqual([
      'world/partner -> x/a TCP/80',
      'world/partner -> x/a TCP/80 GET /',
      'world/partner -> x/a ICMP',
      'world/partner -> x/b UDP/53'
    ])
    // world/one has no `source`: it stays a destination only, as in format v1.
    expect(flows.some((f) => f.from === 'world/one')).toBe(false)
    expect(flows.filter((f) => f.to === 'world/partner')).toHaveLength(3)
    expect(countFlows(withSources)).toBe(flows.filter((f) => !f.http).length)
  })

  it('enumerates a pod serving every port from 1 to 65535 without exhausting the stack', () => {
    const everyPort = Array.from({ length: 65535 }, (_, i) => ({ protocol: 'TCP' as const, port: i + 1 }))
    const wide: Topology = {
      namespaces: [],
      pods: [
        { namespace: 'x', name: 'a', labels: {}, serviceAccount: 'default', ports: everyPort },
        { namespace: 'x', name: 'b', labels: {}, serviceAccount: 'default', ports: [] }
      ],
      external: [{ name: 'in', ip: '1.1.1.1', ports: [], source: true }]
    }
    const flows = enumerateFlows({ topology: wide, expect: [] })
    expect(flows).toHaveLength(2 * 65535)
    expect(countFlows(wide)).toBe(2 * 65535)
  })

  it('leaves out pods without ports as destinations and keeps them as sources', () => {
    const flows = enumerateFlows({ topology, expect: [] })
    expect(flows.some((f) => f.to === 'y/c')).toBe(false)
    expect(flows.filter((f) => f.from === 'y/c')).toHaveLength(4)
  })
})

describe('matchesPattern', () => {
  it.each([
    ['*', 'x/a', true],
    ['*', 'world/one', false],
    ['*/*', 'x/a', true],
    ['*/*', 'world/one', false],
    ['x/*', 'x/a', true],
    ['x/*', 'y/a', false],
    ['*/a', 'y/a', true],
    ['*/a', 'y/b', false],
    ['*/one', 'world/one', false],
    ['x/a', 'x/a', true],
    ['x/a', 'x/ab', false],
    ['world/*', 'world/one', true],
    ['world/*', 'x/a', false],
    ['world/one', 'world/one', true],
    ['world/one', 'world/two', false]
  ])('%s against %s: %s', (pattern, key, matches) => {
    expect(matchesPattern(pattern, key)).toBe(matches)
  })
})

describe('entryMatchesFlow', () => {
  const tcp80: Flow = { from: 'x/b', to: 'x/a', protocol: 'TCP', port: 80 }
  const ping: Flow = { from: 'x/b', to: 'x/a', protocol: 'ICMP' }
  const getPublic: Flow = { ...tcp80, http: { method: 'GET', path: '/public' } }

  it('treats port and protocol as optional filters', () => {
    expect(entryMatchesFlow(entry({}), tcp80)).toBe(true)
    expect(entryMatchesFlow(entry({ port: 80 }), tcp80)).toBe(true)
    expect(entryMatchesFlow(entry({ port: 81 }), tcp80)).toBe(false)
    expect(entryMatchesFlow(entry({ protocol: 'UDP' }), tcp80)).toBe(false)
    expect(entryMatchesFlow(entry({ protocol: 'ICMP' }), ping)).toBe(true)
    expect(entryMatchesFlow(entry({ port: 80 }), ping)).toBe(false)
  })

  it('lets an entry without http cover the HTTP requests on its flows', () => {
    expect(entryMatchesFlow(entry({ port: 80 }), getPublic)).toBe(true)
  })

  it('lets an entry with http match only that exact request', () => {
    const http = (method: string, path: string): ExpectEntry => entry({ http: { method, path } })
    expect(entryMatchesFlow(http('GET', '/public'), getPublic)).toBe(true)
    expect(entryMatchesFlow(http('GET', '/public'), tcp80)).toBe(false)
    expect(entryMatchesFlow(http('POST', '/public'), getPublic)).toBe(false)
    expect(entryMatchesFlow(http('GET', '/public/'), getPublic)).toBe(false)
    expect(entryMatchesFlow(http('get', '/public'), getPublic)).toBe(false)
  })
})

describe('patternProblem', () => {
  it.each(['*', '*/*', 'x/*', '*/a', 'x/a', 'world/*', 'world/one', 'ns.with.dots/pod-1'])(
    'accepts %s',
    (pattern) => {
      expect(patternProblem(pattern)).toBeUndefined()
    }
  )

  it.each([
    ['a', 'a pattern is "*" or "namespace/pod"'],
    ['x/a/b', 'a pattern is "*" or "namespace/pod"'],
    ['x/', '"" is not a valid name'],
    ['x/a*', '"a*": "*" stands for a whole namespace or pod name, not part of one'],
    ['X/a', '"X" is not a valid name'],
    ['world/One', '"One" is not a valid name']
  ])('rejects %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem)
  })
})
