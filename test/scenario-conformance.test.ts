// Every conformance case must read cleanly and give every one of its flows a verdict:
// the cases are the reference the parser and the matching rules are written against.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { formatDiagnostic } from '../src/core/model.js'
import { checkExpectationCoverage } from '../src/core/scenario/expectations.js'
import { enumerateFlows } from '../src/core/scenario/flows.js'
import { parseScenario } from '../src/core/scenario/parse.js'
import type { Topology } from '../src/core/model.js'
import type { Scenario } from '../src/core/scenario/scenario.js'
import { parseYamlDocuments } from '../src/core/yaml-source.js'
import { conformanceFiles, conformanceSuites } from './helpers/scenarios.js'

function load(path: string): { text: string; scenario: Scenario & { topology: Topology } } {
  const text = readFileSync(path, 'utf8')
  const { scenario, diagnostics } = parseScenario(text, path)
  const problems = diagnostics.map(formatDiagnostic)
  expect(problems).toEqual([])
  if (!scenario) throw new Error(`${path} did not parse`)
  const { topology } = scenario
  if (!topology) throw new Error(`${path} has no topology`)
  return { text, scenario: { ...scenario, topology } }
}

it('the corpus holds the k8s-e2e, cilium and world suites, 147 cases in all', () => {
  expect(conformanceSuites()).toEqual(['cilium', 'k8s-e2e', 'world'])
  expect(conformanceFiles()).toHaveLength(147)
})

// 58 files of 9 pods (72 ordered pairs) times the ports each probes give 4680 flows, counted
// by hand from the upstream probes: an independent check of the flow rules.
it('k8s-e2e has the 4680 flows of its 58 files', () => {
  const total = conformanceFiles('k8s-e2e').reduce(
    (sum, path) => sum + enumerateFlows(load(path).scenario).length,
    0
  )
  expect(total).toBe(4680)
})

describe.each(conformanceSuites())('conformance cases in %s', (suite) => {
  const files = conformanceFiles(suite)

  it.each(files)('%s parses without diagnostics, says complete, and every flow has a verdict', (path) => {
    const { scenario } = load(path)
    expect(`${scenario.name}.yaml`).toBe(path.slice(path.lastIndexOf('/') + 1))
    expect(scenario.complete).toBe(true)
    const flows = enumerateFlows(scenario)
    expect(flows.length).toBeGreaterThan(0)
    expect(checkExpectationCoverage(flows, scenario.expect, path).map(formatDiagnostic)).toEqual([])
  })

  it.each(files)('%s maps policy positions back to the scenario file', (path) => {
    const { text, scenario } = load(path)
    const lines = text.split('\n')
    const { lineOffset, columnOffset } = scenario.policiesOrigin
    for (const document of parseYamlDocuments(scenario.policiesText, path).documents) {
      const { line, column } = document.locate(['kind'])
      const kind = (document.value as { kind: string }).kind
      expect(lines[line + lineOffset - 1].slice(column + columnOffset - 1)).toMatch(new RegExp(`^${kind}\\b`))
    }
  })
})
