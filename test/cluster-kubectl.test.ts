// Every kubectl operation cluster mode performs, as the command line it runs: kubectl.ts is the
// one place these are spelled, and the target flags lead every call.
import { describe, expect, it } from '@jest/globals'
import { CommandError } from '../src/edge/command.js'
import { createKubectl } from '../src/edge/cluster/kubectl.js'
import { FakeRunner, agentSession, fail, json, ok } from './helpers/fake-runner.js'

const target = { kubeconfig: '/t/kc', context: 'kind-reachdiff' }
const T = 'kubectl --kubeconfig /t/kc --context kind-reachdiff'

function setup(): { runner: FakeRunner; kubectl: ReturnType<typeof createKubectl> } {
  const runner = new FakeRunner().on('kubectl', ok(''))
  runner.on('-o json', json({ items: [] }))
  return { runner, kubectl: createKubectl(runner, target) }
}

describe('kubectl operations', () => {
  it('lists objects as JSON, namespaced or cluster-wide', async () => {
    const { runner, kubectl } = setup()
    await kubectl.listNodes()
    await kubectl.listPods('rd-7-ns1')
    await kubectl.listAgentPods()
    await kubectl.listCiliumEndpoints('rd-7-ns1')
    await kubectl.listObjects('ciliumnetworkpolicies.cilium.io', 'ns1')
    await kubectl.listObjects('ciliumclusterwidenetworkpolicies.cilium.io')
    expect(runner.lines()).toEqual([
      `${T} get nodes -o json`,
      `${T} get pods -n rd-7-ns1 -o json`,
      `${T} -n kube-system get pods -l k8s-app=cilium -o json`,
      `${T} get ciliumendpoints.cilium.io -n rd-7-ns1 -o json`,
      `${T} get ciliumnetworkpolicies.cilium.io -n ns1 -o json`,
      `${T} get ciliumclusterwidenetworkpolicies.cilium.io -o json`
    ])
  })

  it('deletes by name, tolerating objects already gone, with kubectl’s own timeout when given', async () => {
    const { runner, kubectl } = setup()
    await kubectl.deleteObjects('ciliumnetworkpolicies.cilium.io', 'ns1', ['a', 'b'])
    await kubectl.deleteObjects('namespace', undefined, ['rd-7-ns1'], 120_000)
    expect(runner.lines()).toEqual([
      `${T} delete ciliumnetworkpolicies.cilium.io -n ns1 a b --ignore-not-found`,
      `${T} delete namespace rd-7-ns1 --ignore-not-found --timeout=120s`
    ])
    expect(runner.calls[1].timeoutMs).toBe(150_000)
  })

  it('sends objects as one JSON List on stdin, server-side with reachdiff as field manager', async () => {
    const { runner, kubectl } = setup()
    await kubectl.applyChecked([])
    await kubectl.applyChecked([{ kind: 'Namespace', metadata: { name: 'x' } }])
    expect(runner.lines()).toEqual([
      `${T} apply -f - --server-side --field-manager=reachdiff --force-conflicts`
    ])
    expect(JSON.parse(runner.calls[0].input!)).toEqual({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ kind: 'Namespace', metadata: { name: 'x' } }]
    })
    runner.on('apply -f -', fail(1, 'error: the server could not find the requested resource'))
    await expect(kubectl.applyChecked([{ kind: 'Namespace' }])).rejects.toThrow(CommandError)
  })

  it('runs cilium-dbg in the agent container, and keeps an exec with open stdin running in a pod', async () => {
    const { runner, kubectl } = setup()
    runner.onStart('exec -n rd-7-ns1 a', agentSession())
    await kubectl.agentExec('cilium-4mzq9', ['policy', 'get', '-o', 'json'])
    const { args, child } = kubectl.startExec('rd-7-ns1', 'a', 'agent', ['node', 'x.js', 'session'])
    expect(args).toEqual([
      'exec',
      '-n',
      'rd-7-ns1',
      'a',
      '-c',
      'agent',
      '-i',
      '--',
      'node',
      'x.js',
      'session'
    ])
    expect(runner.lines()).toEqual([
      `${T} -n kube-system exec cilium-4mzq9 -c cilium-agent -- cilium-dbg policy get -o json`,
      `${T} exec -n rd-7-ns1 a -c agent -i -- node x.js session`
    ])
    child.end()
    expect(await child.exited).toEqual({ exitCode: 0, stderr: '' })
  })

  it('waits with kubectl’s --timeout and a longer kill switch of its own', async () => {
    const { runner, kubectl } = setup()
    await kubectl.waitPodsReady('rd-7-ns1', 60_000)
    await kubectl.rolloutStatus('ds/cilium', 300_000)
    await kubectl.waitForCondition('Available', ['deploy/coredns'], 300_000, 'kube-system')
    await kubectl.tryWaitForCondition('Established', ['crd/ciliumnetworkpolicies.cilium.io'], 30_000)
    expect(runner.lines()).toEqual([
      `${T} wait --for=condition=Ready pods --all -n rd-7-ns1 --timeout=60s`,
      `${T} -n kube-system rollout status ds/cilium --timeout=300s`,
      `${T} -n kube-system wait --for=condition=Available deploy/coredns --timeout=300s`,
      `${T} wait --for=condition=Established crd/ciliumnetworkpolicies.cilium.io --timeout=30s`
    ])
    expect(runner.calls.map((call) => call.timeoutMs)).toEqual([90_000, 330_000, 330_000, 60_000])
  })

  it('takes the context from the target before asking kubectl for the current one', async () => {
    const { runner, kubectl } = setup()
    expect(await kubectl.currentContext()).toBe('kind-reachdiff')
    expect(runner.calls).toEqual([])
    // `kubectl config current-context` prints the name and a newline.
    const plain = new FakeRunner().on('config current-context', ok('prod-east\n'))
    expect(await createKubectl(plain, {}).currentContext()).toBe('prod-east')
  })
})
