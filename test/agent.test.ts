// The probe agent on loopback: every outcome it can report, and that bad input gives error
// results rather than a crash. The silent drop a timeout needs comes from a test-bed namespace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import dgram from 'node:dgram'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEADLINE_MARGIN_MS, probeBatch } from '../src/agent/batch.js'
import { ICMP_GROUP_SIZE, MAX_IN_FLIGHT } from '../src/agent/limits.js'
import { judgePing } from '../src/agent/ping.js'
import { startServers } from '../src/agent/serve.js'
import type { Servers } from '../src/agent/serve.js'
import type { Pod } from '../src/core/model.js'
import type { ProbeResult, ProbeTarget } from '../src/edge/observe/backend.js'
import { AGENT_PATH } from './testbed/processes.js'
import { createTestBed, testBedSkipReason } from './testbed/testbed.js'

const TIMEOUT_MS = 400
const hasPing = spawnSync('sh', ['-c', 'command -v ping']).status === 0

let servers: Servers
let silentTcp: net.Server
let silentUdp: dgram.Socket
let closedPort: number

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

beforeAll(async () => {
  servers = await startServers({ tcp: [0, 0], udp: [0], host: '127.0.0.1' })
  // Accepts and never answers: an HTTP request to it can only time out.
  silentTcp = net.createServer(() => undefined)
  await new Promise<void>((resolve) => silentTcp.listen(0, '127.0.0.1', resolve))
  silentUdp = dgram.createSocket('udp4')
  await new Promise<void>((resolve) => silentUdp.bind(0, '127.0.0.1', resolve))
  closedPort = await freePort()
})

afterAll(async () => {
  await servers.close()
  silentTcp.close()
  silentUdp.close()
})

async function probeOne(target: Omit<ProbeTarget, 'id'>): Promise<ProbeResult> {
  const [result] = await probeBatch(JSON.stringify([{ id: 't', ...target }]), TIMEOUT_MS)
  return result
}

