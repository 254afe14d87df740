// Policies a pull request may hold that are valid but enormous: every port from 1 to 65535, or a
// CIDR with two hundred thousand excepts. Each ends quickly with a result or a diagnostic, never
// a stack overflow or a quadratic loop.
import { describe, expect, it } from '@jest/globals'
import { cidrContains, parseCidr } from '../src/core/cidr.js'
import { makeEngineOptions } from '../src/core/options.js'
import type { LoadedPolicies, PolicyKind } from '../src/core/policy/document.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import { predictReport } from '../src/core/predict.js'
import { workLimits } from '../src/core/budget.js'
import { MAX_FLOWS } from '../src/core/scenario/flows.js'
import { collectExternals, MAX_EXCEPT_ADDRESSES } from '../src/core/topology/externals.js'

const options = makeEngineOptions()

/** A policy as the loader hands it on: big lists stay clear of the YAML reader's own limits. */
function loadedPolicy(kind: PolicyKind, spec: unknown): LoadedPolicies {
  const ref = { kind, namespace: 'x', name: 'wide', file: 'wide.yaml', line: 1 }
  const raw = { apiVersion: 'cilium.io/v2', kind, metadata: { name: 'wide', namespace: 'x' }, spec }
  return { policies: [{ ref, raw, valid: true }], cidrGroups: [], diagnostics: [] }
}

function predict(loaded: LoadedPolicies): ReturnType<typeof predictReport> {
  return predictReport({ head: { label: 'head', loaded }, options, toolVersion: 'test' })
}

/** 10.0.0.0/8 without 199,000 single addresses 10.0.0.0, 10.0.0.2, 10.0.0.4, ... */
function manyExcepts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const ip = 10 * 2 ** 24 + 2 * i
    return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}/32`
  })
}

describe('a policy listing every port from 1 to 65535', () => {
  it('is evaluated, or refused for its size with a diagnostic, without exhausting the stack', () => {
    const ports = Array.from({ length: 65535 }, (_, i) => ({ port: String(i + 1), protocol: 'TCP' }))
    const started = performance.now()
    const report = predict(
      loadedPolicy('CiliumNetworkPolicy', {
        endpointSelector: { matchLabels: { app: 'web' } },
        ingress: [{ toPorts: [{ ports }] }]
      })
    )
    // About 10 s alone on a 2-core machine; the margin is for suites running side by side.
    expect(performance.now() - started).toBeLessThan(45_000)
    const tooLarge = report.diagnostics.find((d) => d.message.includes('more than the'))
    if (tooLarge) {
      expect(tooLarge).toMatchObject({ severity: 'error' })
      expect(tooLarge.message).toContain(Math.min(MAX_FLOWS, workLimits(undefined).flows).toLocaleString('en'))
    } else {
      expect(report.head.matrix.cells.length).toBeGreaterThan(65535)
    }
  }, 60_000)
})

describe('a CIDR with 199,000 excepts', () => {
  const excepts = manyExcepts(199_000)
  const wide = (): LoadedPolicies =>
    loadedPolicy('CiliumNetworkPolicy', {
      endpointSelector: {},
      egress: [{ toCIDRSet: [{ cidr: '10.0.0.0/8', except: excepts }] }]
    })

  it('gives one address outside every except and a bounded number inside them, in linear time', () => {
    const rules = normalizePolicies(wide(), options)
    const started = performance.now()
    const externals = collectExternals(rules, [{ protocol: 'TCP', port: 80 }])
    expect(performance.now() - started).toBeLessThan(2_000)
    const blocks = excepts.map((text) => parseCidr(text)!)
    const outside = externals.filter((e) => !blocks.some((b) => cidrContains(b, parseIPv4Number(e.ip))))
    const inside = externals.filter((e) => blocks.some((b) => cidrContains(b, parseIPv4Number(e.ip))))
    // 10.0.0.10 is excepted, 10.0.0.11 is the first free address after it.
    expect(outside.map((e) => e.ip)).toEqual(['10.0.0.11'])
    expect(inside).toHaveLength(MAX_EXCEPT_ADDRESSES)
    expect(inside.map((e) => e.ip)).toContain('10.0.0.0')
  })

  it('predicts a report without crashing', () => {
    const started = performance.now()
    const report = predict(wide())
    expect(performance.now() - started).toBeLessThan(30_000)
    const toOutside = report.head.matrix.cells.filter(
      (c) => c.flow.from.startsWith('x/') && c.flow.to === 'world/cidr-10-0-0-0-8'
    )
    expect(toOutside.length).toBeGreaterThan(0)
    expect(toOutside.every((c) => c.verdict === 'allow')).toBe(true)
    const toExcepted = report.head.matrix.cells.filter(
      (c) => c.flow.from.startsWith('x/') && c.flow.to === 'world/cidr-10-0-0-0-32'
    )
    expect(toExcepted.length).toBeGreaterThan(0)
    expect(toExcepted.every((c) => c.verdict === 'deny')).toBe(true)
  }, 60_000)
})

function parseIPv4Number(text: string): number {
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0)
}
