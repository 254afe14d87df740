// A hand-written fake of the whole CommandRunner: it records every call and answers from
// scripted rules matched on the argv, so tests pin exactly what reachdiff runs without a Docker
// engine, a cluster or module mocks. A call no rule answers fails, so an unexpected kind, helm,
// docker or kubectl call cannot pass unnoticed. Kept-running children (agent sessions behind
// `kubectl exec -i` or `docker exec -i`) are scripted per stdin line, with builders for what
// those print when all goes well and when it does not. Also a fake clock for polling loops.
import type { CommandOptions, CommandResult, CommandRunner, RunningCommand } from '../../src/edge/command.js'
import type { Clock } from '../../src/edge/cluster/wait.js'
import type { ProbeResult, ProbeTarget } from '../../src/edge/observe/backend.js'

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

/** How a kept-running fake child answers one line written to its stdin. */
export interface LineReply {
  /** Printed on stdout, one line each. */
  lines?: string[]
  /** After printing, the child exits with this code, leaving `stderr`. */
  exit?: { exitCode: number; stderr?: string }
}

/** A scripted kept-running child. */
export interface FakeChild {
  /** It fails before reading anything: kubectl could not set the exec up. */
  failsAtStart?: { exitCode: number; stderr: string }
  /**
   * Answers the n-th line written to its stdin (from 0), given that line; undefined: it stays
   * silent, as an agent stuck in a batch. At end of input it exits 0, as the agent does.
   */
  answer?: (line: string, n: number) => LineReply | undefined
}

/** A started child as the test sees it afterwards. */
export interface StartedChild {
  call: RecordedCall
  /** Lines written to its stdin, without their newline. */
  written: string[]
  /** Whether its stdin was closed. */
  ended: boolean
  killed: boolean
  /** Its exit code once it has exited. */
  exitCode?: number
}

interface StartRule {
  matches: (call: RecordedCall) => boolean
  children: (FakeChild | ((call: RecordedCall) => FakeChild))[]
  used: number
}

/**
 * A child that behaves like a process: what it prints arrives on a later turn of the event loop,
 * lines before its exit; a write after its exit is ignored (the pipe is gone); kill exits with
 * 128, as createProcessRunner reports a signal.
 */
function runChild(call: RecordedCall, script: FakeChild, started: StartedChild[]): RunningCommand {
  const record: StartedChild = { call, written: [], ended: false, killed: false }
  started.push(record)
  const listeners: ((text: string) => void)[] = []
  let stderr = ''
  let stuck = false
  let resolveExit: (ended: { exitCode: number; stderr: string }) => void = () => undefined
  const exited = new Promise<{ exitCode: number; stderr: string }>((resolve) => (resolveExit = resolve))
  const exit = (exitCode: number, text = ''): void => {
    if (record.exitCode !== undefined) return
    stderr += text
    record.exitCode = exitCode
    resolveExit({ exitCode, stderr })
  }
  const later = (action: () => void): void => void setImmediate(action)
  if (script.failsAtStart) {
    const { exitCode, stderr: text } = script.failsAtStart
    later(() => exit(exitCode, text))
  }
  return {
    write(text) {
      if (record.exitCode !== undefined || record.ended) return
      for (const input of text.split('\n').slice(0, -1)) {
        const n = record.written.push(input) - 1
        if (script.failsAtStart) continue
        const reply = script.answer?.(input, n)
        if (!reply) {
          stuck = true
          continue
        }
        later(() => {
          if (record.exitCode !== undefined) return
          for (const output of reply.lines ?? []) for (const listener of listeners) listener(output)
          if (reply.exit) exit(reply.exit.exitCode, reply.exit.stderr)
        })
      }
    },
    end() {
      record.ended = true
      // An agent stuck in a batch never reads the end of its input.
      if (!stuck) later(() => exit(0))
    },
    onLine: (listener) => void listeners.push(listener),
    exited,
    kill() {
      record.killed = true
      later(() => exit(128))
    }
  }
}

/** `cmd arg arg …`, for matching and for readable assertions. */
export function line(call: RecordedCall): string {
  return [call.command, ...call.args].join(' ')
}

export class FakeRunner implements CommandRunner {
  readonly calls: RecordedCall[] = []
  /** Calls no rule answered (each was rejected). */
  readonly unscripted: RecordedCall[] = []
  /** Every kept-running child started, in order: what was written to it and how it ended. */
  readonly started: StartedChild[] = []
  private readonly rules: Rule[] = []
  private readonly startRules: StartRule[] = []

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

