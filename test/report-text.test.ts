import { describe, expect, it } from '@jest/globals'
import { diffMatrices } from '../src/core/diff.js'
import type { Flow } from '../src/core/model.js'
import type { Report } from '../src/core/report/report.js'
import { renderText, TEXT_WIDTH, wrapText } from '../src/core/report/text.js'
import {
  closedCell,
  hostileReport,
  openCell,
  quietReport,
  seedReport,
  WEB
} from './helpers/report-fixtures.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

function linesOf(text: string): string[] {
  return text.split('\n')
}

function widthOf(line: string): number {
  return Array.from(line.replace(ANSI, '')).length
}

function withMatrix(report: Report, flows: Flow[], denied: (i: number) => boolean): Report {
  const cells = flows.map((flow, i) => (denied(i) ? closedCell(flow, 'denied') : openCell(flow)))
  return {
    ...report,
    base: undefined,
    diff: undefined,
    head: { ...report.head, matrix: { source: 'predicted', cells } }
  }
}

describe('renderText: the seed case', () => {
  const text = renderText(seedReport(), { color: false })

  it('starts with the headline', () => {
    expect(linesOf(text)[0]).toBe('reachdiff: 4 flows closed, 0 opened, 1 expectation violated')
  })

  it('names the cause with counts, and the fix that matches a deny-only policy', () => {
    expect(text).toContain(
      'Changes by cause\n' +
        '  1. adding CiliumClusterwideNetworkPolicy block-client (policies/block-client.yaml): 4 flows closed\n' +
        '     - ✗ 4 flows closed: every pod but policy-test/web (4) → policy-test/web on TCP/80\n' +
        '     - ! switches ingress default deny on for policy-test/web: 3 flows closed that no deny rule\n'
    )
    expect(text).toContain('enableDefaultDeny: {ingress: false}')
  })

  it('groups changed flows by destination, one line per source with its reason beneath', () => {
    const section = text.slice(text.indexOf('Changed flows by destination (4 flows)'))
    expect(section).toContain(`→ ${WEB}\n`)
    expect(section).toContain('  policy-test/client TCP/80: allow → deny\n')
    expect(section).toContain('      denied by CiliumClusterwideNetworkPolicy block-client ingressDeny[0]')
    expect(section.match(/: allow → deny/g)).toHaveLength(4)
  })

  it('lists the violation with where it stands, and the diagnostic', () => {
    expect(text).toContain('  policy-test/other-client → policy-test/web TCP/80: expected allow, got deny')
    expect(text).toContain('      at reachdiff.yaml:12')
    expect(text).toContain('  policies/block-client.yaml:7:5: warning: spec.ingressDeny[0]:')
  })

  it('draws the head matrix as an aligned grid with a legend for a static prediction', () => {
    expect(text).toContain('Head matrix (5 sources × 5 destination ports)')
    expect(text).toContain('                           1 2 3 4 5\n')
    expect(text).toContain('  policy-test/client       ✓ · ✓ ✓ ✗\n')
    expect(text).toContain('  policy-test/web          ✓ ✓ ✓ ✓ ·\n')
    expect(text).toContain('   5  policy-test/web TCP/80\n')
    expect(text).toContain('  ✓ allow  ✗ deny  · not a flow of this run')
    expect(text).not.toMatch(/flaky|not probed/)
  })

  it('ends with the footer', () => {
    expect(text.trimEnd().split('\n').pop()).toBe(
      'reachdiff 0.1.0 · Cilium 1.18.12 semantics · topology: scenario'
    )
  })

  it('fits in 100 columns and has no colour', () => {
    expect(text).not.toMatch(ANSI)
    for (const line of linesOf(text)) expect(widthOf(line)).toBeLessThanOrEqual(TEXT_WIDTH)
  })
})

