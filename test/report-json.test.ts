import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Flow } from '../src/core/model.js'
import { renderJson, SCHEMA_VERSION, streamJsonReport } from '../src/core/report/json.js'
import type { Report } from '../src/core/report/report.js'
import { DIAGNOSTIC, openCell, seedReport } from './helpers/report-fixtures.js'

type Json = Record<string, unknown>

function parse(report: Report): Json {
  return JSON.parse(renderJson(report)) as Json
}

const TOP_LEVEL = [
  'schemaVersion',
  'tool',
  'ciliumVersion',
  'topologySource',
  'revisions',
  'summary',
  'policyChanges',
  'causes',
  'changes',
  'newDefaultDenies',
  'violations',
  'disagreements',
  'flaky',
  'diagnostics',
  'topology',
  'matrices'
]

describe('renderJson', () => {
  const text = renderJson(seedReport())
  const json = JSON.parse(text) as Json

  it('is pretty-printed with two spaces and ends with a newline', () => {
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "reachdiff",')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('has the documented top-level keys in order', () => {
    expect(Object.keys(json)).toEqual(TOP_LEVEL)
    expect(json.schemaVersion).toBe(SCHEMA_VERSION)
    expect(json.tool).toEqual({ name: 'reachdiff', version: '0.1.0' })
    expect(json.ciliumVersion).toBe('1.18.12')
    expect(json.topologySource).toBe('scenario')
    expect(json.revisions).toEqual({
      base: { label: 'main', policyCount: 0, source: 'predicted' },
      head: { label: 'pr-42', policyCount: 1, source: 'predicted' }
    })
  })

  it('summarises counts the way the other formats do', () => {
    expect(json.summary).toEqual({
      headline: '4 flows closed, 0 opened, 1 expectation violated',
      opened: 0,
      closed: 4,
      unchanged: 16,
      added: 0,
      removed: 0,
      violations: 1,
      disagreements: 0,
      flaky: 0,
      diagnostics: { errors: 0, warnings: 1, notices: 0 }
    })
  })

  it('lists only changed flows, each with both verdicts and both reasons', () => {
    const changes = json.changes as Json[]
    expect(changes).toHaveLength(4)
    expect(changes[1]).toEqual({
      from: 'policy-test/client',
      to: 'policy-test/web',
      port: 80,
      protocol: 'TCP',
      kind: 'closed',
      cause: 0,
      base: 'allow',
      head: 'deny',
      reason:
        'denied by CiliumClusterwideNetworkPolicy block-client ingressDeny[0] (ingress of policy-test/web)',
      baseReason: 'allowed: no policy enforces either side'
    })
  })

  it('names the direction a change put into default deny', () => {
    expect(json.newDefaultDenies).toEqual([
      {
        subject: 'policy-test/web',
        direction: 'ingress',
        enforcedBy: ['CiliumClusterwideNetworkPolicy block-client'],
        closed: 3
      }
    ])
  })

  it('carries violations with file and line, and diagnostics whole', () => {
    expect(json.violations).toEqual([
      {
        from: 'policy-test/other-client',
        to: 'policy-test/web',
        port: 80,
        protocol: 'TCP',
        expected: 'allow',
        actual: 'deny',
        reason: expect.stringContaining('default deny on ingress of policy-test/web') as unknown,
        file: 'reachdiff.yaml',
        line: 12
      }
    ])
    expect(json.diagnostics).toEqual([DIAGNOSTIC])
  })

  it('includes both matrices, every cell with verdict and reason', () => {
    const matrices = json.matrices as { base: Json[]; head: Json[] }
    expect(matrices.base).toHaveLength(20)
    expect(matrices.head).toHaveLength(20)
    expect(Object.keys(matrices.head[0])).toEqual(['from', 'to', 'port', 'protocol', 'verdict', 'reason'])
  })

  it('sorts label keys and pods', () => {
    const report = seedReport()
    report.topology.pods[0] = { ...report.topology.pods[0], labels: { zeta: '1', alpha: '2' } }
    const topology = parse(report).topology as { pods: { namespace: string; labels: Json }[] }
    expect(topology.pods.map((pod) => pod.namespace)).toEqual([
      'outside',
      ...Array.from({ length: 4 }, () => 'policy-test')
    ])
    expect(Object.keys(topology.pods.find((pod) => 'zeta' in pod.labels)!.labels)).toEqual(['alpha', 'zeta'])
  })

  it('does not depend on the order of its input', () => {
    const shuffled = seedReport()
    shuffled.head.matrix.cells.reverse()
    shuffled.topology.pods.reverse()
    shuffled.topology.namespaces.reverse()
    expect(renderJson(shuffled)).toBe(text)
  })

  it('omits what does not apply: no base, no HTTP, ICMP without a port', () => {
    const seed = seedReport()
    const ping: Flow = { from: 'policy-test/client', to: 'policy-test/web', protocol: 'ICMP' }
    const get: Flow = { ...ping, protocol: 'TCP', port: 80, http: { method: 'GET', path: '/' } }
    const report: Report = {
      ...seed,
      base: undefined,
      diff: undefined,
      head: {
        ...seed.head,
        matrix: { source: 'observed', cells: [openCell(ping), { ...openCell(get), attempts: 3 }] }
      }
    }
    const out = parse(report)
    const matrices = out.matrices as { base?: unknown; head: Json[] }
    expect('base' in matrices).toBe(false)
    expect('base' in (out.revisions as Json)).toBe(false)
    expect(out.changes).toEqual([])
    // TCP sorts before ICMP.
    expect(matrices.head[0]).toMatchObject({ http: { method: 'GET', path: '/' }, attempts: 3 })
    expect(matrices.head[1]).toMatchObject({ port: null, protocol: 'ICMP' })
    expect('http' in matrices.head[1]).toBe(false)
  })

  it('is exactly what JSON.stringify would write, though written in pieces', () => {
    expect(text).toBe(JSON.stringify(json, null, 2) + '\n')
    const pieces = [...streamJsonReport(seedReport())]
    expect(pieces.join('')).toBe(text)
  })

  it('lists the policy changes, and the causes with counts and summarised endpoints', () => {
    expect(json.policyChanges).toEqual([
      {
        change: 'added',
        kind: 'CiliumClusterwideNetworkPolicy',
        name: 'block-client',
        file: 'policies/block-client.yaml',
        line: 1,
        sections: ['ingressDeny']
      }
    ])
    const causes = json.causes as Json[]
    expect(causes).toHaveLength(1)
    expect(causes[0]).toMatchObject({
      policies: [{ change: 'added', name: 'block-client', rules: [] }],
      flows: 4,
      closed: 4,
      opened: 0,
      effects: [
        {
          kind: 'closed',
          flows: 4,
          sources: { text: 'every pod but policy-test/web (4)', count: 4 },
          destinations: { text: 'policy-test/web', count: 1 },
          ports: ['TCP/80']
        }
      ],
      defaultDenies: [{ direction: 'ingress', closed: 3, denyOnly: true }]
    })
    for (const change of json.changes as Json[]) expect(change.cause).toBe(0)
  })

  it('has every field documented in docs/report-schema.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'report-schema.md'), 'utf8')
    const fields = new Set<string>()
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect)
      else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          fields.add(key)
          // Labels are user data, not schema.
          if (key !== 'labels') collect(inner)
        }
      }
    }
    collect(json)
    for (const field of fields) expect(doc).toContain(`\`${field}\``)
  })
})

