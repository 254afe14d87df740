// The live half, proven in the network-namespace test bed: the full observing pipeline (deploy,
// positive control, apply base, probe, apply head, probe, re-probe, diff) must reproduce each
// case's expected verdicts exactly. The expectations are enforced by nft and the bed's HTTP
// front, never by our engine, so this checks the agent, planner, runner and retry logic.
import { afterAll, describe, expect, it } from '@jest/globals'
import { flowKey } from '../src/core/model.js'
import { observe } from '../src/edge/observe/observe.js'
import type { Observation } from '../src/edge/observe/observe.js'
import { loadCase, verdictMap } from './testbed/cases.js'
import type { BedCase } from './testbed/cases.js'
import { ALL_ALLOWED } from './testbed/rules.js'
import { createTestBed, testBedSkipReason } from './testbed/testbed.js'
import type { TestBed } from './testbed/testbed.js'

const skip = testBedSkipReason()
const TIMEOUT_MS = 500

/** TCP, UDP, ICMP and HTTP among them; k8s-e2e, Cilium and world cases; world as destination and source. */
const CASES = [
  'cilium/seed-b-deny-client-to-web',
  'cilium/cct-echo-ingress-l7',
  'cilium/cct-client-ingress-icmp',
  'cilium/cct-to-entities-world',
  'cilium/doc-l7-get-public',
  'cilium/sw-l7-policy',
  'cilium/spec-any-protocol-excludes-icmp',
  'cilium/unit-l7-rule-merging',
  'k8s-e2e/should-support-a-default-deny-ingress-policy',
  'k8s-e2e/should-support-a-default-deny-ingress-policy-udp',
  'k8s-e2e/should-support-a-default-deny-all-policy',
  'k8s-e2e/should-enforce-policy-based-on-ports-udp',
  'k8s-e2e/should-deny-ingress-from-pods-on-other-namespaces',
  'k8s-e2e/should-not-allow-access-by-tcp-when-a-policy-specifies-only-udp',
  'k8s-e2e/should-enforce-ingress-policy-allowing-any-port-traffic-to-a-server-on-a-specific-protocol',
  // External endpoints with `source: true` probe the pods from their own namespace.
  'world/spec-world-ingress-lockdown',
  'world/spec-world-ingress-cidr-except'
]

const beds: TestBed[] = []
afterAll(async () => {
  for (const bed of beds) await bed.cleanup()
})

async function observeCase(bedCase: BedCase): Promise<Observation> {
  const bed = createTestBed()
  beds.push(bed)
  try {
    return await observe(bed, {
      topology: bedCase.scenario.topology,
      flows: bedCase.flows,
      base: ALL_ALLOWED,
      head: bedCase.expected,
      timeoutMs: TIMEOUT_MS,
      retries: 1
    })
  } finally {
    await bed.cleanup()
  }
}

;(skip ? describe.skip : describe)(`test bed: conformance cases${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it.each(CASES)(
    '%s: observed head equals the expectations',
    async (name) => {
      const bedCase = loadCase(name)
      const observation = await observeCase(bedCase)
      const probed = bedCase.expected.verdicts.filter(({ flow }) => flow.protocol !== 'SCTP')
      expect(verdictMap(observation.head.cells)).toEqual(verdictMap(probed))
      expect(observation.base.cells.every((cell) => cell.verdict === 'allow')).toBe(true)
      expect(observation.flaky).toEqual([])
      // Base has no policy, so the diff closes exactly the flows the case denies.
      const closed = observation.diff.changes.filter((c) => c.kind === 'closed').map((c) => flowKey(c.flow))
      const denied = probed.filter(({ verdict }) => verdict === 'deny').map(({ flow }) => flowKey(flow))
      expect(closed.sort()).toEqual(denied.sort())
      expect(observation.diff.counts.opened).toBe(0)
      expect(observation.notProbed.map((u) => u.flow.protocol)).toEqual(
        bedCase.flows.filter((f) => f.protocol === 'SCTP').map(() => 'SCTP')
      )
      for (const cell of observation.head.cells.filter((c) => c.verdict === 'deny')) {
        expect(cell.reason).toMatch(/timed out after 500 ms|HTTP 403/)
      }
    },
    60_000
  )
})
