// Cluster mode's observing half: deploy, prove every flow open before any policy (positive
// control), probe under base, probe under head, confirm every deny and whatever looks changed or
// mispredicted (a flow's confirming probes go out together, in one round), and hand back observed
// matrices of the same type as the prediction. All I/O goes through the Backend, so a kind
// cluster and the network-namespace test bed run exactly this code.
import type { Matrix, MatrixCell } from '../../core/matrix.js'
import { indexCells } from '../../core/matrix.js'
import type { Flow, Topology, Verdict } from '../../core/model.js'
import { flowKey } from '../../core/model.js'
import type { Addresses, Backend } from './backend.js'
import { assemble } from './observation.js'
import type { Observation } from './observation.js'
import { unprobeableReason } from './plan.js'
import type { Unprobed } from './plan.js'
import { probeRound } from './round.js'
import type { ProbeRecord, RoundSettings, RoundStats } from './round.js'
import { describeNoVerdict, keysOf, needsMore, probesWanted, record } from './tally.js'
import type { Limits, Tally } from './tally.js'

export { findDisagreements } from './observation.js'
export type { Observation } from './observation.js'
export { ProbeExecError } from './round.js'

/** The policy set in force while a probe ran: none yet (the positive control), base or head. */
export type ProbeSide = 'control' | 'base' | 'head'

/** A line of the probe transcript: one probe, and the policy set it ran under. */
export interface TranscribedProbe extends ProbeRecord {
  side: ProbeSide
}

export interface ObserveInput<P> {
  topology: Topology
  flows: readonly Flow[]
  base: P
  head: P
  /** Per-probe timeout. */
  timeoutMs: number
  /** `probe-retries`: extra probes of a flow that looks changed or mispredicted. */
  retries: number
  /** Extra tries of a failed exec (default 3). */
  execRetries?: number
  /** The static prediction, to re-probe and report flows where observation disagrees with it. */
  predicted?: { base?: Matrix; head?: Matrix }
  log?: (line: string) => void
  /** Receives every probe of every round as it is judged: the probe transcript. */
  transcript?: (probe: TranscribedProbe) => void
}

export class ClusterNotReadyError extends Error {
  constructor(readonly blocked: readonly { flow: Flow; seen: string }[]) {
    const shown = blocked.slice(0, 20).map(({ flow, seen }) => `  ${flowKey(flow)}: ${seen}`)
    const more = blocked.length > 20 ? [`  ... and ${blocked.length - 20} more`] : []
    super(
      `cluster not ready: ${blocked.length} flows are not allowed before any policy is applied, ` +
        `so no observed verdict could be trusted:\n${[...shown, ...more].join('\n')}`
    )
  }
}

interface Session<P> {
  backend: Backend<P>
  addresses: Addresses
  settings: RoundSettings
  limits: Limits
  rounds: RoundStats[]
  /** Which policy set the probes now run under, for the transcript. */
  inForce: { side: ProbeSide }
}

/** Each flow `copies(flow)` times over (none leaves it out): copies are independent probes in one round. */
function withCopies(flows: readonly Flow[], copies: (flow: Flow) => number): Flow[] {
  return flows.flatMap((flow) => Array.from({ length: copies(flow) }, () => flow))
}

/**
 * Probes `flows` again until each has `verdicts` probes with a verdict, turns flaky, or reaches
 * the probe limit (probes that only ever err are given up on there). Each round sends every
 * probe a flow still wants at once, so confirming a deny costs one timeout, not one per retry.
 */
async function probeUntilSettled<P>(
  s: Session<P>,
  label: string,
  tally: Tally,
  flows: readonly Flow[],
  verdicts: number
): Promise<void> {
  const limits = { ...s.limits, verdictProbes: verdicts }
  for (let round = 1; round <= limits.maxProbes; round++) {
    const pending = withCopies(flows, (flow) => probesWanted(tally.get(flowKey(flow)) ?? [], limits))
    if (pending.length === 0) return
    const result = await probeRound(s.backend, `${label} re-probe ${round}`, pending, s.addresses, s.settings)
    s.rounds.push(result.stats)
    record(tally, result.verdicts)
  }
}

