// Benchmark: one probe round of 20 pods × 19 destinations × 3 protocols (TCP, UDP, ICMP) with a
// 1 s timeout in the network-namespace test bed, some flows dropped by nft. The batched round
// (one agent exec per source pod, all targets at once) against a one-process-per-probe baseline
// (one agent exec per single target, a pool of workers). Target: round ≤ timeout + 2 s.
//   node --import ./scripts/ts-loader.mjs bench/probe-round.ts [--full-baseline | --round-only]
// Needs root, ip, nft and ping (as the test bed does) and a built agent (npm run build).
import { cpus } from 'node:os'
import { pathToFileURL } from 'node:url'
import type { Flow, Pod, Topology } from '../src/core/model.js'
import { flowKey, podKey } from '../src/core/model.js'
import type { Addresses } from '../src/edge/observe/backend.js'
import { planRound } from '../src/edge/observe/plan.js'
import { probeRound } from '../src/edge/observe/round.js'
import { judgeResult } from '../src/edge/observe/verdict.js'
import { createTestBed, testBedSkipReason } from '../test/testbed/testbed.js'
import type { TestBed } from '../test/testbed/testbed.js'

const PODS = 20
const TIMEOUT_MS = 1000
const TARGET_MS = TIMEOUT_MS + 2000
const RUNS = 3
const BASELINE_WORKERS = 16
/** The baseline probes every n-th flow and scales up, unless asked for all. */
const BASELINE_STRIDE = 5

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

async function batchedRound(
  bed: TestBed,
  flows: Flow[],
  addresses: Addresses,
  lines: string[]
): Promise<number> {
  const settings = { timeoutMs: TIMEOUT_MS, execRetries: 0, execBackoffMs: 0, log: () => undefined }
  const started = performance.now()
  const round = await probeRound(bed, 'bench', flows, addresses, settings)
  const ms = performance.now() - started
  const wrong = flows.filter(
    (f) => round.verdicts.get(flowKey(f))?.verdict !== (isDropped(f) ? 'deny' : 'allow')
  )
  if (wrong.length > 0) {
    lines.push(`warning: ${wrong.length} verdicts differ from the drops, e.g. ${flowKey(wrong[0])}`)
  }
  return ms
}

async function baseline(
  bed: TestBed,
  flows: Flow[],
  addresses: Addresses,
  stride: number,
  lines: string[]
): Promise<number> {
  const sample = flows.filter((_, i) => i % stride === 0)
  const plan = planRound(sample, addresses)
  const jobs = [...plan.batches].flatMap(([source, targets]) => targets.map((target) => ({ source, target })))
  const started = performance.now()
  let next = 0
  let wrong = 0
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const { source, target } = jobs[next++]
      const [result] = await bed.probeFrom(source, [target], TIMEOUT_MS)
      const flow = plan.flows.get(target.id)
      if (flow && judgeResult(flow, result, TIMEOUT_MS).verdict !== (isDropped(flow) ? 'deny' : 'allow'))
        wrong++
    }
  }
  await Promise.all(Array.from({ length: BASELINE_WORKERS }, worker))
  if (wrong > 0) lines.push(`warning: ${wrong} baseline verdicts differ from the drops`)
  return ((performance.now() - started) * flows.length) / sample.length
}

export interface ProbeRoundOptions {
  /** Measure the baseline on every flow instead of one in BASELINE_STRIDE. */
  fullBaseline?: boolean
  /** Skip the (slow) baseline. */
  roundOnly?: boolean
}

/** The benchmark's report, one line each; `npm run bench` prints it as a section. */
export async function benchProbeRound(options: ProbeRoundOptions = {}): Promise<string[]> {
  const skip = testBedSkipReason()
  if (skip) return [`skipped: ${skip}`]
  const t = topology()
  const flows = flowsOf(t)
  const dropped = flows.filter(isDropped)
  const lines: string[] = []
  const bed = createTestBed()
  try {
    const addresses = await bed.deploy(t)
    await bed.applyPolicies({ verdicts: dropped.map((flow) => ({ flow, verdict: 'deny' as const })) })
    lines.push(
      `${PODS} pods × ${PODS - 1} destinations × 3 protocols = ${flows.length} probes, ` +
        `${TIMEOUT_MS} ms timeout, ${dropped.length} dropped by nft, ${cpus().length} CPUs`
    )
    const runs: number[] = []
    for (let i = 0; i < RUNS; i++) runs.push(await batchedRound(bed, flows, addresses, lines))
    const median = [...runs].sort((a, b) => a - b)[Math.floor(RUNS / 2)]
    const met = median <= TARGET_MS ? 'met' : 'MISSED'
    lines.push(
      `batched, one exec per source pod (${PODS} execs): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
        `median ${median.toFixed(0)} ms (target ≤ ${TARGET_MS} ms, timeout + 2 s: ${met})`
    )
    if (options.roundOnly) return lines
    const stride = options.fullBaseline ? 1 : BASELINE_STRIDE
    const perProbe = await baseline(bed, flows, addresses, stride, lines)
    const scope = stride === 1 ? 'all probes' : `1 in ${stride} probes measured, scaled`
    lines.push(
      `one process per probe (${BASELINE_WORKERS} at a time): ${perProbe.toFixed(0)} ms for ${flows.length} probes (${scope})`
    )
    lines.push(`ratio: the batched round is ${(perProbe / median).toFixed(1)}× faster`)
    return lines
  } finally {
    await bed.cleanup()
  }
}

// Run directly: print the report. Imported (by bench/run.ts): do nothing until called.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const lines = await benchProbeRound({
    fullBaseline: process.argv.includes('--full-baseline'),
    roundOnly: process.argv.includes('--round-only')
  })
  console.log(`probe round in the test bed\n${lines.map((line) => `  ${line}`).join('\n')}`)
}
