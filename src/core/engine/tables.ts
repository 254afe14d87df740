// Direction tables on demand, cached per identity, direction and probe: which rules select
// a subject, the peers each selects, the requirements folded in (R5.6), and the named ports
// a subject resolves (R8.6). Everything the engine decides is read from these tables.
import type { Pod } from '../model.js'
import type { EngineOptions } from '../options.js'
import type { Direction, PolicyRule, RuleEntry } from '../policy/rules.js'
import { hasBit } from './bitset.js'
import type { Bitset } from './bitset.js'
import { buildDirectionTable, matchesSignature, matchProbe, restrictToRequirements } from './direction.js'
import type { DirectionTable } from './direction.js'
import type { Endpoint, IdentityTable } from './identities.js'
import { resolveClusterWide, resolveOnPod } from './l4.js'
import type { L4Probe, NamedPortResolver } from './l4.js'
import { requirementBitset, SelectorIndex } from './peers.js'

type Requirements = { allow?: Bitset; deny?: Bitset }

export class DirectionTables {
  private readonly selectors: SelectorIndex
  private readonly peerCache = new Map<RuleEntry, Bitset>()
  private readonly subjectRules = new Map<number, PolicyRule[]>()
  private readonly requirementCache = new Map<string, Requirements>()
  private readonly tableCache = new Map<string, DirectionTable>()
  /** The fast path: per probe, a slot per identity and direction. */
  private readonly tablesByProbe = new Map<string, (DirectionTable | undefined)[]>()
  private readonly namedPortCache = new WeakMap<Pod, string>()
  private readonly egressResolver: NamedPortResolver

  constructor(
    private readonly rules: readonly PolicyRule[],
    private readonly identities: IdentityTable,
    private readonly options: EngineOptions
  ) {
    this.selectors = new SelectorIndex(identities.endpoints)
    this.egressResolver = resolveClusterWide(identities.namedPorts)
  }

  /** `pod` is the subject pod, whose own named ports an ingress rule resolves against. */
  tableFor(endpoint: Endpoint, pod: Pod | undefined, direction: Direction, probe: L4Probe): DirectionTable {
    // Identities whose pods name their ports differently need a table per pod: keyed path.
    const slot = endpoint.index * 2 + (direction === 'ingress' ? 1 : 0)
    const named = direction === 'ingress' && pod && endpoint.pods.length > 1 ? this.namedPortsOf(pod) : ''
    const probeKey = `${probe.protocol}/${probe.port ?? ''}`
    let slots = named === '' ? this.tablesByProbe.get(probeKey) : undefined
    if (named === '' && !slots) this.tablesByProbe.set(probeKey, (slots = []))
    const known = slots?.[slot]
    if (known) return known
    const rules = this.rulesSelecting(endpoint)
    const resolve = direction === 'ingress' && pod ? resolveOnPod(pod.ports) : this.egressResolver
    const matches = matchProbe(rules, direction, probe, resolve)
    // Keyed by what the probe matches, not by the probe: ports the same rules cover share a table.
    const key = `${endpoint.index}|${direction}|${matchesSignature(matches)}`
    let table = this.tableCache.get(key)
    if (!table) {
      table = buildDirectionTable({
        rules,
        direction,
        mode: this.options.enforcement,
        matches,
        peerCount: this.identities.endpoints.length,
        peerSets: (entry, requires) => this.peerSet(entry, requires),
        requires: this.requirementsOf(endpoint, direction)
      })
      this.tableCache.set(key, table)
    }
    if (slots) slots[slot] = table
    return table
  }

  /** R2.5/R4: only pods are subjects of endpointSelector and podSelector rules. */
  private rulesSelecting(endpoint: Endpoint): PolicyRule[] {
    let selected = this.subjectRules.get(endpoint.index)
    if (!selected) {
      selected =
        endpoint.kind === 'pod'
          ? this.rules.filter((rule) => hasBit(this.selectors.matching(rule.subject), endpoint.index))
          : []
      this.subjectRules.set(endpoint.index, selected)
    }
    return selected
  }

  /** R5.6: requirements narrow endpoint-selector peers only. */
  private peerSet(entry: RuleEntry, requires: Bitset | undefined): Bitset {
    let bits = this.peerCache.get(entry)
    if (!bits) {
      bits = this.selectors.peers(entry.peer)
      this.peerCache.set(entry, bits)
    }
    return entry.peer.kind === 'endpoints' ? restrictToRequirements(bits, requires) : bits
  }

  /** R5.6: the requirements of every rule selecting the subject, per allow and deny sections. */
  private requirementsOf(endpoint: Endpoint, direction: Direction): Requirements {
    const key = `${endpoint.index}|${direction}`
    let cached = this.requirementCache.get(key)
    if (!cached) {
      const selected = this.rulesSelecting(endpoint)
      const gather = (section: Direction | 'ingressDeny' | 'egressDeny'): Bitset | undefined => {
        const requires = selected.flatMap((rule) => rule.entries[section].flatMap((entry) => entry.requires))
        return requires.length > 0 ? requirementBitset(requires, this.identities.endpoints) : undefined
      }
      cached = {
        allow: gather(direction),
        deny: gather(direction === 'ingress' ? 'ingressDeny' : 'egressDeny')
      }
      this.requirementCache.set(key, cached)
    }
    return cached
  }

  private namedPortsOf(pod: Pod): string {
    let named = this.namedPortCache.get(pod)
    if (named === undefined) {
      named = pod.ports
        .filter((p) => p.name)
        .map((p) => `${p.name}=${p.protocol}/${p.port}`)
        .join(',')
      this.namedPortCache.set(pod, named)
    }
    return named
  }
}
