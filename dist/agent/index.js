import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: ./src/agent/protocol.ts
// The agent's batch protocol: a JSON array of ProbeTarget on stdin, one JSON ProbeResult per
// line on stdout, then one closing record. The closing record exists because `kubectl exec` can
// exit 0 with truncated output when its stream breaks (cluster-facts.md §4.1): output without it
// is an exec failure, whatever the exit code says.

const PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'SCTP'];
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Reads the batch; a malformed entry becomes a problem for its own id, never a crash. */
function parseTargets(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`stdin is not JSON: ${error.message}`, { cause: error });
    }
    if (!Array.isArray(value))
        throw new Error('stdin must be a JSON array of probe targets');
    return value.map((item, index) => parseTarget(item, index));
}
function parseTarget(item, index) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        return { id: `#${index}`, problem: 'a target must be an object' };
    }
    const raw = item;
    const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : `#${index}`;
    const problem = targetProblem(raw);
    if (problem !== undefined)
        return { id, problem };
    const target = {
        id,
        protocol: raw.protocol,
        host: raw.host
    };
    if (raw.port !== undefined)
        target.port = raw.port;
    if (raw.http !== undefined)
        target.http = raw.http;
    return { target };
}
function targetProblem(raw) {
    if (typeof raw.id !== 'string' || raw.id === '')
        return 'id must be a non-empty string';
    if (typeof raw.protocol !== 'string' || !PROTOCOLS.includes(raw.protocol)) {
        return `protocol must be one of ${PROTOCOLS.join(', ')}`;
    }
    // Addresses only: a name lookup would add its own, unbounded, wait to the probe.
    if (typeof raw.host !== 'string' || (0,external_node_net_namespaceObject.isIP)(raw.host) === 0)
        return 'host must be an IP address';
    if (raw.protocol === 'ICMP')
        return raw.port === undefined ? undefined : 'ICMP has no port';
    if (typeof raw.port !== 'number' || !Number.isInteger(raw.port) || raw.port < 1 || raw.port > 65535) {
        return 'port must be an integer from 1 to 65535';
    }
    if (raw.http === undefined)
        return undefined;
    if (raw.protocol !== 'TCP')
        return 'an HTTP probe runs over TCP';
    const http = raw.http;
    if (typeof http !== 'object' || http === null)
        return 'http must be {method, path}';
    if (typeof http.method !== 'string' || !HTTP_TOKEN.test(http.method))
        return 'http.method is not a method';
    if (typeof http.path !== 'string' || !http.path.startsWith('/') || /\s/.test(http.path)) {
        return 'http.path must start with "/" and hold no spaces';
    }
    return undefined;
}
function formatResult(result) {
    return JSON.stringify(result);
}
function formatSummary(count) {
    const summary = { done: true, count };
    return JSON.stringify(summary);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:dgram"
const external_node_dgram_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dgram");
var external_node_dgram_default = /*#__PURE__*/__nccwpck_require__.n(external_node_dgram_namespaceObject);
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: ./src/agent/probes.ts
// One probe per protocol. Each resolves (never rejects) within its own timeout, and tells apart
// what came back: a connection or answer, a refusal (the packet reached the host), silence
// (a policy drop is silent), or a local error that says nothing about the policy.
//
// A TCP or HTTP probe makes up to ATTEMPTS staggered tries within its timeout (UDP: resends on
// one socket) and the first answer wins. A lost SYN is otherwise only resent by the kernel after 1 s, so
// one lost packet would read as a deny; a denied flow still costs just the one timeout.





const ATTEMPTS = 3;
/** Longest HTTP body kept as the result's detail. */
const MAX_BODY = 200;
/**
 * Runs staggered attempts; the first answer (anything but `error`) settles the probe. Errors
 * settle it only once every attempt has erred; silence until `timeoutMs` is a timeout.
 */
function race(target, timeoutMs, attempt, attempts = ATTEMPTS) {
    return new Promise((resolve) => {
        const started = performance.now();
        const stops = [];
        const timers = [];
        let errors = 0;
        let done = false;
        const finish = (outcome, detail, status) => {
            if (done)
                return;
            done = true;
            for (const timer of timers)
                clearTimeout(timer);
            for (const stop of stops) {
                try {
                    stop();
                }
                catch {
                    // A socket or child that is already gone: nothing left to stop.
                }
            }
            const result = { id: target.id, outcome, ms: Math.round(performance.now() - started) };
            if (status !== undefined)
                result.status = status;
            if (detail !== undefined)
                result.detail = detail;
            resolve(result);
        };
        const report = (outcome, detail, status) => {
            if (outcome !== 'error')
                return finish(outcome, detail, status);
            if (++errors === attempts)
                finish(outcome, detail);
        };
        const start = () => {
            if (done)
                return;
            try {
                stops.push(attempt(report));
            }
            catch (error) {
                report('error', error.message);
            }
        };
        // Deferred past the poll phase: when a busy machine wakes the agent late, an answer already
        // waiting in the kernel is read before the probe is called a timeout.
        const expire = () => void setImmediate(() => finish('timeout', `no answer within ${timeoutMs} ms`));
        timers.push(setTimeout(expire, timeoutMs));
        for (let i = 1; i < attempts; i++)
            timers.push(setTimeout(start, (i * timeoutMs) / attempts));
        start();
    });
}
/** Errors that mean "the packet reached the host and was turned away". */
function outcomeOfError(error) {
    if (error.code === 'ECONNREFUSED')
        return 'refused';
    if (error.code === 'ETIMEDOUT')
        return 'timeout';
    return 'error';
}
function describeError(error) {
    return error.code ? `${error.code}: ${error.message}` : error.message;
}
function probeTcp(target, timeoutMs) {
    return race(target, timeoutMs, (report) => {
        const socket = external_node_net_default().connect({ host: target.host, port: target.port ?? 0 });
        socket.once('connect', () => report('connected', 'TCP handshake completed'));
        socket.once('error', (error) => report(outcomeOfError(error), describeError(error)));
        return () => socket.destroy();
    });
}
function probeHttp(target, timeoutMs) {
    const { method, path } = target.http ?? { method: 'GET', path: '/' };
    return race(target, timeoutMs, (report) => {
        // No keep-alive agent: every try is its own connection, as every flow is its own question.
        const request = external_node_http_default().request({ host: target.host, port: target.port, method, path, agent: false });
        request.once('error', (error) => report(outcomeOfError(error), describeError(error)));
        request.once('response', (response) => {
            const status = response.statusCode ?? 0;
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk) => {
                if (body.length < MAX_BODY)
                    body += chunk;
            });
            const done = () => report('http', body.slice(0, MAX_BODY).trim(), status);
            response.once('end', done);
            response.once('error', done);
        });
        request.end();
        return () => request.destroy();
    });
}
function probeUdp(target, timeoutMs) {
    // A random token: only an echo of this very datagram proves the round trip.
    const token = `reachdiff-${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}`;
    return race(target, timeoutMs, (report) => {
        const socket = external_node_dgram_default().createSocket(external_node_net_default().isIPv6(target.host) ? 'udp6' : 'udp4');
        const timers = [];
        socket.once('error', (error) => report(outcomeOfError(error), describeError(error)));
        socket.on('message', (message) => {
            if (message.toString('utf8') === token)
                report('connected', 'UDP echo carried the token back');
        });
        // A connected socket hears of an ICMP port-unreachable (ECONNREFUSED); an unconnected one does not.
        socket.connect(target.port ?? 0, target.host, () => {
            const send = () => socket.send(token, (error) => error && report('error', describeError(error)));
            for (let i = 0; i < ATTEMPTS; i++)
                timers.push(setTimeout(send, (i * timeoutMs) / ATTEMPTS));
        });
        return () => {
            for (const timer of timers)
                clearTimeout(timer);
            socket.close();
        };
    }, 1);
}
/**
 * `ping -c 1 -W <s>`, as cilium-cli does; exit 0 means a reply came back (iputils and BusyBox).
 * One try only: a ping is a process, and a round of 20 pods already starts hundreds of them, so a
 * lost echo is left to the runner's re-probes instead.
 */
