// The seed case's diff end to end, a disagreement with a (deliberately wrong) prediction, and
// the pipeline under 5% random packet loss: no flow may be reported as changed that is not, lost
// probes must end retried (settled right) or flaky, and nearly every real change must settle.
import { afterAll, describe, expect, it } from '@jest/globals'
import type { Matrix } from '../src/core/matrix.js'
import { flowKey } from '../src/core/model.js'
import { observe } from '../src/edge/observe/observe.js'
import type { Observation } from '../src/edge/observe/observe.js'
import { allAllowed, loadCase, matrixOf, verdictMap } from './testbed/cases.js'
import type { BedCase } from './testbed/cases.js'
import { ALL_ALLOWED } from './testbed/rules.js'
import { createTestBed, testBedSkipReason } from './testbed/testbed.js'
import type { TestBed } from './testbed/testbed.js'

const skip = testBedSkipReason()
const beds: TestBed[] = []
afterAll(async () => {
  for (const bed of beds) await bed.cleanup()
})

interface Run {
  observation: Observation
  drops: number
}

async function run(
  bedCase: BedCase,
  options: {
    loss?: number
    retries: number
    predicted?: { base?: Matrix; head?: Matrix }
    timeoutMs?: number
  }
): Promise<Run> {
  const bed = createTestBed()
  beds.push(bed)
  try {
    await bed.setLoss(options.loss ?? 0)
    const observation = await observe(bed, {
      topology: bedCase.scenario.topology,
      flows: bedCase.flows,
      base: ALL_ALLOWED,
      head: bedCase.expected,
      timeoutMs: options.timeoutMs ?? 500,
      retries: options.retries,
      predicted: options.predicted
    })
    return { observation, drops: await bed.lossDrops() }
  } finally {
    await bed.cleanup()
  }
}

;(skip ? describe.skip : describe)(`test bed: pipeline${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('seed-b: every pod loses HTTP and ping to web, and a wrong prediction is a disagreement', async () => {
    const seed = loadCase('cilium/seed-b-deny-client-to-web')
    // The prediction gets one flow wrong on purpose: it must be re-probed and listed.
    const wrong = seed.expected.verdicts.map((v, i) => (i === 0 ? { ...v, verdict: 'allow' as const } : v))
    const predicted = { base: matrixOf(allAllowed(seed.flows)), head: matrixOf({ verdicts: wrong }) }
    const { observation } = await run(seed, { retries: 2, predicted })

    const closed = observation.diff.changes.filter((c) => c.kind === 'closed')
    expect(closed.map((c) => `${c.flow.from} ${c.flow.protocol}`).sort()).toEqual(
      ['client', 'other-client', 'test-pod', 'third-client'].flatMap((pod) => [
        `policy-test/${pod} ICMP`,
        `policy-test/${pod} TCP`
      ])
    )
    expect(closed.every((c) => c.flow.to === 'policy-test/web')).toBe(true)
    expect(observation.diff.counts).toEqual({ opened: 0, closed: 8, unchanged: 0, added: 0, removed: 0 })
    expect(observation.disagreements).toEqual([
      expect.objectContaining({ side: 'head', predicted: 'allow', observed: 'deny', flow: wrong[0].flow })
    ])
    const mispredicted = observation.head.cells.find((c) => flowKey(c.flow) === flowKey(wrong[0].flow))
    expect(mispredicted?.attempts).toBe(3)
    expect(mispredicted?.reason).toMatch(/^timed out after 500 ms \(3\/3 probes\)$/)
    expect(observation.base.cells.every((c) => c.verdict === 'allow' && !c.flaky)).toBe(true)
    // The prediction foresaw the other changes, so base was re-probed while in force; only the
    // mispredicted flow needed base applied again, for its two confirming probes, sent together.
    const again = observation.rounds.filter((r) => r.label.startsWith('base (again)'))
    expect(again.map((r) => r.probes)).toEqual([2])
  }, 60_000)

  it.each([
    [
      'k8s-e2e/should-enforce-ingress-policy-allowing-any-port-traffic-to-a-server-on-a-specific-protocol',
      true
    ],
    ['cilium/spec-l3-only-rule-lifts-http-rule', true],
    ['cilium/cct-client-ingress-icmp', false]
  ])(
    '5%% packet loss, %s (prediction given: %s): nothing falsely changed, losses retried or flaky',
    async (name, withPrediction) => {
      const bedCase = loadCase(name)
      const predicted = withPrediction
        ? { base: matrixOf(allAllowed(bedCase.flows)), head: matrixOf(bedCase.expected) }
        : undefined
      // 1 s, not 500 ms: an HTTP server restarted by the policy change answers its first
      // requests slowly on a busy machine, and that is not what this test is about.
      const { observation, drops } = await run(bedCase, { loss: 5, retries: 2, predicted, timeoutMs: 1000 })
      expect(drops).toBeGreaterThan(0)
      // Every settled deny was confirmed by 1 + retries probes: in re-probe rounds, or in the
      // first round for what the prediction foresaw.
      const unconfirmed = observation.head.cells.filter((c) => c.verdict === 'deny' && (c.attempts ?? 0) < 3)
      expect(unconfirmed.map((c) => flowKey(c.flow))).toEqual([])

      const expected = verdictMap(bedCase.expected.verdicts)
      const closing = [...expected].filter(([, verdict]) => verdict === 'deny').map(([key]) => key)
      const changed = observation.diff.changes.filter((c) => c.kind === 'opened' || c.kind === 'closed')
      const flaky = new Set(observation.flaky.map(flowKey))
      // Every flow has a verdict on both sides, and every cell that is not flaky settled on the truth.
      expect(observation.head.cells).toHaveLength(bedCase.flows.length)
      expect(observation.base.cells).toHaveLength(bedCase.flows.length)
      for (const cell of observation.base.cells.filter((c) => !c.flaky)) expect(cell.verdict).toBe('allow')
      for (const cell of observation.head.cells.filter((c) => !c.flaky)) {
        expect([flowKey(cell.flow), cell.verdict]).toEqual([
          flowKey(cell.flow),
          expected.get(flowKey(cell.flow))
        ])
      }
      // Settled changes, from both sides: only real ones, and nearly all of them.
      for (const change of changed) {
        expect([flowKey(change.flow), change.kind]).toEqual([flowKey(change.flow), 'closed'])
        expect(expected.get(flowKey(change.flow))).toBe('deny')
        expect(flaky.has(flowKey(change.flow))).toBe(false)
      }
      expect(changed.length).toBeLessThanOrEqual(closing.length)
      expect(changed.length).toBeGreaterThanOrEqual(closing.length - 1)
      // Flaky flows, from both sides: an expected change that did not settle is reported flaky,
      // never dropped silently; and losses retried make flaky flows the exception.
      const unsettled = closing.filter((key) => !changed.some((c) => flowKey(c.flow) === key))
      for (const key of unsettled) expect([key, flaky.has(key)]).toEqual([key, true])
      expect(flaky.size).toBeGreaterThanOrEqual(unsettled.length)
      expect(flaky.size).toBeLessThanOrEqual(3)
      process.stdout.write(
        `loss 5% ${name}: ${drops} packets dropped, ${changed.length} of ${closing.length} changes settled, ` +
          `${flaky.size} flaky${flaky.size > 0 ? ` (${[...flaky].join('; ')})` : ''}, ` +
          `${observation.rounds.length} rounds\n`
      )
    },
    // Deploying and probing nine pods takes over 90 s when the machine's load average is 40.
    240_000
  )
})