  /**
   * Scripts kept-running children (agent sessions) whose `cmd args…` line contains `pattern` (or
   * that the function accepts): each start takes the next child in turn (or the one a function
   * makes of the call), the last one repeating.
   * Later rules win over earlier ones.
   */
  onStart(
    pattern: string | ((call: RecordedCall) => boolean),
    ...children: (FakeChild | ((call: RecordedCall) => FakeChild))[]
  ): this {
    const matches =
      typeof pattern === 'string' ? (call: RecordedCall) => line(call).includes(pattern) : pattern
    this.startRules.unshift({ matches, children, used: 0 })
    return this
  }

  /**
   * A kept-running child, as scripted by onStart. One no rule answers exits at once with 127 and
   * says so on stderr, and is recorded in `unscripted`, so an unexpected session fails loudly.
   */
  start(command: string, args: readonly string[]): RunningCommand {
    const call: RecordedCall = { command, args: [...args] }
    this.calls.push(call)
    const rule = this.startRules.find((candidate) => candidate.matches(call))
    if (!rule) {
      this.unscripted.push(call)
      const stderr = `FakeRunner: no rule answers \`${line(call)}\``
      return runChild(call, { failsAtStart: { exitCode: 127, stderr } }, this.started)
    }
    const child = rule.children[Math.min(rule.used, rule.children.length - 1)]
    rule.used++
    return runChild(call, typeof child === 'function' ? child(call) : child, this.started)
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

/** What the fake agent says a probe saw; the id is added. */
type Outcome = (target: ProbeTarget) => Omit<ProbeResult, 'id'>

/**
 * The agent's answer to one batch (src/agent/protocol.ts, formatResult and formatSummary): a
 * JSON result per target, in order, then `{"done":true,"count":N}`.
 */
export function agentAnswer(
  batch: string,
  outcome: Outcome = () => ({ outcome: 'connected', ms: 1 })
): string[] {
  const targets = JSON.parse(batch) as ProbeTarget[]
  const results = targets.map((target) => JSON.stringify({ id: target.id, ...outcome(target) }))
  return [...results, JSON.stringify({ done: true, count: targets.length })]
}

/** What a session does with one batch (its JSON line). */
export type BatchStep = (batch: string) => LineReply | undefined

/**
 * A `kubectl exec -i … agent session` (or `docker exec -i`): batch n is handled by `steps[n]`,
 * the last one repeating; with none, every batch is answered.
 */
export function agentSession(...steps: BatchStep[]): FakeChild {
  const all = steps.length > 0 ? steps : [answers()]
  return { answer: (batch, n) => all[Math.min(n, all.length - 1)](batch) }
}

/** The agent answers the batch and waits for the next. */
export const answers =
  (outcome?: Outcome): BatchStep =>
  (batch) => ({ lines: agentAnswer(batch, outcome) })

/**
 * The agent exits `code` (3: a batch it cannot read, src/agent/index.ts) and kubectl with it:
 * kubectl relays the agent's stderr, then prints `command terminated with exit code N` and exits
 * N (client-go tools/remotecommand/v4.go, errorDecoderV4 → exec.CodeExitError; kubectl
 * cmdutil.CheckErr exits with an ExitError's status).
 */
export const agentExits =
  (code: number, message: string): BatchStep =>
  () => ({
    exit: { exitCode: code, stderr: `agent: ${message}\ncommand terminated with exit code ${code}\n` }
  })

/** `docker exec` passes the agent's exit code through and adds nothing to its stderr. */
export const agentExitsInDocker =
  (code: number, message: string): BatchStep =>
  () => ({ exit: { exitCode: code, stderr: `agent: ${message}\n` } })

/**
 * The stream breaks mid-batch: kubectl exits 0 with the output cut before the closing record,
 * the remote status lost (kubernetes/kubectl#1208).
 */
export const streamBreaks =
  (kept = 1): BatchStep =>
  (batch) => ({ lines: agentAnswer(batch).slice(0, kept), exit: { exitCode: 0 } })

/** The agent never answers the batch (the caller's deadline has to end it). */
export const staysSilent: BatchStep = () => undefined

/**
 * kubectl cannot set the exec up, and exits 1 with its error before reading anything
 * (kubectl cmdutil.CheckErr: an API status as `Error from server (Reason): …`, helpers.go
 * StandardErrorMessage; anything else prefixed `error: `).
 */
export const kubectlFails = (message: string): FakeChild => ({
  failsAtStart: { exitCode: 1, stderr: `${message}\n` }
})

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
