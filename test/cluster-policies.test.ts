// Applying base, then head: what is deleted and applied by kind and name, what Cilium said of
// each policy, and the revision the wait expects (docs/cluster-mode.md, "Knowing a policy is enforced").
import { describe, expect, it } from '@jest/globals'
import type { PolicyDocument } from '../src/core/policy/document.js'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import {
  parseApplyOutput,
  planPolicyChange,
  toClusterPolicy
} from '../src/edge/cluster/enforcement/policies.js'
import type { AppliedPolicy } from '../src/edge/cluster/enforcement/policy-set.js'
import { enforcePolicySet } from '../src/edge/cluster/enforcement/policy-set.js'
import { FakeCluster, policy } from './helpers/fake-cluster.js'
import { FakeClock, json } from './helpers/fake-runner.js'

const cnp = (name: string, port: string): PolicyDocument =>
  policy('CiliumNetworkPolicy', name, {
    endpointSelector: { matchLabels: { app: 'b' } },
    ingress: [
      { fromEndpoints: [{ matchLabels: { app: 'a' } }], toPorts: [{ ports: [{ port, protocol: 'TCP' }] }] }
    ]
  })

const toCluster = (docs: PolicyDocument[]) =>
  docs.map((doc) => toClusterPolicy(doc, doc.ref.namespace, doc.ref.name))

function setup() {
  const cluster = new FakeCluster([{ namespace: 'ns1', name: 'a', ip: '10.244.1.5' }])
  const log: string[] = []
  const ctx = {
    kubectl: createKubectl(cluster.runner, {}),
    clock: new FakeClock(),
    timeouts: { statusMs: 30_000, realisationMs: 60_000, pollMs: 1_000 },
    log: (text: string) => log.push(text)
  }
  return { cluster, ctx, log }
}

describe('planning a policy change', () => {
  it('deletes what head removed and applies what it added or changed, leaving the rest alone', () => {
    const base = toCluster([cnp('keep', '80'), cnp('change', '80'), cnp('drop', '80')])
    const head = toCluster([cnp('keep', '80'), cnp('change', '8080'), cnp('add', '53')])
    const current = new Map(base.map((p) => [p.key, p]))
    const change = planPolicyChange(current, head)
    expect(change.remove.map((p) => p.name)).toEqual(['drop'])
    expect(change.apply.map((p) => p.name)).toEqual(['change', 'add'])
    expect(change.unchanged.map((p) => p.name)).toEqual(['keep'])
  })

  it('sends the user’s object without server-set fields or status', () => {
    const doc = cnp('a', '80')
    doc.raw = {
      ...doc.raw,
      metadata: { name: 'a', namespace: 'ns1', resourceVersion: '42', uid: 'u' },
      status: { x: 1 }
    }
    expect(toClusterPolicy(doc, 'ns1', 'a').manifest).toEqual({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: 'a', namespace: 'ns1' },
      spec: doc.raw.spec
    })
  })

  it('reads created, configured and unchanged from kubectl apply', () => {
    const printed = parseApplyOutput(
      'ciliumnetworkpolicy.cilium.io/a created\nnetworkpolicy.networking.k8s.io/b configured\nciliumnetworkpolicy.cilium.io/c unchanged\n'
    )
    expect([...printed]).toEqual([
      ['ciliumnetworkpolicy.cilium.io/a', 'created'],
      ['networkpolicy.networking.k8s.io/b', 'configured'],
      ['ciliumnetworkpolicy.cilium.io/c', 'unchanged']
    ])
  })
})

