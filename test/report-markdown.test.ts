import { describe, expect, it } from '@jest/globals'
import { diffMatrices, diffPolicies } from '../src/core/diff.js'
import { createEngine } from '../src/core/engine/engine.js'
import { predictMatrix } from '../src/core/matrix.js'
import type { Matrix } from '../src/core/matrix.js'
import type { Diagnostic, Flow } from '../src/core/model.js'
import { makeEngineOptions } from '../src/core/options.js'
import { emptyLoadedPolicies } from '../src/core/policy/document.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import { COMMENT_BUDGET, renderMarker, renderMarkdown } from '../src/core/report/markdown.js'
import type { Report } from '../src/core/report/report.js'
import {
  BLOCK_CLIENT,
  closedCell,
  DIAGNOSTIC,
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

  it('puts violated expectations first, then the changes by cause', () => {
    const violations = markdown.indexOf('### Violated expectations (1)')
    const causes = markdown.indexOf('### Changes by cause')
    expect(violations).toBeGreaterThan(0)
    expect(causes).toBeGreaterThan(violations)
    expect(markdown.indexOf('<details>')).toBeGreaterThan(causes)
    expect(markdown).toMatch(
      /^\| policy-test\/other-client → policy-test\/web TCP\/80 \| ✅ allow \| ⛔ deny \| default deny .* \| reachdiff\.yaml:12 \|$/m
    )
  })

  it('names the added policy as the cause, with counts and the endpoints summarised', () => {
    expect(markdown).toContain(
      '1. **adding** CiliumClusterwideNetworkPolicy block-client (policies/block-client.yaml): 4 flows closed\n' +
        '   - ⛔ 4 flows closed: every pod but policy-test/web (4) → policy-test/web on TCP/80\n'
    )
  })

  it('advises enableDefaultDeny for a deny-only policy that switched default deny on', () => {
    expect(markdown).toContain(
      '   - ⚠️ switches ingress default deny on for policy-test/web: 3 flows closed that no deny rule names. ' +
        'The policy has only `ingressDeny` rules'
    )
    expect(markdown).toContain('set `enableDefaultDeny: {ingress: false}` (Cilium 1.16+)')
  })

  it('advises an allow rule when the policy that switched default deny on has allow rules', () => {
    const report = seedReport()
    report.policyChanges = [{ kind: 'added', policy: BLOCK_CLIENT, sections: ['ingress', 'ingressDeny'] }]
    const text = renderMarkdown(report)
    expect(text).toContain('add an `ingress` allow rule (`fromEndpoints`, `toPorts`)')
    expect(text).not.toContain('enableDefaultDeny')
  })

  it('folds the changed flows per destination, one row per source, the reason stated once', () => {
    const details = markdown.slice(markdown.indexOf('<summary>Changed flows by destination'))
    expect(details).toContain('<summary>Changed flows by destination: 4 flows to 1 destination</summary>')
    const rows = linesOf(details).filter((line) => line.includes('✅ allow → ⛔ deny'))
    expect(rows.map((row) => row.split(' | ')[0])).toEqual([
      '| outside/outsider',
      '| policy-test/client',
      '| policy-test/other-client',
      '| policy-test/test-pod'
    ])
    expect(rows[1]).toContain('denied by CiliumClusterwideNetworkPolicy block-client ingressDeny\\[0\\]')
    expect(rows[2]).toContain('default deny on ingress of policy-test/web')
  })

  it('folds warnings and notices, each with its place', () => {
    expect(markdown).toContain('<details><summary>Warnings and notices: 1 warning, 0 notices</summary>')
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

  it('folds the head matrix, naming pods namespace/pod as everywhere else, with a static legend', () => {
    expect(markdown).toContain(
      '<details><summary>Head matrix: 5 sources × 5 destination ports, 16 allowed, 4 denied</summary>'
    )
    expect(markdown).toContain(
      '| source | outside/outsider TCP/80 | policy-test/client TCP/80 | policy-test/other-client TCP/80 | policy-test/test-pod TCP/80 | policy-test/web TCP/80 |'
    )
    expect(markdown).toContain('| policy-test/client | ✅ | · | ✅ | ✅ | ⛔ |')
    expect(markdown).not.toMatch(/flaky|not probed/)
    expectDetailsClosed(markdown)
  })

  it('ends with the footer', () => {
    expect(markdown.trimEnd().split('\n').pop()).toBe(
      '<sub>reachdiff 0.1.0 · Cilium 1.18.12 semantics · topology: scenario · base main (0 policies) → head pr-42 (1 policy)</sub>'
    )
  })

  it('links the workflow run in the footer when given one', () => {
    const url = 'https://github.com/o/r/actions/runs/42'
    const text = renderMarkdown(seedReport(), { runUrl: url })
    expect(text.trimEnd().split('\n').pop()).toContain(` · [workflow run](${url})</sub>`)
    expect(renderMarkdown(seedReport(), { runUrl: 'javascript:alert(1)' })).not.toContain('javascript')
  })

  it('keeps every table well formed', () => {
    expectWellFormedTables(markdown)
  })

  it('is the same every time', () => {
    expect(renderMarkdown(seedReport(), { marker: 'reachdiff' })).toBe(markdown)
  })
})

describe('renderMarkdown: errors and repeated diagnostics', () => {
  const broken: Diagnostic = {
    severity: 'error',
    file: 'policies/broken.yaml',
    line: 3,
    column: 1,
    path: '',
    message: 'YAML syntax error: bad indentation of a mapping entry'
  }

  it('leads with the head’s errors, one line each, before any other section', () => {
    const report = seedReport()
    report.diagnostics.push(broken)
    const lines = linesOf(renderMarkdown(report))
    expect(lines.slice(2, 6)).toEqual([
      '> [!CAUTION]',
      "> **1 error in the head's files**: not applied; their objects keep the previous version.",
      '>',
      '> - ❌ policies/broken.yaml:3:1: error: YAML syntax error: bad indentation of a mapping entry'
    ])
  })

  it('folds a notice repeated across files into one line with its count and places', () => {
    const report = quietReport()
    report.diagnostics = ['a', 'b', 'c', 'd'].map((name) => ({
      ...DIAGNOSTIC,
      severity: 'notice' as const,
      file: `policies/${name}.yaml`,
      message: 'endpointSelector {} selects every pod'
    }))
    const text = renderMarkdown(report)
    expect(text).toContain(
      '- ℹ️ notice: spec.ingressDeny\\[0\\]: endpointSelector {} selects every pod (4 places: policies/a.yaml:7:5, policies/b.yaml:7:5, policies/c.yaml:7:5 and 1 more)'
    )
  })

  it('shows a problem found at base and at head once, and a base-only one as at base', () => {
    const report = quietReport()
    report.diagnostics = [
      DIAGNOSTIC,
      { ...DIAGNOSTIC, message: `at base: ${DIAGNOSTIC.message}`, revision: 'base' },
      { ...DIAGNOSTIC, line: 20, message: 'at base: old problem', revision: 'base' }
    ]
    const text = renderMarkdown(report)
    expect(text.match(/a deny-only policy puts/g)).toHaveLength(1)
    expect(text).toContain(
      'policies/block-client.yaml:20:5: warning: at base: spec.ingressDeny\\[0\\]: old problem'
    )
  })
})

describe('renderMarkdown: other shapes', () => {
  it('says when nothing changed, and shows no change sections', () => {
    const markdown = renderMarkdown(quietReport())
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: no reachability change')
    expect(markdown).not.toContain('Changes by cause')
    expect(markdown).not.toContain('```mermaid')
  })

  it('counts flows and opens the matrix when there is no base', () => {
    const report = { ...seedReport(), base: undefined, diff: undefined, violations: [] }
    const markdown = renderMarkdown(report)
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: 20 flows checked (16 allowed, 4 denied)')
    expect(markdown).toContain('<details open><summary>')
  })

  it('names a deleted policy as the cause of what opened, with the reason the flows used to be denied', () => {
    const report = reversedSeed()
    report.policyChanges = [{ kind: 'removed', policy: BLOCK_CLIENT, sections: ['ingressDeny'] }]
    const markdown = renderMarkdown(report)
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: 0 flows closed, 4 opened')
    expect(markdown).toContain(
      '1. **deleting** CiliumClusterwideNetworkPolicy block-client (policies/block-client.yaml): 4 flows opened'
    )
    expect(markdown).toContain('linkStyle 0,1,2,3 stroke:#1a7f37,stroke-width:2px')
    expect(markdown.match(/ -->\|"✅ TCP\/80"\| n1$/gm)).toHaveLength(4)
    const client = linesOf(markdown).find((line) => line.startsWith('| policy-test/client |'))
    expect(client).toContain(`| ⛔ deny → ✅ allow | ${OPEN_REASON}<br>_before:_ denied by`)
  })

  it('merges the ports of one source into one row', () => {
    const seed = seedReport()
    const flows: Flow[] = [80, 443].map((port) => ({
      from: 'policy-test/client',
      to: WEB,
      protocol: 'TCP',
      port
    }))
    flows.push({ from: 'policy-test/client', to: WEB, protocol: 'ICMP' })
    const base: Matrix = { source: 'predicted', cells: flows.map(openCell) }
    const head: Matrix = { source: 'predicted', cells: flows.map((flow) => closedCell(flow, 'denied')) }
    const report: Report = {
      ...seed,
      base: { ...seed.base!, matrix: base },
      head: { ...seed.head, matrix: head }
    }
    report.diff = diffMatrices(base, head)
    expect(renderMarkdown(report)).toContain(
      '| policy-test/client | TCP/80, TCP/443, ICMP | ✅ allow → ⛔ deny |'
    )
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

  it('gives HTTP requests their own matrix columns, and an observed matrix its flaky mark and legend', () => {
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
    expect(markdown).toContain('| source | outside/outsider TCP/80 | policy-test/web TCP/80 GET /public |')
    expect(markdown).toContain('| policy-test/client | ✅ | ⚠️ |')
    expect(markdown).toContain('✅ allow · ⛔ deny · ⚠️ flaky · · not probed')
  })

  it('says where the cells are instead of a grid with more than 60 columns', () => {
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
      'The grid would be 1 source × 61 destination ports, too large to read; the JSON report has every cell with its reason.'
    )
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

describe('renderMarkdown: a budget, not truncation', () => {
  const huge = hugeReport(5000)

  it('fits 5,000 changed flows in the comment budget, leading with the cause', () => {
    const markdown = renderMarkdown(huge, { marker: 'reachdiff' })
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_BUDGET)
    expect(linesOf(markdown)[1]).toBe('**reachdiff**: 5,000 flows closed, 0 opened, 1 expectation violated')
    expect(markdown).toContain('### Violated expectations (1)')
    expect(markdown).toContain(
      '1. **adding** CiliumClusterwideNetworkPolicy block-client (policies/block-client.yaml): 5,000 flows closed'
    )
    expect(markdown).toContain('   - ⛔ 5,000 flows closed: 5,000 pods in load → 7 pods in load on TCP/80')
    expect(markdown.trimEnd().split('\n').pop()).toMatch(/^<sub>reachdiff 0\.1\.0 · /)
    expectWellFormedTables(markdown)
    expectDetailsClosed(markdown)
  })

  it('says of every shortened list how much it leaves out and where it is', () => {
    const markdown = renderMarkdown(huge, { runUrl: 'https://github.com/o/r/actions/runs/7' })
    const listed = linesOf(markdown).filter((line) => line.includes('✅ allow → ⛔ deny')).length
    const more = [
      ...markdown.matchAll(
        /_…and (\d+) more sources \((\d+) flows\): the job summary and the JSON report of \[this run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/7\) have every flow\._/g
      )
    ]
    expect(more.length).toBeGreaterThan(0)
    const moreDestinations = /_…and (\d+) more destinations \(([\d,]+) flows\)/.exec(markdown)
    const left = Number(moreDestinations?.[2].replace(',', '') ?? 0)
    expect(listed + more.reduce((sum, m) => sum + Number(m[2]), 0) + left).toBe(5000)
  })

  it.each([2000, 5000, 15000, 65536])(
    'never exceeds maxLength %i, nor leaves <details> open',
    (maxLength) => {
      const markdown = renderMarkdown(huge, { maxLength, marker: 'reachdiff' })
      expect(markdown.length).toBeLessThanOrEqual(maxLength)
      expectDetailsClosed(markdown)
      expectWellFormedTables(markdown)
    }
  )

  it('shows the whole matrix and every row when they fit', () => {
    const markdown = renderMarkdown(seedReport())
    expect(markdown).not.toContain('…and')
    expect(markdown).toContain('<summary>Head matrix')
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
    report.policyChanges = diffPolicies([], loaded.policies)
    const markdown = renderMarkdown(report)
    expect(linesOf(markdown)[0]).toBe('**reachdiff**: 4 flows closed, 0 opened')
    expect(markdown).toContain(
      '   - ⚠️ switches ingress default deny on for policy-test/web: 3 flows closed that no deny rule names. The policy has only `ingressDeny` rules'
    )
    const client = linesOf(markdown).find((line) => line.startsWith('| policy-test/client | TCP/80 |'))
    expect(client).toContain('denied by CiliumClusterwideNetworkPolicy block-client')
  })
})
