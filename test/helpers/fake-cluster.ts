// A small stateful fake of what kubectl sees in a two-node kind cluster with Cilium, built on
// FakeRunner: nodes, pods with IPs and endpoint identities, client-side apply that answers
// created/configured/unchanged and bumps the agents' policy revision the way Cilium does
// (once per imported, replaced or deleted policy, `pkg/policy/repository.go`), Valid conditions, and
// `cilium-dbg` output in the shapes of cilium/cilium `api/v1/models`.
import type { PolicyDocument, PolicyKind } from '../../src/core/policy/document.js'
import type { Captures, RecordedCall, Reply } from './fake-runner.js'
import { FakeRunner, json, ok } from './fake-runner.js'

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

/** The resource name kubectl is given for each policy kind (the CRDs' and the API's plural names). */
const POLICY_RESOURCES: Record<PolicyKind, string> = {
  NetworkPolicy: 'networkpolicies.networking.k8s.io',
  CiliumNetworkPolicy: 'ciliumnetworkpolicies.cilium.io',
  CiliumClusterwideNetworkPolicy: 'ciliumclusterwidenetworkpolicies.cilium.io'
}

export class FakeCluster {
  readonly runner = kindHostRunner()
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
    r.onKubectl('get nodes -o json', json(NODES))
    r.onKubectl('-n kube-system get pods -l k8s-app=cilium -o json', json(AGENT_PODS))
    r.onKubectl('get ciliumendpoints.cilium.io -n {namespace} -o json', ({ namespace }) =>
      json(this.endpointsIn(namespace as string))
    )
    r.onKubectl('get pods -n {namespace} -o json', ({ namespace }) => json(this.podsIn(namespace as string)))
    const agentExec = '-n kube-system exec {pod} -c cilium-agent -- cilium-dbg'
    r.onKubectl(`${agentExec} policy get -o json`, ({ pod }) => {
      // One bump per polling round: the round starts with the first agent.
      if (pod === AGENT_PODS.items[0].metadata.name) {
        if (this.lagging) this.process(1)
        for (const [name, rounds] of this.stale) this.stale.set(name, Math.max(0, rounds - 1))
      }
      return json({ policy: '[]', revision: this.revision })
    })
    r.onKubectl(`${agentExec} endpoint list -o json`, () => json(this.endpointList()))
    r.onKubectl('apply -f -', (_, call) => this.apply(call))
    r.onKubectl('apply -f - --server-side --field-manager=reachdiff --force-conflicts', (_, call) =>
      this.applied(call)
    )
    r.onKubectl('wait --for=condition=Ready pods --all -n {namespace} {timeout}', ({ namespace }) =>
      ok(
        this.pods
          .filter((pod) => pod.namespace === namespace)
          .map((pod) => `pod/${pod.name} condition met\n`)
          .join('')
      )
    )
    r.onKubectl('delete namespace {names...} --ignore-not-found {timeout}', ({ names }) =>
      ok((names as string[]).map((name) => `namespace "${name}" deleted\n`).join(''))
    )
    for (const [kind, resource] of Object.entries(POLICY_RESOURCES)) {
      const remove = ({ namespace, names }: Captures): Reply =>
        this.remove(kind, (namespace as string | undefined) ?? '', names as string[])
      r.onKubectl(`delete ${resource} {names...} --ignore-not-found`, remove)
      r.onKubectl(`delete ${resource} -n {namespace} {names...} --ignore-not-found`, remove)
      const list = ({ namespace }: Captures): Reply =>
        json(this.policyList(kind, (namespace as string | undefined) ?? ''))
      r.onKubectl(`get ${resource} -o json`, list)
      r.onKubectl(`get ${resource} -n {namespace} -o json`, list)
    }
  }

  /** Server-side apply prints `<kind>.<group>/<name> serverside-applied` per object. */
  private applied(call: RecordedCall): { exitCode: number; stdout: string } {
    const items = (JSON.parse(call.input ?? '{}') as { items: Obj[] }).items
    const lines = items.map((item) => {
      const group = String(item.apiVersion).includes('/') ? `.${String(item.apiVersion).split('/')[0]}` : ''
      return `${String(item.kind).toLowerCase()}${group}/${String(meta(item).name)} serverside-applied\n`
    })
    return { exitCode: 0, stdout: lines.join('') }
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

  private endpointsIn(namespace: string): Obj {
    const items = this.pods
      .filter((pod) => pod.namespace === namespace)
      .map((pod, index) => ({ metadata: { name: pod.name }, status: { identity: { id: 20_000 + index } } }))
    return { items }
  }

  private podsIn(namespace: string): Obj {
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
  private remove(kind: string, namespace: string, names: readonly string[]): Reply {
    for (const [key] of this.policies) {
      const [k, ns, name] = key.split('/')
      if (k === kind && ns === namespace && names.includes(name)) {
        this.policies.delete(key)
        this.bump()
      }
    }
    return { exitCode: 0 }
  }

  private policyList(kind: string, namespace: string): Obj {
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

/**
 * The runner of a host where kind, helm, docker and kubectl all succeed, answering with what
 * each prints (kind and helm write progress to stderr; `kubectl wait` prints `<object> condition
 * met`; `kubectl rollout status` prints `daemon set "cilium" successfully rolled out`). Tests add
 * the failures they are about on top: later rules win.
 */
export function kindHostRunner(): FakeRunner {
  return (
    new FakeRunner()
      .on(
        /* kind */ (call) => call.args[0] === 'version' && call.command.endsWith('kind'),
        ok('kind v0.32.0 go1.24.6 linux/amd64\n')
      )
      .on('kubectl version --client', ok('Client Version: v1.36.3\nKustomize Version: v5.7.1\n'))
      .on(
        'helm version',
        ok('version.BuildInfo{Version:"v3.21.4", GitCommit:"", GitTreeState:"clean", GoVersion:"go1.25.1"}\n')
      )
      .on('docker version', ok('Client: Docker Engine - Community\n Version:           28.0.4\n'))
      .on('get clusters', { exitCode: 0, stderr: 'No kind clusters found.\n' })
      .on('create cluster', { exitCode: 0, stderr: 'Creating cluster "reachdiff" ...\n' })
      .on('delete cluster', { exitCode: 0, stderr: 'Deleting cluster "reachdiff" ...\n' })
      .on('helm install', ok('NAME: cilium\nNAMESPACE: kube-system\nSTATUS: deployed\nREVISION: 1\n'))
      .on('rollout status ds/cilium', ok('daemon set "cilium" successfully rolled out\n'))
      .on('get ds cilium-envoy', ok(''))
      .on('deploy/cilium-operator', ok('deployment.apps/cilium-operator condition met\n'))
      .on('deploy/coredns', ok('deployment.apps/coredns condition met\n'))
      .on(
        'nodes --all',
        ok('node/reachdiff-control-plane condition met\nnode/reachdiff-worker condition met\n')
      )
      .on(
        'condition=Established',
        ok(
          'customresourcedefinition.apiextensions.k8s.io/ciliumnetworkpolicies.cilium.io condition met\n' +
            'customresourcedefinition.apiextensions.k8s.io/ciliumclusterwidenetworkpolicies.cilium.io condition met\n'
        )
      )
      .on(
        '--server-side',
        ok('ciliumclusterwidenetworkpolicy.cilium.io/reachdiff-allow-all-during-setup serverside-applied\n')
      )
      .on(' logs -l ', ok(''))
      .on('get pods -o wide', ok('NAME   READY   STATUS   RESTARTS   AGE   IP   NODE\n'))
      .on('docker ps -aq', ok(''))
      .on('docker rm -f', (call) =>
        ok(
          call.args
            .slice(2)
            .map((id) => `${id}\n`)
            .join('')
        )
      )
      // `docker run -d` prints the new container's ID; `docker exec … ip …` prints nothing on success.
      .on('docker run -d', ok(`${'4f1c9b'.padEnd(64, '0')}\n`))
      .on((call) => call.command === 'docker' && call.args[0] === 'exec' && call.args[2] === 'ip', ok(''))
  )
}
