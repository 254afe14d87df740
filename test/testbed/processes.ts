// The servers of a test-bed endpoint: the real agent, and the bed's HTTP front where a case
// denies HTTP requests on a connection it allows. Long-running, so they are spawned here rather
// than through the CommandRunner, which waits for its child to finish.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FrontSpec } from './rules.js'

/** The repository root: found, not assumed, as the benchmark runs this file compiled elsewhere. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  return dir
}

const ROOT = findRoot()
/** The committed bundle, exactly what ships; REACHDIFF_AGENT points elsewhere while developing. */
export const AGENT_PATH = process.env.REACHDIFF_AGENT ?? join(ROOT, 'dist/agent/index.js')
const FRONT_PATH = join(ROOT, 'test/testbed/http-front.mjs')
/** How long a server may take to report that it is listening. */
const READY_TIMEOUT_MS = 15_000

export interface ServedEndpoint {
  namespace: string
  ip: string
  tcp: number[]
  udp: number[]
  servers: ChildProcess[]
  /** TCP ports the front has taken over, as a sorted list joined by commas. */
  fronted: string
}

/** A node program inside a namespace; resolves once it printed its first line (its ready line). */
export function startDaemon(namespace: string, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((resolve, reject) => {
    let stderr = ''
    const fail = (why: string): void => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${args.join(' ')} in ${namespace} ${why}: ${stderr.trim()}`))
    }
    const timer = setTimeout(() => fail('did not report ready'), READY_TIMEOUT_MS)
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.stdout?.once('data', () => {
      clearTimeout(timer)
      child.removeAllListeners('exit')
      child.stdout?.resume() // keep draining, so the server never blocks on a full pipe
      resolve(child)
    })
    child.once('exit', (code) => fail(`exited with ${code}`))
  })
}

/** Kills and waits, so the ports are free for whoever binds them next. */
export function stopDaemon(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

async function stopAll(e: ServedEndpoint): Promise<void> {
  await Promise.all(e.servers.map(stopDaemon))
  e.servers = []
}

/**
 * (Re)starts an endpoint's servers for the ports `fronts` takes over. Unfronted ports: the agent
 * on every address. Fronted ones: the agent on 127.0.0.1 and the front on the pod's address, so
 * no NAT is needed (a redirect would live on in conntrack for a reused 4-tuple).
 */
export async function serveEndpoint(
  e: ServedEndpoint,
  fronts: readonly FrontSpec[],
  first: boolean
): Promise<void> {
  const fronted = fronts.map((f) => f.port).sort((a, b) => a - b)
  const layout = fronted.join(',')
  if (!first && layout === e.fronted && fronts.length === 0) return
  await stopAll(e)
  e.fronted = layout
  const open = e.tcp.filter((port) => !fronted.includes(port))
  const starts: Promise<ChildProcess>[] = []
  if (open.length + e.udp.length > 0) {
    starts.push(
      startDaemon(e.namespace, [AGENT_PATH, 'serve', '--tcp', open.join(','), '--udp', e.udp.join(',')])
    )
  }
  if (fronted.length > 0) {
    starts.push(startDaemon(e.namespace, [AGENT_PATH, 'serve', '--tcp', layout, '--host', '127.0.0.1']))
    starts.push(startDaemon(e.namespace, [FRONT_PATH, e.ip, JSON.stringify(fronts)]))
  }
  e.servers = await Promise.all(starts)
}
