// A small typed funnel over the command runner for kubectl, shaped like actions/checkout's
// git-command-manager (style.md #3): one place adds the kubeconfig/context flags and a kill
// switch to every call, so no call can target the wrong cluster or run unbounded.
import { CommandError, runChecked } from '../command.js'
import type { CommandOptions, CommandResult, CommandRunner } from '../command.js'
import { isRecord } from '../../core/records.js'

/** Which cluster kubectl and helm talk to. Empty: the current kubeconfig and context. */
export interface KubeTarget {
  kubeconfig?: string
  context?: string
}

/** A Kubernetes object as sent to `kubectl apply`: built as data, never as YAML text. */
export type Manifest = Record<string, unknown>

export interface Kubectl {
  readonly target: KubeTarget
  /** Runs kubectl and returns whatever happened. */
  run(args: readonly string[], options?: CommandOptions): Promise<CommandResult>
  /** Runs kubectl and throws CommandError unless it exits 0. */
  check(args: readonly string[], options?: CommandOptions): Promise<CommandResult>
  /** `kubectl <args> -o json`, parsed. */
  getJson(args: readonly string[]): Promise<unknown>
  /**
   * `kubectl apply -f -` with the objects as one JSON List on stdin. Server-side apply keeps no
   * `last-applied-configuration` annotation, which a ConfigMap holding the agent bundle would
   * overflow (annotations are limited to 256 KiB), and upserts, so it never races the
   * controller that creates each namespace's `default` ServiceAccount.
   */
  apply(objects: readonly Manifest[], mode: 'client' | 'server'): Promise<CommandResult>
}

/** Every kubectl call gets a kill switch; long waits pass their own, longer one. */
export const KUBECTL_CALL_MS = 2 * 60_000

export const FIELD_MANAGER = 'reachdiff'

export function kubeTargetArgs(target: KubeTarget): string[] {
  const args: string[] = []
  if (target.kubeconfig) args.push('--kubeconfig', target.kubeconfig)
  if (target.context) args.push('--context', target.context)
  return args
}

export function createKubectl(runner: CommandRunner, target: KubeTarget): Kubectl {
  const prefix = kubeTargetArgs(target)
  const bounded = (options: CommandOptions = {}): CommandOptions => ({
    timeoutMs: KUBECTL_CALL_MS,
    ...options
  })
  const kubectl: Kubectl = {
    target,
    run: (args, options) => runner.run('kubectl', [...prefix, ...args], bounded(options)),
    check: (args, options) => runChecked(runner, 'kubectl', [...prefix, ...args], bounded(options)),
    async getJson(args) {
      const result = await kubectl.check([...args, '-o', 'json'])
      return parseJson(result.stdout, `kubectl ${args.join(' ')}`)
    },
    apply(objects, mode) {
      const args = ['apply', '-f', '-']
      if (mode === 'server')
        args.push('--server-side', `--field-manager=${FIELD_MANAGER}`, '--force-conflicts')
      const list = { apiVersion: 'v1', kind: 'List', items: objects }
      return kubectl.run(args, { input: JSON.stringify(list) })
    }
  }
  return kubectl
}

export async function applyChecked(kubectl: Kubectl, objects: readonly Manifest[]): Promise<void> {
  if (objects.length === 0) return
  const result = await kubectl.apply(objects, 'server')
  if (result.exitCode !== 0 || result.timedOut) {
    throw new CommandError('kubectl', [...kubeTargetArgs(kubectl.target), 'apply', '-f', '-'], result)
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
