// Every shared conformance case must read cleanly and give every one of its flows a verdict:
// the cases are the reference the parser and the matching rules are written against.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { formatDiagnostic } from '../src/core/model.js'
import { checkExpectationCoverage } from '../src/core/scenario/expectations.js'
import { enumerateFlows } from '../src/core/scenario/flows.js'
import { parseScenario } from '../src/core/scenario/parse.js'
import type { Scenario } from '../src/core/scenario/scenario.js'
import { parseYamlDocuments } from '../src/core/yaml-source.js'

const sharedDir = new URL('../../shared/conformance/', import.meta.url)
const suites = ['k8s-e2e', 'cilium', 'world']
const present = existsSync(sharedDir)

function caseFiles(suite: string): string[] {
  const dir = new URL(`${suite}/`, sharedDir)
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => new URL(name, dir).pathname)
}

function load(path: string): { text: string; scenario: Scenario } {
  const text = readFileSync(path, 'utf8')
  const { scenario, diagnostics } = parseScenario(text, path)
  const problems = diagnostics.map(formatDiagnostic)
  expect(problems).toEqual([])
  if (!scenario) throw new Error(`${path} did not parse`)
  return { text, scenario }
}

// The k8s-e2e README counts 4680 flows over its 58 files (ordered pod pairs times probed ports):
// an independent check of the flow rules.
;(present ? it : it.skip)('k8s-e2e has the 4680 flows its README counts', () => {
  const total = caseFiles('k8s-e2e').reduce(
    (sum, path) => sum + enumerateFlows(load(path).scenario).length,
    0
  )
  expect(total).toBe(4680)
})

;(present ? describe : describe.skip).each(suites)('conformance cases in %s', (suite) => {
  const files = present ? caseFiles(suite) : []

  it.each(files)('%s parses without diagnostics and every flow has a verdict', (path) => {
    const { scenario } = load(path)
    expect(`${scenario.name}.yaml`).toBe(path.slice(path.lastIndexOf('/') + 1))
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
