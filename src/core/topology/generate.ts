// A topology generated from the policies themselves, for users who have no scenario file.
// A prediction can only show an effect on pods that exist: the guide's deny-only CCNP cuts off
// every pod from `web` (R2.3), which is visible only if the topology holds pods the policy
// never names. So besides a pod for every selector, every namespace gets an outsider, one
// namespace no policy mentions is added, and witness pods carry two selectors' labels at
// once where a carve-out or overlap would otherwise show on no pod. docs/topology.md explains
// the result to users.
import type { Diagnostic, Namespace, Pod, ServedPort, Topology } from '../model.js'
import type { EngineOptions } from '../options.js'
import type { PolicyRule } from '../policy/rules.js'
import { collectExternals } from './externals.js'
import { planNamespaces } from './namespaces.js'
import { generatePods } from './pods.js'
import { collectServedPorts, compareServedPorts } from './ports.js'
import { collectSelectors, compareText } from './selector-set.js'
import type { GivenTopology } from './workloads.js'
import { planSelectorPairs } from './witness-pairs.js'
import type { WitnessCut } from './witness-pairs.js'

export interface GeneratedTopology {
  topology: Topology
  /** Notices about the generation itself, e.g. witness combinations the limit left out. */
  diagnostics: Diagnostic[]
}

/**
 * The topology for a set of rule sets, usually base and head of a change: generating it from
 * their union gives both sides of a diff the same pods, so every difference is the policy's.
 * Deterministic: the same rules (in any order) give the same topology. Namespaces declared
 * beside the policies (`v1` Namespace objects) count as mentioned, with their labels.
 */
export function generateTopology(
  ruleSets: readonly (readonly PolicyRule[])[],
  options: EngineOptions,
  declared: readonly Namespace[] = []
): Topology {
  return planTopology(ruleSets, options, declared).topology
}

/**
 * With `given` pods (the user's workloads or a cluster snapshot) these come first, in their
 * namespaces; generated pods are added beside them only where no given pod already looks the
 * same to every selector, and outsiders and witnesses as always.
 */
export function planTopology(
  ruleSets: readonly (readonly PolicyRule[])[],
  options: EngineOptions,
  declared: readonly Namespace[] = [],
  given: GivenTopology = { pods: [], namespaces: [], diagnostics: [] }
): GeneratedTopology {
  const rules = ruleSets.flat()
  const selectors = collectSelectors(rules)
  const declaredNames = new Set(declared.map((ns) => ns.name))
  const allDeclared = [...declared, ...given.namespaces.filter((ns) => !declaredNames.has(ns.name))]
  const { namespaces, unmentioned } = planNamespaces(rules, selectors, allDeclared)
  // Every pod serves the same ports; the entries are frozen and shared, because 500 policies
  // can name hundreds of ports and a copy per pod would dominate the run time.
  const ports = reuseGivenNames(collectServedPorts(rules), given.pods).map((port) => Object.freeze(port))
  const pairs = planSelectorPairs(ruleSets, selectors)
  const generated = generatePods(selectors, namespaces, unmentioned, options, pairs, given.pods)
  // A workload that declares no container port serves what the policies name, like generated pods.
  const givenPods = given.pods.map((pod) => (pod.ports.length > 0 ? pod : { ...pod, ports: ports.slice() }))
  const pods = [...givenPods, ...generated.pods.map((draft) => ({ ...draft, ports: ports.slice() }))]
  pods.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name))
  return {
    topology: { namespaces, pods, external: collectExternals(rules, ports) },
    diagnostics: [...given.diagnostics, ...witnessNotice(generated.witnessesCut)]
  }
}

/**
 * A named port the user's pods already define keeps their number: one name with two numbers
 * in the cluster makes egress resolution of that name fail (docs/semantics.md, named ports).
 */
function reuseGivenNames(ports: readonly ServedPort[], pods: readonly Pod[]): ServedPort[] {
  const known = new Map<string, ServedPort>()
  for (const pod of pods)
    for (const port of pod.ports) if (port.name && !known.has(port.name)) known.set(port.name, port)
  const out = new Map<string, ServedPort>()
  for (const port of ports) {
    const chosen = (port.name && known.get(port.name)) || port
    out.set(`${chosen.protocol}/${chosen.port ?? ''}/${chosen.name ?? ''}`, chosen)
  }
  return [...out.values()].sort(compareServedPorts)
}

function witnessNotice(cut: WitnessCut): Diagnostic[] {
  if (!cut.isCut) return []
  return [
    {
      severity: 'notice',
      file: '',
      line: 0,
      column: 0,
      path: '',
      message: `the generated topology stops at ${cut.limit} witness pods (pods carrying two selectors' labels at once): further selector combinations were not tried, so an overlap among them shows on no pod; a scenario file (reachdiff.yaml) can add the pods that matter`
    }
  ]
}
