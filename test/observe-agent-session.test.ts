// Agent sessions as the observing side sees them: a kept-running agent answers batch after
// batch, and whatever goes wrong with it (exit, broken stream, overrun) reads like the output of
// a failed one-shot run, ends the session, and the next batch gets a fresh one.
import { describe, expect, it } from '@jest/globals'
import type { RunningCommand } from '../src/edge/command.js'
import { AgentSession, SessionPool } from '../src/edge/observe/agent-session.js'

/** A scripted agent: answers each stdin line with `reply(line, n)` lines, or exits as told. */
class FakeAgent implements RunningCommand {
  readonly received: string[] = []
  killed = false
  stdinEnded = false
  private listeners: ((line: string) => void)[] = []
  gone = false
  private resolveExit!: (ended: { exitCode: number; stderr: string }) => void
  readonly exited = new Promise<{ exitCode: number; stderr: string }>(
    (resolve) => (this.resolveExit = resolve)
  )

  private exit(ended: { exitCode: number; stderr: string }): void {
    this.gone = true
    this.resolveExit(ended)
  }

  constructor(
    private readonly reply: (
      batch: string,
      n: number
    ) => string[] | { exitCode: number; stderr: string } | 'hang'
  ) {}

  write(text: string): void {
    const batch = text.replace(/\n$/, '')
    this.received.push(batch)
    const answer = this.reply(batch, this.received.length)
    if (answer === 'hang') return
    if (!Array.isArray(answer)) return void queueMicrotask(() => this.exit(answer))
    queueMicrotask(() => answer.forEach((line) => this.listeners.forEach((listener) => listener(line))))
  }
  end(): void {
    this.stdinEnded = true
    this.exit({ exitCode: 0, stderr: '' })
  }
  onLine(listener: (line: string) => void): void {
    this.listeners.push(listener)
  }
  kill(): void {
    this.killed = true
    this.exit({ exitCode: 137, stderr: '' })
  }
}

const result = (id: string): string => JSON.stringify({ id, outcome: 'connected', ms: 1 })
const closing = (count: number): string => JSON.stringify({ done: true, count })
const echo = (batch: string): string[] => {
  const ids = (JSON.parse(batch) as { id: string }[]).map((t) => t.id)
  return [...ids.map(result), closing(ids.length)]
}
const batchOf = (...ids: string[]): string => JSON.stringify(ids.map((id) => ({ id })))

describe('AgentSession', () => {
  it('answers batch after batch from one agent, each up to its closing record', async () => {
    const agent = new FakeAgent(echo)
    const session = new AgentSession(agent)
    expect(await session.send(batchOf('a', 'b'), 1000)).toEqual({
      exitCode: 0,
      stdout: [result('a'), result('b'), closing(2)].join('\n'),
      stderr: '',
      timedOut: false
    })
    expect((await session.send(batchOf('c'), 1000)).stdout).toBe([result('c'), closing(1)].join('\n'))
    expect(agent.received).toEqual([batchOf('a', 'b'), batchOf('c')])
  })

  it('an agent that exits mid-batch gives its exit code, stderr and what it printed, and is closed', async () => {
    const session = new AgentSession(
      new FakeAgent(() => ({ exitCode: 3, stderr: 'agent: stdin is not JSON' }))
    )
    const output = await session.send('garbage', 1000)
    expect(output).toMatchObject({ exitCode: 3, stderr: 'agent: stdin is not JSON', timedOut: false })
    expect(session.closed).toBe(true)
    expect((await session.send(batchOf('a'), 1000)).exitCode).toBe(3)
  })

  it('a batch that overruns its deadline is timedOut and the agent is killed', async () => {
    const agent = new FakeAgent(() => 'hang')
    const output = await new AgentSession(agent).send(batchOf('a'), 20)
    expect(output.timedOut).toBe(true)
    expect(agent.killed).toBe(true)
  })
})

describe('SessionPool', () => {
  it('keeps one session per source across rounds and opens a fresh one after a failure', async () => {
    const started: FakeAgent[] = []
    const pool = new SessionPool((source) => {
      // The first agent started, x/a's, exits without a word on its second batch: a broken stream.
      const dies = started.length === 0 && source === 'x/a'
      const agent = new FakeAgent((batch, n) => (dies && n === 2 ? { exitCode: 0, stderr: '' } : echo(batch)))
      started.push(agent)
      return agent
    })
    await pool.send('x/a', batchOf('1'), 1000)
    await pool.send('x/b', batchOf('2'), 1000)
    const broken = await pool.send('x/a', batchOf('3'), 1000)
    expect(broken).toMatchObject({ exitCode: 0, stdout: '' })
    expect(started).toHaveLength(2)
    expect((await pool.send('x/a', batchOf('4'), 1000)).stdout).toContain('"id":"4"')
    expect(started).toHaveLength(3)
    await pool.closeAll()
    expect(started.map((agent) => agent.gone)).toEqual([true, true, true])
  })

  it('beyond its cap, closes the session used longest ago before opening another', async () => {
    const started = new Map<string, FakeAgent[]>()
    const pool = new SessionPool((source) => {
      const agent = new FakeAgent(echo)
      started.set(source, [...(started.get(source) ?? []), agent])
      return agent
    }, 2)
    for (const source of ['a', 'b', 'a', 'c', 'a', 'b']) await pool.send(source, batchOf(source), 1000)
    // a stays open throughout (always recently used); b is closed for c, and c for b again.
    expect([...started].map(([source, agents]) => [source, agents.length])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 1]
    ])
    expect(started.get('b')?.[0].stdinEnded).toBe(true)
    expect(started.get('a')?.[0].stdinEnded).toBe(false)
    await pool.closeAll()
  })
})
