// ICMP probes. Node has no ICMP sockets, so `ping` does the work: iputils in the test bed,
// BusyBox in the agent's Alpine image. One `sh` runs the pings of a whole group of targets, so
// the agent starts one process per group instead of one per target, and its event loop (which
// times the TCP and UDP probes of the same batch) is not held up by dozens of spawns.
//
// ping's own timers decide silence (`-W`, counted by ping from its last echo), so a ping that a
// busy machine starts late still gets its full wait. The verdict comes from everything ping
// printed, stderr included: only a ping that sent its echoes and reports none received, with
// nothing else to say, is silence. A socket or permission error is an error, never a deny.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import net from 'node:net'
import { DEADLINE_MARGIN_MS, PING_COUNT, PING_INTERVAL_S, pingSilenceMs, pingWaitSeconds } from './limits.js'
import type { ProbeResult, ProbeTarget } from './protocol.js'

type Outcome = ProbeResult['outcome']

/**
 * Run by `sh -c` with the arguments COUNT INTERVAL WAIT FAMILY HOST...; prints one line per host,
 * `<position> <ping's exit status> <ping's output, stdout and stderr, lines joined by |>`.
 * A constant: the hosts reach it as arguments, never as script text.
 */
export const PING_SCRIPT = `run() {
  o=$(ping "$f" -c "$c" -i "$i" -W "$w" "$2" 2>&1)
  s=$?
  set -f
  IFS='
'
  set -- "$1" $o
  n=$1
  shift
  IFS='|'
  printf '%s %s %s\\n' "$n" "$s" "$*"
}
c=$1 i=$2 w=$3 f=$4
shift 4
n=0
for h in "$@"; do
  n=$((n + 1))
  run "$n" "$h" &
done
wait`

/** What ping prints when all goes to plan: header, statistics, round-trip times (iputils and BusyBox). */
const ROUTINE = [
  /^PING /,
  /^--- .* ping statistics ---$/,
  /^\d+ packets transmitted, \d+ (packets )?received/,
  /^(rtt|round-trip) /
]
const STATISTICS = /^(\d+) packets transmitted, (\d+) (?:packets )?received(.*)$/

/**
 * What one ping said, from its exit status and its output lines. Formats: iputils 20221126
 * (`ping/ping_common.c`: "N packets transmitted, N received, +N errors, ...") and BusyBox
 * (`networking/ping.c` print_stats_and_exit: "N packets transmitted, N packets received, ...";
 * it exits 1 both on silence and on errors such as "permission denied (are you root?)", so the
 * exit status alone cannot tell them apart).
 */
export function judgePing(status: number, lines: readonly string[]): { outcome: Outcome; detail: string } {
  const statistics = lines.map((line) => STATISTICS.exec(line)).find((match) => match !== null)
  const received = Number(statistics?.[2] ?? '0')
  if (status === 0 || received > 0) return { outcome: 'connected', detail: 'echo reply received' }
  const unusual = lines.filter((line) => !ROUTINE.some((pattern) => pattern.test(line)))
  if (unusual.length > 0) return { outcome: 'error', detail: `ping: ${unusual.slice(-2).join('; ')}` }
  if (!statistics) return { outcome: 'error', detail: `ping exited with ${status} and no statistics` }
  // Silence is exit 1 after echoes went out; "+N errors" counts echoes that could not be sent.
  if (status !== 1 || statistics[1] === '0' || /errors/.test(statistics[3])) {
    return { outcome: 'error', detail: `ping exited with ${status}: ${statistics[0]}` }
  }
  return { outcome: 'timeout', detail: `no echo reply (${statistics[0]})` }
}

/** Groups still running, so an abandoned batch can stop them (they run in their own process group). */
const running = new Set<ChildProcess>()

function killGroup(child: ChildProcess): void {
  running.delete(child)
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // The group is already gone.
  }
}

/** Stops every ping group still running (the batch gave up on them). */
export function stopPings(): void {
  for (const child of [...running]) killGroup(child)
}

/** Pings every target of the group (all of one address family), one result per target, in order. */
export function pingGroup(targets: readonly ProbeTarget[], timeoutMs: number): Promise<ProbeResult[]> {
  const started = performance.now()
  const family = net.isIPv6(targets[0].host) ? '-6' : '-4'
  const args = [String(PING_COUNT), String(PING_INTERVAL_S), String(pingWaitSeconds(timeoutMs)), family]
  const results = new Array<ProbeResult | undefined>(targets.length)
  return new Promise((resolve) => {
    let stderr = ''
    let pending = ''
    let settled = false
    let answered = 0
    const child = spawn('sh', ['-c', PING_SCRIPT, 'reachdiff-ping', ...args, ...targets.map((t) => t.host)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    running.add(child)
    const finish = (why: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      killGroup(child)
      const ms = Math.round(performance.now() - started)
      const problem = [why, stderr.trim()].filter(Boolean).join(': ')
      resolve(targets.map((t, i) => results[i] ?? { id: t.id, outcome: 'error', detail: problem, ms }))
    }
    const take = (line: string): void => {
      const match = /^(\d+) (\d+) ?(.*)$/.exec(line)
      const index = match ? Number(match[1]) - 1 : -1
      if (!match || index < 0 || index >= targets.length) return
      const judged = judgePing(Number(match[2]), match[3] === '' ? [] : match[3].split('|'))
      const ms = Math.round(performance.now() - started)
      if (results[index] === undefined) answered++
      results[index] = { id: targets[index].id, ...judged, ms }
      if (answered === targets.length) finish('')
    }
    const timer = setTimeout(
      () => finish(`ping did not finish within ${pingSilenceMs(timeoutMs) + DEADLINE_MARGIN_MS} ms`),
      pingSilenceMs(timeoutMs) + DEADLINE_MARGIN_MS
    )
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) take(line)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 500) stderr += chunk.toString('utf8')
    })
    child.once('error', (error) => finish(`cannot run sh for ping: ${error.message}`))
    child.once('close', (code) => finish(`the ping group exited with ${code ?? 'a signal'}`))
  })
}
