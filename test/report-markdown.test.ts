import { describe, expect, it } from '@jest/globals'
import { diffMatrices } from '../src/core/diff.js'
import { createEngine } from '../src/core/engine/engine.js'
import { predictMatrix } from '../src/core/matrix.js'
import type { Matrix } from '../src/core/matrix.js'
import type { Flow } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import { emptyLoadedPolicies } from '../src/core/policy/document.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import { GITHUB_COMMENT_LIMIT, renderMarker, renderMarkdown } from '../src/core/report/markdown.js'
import type { Report } from '../src/core/report/report.js'
import {
  BLOCK_CLIENT,
  closedCell,
  hostileReport,
  hugeReport,
  openCell,
  OPEN_REASON,
  quietReport,
  seedFlows,
  seedReport,
  seedTopology,
  WEB
} from './helpers/report-fixtures.js'

function linesOf(text: string): string[] {
  return text.split('\n')
}

/** Table cells of a GFM row: split on pipes that no backslash escapes. */
function cellCount(row: string): number {
  return row.replace(/\\./g, '').split('|').length - 2
}

/** Every table row has as many cells as its header, and no row is cut. */
function expectWellFormedTables(markdown: string): void {
  let columns = 0
  for (const line of linesOf(markdown)) {
    if (!line.startsWith('|')) {
      columns = 0
      continue
    }
    expect(line.endsWith(' |')).toBe(true)
    if (columns === 0) columns = cellCount(line)
    else expect(cellCount(line)).toBe(columns)
  }
}

function expectDetailsClosed(markdown: string): void {
  expect(markdown.match(/<details/g)?.length ?? 0).toBe(markdown.match(/<\/details>/g)?.length ?? 0)
}

/** The seed change turned around: the policy is removed again, so web opens up. */
function reversedSeed(): Report {
  const seed = seedReport()
  const base = seed.head.matrix
  const head = seed.base!.matrix
  return {
    ...seed,
    base: { label: 'main', matrix: base, policyCount: 1 },
    head: { label: 'pr-44', matrix: head, policyCount: 0 },
    diff: diffMatrices(base, head),
    violations: [],
    diagnostics: []
  }
}

