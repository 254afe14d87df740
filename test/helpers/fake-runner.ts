// A hand-written fake of the whole CommandRunner: it records every call and answers from
// scripted rules matched on the argv, so tests pin exactly what reachdiff runs without a Docker
// engine, a cluster or module mocks. A call no rule answers fails, so an unexpected kind, helm,
// docker or kubectl call cannot pass unnoticed. Also a fake clock for polling loops.
import type { CommandOptions, CommandResult, CommandRunner, RunningCommand } from '../../src/edge/command.js'
import type { Clock } from '../../src/edge/cluster/wait.js'

export interface RecordedCall {
  command: string
  args: string[]
  input?: string
  timeoutMs?: number
}

export type Reply = Partial<Omit<CommandResult, 'stdoutBytes'>>
type Responder = Reply | ((call: RecordedCall) => Reply)

interface Rule {
  matches: (call: RecordedCall) => boolean
  replies: Responder[]
  used: number
}

/** `cmd arg arg …`, for matching and for readable assertions. */
export function line(call: RecordedCall): string {
  return [call.command, ...call.args].join(' ')
}

export class FakeRunner implements CommandRunner {
  readonly calls: RecordedCall[] = []
  /** Calls no rule answered (each was rejected). */
  readonly unscripted: RecordedCall[] = []
  private readonly rules: Rule[] = []

  /**
   * Answers calls whose `cmd args…` line contains `pattern` (or that the function accepts) with
   * `replies` in turn, the last one repeating. Later rules win over earlier ones.
   */
  on(pattern: string | ((call: RecordedCall) => boolean), ...replies: Responder[]): this {
    const matches =
      typeof pattern === 'string' ? (call: RecordedCall) => line(call).includes(pattern) : pattern
    this.rules.unshift({ matches, replies: replies.length > 0 ? replies : [{}], used: 0 })
    return this
  }

  /**
   * Answers one kubectl operation, written as the command line kubectl.ts builds for it (after
   * the `--kubeconfig`/`--context` target flags): `{name}` stands for one argument, `{name...}`
   * for one or more that are not flags. The whole line must match; the responder gets the
   * captured arguments by name, so a fake answers "pods of namespace X" without reading argv.
   */
  onKubectl(template: string, ...replies: KubectlResponder[]): this {
    const captured = new WeakMap<RecordedCall, Captures>()
    const matches = (call: RecordedCall): boolean => {
      const captures = call.command === 'kubectl' ? matchTemplate(template, kubectlArgs(call)) : undefined
      if (captures) captured.set(call, captures)
      return captures !== undefined
    }
    const responders = replies.map((reply): Responder =>
      typeof reply === 'function' ? (call) => reply(captured.get(call)!, call) : reply
    )
    return this.on(matches, ...responders)
  }

  run(command: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
    const call: RecordedCall = { command, args: [...args] }
    if (options.input !== undefined) call.input = options.input
    if (options.timeoutMs !== undefined) call.timeoutMs = options.timeoutMs
    this.calls.push(call)
    const rule = this.rules.find((candidate) => candidate.matches(call))
    if (!rule) {
      this.unscripted.push(call)
      return Promise.reject(new Error(`FakeRunner: no rule answers \`${line(call)}\``))
    }
    const responder = rule.replies[Math.min(rule.used, rule.replies.length - 1)]
    rule.used++
    const reply = typeof responder === 'function' ? responder(call) : responder
    const stdout = reply.stdout ?? ''
    return Promise.resolve({
      exitCode: reply.exitCode ?? 0,
      stdout,
      stderr: reply.stderr ?? '',
      stdoutBytes: new TextEncoder().encode(stdout),
      timedOut: reply.timedOut ?? false
    })
  }

  /** A kept-running child (an agent session); none is scripted yet, so it fails like an unscripted call. */
  start(command: string, args: readonly string[]): RunningCommand {
    const call: RecordedCall = { command, args: [...args] }
    this.calls.push(call)
    this.unscripted.push(call)
    const stderr = `FakeRunner: no rule answers \`${line(call)}\``
    return {
      write: () => undefined,
      end: () => undefined,
      onLine: () => undefined,
      exited: Promise.resolve({ exitCode: 127, stderr }),
      kill: () => undefined
    }
  }

  /** Every call as one line. */
  lines(): string[] {
    return this.calls.map(line)
  }

  /** Calls whose line contains `text`. */
  find(text: string): RecordedCall[] {
    return this.calls.filter((call) => line(call).includes(text))
  }
}

/** What a `{name}` (one argument) or `{name...}` (several) in a kubectl template captured. */
export type Captures = Record<string, string | string[]>
type KubectlResponder = Reply | ((captures: Captures, call: RecordedCall) => Reply)

/** kubectl's arguments without the target flags that lead every call. */
export function kubectlArgs(call: RecordedCall): string[] {
  const args = [...call.args]
  while (args[0] === '--kubeconfig' || args[0] === '--context') args.splice(0, 2)
  return args
}

function matchTemplate(template: string, args: readonly string[]): Captures | undefined {
  const tokens = template.split(' ')
  const captures: Captures = {}
  let at = 0
  for (const [index, token] of tokens.entries()) {
    const name = /^\{(\w+)(\.\.\.)?\}$/.exec(token)
    if (!name) {
      if (args[at] !== token) return undefined
      at++
    } else if (!name[2]) {
      if (args[at] === undefined) return undefined
      captures[name[1]] = args[at++]
    } else {
      // Several non-flag arguments, up to what the rest of the template needs.
      const rest = tokens.length - index - 1
      const many: string[] = []
      while (at < args.length - rest && !args[at].startsWith('-')) many.push(args[at++])
      if (many.length === 0) return undefined
      captures[name[1]] = many
    }
  }
  return at === args.length ? captures : undefined
}

export const ok = (stdout = ''): Reply => ({ exitCode: 0, stdout })
export const fail = (exitCode: number, stderr: string): Reply => ({ exitCode, stderr })
export const json = (value: unknown): Reply => ({ exitCode: 0, stdout: JSON.stringify(value) })

/** Time moves only when code sleeps; every sleep is recorded. */
export class FakeClock implements Clock {
  time = 0
  readonly sleeps: number[] = []

  now(): number {
    return this.time
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.time += ms
    return Promise.resolve()
  }
}