describe('streamJsonReport at scale', () => {
  it('writes a report longer than any string V8 can hold, in small pieces', () => {
    // A report of a million flows runs to hundreds of megabytes: as one string it once ended
    // in `Invalid string length`. Long reasons take this one past V8's longest string
    // (2^29 - 24 characters) with 200,000 cells, to keep the test quick.
    const count = 200_000
    const reason = `allowed by ${'CiliumNetworkPolicy load/allow-web ingress[0], '.repeat(60)}(ingress of load/web)`
    const cells = Array.from({ length: count }, (_, i) => ({
      flow: {
        from: `load/client-${String(i).padStart(7, '0')}`,
        to: 'load/web',
        protocol: 'TCP' as const,
        port: 80
      },
      verdict: 'allow' as const,
      reason
    }))
    const seed = seedReport()
    const matrix = { source: 'predicted' as const, cells }
    const report: Report = {
      ...seed,
      base: undefined,
      head: { ...seed.head, matrix },
      diff: undefined
    }
    let total = 0
    let longest = 0
    for (const piece of streamJsonReport(report)) {
      total += piece.length
      longest = Math.max(longest, piece.length)
    }
    expect(total).toBeGreaterThan(2 ** 29)
    expect(longest).toBeLessThan(2 ** 17)
  }, 60_000)
})