describe('renderText: colour', () => {
  it('paints verdicts and headings when asked to, and says the same thing', () => {
    const plain = renderText(seedReport(), { color: false })
    const colored = renderText(seedReport(), { color: true })
    expect(colored).toContain('\u001b[31mdeny\u001b[0m')
    expect(colored).toContain('\u001b[32mallow\u001b[0m')
    expect(colored).toContain('\u001b[1mChanges by cause\u001b[0m')
    expect(colored.replace(ANSI, '')).toBe(plain)
  })
})

describe('renderText: other shapes', () => {
  it('says when nothing changed', () => {
    const text = renderText(quietReport(), { color: false })
    expect(linesOf(text)[0]).toBe('reachdiff: no reachability change')
    expect(text).not.toContain('Changed flows')
  })

  it('shows a few rows per destination and says how to see them all; --verbose shows them all', () => {
    const flows: Flow[] = Array.from({ length: 30 }, (_, i) => ({
      from: `ns/c-${i}`,
      to: WEB,
      protocol: 'TCP',
      port: 80
    }))
    const report = seedReport()
    const base = { source: 'predicted' as const, cells: flows.map(openCell) }
    const head = { source: 'predicted' as const, cells: flows.map((flow) => closedCell(flow, 'denied')) }
    report.base = { ...report.base!, matrix: base }
    report.head = { ...report.head, matrix: head }
    report.diff = diffMatrices(base, head)
    const short = renderText(report, { color: false })
    expect(short.match(/: allow → deny/g)).toHaveLength(4)
    expect(short).toContain('  …and 26 more sources (26 flows) (--verbose or --format json lists them all)')
    const verbose = renderText(report, { color: false, verbose: true })
    expect(verbose.match(/: allow → deny/g)).toHaveLength(30)
    expect(verbose).not.toContain('more sources')
  })

  it('strips control characters from names, so no escape sequence reaches the terminal', () => {
    const text = renderText(hostileReport('evil\u001b]0;pwned\u0007\u001b[2J\nname'), { color: false })
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    expect(text).toContain('evil]0;pwned[2J name')
  })

  it('shortens a 300-character name and still wraps at 100 columns', () => {
    const text = renderText(hostileReport('n'.repeat(300)), { color: true })
    expect(text).not.toContain('n'.repeat(81))
    for (const line of linesOf(text)) expect(widthOf(line)).toBeLessThanOrEqual(TEXT_WIDTH)
  })

  it('wraps a wide grid into blocks of columns', () => {
    const flows: Flow[] = Array.from({ length: 50 }, (_, i) => ({
      from: 'ns/client',
      to: WEB,
      protocol: 'TCP',
      port: 8000 + i
    }))
    const text = renderText(
      withMatrix(seedReport(), flows, (i) => i % 3 === 0),
      { color: false }
    )
    const headers = linesOf(text).filter((line) => /^ +1 +2 /.test(line) || /^ +\d+ +\d+ +\d+/.test(line))
    expect(headers.length).toBeGreaterThan(1)
    expect(text).toContain('  50  policy-test/web TCP/8049')
    for (const line of linesOf(text)) expect(widthOf(line)).toBeLessThanOrEqual(TEXT_WIDTH)
  })

  it('lists denied flows instead of a grid with more than 200 rows', () => {
    const flows: Flow[] = Array.from({ length: 201 }, (_, i) => ({
      from: `ns/c-${i}`,
      to: WEB,
      protocol: 'TCP',
      port: 80
    }))
    const text = renderText(
      withMatrix(seedReport(), flows, (i) => i < 2),
      { color: false }
    )
    expect(text).toContain(
      'Head matrix: 201 sources × 1 destination port, too large for a grid; denied flows:'
    )
    expect(text.match(/^ {2}✗ ns\/c-\d+ → policy-test\/web TCP\/80/gm)).toHaveLength(2)
  })
})

describe('wrapText', () => {
  it('wraps words to the width with a hanging indent', () => {
    const out = wrapText('word '.repeat(40), '    ', '  - ')
    const lines = linesOf(out)
    expect(lines[0].startsWith('  - word')).toBe(true)
    expect(lines[1].startsWith('    word')).toBe(true)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH)
  })
})
