// The network-namespace test bed (docs/probing.md, "The test bed"): every pod and external endpoint
// is a network namespace with one veth on a bridge that lives in its own hub namespace, so the root
// namespace is never touched. Addresses are in 10.250.0.0/16 only and there is no default route:
// nothing can leave the bed. The real agent (dist/agent/index.js) serves and probes inside each
// namespace; a case's expected verdicts are enforced with nft and the bed's HTTP front (rules.ts).
// Test infrastructure, not a product mode: it implements the same Backend as the kind cluster.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Diagnostic, Topology } from '../../src/core/model.js'
import { podKey, worldKey } from '../../src/core/model.js'
import { CommandError, createProcessRunner, runChecked } from '../../src/edge/command.js'
import type { CommandRunner } from '../../src/edge/command.js'
import type { Addresses, Backend, ProbeResult, ProbeTarget } from '../../src/edge/observe/backend.js'
import { SessionPool } from '../../src/edge/observe/agent-session.js'
import { agentSessionArgs, execTimeoutMs, parseAgentOutput } from '../../src/edge/observe/plan.js'
import { AGENT_PATH, serveEndpoint, stopDaemon } from './processes.js'
import type { ServedEndpoint } from './processes.js'
import { ALL_ALLOWED, buildRules, lossScript, policyScript } from './rules.js'
import type { ExpectedVerdicts } from './rules.js'

/** Why the test bed cannot run here, or undefined. The only reasons to skip: no root, no tools. */
export function testBedSkipReason(): string | undefined {
  if (process.getuid?.() !== 0) return 'the test bed needs root (network namespaces and nft)'
  const missing = ['ip', 'nft', 'ping'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0
  )
  if (missing.length === 0) return undefined
  // CI runs as root and installs these: there a missing tool is a failure, never a silent skip.
  if (process.env.CI === 'true')
    throw new Error(`the test bed needs ${missing.join(', ')}; .ci/run should have installed them`)
  return `the test bed needs ${missing.join(', ')} (apt-get install iproute2 nftables iputils-ping)`
}

export interface TestBed extends Backend<ExpectedVerdicts> {
  /** Random packet loss in percent on every namespace's input, from now on (0 turns it off). */
  setLoss(percent: number): Promise<void>
  /** Packets the loss rule has dropped so far, over all namespaces. */
  lossDrops(): Promise<number>
  /** The namespace of an endpoint (`ns/pod` or `world/name`). */
  namespaceOf(key: string): string
  /** Runs a command inside an endpoint's namespace. */
  exec(key: string, args: readonly string[], input?: string): Promise<string>
}

interface Endpoint extends ServedEndpoint {
  key: string
  veth: string
}

