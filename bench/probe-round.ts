// Benchmark: observing a policy change in the network-namespace test bed, 20 pods × 19
// destinations × 3 protocols (TCP, UDP, ICMP), 1 s probe timeout, probe-retries 2, about a
// quarter of the flows dropped by nft under head. What it reports is what a user needs: how long
// the head side takes until its observed matrix is settled and equal to the nft drops (the ground
// truth), and how many verdicts are still wrong or flaky after the retries. Measured side by side
// in one run: on the machine as it is, then with one CPU-bound process of our own running, both
// with a prediction that foresees the drops (as the static engine does when it is right); then
// once more with a prediction that foresees none, to show what a wrong prediction costs.
// Target: 0 wrong verdicts and ≤ 5 s to a correct matrix in the first two.
//   npm run bench, or after it: node .bench/bench/probe-round.js
// Needs root, ip, nft and ping (as the test bed does) and a built agent (npm run build).
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import type { Matrix } from '../src/core/matrix.js'
import type { Flow, Pod, Topology } from '../src/core/model.js'
import { flowKey, podKey } from '../src/core/model.js'
import { observe } from '../src/edge/observe/observe.js'
import type { Observation } from '../src/edge/observe/observe.js'
import { ALL_ALLOWED } from '../test/testbed/rules.js'
import type { ExpectedVerdicts } from '../test/testbed/rules.js'
import { createTestBed, testBedSkipReason } from '../test/testbed/testbed.js'

const PODS = 20
const TIMEOUT_MS = 1000
const RETRIES = 2
const TARGET_MS = 5000
/** The busy process's own time limit: it ends by itself even if the bench dies. */
const BUSY_LIMIT_MS = 120_000

function topology(): Topology {
  const pods: Pod[] = Array.from({ length: PODS }, (_, i) => ({
    namespace: 'bench',
    name: `p${i}`,
    labels: {},
    serviceAccount: 'default',
    ports: [{ protocol: 'TCP', port: 80 }, { protocol: 'UDP', port: 81 }, { protocol: 'ICMP' }]
  }))
  return { namespaces: [{ name: 'bench', labels: {} }], pods, external: [] }
}

function flowsOf(t: Topology): Flow[] {
  return t.pods.flatMap((from) =>
    t.pods
      .filter((to) => to !== from)
      .flatMap((to) =>
        to.ports.map((p) => ({ from: podKey(from), to: podKey(to), protocol: p.protocol, port: p.port }))
      )
  )
}

/** About a quarter of the flows are dropped: every pair whose indices sum to a multiple of 4. */
function isDropped(flow: Flow): boolean {
  const index = (key: string): number => Number(key.slice(key.lastIndexOf('/p') + 2))
  return (index(flow.from) + index(flow.to)) % 4 === 0
}

function matrixOf(flows: readonly Flow[], truth: (flow: Flow) => boolean): Matrix {
  const cells = flows.map((flow) => ({
    flow,
    verdict: truth(flow) ? ('deny' as const) : ('allow' as const),
    reason: 'nft'
  }))
  return { source: 'predicted', cells }
}

/** One CPU-bound process, standing for "one other process" on the runner; ends by itself. */
function startBusy(): ChildProcess {
  const code = `const end = Date.now() + ${BUSY_LIMIT_MS}; while (Date.now() < end);`
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' })
}

function stopBusy(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/**
 * CPU seconds used by this process's finished children and their descendants (cutime + cstime
 * in /proc/self/stat, in clock ticks of 1/100 s): the agents, their sh and pings. Unlike wall
 * time, it does not depend on what else the machine runs.
 */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
  return (Number(fields[13]) + Number(fields[14])) / 100
}

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')