describe('enforcing base, then head', () => {
  it('deletes what head removed and applies what it added or changed, then waits for the new revision', async () => {
    const { cluster, ctx, log } = setup()
    const base = await enforcePolicySet(
      ctx,
      new Map(),
      toCluster([cnp('keep', '80'), cnp('change', '80'), cnp('drop', '80')])
    )
    expect(cluster.revision).toBe(8)
    cluster.runner.calls.length = 0
    const head = await enforcePolicySet(
      ctx,
      base.state,
      toCluster([cnp('keep', '80'), cnp('change', '8080'), cnp('add', '53')])
    )
    const lines = cluster.runner.lines()
    expect(lines).toContain('kubectl delete ciliumnetworkpolicies.cilium.io -n ns1 drop --ignore-not-found')
    const applies = cluster.runner.find('apply -f -')
    expect(applies).toHaveLength(1)
    expect(applies[0].args).toEqual(['apply', '-f', '-'])
    const sent = JSON.parse(applies[0].input!) as { kind: string; items: { metadata: { name: string } }[] }
    expect(sent.kind).toBe('List')
    expect(sent.items.map((item) => item.metadata.name)).toEqual(['change', 'add'])
    expect(cluster.revision).toBe(11)
    expect(log.at(-1)).toBe('policies: 1 deleted, 2 changed, 3 revision bumps expected')
    expect([...head.state.keys()]).toEqual([
      'CiliumNetworkPolicy/ns1/keep',
      'CiliumNetworkPolicy/ns1/change',
      'CiliumNetworkPolicy/ns1/add'
    ])
    expect(head.diagnostics).toEqual([])
  })

  it('turns a Valid=False condition into a diagnostic with Cilium’s message, and does not wait for it', async () => {
    const { cluster, ctx, log } = setup()
    const message =
      'Invalid CiliumNetworkPolicy spec: rule #0: L7 rules are not allowed when l7Proxy is disabled'
    cluster.invalid.set('bad', message)
    const doc = cnp('bad', '80')
    const { diagnostics, state } = await enforcePolicySet(ctx, new Map(), toCluster([doc, cnp('good', '80')]))
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        file: 'policies/p.yaml',
        line: 1,
        column: 0,
        path: '',
        message: `Cilium marked this policy invalid (status Valid=False): ${message}`,
        object: 'CiliumNetworkPolicy ns1/bad'
      }
    ])
    expect(log.at(-1)).toBe('policies: 0 deleted, 2 changed, 1 revision bumps expected')
    expect(state.get('CiliumNetworkPolicy/ns1/bad')?.imported).toBe(false)
    expect(cluster.runner.lines()).toContain('kubectl get ciliumnetworkpolicies.cilium.io -n ns1 -o json')
  })

  it('pins an API-server rejection on its own policy and applies the rest', async () => {
    const { cluster, ctx } = setup()
    cluster.rejected.set(
      'bad',
      'The CiliumNetworkPolicy "bad" is invalid: spec.ingress[0].toPorts[0].ports[0].port: Invalid value'
    )
    const { diagnostics, state } = await enforcePolicySet(
      ctx,
      new Map(),
      toCluster([cnp('bad', '80'), cnp('good', '80')])
    )
    expect(diagnostics.map((d) => d.message)).toEqual([
      'the API server rejected this policy: The CiliumNetworkPolicy "bad" is invalid: spec.ingress[0].toPorts[0].ports[0].port: Invalid value'
    ])
    expect(cluster.runner.find('apply -f -')).toHaveLength(2)
    expect([...state.keys()]).toEqual(['CiliumNetworkPolicy/ns1/good'])
  })

  it('throws when kubectl cannot reach the API server, instead of blaming the policies', async () => {
    const { cluster, ctx } = setup()
    cluster.runner.on((call) => call.args[0] === 'apply', {
      exitCode: 1,
      stderr:
        'The connection to the server 127.0.0.1:36117 was refused - did you specify the right host or port?'
    })
    await expect(enforcePolicySet(ctx, new Map(), toCluster([cnp('a', '80')]))).rejects.toThrow('was refused')
  })

  it('warns when Cilium writes no Valid condition in time, and counts the policy as enforced', async () => {
    const { cluster, ctx } = setup()
    cluster.runner.on('get ciliumnetworkpolicies.cilium.io', { stdout: '{"items":[]}' })
    const { diagnostics } = await enforcePolicySet(ctx, new Map(), toCluster([cnp('a', '80')]))
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'Cilium reported no Valid condition for this policy within 30 s (the operator writes it from 1.16 on); it was counted as enforced'
      ]
    ])
  })

  it('keeps the diagnostics of an unchanged invalid policy in head’s report', async () => {
    const { cluster, ctx } = setup()
    cluster.invalid.set('bad', 'boom')
    const base = await enforcePolicySet(ctx, new Map(), toCluster([cnp('bad', '80')]))
    const head = await enforcePolicySet(ctx, base.state, toCluster([cnp('bad', '80')]))
    expect(head.diagnostics.map((d) => d.object)).toEqual(['CiliumNetworkPolicy ns1/bad'])
  })

  it('deletes a KNP and a CCNP by their own resource names', async () => {
    const { cluster, ctx } = setup()
    const knp = policy('NetworkPolicy', 'deny', { podSelector: {} })
    const ccnp = policy('CiliumClusterwideNetworkPolicy', 'wide', { endpointSelector: {} })
    const base = await enforcePolicySet(ctx, new Map<string, AppliedPolicy>(), toCluster([knp, ccnp]))
    await enforcePolicySet(ctx, base.state, [])
    expect(cluster.runner.lines()).toEqual(
      expect.arrayContaining([
        'kubectl delete ciliumclusterwidenetworkpolicies.cilium.io wide --ignore-not-found',
        'kubectl delete networkpolicies.networking.k8s.io -n ns1 deny --ignore-not-found'
      ])
    )
  })
})