function endpointsOf(topology: Topology, prefix: string): Endpoint[] {
  const listed = [
    ...topology.pods.map((pod) => ({ key: podKey(pod), ports: pod.ports })),
    ...topology.external.map((external) => ({ key: worldKey(external.name), ports: external.ports }))
  ]
  return listed.map(({ key, ports }, i) => ({
    key,
    namespace: `${prefix}-${i}`,
    veth: `${prefix}v${i}`,
    // 10.250.1.1 onwards; 250 per /24 keeps clear of .0 and .255.
    ip: `10.250.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
    tcp: ports.filter((p) => p.protocol === 'TCP' && p.port !== undefined).map((p) => p.port ?? 0),
    udp: ports.filter((p) => p.protocol === 'UDP' && p.port !== undefined).map((p) => p.port ?? 0),
    servers: [],
    fronted: ''
  }))
}

let pingDir: string | undefined

/**
 * The agent's image pings with BusyBox (ping.ts reads its output and iputils' alike). Where
 * busybox is installed (.ci/run installs it), the bed's agents ping with it too, so the bed runs
 * what the pods run, and a ping costs less: it starts without iputils' shared libraries.
 */
function agentEnv(): Record<string, string> {
  if (pingDir === undefined) {
    const busybox = spawnSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).stdout.trim()
    pingDir = ''
    if (busybox !== '') {
      pingDir = mkdtempSync(join(tmpdir(), 'reachdiff-busybox-'))
      symlinkSync(busybox, join(pingDir, 'ping'))
    }
  }
  return pingDir === '' ? {} : { PATH: `${pingDir}:${process.env.PATH ?? ''}` }
}

/** Namespaces of every bed in this process, for the exit hook. */
const liveBeds = new Set<string[]>()
// Last resort if a test process exits without its afterAll: never leave namespaces behind.
process.once('exit', () => {
  for (const created of liveBeds) for (const name of created) spawnSync('ip', ['netns', 'del', name])
  if (pingDir) rmSync(pingDir, { recursive: true, force: true })
})

export function createTestBed(runner: CommandRunner = createProcessRunner()): TestBed {
  // Short and random: several beds may run at once, and interface names must fit 15 characters.
  const prefix = `rdtb${randomBytes(2).toString('hex')}`
  const hub = `${prefix}-hub`
  const created: string[] = []
  let endpoints: Endpoint[] = []
  let loss = 0
  // One agent session per source and timeout, as the cluster keeps one `kubectl exec` per pod.
  const agentArgs = (key: string): string[] => {
    const [source, timeoutMs] = key.split(' ')
    return [
      'netns',
      'exec',
      byKey(source).namespace,
      process.execPath,
      AGENT_PATH,
      ...agentSessionArgs(Number(timeoutMs))
    ]
  }
  const sessions = new SessionPool((key) => runner.start('ip', agentArgs(key), { env: agentEnv() }))

  const byKey = (key: string): Endpoint => {
    const endpoint = endpoints.find((e) => e.key === key)
    if (!endpoint) throw new Error(`the test bed has no endpoint ${key}`)
    return endpoint
  }
  const addresses = (): Addresses => new Map(endpoints.map((e) => [e.key, e.ip]))

  /** One `ip -batch` per namespace: a bed of 20 pods is set up with a few processes, not 120. */
  const batch = (lines: readonly string[], args: readonly string[] = []): Promise<unknown> =>
    runChecked(runner, 'ip', [...args, '-batch', '-'], { input: `${lines.join('\n')}\n` })

  async function wire(): Promise<void> {
    const names = [hub, ...endpoints.map((e) => e.namespace)]
    created.push(...names)
    await batch(names.map((name) => `netns add ${name}`))
    await batch(
      [
        'link set lo up',
        'link add br0 type bridge',
        'link set br0 up',
        // The pod's end is created straight inside its namespace, as eth0.
        ...endpoints.flatMap((e) => [
          `link add ${e.veth} type veth peer name eth0 netns ${e.namespace}`,
          `link set ${e.veth} master br0 up`
        ])
      ],
      ['-n', hub]
    )
    await Promise.all(
      endpoints.map((e) =>
        batch(['link set lo up', `addr add ${e.ip}/16 dev eth0`, 'link set eth0 up'], ['-n', e.namespace])
      )
    )
  }

  const nft = (e: Endpoint, script: string): Promise<unknown> =>
    runChecked(runner, 'ip', ['netns', 'exec', e.namespace, 'nft', '-f', '-'], { input: script })

  async function install(current: ExpectedVerdicts, first = false): Promise<void> {
    const rules = buildRules(current, addresses())
    await Promise.all(
      endpoints.map(async (e) => {
        await serveEndpoint(e, rules.get(e.key)?.fronts ?? [], first)
        await nft(e, policyScript(rules.get(e.key)))
      })
    )
  }

  async function killNamespaceProcesses(name: string): Promise<void> {
    const listed = await runner.run('ip', ['netns', 'pids', name])
    for (const pid of listed.stdout.split(/\s+/).filter(Boolean).map(Number)) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }

  const bed: TestBed = {
    // Every endpoint is a namespace running the agent, externals included: any can be a source.
    sendsFromExternals: true,
    async deploy(topology) {
      if (!existsSync(AGENT_PATH))
        throw new Error(`no agent bundle at ${AGENT_PATH}: run npm run build first`)
      endpoints = endpointsOf(topology, prefix)
      await wire()
      await install(ALL_ALLOWED, true)
      await Promise.all(endpoints.map((e) => nft(e, lossScript(loss))))
      return addresses()
    },
    async applyPolicies(next): Promise<Diagnostic[]> {
      await install(next)
      return []
    },
    async probeFrom(
      source: string,
      targets: readonly ProbeTarget[],
      timeoutMs: number
    ): Promise<ProbeResult[]> {
      const key = `${source} ${timeoutMs}`
      const output = await sessions.send(key, JSON.stringify(targets), execTimeoutMs(timeoutMs, targets))
      if (output.exitCode !== 0 || output.timedOut) {
        throw new CommandError('ip', agentArgs(key), { ...output, stdoutBytes: new Uint8Array() })
      }
      return parseAgentOutput(output.stdout, targets)
    },
    async cleanup() {
      await sessions.closeAll()
      await Promise.all(endpoints.flatMap((e) => e.servers.map(stopDaemon)))
      await Promise.all(created.map(killNamespaceProcesses))
      // -force: go on past a namespace that is already gone.
      if (created.length > 0) {
        await runner.run('ip', ['-force', '-batch', '-'], {
          input: created.map((n) => `netns del ${n}\n`).join('')
        })
      }
      created.length = 0
      endpoints = []
    },
    async setLoss(percent) {
      loss = percent
      await Promise.all(endpoints.map((e) => nft(e, lossScript(loss))))
    },
    async lossDrops() {
      const listings = await Promise.all(
        endpoints.map((e) =>
          runChecked(runner, 'ip', [
            'netns',
            'exec',
            e.namespace,
            'nft',
            'list',
            'table',
            'ip',
            'reachdiff_loss'
          ])
        )
      )
      const counts = listings.flatMap((l) =>
        [...l.stdout.matchAll(/counter packets (\d+)/g)].map((m) => Number(m[1]))
      )
      return counts.reduce((sum, n) => sum + n, 0)
    },
    namespaceOf: (key) => byKey(key).namespace,
    async exec(key, args, input) {
      const result = await runChecked(runner, 'ip', ['netns', 'exec', byKey(key).namespace, ...args], {
        input
      })
      return result.stdout
    }
  }
  liveBeds.add(created)
  return bed
}