/**
 * A first round over every flow, then more probes for those that only got errors. Flows in
 * `confirm` (what the prediction says is denied or changes) get all their confirming probes in
 * the first round: they would be re-probed anyway, and a round of its own costs a timeout more.
 */
async function sideRound<P>(
  s: Session<P>,
  label: string,
  flows: readonly Flow[],
  confirm: (flow: Flow) => boolean
): Promise<Tally> {
  const copies = (flow: Flow): number => (confirm(flow) ? s.limits.verdictProbes : 1)
  const tally = await firstRound(s, label, withCopies(flows, copies))
  await probeUntilSettled(s, label, tally, flows, 1)
  return tally
}

async function firstRound<P>(s: Session<P>, label: string, flows: readonly Flow[]): Promise<Tally> {
  const tally: Tally = new Map()
  const result = await probeRound(s.backend, label, flows, s.addresses, s.settings)
  s.rounds.push(result.stats)
  record(tally, result.verdicts)
  return tally
}

/** Every flow must be open before any policy; a closed one means the platform is not ready. */
async function positiveControl<P>(s: Session<P>, flows: readonly Flow[]): Promise<void> {
  const tally = await firstRound(s, 'positive control', flows)
  const isOpen = (flow: Flow): boolean =>
    tally.get(flowKey(flow))?.some((a) => a.verdict === 'allow') === true
  // Loss can close a flow once; only a flow no probe ever got through counts as blocked.
  for (let round = 1; round <= s.limits.maxProbes - 1; round++) {
    const closed = flows.filter((flow) => !isOpen(flow))
    if (closed.length === 0) return
    const result = await probeRound(
      s.backend,
      `positive control ${round + 1}`,
      closed,
      s.addresses,
      s.settings
    )
    s.rounds.push(result.stats)
    record(tally, result.verdicts)
  }
  const blocked = flows.filter((flow) => !isOpen(flow))
  if (blocked.length === 0) return
  throw new ClusterNotReadyError(
    blocked.map((flow) => ({ flow, seen: describeNoVerdict(tally.get(flowKey(flow))) }))
  )
}

/** The single verdict the probes so far agree on, or undefined (none yet, or flaky). */
function settledVerdict(tally: Tally, flow: Flow): Verdict | undefined {
  const verdicts = new Set(
    (tally.get(flowKey(flow)) ?? []).map((a) => a.verdict).filter((v) => v !== undefined)
  )
  return verdicts.size === 1 ? [...verdicts][0] : undefined
}

interface Prediction {
  base: (flow: Flow) => Verdict | undefined
  head: (flow: Flow) => Verdict | undefined
}

/** Whether the prediction denies the flow on `side`, or changes it between the sides. */
function expectsDenyOrChange(predicted: Prediction, flow: Flow, side: 'base' | 'head'): boolean {
  return predicted[side](flow) === 'deny' || predicted.base(flow) !== predicted.head(flow)
}

function predictedVerdicts(matrix: Matrix | undefined): (flow: Flow) => Verdict | undefined {
  const cells = matrix ? indexCells(matrix) : new Map<string, MatrixCell>()
  return (flow) => cells.get(flowKey(flow))?.verdict
}

/**
 * Base in force: one round, then re-probes of every deny (an answer proves an allow, but silence
 * may be a lost packet) and of what the prediction gets wrong or expects to change.
 */
interface BaseSide {
  tally: Tally
  /** Flows re-probed while base was in force. */
  early: Map<string, Flow>
}

