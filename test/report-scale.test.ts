// The report at three sizes, from policy directories read by the real loader: the README's
// example, a change to three policies, and a repository of 30 policies where deleting one
// opens thousands of flows while another file fails to parse. Golden files keep what a
// reviewer saw once (UPDATE_GOLDEN=1 rewrites them, never in CI); the assertions say what
// must hold whatever the wording.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { makeEngineOptions } from '../src/core/options.js'
import { predictReport } from '../src/core/predict.js'
import { renderJson } from '../src/core/report/json.js'
import { COMMENT_BUDGET, GITHUB_COMMENT_LIMIT, renderMarkdown } from '../src/core/report/markdown.js'
import type { Report } from '../src/core/report/report.js'
import { renderText, TEXT_WIDTH } from '../src/core/report/text.js'
import { loadPoliciesFromDirectory } from '../src/edge/policy-sources.js'
import { REPO_ROOT } from './helpers/cli.js'
import { expectGolden } from './helpers/golden.js'
import type { PolicyFiles } from './helpers/policy-repo.js'
import { appPolicy, diffPolicyFiles, platformPolicies } from './helpers/policy-repo.js'

const RUN_URL = 'https://github.com/octo/platform/actions/runs/1234'

type Json = Record<string, unknown>

/** The README's example: the guide's deny-only policy added. */
async function smallReport(): Promise<Report> {
  const example = join(REPO_ROOT, 'policies/examples/guide-deny-client')
  const options = makeEngineOptions()
  return predictReport({
    base: { label: 'main', loaded: await loadPoliciesFromDirectory(join(example, 'base'), options) },
    head: { label: 'pr', loaded: await loadPoliciesFromDirectory(join(example, 'head'), options) },
    options,
    toolVersion: '0.1.0'
  })
}

const DENY_API_TO_DB = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: deny-api-to-db
  namespace: team-0
spec:
  endpointSelector:
    matchLabels:
      app: db
  ingressDeny:
    - fromEndpoints:
        - matchLabels:
            app: api
`

/** Three policies changed: a deny added, a rule moved to another port, a policy deleted. */
function mediumChange(): { base: PolicyFiles; head: PolicyFiles } {
  const base = platformPolicies(2)
  const head: PolicyFiles = { ...base, 'team-0/deny-api-to-db.yaml': DENY_API_TO_DB }
  head['team-1/api.yaml'] = appPolicy('team-1', 'api', 'web', 443)
  delete head['team-1/cache.yaml']
  return { base, head }
}

/**
 * A change to all 30 policies of a repository: the head deletes the cluster-wide baseline,
 * breaks one file and moves every other app to a new port.
 */
function largeChange(): { base: PolicyFiles; head: PolicyFiles } {
  const base = platformPolicies(6)
  delete base['team-5/cache.yaml']
  const head: PolicyFiles = {}
  for (const [path, text] of Object.entries(base)) head[path] = text.replace(/port: "(\d+)"/, 'port: "1$1"')
  delete head['baseline/cluster-lockdown.yaml']
  head['team-2/api.yaml'] = base['team-2/api.yaml'].replace(
    '  endpointSelector:',
    ' endpointSelector:\n   bad'
  )
  return { base, head }
}

/** The JSON without its two long arrays, which are summarised by length and digest instead. */
function jsonGolden(json: string): string {
  const parsed = JSON.parse(json) as Json
  const digest = (value: unknown): string =>
    createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)
  const matrices = parsed.matrices as { base: unknown[]; head: unknown[] }
  const changes = parsed.changes as unknown[]
  const short = {
    ...parsed,
    changes: { length: changes.length, sha256: digest(changes), first: changes.slice(0, 3) },
    matrices: {
      base: { length: matrices.base.length, sha256: digest(matrices.base) },
      head: { length: matrices.head.length, sha256: digest(matrices.head) }
    }
  }
  return JSON.stringify(short, null, 2) + '\n'
}

describe.each([
  ['small', smallReport],
  ['medium', (): Promise<Report> => diffPolicyFiles(mediumChange().base, mediumChange().head)],
  ['large', (): Promise<Report> => diffPolicyFiles(largeChange().base, largeChange().head)]
])('the %s diff', (size, make) => {
  let report: Report
  let markdown: string
  let text: string
  let json: string
  beforeAll(async () => {
    report = await make()
    markdown = renderMarkdown(report, { marker: '<!-- reachdiff -->', runUrl: RUN_URL })
    text = renderText(report, { color: false })
    json = renderJson(report)
  })

  it('golden markdown, text and JSON', () => {
    expectGolden(`report/${size}.md`, markdown)
    expectGolden(`report/${size}.txt`, text)
    expectGolden(`report/${size}.json`, size === 'small' ? json : jsonGolden(json))
  })

  it('fits the comment budget, keeps text within the terminal, and the JSON has every change', () => {
    expect(markdown.length).toBeLessThan(COMMENT_BUDGET)
    for (const line of text.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(TEXT_WIDTH)
    const changes = (JSON.parse(json) as { changes: unknown[] }).changes
    const counts = report.diff!.counts
    expect(changes).toHaveLength(counts.opened + counts.closed + counts.added + counts.removed)
  })
})

describe('done when: 30 policies, one deleted policy causing thousands of changes, one broken file', () => {
  let report: Report
  let markdown: string
  beforeAll(async () => {
    const { base, head } = largeChange()
    expect(Object.keys(base)).toHaveLength(30)
    report = await diffPolicyFiles(base, head)
    markdown = renderMarkdown(report, { marker: '<!-- reachdiff -->', runUrl: RUN_URL })
  })

  it('has thousands of changes', () => {
    expect(report.diff!.counts.opened + report.diff!.counts.closed).toBeGreaterThan(2000)
  })

  it('keeps the comment under 15,000 characters', () => {
    expect(markdown.length).toBeLessThan(15000)
  })

  it('names the broken file and the deleted policy as the cause, with counts, in its first 15 lines', () => {
    const top = markdown.split('\n').slice(0, 15).join('\n')
    expect(top).toMatch(/team-2\/api\.yaml:\d+:\d+: error: YAML syntax error/)
    expect(top).toMatch(
      /1\. \*\*deleting\*\* CiliumClusterwideNetworkPolicy cluster-lockdown \(baseline\/cluster-lockdown\.yaml\): [\d,]+ flows: [\d,]+ closed, [\d,]+ opened/
    )
  })

  it('puts every changed flow in the JSON, each with its cause', () => {
    const json = JSON.parse(renderJson(report)) as {
      changes: { from: string; to: string; protocol: string; port: number | null; cause: number }[]
      causes: { flows: number; policies: { change: string; name: string }[] }[]
    }
    const key = (f: { from: string; to: string; protocol: string; port?: number | null }): string =>
      `${f.from} ${f.to} ${f.protocol} ${f.port ?? ''}`
    const changed = report.diff!.changes.filter((c) => c.kind !== 'unchanged').map((c) => key(c.flow))
    expect(json.changes.map(key)).toEqual(changed)
    expect(json.causes[0].policies).toEqual([
      expect.objectContaining({ change: 'removed', name: 'cluster-lockdown' })
    ])
    const perCause = json.causes.map((_, i) => json.changes.filter((c) => c.cause === i).length)
    expect(perCause).toEqual(json.causes.map((c) => c.flows))
  })

  it('stays within GitHub’s limit as a job summary too, with more detail', () => {
    const summary = renderMarkdown(report, { maxLength: 400_000 })
    expect(summary.length).toBeGreaterThan(markdown.length)
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
  })
})
