import { describe, expect, it } from '@jest/globals'
import type { Flow } from '../src/core/model.js'
import { buildGrid, MAX_GRID_COLUMNS } from '../src/core/report/grid.js'
import { summarizeReport } from '../src/core/report/summary.js'
import { closedCell, openCell, quietReport, seedReport } from './helpers/report-fixtures.js'

describe('summarizeReport', () => {
  it('counts the seed case and puts closed flows first in the headline', () => {
    const summary = summarizeReport(seedReport())
    expect(summary).toMatchObject({ hasDiff: true, opened: 0, closed: 4, unchanged: 16, violations: 1 })
    expect(summary.diagnostics).toEqual({ errors: 0, warnings: 1, notices: 0 })
    expect(summary.headline).toBe('4 flows closed, 0 opened, 1 expectation violated')
  })

  it('adds disagreements, flaky flows and policy errors only when there are some', () => {
    const report = quietReport()
    const flow = report.head.matrix.cells[0].flow
    report.disagreements = [{ flow, side: 'head', predicted: 'allow', observed: 'deny', reason: 'timeout' }]
    report.flaky = [flow, flow]
    report.diagnostics = [{ severity: 'error', file: 'a.yaml', line: 1, column: 1, path: '', message: 'bad' }]
    expect(summarizeReport(report).headline).toBe(
      'no reachability change, 1 disagreement, 2 flaky flows, 1 policy error'
    )
  })

  it('speaks of checked flows when there is no base', () => {
    const report = { ...seedReport(), base: undefined, diff: undefined, violations: [] }
    expect(summarizeReport(report).headline).toBe('20 flows checked (16 allowed, 4 denied)')
  })

  it('uses the singular for one flow', () => {
    const report = seedReport()
    report.diff!.counts.closed = 1
    expect(summarizeReport(report).headline).toBe('1 flow closed, 0 opened, 1 expectation violated')
  })
})

describe('buildGrid', () => {
  it('names rows and columns namespace/pod, as every other part of a report does', () => {
    const flows: Flow[] = [
      { from: 'a/client', to: 'a/web', protocol: 'TCP', port: 80 },
      { from: 'a/client', to: 'b/web', protocol: 'TCP', port: 80 },
      { from: 'a/client', to: 'world/api', protocol: 'TCP', port: 443 },
      { from: 'a/client', to: 'a/db', protocol: 'ICMP' }
    ]
    const grid = buildGrid({ source: 'predicted', cells: flows.map(openCell) })
    expect(grid.columns.map((column) => column.label)).toEqual([
      'a/db ICMP',
      'a/web TCP/80',
      'b/web TCP/80',
      'world/api TCP/443'
    ])
    expect(grid.rows).toEqual([{ key: 'a/client', label: 'a/client' }])
  })

  it('is too large beyond 60 columns, and then builds no cells', () => {
    const flows: Flow[] = Array.from({ length: MAX_GRID_COLUMNS + 1 }, (_, i) => ({
      from: 'a/client',
      to: 'a/web',
      protocol: 'TCP',
      port: i + 1
    }))
    const grid = buildGrid({ source: 'predicted', cells: flows.map((flow) => closedCell(flow, 'denied')) })
    expect(grid.isTooLarge).toBe(true)
    expect(grid.cells).toEqual([])
  })
})