async function observeBase<P>(
  s: Session<P>,
  flows: readonly Flow[],
  predicted: Prediction
): Promise<BaseSide> {
  const tally = await sideRound(s, 'base', flows, (flow) => expectsDenyOrChange(predicted, flow, 'base'))
  const early = flows.filter((flow) => {
    const [seen, want] = [settledVerdict(tally, flow), predicted.base(flow)]
    return seen === 'deny' || (want !== undefined && (want !== seen || want !== predicted.head(flow)))
  })
  await probeUntilSettled(s, 'base', tally, early, s.limits.verdictProbes)
  return { tally, early: keysOf(early) }
}

/** Head in force: one round, then re-probes of denies and of what changed, is mispredicted or was re-probed at base. */
async function observeHead<P>(
  s: Session<P>,
  flows: readonly Flow[],
  base: BaseSide,
  predicted: Prediction
): Promise<Tally> {
  const tally = await sideRound(
    s,
    'head',
    flows,
    (flow) => expectsDenyOrChange(predicted, flow, 'head') || base.early.has(flowKey(flow))
  )
  const suspicious = flows.filter((flow) => {
    const seen = settledVerdict(tally, flow)
    const want = predicted.head(flow)
    const mispredicted = want !== undefined && seen !== want
    const changed = seen !== settledVerdict(base.tally, flow)
    return seen === 'deny' || changed || mispredicted || base.early.has(flowKey(flow))
  })
  await probeUntilSettled(s, 'head', tally, suspicious, s.limits.verdictProbes)
  return tally
}

/** Changes seen only under head still need their base side confirmed: back to base for those. */
async function confirmBase<P>(
  s: Session<P>,
  policies: P,
  flows: readonly Flow[],
  base: Tally,
  head: Tally
): Promise<void> {
  const late = flows.filter((flow) => {
    const [before, after] = [settledVerdict(base, flow), settledVerdict(head, flow)]
    const changed = before !== undefined && after !== undefined && before !== after
    return changed && needsMore(base.get(flowKey(flow)) ?? [], s.limits)
  })
  if (late.length === 0) return
  s.settings.log(`re-applying base to re-probe ${late.length} flows that changed`)
  s.inForce.side = 'base'
  await s.backend.applyPolicies(policies)
  await probeUntilSettled(s, 'base (again)', base, late, s.limits.verdictProbes)
}

export async function observe<P>(backend: Backend<P>, input: ObserveInput<P>): Promise<Observation> {
  const notProbed: Unprobed[] = []
  const probed = input.flows.filter((flow) => {
    const reason = unprobeableReason(flow, { fromExternals: backend.sendsFromExternals === true })
    if (reason !== undefined) notProbed.push({ flow, reason })
    return reason === undefined
  })
  const log = input.log ?? (() => undefined)
  const inForce: { side: ProbeSide } = { side: 'control' }
  const transcript = input.transcript
  const settings: RoundSettings = {
    timeoutMs: input.timeoutMs,
    execRetries: input.execRetries ?? 3,
    execBackoffMs: 500,
    log,
    ...(transcript && { onProbe: (probe) => transcript({ ...probe, side: inForce.side }) })
  }
  const verdictProbes = 1 + Math.max(0, input.retries)
  const limits = { verdictProbes, maxProbes: 2 * verdictProbes }
  const addresses = await backend.deploy(input.topology)
  const s: Session<P> = { backend, addresses, settings, limits, rounds: [], inForce }

  await positiveControl(s, probed)
  const predicted = input.predicted ?? {}
  const prediction = { base: predictedVerdicts(predicted.base), head: predictedVerdicts(predicted.head) }
  inForce.side = 'base'
  const baseDiagnostics = await backend.applyPolicies(input.base)
  const base = await observeBase(s, probed, prediction)
  inForce.side = 'head'
  const headDiagnostics = await backend.applyPolicies(input.head)
  const head = await observeHead(s, probed, base, prediction)
  await confirmBase(s, input.base, probed, base.tally, head)
  return assemble(probed, base.tally, head, predicted, notProbed, {
    diagnostics: { base: baseDiagnostics, head: headDiagnostics },
    rounds: s.rounds
  })
}
