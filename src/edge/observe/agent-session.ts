// Agent sessions: one `agent session` per source, kept running for the whole observation and fed
// one batch per line, so a probe round costs no process start (for kubectl, no exec set-up). A
// Node start alone is ~0.1 s of CPU; twenty sources over ten rounds spent more CPU starting agents
// than probing. What a batch gets back reads like the output of one `agent probe` run, so each
// Backend judges it with the parser it already has: closing record, exit code and stderr alike.
import type { CommandResult, RunningCommand } from '../command.js'

/** How long a closing session may take to exit on its own before it is killed. */
const CLOSE_GRACE_MS = 2000

/** What one batch of a session came to, in the shape of a finished command's result. */
export type BatchOutput = Omit<CommandResult, 'stdoutBytes'>

const isClosingRecord = (line: string): boolean => {
  if (!line.includes('"done"')) return false
  try {
    return (JSON.parse(line) as { done?: unknown }).done === true
  } catch {
    return false
  }
}

export class AgentSession {
  private lines: string[] = []
  private answer?: (output: BatchOutput) => void
  private queue: Promise<unknown> = Promise.resolve()
  private ended?: { exitCode: number; stderr: string }

  constructor(private readonly child: RunningCommand) {
    child.onLine((line) => {
      this.lines.push(line)
      if (isClosingRecord(line)) this.settle({ exitCode: 0, stderr: '', timedOut: false })
    })
    void child.exited.then((ended) => {
      this.ended = ended
      this.settle({ ...ended, timedOut: false })
    })
  }

  /** Whether the agent has exited: its session can answer nothing more. */
  get closed(): boolean {
    return this.ended !== undefined
  }

  /**
   * Sends one batch (the JSON text of its targets, a single line) and resolves with what came
   * back up to the closing record, or up to the agent's exit, or `timedOut` after `deadlineMs`
   * (the session is then killed: a batch that overran may still be writing). Never rejects.
   */
  send(batch: string, deadlineMs: number): Promise<BatchOutput> {
    const turn = this.queue.then(() => this.exchange(batch, deadlineMs))
    this.queue = turn
    return turn
  }

  private exchange(batch: string, deadlineMs: number): Promise<BatchOutput> {
    if (this.ended) return Promise.resolve({ ...this.ended, stdout: '', timedOut: false })
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill()
        this.settle({ exitCode: 137, stderr: '', timedOut: true })
      }, deadlineMs)
      this.lines = []
      this.answer = (output) => {
        clearTimeout(timer)
        resolve(output)
      }
      this.child.write(`${batch}\n`)
    })
  }

  private settle(output: Omit<BatchOutput, 'stdout'>): void {
    const answer = this.answer
    if (!answer) return
    this.answer = undefined
    answer({ ...output, stdout: this.lines.join('\n') })
    this.lines = []
  }

  /** Ends the agent's input and waits for it to exit; kills it if it lingers. */
  async close(): Promise<void> {
    if (this.ended) return
    this.child.end()
    let timer: NodeJS.Timeout | undefined
    const lingering = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.child.kill()
        resolve()
      }, CLOSE_GRACE_MS)
    })
    await Promise.race([this.child.exited.then(() => undefined), lingering])
    clearTimeout(timer)
  }
}

/**
 * One session per source, opened on first use and opened afresh after a failure. At most
 * `maxOpen` stay open: opening one more first closes the one used longest ago that is not busy.
 */
export class SessionPool {
  private readonly open = new Map<string, AgentSession>()
  private readonly busy = new Map<string, number>()
  /** Set by closeAll: a batch still on its way (a retry after a failed round) must not reopen one. */
  private shut = false

  constructor(
    private readonly start: (source: string) => RunningCommand,
    private readonly maxOpen = Number.POSITIVE_INFINITY
  ) {}

  /** Runs one batch in `source`'s session; a batch that did not end with its closing record ends the session. */
  async send(source: string, batch: string, deadlineMs: number): Promise<BatchOutput> {
    // Busy before its session is found: a concurrent open must not close the one it is about to get.
    this.busy.set(source, (this.busy.get(source) ?? 0) + 1)
    try {
      const session = await this.sessionOf(source)
      if (!session)
        return { exitCode: 1, stdout: '', stderr: 'the agent sessions are closed', timedOut: false }
      const output = await session.send(batch, deadlineMs)
      if (output.exitCode !== 0 || output.timedOut || session.closed) await this.drop(source, session)
      return output
    } finally {
      this.busy.set(source, (this.busy.get(source) ?? 1) - 1)
    }
  }

  /** Ends `source`'s session, e.g. after an answer its caller could not read; the next batch opens a new one. */
  async discard(source: string): Promise<void> {
    await this.drop(source, this.open.get(source))
  }

  private async sessionOf(source: string): Promise<AgentSession | undefined> {
    const existing = this.open.get(source)
    if (existing && !existing.closed) {
      // Most recently used last: Map keeps insertion order.
      this.open.delete(source)
      this.open.set(source, existing)
      return existing
    }
    if (existing) this.open.delete(source)
    while (this.open.size >= this.maxOpen) {
      const idle = [...this.open.keys()].find((key) => (this.busy.get(key) ?? 0) === 0)
      if (idle === undefined) break
      await this.drop(idle, this.open.get(idle))
    }
    if (this.shut) return undefined
    // Another batch of the same source may have opened one while this waited for a close.
    const opened = this.open.get(source)
    if (opened && !opened.closed) return opened
    const session = new AgentSession(this.start(source))
    this.open.set(source, session)
    return session
  }

  private async drop(source: string, session: AgentSession | undefined): Promise<void> {
    if (this.open.get(source) === session) this.open.delete(source)
    await session?.close()
  }

  /** Closes every session; batches sent afterwards fail without opening one. */
  async closeAll(): Promise<void> {
    this.shut = true
    const sessions = [...this.open.values()]
    this.open.clear()
    await Promise.all(sessions.map((session) => session.close()))
  }
}
