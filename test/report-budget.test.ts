// No input makes the comment longer than GitHub accepts: the detail level is chosen to fit, and
// the barest level is small whatever the input. The reports here push every list at once:
// thousands of causes, errors, violations, disagreements and flaky flows, names at their
// longest, and a change to every flow of a large topology.
import { describe, expect, it } from '@jest/globals'
import type { PolicyChange } from '../src/core/diff.js'
import { diffMatrices } from '../src/core/diff.js'
import type { FlowVerdict } from '../src/core/engine/engine.js'
import type { Matrix, MatrixCell } from '../src/core/matrix.js'
import type { Diagnostic, Flow } from '../src/core/model.js'
import { compareFlows } from '../src/core/model.js'
import type { PolicyRef } from '../src/core/policy/document.js'
import { COMMENT_BUDGET, GITHUB_COMMENT_LIMIT, renderMarkdown } from '../src/core/report/markdown.js'
import type { Report } from '../src/core/report/report.js'
import { openCell, seedReport } from './helpers/report-fixtures.js'

// Longer than any name is shown (80 characters), so every name is shortened.
const LONG = 'x'.repeat(90)

function policy(i: number): PolicyRef {
  return {
    kind: 'CiliumNetworkPolicy',
    namespace: `ns-${i % 50}-${LONG}`,
    name: `deny-${i}-${LONG}`,
    file: `policies/${i}-${LONG}.yaml`,
    line: 1
  }
}

/** A flow denied by policy `i`'s deny rule on the destination's ingress. */
function deniedBy(flow: Flow, ref: PolicyRef): MatrixCell {
  const explanation: FlowVerdict = {
    flow,
    verdict: 'deny',
    reason: `denied by ${ref.name} ingressDeny[0] ${LONG}`,
    ingress: {
      direction: 'ingress',
      subject: flow.to,
      verdict: 'deny',
      decision: 'denied',
      rules: [{ policy: ref, section: 'ingressDeny', index: 0 }],
      enforcedBy: [ref],
      syntheticAllowBy: []
    }
  }
  return { flow, verdict: 'deny', reason: explanation.reason, explanation }
}

/** `flows` changed flows spread over `causes` policies and `destinations` destinations. */
function adversarialReport(flows: number, causes: number, destinations: number, lists: number): Report {
  const refs = Array.from({ length: causes }, (_, i) => policy(i))
  const all: Flow[] = []
  for (let i = 0; i < flows; i++) {
    all.push({
      from: `src-${i % 97}-${LONG}/pod-${i}-${LONG}`,
      to: `dst-${i % destinations}-${LONG}/pod-${LONG}`,
      protocol: 'TCP',
      port: 1 + (i % 65535)
    })
  }
  all.sort(compareFlows)
  const base: Matrix = { source: 'predicted', cells: all.map(openCell) }
  const head: Matrix = { source: 'predicted', cells: all.map((flow, i) => deniedBy(flow, refs[i % causes])) }
  const seed = seedReport()
  const diagnostic = (i: number, severity: Diagnostic['severity']): Diagnostic => ({
    severity,
    file: `policies/${i}-${LONG}.yaml`,
    line: i + 1,
    column: 1,
    path: `spec.ingress[${i}]`,
    message: `problem ${i} ${LONG}`
  })
  return {
    ...seed,
    base: { label: LONG, matrix: base, policyCount: causes },
    head: { label: LONG, matrix: head, policyCount: causes },
    diff: diffMatrices(base, head),
    policyChanges: refs.map((ref): PolicyChange => ({
      kind: 'added',
      policy: ref,
      sections: ['ingressDeny']
    })),
    violations: all.slice(0, lists).map((flow, i) => ({
      flow,
      expected: 'allow',
      actual: 'deny',
      reason: LONG,
      file: `${LONG}.yaml`,
      line: i
    })),
    disagreements: all
      .slice(0, lists)
      .map((flow) => ({ flow, side: 'head', predicted: 'allow', observed: 'deny', reason: LONG })),
    flaky: all.slice(0, lists),
    diagnostics: [
      ...Array.from({ length: lists }, (_, i) => diagnostic(i, 'error')),
      ...Array.from({ length: lists }, (_, i) => diagnostic(i, 'warning'))
    ]
  }
}

describe('the comment’s length, whatever the input', () => {
  it.each([
    ['many causes and long lists', 20_000, 2_000, 500, 2_000],
    ['one cause, many destinations', 60_000, 1, 20_000, 10],
    ['a change to every flow of a large topology', 100_000, 30, 2_000, 500]
  ])(
    '%s: within the budget and far within GitHub’s limit',
    (_, flows, causes, destinations, lists) => {
      const report = adversarialReport(flows, causes, destinations, lists)
      const comment = renderMarkdown(report, {
        marker: 'reachdiff',
        runUrl: 'https://github.com/o/r/actions/runs/1'
      })
      expect(comment.length).toBeLessThanOrEqual(COMMENT_BUDGET)
      const widest = renderMarkdown(report, { maxLength: GITHUB_COMMENT_LIMIT })
      expect(widest.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
      // It still leads with the errors and names the largest cause, and says what it left out.
      expect(comment).toContain("in the head's files")
      expect(comment).toContain('### Changes by cause')
      expect(comment).toMatch(/_…and [\d,]+ more /)
    },
    120_000
  )
})
