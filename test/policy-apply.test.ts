// Apply semantics: a diff predicts what the cluster holds after `kubectl apply -f` of head on
// top of base. A broken file keeps what it held, a refused object keeps its previous version,
// the last of two objects with one name wins, and a deleted file removes its objects.
import { describe, expect, it } from '@jest/globals'
import { makeEngineOptions } from '../src/core/options.js'
import { applyAsCluster, compareApplyOrder } from '../src/core/policy/apply.js'
import { describePolicy, mergeLoadedPolicies } from '../src/core/policy/document.js'
import type { LoadedPolicies } from '../src/core/policy/document.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { predictReport } from '../src/core/predict.js'

const options = makeEngineOptions()

/** Files as `{path: text}`, loaded as the sources do: one loader call per file. */
function load(files: Record<string, string>): LoadedPolicies {
  return mergeLoadedPolicies(Object.entries(files).map(([file, text]) => loadPolicyText(text, file, options)))
}

const ALLOW_EMPIRE = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: rule1
  namespace: starwars
spec:
  endpointSelector:
    matchLabels:
      org: empire
      class: deathstar
  ingress:
  - fromEndpoints:
    - matchLabels:
        org: empire
    toPorts:
    - ports:
      - port: "80"
        protocol: TCP
`
// The same policy with a tab where YAML wants spaces: kubectl apply fails on the file.
const ALLOW_EMPIRE_WITH_TAB = ALLOW_EMPIRE.replace('    - matchLabels:', '\t- matchLabels:')

const OTHER = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: other
spec:
  podSelector: {}
  policyTypes: [Ingress]
`

function predict(base: LoadedPolicies, head: LoadedPolicies) {
  return predictReport({
    base: { label: 'base', loaded: base },
    head: { label: 'head', loaded: head },
    options,
    toolVersion: 'test'
  })
}

describe('a head file that fails to parse', () => {
  const base = load({ 'policies/empire.yaml': ALLOW_EMPIRE, 'policies/other.yaml': OTHER })
  const head = load({ 'policies/empire.yaml': ALLOW_EMPIRE_WITH_TAB, 'policies/other.yaml': OTHER })

  it('changes no verdict: the objects it held in base stay in force', () => {
    const report = predict(base, head)
    expect(report.diff?.counts.opened).toBe(0)
    expect(report.diff?.counts.closed).toBe(0)
    // The allow is still what decides flows to the deathstar.
    const deathstar = report.head.matrix.cells.find(
      (cell) => cell.flow.to.includes('deathstar') && cell.verdict === 'allow' && cell.flow.port === 80
    )
    expect(deathstar?.reason).toContain('rule1')
  })

  it('leads the report with the YAML error, then what the cluster keeps', () => {
    const [first, second] = predict(base, head).diagnostics
    expect(first).toMatchObject({ severity: 'error', file: 'policies/empire.yaml' })
    expect(first.message).toMatch(/YAML/)
    expect(first.revision).toBeUndefined()
    expect(second).toMatchObject({ severity: 'warning', file: 'policies/empire.yaml' })
    expect(second.message).toContain('keeps the previous version of CiliumNetworkPolicy starwars/rule1')
  })

  it('applies the documents before the broken one, as kubectl does', () => {
    const text = `${OTHER}---\n${ALLOW_EMPIRE_WITH_TAB}`
    const applied = applyAsCluster(undefined, load({ 'all.yaml': text }))
    expect(applied.head.policies.map((p) => describePolicy(p.ref))).toEqual([
      'NetworkPolicy other/default-deny'
    ])
  })
})

describe('an object refused at head', () => {
  it('keeps its base version in force, with a warning on the head file', () => {
    const invalid = ALLOW_EMPIRE.replace('port: "80"', 'port: "99999"')
    const applied = applyAsCluster(load({ 'a.yaml': ALLOW_EMPIRE }), load({ 'a.yaml': invalid }))
    expect(applied.head.policies).toHaveLength(1)
    expect(applied.head.policies[0].valid).toBe(true)
    expect(applied.head.diagnostics[0].severity).toBe('error')
    expect(applied.head.diagnostics.some((d) => d.message.includes('version from before (a.yaml:1)'))).toBe(
      true
    )
  })

  it('without a base version contributes nothing', () => {
    const invalid = ALLOW_EMPIRE.replace('port: "80"', 'port: "99999"')
    const applied = applyAsCluster(undefined, load({ 'a.yaml': invalid }))
    expect(applied.head.policies.map((p) => p.valid)).toEqual([false])
  })
})

describe('two objects with the same kind, namespace and name', () => {
  const narrower = ALLOW_EMPIRE.replace('port: "80"', 'port: "443"')

  it('the file applied last wins, with a warning naming both files', () => {
    const head = load({ 'z-later.yaml': narrower, 'a-first.yaml': ALLOW_EMPIRE })
    const applied = applyAsCluster(undefined, head)
    expect(applied.head.policies.map((p) => p.ref.file)).toEqual(['z-later.yaml'])
    const warning = applied.head.diagnostics.find((d) => d.severity === 'warning')!
    expect(warning.file).toBe('z-later.yaml')
    expect(warning.message).toContain('a-first.yaml')
    expect(warning.message).toContain('z-later.yaml')
  })

  it('changes verdicts the way the last file says', () => {
    const base = load({ 'a-first.yaml': ALLOW_EMPIRE })
    const head = load({ 'a-first.yaml': ALLOW_EMPIRE, 'b-second.yaml': narrower })
    const report = predict(base, head)
    const closed = report.diff!.changes.filter(
      (c) => c.base?.verdict === 'allow' && c.head?.verdict === 'deny'
    )
    expect(closed.length).toBeGreaterThan(0)
    expect(closed.every((c) => c.flow.port === 80)).toBe(true)
  })

  it('follows the order kubectl walks a directory: b/c.yaml before b.yaml', () => {
    expect(['b/c.yaml', 'b.yaml', 'a/z.yaml'].sort(compareApplyOrder)).toEqual([
      'a/z.yaml',
      'b/c.yaml',
      'b.yaml'
    ])
  })
})

describe('a file deleted in head', () => {
  it('removes its objects', () => {
    const applied = applyAsCluster(
      load({ 'a.yaml': ALLOW_EMPIRE, 'b.yaml': OTHER }),
      load({ 'b.yaml': OTHER })
    )
    expect(applied.head.policies.map((p) => describePolicy(p.ref))).toEqual([
      'NetworkPolicy other/default-deny'
    ])
  })
})
