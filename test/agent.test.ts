// The probe agent on loopback: every outcome it can report, and that bad input gives error
// results rather than a crash. The silent drop a timeout needs comes from a test-bed namespace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import dgram from 'node:dgram'
import net from 'node:net'
import { DEADLINE_MARGIN_MS, probeBatch } from '../src/agent/batch.js'
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
    expect(results.every((r) => r.outcome === 'timeout')).toBe(true)
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + DEADLINE_MARGIN_MS)
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
  afterAll(() => bed.cleanup())

  it('a silent nft drop is a timeout after the probe timeout, not an error', async () => {
    const port = { protocol: 'TCP' as const, port: 80 }
    const pod = (name: string): Pod => ({
      namespace: 'x',
      name,
      labels: {},
      serviceAccount: 'default',
      ports: [port]
    })
    const addresses = await bed.deploy({
      namespaces: [{ name: 'x', labels: {} }],
      pods: [pod('a'), pod('b')],
      external: []
    })
    await bed.applyPolicies({
      verdicts: [{ flow: { from: 'x/a', to: 'x/b', protocol: 'TCP', port: 80 }, verdict: 'deny' }]
    })
    const host = addresses.get('x/b') ?? ''
    const [dropped] = await bed.probeFrom('x/a', [{ id: 'd', protocol: 'TCP', host, port: 80 }], 500)
    expect(dropped).toMatchObject({ id: 'd', outcome: 'timeout' })
    expect(dropped.ms).toBeGreaterThanOrEqual(495)
    const [open] = await bed.probeFrom(
      'x/b',
      [{ id: 'o', protocol: 'TCP', host: addresses.get('x/a') ?? '', port: 80 }],
      500
    )
    expect(open.outcome).toBe('connected')
  })
})
