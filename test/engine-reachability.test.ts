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
})
