// The test bed's stand-in for Cilium's L7 proxy (test infrastructure, not product code). It runs
// in a destination's network namespace and takes over some TCP ports on the pod's address, while
// the real agent serves those ports on 127.0.0.1. It answers 403 to the (source, method, path)
// requests a case expects denied and forwards every other request to the agent.
//   node http-front.mjs <pod address> '<json: [{port, deny: [{source, method, path}]}]>'
import http from 'node:http'
import process from 'node:process'

const host = process.argv[2]
const fronts = JSON.parse(process.argv[3] ?? '[]')

function sourceOf(request) {
  return (request.socket.remoteAddress ?? '').replace(/^::ffff:/, '')
}

function handler(front) {
  return (request, response) => {
    const denied = front.deny.some(
      (d) => d.source === sourceOf(request) && d.method === request.method && d.path === request.url
    )
    if (denied) {
      request.resume()
      response.writeHead(403, { 'content-type': 'text/plain', connection: 'close' })
      response.end('Access denied\n')
      return
    }
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: front.port,
        method: request.method,
        path: request.url,
        headers: request.headers
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', () => {
      response.writeHead(503, { connection: 'close' })
      response.end('upstream failed\n')
    })
    request.pipe(upstream)
  }
}

const servers = await Promise.all(
  fronts.map(
    (front) =>
      new Promise((resolve, reject) => {
        const server = http.createServer(handler(front))
        server.on('clientError', (_error, socket) => socket.destroy())
        server.once('error', reject)
        server.listen({ port: front.port, host, backlog: 4096 }, () => resolve(server))
      })
  )
)
process.stdout.write(`${JSON.stringify({ fronting: fronts.map((f) => f.port) })}\n`)
process.once('SIGTERM', () => {
  for (const server of servers) server.close()
  process.exit(0)
})
