// A small stateful fake of what kubectl sees in a two-node kind cluster with Cilium, built on
// FakeRunner: nodes, pods with IPs and endpoint identities, client-side apply that answers
// created/configured/unchanged and bumps the agents' policy revision the way Cilium does
// (once per imported, replaced or deleted policy, cluster-facts §3.1), Valid conditions, and
// `cilium-dbg` output in the shapes of §3.4.
import type { PolicyDocument, PolicyKind } from '../../src/core/policy/document.js'
import type { RecordedCall } from './fake-runner.js'
import { FakeRunner, json } from './fake-runner.js'

/** `kubectl get nodes -o json` of a two-node kind cluster with `ipam.mode=kubernetes` (abridged to the fields read). */
export const NODES = {
  items: [
    {
      metadata: {
        name: 'reachdiff-control-plane',
        labels: { 'kubernetes.io/hostname': 'reachdiff-control-plane' }
      },
      spec: {
        podCIDR: '10.244.0.0/24',
        podCIDRs: ['10.244.0.0/24'],
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]
      },
      status: {
        addresses: [
          { type: 'InternalIP', address: '172.18.0.3' },
          { type: 'Hostname', address: 'reachdiff-control-plane' }
        ]
      }
    },
    {
      metadata: { name: 'reachdiff-worker', labels: { 'kubernetes.io/hostname': 'reachdiff-worker' } },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
      status: {
        addresses: [
          { type: 'InternalIP', address: '172.18.0.2' },
          { type: 'Hostname', address: 'reachdiff-worker' }
        ]
      }
    }
  ]
}

export const AGENT_PODS = {
  items: [
    { metadata: { name: 'cilium-4mzq9' }, spec: { nodeName: 'reachdiff-control-plane' } },
    { metadata: { name: 'cilium-x7k2p' }, spec: { nodeName: 'reachdiff-worker' } }
  ]
}

type Obj = Record<string, unknown>
const meta = (object: Obj): Obj => (object.metadata ?? {}) as Obj

function namespaceOf(call: RecordedCall): string | undefined {
  const index = call.args.indexOf('-n')
  return index >= 0 ? call.args[index + 1] : undefined
}

export class FakeCluster {
  readonly runner = new FakeRunner()
  /** The revision every agent has realised. */
  revision = 5
  /**
   * Bumps the agents have yet to process. With `lagging` set, each polling round (a `cilium-dbg
   * policy get` in the first agent) processes one, so a wait that stops too early leaves some here.
   */
  pending = 0
  lagging = false
  /** The node every pod reports in `spec.nodeName`; absent: pods alternate over both nodes. */
  podNode?: string
  /** Policy name → the message of its Valid=False condition. */
  readonly invalid = new Map<string, string>()
  /**
   * Policy name → for how many more polling rounds its Valid condition still describes the
   * previous generation: the operator has not caught up, and there is no observedGeneration.
   */
  readonly stale = new Map<string, number>()
  /** Policy name → the API server's error. */
  readonly rejected = new Map<string, string>()
  /** `kind/namespace/name` → the object as last applied, with the server's `metadata.generation`. */
  readonly policies = new Map<string, Obj>()
  /** `kind/namespace/name` → whether the current and previous generations were invalid when applied. */
  private readonly invalidAt = new Map<string, { current: boolean; previous: boolean }>()

  constructor(readonly pods: readonly { namespace: string; name: string; ip: string }[]) {
    const r = this.runner
    r.on('get nodes', json(NODES))
    r.on('get pods -l k8s-app=cilium', json(AGENT_PODS))
    r.on(
      (call) => call.args.includes('ciliumendpoints.cilium.io'),
      (call) => json(this.endpointsIn(namespaceOf(call)))
    )
    r.on(
      (call) => call.args.join(' ').includes('get pods -n'),
      (call) => json(this.podsIn(namespaceOf(call)))
    )
    r.on('cilium-dbg policy get', (call) => {
      // One bump per polling round: the round starts with the first agent.
      if (call.args.includes(AGENT_PODS.items[0].metadata.name)) {
        if (this.lagging) this.process(1)
        for (const [name, rounds] of this.stale) this.stale.set(name, Math.max(0, rounds - 1))
      }
      return json({ policy: '[]', revision: this.revision })
    })
    r.on('cilium-dbg endpoint list', () => json(this.endpointList()))
    r.on('apply -f -', (call) => (call.args.includes('--server-side') ? { exitCode: 0 } : this.apply(call)))
    r.on(
      (call) =>
        call.args[call.args.indexOf('delete') + 1]?.endsWith('policies.cilium.io') ||
        call.args.includes('networkpolicies.networking.k8s.io'),
      (call) => this.remove(call)
    )
    r.on(
      (call) => call.args.includes('get') && /policies\./.test(call.args.join(' ')),
      (call) => json(this.policyList(call))
    )
  }

  private bump(): void {
    if (this.lagging) this.pending++
    else this.revision++
  }

  private process(n: number): void {
    const done = Math.min(n, this.pending)
    this.pending -= done
    this.revision += done
  }

  private endpointsIn(namespace?: string): Obj {
    const items = this.pods
      .filter((pod) => pod.namespace === namespace)
      .map((pod, index) => ({ metadata: { name: pod.name }, status: { identity: { id: 20_000 + index } } }))
    return { items }
  }

