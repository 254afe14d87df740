// One probe per protocol. Each resolves (never rejects) within its own timeout, and tells apart
// what came back: a connection or answer, a refusal (the packet reached the host), silence
// (a policy drop is silent), or a local error that says nothing about the policy.
//
// A TCP or HTTP probe makes up to ATTEMPTS staggered tries within its timeout (UDP: resends on
// one socket) and the first answer wins. A lost SYN is otherwise only resent by the kernel after 1 s, so
// one lost packet would read as a deny; a denied flow still costs just the one timeout.
//
// Silence is judged only after a full timeout since the first packet left: on a busy machine the
// agent can be woken late, and a probe whose packet went out late must not be cut short.
import { randomBytes } from 'node:crypto'
import dgram from 'node:dgram'
import http from 'node:http'
import net from 'node:net'
import type { ProbeResult, ProbeTarget } from './protocol.js'

type Outcome = ProbeResult['outcome']
type Report = (outcome: Outcome, detail?: string, status?: number) => void
/** Starts one try, calling `sent` when its first packet is on its way; returns what stops it. */
type Attempt = (report: Report, sent: () => void) => () => void

export const ATTEMPTS = 3
/** Longest HTTP body kept as the result's detail. */
const MAX_BODY = 200

/**
 * Runs staggered attempts; the first answer (anything but `error`) settles the probe. Errors
 * settle it only once every attempt has erred; silence until `timeoutMs` is a timeout.
 */
function race(
  target: ProbeTarget,
  timeoutMs: number,
  attempt: Attempt,
  attempts = ATTEMPTS
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const started = performance.now()
    const stops: (() => void)[] = []
    const timers: NodeJS.Timeout[] = []
    let errors = 0
    let done = false
    let firstSent: number | undefined
    const sent = (): void => void (firstSent ??= performance.now())
    const finish: Report = (outcome, detail, status) => {
      if (done) return
      done = true
      for (const timer of timers) clearTimeout(timer)
      for (const stop of stops) {
        try {
          stop()
        } catch {
          // A socket or child that is already gone: nothing left to stop.
        }
      }
      const result: ProbeResult = { id: target.id, outcome, ms: Math.round(performance.now() - started) }
      if (status !== undefined) result.status = status
      if (detail !== undefined) result.detail = detail
      resolve(result)
    }
    const report: Report = (outcome, detail, status) => {
      if (outcome !== 'error') return finish(outcome, detail, status)
      if (++errors === attempts) finish(outcome, detail)
    }
    const start = (): void => {
      if (done) return
      try {
        stops.push(attempt(report, sent))
      } catch (error) {
        report('error', (error as Error).message)
      }
    }
    // Deferred past the poll phase: when a busy machine wakes the agent late, an answer already
    // waiting in the kernel is read before the probe is called a timeout. Nothing sent yet, or
    // sent late: wait on. (A probe that never sends ends at the batch's deadline, as an error.)
    const expire = (): void =>
      void setImmediate(() => {
        const waited = firstSent === undefined ? 0 : performance.now() - firstSent
        if (waited >= timeoutMs - 1) return finish('timeout', `no answer within ${timeoutMs} ms`)
        timers.push(setTimeout(expire, timeoutMs - waited))
      })
    timers.push(setTimeout(expire, timeoutMs))
    for (let i = 1; i < attempts; i++) timers.push(setTimeout(start, (i * timeoutMs) / attempts))
    start()
  })
}

/** Errors that mean "the packet reached the host and was turned away". */
function outcomeOfError(error: NodeJS.ErrnoException): Outcome {
  if (error.code === 'ECONNREFUSED') return 'refused'
  if (error.code === 'ETIMEDOUT') return 'timeout'
  return 'error'
}

function describeError(error: NodeJS.ErrnoException): string {
  return error.code ? `${error.code}: ${error.message}` : error.message
}

export function probeTcp(target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  return race(target, timeoutMs, (report, sent) => {
    const socket = net.connect({ host: target.host, port: target.port ?? 0 })
    sent()
    socket.once('connect', () => report('connected', 'TCP handshake completed'))
    socket.once('error', (error) => report(outcomeOfError(error), describeError(error)))
    return () => socket.destroy()
  })
}

export function probeHttp(target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  const { method, path } = target.http ?? { method: 'GET', path: '/' }
  return race(target, timeoutMs, (report, sent) => {
    // No keep-alive agent: every try is its own connection, as every flow is its own question.
    const request = http.request({ host: target.host, port: target.port, method, path, agent: false })
    request.once('error', (error) => report(outcomeOfError(error), describeError(error)))
    request.once('response', (response) => {
      const status = response.statusCode ?? 0
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk
      })
      const done = (): void => report('http', body.slice(0, MAX_BODY).trim(), status)
      response.once('end', done)
      response.once('error', done)
    })
    request.end()
    sent()
    return () => request.destroy()
  })
}

export function probeUdp(target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  // A random token: only an echo of this very datagram proves the round trip.
  const token = `reachdiff-${randomBytes(8).toString('hex')}`
  return race(
    target,
    timeoutMs,
    (report, sent) => {
      const socket = dgram.createSocket(net.isIPv6(target.host) ? 'udp6' : 'udp4')
      const timers: NodeJS.Timeout[] = []
      socket.once('error', (error) => report(outcomeOfError(error), describeError(error)))
      socket.on('message', (message) => {
        if (message.toString('utf8') === token) report('connected', 'UDP echo carried the token back')
      })
      // A connected socket hears of an ICMP port-unreachable (ECONNREFUSED); an unconnected one does not.
      socket.connect(target.port ?? 0, target.host, () => {
        const send = (): void =>
          socket.send(token, (error) => (error ? report('error', describeError(error)) : sent()))
        for (let i = 0; i < ATTEMPTS; i++) timers.push(setTimeout(send, (i * timeoutMs) / ATTEMPTS))
      })
      return () => {
        for (const timer of timers) clearTimeout(timer)
        socket.close()
      }
    },
    1
  )
}

/** A socket probe; ICMP targets are pinged in groups instead (ping.ts). */
export function runProbe(target: ProbeTarget, timeoutMs: number): Promise<ProbeResult> {
  if (target.protocol === 'UDP') return probeUdp(target, timeoutMs)
  if (target.protocol === 'TCP')
    return target.http ? probeHttp(target, timeoutMs) : probeTcp(target, timeoutMs)
  // Node's built-ins speak no SCTP (the planner never sends such a target), and ICMP is ping's.
  const detail = `${target.protocol} cannot be probed by a socket`
  return Promise.resolve({ id: target.id, outcome: 'error', detail, ms: 0 })
}