function probeIcmp(target, timeoutMs) {
    const waitSeconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
    const family = external_node_net_default().isIPv6(target.host) ? ['-6'] : [];
    return race(target, timeoutMs, (report) => {
        // stderr is not read: one pipe less per ping; the exit code says what happened.
        const child = (0,external_node_child_process_namespaceObject.spawn)('ping', [...family, '-c', '1', '-W', waitSeconds, target.host], {
            stdio: ['ignore', 'pipe', 'ignore']
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk.toString('utf8')));
        child.once('error', (error) => report('error', `cannot run ping: ${describeError(error)}`));
        child.once('close', (code) => {
            const lastLine = output.trim().split('\n').pop() ?? '';
            if (code === 0)
                report('connected', 'echo reply received');
            // An ICMP error such as host-unreachable is about the network, not the policy.
            else if (code === 1 && /unreachable/i.test(output))
                report('error', lastLine);
            // No reply within -W: silence, which the probe's own timer reports as a timeout.
            else if (code !== 1)
                report('error', `ping exited with ${code ?? 'a signal'}: ${lastLine}`);
        });
        return () => child.kill('SIGKILL');
    }, 1);
}
function runProbe(target, timeoutMs) {
    if (target.protocol === 'ICMP')
        return probeIcmp(target, timeoutMs);
    if (target.protocol === 'UDP')
        return probeUdp(target, timeoutMs);
    if (target.protocol === 'TCP')
        return target.http ? probeHttp(target, timeoutMs) : probeTcp(target, timeoutMs);
    // Node's built-ins speak no SCTP; the planner never sends such a target.
    return Promise.resolve({ id: target.id, outcome: 'error', detail: 'SCTP cannot be probed', ms: 0 });
}

