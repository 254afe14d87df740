// The one funnel to child processes (git, kind, helm, kubectl, ip netns): argument arrays,
// never a shell, so no user data is ever parsed as shell syntax. Faked in tests.
import { spawn } from 'node:child_process'

export interface CommandOptions {
  cwd?: string
  /** Written to the child's stdin, then closed. */
  input?: string
  /** Kill the child after this long; the result then has `timedOut`. */
  timeoutMs?: number
  env?: Readonly<Record<string, string>>
}

export interface CommandResult {
  exitCode: number
  stdout: string
  stderr: string
  /** The raw bytes of stdout, for content that may not be text. */
  stdoutBytes: Uint8Array
  timedOut: boolean
}

/**
 * A child that keeps running while it is talked to: stdin stays open for more, stdout arrives
 * line by line. For the probe agent's `session`, which answers one batch per line.
 */
export interface RunningCommand {
  write(text: string): void
  /** Closes stdin: the child reads end of input. */
  end(): void
  /** Calls `listener` with every line of stdout as it arrives, without its newline. */
  onLine(listener: (line: string) => void): void
  /** Settles once the child has exited: its exit code (127 if it could not start) and stderr. */
  readonly exited: Promise<{ exitCode: number; stderr: string }>
  kill(): void
}

export interface CommandRunner {
  run(command: string, args: readonly string[], options?: CommandOptions): Promise<CommandResult>
  start(
    command: string,
    args: readonly string[],
    options?: Pick<CommandOptions, 'cwd' | 'env'>
  ): RunningCommand
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly result: CommandResult
  ) {
    const detail = result.timedOut ? 'timed out' : `exited with ${result.exitCode}`
    const stderr = result.stderr.trim().split('\n').slice(-5).join('\n')
    super(`${command} ${args.join(' ')} ${detail}${stderr ? `: ${stderr}` : ''}`)
  }
}

/** Runs and throws CommandError unless the command exits 0. */
export async function runChecked(
  runner: CommandRunner,
  command: string,
  args: readonly string[],
  options?: CommandOptions
): Promise<CommandResult> {
  const result = await runner.run(command, args, options)
  if (result.exitCode !== 0 || result.timedOut) throw new CommandError(command, args, result)
  return result
}

export function createProcessRunner(debug: (line: string) => void = () => undefined): CommandRunner {
  return {
    run(command, args, options = {}) {
      debug(`$ ${command} ${args.map((a) => JSON.stringify(a)).join(' ')}`)
      return new Promise((resolve) => {
        const child = spawn(command, [...args], {
          cwd: options.cwd,
          env: options.env ? { ...process.env, ...options.env } : process.env,
          stdio: ['pipe', 'pipe', 'pipe'],
          shell: false
        })
        const out: Buffer[] = []
        const err: Buffer[] = []
        let timedOut = false
        const timer =
          options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true
                child.kill('SIGKILL')
              }, options.timeoutMs)
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
        child.stdin.on('error', () => undefined) // a child that exits early closes its stdin
        child.stdin.end(options.input ?? '')
        const finish = (exitCode: number, extraError = ''): void => {
          if (timer) clearTimeout(timer)
          const stdoutBytes = Buffer.concat(out)
          resolve({
            exitCode,
            stdout: stdoutBytes.toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8') + extraError,
            stdoutBytes,
            timedOut
          })
        }
        child.on('error', (error) => finish(127, error.message))
        child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)))
      })
    },
    start(command, args, options = {}) {
      debug(`$ ${command} ${args.map((a) => JSON.stringify(a)).join(' ')} (kept running)`)
      const child = spawn(command, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : process.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false
      })
      const listeners: ((line: string) => void)[] = []
      let pending = ''
      let stderr = ''
      child.stdout.setEncoding('utf8')
      child.stdout.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n')
        pending = lines.pop() ?? ''
        for (const text of lines) for (const listener of listeners) listener(text)
      })
      child.stderr.on('data', (chunk: Buffer) => {
        // Kept short: a session may run for minutes, and only its last words explain an exit.
        stderr = (stderr + chunk.toString('utf8')).slice(-4000)
      })
      child.stdin.on('error', () => undefined) // a child that exits early closes its stdin
      const exited = new Promise<{ exitCode: number; stderr: string }>((resolve) => {
        child.on('error', (error) => resolve({ exitCode: 127, stderr: `${stderr}${error.message}` }))
        child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stderr }))
      })
      return {
        write: (text) => void child.stdin.write(text),
        end: () => void child.stdin.end(),
        onLine: (listener) => void listeners.push(listener),
        exited,
        kill: () => void child.kill('SIGKILL')
      }
    }
  }
}
