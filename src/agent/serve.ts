// `serve`: what a test pod offers. TCP ports speak HTTP and answer with the method and path they
// received, so an L7 verdict (a proxy's 403 or a forwarded request) is visible to the prober;
// a client that only connects is fine too. UDP ports echo each datagram to its sender.
import dgram from 'node:dgram'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'

/** Far above Node's default backlog of 511: a probe round opens many connections at once. */
const LISTEN_BACKLOG = 4096

export interface ServeOptions {
  tcp: number[]
  udp: number[]
  host: string
}

export interface Servers {
  tcp: number[]
  udp: number[]
  close(): Promise<void>
}

function answer(request: http.IncomingMessage, response: http.ServerResponse): void {
  request.resume() // drain any body, so the connection can finish
  const body = JSON.stringify({ method: request.method, path: request.url, server: hostname() })
  response.writeHead(200, { 'content-type': 'application/json', connection: 'close' })
  response.end(`${body}\n`)
}

function listenTcp(port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(answer)
    // A probe that only connects, then resets, is a normal client here.
    server.on('clientError', (_error, socket) => socket.destroy())
    server.once('error', reject)
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => resolve(server))
  })
}

function listenUdp(port: number, host: string): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4')
    socket.on('message', (message, peer) => socket.send(message, peer.port, peer.address))
    socket.once('error', reject)
    socket.bind(port, host, () => resolve(socket))
  })
}

export async function startServers(options: ServeOptions): Promise<Servers> {
  const tcp = await Promise.all(options.tcp.map((port) => listenTcp(port, options.host)))
  const udp = await Promise.all(options.udp.map((port) => listenUdp(port, options.host)))
  return {
    tcp: tcp.map((server) => (server.address() as AddressInfo).port),
    udp: udp.map((socket) => socket.address().port),
    close: async () => {
      for (const socket of udp) socket.close()
      await Promise.all(
        tcp.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections()
              server.close(() => resolve())
            })
        )
      )
    }
  }
}