/** What one observation got right and how long the head side took. */
function grade(observation: Observation, flows: readonly Flow[], targeted: boolean): string[] {
  const truth = new Map(flows.map((flow) => [flowKey(flow), isDropped(flow) ? 'deny' : 'allow']))
  const head = new Map(observation.head.cells.map((cell) => [flowKey(cell.flow), cell]))
  const missing = flows.filter((flow) => !head.has(flowKey(flow))).length
  const wrong = observation.head.cells.filter((c) => !c.flaky && c.verdict !== truth.get(flowKey(c.flow)))
  const flaky = observation.head.cells.filter((c) => c.flaky).length
  const baseWrong = observation.base.cells.filter((c) => c.flaky || c.verdict !== 'allow').length
  const headRounds = observation.rounds.filter((r) => r.label.startsWith('head'))
  const headMs = headRounds.reduce((sum, r) => sum + r.ms, 0)
  const correct = wrong.length === 0 && flaky === 0 && missing === 0
  const verdict = correct ? (headMs <= TARGET_MS ? 'met' : 'MISSED') : 'MISSED'
  const example = wrong.length > 0 ? `, e.g. ${flowKey(wrong[0].flow)}: ${wrong[0].reason}` : ''
  return [
    `head side: ${headRounds.length} rounds (${headRounds.map((r) => `${r.probes} probes ${r.ms} ms`).join(', ')})`,
    `time to a correct matrix: ${correct ? `${(headMs / 1000).toFixed(1)} s` : 'never'} ` +
      (targeted ? `(target ≤ ${TARGET_MS / 1000} s: ${verdict})` : '(for comparison, no target)'),
    `wrong verdicts after retries: ${wrong.length} wrong, ${flaky} flaky, ${missing} without a verdict (target 0)${example}`,
    `base side: ${baseWrong} cells not a settled allow; whole observation ${observation.rounds.length} rounds, ${observation.rounds.reduce((s, r) => s + r.ms, 0)} ms probing`
  ]
}

async function observeOnce(
  bed: ReturnType<typeof createTestBed>,
  t: Topology,
  flows: Flow[],
  drops: ExpectedVerdicts,
  predictsDrops: boolean
): Promise<Observation> {
  return observe(bed, {
    topology: t,
    flows,
    base: ALL_ALLOWED,
    head: drops,
    timeoutMs: TIMEOUT_MS,
    retries: RETRIES,
    predicted: {
      base: matrixOf(flows, () => false),
      head: matrixOf(flows, predictsDrops ? isDropped : () => false)
    }
  })
}

/** The benchmark's report, one line each; `npm run bench` prints it as a section. */
export async function benchProbeRound(): Promise<string[]> {
  const skip = testBedSkipReason()
  if (skip) return [`skipped: ${skip}`]
  const t = topology()
  const flows = flowsOf(t)
  const dropped = flows.filter(isDropped)
  const drops: ExpectedVerdicts = { verdicts: dropped.map((flow) => ({ flow, verdict: 'deny' })) }
  const lines = [
    `${PODS} pods × ${PODS - 1} destinations × 3 protocols = ${flows.length} flows, ${dropped.length} dropped by nft under head, ` +
      `${TIMEOUT_MS} ms timeout, probe-retries ${RETRIES}, ${cpus().length} CPUs`
  ]
  // The static prediction normally foresees the drops, and its denies are confirmed in the first
  // round. The third run shows the cost when it foresees none of them (a wrong prediction).
  const conditions = [
    { name: 'as the machine is', busy: false, predictsDrops: true },
    { name: 'with one CPU-bound process of ours', busy: true, predictsDrops: true },
    { name: 'as the machine is, with a prediction that foresees no drop', busy: false, predictsDrops: false }
  ]
  for (const condition of conditions) {
    const bed = createTestBed()
    const busy = condition.busy ? startBusy() : undefined
    const before = load()
    const cpu = childCpuSeconds()
    const observation = await observeOnce(bed, t, flows, drops, condition.predictsDrops).catch(
      (error: unknown) => error as Error
    )
    if (busy) await stopBusy(busy)
    // The agents' sessions end here: only then does their CPU count as their parent's.
    await bed.cleanup()
    const used = childCpuSeconds() - cpu
    if (observation instanceof Error) {
      lines.push(
        `${condition.name} (load average ${before} before, ${load()} after): failed: ${observation.message}`
      )
      continue
    }
    const probes = observation.rounds.reduce((sum, r) => sum + r.probes, 0)
    lines.push(`${condition.name} (load average ${before} before, ${load()} after):`)
    lines.push(...grade(observation, flows, condition.predictsDrops).map((line) => `  ${line}`))
    lines.push(
      `  CPU of the probe processes (agents, sh, ping; the bed's servers excluded): ${used.toFixed(1)} s ` +
        `for ${probes} probes, ${((used / probes) * 1000).toFixed(2)} ms per probe`
    )
  }
  return lines
}

// Run directly: print the report. Imported (by bench/run.ts): do nothing until called.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = await benchProbeRound()
  console.log(`probing in the test bed\n${lines.map((line) => `  ${line}`).join('\n')}`)
}