describe('agent probe on loopback', () => {
  it('TCP: connected to a served port, refused on a closed one', async () => {
    expect(await probeOne({ protocol: 'TCP', host: '127.0.0.1', port: servers.tcp[0] })).toMatchObject({
      id: 't',
      outcome: 'connected'
    })
    expect(await probeOne({ protocol: 'TCP', host: '127.0.0.1', port: closedPort })).toMatchObject({
      outcome: 'refused'
    })
  })

  it('UDP: connected only when the token comes back; refused and timeout otherwise', async () => {
    const silentPort = silentUdp.address().port
    expect(await probeOne({ protocol: 'UDP', host: '127.0.0.1', port: servers.udp[0] })).toMatchObject({
      outcome: 'connected'
    })
    expect(await probeOne({ protocol: 'UDP', host: '127.0.0.1', port: closedPort })).toMatchObject({
      outcome: 'refused'
    })
    const silent = await probeOne({ protocol: 'UDP', host: '127.0.0.1', port: silentPort })
    expect(silent.outcome).toBe('timeout')
    expect(silent.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5)
  })

  it('HTTP: the server echoes method and path; a server that never answers times out', async () => {
    const http = { method: 'DELETE', path: '/a/b?c=d' }
    const answered = await probeOne({ protocol: 'TCP', host: '127.0.0.1', port: servers.tcp[1], http })
    expect(answered).toMatchObject({ outcome: 'http', status: 200 })
    expect(JSON.parse(answered.detail ?? '')).toMatchObject({ method: 'DELETE', path: '/a/b?c=d' })
    const port = (silentTcp.address() as net.AddressInfo).port
    expect(await probeOne({ protocol: 'TCP', host: '127.0.0.1', port, http })).toMatchObject({
      outcome: 'timeout'
    })
    expect(await probeOne({ protocol: 'TCP', host: '127.0.0.1', port: closedPort, http })).toMatchObject({
      outcome: 'refused'
    })
  })

  ;(hasPing ? it : it.skip)(
    `ICMP: ping answered on loopback${hasPing ? '' : ' (skipped: no ping binary)'}`,
    async () => {
      expect(await probeOne({ protocol: 'ICMP', host: '127.0.0.1' })).toMatchObject({ outcome: 'connected' })
    }
  )

  ;(hasPing ? it : it.skip)(
    'ICMP: more targets than one ping group, each answered under its own id',
    async () => {
      const targets = Array.from({ length: ICMP_GROUP_SIZE + 6 }, (_, i) => ({
        id: `i${i}`,
        protocol: 'ICMP',
        host: i % 2 ? '127.0.0.1' : '::1'
      }))
      const results = await probeBatch(JSON.stringify(targets), TIMEOUT_MS)
      expect(results.map((r) => [r.id, r.outcome])).toEqual(targets.map((t) => [t.id, 'connected']))
    }
  )

  it('malformed targets become error results for their own ids; the rest are probed', async () => {
    const input = JSON.stringify([
      { id: 'ok', protocol: 'TCP', host: '127.0.0.1', port: servers.tcp[0] },
      { id: 'name', protocol: 'TCP', host: 'example.invalid', port: 80 },
      { id: 'port', protocol: 'UDP', host: '127.0.0.1', port: 70000 },
      { id: 'icmp-port', protocol: 'ICMP', host: '127.0.0.1', port: 1 },
      { id: 'udp-http', protocol: 'UDP', host: '127.0.0.1', port: 1, http: { method: 'GET', path: '/' } },
      { id: 'sctp', protocol: 'SCTP', host: '127.0.0.1', port: 1 },
      42
    ])
    const results = await probeBatch(input, TIMEOUT_MS)
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ['ok', 'connected'],
      ['name', 'error'],
      ['port', 'error'],
      ['icmp-port', 'error'],
      ['udp-http', 'error'],
      ['sctp', 'error'],
      ['#6', 'error']
    ])
    await expect(probeBatch('not json', TIMEOUT_MS)).rejects.toThrow(/not JSON/)
    await expect(probeBatch('{"id":"x"}', TIMEOUT_MS)).rejects.toThrow(/JSON array/)
  })

  it('probes a batch concurrently: 60 silent targets cost one timeout, not sixty', async () => {
    const port = silentUdp.address().port
    const targets = Array.from({ length: 60 }, (_, i) => ({
      id: `u${i}`,
      protocol: 'UDP',
      host: '127.0.0.1',
      port
    }))
    const started = performance.now()
    const results = await probeBatch(JSON.stringify(targets), TIMEOUT_MS)
    expect(results.map((r) => [r.id, r.outcome])).toEqual(targets.map((t) => [t.id, 'timeout']))
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + DEADLINE_MARGIN_MS)
  })

  it(`keeps at most ${MAX_IN_FLIGHT} probes in flight; each probe's timeout starts with the probe`, async () => {
    // HTTP to a server that accepts and never answers: every probe lasts its full timeout.
    const port = (silentTcp.address() as net.AddressInfo).port
    const count = 2 * MAX_IN_FLIGHT + 10
    const targets = Array.from({ length: count }, (_, i) => ({
      id: `h${i}`,
      protocol: 'TCP',
      host: '127.0.0.1',
      port,
      http: { method: 'GET', path: '/' }
    }))
    const started = performance.now()
    const results = await probeBatch(JSON.stringify(targets), TIMEOUT_MS)
    const elapsed = performance.now() - started
    expect(results.map((r) => [r.id, r.outcome])).toEqual(targets.map((t) => [t.id, 'timeout']))
    // Three waves of at most MAX_IN_FLIGHT (all at once would take one timeout), and no probe
    // lost its wait to the queue: each got one full timeout, counted from its own start.
    expect(elapsed).toBeGreaterThanOrEqual(3 * TIMEOUT_MS - 5)
    for (const result of results) {
      expect(result.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 5)
      expect(result.ms).toBeLessThan(TIMEOUT_MS + DEADLINE_MARGIN_MS)
    }
  })
})

