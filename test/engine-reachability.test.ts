// The whole-matrix path (per identity, bitsets) and the per-flow path (with reasons) are two
// readings of the same tables: on a synthetic cluster of every policy kind they must agree.
import { describe, expect, it } from '@jest/globals'
import { createEngine } from '../src/core/engine/engine.js'
import { hasBit } from '../src/core/engine/bitset.js'
import { makeEngineOptions } from '../src/core/options.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import { syntheticPolicies, syntheticTopology } from '../bench/synthetic.js'

describe('reachableByIdentity', () => {
  for (const enforcement of ['default', 'always'] as const) {
    it(`agrees with decideFlow on every identity pair (enforcement ${enforcement})`, () => {
      const spec = { namespaces: 4, identitiesPerNamespace: 9, podsPerIdentity: 2, policies: 60, seed: 3 }
      const options = makeEngineOptions({ enforcement })
      const rules = normalizePolicies(
        { policies: syntheticPolicies(spec), cidrGroups: [], diagnostics: [] },
        options
      )
      const engine = createEngine(rules, syntheticTopology(spec), options)
      const pods = engine.identities.endpoints.filter((e) => e.kind === 'pod')
      const rows = engine.reachableByIdentity({ protocol: 'TCP', port: 80 })
      let allowed = 0
      pods.forEach((source, i) => {
        for (const destination of pods) {
          if (source === destination) continue
          const from = `${source.pods[0].namespace}/${source.pods[0].name}`
          const to = `${destination.pods[0].namespace}/${destination.pods[0].name}`
          const verdict = engine.decideFlow({ from, to, protocol: 'TCP', port: 80 }).verdict
          expect([from, to, hasBit(rows[i], destination.index)]).toEqual([from, to, verdict === 'allow'])
          if (verdict === 'allow') allowed++
        }
      })
      expect(allowed).toBeGreaterThan(0) // the fixture mixes allowed and denied pairs
      expect(allowed).toBeLessThan(pods.length * (pods.length - 1))
    })
  }

  it('takes the global verdicts of the per-flow path: mode never passes all, disabled SCTP none', () => {
    const spec = { namespaces: 2, identitiesPerNamespace: 4, podsPerIdentity: 1, policies: 12, seed: 5 }
    const decideBoth = (
      enforcement: 'never' | 'default',
      protocol: 'TCP' | 'SCTP'
    ): [boolean[], string[]] => {
      const options = makeEngineOptions({ enforcement })
      const rules = normalizePolicies(
        { policies: syntheticPolicies(spec), cidrGroups: [], diagnostics: [] },
        options
      )
      const engine = createEngine(rules, syntheticTopology(spec), options)
      const pods = engine.identities.endpoints.filter((e) => e.kind === 'pod')
      const rows = engine.reachableByIdentity({ protocol, port: 80 })
      const key = (e: (typeof pods)[number]): string => `${e.pods[0].namespace}/${e.pods[0].name}`
      const pairs = pods.flatMap((s, i) => pods.filter((d) => d !== s).map((d) => [s, d, i] as const))
      return [
        pairs.map(([, d, i]) => hasBit(rows[i], d.index)),
        pairs.map(([s, d]) => engine.decideFlow({ from: key(s), to: key(d), protocol, port: 80 }).verdict)
      ]
    }
    const [neverRows, neverVerdicts] = decideBoth('never', 'TCP')
    expect(neverRows.every(Boolean)).toBe(true)
    expect(neverVerdicts.every((v) => v === 'allow')).toBe(true)
    const [sctpRows, sctpVerdicts] = decideBoth('never', 'SCTP')
    expect(sctpRows.some(Boolean)).toBe(false)
    expect(sctpVerdicts.every((v) => v === 'deny')).toBe(true)
  })
})
