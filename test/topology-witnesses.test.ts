// Witness pods: a pod carrying two selectors' labels at once, so that a carve-out, an overlap
// or a shadowed rule shows on the pod it exists for. Only satisfiable combinations get one,
// their number is bounded, and the report says when the bound cut the search short.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeEngineOptions } from '../src/core/options.js'
import { loadPolicyText } from '../src/core/policy/load.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import { planTopology } from '../src/core/topology/generate.js'
import { WITNESS_LIMIT } from '../src/core/topology/witnesses.js'
import { reachdiff } from './helpers/cli.js'

const options = makeEngineOptions()

// In the style of Cilium's star-wars demo (examples/minikube/sw_l3_l4_policy.yaml): the
// deathstar admits the empire on port 80.
const ALLOW_EMPIRE = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: rule1
  namespace: default
spec:
  endpointSelector:
    matchLabels: {org: empire, class: deathstar}
  ingress:
  - fromEndpoints:
    - matchLabels: {org: empire}
    toPorts:
    - ports: [{port: "80", protocol: TCP}]
`
// The change: tiefighters are carved out of the empire.
const DENY_TIEFIGHTER = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: no-tiefighters
  namespace: default
spec:
  endpointSelector:
    matchLabels: {org: empire, class: deathstar}
  ingressDeny:
  - fromEndpoints:
    - matchLabels: {class: tiefighter}
`

function topologyOf(...texts: string[]) {
  const rules = normalizePolicies(loadPolicyText(texts.join('---\n'), 'p.yaml', options), options)
  return planTopology([rules], options)
}

describe('reachdiff diff with a deny that carves tiefighters out of the empire', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reachdiff-witness-'))
    mkdirSync(join(dir, 'base'))
    mkdirSync(join(dir, 'head'))
    writeFileSync(join(dir, 'base/allow.yaml'), ALLOW_EMPIRE)
    writeFileSync(join(dir, 'head/allow.yaml'), ALLOW_EMPIRE)
    writeFileSync(join(dir, 'head/deny.yaml'), DENY_TIEFIGHTER)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('closes the flow from a witness pod carrying both labels to the deathstar', async () => {
    const run = await reachdiff([
      'diff',
      '--base-dir',
      join(dir, 'base'),
      '--head-dir',
      join(dir, 'head'),
      '--format',
      'json'
    ])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as {
      topology: {
        pods: {
          namespace: string
          name: string
          labels: Record<string, string>
          origin?: string
          standsFor?: string
        }[]
      }
      changes: { from: string; to: string; kind: string; port: number | null }[]
    }
    const witness = report.topology.pods.find(
      (p) => p.labels.org === 'empire' && p.labels.class === 'tiefighter'
    )!
    expect(witness).toMatchObject({ origin: 'witness', name: 'witness-tiefighter-empire' })
    expect(witness.standsFor).toContain('CiliumNetworkPolicy default/rule1 ingress[0]')
    expect(witness.standsFor).toContain('CiliumNetworkPolicy default/no-tiefighters ingressDeny[0]')
    const deathstar = report.topology.pods.find((p) => p.labels.class === 'deathstar')!
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        from: `default/${witness.name}`,
        to: `default/${deathstar.name}`,
        kind: 'closed',
        port: 80
      })
    )
  })
})

describe('which combinations get a witness', () => {
  it('none where the selectors cannot hold at once', () => {
    const conflicting = [
      '{matchLabels: {org: rebel}}',
      '{matchExpressions: [{key: org, operator: NotIn, values: [empire]}]}',
      '{matchExpressions: [{key: org, operator: DoesNotExist}]}'
    ]
    for (const peer of conflicting) {
      const deny = DENY_TIEFIGHTER.replace('- matchLabels: {class: tiefighter}', `- ${peer}`)
      const { topology } = topologyOf(ALLOW_EMPIRE, deny)
      expect(topology.pods.filter((p) => p.origin === 'witness')).toEqual([])
    }
  })

  it('one for In and Exists requirements that can hold together', () => {
    const deny = DENY_TIEFIGHTER.replace(
      '- matchLabels: {class: tiefighter}',
      '- matchExpressions: [{key: class, operator: In, values: [tiefighter, bomber]}, {key: org, operator: Exists}]'
    )
    const witnesses = topologyOf(ALLOW_EMPIRE, deny).topology.pods.filter((p) => p.origin === 'witness')
    expect(witnesses.map((p) => p.labels)).toEqual([{ class: 'tiefighter', org: 'empire' }])
  })

  it('marks every generated pod with where it comes from', () => {
    const { topology } = topologyOf(ALLOW_EMPIRE, DENY_TIEFIGHTER)
    expect(new Set(topology.pods.map((p) => p.origin))).toEqual(new Set(['selector', 'outsider', 'witness']))
  })

  it(`stops at ${WITNESS_LIMIT} witnesses and says so`, () => {
    const denies = Array.from({ length: 40 }, (_, i) =>
      DENY_TIEFIGHTER.replace('name: no-tiefighters', `name: deny-${i}`).replace(
        '{class: tiefighter}',
        `{squadron: s${i}}`
      )
    )
    const allows = Array.from({ length: 4 }, (_, i) =>
      ALLOW_EMPIRE.replace('name: rule1', `name: allow-${i}`).replace('{org: empire}}', `{wing: w${i}}}`)
    )
    const { topology, diagnostics } = topologyOf(...allows, ...denies)
    expect(topology.pods.filter((p) => p.origin === 'witness')).toHaveLength(WITNESS_LIMIT)
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'notice', message: expect.stringContaining('stops at') })
    ])
  })
})