// ping's output as the real programs print it. iputils 20221126: captured from this machine's
// ping in a network namespace (a reply; an nft drop of the echo request; an nft reject in
// OUTPUT; no route). BusyBox: networking/ping.c at mirror/busybox@371fe9f7 (the "PING %s (%s):
// %d data bytes" header, print_stats_and_exit, and create_icmp_socket dying with
// bb_msg_perm_denied_are_you_root, exit 1, from libbb/messages.c).
const IPUTILS_SILENCE = [
  'PING 10.251.0.1 (10.251.0.1) 56(84) bytes of data.',
  '--- 10.251.0.1 ping statistics ---',
  '2 packets transmitted, 0 received, 100% packet loss, time 204ms'
]
const BUSYBOX_SILENCE = [
  'PING 10.244.1.9 (10.244.1.9): 56 data bytes',
  '--- 10.244.1.9 ping statistics ---',
  '2 packets transmitted, 0 packets received, 100% packet loss'
]

describe('judgePing: what ping printed, stderr included', () => {
  it('a reply is connected', () => {
    const lines = [
      'PING 10.251.0.1 (10.251.0.1) 56(84) bytes of data.',
      '64 bytes from 10.251.0.1: icmp_seq=2 ttl=64 time=0.069 ms',
      '--- 10.251.0.1 ping statistics ---',
      '2 packets transmitted, 1 received, 50% packet loss, time 205ms',
      'rtt min/avg/max/mdev = 0.069/0.069/0.069/0.000 ms'
    ]
    expect(judgePing(0, lines).outcome).toBe('connected')
  })

  it('echoes sent and none answered, nothing else said: silence (iputils and BusyBox)', () => {
    expect(judgePing(1, IPUTILS_SILENCE)).toEqual({
      outcome: 'timeout',
      detail: 'no echo reply (2 packets transmitted, 0 received, 100% packet loss, time 204ms)'
    })
    expect(judgePing(1, BUSYBOX_SILENCE).outcome).toBe('timeout')
  })

  it("BusyBox's socket error exits 1 like silence: its stderr makes it an error", () => {
    const lines = ['PING 10.244.1.9 (10.244.1.9): 56 data bytes', 'ping: permission denied (are you root?)']
    expect(judgePing(1, lines)).toEqual({
      outcome: 'error',
      detail: 'ping: ping: permission denied (are you root?)'
    })
    expect(
      judgePing(1, ['PING 10.244.1.9 (10.244.1.9): 56 data bytes', 'ping: sendto: Network is unreachable'])
    ).toMatchObject({ outcome: 'error' })
  })

  it('unsent echoes, ICMP errors, other exit codes and missing statistics are errors', () => {
    const rejected = [
      'PING 10.251.0.1 (10.251.0.1) 56(84) bytes of data.',
      'ping: sendmsg: Operation not permitted',
      'From 10.251.0.1 icmp_seq=1 Destination Port Unreachable',
      '--- 10.251.0.1 ping statistics ---',
      '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 204ms'
    ]
    expect(judgePing(1, rejected)).toMatchObject({
      outcome: 'error',
      detail: expect.stringMatching(/Unreachable/)
    })
    expect(judgePing(1, [...IPUTILS_SILENCE.slice(0, 2), rejected[4]]).outcome).toBe('error')
    expect(judgePing(2, ['ping: connect: Network is unreachable'])).toMatchObject({ outcome: 'error' })
    expect(judgePing(2, IPUTILS_SILENCE).outcome).toBe('error')
    expect(judgePing(1, []).outcome).toBe('error')
    expect(judgePing(127, ['sh: 1: ping: not found']).outcome).toBe('error')
  })
})

