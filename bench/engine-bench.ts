// The engine at cluster scale: the full predicted matrix for one port/protocol, computed per
// identity, against evaluating pod pairs one by one (measured on a slice, then scaled).
import { createEngine } from '../src/core/engine/engine.js'
import { buildIdentities } from '../src/core/engine/identities.js'
import type { Endpoint } from '../src/core/engine/identities.js'
import { matchL4, resolveClusterWide, resolveOnPod } from '../src/core/engine/l4.js'
import type { L4Probe } from '../src/core/engine/l4.js'
import { matchesPeer } from '../src/core/engine/peers.js'
import { makeEngineOptions } from '../src/core/options.js'
import type { EngineOptions } from '../src/core/options.js'
import { normalizePolicies } from '../src/core/policy/normalize.js'
import type { Direction, PolicyRule } from '../src/core/policy/rules.js'
import { matchesSelector } from '../src/core/label-selector.js'
import { syntheticPolicies, syntheticTopology } from './synthetic.js'
import type { SyntheticSpec } from './synthetic.js'

const SPEC: SyntheticSpec = {
  namespaces: 50,
  identitiesPerNamespace: 20,
  podsPerIdentity: 10,
  policies: 1000,
  seed: 42
}
const PROBE: L4Probe = { protocol: 'TCP', port: 80 }
const SLICE = 60

export function benchEngine(): string[] {
  const options = makeEngineOptions()
  const topology = syntheticTopology(SPEC)
  const documents = syntheticPolicies(SPEC)
  global.gc?.()
  const start = performance.now()
  const rules = normalizePolicies({ policies: documents, cidrGroups: [], diagnostics: [] }, options)
  const engine = createEngine(rules, topology, options)
  const rows = engine.reachableByIdentity(PROBE)
  const elapsed = performance.now() - start
  const identities = engine.identities.endpoints.length
  let allowed = 0
  for (const row of rows) for (const word of row) allowed += popcount(word)
  const peakMiB = process.resourceUsage().maxRSS / 1024
  const direct = benchDirect(rules, topology, options)
  const pairs = topology.pods.length ** 2
  const scaled = (direct.ms / direct.pairs) * pairs
  return [
    `engine: ${topology.pods.length} pods in ${identities} identities across ${SPEC.namespaces} namespaces, ${documents.length} policies (${rules.length} rules)`,
    `engine: full matrix TCP/80 (${identities}x${identities} identity pairs covering ${pairs.toLocaleString('en')} pod pairs; ${allowed.toLocaleString('en')} allowed identity pairs) in ${elapsed.toFixed(0)} ms, peak RSS ${peakMiB.toFixed(0)} MiB`,
    `engine: pod-by-pod evaluation of a ${SLICE}x${SLICE} slice took ${direct.ms.toFixed(0)} ms, scaled to all pairs ~${(scaled / 1000).toFixed(0)} s`,
    `engine: ratio pod-by-pod / per-identity = ${(scaled / elapsed).toFixed(0)}x`
  ]
}

function popcount(word: number): number {
  let n = word - ((word >>> 1) & 0x55555555)
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333)
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** The baseline: every pod pair decided from scratch, scanning every rule, no identities. */
function benchDirect(
  rules: readonly PolicyRule[],
  topology: ReturnType<typeof syntheticTopology>,
  options: EngineOptions
): { ms: number; pairs: number } {
  const table = buildIdentities(topology, options)
  const pods = topology.pods
    .filter((_, i) => i % Math.floor(topology.pods.length / SLICE) === 0)
    .slice(0, SLICE)
  const endpoints = pods.map((pod) => ({ pod, endpoint: table.byKey.get(`${pod.namespace}/${pod.name}`)! }))
  const egressResolve = resolveClusterWide(table.namedPorts)
  const start = performance.now()
  let pairs = 0
  for (const source of endpoints) {
    for (const destination of endpoints) {
      if (source === destination) continue
      pairs++
      const egress = decideDirect(rules, source.endpoint, destination.endpoint, 'egress', egressResolve)
      if (egress)
        decideDirect(
          rules,
          destination.endpoint,
          source.endpoint,
          'ingress',
          resolveOnPod(destination.pod.ports)
        )
    }
  }
  return { ms: performance.now() - start, pairs }
}

function decideDirect(
  rules: readonly PolicyRule[],
  subject: Endpoint,
  peer: Endpoint,
  direction: Direction,
  resolve: ReturnType<typeof resolveClusterWide>
): boolean {
  const selecting = rules.filter((rule) => matchesSelector(rule.subject, subject.labels))
  const enforcing = selecting.filter((rule) => rule.hasSection[direction])
  if (enforcing.length === 0) return true
  const covers = (section: 'ingress' | 'egress' | 'ingressDeny' | 'egressDeny'): boolean =>
    selecting.some((rule) =>
      rule.entries[section].some(
        (entry) => matchL4(entry.l4, PROBE, resolve) && matchesPeer(entry.peer, peer)
      )
    )
  if (covers(direction === 'ingress' ? 'ingressDeny' : 'egressDeny')) return false
  return covers(direction) || !enforcing.some((rule) => rule.defaultDeny[direction])
}