;// CONCATENATED MODULE: ./src/agent/batch.ts
// `probe`: every target of the batch at once, each with its own timeout, so a round costs about
// one timeout however many flows are denied. A global deadline guarantees the agent never hangs.


/** Slack past the per-probe timeout before unfinished probes are abandoned. */
const DEADLINE_MARGIN_MS = 1500;
/** Probes every target in `input` (a JSON array) and returns one result per target, in input order. */
async function probeBatch(input, timeoutMs) {
    const parsed = parseTargets(input);
    const pending = parsed.map((entry) => 'target' in entry
        ? runProbe(entry.target, timeoutMs)
        : Promise.resolve({ id: entry.id, outcome: 'error', detail: entry.problem, ms: 0 }));
    const results = new Array(parsed.length);
    pending.forEach((promise, index) => void promise.then((result) => (results[index] = result)));
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs + DEADLINE_MARGIN_MS);
    });
    await Promise.race([Promise.all(pending), deadline]);
    clearTimeout(timer);
    return parsed.map((entry, index) => results[index] ?? {
        id: 'target' in entry ? entry.target.id : entry.id,
        outcome: 'error',
        detail: `abandoned at the agent's deadline (${timeoutMs + DEADLINE_MARGIN_MS} ms)`,
        ms: timeoutMs + DEADLINE_MARGIN_MS
    });
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/agent/serve.ts
// `serve`: what a test pod offers. TCP ports speak HTTP and answer with the method and path they
// received, so an L7 verdict (a proxy's 403 or a forwarded request) is visible to the prober;
// a client that only connects is fine too. UDP ports echo each datagram to its sender.



/** Far above the default of 511: a probe round opens many connections at once (toolchain.md §8). */
const LISTEN_BACKLOG = 4096;
function answer(request, response) {
    request.resume(); // drain any body, so the connection can finish
    const body = JSON.stringify({ method: request.method, path: request.url, server: (0,external_node_os_namespaceObject.hostname)() });
    response.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    response.end(`${body}\n`);
}
function listenTcp(port, host) {
    return new Promise((resolve, reject) => {
        const server = external_node_http_default().createServer(answer);
        // A probe that only connects, then resets, is a normal client here.
        server.on('clientError', (_error, socket) => socket.destroy());
        server.once('error', reject);
        server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => resolve(server));
    });
}
function listenUdp(port, host) {
    return new Promise((resolve, reject) => {
        const socket = external_node_dgram_default().createSocket(host.includes(':') ? 'udp6' : 'udp4');
        socket.on('message', (message, peer) => socket.send(message, peer.port, peer.address));
        socket.once('error', reject);
        socket.bind(port, host, () => resolve(socket));
    });
}
async function startServers(options) {
    const tcp = await Promise.all(options.tcp.map((port) => listenTcp(port, options.host)));
    const udp = await Promise.all(options.udp.map((port) => listenUdp(port, options.host)));
    return {
        tcp: tcp.map((server) => server.address().port),
        udp: udp.map((socket) => socket.address().port),
        close: async () => {
            for (const socket of udp)
                socket.close();
            await Promise.all(tcp.map((server) => new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })));
        }
    };
}

