// A topology too large to evaluate is refused with a diagnostic, quickly, instead of
// exhausting the machine.
import { describe, expect, it } from '@jest/globals'
import type { Pod } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import { emptyLoadedPolicies } from '../src/core/policy/document.js'
import { predictReport } from '../src/core/predict.js'
import { MAX_FLOWS } from '../src/core/scenario/flows.js'
import { hasInputErrors } from '../src/core/gate.js'

describe('predictReport on a huge topology', () => {
  it('evaluates nothing and says why, naming the scenario', () => {
    const pods: Pod[] = Array.from({ length: 1300 }, (_, i) => ({
      namespace: 'x',
      name: `p${i}`,
      labels: { i: String(i) },
      serviceAccount: 'default',
      ports: [{ protocol: 'TCP', port: 80 }]
    }))
    expect(1300 * 1299).toBeGreaterThan(MAX_FLOWS)
    const started = performance.now()
    const report = predictReport({
      head: { label: 'head', loaded: emptyLoadedPolicies() },
      scenario: {
        file: 'big.yaml',
        expect: [],
        topology: { namespaces: [{ name: 'x', labels: {} }], pods, external: [] }
      },
      options: makeEngineOptions(),
      toolVersion: 'test'
    })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(report.head.matrix.cells).toEqual([])
    expect(report.diagnostics[0]).toMatchObject({ severity: 'error', file: 'big.yaml' })
    expect(report.diagnostics[0].message).toContain('1300 pods and 1,688,700 flows')
    expect(hasInputErrors(report)).toBe(true)
  })
})