describe('renderMarkdown: the seed case', () => {
  const markdown = renderMarkdown(seedReport(), { marker: 'reachdiff' })

  it('starts with the marker and a one-line headline', () => {
    expect(linesOf(markdown).slice(0, 2)).toEqual([
      '<!-- reachdiff -->',
      '**reachdiff**: 4 flows closed, 0 opened, 1 expectation violated'
    ])
  })

  it('warns that web has entered ingress default deny, before any table', () => {
    const warning = markdown.indexOf('> [!WARNING]')
    expect(warning).toBeGreaterThan(0)
    expect(warning).toBeLessThan(markdown.indexOf('|'))
    expect(markdown).toContain(
      '> - ingress of policy-test/web (selected by CiliumClusterwideNetworkPolicy block-client): 3 flows closed that no deny rule names'
    )
  })

  it('groups the changed flows by destination, one row per source', () => {
    expect(markdown.match(/^### → /gm)).toHaveLength(1)
    const group = markdown.slice(markdown.indexOf(`### → ${WEB}`))
    const rows = linesOf(group).filter((line) => line.includes('✅ allow → ⛔ deny'))
    expect(rows.map((row) => row.split(' | ')[0])).toEqual([
      '| outside/outsider',
      '| policy-test/client',
      '| policy-test/other-client',
      '| policy-test/test-pod'
    ])
    expect(rows[1]).toContain('denied by CiliumClusterwideNetworkPolicy block-client ingressDeny\\[0\\]')
    expect(rows[2]).toContain('default deny on ingress of policy-test/web')
  })

  it('lists the violated expectation with its file and line', () => {
    expect(markdown).toContain('### Violated expectations (1)')
    expect(markdown).toMatch(
      /^\| policy-test\/other-client → policy-test\/web TCP\/80 \| ✅ allow \| ⛔ deny \| default deny .* \| reachdiff\.yaml:12 \|$/m
    )
  })

  it('lists diagnostics as file:line:column and message', () => {
    expect(markdown).toContain(
      '- ⚠️ policies/block-client.yaml:7:5: warning: spec.ingressDeny\\[0\\]: a deny-only policy puts'
    )
  })

  it('draws the closed edges dashed and red, with generated node ids', () => {
    const graph = markdown.slice(markdown.indexOf('```mermaid'), markdown.lastIndexOf('```'))
    expect(graph).toContain('graph LR')
    expect(graph).toContain('  n1["policy-test/web"]')
    expect(graph.match(/ -\.->\|"⛔ TCP\/80"\| n1$/gm)).toHaveLength(4)
    expect(graph).toContain('linkStyle 0,1,2,3 stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5')
    expect(graph).not.toContain('-->|')
  })

  it('folds the head matrix as a grid in <details>', () => {
    expect(markdown).toContain(
      '<details><summary>Head matrix: 5 sources × 5 destination ports, 16 allowed, 4 denied</summary>'
    )
    expect(markdown).toContain(
      '| source | outsider TCP/80 | client TCP/80 | other-client TCP/80 | test-pod TCP/80 | web TCP/80 |'
    )
    expect(markdown).toContain('| client | ✅ | · | ✅ | ✅ | ⛔ |')
    expect(markdown).toContain('| web | ✅ | ✅ | ✅ | ✅ | · |')
    expectDetailsClosed(markdown)
  })

  it('ends with the footer', () => {
    expect(markdown.trimEnd().split('\n').pop()).toBe(
      '<sub>reachdiff 0.1.0 · Cilium 1.18.12 semantics · topology: scenario · base main (0 policies) → head pr-42 (1 policy)</sub>'
    )
  })

  it('keeps every table well formed', () => {
    expectWellFormedTables(markdown)
  })

  it('is the same every time', () => {
    expect(renderMarkdown(seedReport(), { marker: 'reachdiff' })).toBe(markdown)
  })
})

describe('renderMarkdown: other shapes', () => {
  it('says when nothing changed, and shows no change sections', () => {
    const markdown = renderMarkdown(quietReport())
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: no reachability change')
    expect(markdown).not.toContain('### →')
    expect(markdown).not.toContain('```mermaid')
    expect(markdown).not.toContain('[!WARNING]')
  })

  it('counts flows and opens the matrix when there is no base', () => {
    const report = { ...seedReport(), base: undefined, diff: undefined, violations: [] }
    const markdown = renderMarkdown(report)
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: 20 flows checked (16 allowed, 4 denied)')
    expect(markdown).toContain('<details open><summary>')
  })

  it('draws opened edges solid and green, with the reason they used to be denied', () => {
    const markdown = renderMarkdown(reversedSeed())
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: 0 flows closed, 4 opened')
    expect(markdown).toContain('linkStyle 0,1,2,3 stroke:#1a7f37,stroke-width:2px')
    expect(markdown.match(/ -->\|"✅ TCP\/80"\| n1$/gm)).toHaveLength(4)
    const client = linesOf(markdown).find((line) => line.startsWith('| policy-test/client |'))
    expect(client).toContain(`| ⛔ deny → ✅ allow | ${OPEN_REASON}<br>_before:_ denied by`)
  })

  it('shows added and removed flows with an em dash on the missing side', () => {
    const seed = seedReport()
    const gone: Flow = { from: 'policy-test/client', to: 'policy-test/db', protocol: 'TCP', port: 5432 }
    const base: Matrix = { source: 'predicted', cells: [openCell(gone)] }
    const head: Matrix = { source: 'predicted', cells: [closedCell(seedFlows()[0], 'denied')] }
    const report: Report = {
      ...seed,
      base: { ...seed.base!, matrix: base },
      head: { ...seed.head, matrix: head }
    }
    report.diff = diffMatrices(base, head)
    const markdown = renderMarkdown(report)
    expect(linesOf(markdown)[0]).toContain('0 flows closed, 0 opened, 1 added, 1 removed')
    expect(markdown).toContain('| ✅ allow → — |')
    expect(markdown).toContain('| — → ⛔ deny |')
  })

  it('renders disagreements and flaky flows when there are some', () => {
    const seed = seedReport()
    const flow = seedFlows()[0]
    seed.disagreements = [
      { flow, side: 'head', predicted: 'allow', observed: 'deny', reason: 'timed out after 3 attempts' }
    ]
    seed.flaky = [flow]
    const markdown = renderMarkdown(seed)
    expect(linesOf(markdown)[0]).toContain(', 1 disagreement, 1 flaky flow')
    expect(markdown).toContain('### Predicted vs observed (1)')
    expect(markdown).toContain('| head | ✅ allow | ⛔ deny | timed out after 3 attempts |')
    expect(markdown).toContain('### Flaky flows (1)')
    expect(markdown).toContain(`- ⚠️ ${flow.from} → ${flow.to} TCP/80`)
  })

  it('gives HTTP requests their own matrix columns and flaky cells their own mark', () => {
    const seed = seedReport()
    const get: Flow = {
      from: 'policy-test/client',
      to: WEB,
      protocol: 'TCP',
      port: 80,
      http: { method: 'GET', path: '/public' }
    }
    const cells = [openCell(seedFlows()[0]), { ...openCell(get), flaky: true }]
    const report: Report = {
      ...seed,
      base: undefined,
      diff: undefined,
      head: { ...seed.head, matrix: { source: 'observed', cells } }
    }
    const markdown = renderMarkdown(report)
    expect(markdown).toContain('| source | outsider TCP/80 | web TCP/80 GET /public |')
    expect(markdown).toContain('| client | ✅ | ⚠️ |')
  })

  it('lists denied flows instead of a grid with more than 60 columns', () => {
    const seed = seedReport()
    const flows: Flow[] = Array.from({ length: 61 }, (_, i) => ({
      from: 'a/client',
      to: WEB,
      protocol: 'TCP',
      port: 1000 + i
    }))
    const cells = flows.map((flow, i) => (i % 2 === 0 ? openCell(flow) : closedCell(flow, 'denied')))
    const report: Report = {
      ...seed,
      base: undefined,
      diff: undefined,
      head: { ...seed.head, matrix: { source: 'predicted', cells } }
    }
    const markdown = renderMarkdown(report)
    expect(markdown).toContain(
      'The grid would be 1 source × 61 destination ports, too large to read, so here are the denied flows instead.'
    )
    expect(markdown.match(/^\| a\/client \| policy-test\/web \| TCP\/\d+ \| denied by/gm)).toHaveLength(30)
    expectDetailsClosed(markdown)
  })

  it('wraps a bare marker in an HTML comment and keeps a whole one', () => {
    expect(renderMarker('reachdiff:sticky')).toBe('<!-- reachdiff:sticky -->')
    expect(renderMarker('<!-- reachdiff -->')).toBe('<!-- reachdiff -->')
    expect(renderMarker('x --> <b>y</b>')).toBe('<!-- x - by/b -->')
  })
})

describe('renderMarkdown: hostile names', () => {
  const hostile = [
    'a|b',
    'x`y`z',
    '<img src=x onerror=alert(1)>',
    '@octocat',
    '[x](javascript:alert(1))',
    'line1\nline2\r\n| --- |',
    '**b** ~~s~~ $m$ #12 www.evil.example http://evil.example &#64;x'
  ]

  it.each(hostile)('renders %j inert', (name) => {
    const whole = renderMarkdown(hostileReport(name))
    // Inside the code fence mentions and references do nothing; labels are checked below.
    const markdown = whole.replace(/```mermaid[\s\S]*?```/, '')
    expect(markdown).not.toContain('```')
    expect(markdown).not.toMatch(/<(img|script)/i)
    expect(markdown).not.toMatch(/@octocat/)
    expect(markdown).not.toMatch(/(?<!\\)\[x(?<!\\)\]/)
    expect(markdown).not.toMatch(/(?<!\\)\*\*b/)
    expect(markdown).not.toMatch(/(?<!\\)`y/)
    expect(markdown).not.toMatch(/(?<![\\#])#12/)
    expect(markdown).not.toMatch(/https?:\/\/evil|www\.evil/)
    expect(markdown).not.toContain('&#64;x')
    expect(markdown).not.toContain('line1\nline2')
    expectWellFormedTables(markdown)
    const graph = /```mermaid\n([\s\S]*?)```/.exec(whole)?.[1] ?? ''
    expect(graph.split('\n').filter((line) => line.trim() !== '')).toHaveLength(5)
    expect(graph).toMatch(/^ {2}n0\["[^"[\]()<>|`]*"\]$/m)
  })

  it('shortens a 300-character name to about 80 characters', () => {
    const markdown = renderMarkdown(hostileReport('n'.repeat(300)))
    expect(markdown).not.toContain('n'.repeat(81))
    expect(markdown).toContain('…')
  })
})

describe('renderMarkdown: truncation', () => {
  const huge = hugeReport(5000)

  it('stays within GitHub’s limit with 5,000 changed flows', () => {
    const markdown = renderMarkdown(huge, { marker: 'reachdiff' })
    expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
    expect(linesOf(markdown)[1]).toBe('**reachdiff**: 5000 flows closed, 0 opened, 1 expectation violated')
    expect(markdown).toContain('### Violated expectations (1)')
    expect(markdown).toContain('| load/client-00000 | TCP/80 |')
    expect(markdown).toMatch(
      /\*\*…truncated\*\*: \d+ more changed flows, 1 more diagnostic, the graph of changed edges and the full matrix not shown here; the job summary and the JSON report have everything\./
    )
    expect(markdown.trimEnd().split('\n').pop()).toMatch(/^<sub>reachdiff 0\.1\.0 · /)
    expectWellFormedTables(markdown)
    expectDetailsClosed(markdown)
  })

  it('counts exactly the changed flows it leaves out', () => {
    const markdown = renderMarkdown(huge)
    const shown = linesOf(markdown).filter((line) => line.includes('✅ allow → ⛔ deny')).length
    const more = Number(/(\d+) more changed flows/.exec(markdown)?.[1])
    expect(shown + more).toBe(5000)
  })

  it.each([200, 1000, 5000, 20000])('never exceeds maxLength %i', (maxLength) => {
    const markdown = renderMarkdown(huge, { maxLength, marker: 'reachdiff' })
    expect(markdown.length).toBeLessThanOrEqual(maxLength)
    expectDetailsClosed(markdown)
  })

  it('cuts the matrix by rows and still closes <details>', () => {
    const seed = seedReport()
    const flows: Flow[] = Array.from({ length: 40 }, (_, i) => ({
      from: `ns/pod-${i}`,
      to: WEB,
      protocol: 'TCP',
      port: 80
    }))
    const report: Report = {
      ...seed,
      base: undefined,
      diff: undefined,
      violations: [],
      diagnostics: [],
      head: { ...seed.head, matrix: { source: 'predicted', cells: flows.map(openCell) } }
    }
    const whole = renderMarkdown(report)
    const markdown = renderMarkdown(report, {
      maxLength: whole.length - 30,
      truncationHint: 'see the job summary'
    })
    expect(markdown).toMatch(/\*\*…truncated\*\*: \d+ more matrix rows not shown here; see the job summary\./)
    expect(markdown).toContain('| pod-0 | ✅ |')
    expectDetailsClosed(markdown)
    expectWellFormedTables(markdown)
  })

  it('leaves a short report whole', () => {
    const seed = seedReport()
    expect(renderMarkdown(seed)).not.toContain('truncated')
  })
})

describe('renderMarkdown with the real engine', () => {
  it('explains the guide’s deny-only policy as a new ingress default deny', () => {
    const options = makeEngineOptions()
    const loaded = emptyLoadedPolicies()
    loaded.policies.push({
      ref: BLOCK_CLIENT,
      valid: true,
      raw: {
        apiVersion: 'cilium.io/v2',
        kind: 'CiliumClusterwideNetworkPolicy',
        metadata: { name: 'block-client' },
        spec: {
          endpointSelector: { matchLabels: { run: 'web' } },
          ingressDeny: [{ fromEndpoints: [{ matchLabels: { run: 'client' } }] }]
        }
      }
    })
    const topology = seedTopology()
    const flows = seedFlows()
    const base = predictMatrix(createEngine([], topology, options), flows)
    const head = predictMatrix(createEngine(normalizePolicies(loaded, options), topology, options), flows)
    const seed = seedReport()
    const report: Report = {
      ...seed,
      base: { label: 'main', matrix: base, policyCount: 0 },
      head: { label: 'pr-42', matrix: head, policyCount: 1 },
      diff: diffMatrices(base, head),
      violations: [],
      diagnostics: []
    }
    const markdown = renderMarkdown(report)
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: 4 flows closed, 0 opened')
    expect(markdown).toContain(
      '> - ingress of policy-test/web (selected by CiliumClusterwideNetworkPolicy block-client): 3 flows closed that no deny rule names'
    )
    const client = linesOf(markdown).find((line) => line.startsWith('| policy-test/client | TCP/80 |'))
    expect(client).toContain('denied by CiliumClusterwideNetworkPolicy block-client')
  })
})