describe('counting the revision bumps a change causes', () => {
  const labelled = (doc: PolicyDocument, labels: Record<string, string>): PolicyDocument => ({
    ...doc,
    raw: { ...doc.raw, metadata: { ...(doc.raw.metadata as object), labels } }
  })

  it('counts no bump for a CNP edit that touches only labels: its generation does not move', async () => {
    const { cluster, ctx, log } = setup()
    const base = await enforcePolicySet(ctx, new Map(), toCluster([cnp('a', '80')]))
    const revision = cluster.revision
    const clock = ctx.clock
    const started = clock.now()
    await enforcePolicySet(ctx, base.state, toCluster([labelled(cnp('a', '80'), { team: 'x' })]))
    expect(cluster.runner.find('apply -f -')).toHaveLength(2)
    expect(log.at(-1)).toBe('policies: 0 deleted, 0 changed, 0 revision bumps expected')
    expect(cluster.revision).toBe(revision)
    expect(clock.now() - started).toBe(0)
  })

  it('counts a KNP edit that touches only labels: its watcher has no generation check', async () => {
    const { cluster, ctx, log } = setup()
    const knp = policy('NetworkPolicy', 'k', { podSelector: {} })
    const base = await enforcePolicySet(ctx, new Map(), toCluster([knp]))
    const revision = cluster.revision
    await enforcePolicySet(ctx, base.state, toCluster([labelled(knp, { team: 'x' })]))
    expect(log.at(-1)).toBe('policies: 0 deleted, 1 changed, 1 revision bumps expected')
    expect(cluster.revision).toBe(revision + 1)
  })

  it('counts the delete of a policy Cilium never imported, so a slow agent is not passed early', async () => {
    const { cluster, ctx } = setup()
    cluster.invalid.set('bad', 'boom')
    const base = await enforcePolicySet(ctx, new Map(), toCluster([cnp('bad', '80'), cnp('good', '80')]))
    cluster.lagging = true
    await enforcePolicySet(ctx, base.state, toCluster([cnp('good', '8080')]))
    expect(cluster.pending).toBe(0)
  })

  it('waits again when a stale Valid=False turns True: the fixed policy is imported after all', async () => {
    const { cluster, ctx } = setup()
    cluster.invalid.set('p', 'boom')
    const base = await enforcePolicySet(ctx, new Map(), toCluster([cnp('p', '80')]))
    cluster.invalid.delete('p')
    cluster.stale.set('p', 2)
    cluster.lagging = true
    const head = await enforcePolicySet(ctx, base.state, toCluster([cnp('p', '8080')]))
    expect(cluster.pending).toBe(0)
    expect(head.diagnostics).toEqual([])
    expect(head.state.get('CiliumNetworkPolicy/ns1/p')?.imported).toBe(true)
  })

  it('recounts when a stale Valid=True turns False, instead of failing after the wait', async () => {
    const { cluster, ctx } = setup()
    const base = await enforcePolicySet(ctx, new Map(), toCluster([cnp('p', '80')]))
    cluster.invalid.set('p', 'boom')
    cluster.stale.set('p', 2)
    const clock = ctx.clock
    const started = clock.now()
    const head = await enforcePolicySet(ctx, base.state, toCluster([cnp('p', '8080')]))
    expect(head.diagnostics.map((d) => d.message)).toEqual([
      'Cilium marked this policy invalid (status Valid=False): boom'
    ])
    expect(clock.now() - started).toBeLessThanOrEqual(60_000 + 1_000)
  })

  it('gives up after a bounded wait with an error naming the policies it waited for', async () => {
    const { cluster, ctx } = setup()
    cluster.runner.on('cilium-dbg policy get', json({ policy: '[]', revision: 5 }))
    const clock = ctx.clock
    const error = (await enforcePolicySet(ctx, new Map(), toCluster([cnp('a', '80')])).catch(
      (e: unknown) => e
    )) as Error
    expect(error.message).toContain('Cilium did not enforce the policy change within 60 s')
    expect(error.message).toContain('policy changes awaited: CiliumNetworkPolicy ns1/a (applied)')
    expect(clock.now()).toBeLessThanOrEqual(3 * 61_000)
  })
})
