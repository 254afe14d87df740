// kubectl behind named operations, shaped like actions/checkout's `src/git-command-manager.ts`
// (an interface of what the action needs, one private exec funnel): every argument list is built
// here, one place adds the kubeconfig/context flags and a kill switch to every call, so no call
// can target the wrong cluster or run unbounded. The one kept-running call, an agent session's
// exec, is bounded per batch by its session and ended at cleanup (probe-sessions.ts).
import { CommandError, runChecked } from '../command.js'
import type { CommandOptions, CommandResult, CommandRunner, RunningCommand } from '../command.js'
import { isRecord } from '../../core/records.js'
import { CILIUM_NAMESPACE } from './versions.js'
import { kubectlTimeout, withSlack } from './wait.js'

/** Which cluster kubectl and helm talk to. Empty: the current kubeconfig and context. */
export interface KubeTarget {
  kubeconfig?: string
  context?: string
}

/** A Kubernetes object as sent to `kubectl apply`: built as data, never as YAML text. */
export type Manifest = Record<string, unknown>

/** One kubectl call's arguments (without the target flags) and what it did, for messages. */
export interface KubectlRun {
  args: string[]
  result: CommandResult
}

/**
 * Every kubectl operation cluster mode performs, by what it is for. Each builds its argument
 * list here and goes through one private funnel, so no other module spells a kubectl command.
 * `list*` return the parsed `-o json` List; the checked ones throw CommandError unless kubectl
 * exits 0.
 */
export interface Kubectl {
  readonly target: KubeTarget
  listNodes(): Promise<unknown>
  listPods(namespace: string): Promise<unknown>
  /** The Cilium agent pods (`k8s-app=cilium` in the Cilium namespace). */
  listAgentPods(): Promise<unknown>
  listCiliumEndpoints(namespace: string): Promise<unknown>
  /** `kubectl get <resource>` in a namespace, or cluster-wide / all when `namespace` is absent. */
  listObjects(resource: string, namespace?: string): Promise<unknown>
  /**
   * `kubectl apply -f -` with the objects as one JSON List on stdin. Server-side apply keeps no
   * `last-applied-configuration` annotation, which a ConfigMap holding the agent bundle would
   * overflow (annotations are limited to 256 KiB), and upserts, so it never races the
   * controller that creates each namespace's `default` ServiceAccount.
   */
  apply(objects: readonly Manifest[], mode: 'client' | 'server'): Promise<CommandResult>
  /** Server-side apply that throws unless every object was taken; nothing to apply is a no-op. */
  applyChecked(objects: readonly Manifest[]): Promise<void>
  /** The CommandError an apply result stands for. */
  applyFailure(result: CommandResult): CommandError
  /** Deletes named objects; already-gone ones are fine. `timeoutMs` bounds kubectl's own wait. */
  deleteObjects(
    resource: string,
    namespace: string | undefined,
    names: readonly string[],
    timeoutMs?: number
  ): Promise<void>
  /** `kubectl wait` for Ready on every pod of a namespace. */
  waitPodsReady(namespace: string, timeoutMs: number): Promise<void>
  /** `kubectl rollout status` of one workload in the Cilium namespace. */
  rolloutStatus(workload: string, timeoutMs: number): Promise<void>
  /** `kubectl wait --for=condition=<condition>`, checked; `namespace` absent: cluster scope. */
  waitForCondition(
    condition: string,
    objects: readonly string[],
    timeoutMs: number,
    namespace?: string
  ): Promise<void>
  /** The same wait once, unchecked, for objects that may not exist yet. */
  tryWaitForCondition(
    condition: string,
    objects: readonly string[],
    timeoutMs: number
  ): Promise<CommandResult>
  /** Whether `<resource>/<name>` exists in the Cilium namespace. */
  ciliumObjectExists(resource: string, name: string): Promise<boolean>
  /** The last `tail` log lines of the Cilium namespace's pods matching `selector`. */
  ciliumLogs(selector: string, tail: number, container?: string): Promise<KubectlRun>
  /** The Cilium namespace's pods, `-o wide`, as kubectl prints them. */
  ciliumPodsWide(): Promise<KubectlRun>
  /** One `cilium-dbg` call in an agent pod's `cilium-agent` container. */
  agentExec(pod: string, args: readonly string[]): Promise<CommandResult>
  /**
   * `kubectl exec -i` of `command` in a pod's container, kept running: stdin stays open for more
   * and stdout arrives line by line (an agent session, probe-sessions.ts). No kill switch of its
   * own: whoever talks to it bounds each exchange and closes it.
   */
  startExec(
    namespace: string,
    pod: string,
    container: string,
    command: readonly string[]
  ): { args: string[]; child: RunningCommand }
  /** The context kubectl uses: the target's, else the kubeconfig's current one, if any. */
  currentContext(): Promise<string | undefined>
}

/** Every kubectl call gets a kill switch; long waits pass their own, longer one. */
export const KUBECTL_CALL_MS = 2 * 60_000

export const FIELD_MANAGER = 'reachdiff'

/** `cilium-dbg` calls in an agent can be slow on a busy node. */
const AGENT_EXEC_MS = 60_000

export function kubeTargetArgs(target: KubeTarget): string[] {
  const args: string[] = []
  if (target.kubeconfig) args.push('--kubeconfig', target.kubeconfig)
  if (target.context) args.push('--context', target.context)
  return args
}

function namespaceArgs(namespace: string | undefined): string[] {
  return namespace === undefined || namespace === '' ? [] : ['-n', namespace]
}

const CILIUM_NS = ['-n', CILIUM_NAMESPACE]