  private podsIn(namespace?: string): Obj {
    const items = this.pods
      .filter((pod) => pod.namespace === namespace)
      .map((pod, index) => ({
        metadata: { name: pod.name },
        spec: { nodeName: this.podNode ?? NODES.items[index % 2].metadata.name },
        status: { podIP: pod.ip }
      }))
    return { items }
  }

  private endpointList(): Obj[] {
    return this.pods.map((pod, index) => ({
      id: 100 + index,
      status: {
        'external-identifiers': {
          'k8s-namespace': pod.namespace,
          'pod-name': `${pod.namespace}/${pod.name}`
        },
        identity: { id: 20_000 + index, labels: [] },
        policy: { realized: { 'policy-revision': this.revision } },
        state: 'ready'
      }
    }))
  }

  /**
   * Client-side apply as kubectl prints it. The API server raises `metadata.generation` on spec
   * changes only; the agent imports a CNP/CCNP only when the generation moved (and the policy is
   * valid), a KNP on every update.
   */
  private apply(call: RecordedCall): { exitCode: number; stdout: string; stderr: string } {
    const items = (JSON.parse(call.input ?? '{}') as { items: Obj[] }).items
    const out: string[] = []
    const err: string[] = []
    for (const item of items) {
      const name = meta(item).name as string
      const rejected = this.rejected.get(name)
      if (rejected) {
        err.push(rejected)
        continue
      }
      const key = `${String(item.kind)}/${(meta(item).namespace as string | undefined) ?? ''}/${name}`
      const before = this.policies.get(key)
      const { generation: previous, ...sent } = before ? meta(before) : {}
      const same = before && JSON.stringify({ ...before, metadata: sent }) === JSON.stringify(item)
      const verb = !before ? 'created' : same ? 'unchanged' : 'configured'
      const specChanged = !before || JSON.stringify(before.spec) !== JSON.stringify(item.spec)
      const generation = ((previous as number | undefined) ?? 0) + (specChanged ? 1 : 0)
      if (specChanged) {
        const current = this.invalid.has(name)
        this.invalidAt.set(key, { current, previous: this.invalidAt.get(key)?.current ?? current })
      }
      this.policies.set(key, { ...item, metadata: { ...meta(item), generation } })
      const imports = item.kind === 'NetworkPolicy' ? verb !== 'unchanged' : specChanged
      if (imports && !this.invalid.has(name)) this.bump()
      const group = String(item.apiVersion).split('/')[0]
      out.push(`${String(item.kind).toLowerCase()}.${group}/${name} ${verb}`)
    }
    return {
      exitCode: err.length > 0 ? 1 : 0,
      stdout: out.map((l) => `${l}\n`).join(''),
      stderr: err.join('\n')
    }
  }

  /** Every delete bumps the revision, imported or not (`ReplaceByResource`). */
  private remove(call: RecordedCall): { exitCode: number } {
    const namespace = namespaceOf(call) ?? ''
    const names = call.args
      .slice(call.args.indexOf('delete') + 2)
      .filter((arg) => !arg.startsWith('-') && arg !== namespace)
    for (const [key] of this.policies) {
      const [, ns, name] = key.split('/')
      if (ns === namespace && names.includes(name)) {
        this.policies.delete(key)
        this.bump()
      }
    }
    return { exitCode: 0 }
  }

  private policyList(call: RecordedCall): Obj {
    const namespace = namespaceOf(call) ?? ''
    const kind = call.args.includes('ciliumclusterwidenetworkpolicies.cilium.io')
      ? 'CiliumClusterwideNetworkPolicy'
      : call.args.includes('networkpolicies.networking.k8s.io')
        ? 'NetworkPolicy'
        : 'CiliumNetworkPolicy'
    const items = [...this.policies]
      .filter(([key]) => key.startsWith(`${kind}/${namespace}/`))
      .map(([key, item]) => {
        if (kind === 'NetworkPolicy') return item
        const name = meta(item).name as string
        const invalid =
          (this.stale.get(name) ?? 0) > 0 ? this.invalidAt.get(key)?.previous : this.invalid.has(name)
        const condition = invalid
          ? { type: 'Valid', status: 'False', message: this.invalid.get(name) ?? 'an older problem' }
          : { type: 'Valid', status: 'True', message: 'Policy validation succeeded' }
        return {
          ...item,
          status: { conditions: [{ ...condition, lastTransitionTime: '2026-08-21T10:00:00Z' }] }
        }
      })
    return { items }
  }
}

/** A policy document as the loader would give it, from policies/p.yaml. */
export function policy(
  kind: PolicyKind,
  name: string,
  spec: unknown,
  namespace = 'ns1',
  line = 1
): PolicyDocument {
  const apiVersion = kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : 'cilium.io/v2'
  const clusterScoped = kind === 'CiliumClusterwideNetworkPolicy'
  const metadata = clusterScoped ? { name } : { name, namespace }
  return {
    ref: { kind, name, file: 'policies/p.yaml', line, ...(clusterScoped ? {} : { namespace }) },
    raw: { apiVersion, kind, metadata, spec },
    valid: true
  }
}
