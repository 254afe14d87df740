// The main job at repository scale: a diff between two revisions of 500 policies over the
// topology generated from them, rendered as the PR comment.
import { makeEngineOptions } from '../src/core/options.js'
import { predictReport } from '../src/core/predict.js'
import { MAX_FLOWS } from '../src/core/scenario/flows.js'
import { renderMarkdown } from '../src/core/report/markdown.js'
import { syntheticPolicies } from './synthetic.js'

export function benchDiff(): string[] {
  const spec = { namespaces: 10, identitiesPerNamespace: 16, podsPerIdentity: 1, policies: 500, seed: 7 }
  const head = syntheticPolicies(spec)
  // The base lacks the last 25 policies and has 25 others changed: a large but plausible change.
  const base = syntheticPolicies({ ...spec, seed: 8 })
    .slice(0, 25)
    .concat(head.slice(25, 475))
  // Up to the hard cap: the default work budget (500,000 flows per side) would refuse this
  // topology, and a refused diff measures nothing.
  const options = makeEngineOptions({ limits: { flows: MAX_FLOWS } })
  const start = performance.now()
  const report = predictReport({
    base: { label: 'base', loaded: { policies: base, cidrGroups: [], diagnostics: [] } },
    head: { label: 'head', loaded: { policies: head, cidrGroups: [], diagnostics: [] } },
    options,
    toolVersion: 'bench'
  })
  const comment = renderMarkdown(report)
  const elapsed = performance.now() - start
  const counts = report.diff!.counts
  const refused = report.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `diff: refused: ${d.message}`)
  return [
    ...refused,
    `diff: ${head.length} policies, generated topology of ${report.topology.pods.length} pods, ${report.head.matrix.cells.length} flows per side`,
    `diff: ${counts.closed} closed, ${counts.opened} opened; predicted both sides, diffed and rendered a ${comment.length}-character comment in ${elapsed.toFixed(0)} ms`
  ]
}
