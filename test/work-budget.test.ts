// Work is bounded before it is done: alias expansion per file, policy entries per side.
import { describe, expect, it } from '@jest/globals'
import { countItems, parseWorkLimits } from '../src/core/budget.js'
import { hasInputErrors } from '../src/core/gate.js'
import { makeEngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { predictReport } from '../src/core/predict.js'
import { loadPoliciesFromDirectory } from '../src/edge/policy-sources.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One document of over 100k nodes once its aliases are expanded, under the per-document limit. */
function aliasDocument(i: number): string {
  return `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: p${i}, namespace: default, labels: {a: &a [x, x, x, x, x, x, x, x, x, x]}}
spec:
  endpointSelector: {}
  x1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
  x2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
  x3: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
  x4: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
`
}

describe('alias expansion per file', () => {
  const text = Array.from({ length: 150 }, (_, i) => aliasDocument(i)).join('---\n')

  it('refuses the documents beyond the per-file limit, naming it and how to raise it', () => {
    const loaded = loadPolicyText(text, 'bomb.yaml', makeEngineOptions())
    const refusal = loaded.diagnostics.find((d) => d.message.includes('yaml-nodes-per-file'))
    expect(refusal).toMatchObject({ severity: 'error', file: 'bomb.yaml' })
    expect(refusal?.message).toMatch(/document \d+ and those after it were not read/)
    expect(refusal?.expected).toContain('REACHDIFF_LIMITS="yaml-nodes-per-file=2000000"')
    expect(loaded.policies.length).toBeLessThan(10)
  })

  it('holds across a syntax error that splits the file into sections', () => {
    const loaded = loadPolicyText(`${text}---\n: [\n`, 'bomb.yaml', makeEngineOptions())
    expect(loaded.policies.length).toBeLessThan(10)
    expect(loaded.diagnostics.some((d) => d.message.includes('yaml-nodes-per-file'))).toBe(true)
  })

  it('can be raised', () => {
    const byDefault = loadPolicyText(text, 'bomb.yaml', makeEngineOptions()).policies.length
    const options = makeEngineOptions({ limits: { 'yaml-nodes-per-file': 2_000_000 } })
    expect(loadPolicyText(text, 'bomb.yaml', options).policies.length).toBeGreaterThan(byDefault)
  })
})

describe('alias expansion over all files of a side', () => {
  it('stops reading files once their nodes together pass the total', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachdiff-total-'))
    try {
      for (let i = 0; i < 5; i++) writeFileSync(join(dir, `p${i}.yaml`), aliasDocument(i))
      const options = makeEngineOptions({ limits: { 'yaml-nodes-total': 250_000 } })
      const loaded = await loadPoliciesFromDirectory(dir, options)
      expect(loaded.policies.map((p) => p.ref.file)).toEqual(['p0.yaml', 'p1.yaml'])
      expect(loaded.diagnostics).toContainEqual(
        expect.objectContaining({
          file: 'p2.yaml',
          message: expect.stringContaining('limit yaml-nodes-total'),
          expected: expect.stringContaining('REACHDIFF_LIMITS="yaml-nodes-total=500000"')
        })
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('policy entries per side', () => {
  it('are counted before evaluation; over the limit nothing is evaluated', () => {
    const policy = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: many, namespace: default}
spec:
  endpointSelector: {}
  ingress:
  - toPorts:
    - ports: [${Array.from({ length: 40 }, (_, i) => `{port: "${i + 1}"}`).join(', ')}]
`
    const options = makeEngineOptions({ limits: { 'policy-items': 50 } })
    const loaded = loadPolicyText(policy, 'many.yaml', options)
    const report = predictReport({ head: { label: 'head', loaded }, options, toolVersion: 'test' })
    expect(report.head.matrix.cells).toEqual([])
    expect(report.diagnostics[0].message).toContain('limit policy-items')
    expect(report.diagnostics[0].expected).toContain('REACHDIFF_LIMITS="policy-items=100"')
    expect(hasInputErrors(report)).toBe(true)
  })

  it('counting stops at the limit', () => {
    const shared: unknown[] = Array.from({ length: 1000 }, () => 1)
    const huge = Array.from({ length: 1000 }, () => shared) // a million entries, shared
    expect(countItems([huge], 5000)).toBeLessThan(10_000)
  })
})

describe('flows per side', () => {
  it('refuses a topology over the flows limit before evaluating, saying how to raise it', () => {
    const pods = Array.from({ length: 800 }, (_, i) => ({
      namespace: 'x',
      name: `p${i}`,
      labels: {},
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP' as const, port: 80 }]
    }))
    const report = predictReport({
      head: { label: 'head', loaded: loadPolicyText('', 'none.yaml', makeEngineOptions()) },
      scenario: {
        file: 's.yaml',
        expect: [],
        topology: { namespaces: [{ name: 'x', labels: {} }], pods, external: [] }
      },
      options: makeEngineOptions(),
      toolVersion: 'test'
    })
    expect(report.head.matrix.cells).toEqual([])
    expect(report.diagnostics[0].message).toContain('639,200 flows, more than the 500,000')
    expect(report.diagnostics[0].expected).toContain('REACHDIFF_LIMITS="flows=1000000"')
  })
})

describe('REACHDIFF_LIMITS', () => {
  it('parses known limits and refuses typos', () => {
    expect(parseWorkLimits('yaml-nodes-per-file=5, policy-items=7')).toEqual({
      limits: { 'yaml-nodes-per-file': 5, 'policy-items': 7 }
    })
    expect(parseWorkLimits('yaml-nodes=5')).toHaveProperty('error', expect.stringContaining('unknown limit'))
    expect(parseWorkLimits('policy-items=-1')).toHaveProperty('error')
    expect(parseWorkLimits(undefined)).toEqual({ limits: {} })
  })
})
