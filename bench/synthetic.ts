// A synthetic cluster for the benchmarks: deterministic (seeded), realistic in shape —
// namespaces with team labels, pods grouped into identities by their labels (a per-pod
// pod-template-hash is filtered out of identities, as in Cilium), and policies mixing KNP,
// CNP and CCNP, allow and deny, matchLabels and matchExpressions.
import type { Namespace, Pod, Topology } from '../src/core/model.js'
import type { PolicyDocument, PolicyKind } from '../src/core/policy/document.js'

export interface SyntheticSpec {
  namespaces: number
  identitiesPerNamespace: number
  podsPerIdentity: number
  policies: number
  seed: number
}

/** Small, fast, seeded PRNG (mulberry32): the same spec gives the same cluster. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TIERS = ['fe', 'be', 'db']
const VERSIONS = ['v1', 'v2', 'v3']

export function syntheticTopology(spec: SyntheticSpec): Topology {
  const namespaces: Namespace[] = []
  const pods: Pod[] = []
  for (let n = 0; n < spec.namespaces; n++) {
    const name = `ns-${n}`
    namespaces.push({
      name,
      labels: { 'kubernetes.io/metadata.name': name, team: `t${n % 5}`, env: n % 2 ? 'dev' : 'prod' }
    })
    for (let i = 0; i < spec.identitiesPerNamespace; i++) {
      const labels = {
        app: `app-${i}`,
        tier: TIERS[i % 3],
        version: VERSIONS[Math.floor(i / 3) % 3]
      }
      for (let p = 0; p < spec.podsPerIdentity; p++) {
        pods.push({
          namespace: name,
          name: `app-${i}-${p}`,
          labels: { ...labels, 'pod-template-hash': `h${p}` },
          serviceAccount: i % 4 === 0 ? `sa-${i}` : 'default',
          ports: [
            { protocol: 'TCP', port: 80 },
            { protocol: 'TCP', port: 8080, name: 'http-alt' }
          ]
        })
      }
    }
  }
  return { namespaces, pods, external: [] }
}

export function syntheticPolicies(spec: SyntheticSpec): PolicyDocument[] {
  const random = createRandom(spec.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const app = (): string => `app-${Math.floor(random() * spec.identitiesPerNamespace)}`
  const namespace = (): string => `ns-${Math.floor(random() * spec.namespaces)}`
  const documents: PolicyDocument[] = []
  for (let i = 0; i < spec.policies; i++) {
    const kind: PolicyKind =
      i % 5 < 2 ? 'NetworkPolicy' : i % 5 < 4 ? 'CiliumNetworkPolicy' : 'CiliumClusterwideNetworkPolicy'
    const ns = kind === 'CiliumClusterwideNetworkPolicy' ? undefined : namespace()
    const metadata = { name: `p-${i}`, ...(ns ? { namespace: ns } : {}) }
    const raw =
      kind === 'NetworkPolicy'
        ? knp(random, pick, app, metadata)
        : cilium(kind, random, pick, app, metadata, namespace)
    documents.push({
      ref: { kind, namespace: ns, name: metadata.name, file: 'synthetic.yaml', line: i + 1 },
      raw,
      valid: true
    })
  }
  return documents
}

type Pick = <T>(items: readonly T[]) => T

function knp(random: () => number, pick: Pick, app: () => string, metadata: object): Record<string, unknown> {
  const peer =
    random() < 0.5
      ? { podSelector: { matchLabels: { tier: pick(TIERS) } } }
      : {
          namespaceSelector: { matchLabels: { team: `t${Math.floor(random() * 5)}` } },
          podSelector: { matchLabels: { app: app() } }
        }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata,
    spec: {
      podSelector: { matchLabels: { app: app() } },
      policyTypes: random() < 0.3 ? ['Ingress', 'Egress'] : ['Ingress'],
      ingress: [{ from: [peer], ports: [{ protocol: 'TCP', port: pick([80, 8080, 'http-alt']) }] }],
      egress: [{ to: [{ namespaceSelector: {} }] }]
    }
  }
}

function cilium(
  kind: PolicyKind,
  random: () => number,
  pick: Pick,
  app: () => string,
  metadata: object,
  namespace: () => string
): Record<string, unknown> {
  const subject =
    random() < 0.5
      ? { matchLabels: { app: app() } }
      : { matchExpressions: [{ key: 'tier', operator: 'In', values: [pick(TIERS), pick(TIERS)] }] }
  const spec: Record<string, unknown> = { endpointSelector: subject }
  if (random() < 0.7) {
    spec.ingress = [
      {
        fromEndpoints: [
          { matchLabels: { app: app() } },
          { matchExpressions: [{ key: 'version', operator: 'NotIn', values: [pick(VERSIONS)] }] }
        ],
        toPorts: [{ ports: [{ port: pick(['80', '8080', '0']), protocol: 'TCP' }] }]
      }
    ]
  }
  if (random() < 0.3) {
    spec.ingressDeny = [
      { fromEndpoints: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] }] }
    ]
  }
  if (random() < 0.3) {
    spec.egress = [{ toEndpoints: [{ matchLabels: { 'io.kubernetes.pod.namespace': namespace() } }] }]
  }
  if (random() < 0.1) spec.egressDeny = [{ toEntities: ['world'] }]
  if (!spec.ingress && !spec.ingressDeny && !spec.egress && !spec.egressDeny) spec.ingress = [{}]
  return { apiVersion: 'cilium.io/v2', kind, metadata, spec }
}
