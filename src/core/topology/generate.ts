// A topology generated from the policies themselves, for users who have no scenario file.
// A prediction can only show an effect on pods that exist: the guide's deny-only CCNP cuts off
// every pod from `web` (R2.3), which is visible only if the topology holds pods the policy
// never names. So besides a pod for every selector, every namespace gets an outsider, and one
// namespace no policy mentions is added. docs/topology.md explains the result to users.
import type { Namespace, Topology } from '../model.js'
import type { EngineOptions } from '../options.js'
import type { PolicyRule } from '../policy/rules.js'
import { collectExternals } from './externals.js'
import { planNamespaces } from './namespaces.js'
import { generatePods } from './pods.js'
import { collectServedPorts } from './ports.js'
import { collectSelectors } from './selector-set.js'

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
  const rules = ruleSets.flat()
  const selectors = collectSelectors(rules)
  const { namespaces, unmentioned } = planNamespaces(rules, selectors, declared)
  // Every pod serves the same ports; the entries are frozen and shared, because 500 policies
  // can name hundreds of ports and a copy per pod would dominate the run time.
  const ports = collectServedPorts(rules).map((port) => Object.freeze(port))
  const pods = generatePods(selectors, namespaces, unmentioned, options).map((draft) => ({
    namespace: draft.namespace,
    name: draft.name,
    labels: draft.labels,
    serviceAccount: draft.serviceAccount,
    ports: ports.slice()
  }))
  return { namespaces, pods, external: collectExternals(rules, ports) }
}