;// CONCATENATED MODULE: ./src/agent/index.ts
// The probe agent: a dependency-free program bundled on its own (dist/agent/index.js). The same
// file runs in kind pods and in the test bed's network namespaces.
//   node agent.js serve --tcp 80,8080 --udp 53,81 [--host 0.0.0.0]
//   node agent.js probe --timeout-ms 1000 < targets.json
// Exit codes: 0 the command did its work (probe results are on stdout, the last line being
// {"done":true,"count":N}); 2 usage error; 3 unreadable batch; 1 anything else.



const USAGE = `usage: agent serve [--tcp PORTS] [--udp PORTS] [--host ADDRESS]
       agent probe [--timeout-ms MS] < targets.json
PORTS is a comma-separated list, e.g. 80,8080.`;
class UsageError extends Error {
}
function readFlags(args, known) {
    const flags = new Map();
    for (let i = 0; i < args.length; i += 2) {
        const name = args[i];
        const value = args[i + 1];
        if (!known.includes(name))
            throw new UsageError(`unknown option ${name}`);
        if (value === undefined)
            throw new UsageError(`${name} needs a value`);
        flags.set(name, value);
    }
    return flags;
}
function readPorts(list) {
    if (list === undefined || list === '')
        return [];
    return list.split(',').map((text) => {
        const port = Number(text);
        if (!Number.isInteger(port) || port < 1 || port > 65535)
            throw new UsageError(`bad port "${text}"`);
        return port;
    });
}
function write(text) {
    return new Promise((resolve) => process.stdout.write(text, () => resolve()));
}
async function serve(args) {
    const flags = readFlags(args, ['--tcp', '--udp', '--host']);
    const servers = await startServers({
        tcp: readPorts(flags.get('--tcp')),
        udp: readPorts(flags.get('--udp')),
        host: flags.get('--host') ?? '0.0.0.0'
    });
    // One line once every port is bound, so a supervisor knows when the pod is ready.
    await write(`${JSON.stringify({ serving: { tcp: servers.tcp, udp: servers.udp }, pid: process.pid })}\n`);
    await new Promise((resolve) => {
        for (const signal of ['SIGTERM', 'SIGINT'])
            process.once(signal, () => resolve());
    });
    await servers.close();
    return 0;
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
async function probe(args) {
    const flags = readFlags(args, ['--timeout-ms']);
    const timeoutMs = Number(flags.get('--timeout-ms') ?? '1000');
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) {
        throw new UsageError('--timeout-ms must be an integer from 1 to 60000');
    }
    let results;
    try {
        results = await probeBatch(await readStdin(), timeoutMs);
    }
    catch (error) {
        process.stderr.write(`agent: ${error.message}\n`);
        return 3;
    }
    await write(results.map((result) => `${formatResult(result)}\n`).join('') + `${formatSummary(results.length)}\n`);
    return 0;
}
async function main(argv) {
    const [command, ...args] = argv;
    try {
        if (command === 'serve')
            return await serve(args);
        if (command === 'probe')
            return await probe(args);
        throw new UsageError(command === undefined ? 'no command given' : `unknown command ${command}`);
    }
    catch (error) {
        process.stderr.write(`agent: ${error.message}\n`);
        if (error instanceof UsageError)
            process.stderr.write(`${USAGE}\n`);
        return error instanceof UsageError ? 2 : 1;
    }
}
// Exit explicitly: a probe's leftover handle (a socket in close, a killed child) must not keep
// the exec open past the results.
// No top-level await: the bundle must not depend on how the file is loaded.
void main(process.argv.slice(2)).then((code) => process.exit(code));

