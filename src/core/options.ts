// The Cilium configuration a prediction assumes (cilium-semantics.md §0). Every setting that
// changes a verdict or a validation outcome is here, with Cilium's default.

import type { WorkLimits } from './budget.js'

export type EnforcementMode = 'default' | 'always' | 'never'

/** The minor versions whose semantics the engine knows (docs/semantics.md §13 lists what changes). */
export type CiliumMinor = 15 | 16 | 17 | 18 | 19

/** The newest minor modelled; newer versions are judged with its semantics, with a warning. */
export const NEWEST_MODELLED_MINOR: CiliumMinor = 19

/**
 * The Cilium version the Action installs, and so the version predictions assume by default: the
 * newest 1.18 patch. 1.19 is modelled too, but has no verified node-image pairing yet (README).
 */
export const DEFAULT_CILIUM_VERSION = '1.18.12'

export interface AgentSettings {
  /** `enable-sctp`: while false every SCTP packet is dropped, whatever the policy (R8.9). */
  enableSctp: boolean
  /** `enable-icmp-rules`: while false any `icmps` makes the policy invalid. */
  enableIcmpRules: boolean
  /** `enable-l7-proxy`: while false any L7 rule makes the policy invalid. */
  enableL7Proxy: boolean
  /** `enable-non-default-deny-policies` (1.17+): while false `enableDefaultDeny` is ignored. */
  enableNonDefaultDenyPolicies: boolean
  /** `enable-node-selector-labels`: while false `fromNodes`/`toNodes` are invalid. */
  enableNodeSelectorLabels: boolean
  /** `policy-cidr-match-mode`: `nodes` lets CIDR rules select node IPs. */
  policyCidrMatchMode: '' | 'nodes'
  /**
   * `enable-extended-ip-protocols` (1.19+): while false a port entry without `port` makes the
   * policy invalid (cilium/cilium v1.19 `pkg/policy/api/rule_validation.go`, PortProtocol.Validate).
   */
  enableExtendedIpProtocols: boolean
}

export const DEFAULT_AGENT_SETTINGS: AgentSettings = {
  enableSctp: false,
  enableIcmpRules: true,
  enableL7Proxy: true,
  enableNonDefaultDenyPolicies: true,
  enableNodeSelectorLabels: false,
  policyCidrMatchMode: '',
  enableExtendedIpProtocols: false
}

export interface EngineOptions {
  /** Full version string, e.g. `1.18.12`. */
  ciliumVersion: string
  /** The minor, parsed from `ciliumVersion` and clamped to the range the semantics cover. */
  minor: CiliumMinor
  enforcement: EnforcementMode
  agent: AgentSettings
  /** Name of the cluster, the value of `io.cilium.k8s.policy.cluster`. */
  clusterName: string
  /** Work limits raised from their defaults (src/core/budget.ts). */
  limits?: Partial<WorkLimits>
}

/** The agent-flag names a scenario's `agent:` block may set, mapped to our settings. */
export const AGENT_FLAG_NAMES: Record<string, keyof AgentSettings> = {
  'enable-sctp': 'enableSctp',
  'enable-icmp-rules': 'enableIcmpRules',
  'enable-l7-proxy': 'enableL7Proxy',
  'enable-non-default-deny-policies': 'enableNonDefaultDenyPolicies',
  'enable-node-selector-labels': 'enableNodeSelectorLabels',
  'policy-cidr-match-mode': 'policyCidrMatchMode',
  'enable-extended-ip-protocols': 'enableExtendedIpProtocols'
}

/** Parses `1.18.12`, `v1.16`, `1.17.0-rc.1` into a minor the engine knows, or explains why not. */
export function parseCiliumVersion(version: string): { minor: CiliumMinor } | { error: string } {
  const match = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim())
  if (!match) return { error: `"${version}" is not a Cilium version; expected e.g. 1.18.12` }
  const minor = Number(match[1])
  if (minor < 15)
    return { error: `Cilium ${version} is older than 1.15, the oldest version reachdiff models` }
  // Newer minors are judged as the newest modelled one; the CLI and the Action warn about it.
  return { minor: Math.min(minor, NEWEST_MODELLED_MINOR) as CiliumMinor }
}

export interface EngineOverrides {
  ciliumVersion?: string
  enforcement?: EnforcementMode
  agent?: Partial<AgentSettings>
  clusterName?: string
  limits?: Partial<WorkLimits>
}

export function makeEngineOptions(overrides: EngineOverrides = {}): EngineOptions {
  const ciliumVersion = overrides.ciliumVersion ?? DEFAULT_CILIUM_VERSION
  const parsed = parseCiliumVersion(ciliumVersion)
  if ('error' in parsed) throw new Error(parsed.error)
  return {
    ciliumVersion,
    minor: parsed.minor,
    enforcement: overrides.enforcement ?? 'default',
    agent: { ...DEFAULT_AGENT_SETTINGS, ...overrides.agent },
    clusterName: overrides.clusterName ?? 'default',
    ...(overrides.limits ? { limits: overrides.limits } : {})
  }
}