export function createKubectl(runner: CommandRunner, target: KubeTarget): Kubectl {
  const prefix = kubeTargetArgs(target)
  const bounded = (options: CommandOptions = {}): CommandOptions => ({
    timeoutMs: KUBECTL_CALL_MS,
    ...options
  })
  // The one funnel: every call below goes through these two (startExec, kept running, adds the same prefix).
  const run = (args: readonly string[], options?: CommandOptions): Promise<CommandResult> =>
    runner.run('kubectl', [...prefix, ...args], bounded(options))
  const check = (args: readonly string[], options?: CommandOptions): Promise<CommandResult> =>
    runChecked(runner, 'kubectl', [...prefix, ...args], bounded(options))
  const getJson = async (args: readonly string[]): Promise<unknown> => {
    const result = await check([...args, '-o', 'json'])
    return parseJson(result.stdout, `kubectl ${args.join(' ')}`)
  }
  const waitArgs = (condition: string, objects: readonly string[], timeoutMs: number): string[] => [
    'wait',
    `--for=condition=${condition}`,
    ...objects,
    kubectlTimeout(timeoutMs)
  ]
  const applyFailure = (result: CommandResult): CommandError =>
    new CommandError('kubectl', [...prefix, 'apply', '-f', '-'], result)
  const apply = (objects: readonly Manifest[], mode: 'client' | 'server'): Promise<CommandResult> => {
    const args = ['apply', '-f', '-']
    if (mode === 'server') args.push('--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts')
    const list = { apiVersion: 'v1', kind: 'List', items: objects }
    return run(args, { input: JSON.stringify(list) })
  }
  return {
    target,
    listNodes: () => getJson(['get', 'nodes']),
    listPods: (namespace) => getJson(['get', 'pods', '-n', namespace]),
    listAgentPods: () => getJson([...CILIUM_NS, 'get', 'pods', '-l', 'k8s-app=cilium']),
    listCiliumEndpoints: (namespace) => getJson(['get', 'ciliumendpoints.cilium.io', '-n', namespace]),
    listObjects: (resource, namespace) => getJson(['get', resource, ...namespaceArgs(namespace)]),
    apply,
    applyFailure,
    async applyChecked(objects) {
      if (objects.length === 0) return
      const result = await apply(objects, 'server')
      if (result.exitCode !== 0 || result.timedOut) throw applyFailure(result)
    },
    async deleteObjects(resource, namespace, names, timeoutMs) {
      const args = ['delete', resource, ...namespaceArgs(namespace), ...names, '--ignore-not-found']
      if (timeoutMs === undefined) await check(args)
      else await check([...args, kubectlTimeout(timeoutMs)], { timeoutMs: withSlack(timeoutMs) })
    },
    async waitPodsReady(namespace, timeoutMs) {
      const args = [
        'wait',
        '--for=condition=Ready',
        'pods',
        '--all',
        '-n',
        namespace,
        kubectlTimeout(timeoutMs)
      ]
      await check(args, { timeoutMs: withSlack(timeoutMs) })
    },
    async rolloutStatus(workload, timeoutMs) {
      const args = [...CILIUM_NS, 'rollout', 'status', workload, kubectlTimeout(timeoutMs)]
      await check(args, { timeoutMs: withSlack(timeoutMs) })
    },
    async waitForCondition(condition, objects, timeoutMs, namespace) {
      const args = [...namespaceArgs(namespace), ...waitArgs(condition, objects, timeoutMs)]
      await check(args, { timeoutMs: withSlack(timeoutMs) })
    },
    tryWaitForCondition: (condition, objects, timeoutMs) =>
      run(waitArgs(condition, objects, timeoutMs), { timeoutMs: withSlack(timeoutMs) }),
    async ciliumObjectExists(resource, name) {
      const args = [...CILIUM_NS, 'get', resource, name, '--ignore-not-found', '-o', 'name']
      return (await check(args)).stdout.trim() !== ''
    },
    async ciliumLogs(selector, tail, container) {
      const containerArgs = container === undefined ? [] : ['-c', container]
      const args = [...CILIUM_NS, 'logs', '-l', selector, ...containerArgs, `--tail=${tail}`, '--prefix']
      return { args, result: await run(args, { timeoutMs: AGENT_EXEC_MS }) }
    },
    async ciliumPodsWide() {
      const args = [...CILIUM_NS, 'get', 'pods', '-o', 'wide']
      return { args, result: await run(args, { timeoutMs: AGENT_EXEC_MS }) }
    },
    agentExec: (pod, args) =>
      run([...CILIUM_NS, 'exec', pod, '-c', 'cilium-agent', '--', 'cilium-dbg', ...args], {
        timeoutMs: AGENT_EXEC_MS
      }),
    startExec(namespace, pod, container, command) {
      const args = ['exec', '-n', namespace, pod, '-c', container, '-i', '--', ...command]
      return { args, child: runner.start('kubectl', [...prefix, ...args]) }
    },
    async currentContext() {
      if (target.context) return target.context
      const result = await run(['config', 'current-context'], { timeoutMs: 30_000 })
      return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined
    }
  }
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`${what} did not print JSON: ${(error as Error).message}`, { cause: error })
  }
}

/** Narrowing helpers for JSON read back from kubectl, docker and cilium-dbg. */
export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {}
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** `items` of a `kubectl get … -o json` List. */
export function listItems(value: unknown): Record<string, unknown>[] {
  return asArray(asRecord(value).items).map(asRecord)
}

/** `metadata.name`, `spec.nodeName`, …: a dotted path into parsed JSON. */
export function field(value: unknown, path: string): unknown {
  let current: unknown = value
  for (const key of path.split('.')) current = asRecord(current)[key]
  return current
}
