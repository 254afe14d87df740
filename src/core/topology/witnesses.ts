// Witness pods: one pod whose labels satisfy two selectors at once, where such a pod can
// exist and no pod of the topology already looks the same to every selector. Satisfiability
// is decided the way the engine decides matches: the drafted labels are checked against both
// selectors in the namespace the pod would live in, so In/NotIn/Exists/DoesNotExist conflicts
// and namespaces that cannot carry the labels rule a combination out.
import type { Labels } from '../model.js'
import type { EngineOptions } from '../options.js'
import { matchesSelector } from '../label-selector.js'
import type { Selector } from '../label-selector.js'
import type { Candidate, Matcher } from './pods.js'
import type { CollectedSelector } from './selector-set.js'
import type { SelectorPair, WitnessCut } from './witness-pairs.js'

/** At most this many witnesses: the topology stays readable and far below the flow cap. */
export const WITNESS_LIMIT = 60
/** Pairs tried at most; on policy sets with thousands of selectors the rest are counted, not tried. */
export const MAX_PAIRS_TRIED = 20_000

export interface WitnessContext {
  matcher: Matcher
  /** Namespace and match vector of every pod so far; witnesses add theirs. */
  seen: Set<string>
  /** Namespaces an unpinned combination may live in (the unmentioned one holds only an outsider). */
  everywhere: readonly string[]
  /** Every namespace of the topology: a pinned name outside it gets no pod. */
  known: ReadonlySet<string>
  options: EngineOptions
  draftLabels: (
    selector: Selector,
    options: EngineOptions
  ) => { labels: Labels; serviceAccount: string } | undefined
  limit?: number
}

export function findWitnesses(
  pairs: Iterable<SelectorPair>,
  selectors: readonly CollectedSelector[],
  ctx: WitnessContext
): { witnesses: Candidate[]; cut: WitnessCut } {
  const limit = ctx.limit ?? WITNESS_LIMIT
  const byId = new Map(selectors.map((s) => [s.id, s]))
  const witnesses: Candidate[] = []
  let tried = 0
  let isCut = false
  for (const pair of pairs) {
    // Once the limit is reached the rest are not tried: trying costs a match per selector.
    if (witnesses.length >= limit || tried >= MAX_PAIRS_TRIED) {
      isCut = true
      break
    }
    tried++
    const witness = witnessFor(byId.get(pair.a)!, byId.get(pair.b)!, ctx)
    if (!witness) continue
    ctx.seen.add(`${witness.namespace}|${witness.matches.join(',')}`)
    witnesses.push({ ...witness, standsFor: pair.why })
  }
  return { witnesses, cut: { limit, isCut } }
}

/** A pod satisfying both selectors in the first namespace where they can hold together, if new. */
function witnessFor(a: CollectedSelector, b: CollectedSelector, ctx: WitnessContext): Candidate | undefined {
  if (a.isReserved || b.isReserved) return undefined
  const draft = ctx.draftLabels([...a.selector, ...b.selector], ctx.options)
  if (!draft) return undefined
  for (const namespace of candidateNamespaces(a, b, ctx.everywhere)) {
    if (!ctx.known.has(namespace)) continue
    const identity = ctx.matcher.identity(namespace, draft.labels, draft.serviceAccount)
    if (!matchesSelector(a.selector, identity) || !matchesSelector(b.selector, identity)) continue
    const matches = ctx.matcher.matches(namespace, identity)
    // Already told apart by an existing pod here: the combination is represented.
    if (ctx.seen.has(`${namespace}|${matches.join(',')}`)) return undefined
    return { namespace, ...draft, origin: 'witness', matches }
  }
  return undefined
}

function candidateNamespaces(
  a: CollectedSelector,
  b: CollectedSelector,
  everywhere: readonly string[]
): readonly string[] {
  if (a.pinned && b.pinned) return a.pinned.filter((name) => b.pinned!.includes(name))
  return a.pinned ?? b.pinned ?? everywhere
}
