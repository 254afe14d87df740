// The probe agent: a dependency-free program bundled on its own (dist/agent/index.js). The same
// file runs in kind pods and in the test bed's network namespaces.
//   node agent.js serve --tcp 80,8080 --udp 53,81 [--host 0.0.0.0]
//   node agent.js probe --timeout-ms 1000 < targets.json
//   node agent.js session --timeout-ms 1000   (one batch per stdin line, until stdin ends)
// Exit codes: 0 the command did its work (probe results are on stdout, the last line being
// {"done":true,"count":N}); 2 usage error; 3 unreadable batch; 1 anything else.
import { probeBatch } from './batch.js'
import { formatResult, formatSummary } from './protocol.js'
import { startServers } from './serve.js'

const USAGE = `usage: agent serve [--tcp PORTS] [--udp PORTS] [--host ADDRESS]
       agent probe [--timeout-ms MS] < targets.json
       agent session [--timeout-ms MS]   (one JSON array of targets per line on stdin)
PORTS is a comma-separated list, e.g. 80,8080.`

class UsageError extends Error {}

function readFlags(args: readonly string[], known: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>()
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]
    const value = args[i + 1]
    if (!known.includes(name)) throw new UsageError(`unknown option ${name}`)
    if (value === undefined) throw new UsageError(`${name} needs a value`)
    flags.set(name, value)
  }
  return flags
}

function readPorts(list: string | undefined): number[] {
  if (list === undefined || list === '') return []
  return list.split(',').map((text) => {
    const port = Number(text)
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`bad port "${text}"`)
    return port
  })
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(text, () => resolve()))
}

async function serve(args: readonly string[]): Promise<number> {
  const flags = readFlags(args, ['--tcp', '--udp', '--host'])
  const servers = await startServers({
    tcp: readPorts(flags.get('--tcp')),
    udp: readPorts(flags.get('--udp')),
    host: flags.get('--host') ?? '0.0.0.0'
  })
  // One line once every port is bound, so a supervisor knows when the pod is ready.
  await write(`${JSON.stringify({ serving: { tcp: servers.tcp, udp: servers.udp }, pid: process.pid })}\n`)
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve())
  })
  await servers.close()
  return 0
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function readTimeout(args: readonly string[]): number {
  const flags = readFlags(args, ['--timeout-ms'])
  const timeoutMs = Number(flags.get('--timeout-ms') ?? '1000')
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) {
    throw new UsageError('--timeout-ms must be an integer from 1 to 60000')
  }
  return timeoutMs
}

/** Probes one batch and prints its results and closing record; false when the batch is unreadable. */
async function answerBatch(text: string, timeoutMs: number): Promise<boolean> {
  let results
  try {
    results = await probeBatch(text, timeoutMs)
  } catch (error) {
    process.stderr.write(`agent: ${(error as Error).message}\n`)
    return false
  }
  await write(
    results.map((result) => `${formatResult(result)}\n`).join('') + `${formatSummary(results.length)}\n`
  )
  return true
}

async function probe(args: readonly string[]): Promise<number> {
  const timeoutMs = readTimeout(args)
  return (await answerBatch(await readStdin(), timeoutMs)) ? 0 : 3
}

/**
 * `session`: the agent stays up for a whole observation and answers one batch per line, in turn,
 * so a round costs no process start (a Node start is ~0.1 s of CPU, times every source, every
 * round). The caller sends the next batch only after the previous one's closing record.
 */
async function session(args: readonly string[]): Promise<number> {
  const timeoutMs = readTimeout(args)
  let pending = ''
  for await (const chunk of process.stdin) {
    const lines = (pending + (chunk as Buffer).toString('utf8')).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (line.trim() !== '' && !(await answerBatch(line, timeoutMs))) return 3
    }
  }
  if (pending.trim() !== '' && !(await answerBatch(pending, timeoutMs))) return 3
  return 0
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv
  try {
    if (command === 'serve') return await serve(args)
    if (command === 'probe') return await probe(args)
    if (command === 'session') return await session(args)
    throw new UsageError(command === undefined ? 'no command given' : `unknown command ${command}`)
  } catch (error) {
    process.stderr.write(`agent: ${(error as Error).message}\n`)
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`)
    return error instanceof UsageError ? 2 : 1
  }
}

// Exit explicitly: a probe's leftover handle (a socket in close, a killed child) must not keep
// the exec open past the results.
// No top-level await: the bundle must not depend on how the file is loaded.
void main(process.argv.slice(2)).then((code) => process.exit(code))