describe('judgePing with copies: one ping carries three echoes per probe of the flow', () => {
  // Two copies share `ping -c 6`; copy 0 owns echoes 1-3, copy 1 echoes 4-6.
  const iputils = (replied: number[], received = replied.length): string[] => [
    'PING 10.251.0.1 (10.251.0.1) 56(84) bytes of data.',
    ...replied.map((seq) => `64 bytes from 10.251.0.1: icmp_seq=${seq} ttl=64 time=0.069 ms`),
    '--- 10.251.0.1 ping statistics ---',
    `6 packets transmitted, ${received} received, ${Math.round(100 - (received / 6) * 100)}% packet loss, time 505ms`
  ]
  const copies = (status: number, lines: string[]): string[] =>
    [0, 1].map((copy) => judgePing(status, lines, { copy, copies: 2 }).outcome)

  it('each copy is judged on its own echoes: a reply to one copy is not an answer for the other', () => {
    expect(copies(0, iputils([1, 2, 3, 4, 5, 6]))).toEqual(['connected', 'connected'])
    expect(copies(0, iputils([5]))).toEqual(['timeout', 'connected'])
    expect(copies(0, iputils([2]))).toEqual(['connected', 'timeout'])
    expect(copies(1, iputils([]))).toEqual(['timeout', 'timeout'])
  })

  it("reads BusyBox's numbering, which starts at seq=0", () => {
    const lines = [
      'PING 10.244.1.9 (10.244.1.9): 56 data bytes',
      '64 bytes from 10.244.1.9: seq=3 ttl=64 time=0.123 ms',
      '--- 10.244.1.9 ping statistics ---',
      '6 packets transmitted, 1 packets received, 83% packet loss'
    ]
    expect(copies(0, lines)).toEqual(['timeout', 'connected'])
  })

  it('a copy whose echoes never went out, or an error line, is an error, never a deny', () => {
    const cut = [
      ...iputils([]).slice(0, 2),
      '3 packets transmitted, 0 received, 100% packet loss, time 205ms'
    ]
    expect(judgePing(1, cut, { copy: 1, copies: 2 }).outcome).toBe('error')
    const unreachable = [
      ...iputils([1]).slice(0, 2),
      'From 10.251.0.1 icmp_seq=4 Destination Host Unreachable'
    ]
    expect(judgePing(0, [...unreachable, ...iputils([1]).slice(2)], { copy: 1, copies: 2 }).outcome).toBe(
      'error'
    )
  })
})

