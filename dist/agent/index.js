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

;// CONCATENATED MODULE: ./src/agent/limits.ts
// How much work one agent run may have in flight, and how long a batch may take as a result.
// Shared with the caller (src/edge/observe/plan.ts), which must wait at least as long for the
// exec as the agent may take; pure arithmetic, no imports, so both bundles can carry it.
/**
 * Probes in flight at once in one agent run. A pod on a kind node shares its CPU with up to 109
 * others, kind and Cilium; beyond this many, the rest of the batch waits for a free slot.
 */
const MAX_IN_FLIGHT = 96;
/** ICMP targets handed to one `sh` (one process start in the agent instead of one per ping). */
const ICMP_GROUP_SIZE = 24;
/**
 * Echo requests per ICMP probe, and the pause between them: a lost echo is not a deny. The
 * agent runs as root in its pod, so iputils allows intervals this short; BusyBox reads `-i` with
 * parse_duration_str, which takes fractions (networking/ping.c).
 */
const PING_COUNT = 3;
const PING_INTERVAL_S = 0.1;
/**
 * Slack past a probe's own budget before its batch is abandoned. Generous: probes time
 * themselves (ping its `-W`), so this only ends work that hangs; a tight one cut short pings
 * that a busy machine started late, and a cut-short probe is an error to probe again.
 */
const DEADLINE_MARGIN_MS = 4000;
/**
 * `ping -W`: seconds to wait for a reply after the last echo. Whole seconds, as BusyBox's
 * `-W SEC` takes only an integer (networking/ping.c, getopt32 "W:+").
 */
function pingWaitSeconds(timeoutMs) {
    return Math.max(1, Math.ceil(timeoutMs / 1000));
}
/**
 * The longest a ping runs when nothing answers: its echoes, then the wait for a reply. `copies`
 * probes of one flow share a ping with PING_COUNT echoes each (ping.ts).
 */
function pingSilenceMs(timeoutMs, copies = 1) {
    return Math.round((PING_COUNT * copies - 1) * PING_INTERVAL_S * 1000) + pingWaitSeconds(timeoutMs) * 1000;
}
/** How long one probe may take before it is abandoned: the slower of a socket probe and a ping. */
function probeBudgetMs(timeoutMs, copies = 1) {
    return Math.max(timeoutMs, pingSilenceMs(timeoutMs, copies)) + DEADLINE_MARGIN_MS;
}
/** The most ICMP targets of a batch with the same host: copies that share one, longer, ping. */
function icmpCopies(targets) {
    const counts = new Map();
    for (const target of targets) {
        if (target.protocol === 'ICMP')
            counts.set(target.host, (counts.get(target.host) ?? 0) + 1);
    }
    return Math.max(1, ...counts.values());
}
/**
 * How long a batch of `count` targets may take (`copies`: icmpCopies of the batch). Slots are granted first come, first served, and
 * a job takes at most ICMP_GROUP_SIZE of them, so whenever a job waits, at least
 * MAX_IN_FLIGHT - ICMP_GROUP_SIZE + 1 slots are busy: that many targets finish per budget.
 */
