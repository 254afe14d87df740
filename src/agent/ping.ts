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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEADLINE_MARGIN_MS, PING_COUNT, PING_INTERVAL_S, pingSilenceMs, pingWaitSeconds } from './limits.js'
import type { ProbeResult, ProbeTarget } from './protocol.js'

type Outcome = ProbeResult['outcome']

/**
 * Run by `sh -c` with the arguments INTERVAL WAIT FAMILY DIR, then COUNT HOST for each host. Each
 * ping is one fork and exec, its output (stdout and stderr) in `DIR/<position>`; once a ping has
 * exited, a line `<position> <its exit status>` says its file is complete. Process starts are what
 * ICMP probes cost (milliseconds each on a small VM), so none is spent on subshells.
 * A constant: the hosts reach it as arguments, never as script text.
 */
export const PING_SCRIPT = `i=$1 w=$2 f=$3 d=$4
shift 4
p=
n=0
while [ $# -ge 2 ]; do
  n=$((n + 1))
  ping "$f" -c "$1" -i "$i" -W "$w" "$2" >"$d/$n" 2>&1 &
  p="$p $!"
  shift 2
done
n=0
for x in $p; do
  n=$((n + 1))
  wait "$x"
  echo "$n $?"
done`

/** An echo reply: iputils numbers echoes from 1 (`icmp_seq=1`), BusyBox from 0 (`seq=0`). */
const REPLY = /^\d+ bytes from .*?\b(icmp_)?seq=(\d+)/

/** What ping prints when all goes to plan: header, statistics, round-trip times (iputils and BusyBox). */
const ROUTINE = [
  /^PING /,
  REPLY,
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
export function judgePing(
  status: number,
  lines: readonly string[],
  slice: { copy: number; copies: number } = { copy: 0, copies: 1 }
): { outcome: Outcome; detail: string } {
  const statistics = lines.map((line) => STATISTICS.exec(line)).find((match) => match !== null)
  const received = Number(statistics?.[2] ?? '0')
  if (slice.copies === 1 && (status === 0 || received > 0)) {
    return { outcome: 'connected', detail: 'echo reply received' }
  }
  if (slice.copies > 1 && repliedEchoes(lines).some((echo) => Math.floor(echo / PING_COUNT) === slice.copy)) {
    return { outcome: 'connected', detail: 'echo reply received' }
  }
  const unusual = lines.filter((line) => !ROUTINE.some((pattern) => pattern.test(line)))
  if (unusual.length > 0) return { outcome: 'error', detail: `ping: ${unusual.slice(-2).join('; ')}` }
  if (!statistics) return { outcome: 'error', detail: `ping exited with ${status} and no statistics` }
  // Silence is exit 1 after echoes went out (exit 0 when another copy's echoes were answered);
  // "+N errors" counts echoes that could not be sent.
  // This copy's own echoes must have gone out (at least the first of them).
  const sentOfCopy = Number(statistics[1]) - slice.copy * PING_COUNT
  const expected = received > 0 ? 0 : 1
  if (status !== expected || sentOfCopy <= 0 || /errors/.test(statistics[3])) {
    return { outcome: 'error', detail: `ping exited with ${status}: ${statistics[0]}` }
  }
  const what =
    slice.copies > 1
      ? `no reply to echoes ${slice.copy * PING_COUNT + 1}-${(slice.copy + 1) * PING_COUNT}; `
      : ''
  return { outcome: 'timeout', detail: `${what}no echo reply (${statistics[0]})` }
}

/** The echoes (0-based, in sending order) that got a reply. */
function repliedEchoes(lines: readonly string[]): number[] {
  return lines.flatMap((line) => {
    const match = REPLY.exec(line)
    return match ? [Number(match[2]) - (match[1] ? 1 : 0)] : []
  })
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

/**
 * Pings every target of the group (all of one address family), one result per target, in order.
 * Targets with the same host (copies of one flow, sent to confirm a verdict) share one ping with
 * PING_COUNT echoes per copy; each copy is judged on its own echoes, so they stay independent
 * probes at the cost of one process.
 */
export function pingGroup(targets: readonly ProbeTarget[], timeoutMs: number): Promise<ProbeResult[]> {
  const started = performance.now()
  const hosts = new Map<string, number[]>()
  targets.forEach((target, index) => hosts.set(target.host, [...(hosts.get(target.host) ?? []), index]))
  const pinged = [...hosts.entries()]
  const longest = Math.max(...pinged.map(([, indices]) => indices.length))
  const family = net.isIPv6(targets[0].host) ? '-6' : '-4'
  const dir = mkdtempSync(join(tmpdir(), 'reachdiff-ping-'))
  const args = [
    String(PING_INTERVAL_S),
    String(pingWaitSeconds(timeoutMs)),
    family,
    dir,
    ...pinged.flatMap(([host, indices]) => [String(PING_COUNT * indices.length), host])
  ]
  const budgetMs = pingSilenceMs(timeoutMs, longest) + DEADLINE_MARGIN_MS
  const results = new Array<ProbeResult | undefined>(targets.length)
  return new Promise((resolve) => {
    let stderr = ''
    let pending = ''
    let settled = false
    let answered = 0
    const child = spawn('sh', ['-c', PING_SCRIPT, 'reachdiff-ping', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    running.add(child)
    const finish = (why: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      killGroup(child)
      rmSync(dir, { recursive: true, force: true })
      const ms = Math.round(performance.now() - started)
      const problem = [why, stderr.trim()].filter(Boolean).join(': ')
      resolve(targets.map((t, i) => results[i] ?? { id: t.id, outcome: 'error', detail: problem, ms }))
    }
    const take = (line: string): void => {
      const match = /^(\d+) (\d+)$/.exec(line)
      const position = match ? Number(match[1]) - 1 : -1
      if (!match || position < 0 || position >= pinged.length) return
      const indices = pinged[position][1]
      const lines = readOutput(join(dir, String(position + 1)))
      const ms = Math.round(performance.now() - started)
      indices.forEach((index, copy) => {
        const judged = judgePing(Number(match[2]), lines, { copy, copies: indices.length })
        results[index] = { id: targets[index].id, ...judged, ms }
      })
      if (++answered === pinged.length) finish('')
    }
    const timer = setTimeout(() => finish(`ping did not finish within ${budgetMs} ms`), budgetMs)
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

/** A finished ping's output lines; none if the file is missing (the ping could not start). */
function readOutput(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
  } catch {
    return []
  }
}
