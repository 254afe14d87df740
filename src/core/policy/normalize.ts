// Valid policy documents into the engine's PolicyRules. Invalid documents contribute
// nothing, not even default deny (R3.5): they are dropped here, their diagnostics stay.
import type { EngineOptions } from '../options.js'
import type { LoadedPolicies } from './document.js'
import { normalizeCiliumPolicy } from './normalize/normalize-cilium.js'
import { normalizeNetworkPolicy } from './normalize/normalize-knp.js'
import type { PolicyRule } from './rules.js'

export function normalizePolicies(loaded: LoadedPolicies, options: EngineOptions): PolicyRule[] {
  return loaded.policies
    .filter((document) => document.valid)
    .flatMap((document) =>
      document.ref.kind === 'NetworkPolicy'
        ? [normalizeNetworkPolicy(document, options)]
        : normalizeCiliumPolicy(document, options, loaded.cidrGroups)
    )
}