function batchDeadlineMs(count, timeoutMs, copies = 1) {
    const perWave = MAX_IN_FLIGHT - ICMP_GROUP_SIZE + 1;
    const waves = Math.max(1, Math.ceil(count / perWave));
    return waves * probeBudgetMs(timeoutMs, copies);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/agent/ping.ts
// ICMP probes. Node has no ICMP sockets, so `ping` does the work: iputils in the test bed,
// BusyBox in the agent's Alpine image. One `sh` runs the pings of a whole group of targets, so
// the agent starts one process per group instead of one per target, and its event loop (which
// times the TCP and UDP probes of the same batch) is not held up by dozens of spawns.
//
// ping's own timers decide silence (`-W`, counted by ping from its last echo), so a ping that a
// busy machine starts late still gets its full wait. The verdict comes from everything ping
// printed, stderr included: only a ping that sent its echoes and reports none received, with
// nothing else to say, is silence. A socket or permission error is an error, never a deny.






/**
 * Run by `sh -c` with the arguments INTERVAL WAIT FAMILY DIR, then COUNT HOST for each host. Each
 * ping is one fork and exec, its output (stdout and stderr) in `DIR/<position>`; once a ping has
 * exited, a line `<position> <its exit status>` says its file is complete. Process starts are what
 * ICMP probes cost (milliseconds each on a small VM), so none is spent on subshells.
 * A constant: the hosts reach it as arguments, never as script text.
 */
const PING_SCRIPT = `i=$1 w=$2 f=$3 d=$4
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
done`;
/** An echo reply: iputils numbers echoes from 1 (`icmp_seq=1`), BusyBox from 0 (`seq=0`). */
const REPLY = /^\d+ bytes from .*?\b(icmp_)?seq=(\d+)/;
/** What ping prints when all goes to plan: header, statistics, round-trip times (iputils and BusyBox). */
const ROUTINE = [
    /^PING /,
    REPLY,
    /^--- .* ping statistics ---$/,
    /^\d+ packets transmitted, \d+ (packets )?received/,
    /^(rtt|round-trip) /
];
const STATISTICS = /^(\d+) packets transmitted, (\d+) (?:packets )?received(.*)$/;
/**
 * What one ping said, from its exit status and its output lines. Formats: iputils 20221126
 * (`ping/ping_common.c`: "N packets transmitted, N received, +N errors, ...") and BusyBox
 * (`networking/ping.c` print_stats_and_exit: "N packets transmitted, N packets received, ...";
 * it exits 1 both on silence and on errors such as "permission denied (are you root?)", so the
 * exit status alone cannot tell them apart).
 */
function judgePing(status, lines, slice = { copy: 0, copies: 1 }) {
    const statistics = lines.map((line) => STATISTICS.exec(line)).find((match) => match !== null);
    const received = Number(statistics?.[2] ?? '0');
    if (slice.copies === 1 && (status === 0 || received > 0)) {
        return { outcome: 'connected', detail: 'echo reply received' };
    }
    if (slice.copies > 1 && repliedEchoes(lines).some((echo) => Math.floor(echo / PING_COUNT) === slice.copy)) {
        return { outcome: 'connected', detail: 'echo reply received' };
    }
    const unusual = lines.filter((line) => !ROUTINE.some((pattern) => pattern.test(line)));
    if (unusual.length > 0)
        return { outcome: 'error', detail: `ping: ${unusual.slice(-2).join('; ')}` };
    if (!statistics)
        return { outcome: 'error', detail: `ping exited with ${status} and no statistics` };
    // Silence is exit 1 after echoes went out (exit 0 when another copy's echoes were answered);
    // "+N errors" counts echoes that could not be sent.
    // This copy's own echoes must have gone out (at least the first of them).
    const sentOfCopy = Number(statistics[1]) - slice.copy * PING_COUNT;
    const expected = received > 0 ? 0 : 1;
    if (status !== expected || sentOfCopy <= 0 || /errors/.test(statistics[3])) {
        return { outcome: 'error', detail: `ping exited with ${status}: ${statistics[0]}` };
    }
    const what = slice.copies > 1
        ? `no reply to echoes ${slice.copy * PING_COUNT + 1}-${(slice.copy + 1) * PING_COUNT}; `
        : '';
    return { outcome: 'timeout', detail: `${what}no echo reply (${statistics[0]})` };
}
/** The echoes (0-based, in sending order) that got a reply. */
function repliedEchoes(lines) {
    return lines.flatMap((line) => {
        const match = REPLY.exec(line);
        return match ? [Number(match[2]) - (match[1] ? 1 : 0)] : [];
    });
}
/** Groups still running, so an abandoned batch can stop them (they run in their own process group). */
const running = new Set();
function killGroup(child) {
    running.delete(child);
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    try {
        process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        // The group is already gone.
    }
}
/** Stops every ping group still running (the batch gave up on them). */
function stopPings() {
    for (const child of [...running])
        killGroup(child);
}
/**
 * Pings every target of the group (all of one address family), one result per target, in order.
 * Targets with the same host (copies of one flow, sent to confirm a verdict) share one ping with
 * PING_COUNT echoes per copy; each copy is judged on its own echoes, so they stay independent
 * probes at the cost of one process.
 */
function pingGroup(targets, timeoutMs) {
    const started = performance.now();
    const hosts = new Map();
    targets.forEach((target, index) => hosts.set(target.host, [...(hosts.get(target.host) ?? []), index]));
    const pinged = [...hosts.entries()];
    const longest = Math.max(...pinged.map(([, indices]) => indices.length));
    const family = external_node_net_default().isIPv6(targets[0].host) ? '-6' : '-4';
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'reachdiff-ping-'));
    const args = [
        String(PING_INTERVAL_S),
        String(pingWaitSeconds(timeoutMs)),
        family,
        dir,
        ...pinged.flatMap(([host, indices]) => [String(PING_COUNT * indices.length), host])
    ];
    const budgetMs = pingSilenceMs(timeoutMs, longest) + DEADLINE_MARGIN_MS;
    const results = new Array(targets.length);
    return new Promise((resolve) => {
        let stderr = '';
        let pending = '';
        let settled = false;
        let answered = 0;
        const child = (0,external_node_child_process_namespaceObject.spawn)('sh', ['-c', PING_SCRIPT, 'reachdiff-ping', ...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true
        });
        running.add(child);
        const finish = (why) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            killGroup(child);
            (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
            const ms = Math.round(performance.now() - started);
            const problem = [why, stderr.trim()].filter(Boolean).join(': ');
            resolve(targets.map((t, i) => results[i] ?? { id: t.id, outcome: 'error', detail: problem, ms }));
        };
        const take = (line) => {
            const match = /^(\d+) (\d+)$/.exec(line);
            const position = match ? Number(match[1]) - 1 : -1;
            if (!match || position < 0 || position >= pinged.length)
                return;
            const indices = pinged[position][1];
            const lines = readOutput((0,external_node_path_namespaceObject.join)(dir, String(position + 1)));
            const ms = Math.round(performance.now() - started);
            indices.forEach((index, copy) => {
                const judged = judgePing(Number(match[2]), lines, { copy, copies: indices.length });
                results[index] = { id: targets[index].id, ...judged, ms };
            });
            if (++answered === pinged.length)
                finish('');
        };
        const timer = setTimeout(() => finish(`ping did not finish within ${budgetMs} ms`), budgetMs);
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
            const lines = (pending + chunk).split('\n');
            pending = lines.pop() ?? '';
            for (const line of lines)
                take(line);
        });
        child.stderr.on('data', (chunk) => {
            if (stderr.length < 500)
                stderr += chunk.toString('utf8');
        });
        child.once('error', (error) => finish(`cannot run sh for ping: ${error.message}`));
        child.once('close', (code) => finish(`the ping group exited with ${code ?? 'a signal'}`));
    });
}
/** A finished ping's output lines; none if the file is missing (the ping could not start). */
function readOutput(file) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8')
            .split('\n')
            .filter((line) => line !== '');
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/agent/protocol.ts
// The agent's batch protocol: a JSON array of ProbeTarget on stdin, one JSON ProbeResult per
// line on stdout, then one closing record. The closing record exists because `kubectl exec` can
// exit 0 with truncated output when its stream breaks (kubernetes/kubectl#1208): output without it
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
//
// Silence is judged only after a full timeout since the first packet left: on a busy machine the
// agent can be woken late, and a probe whose packet went out late must not be cut short.




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
        let firstSent;
        const sent = () => void (firstSent ??= performance.now());
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
                stops.push(attempt(report, sent));
            }
            catch (error) {
                report('error', error.message);
            }
        };
        // Deferred past the poll phase: when a busy machine wakes the agent late, an answer already
        // waiting in the kernel is read before the probe is called a timeout. Nothing sent yet, or
        // sent late: wait on. (A probe that never sends ends at the batch's deadline, as an error.)
        const expire = () => void setImmediate(() => {
            const waited = firstSent === undefined ? 0 : performance.now() - firstSent;
            if (waited >= timeoutMs - 1)
                return finish('timeout', `no answer within ${timeoutMs} ms`);
            timers.push(setTimeout(expire, timeoutMs - waited));
        });
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
    return race(target, timeoutMs, (report, sent) => {
        const socket = external_node_net_default().connect({ host: target.host, port: target.port ?? 0 });
        sent();
        socket.once('connect', () => report('connected', 'TCP handshake completed'));
        socket.once('error', (error) => report(outcomeOfError(error), describeError(error)));
        return () => socket.destroy();
    });
}
function probeHttp(target, timeoutMs) {
    const { method, path } = target.http ?? { method: 'GET', path: '/' };
    return race(target, timeoutMs, (report, sent) => {
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
        sent();
        return () => request.destroy();
    });
}
function probeUdp(target, timeoutMs) {
    // A random token: only an echo of this very datagram proves the round trip.
    const token = `reachdiff-${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}`;
    return race(target, timeoutMs, (report, sent) => {
        const socket = external_node_dgram_default().createSocket(external_node_net_default().isIPv6(target.host) ? 'udp6' : 'udp4');
        const timers = [];
        socket.once('error', (error) => report(outcomeOfError(error), describeError(error)));
        socket.on('message', (message) => {
            if (message.toString('utf8') === token)
                report('connected', 'UDP echo carried the token back');
        });
        // A connected socket hears of an ICMP port-unreachable (ECONNREFUSED); an unconnected one does not.
        socket.connect(target.port ?? 0, target.host, () => {
            const send = () => socket.send(token, (error) => (error ? report('error', describeError(error)) : sent()));
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
/** A socket probe; ICMP targets are pinged in groups instead (ping.ts). */
function runProbe(target, timeoutMs) {
    if (target.protocol === 'UDP')
        return probeUdp(target, timeoutMs);
    if (target.protocol === 'TCP')
        return target.http ? probeHttp(target, timeoutMs) : probeTcp(target, timeoutMs);
    // Node's built-ins speak no SCTP (the planner never sends such a target), and ICMP is ping's.
    const detail = `${target.protocol} cannot be probed by a socket`;
    return Promise.resolve({ id: target.id, outcome: 'error', detail, ms: 0 });
}

;// CONCATENATED MODULE: ./src/agent/batch.ts
// `probe`: every target of the batch, each with its own timeout, at most MAX_IN_FLIGHT at once,
// so a round costs about one timeout however many flows are denied while a large batch cannot
// swamp the pod. A target's timer starts when its probe starts, not when the batch does. ICMP
// targets go to `ping` in groups (ping.ts). A global deadline guarantees the agent never hangs.





/**
 * Ping groups come first: starting a process blocks the agent until the child has exec'd (libuv's
 * uv_spawn waits for it), which on a busy machine takes long enough to starve socket probes that
 * are already running, e.g. an HTTP probe whose request waits for its connect to be read.
 */
function planJobs(targets, timeoutMs) {
    const jobs = [];
    const pings = [];
    const groups = new Map();
    targets.forEach((target, index) => {
        if (!target)
            return;
        if (target.protocol !== 'ICMP') {
            jobs.push({ indices: [index], run: async () => [await runProbe(target, timeoutMs)] });
            return;
        }
        // One group per address family: ping takes -4 or -6 for all of its hosts.
        const family = target.host.includes(':') ? '6' : '4';
        let group = groups.get(family);
        if (!group || group.members.length === ICMP_GROUP_SIZE) {
            group = { indices: [], members: [] };
            groups.set(family, group);
            const { indices, members } = group;
            pings.push({ indices, run: () => pingGroup(members, timeoutMs) });
        }
        group.indices.push(index);
        group.members.push(target);
    });
    return [...pings, ...jobs];
}
/**
 * Runs jobs first come, first served, with at most `capacity` slots taken at once. Once `halted`
 * says so (the batch hit its deadline), no further job starts: in a session the agent lives on
 * to the next batch, which must not share its slots with the leftovers of this one.
 */
async function runLimited(jobs, capacity, store, halted) {
    let next = 0;
    let busy = 0;
    await new Promise((resolve) => {
        let finished = 0;
        const startMore = () => {
            while (!halted() && next < jobs.length && busy + jobs[next].indices.length <= capacity) {
                const job = jobs[next++];
                busy += job.indices.length;
                void job.run().then((results) => {
                    results.forEach((result, i) => store(job.indices[i], result));
                    busy -= job.indices.length;
                    if (++finished === jobs.length)
                        resolve();
                    else
                        startMore();
                });
            }
        };
        if (jobs.length === 0)
            resolve();
        else
            startMore();
    });
}
/** Probes every target in `input` (a JSON array) and returns one result per target, in input order. */
async function probeBatch(input, timeoutMs) {
    const parsed = parseTargets(input);
    const results = new Array(parsed.length);
    parsed.forEach((entry, index) => {
        if (!('target' in entry))
            results[index] = { id: entry.id, outcome: 'error', detail: entry.problem, ms: 0 };
    });
    const jobs = planJobs(parsed.map((entry) => ('target' in entry ? entry.target : undefined)), timeoutMs);
    const valid = parsed.flatMap((entry) => ('target' in entry ? [entry.target] : []));
    const deadlineMs = batchDeadlineMs(parsed.length, timeoutMs, icmpCopies(valid));
    let timer;
    let expired = false;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => {
            expired = true;
            resolve();
        }, deadlineMs);
    });
    const store = (i, result) => {
        if (!expired)
            results[i] = result;
    };
    await Promise.race([runLimited(jobs, MAX_IN_FLIGHT, store, () => expired), deadline]);
    expired = true;
    clearTimeout(timer);
    stopPings();
    return parsed.map((entry, index) => results[index] ?? {
        id: 'target' in entry ? entry.target.id : entry.id,
        outcome: 'error',
        detail: `abandoned at the agent's deadline (${deadlineMs} ms)`,
        ms: deadlineMs
    });
}

;// CONCATENATED MODULE: ./src/agent/serve.ts
// `serve`: what a test pod offers. TCP ports speak HTTP and answer with the method and path they
// received, so an L7 verdict (a proxy's 403 or a forwarded request) is visible to the prober;
// a client that only connects is fine too. UDP ports echo each datagram to its sender.



/** Far above Node's default backlog of 511: a probe round opens many connections at once. */
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
//   node agent.js session --timeout-ms 1000   (one batch per stdin line, until stdin ends)
// Exit codes: 0 the command did its work (probe results are on stdout, the last line being
// {"done":true,"count":N}); 2 usage error; 3 unreadable batch; 1 anything else.



const USAGE = `usage: agent serve [--tcp PORTS] [--udp PORTS] [--host ADDRESS]
       agent probe [--timeout-ms MS] < targets.json
       agent session [--timeout-ms MS]   (one JSON array of targets per line on stdin)
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
function readTimeout(args) {
    const flags = readFlags(args, ['--timeout-ms']);
    const timeoutMs = Number(flags.get('--timeout-ms') ?? '1000');
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) {
        throw new UsageError('--timeout-ms must be an integer from 1 to 60000');
    }
    return timeoutMs;
}
/** Probes one batch and prints its results and closing record; false when the batch is unreadable. */
async function answerBatch(text, timeoutMs) {
    let results;
    try {
        results = await probeBatch(text, timeoutMs);
    }
    catch (error) {
        process.stderr.write(`agent: ${error.message}\n`);
        return false;
    }
    await write(results.map((result) => `${formatResult(result)}\n`).join('') + `${formatSummary(results.length)}\n`);
    return true;
}
async function probe(args) {
    const timeoutMs = readTimeout(args);
    return (await answerBatch(await readStdin(), timeoutMs)) ? 0 : 3;
}
/**
 * `session`: the agent stays up for a whole observation and answers one batch per line, in turn,
 * so a round costs no process start (a Node start is ~0.1 s of CPU, times every source, every
 * round). The caller sends the next batch only after the previous one's closing record.
 */
async function session(args) {
    const timeoutMs = readTimeout(args);
    let pending = '';
    for await (const chunk of process.stdin) {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
            if (line.trim() !== '' && !(await answerBatch(line, timeoutMs)))
                return 3;
        }
    }
    if (pending.trim() !== '' && !(await answerBatch(pending, timeoutMs)))
        return 3;
    return 0;
}
async function main(argv) {
    const [command, ...args] = argv;
    try {
        if (command === 'serve')
            return await serve(args);
        if (command === 'probe')
            return await probe(args);
        if (command === 'session')
            return await session(args);
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