describe('agent bundle (dist/agent/index.js)', () => {
  const run = (args: string[], input: string): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [AGENT_PATH, ...args], { input, encoding: 'utf8', timeout: 20_000 })

  it('prints one result per target, then the closing record, and exits 0', () => {
    const input = JSON.stringify([
      { id: 'a', protocol: 'TCP', host: '127.0.0.1', port: servers.tcp[0] },
      { id: 'b', protocol: 'TCP', host: 'nope', port: 1 }
    ])
    const res = run(['probe', '--timeout-ms', '500'], input)
    expect(res.status).toBe(0)
    const lines = String(res.stdout)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((l) => l.outcome ?? l.done)).toEqual(['connected', 'error', true])
    expect(lines[2]).toEqual({ done: true, count: 2 })
  })

  it("reads ping's stderr: a ping that cannot open its socket is an error, not a deny", () => {
    // A stand-in for BusyBox ping without NET_RAW: the header on stdout, the error on stderr,
    // exit 1 (networking/ping.c create_icmp_socket, as cited above).
    const dir = mkdtempSync(join(tmpdir(), 'rd-ping-'))
    try {
      const fake = join(dir, 'ping')
      writeFileSync(
        fake,
        '#!/bin/sh\necho "PING 10.244.1.9 (10.244.1.9): 56 data bytes"\n' +
          'echo "ping: permission denied (are you root?)" >&2\nexit 1\n'
      )
      chmodSync(fake, 0o755)
      const res = spawnSync(process.execPath, [AGENT_PATH, 'probe', '--timeout-ms', '500'], {
        input: JSON.stringify([{ id: 'i', protocol: 'ICMP', host: '10.244.1.9' }]),
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` }
      })
      const [result] = String(res.stdout)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(result).toMatchObject({ id: 'i', outcome: 'error' })
      expect(result.detail).toMatch(/permission denied \(are you root\?\)/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('session: answers one batch per line, each closed by its own record, until stdin ends', () => {
    const batch = (id: string): string =>
      JSON.stringify([{ id, protocol: 'TCP', host: '127.0.0.1', port: servers.tcp[0] }])
    const res = run(['session', '--timeout-ms', '500'], `${batch('a')}\n\n${batch('b')}\n[]`)
    expect(res.status).toBe(0)
    const lines = String(res.stdout)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.map((l) => l.id ?? l.count)).toEqual(['a', 1, 'b', 1, 0])
  })

  it('session: an unreadable line ends the session with exit 3 after the batches before it', () => {
    const ok = JSON.stringify([{ id: 'a', protocol: 'TCP', host: '127.0.0.1', port: servers.tcp[0] }])
    const res = run(['session', '--timeout-ms', '500'], `${ok}\ngarbage\n${ok}\n`)
    expect(res.status).toBe(3)
    expect(String(res.stdout).trim().split('\n')).toHaveLength(2)
  })

  it('exits 3 on an unreadable batch and 2 on a usage error, without a closing record', () => {
    const garbage = run(['probe'], 'garbage')
    expect([garbage.status, garbage.stdout]).toEqual([3, ''])
    expect(run(['probe', '--timeout-ms', 'x'], '[]').status).toBe(2)
    expect(run(['launch'], '').status).toBe(2)
    expect(run(['serve', '--tcp', '80,http'], '').status).toBe(2)
  })
})

const skip = testBedSkipReason()
;(skip ? describe.skip : describe)(`agent in the test bed${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const bed = createTestBed()
  let addresses: ReadonlyMap<string, string> = new Map()
  const host = (key: string): string => addresses.get(key) ?? ''
  const pod = (name: string): Pod => ({
    namespace: 'x',
    name,
    labels: {},
    serviceAccount: 'default',
    ports: [{ protocol: 'TCP', port: 80 }, { protocol: 'ICMP' }]
  })
  beforeAll(async () => {
    addresses = await bed.deploy({
      namespaces: [{ name: 'x', labels: {} }],
      pods: [pod('a'), pod('b')],
      external: []
    })
  }, 30_000)
  afterAll(() => bed.cleanup())

  it('a silent nft drop is a timeout after the probe timeout, not an error', async () => {
    await bed.applyPolicies({
      verdicts: [{ flow: { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80 }, verdict: 'deny' }]
    })
    const [dropped] = await bed.probeFrom(
      'x/a',
      [{ id: 'd', protocol: 'TCP', host: host('x/b'), port: 80 }],
      500
    )
    expect(dropped).toMatchObject({ id: 'd', outcome: 'timeout' })
    expect(dropped.ms).toBeGreaterThanOrEqual(495)
    const [open] = await bed.probeFrom(
      'x/b',
      [{ id: 'o', protocol: 'TCP', host: host('x/a'), port: 80 }],
      500
    )
    expect(open.outcome).toBe('connected')
  })

  it('ICMP: a dropped echo is a timeout; no route is an error, never a deny', async () => {
    await bed.applyPolicies({
      verdicts: [{ flow: { from: 'x/a', to: 'x/b', protocol: 'ICMP' }, verdict: 'deny' }]
    })
    const results = await bed.probeFrom(
      'x/a',
      [
        { id: 'dropped', protocol: 'ICMP', host: host('x/b') },
        // The bed's namespaces have no default route: ping cannot even send.
        { id: 'nowhere', protocol: 'ICMP', host: '192.0.2.1' }
      ],
      500
    )
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ['dropped', 'timeout'],
      ['nowhere', 'error']
    ])
    expect(results[1].detail).toMatch(/Network is unreachable/)
    const [open] = await bed.probeFrom('x/b', [{ id: 'o', protocol: 'ICMP', host: host('x/a') }], 500)
    expect(open.outcome).toBe('connected')
  })

  it('ICMP copies of one flow share a ping and each gets its own verdict', async () => {
    await bed.applyPolicies({
      verdicts: [{ flow: { from: 'x/a', to: 'x/b', protocol: 'ICMP' }, verdict: 'deny' }]
    })
    const copies = (to: string): ProbeTarget[] =>
      ['c0', 'c1', 'c2'].map((id) => ({ id, protocol: 'ICMP', host: host(to) }))
    const denied = await bed.probeFrom('x/a', copies('x/b'), 500)
    expect(denied.map((r) => [r.id, r.outcome])).toEqual([
      ['c0', 'timeout'],
      ['c1', 'timeout'],
      ['c2', 'timeout']
    ])
    expect(denied[2].detail).toMatch(/^no reply to echoes 7-9/)
    const open = await bed.probeFrom('x/b', copies('x/a'), 500)
    expect(open.map((r) => r.outcome)).toEqual(['connected', 'connected', 'connected'])
  })
})
