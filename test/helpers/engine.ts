// Small fixtures for engine specifications: a topology in a few words, policies as YAML,
// and a verdict for one flow.
import { createEngine } from '../../src/core/engine/engine.js'
import type { FlowVerdict } from '../../src/core/engine/engine.js'
import type { ExternalEndpoint, Flow, Pod, ServedPort, Topology } from '../../src/core/model.js'
import { makeEngineOptions } from '../../src/core/options.js'
import type { EngineOverrides } from '../../src/core/options.js'
import { loadPolicyText } from '../../src/core/policy/load.js'
import { normalizePolicies } from '../../src/core/policy/normalize.js'

export const SERVES: ServedPort[] = [
  { protocol: 'TCP', port: 80, name: 'http' },
  { protocol: 'TCP', port: 81 },
  { protocol: 'UDP', port: 81 },
  { protocol: 'SCTP', port: 81 },
  { protocol: 'ICMP' }
]

/** `pod('x/a', {pod: 'a'})` */
export function pod(key: string, labels: Record<string, string>, extra: Partial<Pod> = {}): Pod {
  const [namespace, name] = key.split('/')
  return { namespace, name, labels, serviceAccount: 'default', ports: SERVES, ...extra }
}

export function world(name: string, ip: string): ExternalEndpoint {
  return { name, ip, ports: SERVES.filter((p) => p.protocol !== 'SCTP') }
}

export function topology(
  pods: Pod[],
  external: ExternalEndpoint[] = [],
  namespaceLabels: Record<string, Record<string, string>> = {}
): Topology {
  const names = [...new Set(pods.map((p) => p.namespace))]
  return {
    namespaces: names.map((name) => ({
      name,
      labels: { 'kubernetes.io/metadata.name': name, ...namespaceLabels[name] }
    })),
    pods,
    external
  }
}

/** `flow('x/b', 'x/a', 'TCP/80')`, `flow('x/b', 'x/a', 'ICMP')`, with an optional HTTP request. */
export function flow(from: string, to: string, port: string, http?: { method: string; path: string }): Flow {
  const [protocol, number] = port.split('/')
  return {
    from,
    to,
    protocol: protocol as Flow['protocol'],
    ...(number ? { port: Number(number) } : {}),
    ...(http ? { http } : {})
  }
}

export interface Decider {
  decide(flow: Flow): FlowVerdict
  verdict(from: string, to: string, port: string, http?: { method: string; path: string }): 'allow' | 'deny'
}

export function engineFor(
  policies: string,
  topo: Topology,
  overrides: EngineOverrides = {},
  { allowInvalid = false } = {}
): Decider {
  const options = makeEngineOptions(overrides)
  const loaded = loadPolicyText(policies, 'policies.yaml', options)
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0 && !allowInvalid) {
    // A fixture is valid unless the test says it is not: a typo must not pass silently.
    throw new Error(`fixture has errors: ${errors.map((e) => `${e.line}: ${e.message}`).join('; ')}`)
  }
  const engine = createEngine(normalizePolicies(loaded, options), topo, options)
  return {
    decide: (f) => engine.decideFlow(f),
    verdict: (from, to, port, http) => engine.decideFlow(flow(from, to, port, http)).verdict
  }
}
