// A repository of 30-odd policies in the style of Cilium's examples and the Kubernetes
// network-policy recipes (test/fixtures/policy-repo), with an ordinary pull request: a deleted
// cluster-wide deny, a tightened port, a new carve-out deny, a file broken by a tab and a
// duplicate object. The generated topology stays readable and the prediction quick.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { makeEngineOptions } from '../src/core/options.js'
import { predictReport } from '../src/core/predict.js'
import { loadPoliciesFromDirectory } from '../src/edge/policy-sources.js'
import { REPO_ROOT } from './helpers/cli.js'

const REPO = join(REPO_ROOT, 'test/fixtures/policy-repo')
const options = makeEngineOptions()

describe('a pull request on a repository of 30-odd public-style policies', () => {
  it('generates under 300 pods and predicts both sides in under 5 s of CPU', async () => {
    const base = await loadPoliciesFromDirectory(join(REPO, 'base'), options)
    const head = await loadPoliciesFromDirectory(join(REPO, 'head'), options)
    expect(base.policies.length).toBeGreaterThanOrEqual(30)
    const cpu = process.cpuUsage()
    const report = predictReport({
      base: { label: 'base', loaded: base },
      head: { label: 'head', loaded: head },
      options,
      toolVersion: 'test'
    })
    const used = process.cpuUsage(cpu)
    expect((used.user + used.system) / 1000).toBeLessThan(5000)
    expect(report.topology.pods.length).toBeLessThan(300)

    // The broken file leads, and the objects it held stay in force.
    expect(report.diagnostics[0]).toMatchObject({ severity: 'error', file: '22-cnp-l3-label.yaml' })
    const duplicate = report.diagnostics.find((d) => d.message.includes('the last wins'))
    expect(duplicate?.message).toContain('04-db-allow-api.yaml')
    expect(duplicate?.message).toContain('39-db-allow-api-metrics.yaml')

    // The carve-out shows on the tiefighter that the empire's allow used to admit.
    const closed = report.diff!.changes.filter((c) => c.kind === 'closed')
    expect(closed.some((c) => c.flow.to.startsWith('starwars/') && c.flow.from.includes('tiefighter'))).toBe(
      true
    )
    // Deleting the world lockdown lifts the ingress default deny it put on internal pods.
    expect(report.diff!.counts.opened).toBeGreaterThan(0)
  })
})
