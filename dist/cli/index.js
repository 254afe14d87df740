#!/usr/bin/env node
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(655);
// Entry of the `reachdiff` command: only wires the real process into runCli.

const io = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    cwd: process.cwd()
};
process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), io);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 655:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/core/model.ts
// The vocabulary every layer shares: topology, flows, verdicts and diagnostics.
// Pure data, no behaviour beyond small helpers, so that the static engine and the
// cluster prober can produce the very same Matrix.
const PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ICMP'];
const WORLD_NAMESPACE = 'world';
function podKey(pod) {
    return `${pod.namespace}/${pod.name}`;
}
function worldKey(name) {
    return `${WORLD_NAMESPACE}/${name}`;
}
/** Whether an endpoint key (`namespace/pod` or `world/<name>`) names an external endpoint. */
function isWorldKey(key) {
    return key.startsWith(`${WORLD_NAMESPACE}/`);
}
/** `TCP/80`, `ICMP`, `TCP/80 GET /public`: the stable text form used in keys and reports. */
function describePort(protocol, port) {
    return port === undefined ? protocol : `${protocol}/${port}`;
}
function flowKey(flow) {
    const http = flow.http ? ` ${flow.http.method} ${flow.http.path}` : '';
    return `${flow.from} -> ${flow.to} ${describePort(flow.protocol, flow.port)}${http}`;
}
/** Code-point order: deterministic everywhere, and fast on matrices of hundreds of thousands of cells. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareFlows(a, b) {
    return (compareText(a.to, b.to) ||
        compareText(a.from, b.from) ||
        PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
        (a.port ?? -1) - (b.port ?? -1) ||
        compareText(a.http ? `${a.http.method} ${a.http.path}` : '', b.http ? `${b.http.method} ${b.http.path}` : ''));
}
function formatDiagnostic(d) {
    const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
    const field = d.path ? ` ${d.path}:` : '';
    const value = d.value !== undefined ? ` (got ${d.value})` : '';
    const expected = d.expected ? `; expected ${d.expected}` : '';
    const object = d.object ? ` [${d.object}]` : '';
    return `${where}: ${d.severity}:${field} ${d.message}${value}${expected}${object}`;
}

;// CONCATENATED MODULE: ./src/core/engine/bitset.ts
// Fixed-size bitsets over identity indexes: the engine decides a subject against every peer
// at once by OR-ing the peer sets of the rules that apply.
function createBitset(size) {
    return new Uint32Array((size + 31) >>> 5);
}
function setBit(bits, index) {
    bits[index >>> 5] |= 1 << (index & 31);
}
function hasBit(bits, index) {
    return (bits[index >>> 5] & (1 << (index & 31))) !== 0;
}
function orInto(target, source) {
    for (let i = 0; i < target.length; i++)
        target[i] |= source[i];
}
function andInto(target, source) {
    for (let i = 0; i < target.length; i++)
        target[i] &= source[i];
}

;// CONCATENATED MODULE: ./src/core/cidr.ts
// IPv4 addresses and prefixes as unsigned 32-bit numbers. IPv6 prefixes are recognised so
// that they can be validated and ignored: every probe reachdiff models is IPv4.
function parseIPv4(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return undefined;
    let value = 0;
    for (const part of parts) {
        if (!/^(0|[1-9]\d{0,2})$/.test(part))
            return undefined;
        const octet = Number(part);
        if (octet > 255)
            return undefined;
        value = value * 256 + octet;
    }
    return value >>> 0;
}
/** `10.0.0.0/8` → network and prefix (host bits cleared, as Go's net.ParseCIDR does). */
function parseCidr(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return undefined;
    const address = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText))
        return undefined;
    const prefix = Number(prefixText);
    if (address.includes(':')) {
        return prefix <= 128 && /^[0-9a-fA-F:.]+$/.test(address) ? { family: 6, network: 0, prefix } : undefined;
    }
    const ip = parseIPv4(address);
    if (ip === undefined || prefix > 32)
        return undefined;
    return { family: 4, network: maskAddress(ip, prefix), prefix };
}
function maskAddress(ip, prefix) {
    if (prefix === 0)
        return 0;
    return (ip & (~0 << (32 - prefix))) >>> 0;
}
function cidrContains(cidr, ip) {
    return maskAddress(ip, cidr.prefix) === cidr.network;
}
/** True when `inner` lies inside `outer` (both IPv4). */
function cidrCovers(outer, inner) {
    return inner.prefix >= outer.prefix && cidrContains(outer, inner.network);
}

;// CONCATENATED MODULE: ./src/core/policy/rules.ts
// The one internal shape every policy kind is normalised into: Cilium's own model of
// subject, four sections of rules, peers and L4/L7 matches. KNP, CNP and CCNP differ only
// in how they are translated into it (normalize/*.ts); the engine never looks back at YAML.

function denySection(direction) {
    return direction === 'ingress' ? 'ingressDeny' : 'egressDeny';
}
const ANY_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
// Pieces every translation shares, and the engine with it.
/** The identity label that carries a pod's namespace (R1.1). */
const NAMESPACE_KEY = 'io.kubernetes.pod.namespace';
/** Namespace labels reach a pod's identity under this prefix (R1.1). */
const NAMESPACE_LABEL_PREFIX = 'io.cilium.k8s.namespace.labels.';
function emptySections() {
    return { ingress: [], ingressDeny: [], egress: [], egressDeny: [] };
}
/** A CIDR with its except prefixes; except prefixes outside the CIDR were rejected by validation. */
function cidrRangeFrom(cidr, except) {
    const parsed = parseCidr(cidr);
    if (!parsed)
        return undefined;
    const excepts = except
        .map((text) => ({ text, parsed: parseCidr(text) }))
        .filter((e) => e.parsed !== undefined && e.parsed.family === parsed.family)
        .filter((e) => parsed.family === 6 || cidrCovers(parsed, e.parsed))
        .map((e) => ({ network: e.parsed.network, prefix: e.parsed.prefix, text: e.text }));
    return {
        family: parsed.family,
        network: parsed.network,
        prefix: parsed.prefix,
        text: cidr,
        except: excepts
    };
}
/** The ping reachdiff probes: ICMP echo request. */
const ICMP_ECHO_REQUEST = { 4: 8, 6: 128 };

;// CONCATENATED MODULE: ./src/core/engine/l4.ts

function matchL4(match, probe, resolve) {
    switch (match.kind) {
        case 'any':
            return { kind: 'none' };
        case 'icmp':
            // Only ICMP echo is probed; port rules never match ICMP and ICMP rules never match ports (R8.4).
            return probe.protocol === 'ICMP' &&
                match.fields.some((f) => f.family === 4 && f.type === ICMP_ECHO_REQUEST[4])
                ? { kind: 'none' }
                : undefined;
        case 'ports': {
            if (probe.protocol === 'ICMP')
                return undefined;
            let restriction;
            for (const group of match.groups) {
                if (!groupCovers(group, probe, resolve))
                    continue;
                // R9.3: a covering group without L7 lifts every L7 restriction for this peer and port.
                if (!group.l7)
                    return { kind: 'none' };
                const rules = group.l7.kind === 'http' ? group.l7.rules : [];
                restriction = {
                    kind: 'http',
                    rules: [...(restriction?.kind === 'http' ? restriction.rules : []), ...rules]
                };
            }
            return restriction;
        }
    }
}
/** Built once per group: a rule may list all 65,535 ports, and every probe asks every group. */
const portIndexes = new WeakMap();
function groupCovers(group, probe, resolve) {
    if (probe.port === undefined)
        return false;
    let index = portIndexes.get(group);
    if (!index)
        portIndexes.set(group, (index = indexPorts(group.ports)));
    const ranges = index.ranges.get(probe.protocol);
    if (ranges && rangesContain(ranges, probe.port))
        return true;
    return index.named.some((match) => matchesNamedPort(match, probe, resolve));
}
function indexPorts(ports) {
    const ranges = new Map();
    const named = [];
    for (const match of ports) {
        if ('name' in match.port) {
            named.push(match);
            continue;
        }
        for (const protocol of match.protocols) {
            const list = ranges.get(protocol) ?? [];
            list.push({ from: match.port.from, to: match.port.to });
            ranges.set(protocol, list);
        }
    }
    for (const [protocol, list] of ranges)
        ranges.set(protocol, mergeRanges(list));
    return { ranges, named };
}
function mergeRanges(list) {
    const merged = [];
    for (const range of list.sort((a, b) => a.from - b.from)) {
        const last = merged[merged.length - 1];
        if (last && range.from <= last.to + 1)
            last.to = Math.max(last.to, range.to);
        else
            merged.push({ ...range });
    }
    return merged;
}
/** Binary search over sorted, disjoint ranges. */
function rangesContain(ranges, port) {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
        const middle = (low + high) >>> 1;
        if (port < ranges[middle].from)
            high = middle - 1;
        else if (port > ranges[middle].to)
            low = middle + 1;
        else
            return true;
    }
    return false;
}
function matchesNamedPort(match, probe, resolve) {
    if (!match.protocols.includes(probe.protocol) || probe.port === undefined || !('name' in match.port))
        return false;
    return resolve(match.port.name, probe.protocol) === probe.port;
}
/** Ingress: a name is resolved against the destination pod's own container ports (R8.6). */
function resolveOnPod(ports) {
    return (name, protocol) => ports.find((p) => p.name?.toLowerCase() === name && p.protocol === protocol && p.port !== undefined)?.port;
}
/**
 * Egress: a name is resolved against the named ports of every pod the agent knows; a name
 * bound to two different numbers is ambiguous and resolves to nothing (R8.6).
 */
function resolveClusterWide(named) {
    return (name, protocol) => {
        const ports = (named.get(name) ?? []).filter((p) => p.protocol === protocol);
        return ports.length === 1 ? ports[0].port : undefined;
    };
}

;// CONCATENATED MODULE: ./src/core/engine/direction.ts



/** Which deny and allow entries of `rules` cover `probe` in `direction` (R8, R9.3). */
function matchProbe(rules, direction, probe, resolve) {
    const collect = (section) => {
        const matched = [];
        for (const rule of rules) {
            for (const entry of rule.entries[section]) {
                const l7 = matchL4(entry.l4, probe, resolve);
                if (l7)
                    matched.push({ entry, l7 });
            }
        }
        return matched;
    };
    return { denies: collect(denySection(direction)), allows: collect(direction) };
}
const entryIds = new WeakMap();
let nextEntryId = 0;
function idOf(item) {
    let id = entryIds.get(item);
    if (id === undefined)
        entryIds.set(item, (id = nextEntryId++));
    return id;
}
/**
 * Equal for probes that the same entries cover with the same L7 rules: such probes share one
 * table, so a rule listing thousands of ports costs one table, not one per port.
 */
function matchesSignature(matches) {
    const part = ({ entry, l7 }) => l7.kind === 'none' ? `${idOf(entry)}` : `${idOf(entry)}h${l7.rules.map(idOf).join('.')}`;
    return `${matches.denies.map(part).join(',')}/${matches.allows.map(part).join(',')}`;
}
function buildDirectionTable(input) {
    const { rules, direction, mode, matches, peerCount } = input;
    const enforcing = rules.filter((rule) => rule.hasSection[direction]);
    const defaultDenyBy = enforcing.filter((rule) => rule.defaultDeny[direction]);
    const withPeers = (list, section) => list.map(({ entry, l7 }) => ({ entry, l7, peers: input.peerSets(entry, input.requires[section]) }));
    const denies = withPeers(matches.denies, 'deny');
    const allows = withPeers(matches.allows, 'allow');
    return {
        direction,
        enforcing,
        defaultDenyBy,
        isEnforced: mode === 'always' || enforcing.length > 0,
        isDefaultDeny: mode === 'always' || defaultDenyBy.length > 0,
        denies,
        allows,
        deniedPeers: union(denies, peerCount),
        allowedPeers: union(allows, peerCount)
    };
}
function union(entries, size) {
    const bits = createBitset(size);
    for (const entry of entries)
        orInto(bits, entry.peers);
    return bits;
}
function restrictToRequirements(peers, requires) {
    if (!requires)
        return peers;
    const restricted = peers.slice();
    andInto(restricted, requires);
    return restricted;
}
/**
 * The L3/L4 rule of one side, for 32 peers at once: bit i of `denied` and `allowed` says whether
 * a deny or an allow covering the probe selects peer i; bit i of the result whether that peer
 * passes. A side no policy enforces passes everything. A deny wins over every allow, whatever
 * their order or specificity. An enforced side passes only what an allow selects (default deny
 * on selection), unless every enforcing policy has `enableDefaultDeny` off for the direction:
 * then all that no deny selects passes. (cilium/cilium Documentation/security/policy/deny.rst:
 * deny policies take precedence over allow policies; a pod enters default-deny mode as soon as a
 * single policy selects it.) decidePeer and the whole-matrix path both decide through it.
 */
function passingPeers(table, denied, allowed) {
    if (!table.isEnforced)
        return ~0 >>> 0;
    return (~denied & (table.isDefaultDeny ? allowed : ~0)) >>> 0;
}
/**
 * The L3/L4 decision of one side for one peer, with the rules behind it: passingPeers decides,
 * this names the deny, the allows or the default deny that made it so.
 */
function decidePeer(table, peerIndex) {
    const denied = hasBit(table.deniedPeers, peerIndex) ? 1 : 0;
    const allowed = hasBit(table.allowedPeers, peerIndex) ? 1 : 0;
    const passes = (passingPeers(table, denied, allowed) & 1) === 1;
    if (passes && !table.isEnforced)
        return { decision: 'not-enforced' };
    if (!passes) {
        const deny = table.denies.find((matched) => hasBit(matched.peers, peerIndex));
        return deny ? { decision: 'denied', by: deny.entry } : { decision: 'default-deny' };
    }
    const by = table.allows.filter((matched) => hasBit(matched.peers, peerIndex));
    return { decision: 'allowed', by, synthetic: table.isDefaultDeny ? [] : table.enforcing };
}

;// CONCATENATED MODULE: ./src/core/records.ts
// The one test for "a JSON/YAML object with string keys", shared by every reader of raw input
// (policy validation, scenarios, workload snapshots) and by cluster mode's JSON readers.
/** A plain object: not null, not an array. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/core/label-selector.ts
// Label selectors with Kubernetes apimachinery semantics, over Cilium's source-qualified
// labels (R1.5, R5.4). A selector is a list of requirements, all of which must hold.

function indexLabels(labels) {
    const index = new Map();
    for (const label of labels) {
        const list = index.get(label.key);
        if (list)
            list.push(label);
        else
            index.set(label.key, [label]);
    }
    return index;
}
/** `k8s:app` → source k8s, key app; `app` → source any. Kubernetes keys never contain ':'. */
function splitSourceKey(written) {
    const colon = written.indexOf(':');
    if (colon < 0)
        return { source: 'any', key: written };
    return { source: written.slice(0, colon), key: written.slice(colon + 1) };
}
/**
 * Builds a selector from a raw `{matchLabels, matchExpressions}` object. The input has been
 * validated; anything malformed that slips through yields a requirement that matches nothing
 * rather than one that matches everything.
 */
function parseLabelSelector(raw) {
    const requirements = [];
    if (!isRecord(raw))
        return requirements;
    const matchLabels = raw.matchLabels;
    if (isRecord(matchLabels)) {
        for (const [written, value] of Object.entries(matchLabels)) {
            requirements.push({ ...splitSourceKey(written), operator: 'In', values: [String(value)] });
        }
    }
    const expressions = raw.matchExpressions;
    if (Array.isArray(expressions)) {
        for (const expression of expressions) {
            if (!isRecord(expression) || typeof expression.key !== 'string')
                continue;
            const operator = expression.operator;
            const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
            if (operator === 'In' || operator === 'NotIn' || operator === 'Exists' || operator === 'DoesNotExist') {
                requirements.push({ ...splitSourceKey(expression.key), operator, values });
            }
            else {
                requirements.push({ source: 'any', key: expression.key, operator: 'In', values: [] });
            }
        }
    }
    return requirements;
}
function matchesRequirement(requirement, index) {
    // Hot path of the engine: no allocation, one pass over the labels carrying the key.
    const labels = index.get(requirement.key);
    let present = false;
    let valueListed = false;
    if (labels) {
        for (const label of labels) {
            if (requirement.source !== 'any' && label.source !== requirement.source)
                continue;
            present = true;
            if (requirement.values.includes(label.value)) {
                valueListed = true;
                break;
            }
        }
    }
    switch (requirement.operator) {
        case 'Exists':
            return present;
        case 'DoesNotExist':
            return !present;
        case 'In':
            return valueListed;
        case 'NotIn':
            // A missing key satisfies NotIn (apimachinery labels.Requirement.Matches).
            return !valueListed;
    }
}
function matchesSelector(selector, index) {
    for (const requirement of selector)
        if (!matchesRequirement(requirement, index))
            return false;
    return true;
}
function constrainsKey(selector, predicate) {
    return selector.some((requirement) => predicate(requirement.key));
}
function describeSelector(selector) {
    if (selector.length === 0)
        return '{}';
    const parts = selector.map((r) => {
        const key = r.source === 'any' ? r.key : `${r.source}:${r.key}`;
        if (r.operator === 'In' && r.values.length === 1)
            return `${key}=${r.values[0]}`;
        if (r.operator === 'Exists')
            return key;
        if (r.operator === 'DoesNotExist')
            return `!${key}`;
        return `${key} ${r.operator} (${r.values.join(',')})`;
    });
    return `{${parts.join(', ')}}`;
}

;// CONCATENATED MODULE: ./src/core/engine/identities.ts
// Cilium never matches in-cluster peers by address: every pod is reduced to a security
// identity, the set of its filtered labels plus the labels Cilium derives (R1.1, R1.2).
// Pods with equal label sets share one identity, so the engine evaluates identities, not pods.




const FILTERED_PREFIXES = ['io.kubernetes', 'kubernetes.io', 'k8s.io', 'annotation.', 'io.cilium.k8s'];
const FILTERED_KEYS = [
    'statefulset.kubernetes.io/pod-name',
    'apps.kubernetes.io/pod-index',
    'batch.kubernetes.io/job-completion-index',
    'pod-template-generation',
    'pod-template-hash',
    'controller-revision-hash',
    'etcd_node'
];
const FILTERED_KEYS_116 = ['batch.kubernetes.io/controller-uid', 'controller-uid'];
/** R1.2: pod labels the default identity-label filter drops, so no selector can match them. */
function isIdentityLabel(key, options) {
    if (FILTERED_PREFIXES.some((prefix) => key.startsWith(prefix)))
        return false;
    if (key.includes('beta.kubernetes.io'))
        return false;
    if (FILTERED_KEYS.includes(key))
        return false;
    return !(options.minor >= 16 && FILTERED_KEYS_116.includes(key));
}
function podIdentityLabels(pod, topology, options) {
    const k8s = (key, value) => ({ source: 'k8s', key, value });
    const labels = Object.entries(pod.labels)
        .filter(([key]) => isIdentityLabel(key, options))
        .map(([key, value]) => k8s(key, value));
    const namespace = topology.namespaces.find((ns) => ns.name === pod.namespace);
    const namespaceLabels = { 'kubernetes.io/metadata.name': pod.namespace, ...namespace?.labels };
    for (const [key, value] of Object.entries(namespaceLabels))
        labels.push(k8s(NAMESPACE_LABEL_PREFIX + key, value));
    labels.push(k8s(NAMESPACE_KEY, pod.namespace));
    labels.push(k8s('io.cilium.k8s.policy.serviceaccount', pod.serviceAccount || 'default'));
    labels.push(k8s('io.cilium.k8s.policy.cluster', options.clusterName));
    return labels;
}
function buildIdentities(topology, options) {
    const endpoints = [];
    const byKey = new Map();
    const bySignature = new Map();
    for (const pod of topology.pods) {
        const labels = podIdentityLabels(pod, topology, options);
        const signature = labels
            .map((l) => `${l.source}:${l.key}=${l.value}`)
            .sort()
            .join(',');
        let endpoint = bySignature.get(signature);
        if (!endpoint) {
            endpoint = {
                index: endpoints.length,
                kind: 'pod',
                labels: indexLabels(labels),
                signature,
                namespace: pod.namespace,
                pods: []
            };
            endpoints.push(endpoint);
            bySignature.set(signature, endpoint);
        }
        endpoint.pods.push(pod);
        byKey.set(podKey(pod), endpoint);
    }
    // Each external endpoint is its own world identity: reserved:world plus its address (R1.3, R1.4).
    for (const external of topology.external) {
        const labels = indexLabels([{ source: 'reserved', key: 'world', value: '' }]);
        const endpoint = {
            index: endpoints.length,
            kind: 'world',
            labels,
            signature: `reserved:world ${external.ip}`,
            ip: parseIPv4(external.ip),
            pods: [],
            external
        };
        endpoints.push(endpoint);
        byKey.set(worldKey(external.name), endpoint);
    }
    return { endpoints, byKey, namedPorts: collectNamedPorts(topology.pods) };
}
function collectNamedPorts(pods) {
    const named = new Map();
    for (const pod of pods) {
        for (const served of pod.ports) {
            if (!served.name || served.port === undefined)
                continue;
            const name = served.name.toLowerCase();
            const list = named.get(name) ?? [];
            if (!list.some((p) => p.protocol === served.protocol && p.port === served.port)) {
                list.push({ protocol: served.protocol, port: served.port });
            }
            named.set(name, list);
        }
    }
    return named;
}

;// CONCATENATED MODULE: ./node_modules/re2js/build/index.js
/*!
* re2js
* RE2JS is the JavaScript port of RE2, a regular expression engine that provides linear time matching
*
* @version v2.10.0
* @author Oleksii Vasyliev
* @homepage https://github.com/le0pard/re2js#readme
* @repository [object Object]
* @license MIT
*/
// src/RE2Flags.js
var RE2Flags = class RE2Flags {
	static FOLD_CASE = 1;
	static LITERAL = 2;
	static CLASS_NL = 4;
	static DOT_NL = 8;
	static ONE_LINE = 16;
	static NON_GREEDY = 32;
	static PERL_X = 64;
	static UNICODE_GROUPS = 128;
	static WAS_DOLLAR = 256;
	static LOOKBEHIND = 512;
	static MATCH_NL = RE2Flags.CLASS_NL | RE2Flags.DOT_NL;
	static PERL = RE2Flags.CLASS_NL | RE2Flags.ONE_LINE | RE2Flags.PERL_X | RE2Flags.UNICODE_GROUPS;
	static POSIX = 0;
	static UNANCHORED = 0;
	static ANCHOR_START = 1;
	static ANCHOR_BOTH = 2;
};
// src/PublicFlags.js
/**
* Public flags for RE2JS and RE2Set compilation.
*/
const PublicFlags = {
	CASE_INSENSITIVE: 1,
	DOTALL: 2,
	MULTILINE: 4,
	DISABLE_UNICODE_GROUPS: 8,
	LONGEST_MATCH: 16,
	LOOKBEHINDS: 512
};
// src/Codepoint.js
/**
* Various constants and helper for unicode codepoints.
*/
const ASCII_SIZE = 128;
const ASCII_TO_UPPER = new Int32Array(ASCII_SIZE);
const ASCII_TO_LOWER = new Int32Array(ASCII_SIZE);
const MAX_BMP = 65535;
for (let i = 0; i < ASCII_SIZE; i++) {
	if (i >= 97 && i <= 122) ASCII_TO_UPPER[i] = i - 32;
	else ASCII_TO_UPPER[i] = i;
	if (i >= 65 && i <= 90) ASCII_TO_LOWER[i] = i + 32;
	else ASCII_TO_LOWER[i] = i;
}
var Codepoint = class {
	static CODES = Object.freeze({
		"\x07": 7,
		"\b": 8,
		"	": 9,
		"\n": 10,
		"\v": 11,
		"\f": 12,
		"\r": 13,
		" ": 32,
		"\"": 34,
		$: 36,
		"&": 38,
		"'": 39,
		"(": 40,
		")": 41,
		"*": 42,
		"+": 43,
		"-": 45,
		".": 46,
		0: 48,
		1: 49,
		2: 50,
		3: 51,
		4: 52,
		5: 53,
		6: 54,
		7: 55,
		8: 56,
		9: 57,
		":": 58,
		"<": 60,
		">": 62,
		"?": 63,
		A: 65,
		B: 66,
		C: 67,
		F: 70,
		P: 80,
		Q: 81,
		U: 85,
		Z: 90,
		"[": 91,
		"\\": 92,
		"]": 93,
		"^": 94,
		_: 95,
		"`": 96,
		a: 97,
		b: 98,
		f: 102,
		i: 105,
		m: 109,
		n: 110,
		r: 114,
		s: 115,
		t: 116,
		v: 118,
		x: 120,
		z: 122,
		"{": 123,
		"|": 124,
		"}": 125
	});
	static toUpperCase(codepoint) {
		if (codepoint < ASCII_SIZE) return ASCII_TO_UPPER[codepoint];
		const s = String.fromCodePoint(codepoint).toUpperCase();
		const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (s.length > expectedLen) return codepoint;
		const sOrigin = String.fromCodePoint(s.codePointAt(0)).toLowerCase();
		const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
		return s.codePointAt(0);
	}
	static toLowerCase(codepoint) {
		if (codepoint < ASCII_SIZE) return ASCII_TO_LOWER[codepoint];
		const s = String.fromCodePoint(codepoint).toLowerCase();
		const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (s.length > expectedLen) return codepoint;
		const sOrigin = String.fromCodePoint(s.codePointAt(0)).toUpperCase();
		const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
		return s.codePointAt(0);
	}
};
// src/UnicodeRangeTable.js
var UnicodeRangeTable = class {
	/**
	* @param {Uint32Array | number[]} data
	* @param {boolean} isStride1
	*/
	constructor(data, isStride1 = false) {
		this.data = data;
		this.isStride1 = isStride1;
		this.SIZE = isStride1 ? 2 : 3;
	}
	getLo(index) {
		return this.data[index * this.SIZE];
	}
	getHi(index) {
		return this.data[index * this.SIZE + 1];
	}
	getStride(index) {
		return this.isStride1 ? 1 : this.data[index * this.SIZE + 2];
	}
	get length() {
		return this.data.length / this.SIZE;
	}
};
// src/UnicodeTables.js
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
const B64_MAP = /* @__PURE__ */ new Uint8Array(256);
for (let i = 0; i < 64; i++) B64_MAP[B64.charCodeAt(i)] = i;
const decodeVLQ = (str) => {
	const res = [];
	let value = 0;
	let shift = 0;
	for (let i = 0; i < str.length; i++) {
		const digit = B64_MAP[str.charCodeAt(i)];
		value |= (digit & 31) << shift;
		if ((digit & 32) === 0) {
			res.push(value);
			value = 0;
			shift = 0;
		} else shift += 5;
	}
	return res;
};
const decodeRanges = (str, isStride1) => {
	const res = decodeVLQ(str);
	const numRanges = isStride1 ? res.length / 2 : res.length / 3;
	const out = new Uint32Array(numRanges * 3);
	let current = 0;
	let resIdx = 0;
	for (let i = 0; i < numRanges; i++) {
		current += res[resIdx++];
		out[i * 3] = current;
		current += res[resIdx++];
		out[i * 3 + 1] = current;
		out[i * 3 + 2] = isStride1 ? 1 : res[resIdx++];
	}
	return out;
};
const decodeOrbit = (str) => {
	const res = decodeVLQ(str);
	const map = /* @__PURE__ */ new Map();
	let currentKey = 0;
	for (let i = 0; i < res.length; i += 2) {
		currentKey += res[i];
		const zz = res[i + 1];
		const delta = zz >>> 1 ^ -(zz & 1);
		map.set(currentKey, currentKey + delta);
	}
	return map;
};
var LazyMap = class {
	constructor(initializer) {
		this.initializer = initializer;
		this.cache = /* @__PURE__ */ new Map();
	}
	has(key) {
		return Object.hasOwn(this.initializer, key);
	}
	get(key) {
		if (this.cache.has(key)) return this.cache.get(key);
		const val = this.has(key) ? this.initializer[key]() : null;
		this.cache.set(key, val);
		return val;
	}
};
var UnicodeTables = class {
	static _CASE_ORBIT = null;
	static get CASE_ORBIT() {
		if (!this._CASE_ORBIT) this._CASE_ORBIT = decodeOrbit("rCgCIgCY+rQI4QiCuuBLgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCCgCBgCBgCBgCBgCBgCBgCB+7OB-BB-BB-BB-BB-BBskQB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BC-BB-BB-BB-BB-BB-BB-BByHBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBxHBCBBBCBBBCBBB3SBmMBkNBCBBBCBBB8MBCBBB6MB6MBCBBC+EB0MB2MBCBBB6MB+MBiGBmNBiNBCBBBmKBikzCBmNBqNBkIBsNBCBBBCBBBCBBB0NBCBBB0NDCBBB0NBCBBByNByNBCBBBCBBB2NBCBBDCBBCwDFCBCBDBCBCBDBCBCBDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB9EBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBCBDBCBBBhGBvDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBjICCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBH2iVBCBBBlKBwiVB+jVB+jVBCBBBlMBqEBuEBCBBBCBBBCBBBCBBBCBBB+hVB4hVB8hVBjNB7MC5MB5MCzMC1MB+0yCE5MB20yCC9MBu2yCBwyyCBo0yCChNBlNBo0yCBu-UBi0yCDlNC6-UBpNDrNIu+UDzNCm0yCBzNE0yyCBzNBpEBxNBxNBtEG1NLqxyCBkxyCnFoFrBCBBBCBBDCBBEkIBkIBkICoHHsCCqCBqCBqCCgEC+DB+DBmkOBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCC+BBgCBgCBgCBgCBgCBgCBgCBgCBrCBpCBpCBpCBmjOB-BB8BB-BB-BBgEB-BB-BByBBqgOBsDB-BBtwBB-BB-BB-BBsBBgDBCB-BB-BB-BBeB-BB-BB61OB-BB-BB-DB9DB9DBQB7DBmCE9CBrDBPBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBrFB-EBOBnHB3FB-FCCBBBNBCBBCjIBjIBjIBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB8kMB-BB6kMB-BB-BB-BB-BB-BB-BB-BB-BB-BBokMB-BB-BBkkMBkkMB-BB-BB-BB-BB-BB-BB-BB4jMB-BB-BB-BB-BB-BB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EBCBBBCBoiMBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBJCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBeBCBBBCBBBCBBBCBBBCBBBCBBBCBBBdBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDL-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-C64CgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOCgmOGgmODg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FDg8FBg8FBg8FhVg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBQBQBQBQBQBQDPBPBPBPBPBPjkC7mMB5mMBnmMBjmMBCBlmMB3lMBpiMBk8kCBCBBG-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FD-7FB-7FB-7F6FoglCEsuHRwjlCyDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCB0DBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBG1DD97OCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPEQCQCQCQCPCPCPCPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPB0EB0EBsFBsFBsFBsFBoGBoGBgIBgIBgHBgHB8HB8HDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQCSFPBPBzEBzEBRCxnOFSFrFBrFBrFBrFBREQBQClkOFPBPBnGBnGFQBQCljOCODPBPB-GB-GBNHSF-HB-HB7HB7HBRqJ53OE9tQBrmQH4Bc3BSgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfECBByZ0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzB34BgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CBCBBBt-UBruHBt+UB1iVBviVBCBBBCBBBCBBB3hVB5-UB9hVB7hVCCBBCCBBI9jVB9jVBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBICBBBCBBECBBN-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOC-lOG-lOzoeCBBBCBBBCBBBCBBBCBBBCBl8kCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBTCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBnECBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBKCBBBCBBBnglCBCBBBCBBBCBBBCBBBCBBECBBBvyyCDCBBBCBBBgDCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBn0yCB90yCB10yCBh0yCBn0yCCjxyCBzyyCBpxyCBg6BBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB-CBl0yCBvjlCBCBBBCBBBt2yCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBhkzCZCBB9a-5Bd-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCm6TCBB7gBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCH-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BmlBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvChDwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCFvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvC1DuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCCuCBuCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCCtCBtCk2BgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEO-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-D+CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCL-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-B74CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhrVgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BD1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BtxekCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjC");
		return this._CASE_ORBIT;
	}
	static _Print = null;
	static get Print() {
		if (!this._Print) this._Print = new UnicodeRangeTable(decodeRanges("hB9CBjBLBCpWBDFBFGBCCCBSBCsMBClBBDxBBDCBC2BBJaBFFBSVBC-FBCvBBD6BBDkDBP6BBDwBBDOBCbBDCCBJBGfBIqCBCgFBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYBDCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPBLCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGBCCBCHBDBBDVBCGBCBBCEBDIBDBBDCBICBFBBCEBDRBLBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBGMBCCBCWBCPBDIBCCBCDBIBBCCBCBBDDBDJBIVBCCBCWBCJBCEBDIBCCBCDBIBBGCBCDBDJBCCBNMBCCBCyBBCCBCFBFPBDZBCCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBN5BBFcBmBBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDBhBnCBCjBBFmBBCjBBCOBCMBmBlGBCGGD4LBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBH1CBDFBD-TBCbBE4CBIVBKXBKTBNMBCCBCBBN9CBDJBHJBHNBCKBH4CBIqBBGlCBLeBCLBFLBFEEBoBBDEBMrBBFZBHKBE9BBDgCBCcBDKBHJBHNBDtBBDLBVsCBClFBJ7BBEOBE9BBGqBBDKBJqBBG1QBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBSXBJuBBSBBDaBCMBEhBBPgBBQrEBF5UBXKBWz4BBD9LBGsBBCGGD3BBIBBPXBKGBCGBCGBCGBCGBCGBCGBCGBC9DBjBZBC4CBN1GBbPBC+BBC1CBDmDBGqBBC9CBC1CBKvBBCszcBE2BBK7KBV3FBJ8GBV7BBEJBH3BBJlCBJLBHzDBMdBEtCBCKBFgBBC2BBKNBDJBDmDBZbBLFBDFBDFBKGBCGBC7BBF9DBDJBHj9KBNWBFwBBloItLBDpDBnBGBNEBGZBCEBCCCBCCBCCBoUBhBpBBHyBBCSBCDBFEBCmEBF9FBEFBDFBDFBDCBEGBCGBOBBDLBCZBCSBCBBCOBDNBjB6DBGCBFsBBE3CBCMBEwBwBBsBBjEcBEwBBQbBFjBBKdBGqBBGdBCkBBFNBrB9EBDJBHjBBFjBBFnBBJzBBMLBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBCnCBJIBxBSBCBBGgBBEaBGaBnB3BBFTBDxBBCBBGHBCCBCcBDCBFJBIIBI-BBhBmBBFLBK1BBEcBDaBGZBIDBNGBxCoCB4ByBBOyBBItBBJJBHlBBEcBJBBxGeBCpBBCCBDBBRFBJIBiBtBBJpBBXZBnBbBVWBKtCBFjBBK9BBCEBOYBIJBH0BBCRBJmBBK-CBCTBMRBCuBB-BGBCCCBCBCOBCKBH6BBGJBHDBCHBDBBDVBCGBCBBCEBCJBDBBDCBDHHGGBDGBEEBMJBCDDClBBCJBCDDCDBCJBCBBJBBe7CBCEBfnCBJJBnF1BBDlBBjBkCBMJBHMBU5BBHJBHTBdaBDOBFWB6F7BBlDyCBNHBDDDBGBCBBCdBCBBDLBKJBnCHBDtBBDKBcnCBJyCBOoCBIJB3CHB5ChBBPJBHIBCsBBCNBLcBEfBDVBCNBqCGBCBBCrBBECCBCCBHBJJBHFBCBBCkBBCBBCFBIJBHrBBFJB3HYBIQBCoBBEcB2CQQBwBBO6cBnDuDBCEBMjGBtyCiDBOvhBBRVBL68DBGmSB61G5BBn2B4RBIeBCJBFwCBCJBHdBDFBLlCBLJBCGBCUBGSBxN5BBnG6CBGYBDYBtBqCBF4BBIQBhCEBMGBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBDDBh7D8HBEzNBHWBQQBQtBBDWBKzDB9B1HBLmBBDpCBJvDBWlCB7DTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBD9VBQEBCOBxiBeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBENBDJBFBBhKeBS5BBGxOxOBoBB3GqBBFhGhGBdBCVBJBBhHGBCDBCBBCOBCkGBDPBqBrCBFJBFBByYjCBtC8BBjGDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBBvIrBBFjDBNOBDOBCOBCkBBLtFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBmgB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIBnkzVvHB", false));
		return this._Print;
	}
	static CATEGORIES = new LazyMap({
		C: () => new UnicodeRangeTable(decodeRanges("AfBgDgBBOrWrWBHHBCBICCVuMuMnBBBzBBBE4B4BBGBcDBHQBXhGhGxBBB8BBBmDNB8BBByBBBQddBCCMEBhBGBsCiFiFJBBDBBXIICCBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBPMMBEB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKMMBDBbEByBPBDBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCB-FCBHBBHBBHBBECBIIIBLBDBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIB-BGGBLBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMBxhBPBXJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBF-6DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBrCHBxDUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIlkzVBxHvw-FB", false)),
		Cc: () => new UnicodeRangeTable(decodeRanges("AfgDgB", true)),
		Cf: () => new UnicodeRangeTable(decodeRanges("tFzqBzqBBEBXhGhGyBhMhMBxCxCs5D9-B9-BBDBbEByBEBCJBw03B6H6HBBBimEQQj7IPBhjiBDBwmFHBn0rYffB+CB", false)),
		Cn: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBDBvzIBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-BB---BBB---BBB", false)),
		Co: () => new UnicodeRangeTable(decodeRanges("gg4B-nGh4hc9--BD9--B", true)),
		Cs: () => new UnicodeRangeTable(decodeRanges("gg2B--B", true)),
		L: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICCiEEBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoCaBFDBuBqBBkBBBCiDBCQQBIIBLLBBBDRRCdBe4CBMZZBfBKBBFGGBUBFKKEYYBXBIKBGXBCGBRpBB7B1BBETTIJBQPBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNGB7BBBCCCBDBCXBCCCBIBCBBKDDBDBCWWBCBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNSSBkBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBkBFFkC4CBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBzC+C+CBtBBSHB3BdBOBBLrBBbjBBqBCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBhC1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBF1B1BB8zC8zCBjHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBxC2O2OBrBrBBDBGBBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBReBDlCByBIBDmDBDxCBVQBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBdRRBDBCJBLEBCoBBYCBCHBVWBEEEBwBBCEEBDDBDBDCCZCBDKBICBNFBDFBDFBKGBCGBCqBBCNBHyDBej9KBNWBFwBBloItLBDpDBnBGBNEBGCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBxB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOjBBnBbBKWB7HpBBHBBRFB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB1D-BBgBHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBqBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBGjCjCBLBhCBBCPPBNNB0mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBn7F0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFBmI9BBzEsBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCCBCBBCGBDEBKBBhHGBCDBCBBCOBCkGB8BjCBI1lB1lBBCBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		LC: () => new UnicodeRangeTable(decodeRanges("hCZBHZB7BLLBVBCeBCiGBCDBFvGBDZBhGDBDBBECBCHHCCBCCCBSBCyCBCqEBJlFBClBBKoBB44ClBBCGGDqBBDCBhV1CBDFBjkCKBGqBBDCBhCrBBgCMBChBBmD1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGBmIFFDJBCEEBDBHGCBCBCFBFDDBCBGEBF1B1BB8zC8zCB6DBDmDBHDBEBBNlBBCGGzoetBBTbBnEtCBCWBEDBCsCBZBBE2Z2ZBpBBGIBIvCBh6TGBNEBqgBZBHZBmlBvCBhDjBBFjBB1DKBCOBCGBCBBCKBCOBCGBCBBk2ByBBOyBB+CVBLVB74C-BBhrV-BBhBYBDYBtpZ0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BJBCTBHFB2uCjCB", false)),
		Ll: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDZBiGCCEEEBBBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBDCB5XFBjkCIBC2D2DBqBBgCMBChBBnD0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBBzIEEBEEcKFDBBJDBF2B2Bs1CvBBCEEBGCFCCBCCBEBGiDCBIICFFNlBBCGG0oesBCUaCoEMCBBBC+BCBGBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCbEE2ZqBBGIBIvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFB4vChBB", false)),
		Lm: () => new UnicodeRangeTable(decodeRanges("wVRBFLBPEBICCmEGG-OnHnHlFBBuIBBFgBgBKEEhFoFoF1mBgEgE2R72B72BsDkTkTxOFBvF+BBOjBjBBjBByVOORMBg-CBByHgGgG2OsBsBBDBGiDiDB+C+CBBB34bjnBjnBBEBvIzDzDdBB6DIBxCYYpDDBEBB2OXXqEtDtDWBBoDDBKngVngVuBBBh-BFBCpBBCIB0sBhBhB2K04D04DnrTDB9PCBpBBBnRMBhCBBCPPB9-P9-PBCBCGBCBByhM9BBqGGBud0Q0QsSAB", false)),
		Lo: () => new UnicodeRangeTable(decodeRanges("qFQQhIFFBCBxGBB7ZaBFDBuBfBCJBkBBBCiDBCZZBLLBBBDRRCdBe4CBMZZBfBWVBrBYBIKBGXBCGBRoBB8B1BBETTIJBROBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNFB8BBBCCCBDBCXBCCCBIBCBBKDDBDBYDBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNyDyDBnKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPByDrTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBpBkCkCBhBBC0BBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBxFuBBSHB3BdBOBBLrBBbjBBqBCBLdByDDBCFBCBBE7hB7hBBCB4-C3BBZWBKGBCGBCGBCGBCGBCGBCGBCGBoR2B2BF1CBJCCB4CBFGGBpBBC9CBSfBxBPBhQ-tGBhC0wUBC2jBBkCnBBJrIBFPBLBBjCyByBBkCBqFoDoDEGBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBuBEBDIBLEBCoBBYCBCHBVPBCFBEEEBwBBCEEBDDBDBDCCZBBEKBIPPBEBDFBDFBKGBCGByEiBBej9KBNWBFwBBloItLBDpDBkCCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBqDJBCsBBDeBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBhEtCBjDnBBJzBB9CzBBN2JBKVBLHB5EFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4FjBBnBDBCxJxJBoBBHBBRCBCBB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB0GHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBnBBCBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBB0BUBGSB0NnBB2MqCBGwFwFB0mHBqBfBiDyDBuwIiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBxzI2P2PBrBBiBiKiKBcBTrBBlPaBmHdBDwGwGBdBCCBCBBCGBDEBKiHiHBFBCDBCBBCOBCkGB8pBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Lt: () => new UnicodeRangeTable(decodeRanges("lOGDnB2sH2sHBGBJHBJHBNQQwBAB", false)),
		Lu: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBG+B+B9zCvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBB", false)),
		M: () => new UnicodeRangeTable(decodeRanges("gYvDB0IGBoIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCgBB3BCBCRBCGBLBBeCB5BCCBFBDBBDCBKLLBbbDCB5BCCBDBFBBDCBEffBEEMCB5BCCBGBCCBCCBVBBXFBCCB5BCCBFBDBBDCBICBLBBf8B8BBDBECBCDBKpBpBBDB4BCCBFBCCBCDBIBBMBBeCB5BCCBFBCCBCDBIBBMBBQNNBCB4BBBCGBCCBCDBKLLBeeBBBnCFFBEBCCCBGBTBB+BDDBFBNHBjDDDBHBMGBqCBBcECFBByBTBCBBGKBCjBBKlDlDBSBYDBFCBCCBDGBEDBOLBCLLBCBgWCBzdDBdCBeBBfBBhCfBKuBuBBBBC2D2DBjBjB3DLBFLB8GEB6BJBCcBDxBxBBsBBDLBVEBwBQBnBIBNCBfMB5BNBxBTB5ECBCUBFHHDCBnG-BBxWgBB--CCBuEhDhDBeBrRFBqDBB1udDBCJBhBBBxCBBxIEEFYYBDBF0C0CBzBzBBQBbRBOnBnBBGBaMBtBDBwBNBlBkCkCBMBNJJBuBuBBBBzBCCBBBDBBGBBCqBqBBDBGBBtHHBCBBx5TiXiXBOBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB7DCB2BOBqBDDBLLBCBuBKBI+B+BBBBlBNBRBBtBNNBBBxBNBJDBCBB9CLBHDD+ELBWDB4BBBCGBDBBDCBKLLBDDBFBEEBkCIBCDDCDBCEBCPPBzCzCBQBYyCyCBSBsHGBDIBcBBzCQBrDMBmDOBhIOB2HFBCBBDDBCCCBuEuEBFBDGBEddBIBpBGBCDBJKKBJBvBPBnGHBoGHBCHBzCVBCNB7DFBECCBCCBFBCjCjCBDBCBBCEB8KDBKBBCxBxBBFBEEBYmnFmnFHOBpmLRBhuCEB8BGB5gBCCB1BBIDByCMMBslTslTBizEizEBsBBDWB-QEBEFBJHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
		Mc: () => new UnicodeRangeTable(decodeRanges("joC4B4BDCBJDBCBBzBBB7BCBHBBDBBLsBsB7BCBjC7B7BBBBJCCB2B2BB7B7BCHHBDDBLLnDBBCBBECBCCBLqBqBBBB+BDB+BBB7BCCBDBDBBCBBKBBdPPB7B7BBBBGCBCCBLrBrBBsCsCBBBHHBTBBrKBBgCsFsFBFFHDDBaaBLLBBBDGBWBBDFBDLLBBB5zBffiEIIBGBCBB7KDBDCBFBBCFBhHBB7BCCKCCBJJBEByExBxBGCCBDBCBB+BffFBBD9B9BDCBCEEBxBxBBGBJBBsFWW35EBB0-dBBD5C5CBzBzBBOBvEBBwBxBxBBFFBDDBBBvDBBDBBZuBuBCuDuDDBBGuHuHBCCBCCBCC0gZCCgEuBuBBBBFBB0DZZB8B8BxBCBKBBO+C+CBBBEBBCrFrFBBBgBBB7BBBCDBDBBDCBKLLB1C1CBBBIDDCDBCBBCmDmDBBBJBBErDrDBBBHCCBCBDuHuHBBBHDBDyDyDBBBJBBCuDuDCBBHoDoDCBBFmImIBBBK4H4HBEBCBBFDDCvEvEBBBJDBF1C1CeBB-BqGqGECCoGPPrDIID2G2GBDBFBBC-K-KBNNxBBBJBBCpvQpvQBBBlxD2BBpDBB0rYBBHFB", false)),
		Me: () => new UnicodeRangeTable(decodeRanges("okBBB1xF-wB-wBBCBCCBsshBCB", false)),
		Mn: () => new UnicodeRangeTable(decodeRanges("gYvDB0IEBqIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCfB4BCCFHBFEEBFBLBBe7B7BFDBJVVBbbDBB6BFFBFFBDDBBBEffBEEMBB6BFFBDBCBBFVVBXXBEBC7B7BDCCBCBJIIBMMBff+BNNzBEE4BCCBBBGCBCDBIBBMBBe7B7BDHHGBBVBBdBB6BBBFDBJVVBeepCIIBBBC7C7CDGBNHBjDDDBHBMGBqCBBcEC4BNBCEBCBBGKBCjBBKnDnDBCBCFBCBBDBBaBBFCBRDBODDBHHQgWgWBBBzdCBeBBfBBfBBhCBBCGBJDDBJBKuBuBBBBC2D2DBjBjB3DCBFBBKHHBBB8GBBD7B7BCGBCCCDHBHJBDxBxBBMBCeBDLBVDBxBCCBDBCGGpBIBNBBhBDBDBBCCB5BCCBEECCB7BHBDBB5ECBCMBCGBFHHEBBnG-BBxWMBFEEBKB--CCBuEhDhDBeBrRDBsDBB1udFFBIBhBBBxCBBxIEEFaaBGG4EBBbRBOnBnBBGBaKBvBCBxBDDBCBDBBoBkCkCBEBDBBDBBNJJwB0B0BCCBDBBGBBCrBrBBJJvHDDFx5Tx5TiXPBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB8D3B3BBNBqBDDBLLBBByBDBDBBI+B+BBBBlBEBCHB-BNNB1B1BBHBLDBDgDgDBBBDCCBHHD+E+EEHBWBB6BBBEmBmBBFBEEBnCFBOECPBB2CHBDCBCYY1CFBCFFBCCBvHvHBCBHBBCBBcBB2CHBDCCBrDrDCDDBEBCmDmDCDDBCBCEBkIIBCBBhIBBCFFxEDBDBBFhBhBBIBpBFBDDBJKKBEBDCBvBMBCBBnGCCBBBCqGqGBFBCFBCzCzCBUBDGBCBBCBB7DFBECCBCCBFBCpCpCBEEC8K8KBMMB1B1BBDBGCCYmnFmnFHOBpmLLBECBhuCEB8BGB5gBgCgCBCByC5lT5lTBizEizEBsBBDWBhRCBSHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
		N: () => new UnicodeRangeTable(decodeRanges("wBJB5DBBGDDBBBitBJBnEJBnGJB9MJB3DJBFFBtDJB3DJB3DJBDFBvDMB0DJBJGBoDJBpDGBISBuDJBhDJB3DJBnCTBtIJBnCJBwWTBybCBwHJBHJBXJBtJJBhEKBmFJBHJB3FJB3CJBnEJBHJB3gBEEBEBHJBnGyBBDEB3W7BBvCVB3TdBqrBqYqYaIBPCB4KDBrEJBfHBCOBhBJBoBOBh7cJB9FJBhKFB7EJBnBJBnGJBXJB3CJB3MJB34UJBuPsBBN4BBSBB2KaBlBDBeJJnEEBrGJBvdHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBxBJBHJB3IeB-EJBrBDBxDGBnEdBhEJB9BJBxEJBITB8HJB3KJB3DJB3LJBnDJBHTBtCLBlNSB+CJB3UJB3CcBkHJBnCJB3BJBnLJBnDUBshBuDBimPJBnpCJB3CJBnEJBCGBvQJBnIWB+KCB6nXJBnuBTBNTBtDYB2iBxBBhqCJBnNJB3PJB4HJBtWIBhEJB4Y6BBCCBCDBtCsBBCOBjeMBk3CJB", false)),
		Nd: () => new UnicodeRangeTable(decodeRanges("wBJnxBJnEJnGJ9MJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJhDJ3DJnCJ3IJnCJn6BJnBJtJJhEJnFJHJ3FJ3CJnEJHJnuiBJnVJnBJnGJXJ3CJ3MJ34UJnsBJnkCJHJ9YJhEJ9BJxEJ3IJ3KJ3DJ3LJnDJHTtCJnNJnDJ3UJ3CJ3HJnCJ3BJnLJ3uQJnpCJ3CJnEJ3QJ37XJ12CxBhqCJnNJ3PJ4HJ2aJ30EJ", true)),
		Nl: () => new UnicodeRangeTable(decodeRanges("u3FCBwzCiBBDDB-zDaaBHBPCBs1dJBxyW0BBtOJJnEEBrhIuDBm8SCB", false)),
		No: () => new UnicodeRangeTable(decodeRanges("yFBBGDDBBB2pCFB5LFB5DCBmEGB6GGBSIByNJB2hBTB0jBJBhP20B20BEFBHJBnGPBqB3W3WB6BBvCVB3TdBqrB1kB1kBBCBrEJBfHBCOBhBJBoBOBxrdFBymWsBBiCDBSBB2KaBlBDB1pBHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBhLeB-EJBrBDBxDGBnETB8LTBmqBBBvNIBobSB0aUBn8SGB-YWBqhZTBNTBtDYBvqFIBid6BBCCBCDBtCsBBCOBjeMB", false)),
		P: () => new UnicodeRangeTable(decodeRanges("hBCBCFBCDBLBBEBBbCBCccCkBkBGEELBBEEE-VJJzOFBqBBB0BCCDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCmBmBBCBoCrCrCBDBFBBwDFBsFlTlTBHB4EuTuTtBBBvCCBoCBB+ECBCCBmBKB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBM9Z9ZBWBJTBCMBCLBfBBPBB6TDBeBB+hBNBwCBBgBJB0MVBgCDBhBBB8XDBCBBxDwEwEBtBBCfBDLBkNCBFJBDLBRNNjD7C7CjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HzqUzqUBxGxGBIBXiBBCNBCFFCBB2ECBCFBCDBLBBEBBbCBCccCCCBFB7MCB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDByO-J-JjBlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
		Pc: () => new UnicodeRangeTable(decodeRanges("-Cg-Hg-HBUU-u3BBBZCBwHAB", false)),
		Pd: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEBiwDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
		Pe: () => new UnicodeRangeTable(decodeRanges("pB0B0BgB+1D+1DC-6B-6BqtC4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECtBGCtNICEGCDBB-ozB6G6GeOCESSCCCrF0B0BgBGD", false)),
		Pf: () => new UnicodeRangeTable(decodeRanges("7F+6H+6HEddpuDCCFDDQEE", false)),
		Pi: () => new UnicodeRangeTable(decodeRanges("rFt7Ht7HDBBDaapuDCCFDDQEE", false)),
		Po: () => new UnicodeRangeTable(decodeRanges("hBCBCCBDECBLLBEEBcclCGGPBBI-V-VJzOzOBEBqB3B3BDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCxDxDrCEBFBBwDFBsFlTlTBHBmY9D9DBBBoCBB+ECBCCBmBFBCDB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBMjajaBJJBGBJIBDDBDCBEKBCCCBIB7kDDBCBBxDwEwEBFFBBBDDDBHBCBBCDDBLLBDBCJBDDBCCCBLBDCBtNCB6B+F+FjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HlxUlxUBFBDXXVBBDDBECBCDBICBHCCB2E2EBBBCCBDECBLLBEEBcclBDDB7M7MBBB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDB0ZlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
		Ps: () => new UnicodeRangeTable(decodeRanges("oBzBzBgB-1D-1DC-6B-6B-rCEEnB4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECaTTCECtNICEGCDipzBipzB4GeeCMCESSCCCrFzBzBgBEEDAB", false)),
		S: () => new UnicodeRangeTable(decodeRanges("kBHHRCBgBCCcCCkBEBCBBDCCBCBDEEfgBgBrODBNNBGGBCCCBPB2DPPBxDxDsErIrIBBB3DCBDDDBvGvGLUUB4H4HIBBpEqLqLBHHB2H2H-DjEjEBGBlEwGwGqBmGmGiGCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WuLuLlL+E+EBgBBiLJBKIBhiBCCBBBMCBOCBOCBOBBmCOOoBCBOCBUhBB-BBBCDBCBBLCCBBBGFBCECFMMBFFBDBGDBC7B7BBFFB2LBFcBD+HBXKByCtCBXnTBtBwBBDeBLyMBX+BBFfBD1LBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBB8CBB0HBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BB6RWBKBBoDBB+EDBLDB+RCBiHPPB+9T+9TpEgBBuLPBhCBB3BHBtBDBjDCCBBBD7E7EHRRBBBgBCCcCCiEGBCGBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSmWmWBiKiKBGBnjC2kC2kCBbBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQQBgDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBrbaagBaagBaagBaagBaa9B-PB4BDBzBHBCNBCBBp2BwNwNttCEE+DiOiOBvIvIBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
		Sc: () => new UnicodeRangeTable(decodeRanges("kB+D+DBCBqnB8D8DzPBBzPBBI2H2HoImSmS8sClmClmCBgBB37hBkuVkuVtD7E7E8GBBEBB3-HDB-4wBxtCxtC", false)),
		Sk: () => new UnicodeRangeTable(decodeRanges("+CCCoCHHFEEqQDBNNBGGBCCCBPB2DPPBjoBjoB15FCCBBBMCBOCBOCBOBB9kEBBkzdWBKBBoDBBxePPBniUniUBPB8bCCjF4g9B4g9BBDB", false)),
		Sm: () => new UnicodeRangeTable(decodeRanges("rBRRBBB+BCCuBFFmBgBgB-XwQwQBBB8xGOOoBCBOCBsEoBoBBDBHlClCBDBGBBFGDIgBgBBDDCgBgBBqIBhBBB7CffBXBpBFB2OKK3BHBwDxKxKBDBDeBLPBhIiEBX+BBFfBDhIBxBUBDFB9+zB5Z5ZCCBlFRRBBB+BCCkEHHBCBitDBBhrwBx+Bx+BagBgBagBgBagBgBagBgBat5Ft5FB-uC-uCBHB", false)),
		So: () => new UnicodeRangeTable(decodeRanges("mFDDFCCyerIrIBgEgEBvGvGLUUB4H4HkQ2L2LjEFBClElEwGqBqBoMCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WzWzW+EhBBiLJBKIBksBBBCDBCBBLCCBHHBEBCECFMMBPPCBBC7B7BBKKBDBDDBCBBCBBCGBCeBDBBCCCBdBtIHBFTBDGBDwCBCdBanBBHnCBXKByCtCBX2FBCIBC1BBJuDBC3HBtBrBBhC-HBhQvBBWBBHmBBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBBxKBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BBibDBLBBC+R+RBBBqqUPBuLPBhCBB3BHBuBCBlPEEFBBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSpgBpgBBGBnjC2kC2kCBGBFQBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQPBhDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBqlB-PB4BDBzBHBCNBCBBp2B96C96CiEyWyWBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E6HBG4WBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBB-B3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
		Z: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBeBBGwBwBh9DAB", false)),
		Zl: () => new UnicodeRangeTable(decodeRanges("ohIA", true)),
		Zp: () => new UnicodeRangeTable(decodeRanges("phIA", true)),
		Zs: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBlBwBwBh9DAB", false)),
		ASCII_Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbF", true)),
		Alphabetic: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICC3CeeBQBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoBNBCCCBCCBCCJaBFDBeKBG3BBCGBPlDBCHBFHBFCBLCBDRRBuBBOkDBZgBBKBBFGGBWBDSBUYBIKBGXBCGBIJJBoBBLLBEGBHrCBCPBCCBFOBOSBCHBDBBDVBCGBCEEBCBEHBDBBDBBCJJFBBCEBNBBLFFBBBCFBFBBDVBCGBCBBCBBCBBFEBFBBDBBFIIBCBCSSBEBMCBCIBCCBCVBCGBCBBCEBEIBCCBCBBEQQBCBWDBFCBCHBDBBDVBCGBCBBCEBEHBDBBDBBKBBFBBCEBORRBCCBEBECBCDBEBBCCCBEEBEEBBBELBFEBECBCCBEHHpBMBCCBCWBCPBEHBCCBCCBJBBCCBCBBDDBdDBCHBCCBCWBCJBCEBEHBCCBCCBJBBGCBCDBOCBNMBCCBCoBBDHBCCBCCBCGGBCBIEBXFBCCBCRBEXBCIBCDDBFBJFBCCCBGBTBBO5BBGGBH0B0BBECBDBCXBCCCBRBCCBDEBCHHPDBhBgCgCBGBCjBBFSBFPBCjBBkC2BBCDDBDBR-BBLDBDlBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBEKBITBMUBNTBNMBCCBCBBNzBBDSBPFFkC4CBIqBBGlCBLeBCLBFIBYdBDEBMrBBFZB3BbBF+BBDTBzBYYBMMBBByBzBBCOBCHB0BpBBDDBLrBBCKBP2BBXCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBUhBBM1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBFSSBnBBuZzBB34BkHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBCfBwB2O2OBBBaIBIEBDEBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBGHBEwDBoBIBDmDBDxCBVUBCgBBZzBBNjCBCtBtBBEBECCBBBLgBBGiBBOcBEyBBCLBQRRBOBLEBC2BBKNBTWBEkCBCCCZCBDPBDDBMFBDFBDFBKGBCGBCqBBCNBH6DBWj9KBNWBFwBBloItLBDpDBnBGBNEBGLBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmC0BBsIcBEwBBwBfBOdBGqBBGdBDjBBFHBCEBrB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCDBCBBGHBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOnBBjBbBEGGBVB7HpBBCBBEBBRFBzBCBEcBLJJBUBrBRBvBUBcWBKlCBsBEBL4BBKOOBXBYyBBSDBJiBBEKKB+BBCDBKBBLCCkBRBChBBDHHBCB-BGBCCCBCBCOBCJBI4BBYDBCHBDBBDVBCGBCBBCEBEHBDBBDBBEHHGGBdJBCDDClBBCJBCDDCDBCBBECCtBhCBCCBCDBVCBfhCBDBBC5F5FB0BBDGBaFBjB+BBCEE8B1BBDoCoCBZBDNBWGB6F4BBoD-BBgBHBDDDBGBCBBCdBCBBDBBDDB+CHBDtBBDFBCCCBccBxBBDJBSnCBGTTBnCBoDHB5CgBBgBIBCsBBCGBCyByBBcBDVBCNBqCGBCBBCrBBECCBCCBBBCDDBZZBEBCBBCkBBCBBCDBCYYBqBBlIWBKQBCoBBECBwDwCwCB4cBnDuDBSjGBtyCgDBQvhBBSFBa68DBGmSB61GuBBy2B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBF4BBIQBhCBBCNNBFBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBFi7Fi7FBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCVBJBBhHGBCDBCBBCOBCkGB8BjCBEEE1lBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1TZBHZBHZB3zD-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Dash: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEB+BoBoBQnMnMlgDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
		Emoji: () => new UnicodeRangeTable(decodeRanges("jBHHGJBwDFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDrGrGhFBBNBBPDDBIBsCZBCBBYVVDIBWBBvFhBBDvDBDBBCCBDyCBDCBCmIBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDDBEJBECCBEEDJBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
		Emoji_Component: () => new UnicodeRangeTable(decodeRanges("jBHHGJB0+H2G2Gsp3B3+8B3+8BBYB8PEBxtBDBtzhY-CB", false)),
		Emoji_Modifier: () => new UnicodeRangeTable(decodeRanges("7-8DE", true)),
		Emoji_Modifier_Base: () => new UnicodeRangeTable(decodeRanges("9wJ8G8GRDB4jzD9B9BBBBDDDBBB2DBBDKBWSBEFFBBBCCBICCZqGqGBFFWFFBvFvFBBBEEB0CRRBBBKMMgSDDJHBHKKBIBDCB5B+B+BBCCBCCSCBCMBmHCBrBIB", false)),
		Emoji_Presentation: () => new UnicodeRangeTable(decodeRanges("64IBBuGDBEDDqQBBWBBzBLBsBUUOJJBSSBGGBJJGWWIBBCFFDIIFBBdkBkBCFFBBBC+B+BBBBZPP8aBB0BFFvlxDrGrG-FDDBIBsCZBCZZVDDBDBCCBWBBvFgBBNIBClCBCVBNqBBFEBNQBEEEBlCBCCCB5FBD+BBODBCXBTbbBOO3C0CBxBlCBHEEBBBDDBEDBMBBIIBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
		Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("pFFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDoBoBBCBlDLBQBBQPPBmBmBBIBxDBBNBBPDDBIBU3BBcOBLVVDIBCDBKWBH7FBDvDBDBBCCBDyCBDCBCDBG9HBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDQBECCBEBDMB7GlBBNDB5BHBLFBpBHBfBBNDBDNBKmBBNuBBCJBC4FB5CHBPxEBhI9fB", false)),
		Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbFq1-BJIFbF", true)),
		Lowercase: () => new UnicodeRangeTable(decodeRanges("hDZBwBLLFlBlBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDiBBIBBfEBhDsBsBCEEDDBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBCDB5XFBjkCIBC2D2DB+FBiC0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBB6DOORMBuDEEBEEcKFDBBJDBFiBiBBOBFsasaBYBn6BvBBCEEBGCFCCBCCBGBEiDCBIICFFNlBBCGG0oesBCUaCBBBmEMCBBBC8BCBIBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCWDBCCCBBB2ZqBBCNBHvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBkODDBBBCpBBCIBmoByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFBmI9BB1lChBB", false)),
		Math: () => new UnicodeRangeTable(decodeRanges("rBRRBBBgBeeCuBuBFmBmBgB5W5WBBBDbbBDDBBBwQCBuwGccBBBMEEOPPBCBWEBMEBiCMBFEEBFFBDBTFFDJBCDDBEBHEEBDDBCCBBBCFBENBClClCBWBCFBCBBFBBFfBCHHBPPBqIBJDBVBB7CffBZBCZZMGB+NBBNJBFFBFBBDBBEEBPCCDFBMHBGBB6BCCeDBKCBxK-BBhI-PBxBUBDFB9+zB4Z4ZBEBCjFjFRCBeCCeCCkEHHBCBitDBBhrwBwoBwoBBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBBhwFDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB-uCIB", false)),
		Quotation_Mark: () => new UnicodeRangeTable(decodeRanges("iBFFkEQQ96HHBaBBowDqOqOBCBOCBixzBDB+FFF7CBB", false)),
		Terminal_Punctuation: () => new UnicodeRangeTable(decodeRanges("hBLLCMMBEE-ZJJiQ6B6BpCPPCCB1FsBsBBJBCsHsHB3B3BBEBCHBgBmImIB1nB1nBBtFtFFFB4JBB2YHBmY9D9DBBBoCBB+ECBEoBoBBCBDBB7JBBjLDBjFBBLBBCCBeCB8FEB-BBBldYYBKKBBBwlDCBzJOOFLLCBBEBBtNBB8ndBBuICBkHEB-LBB3CBBgD4E4EBBB0ECBgERRB6H6HnxUDDB6B6BBBBCDBqFLLCMMBEEiCDD7hBxBxBnkBoGoG3JBB5EFBlCFB6CDB5dEBtBDB+FGBxDDBgECBiEBBHRRB5C5CBDBtDrJrJB2D2DBBBNBBnLDBEOBqDBB6HCBmQCC8HBB4CBBFBB-MCBuBmUmUBrCrCBspBspBBDB6vRBBmEiCiCBBBLqRqRBoJoJBnwTnwTovHDB", false)),
		Uppercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBGbbBOBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBBvgCZBHZBHZB", false)),
		White_Space: () => new UnicodeRangeTable(decodeRanges("JEBTlDlDbgvFgvFgsCKBeBBGwBwBh9DAB", false))
	});
	static SCRIPTS = new LazyMap({
		Adlam: () => new UnicodeRangeTable(decodeRanges("go6DrCFJFB", true)),
		Ahom: () => new UnicodeRangeTable(decodeRanges("g4lCaDOFW", true)),
		Anatolian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggxCmS", true)),
		Arabic: () => new UnicodeRangeTable(decodeRanges("gwBEBCFBCNBCCBCfBCJBMZBCrDBChBBxCvBBxHhBBGqCBCcBxy8BtPBDvEBhBPBxDEBCmEBk7DeBkCFBJIBiBFBh43BDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB", false)),
		Armenian: () => new UnicodeRangeTable(decodeRanges("xpBlBDxBDCks9BE", true)),
		Avestan: () => new UnicodeRangeTable(decodeRanges("g4iC1BEG", true)),
		Balinese: () => new UnicodeRangeTable(decodeRanges("g4GsCCxB", true)),
		Bamum: () => new UnicodeRangeTable(decodeRanges("g1pB3CpowB4R", true)),
		Bassa_Vah: () => new UnicodeRangeTable(decodeRanges("w26CdDF", true)),
		Batak: () => new UnicodeRangeTable(decodeRanges("g+GzBJD", true)),
		Bengali: () => new UnicodeRangeTable(decodeRanges("gsCDBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYB", false)),
		Beria_Erfe: () => new UnicodeRangeTable(decodeRanges("g17CYDY", true)),
		Bhaiksuki: () => new UnicodeRangeTable(decodeRanges("ggnCICsBCNLc", true)),
		Bopomofo: () => new UnicodeRangeTable(decodeRanges("qXB6wLqBxDf", true)),
		Brahmi: () => new UnicodeRangeTable(decodeRanges("ggkCtCFjBKA", true)),
		Braille: () => new UnicodeRangeTable(decodeRanges("ggK-H", true)),
		Buginese: () => new UnicodeRangeTable(decodeRanges("gwGbDB", true)),
		Buhid: () => new UnicodeRangeTable(decodeRanges("g6FT", true)),
		Canadian_Aboriginal: () => new UnicodeRangeTable(decodeRanges("ggF-TxRlC7tgCP", true)),
		Carian: () => new UnicodeRangeTable(decodeRanges("g1gCwB", true)),
		Caucasian_Albanian: () => new UnicodeRangeTable(decodeRanges("wphCzBMA", true)),
		Chakma: () => new UnicodeRangeTable(decodeRanges("gokC0BCR", true)),
		Cham: () => new UnicodeRangeTable(decodeRanges("gwqB2BKNDJDD", true)),
		Cherokee: () => new UnicodeRangeTable(decodeRanges("g9E1CDFz7lBvC", true)),
		Chorasmian: () => new UnicodeRangeTable(decodeRanges("w9jCb", true)),
		Common: () => new UnicodeRangeTable(decodeRanges("AgCBbFBbuBBCOBCEBYgBgBiOmBBGEBDTB1DKKHCC+THHPEEhB9E9ElQiEiEB6mB6mB2MDBjJwvBwvBBBBoCBBsGBBCumBumBOIIBCBCFBCCBDmYmYBKBD2CBCKBEKBCOBShBB-BlBBCCBDFBCaBCQBqBCBF5UBXKBW-cBhIzTBDpEBhQ9CBzMUBCCCBXBQHBFDB8CBBE7C7CB0E0EBOBhBlBBKxBxBB+BBgBwCBwB5C5CBmFBhuG-BBhoWhBBnDCBmFJB1HhFhFsMPPBzuUzuUBxGxGBIBXiBBCSBCDB0ECCBeBbFBbKBLuBuBBhChCBFBCGBLEBjICBFsBBEIBxCMB0BsBBlHaBltuBDB96D8HBEzNBHWBQQBgDzDB9B1HBLmBBD9BBEQBJBBIdBF8BB2GTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBByjFjCBtC8BBjWrBBFjDBNOBDOBCOBCkBBLtFB5BZBCBBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBnghYffB+CB", false)),
		Coptic: () => new UnicodeRangeTable(decodeRanges("ifNxkKzDGG", true)),
		Cuneiform: () => new UnicodeRangeTable(decodeRanges("ggoC5cnDuDCEMjG", true)),
		Cypriot: () => new UnicodeRangeTable(decodeRanges("ggiCFBDCCBqBBCBBEDD", false)),
		Cypro_Minoan: () => new UnicodeRangeTable(decodeRanges("w8rCiD", true)),
		Cyrillic: () => new UnicodeRangeTable(decodeRanges("ggBkEBDoFBx6FKBhFtCtCojEfBhie-CBv8VBBhw4B9BBiBAB", false)),
		Deseret: () => new UnicodeRangeTable(decodeRanges("gghCvC", true)),
		Devanagari: () => new UnicodeRangeTable(decodeRanges("goCwCFODZh7nBfhwcJ", true)),
		Dives_Akuru: () => new UnicodeRangeTable(decodeRanges("gomCGBDDDBGBCBBCdBCBBDLBKJB", false)),
		Dogra: () => new UnicodeRangeTable(decodeRanges("ggmC7B", true)),
		Duployan: () => new UnicodeRangeTable(decodeRanges("ggvDqDGMEIIJDD", true)),
		Egyptian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggsC1iBL68D", true)),
		Elbasan: () => new UnicodeRangeTable(decodeRanges("gohCnB", true)),
		Elymaic: () => new UnicodeRangeTable(decodeRanges("g-jCW", true)),
		Ethiopic: () => new UnicodeRangeTable(decodeRanges("gwEoCBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBnvGWBKGBCGBCGBCGBCGBCGBCGBCGBjpfFBDFBDFBKGBCGBylvCGBCDBCBBCOB", false)),
		Garay: () => new UnicodeRangeTable(decodeRanges("gqjClBEcJB", true)),
		Georgian: () => new UnicodeRangeTable(decodeRanges("glElBBCGGDqBBCDBx8CqBBDCBhiElBBCGG", false)),
		Glagolitic: () => new UnicodeRangeTable(decodeRanges("ggL-Ch9sDGCQDGCBCE", true)),
		Gothic: () => new UnicodeRangeTable(decodeRanges("w5gCa", true)),
		Grantha: () => new UnicodeRangeTable(decodeRanges("g4kCDBCHBDBBDVBCGBCBBCEBDIBDBBDCBDHHGGBDGBEEB", false)),
		Greek: () => new UnicodeRangeTable(decodeRanges("wbDBCCBDDBCFFCCCBBBCCCBSBC+BBPPBnpGEBzBEBFEB1ChKhKBUBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBoJ-xiB-xiB7uVuCBSgj0Bgj0BBkCB", false)),
		Gujarati: () => new UnicodeRangeTable(decodeRanges("h0CCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGB", false)),
		Gunjala_Gondi: () => new UnicodeRangeTable(decodeRanges("grnCFCBCkBCBCFIJ", true)),
		Gurmukhi: () => new UnicodeRangeTable(decodeRanges("hwCCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPB", false)),
		Gurung_Khema: () => new UnicodeRangeTable(decodeRanges("go4C5B", true)),
		Han: () => new UnicodeRangeTable(decodeRanges("g0LZBC4CBN1GBwBCCaIBPDBle-tGBhC-vUBhoWtLBDpDBpodBBNGBqgkB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Hangul: () => new UnicodeRangeTable(decodeRanges("goE-HvxHBiI9CyDeiCei3dckUj9KNWFwBl9JeEFDFDFDC", true)),
		Hanifi_Rohingya: () => new UnicodeRangeTable(decodeRanges("gojCnBJJ", true)),
		Hanunoo: () => new UnicodeRangeTable(decodeRanges("g5FU", true)),
		Hatran: () => new UnicodeRangeTable(decodeRanges("gniCSCBGE", true)),
		Hebrew: () => new UnicodeRangeTable(decodeRanges("xsB2BBJaBFFBpp9BZBCEBCCCBCCBCCBIB", false)),
		Hiragana: () => new UnicodeRangeTable(decodeRanges("hiM1CBHCBi7-C+IBTeeBBBulQAB", false)),
		Imperial_Aramaic: () => new UnicodeRangeTable(decodeRanges("giiCVCI", true)),
		Inherited: () => new UnicodeRangeTable(decodeRanges("gYvDB2IBBlOKBbhXhXBCB8qEtBBDLBlPCBCMBCGBFHHEBBnG-BBtQBBjGgBB65DDBsDBBmrzBPBRNBwejHjH7iEl+uBl+uBBsBBDWBhRCBSHBDGBfDBz6rYvHB", false)),
		Inscriptional_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g7iCSGH", true)),
		Inscriptional_Parthian: () => new UnicodeRangeTable(decodeRanges("g6iCVDH", true)),
		Javanese: () => new UnicodeRangeTable(decodeRanges("gsqBtCDJFB", true)),
		Kaithi: () => new UnicodeRangeTable(decodeRanges("gkkCiCLA", true)),
		Kannada: () => new UnicodeRangeTable(decodeRanges("gkDMCCCWCJCEDICCCDIBGCCDDJCC", true)),
		Katakana: () => new UnicodeRangeTable(decodeRanges("hlM5CBDCBxHPBxGuBBC3CBvgzBJBCsBBzisBDBCGBCBBCgJgJBBBzBPPBCB", false)),
		Kawi: () => new UnicodeRangeTable(decodeRanges("g4nCQCoBEc", true)),
		Kayah_Li: () => new UnicodeRangeTable(decodeRanges("goqBtBCA", true)),
		Kharoshthi: () => new UnicodeRangeTable(decodeRanges("gwiCDCBGHCCCcDCFJII", true)),
		Khitan_Small_Script: () => new UnicodeRangeTable(decodeRanges("k-7C84G84GB0OBqBAB", false)),
		Khmer: () => new UnicodeRangeTable(decodeRanges("g8F9CDJHJnPf", true)),
		Khojki: () => new UnicodeRangeTable(decodeRanges("gwkCRCuB", true)),
		Khudawadi: () => new UnicodeRangeTable(decodeRanges("w1kC6BGJ", true)),
		Kirat_Rai: () => new UnicodeRangeTable(decodeRanges("gq7C5B", true)),
		Lao: () => new UnicodeRangeTable(decodeRanges("h0DBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDB", false)),
		Latin: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBQQGWBCeBCgOBoBEB8wGlBBHwBBGDBGMBClCBiC-HByLOORMBuEBBHccSoBB42CfBj1elDBExCBVOBxZqBBCIBCDB38TGB7gBZBHZBmhCFBCpBBCIBm61BeBHFB", false)),
		Lepcha: () => new UnicodeRangeTable(decodeRanges("ggH3BEOEC", true)),
		Limbu: () => new UnicodeRangeTable(decodeRanges("goGeBCLBFLBFEEBKB", false)),
		Linear_A: () => new UnicodeRangeTable(decodeRanges("gwhC2JKVLH", true)),
		Linear_B: () => new UnicodeRangeTable(decodeRanges("gggCLCZCSCBCODNjB6D", true)),
		Lisu: () => new UnicodeRangeTable(decodeRanges("wmpBvBx1eA", true)),
		Lycian: () => new UnicodeRangeTable(decodeRanges("g0gCc", true)),
		Lydian: () => new UnicodeRangeTable(decodeRanges("gpiCZGA", true)),
		Mahajani: () => new UnicodeRangeTable(decodeRanges("wqkCmB", true)),
		Makasar: () => new UnicodeRangeTable(decodeRanges("g3nCY", true)),
		Malayalam: () => new UnicodeRangeTable(decodeRanges("goDMCCCyBCCCFFPDZ", true)),
		Mandaic: () => new UnicodeRangeTable(decodeRanges("giCbDA", true)),
		Manichaean: () => new UnicodeRangeTable(decodeRanges("g2iCmBFL", true)),
		Marchen: () => new UnicodeRangeTable(decodeRanges("wjnCfDVCN", true)),
		Masaram_Gondi: () => new UnicodeRangeTable(decodeRanges("gonCGBCBBCrBBECCBCCBHBJJB", false)),
		Medefaidrin: () => new UnicodeRangeTable(decodeRanges("gy7C6C", true)),
		Meetei_Mayek: () => new UnicodeRangeTable(decodeRanges("g3qBWqGtBDJ", true)),
		Mende_Kikakui: () => new UnicodeRangeTable(decodeRanges("gg6DkGDP", true)),
		Meroitic_Cursive: () => new UnicodeRangeTable(decodeRanges("gtiCXFTDtB", true)),
		Meroitic_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("gsiCf", true)),
		Miao: () => new UnicodeRangeTable(decodeRanges("g47CqCF4BIQ", true)),
		Modi: () => new UnicodeRangeTable(decodeRanges("gwlCkCMJ", true)),
		Mongolian: () => new UnicodeRangeTable(decodeRanges("ggGBBDCCBSBH4CBIqBB2t-BMB", false)),
		Mro: () => new UnicodeRangeTable(decodeRanges("gy6CeCJFB", true)),
		Multani: () => new UnicodeRangeTable(decodeRanges("g0kCGBCCCBCBCOBCKB", false)),
		Myanmar: () => new UnicodeRangeTable(decodeRanges("ggE-EhqmBeiDfxibT", true)),
		Nabataean: () => new UnicodeRangeTable(decodeRanges("gkiCeJI", true)),
		Nag_Mundari: () => new UnicodeRangeTable(decodeRanges("wm5DpB", true)),
		Nandinagari: () => new UnicodeRangeTable(decodeRanges("gtmCHDtBDK", true)),
		New_Tai_Lue: () => new UnicodeRangeTable(decodeRanges("gsGrBFZHKEB", true)),
		Newa: () => new UnicodeRangeTable(decodeRanges("gglC7CCE", true)),
		Nko: () => new UnicodeRangeTable(decodeRanges("g+B6BDC", true)),
		Nushu: () => new UnicodeRangeTable(decodeRanges("h-7CvsQvsQBqMB", false)),
		Nyiakeng_Puachue_Hmong: () => new UnicodeRangeTable(decodeRanges("go4DsBENDJFB", true)),
		Ogham: () => new UnicodeRangeTable(decodeRanges("g0Fc", true)),
		Ol_Chiki: () => new UnicodeRangeTable(decodeRanges("wiHvB", true)),
		Ol_Onal: () => new UnicodeRangeTable(decodeRanges("wu5DqBFA", true)),
		Old_Hungarian: () => new UnicodeRangeTable(decodeRanges("gkjCyBOyBIF", true)),
		Old_Italic: () => new UnicodeRangeTable(decodeRanges("g4gCjBKC", true)),
		Old_North_Arabian: () => new UnicodeRangeTable(decodeRanges("g0iCf", true)),
		Old_Permic: () => new UnicodeRangeTable(decodeRanges("w6gCqB", true)),
		Old_Persian: () => new UnicodeRangeTable(decodeRanges("g9gCjBFN", true)),
		Old_Sogdian: () => new UnicodeRangeTable(decodeRanges("g4jCnB", true)),
		Old_South_Arabian: () => new UnicodeRangeTable(decodeRanges("gziCf", true)),
		Old_Turkic: () => new UnicodeRangeTable(decodeRanges("ggjCoC", true)),
		Old_Uyghur: () => new UnicodeRangeTable(decodeRanges("w7jCZ", true)),
		Oriya: () => new UnicodeRangeTable(decodeRanges("h4CCCHDBDVCGCBCEDIDBDCICFBCEDR", true)),
		Osage: () => new UnicodeRangeTable(decodeRanges("wlhCjBFjB", true)),
		Osmanya: () => new UnicodeRangeTable(decodeRanges("gkhCdDJ", true)),
		Pahawh_Hmong: () => new UnicodeRangeTable(decodeRanges("g46ClCLJCGCUGS", true)),
		Palmyrene: () => new UnicodeRangeTable(decodeRanges("gjiCf", true)),
		Pau_Cin_Hau: () => new UnicodeRangeTable(decodeRanges("g2mC4B", true)),
		Phags_Pa: () => new UnicodeRangeTable(decodeRanges("giqB3B", true)),
		Phoenician: () => new UnicodeRangeTable(decodeRanges("goiCbEA", true)),
		Psalter_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g8iCRIDNG", true)),
		Rejang: () => new UnicodeRangeTable(decodeRanges("wpqBjBMA", true)),
		Runic: () => new UnicodeRangeTable(decodeRanges("g1FqCEK", true)),
		Samaritan: () => new UnicodeRangeTable(decodeRanges("ggCtBDO", true)),
		Saurashtra: () => new UnicodeRangeTable(decodeRanges("gkqBlCJL", true)),
		Sharada: () => new UnicodeRangeTable(decodeRanges("gskC-ChsCH", true)),
		Shavian: () => new UnicodeRangeTable(decodeRanges("wihCvB", true)),
		Siddham: () => new UnicodeRangeTable(decodeRanges("gslC1BDlB", true)),
		Sidetic: () => new UnicodeRangeTable(decodeRanges("gqiCZ", true)),
		SignWriting: () => new UnicodeRangeTable(decodeRanges("gg2DrUQECO", true)),
		Sinhala: () => new UnicodeRangeTable(decodeRanges("hsDCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBt-gCTB", false)),
		Sogdian: () => new UnicodeRangeTable(decodeRanges("w5jCpB", true)),
		Sora_Sompeng: () => new UnicodeRangeTable(decodeRanges("wmkCYIJ", true)),
		Soyombo: () => new UnicodeRangeTable(decodeRanges("wymCyC", true)),
		Sundanese: () => new UnicodeRangeTable(decodeRanges("g8G-BhIH", true)),
		Sunuwar: () => new UnicodeRangeTable(decodeRanges("g+mChBPJ", true)),
		Syloti_Nagri: () => new UnicodeRangeTable(decodeRanges("ggqBsB", true)),
		Syriac: () => new UnicodeRangeTable(decodeRanges("g4BNC7BDCxIK", true)),
		Tagalog: () => new UnicodeRangeTable(decodeRanges("g4FVKA", true)),
		Tagbanwa: () => new UnicodeRangeTable(decodeRanges("g7FMCCCB", true)),
		Tai_Le: () => new UnicodeRangeTable(decodeRanges("wqGdDE", true)),
		Tai_Tham: () => new UnicodeRangeTable(decodeRanges("gxG+BCcDKHJHN", true)),
		Tai_Viet: () => new UnicodeRangeTable(decodeRanges("g0qBiCZE", true)),
		Tai_Yo: () => new UnicodeRangeTable(decodeRanges("g25DeCVJB", true)),
		Takri: () => new UnicodeRangeTable(decodeRanges("g0lC5BHJ", true)),
		Tamil: () => new UnicodeRangeTable(decodeRanges("i8CBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBm+kCxBBOAB", false)),
		Tangsa: () => new UnicodeRangeTable(decodeRanges("wz6CuCCJ", true)),
		Tangut: () => new UnicodeRangeTable(decodeRanges("g-7CgBgBB+3GBhQeBiDyDB", false)),
		Telugu: () => new UnicodeRangeTable(decodeRanges("ggDMCCCWCPDICCCDIBCCCBDDDJII", true)),
		Thaana: () => new UnicodeRangeTable(decodeRanges("g8BxB", true)),
		Thai: () => new UnicodeRangeTable(decodeRanges("hwD5BGb", true)),
		Tibetan: () => new UnicodeRangeTable(decodeRanges("g4DnCCjBFmBCjBCOCGFB", true)),
		Tifinagh: () => new UnicodeRangeTable(decodeRanges("wpL3BIBPA", true)),
		Tirhuta: () => new UnicodeRangeTable(decodeRanges("gklCnCJJ", true)),
		Todhri: () => new UnicodeRangeTable(decodeRanges("guhCzB", true)),
		Tolong_Siki: () => new UnicodeRangeTable(decodeRanges("wtnCrBFJ", true)),
		Toto: () => new UnicodeRangeTable(decodeRanges("w04De", true)),
		Tulu_Tigalari: () => new UnicodeRangeTable(decodeRanges("g8kCJBCDDClBBCJBCDDCDBCJBCBBJBB", false)),
		Ugaritic: () => new UnicodeRangeTable(decodeRanges("g8gCdCA", true)),
		Unknown: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-FB", false)),
		Vai: () => new UnicodeRangeTable(decodeRanges("gopBrJ", true)),
		Vithkuqi: () => new UnicodeRangeTable(decodeRanges("wrhCKCOCGCBCKCOCGCB", true)),
		Wancho: () => new UnicodeRangeTable(decodeRanges("g24D5BGA", true)),
		Warang_Citi: () => new UnicodeRangeTable(decodeRanges("glmCyCNA", true)),
		Yezidi: () => new UnicodeRangeTable(decodeRanges("g0jCpBCCDB", true)),
		Yi: () => new UnicodeRangeTable(decodeRanges("ggoBskBE2B", true)),
		Zanabazar_Square: () => new UnicodeRangeTable(decodeRanges("gwmCnC", true))
	});
	static FOLD_CATEGORIES = new LazyMap({
		L: () => new UnicodeRangeTable(decodeRanges("laA", true)),
		LC: () => new UnicodeRangeTable(decodeRanges("laA", true)),
		Ll: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGC3HrBrBCEEJHHCCBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHxC9zC9zCBuBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
		Lt: () => new UnicodeRangeTable(decodeRanges("kOCCBCCBCClBCCtsHHBJHBJHBMQQwBAB", false)),
		Lu: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpL2B2Bs1CvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false)),
		M: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
		Mn: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
		Emoji: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
		Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
		Lowercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHuBPBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
		Math: () => new UnicodeRangeTable(decodeRanges("ycGDCHHFMMDDDCHHFAB", false)),
		Uppercase: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpLiBiBBOBFsasaBYBn6BvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false))
	});
	static FOLD_SCRIPT = new LazyMap({
		Common: () => new UnicodeRangeTable(decodeRanges("8cgBgB", false)),
		Greek: () => new UnicodeRangeTable(decodeRanges("1FwUwU", false)),
		Inherited: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false))
	});
};
// src/Unicode.js
/**
* Utilities for dealing with Unicode better than JS does.
*/
var Unicode = class Unicode {
	static MAX_RUNE = 1114111;
	static RUNE_ERROR = 65533;
	static isUnsearchable(r) {
		return r === Unicode.RUNE_ERROR || r >= Unicode.MIN_HIGH_SURROGATE && r <= Unicode.MAX_LOW_SURROGATE;
	}
	static MAX_ASCII = 127;
	static MAX_LATIN1 = 255;
	static MAX_BMP = 65535;
	static MIN_FOLD = 65;
	static MAX_FOLD = 125251;
	static MIN_HIGH_SURROGATE = 55296;
	static MAX_HIGH_SURROGATE = 56319;
	static MIN_LOW_SURROGATE = 56320;
	static MAX_LOW_SURROGATE = 57343;
	static MIN_SUPPLEMENTARY_CODE_POINT = 65536;
	static is32(ranges, r) {
		let lo = 0;
		let hi = ranges.length;
		while (lo < hi) {
			const m = lo + Math.floor((hi - lo) / 2);
			const rlo = ranges.getLo(m);
			const rhi = ranges.getHi(m);
			if (rlo <= r && r <= rhi) {
				const stride = ranges.getStride(m);
				return (r - rlo) % stride === 0;
			}
			if (r < rlo) hi = m;
			else lo = m + 1;
		}
		return false;
	}
	static is(ranges, r) {
		if (r <= Unicode.MAX_LATIN1) {
			for (let i = 0; i < ranges.length; i++) {
				if (r > ranges.getHi(i)) continue;
				const rlo = ranges.getLo(i);
				if (r < rlo) return false;
				const stride = ranges.getStride(i);
				return (r - rlo) % stride === 0;
			}
			return false;
		}
		return ranges.length > 0 && r >= ranges.getLo(0) && Unicode.is32(ranges, r);
	}
	static isPrint(r) {
		if (r <= Unicode.MAX_LATIN1) return r >= 32 && r < Unicode.MAX_ASCII || r >= 161 && r !== 173;
		return Unicode.is(UnicodeTables.Print, r);
	}
	static simpleFold(r) {
		if (UnicodeTables.CASE_ORBIT.has(r)) return UnicodeTables.CASE_ORBIT.get(r);
		if (r <= Unicode.MAX_ASCII) {
			const l = Codepoint.toLowerCase(r);
			return l !== r ? l : Codepoint.toUpperCase(r);
		}
		return r;
	}
	static equalsIgnoreCase(r1, r2) {
		if (r1 === r2) return true;
		if (r1 < 0 || r2 < 0) return false;
		if (r1 <= Unicode.MAX_ASCII && r2 <= Unicode.MAX_ASCII) {
			if (65 <= r1 && r1 <= 90) r1 |= 32;
			if (65 <= r2 && r2 <= 90) r2 |= 32;
			return r1 === r2;
		}
		for (let r = Unicode.simpleFold(r1); r !== r1; r = Unicode.simpleFold(r)) if (r === r2) return true;
		return false;
	}
};
// src/exceptions.js
var RE2JSException = class extends Error {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSException";
	}
};
/**
* An exception thrown by the parser if the pattern was invalid.
*/
var RE2JSSyntaxException = class extends RE2JSException {
	/**
	* @param {string} error
	* @param {string|null} [input=null]
	*/
	constructor(error, input = null) {
		let message = `error parsing regexp: ${error}`;
		if (input) message += `: \`${input}\``;
		super(message);
		this.name = "RE2JSSyntaxException";
		this.message = message;
		/** @type {string} */
		this.error = error;
		/** @type {string|null} */
		this.input = input;
	}
	/**
	* Retrieves the description of the error.
	* @returns {string}
	*/
	getDescription() {
		return this.error;
	}
	/**
	* Retrieves the erroneous regular-expression pattern.
	* @returns {string|null}
	*/
	getPattern() {
		return this.input;
	}
};
/**
* An exception thrown by the compiler
*/
var RE2JSCompileException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSCompileException";
	}
};
/**
* An exception thrown by using groups
*/
var RE2JSGroupException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSGroupException";
	}
};
/**
* An exception thrown by flags
*/
var RE2JSFlagsException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSFlagsException";
	}
};
/**
* An exception thrown for internal engine errors, such as corrupted bytecodes.
*/
var RE2JSInternalException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSInternalException";
	}
};
// src/Utils.js
/**
* Size of the precomputed single-byte lookup table.
* Covers standard ASCII and Latin-1 characters for fast-path execution.
*/
const FAST_PATH_TABLE_SIZE = 256;
/**
* Precomputed lookup table for Word Boundary (\b, \B) assertions.
* * By precomputing the boolean results for standard ASCII word ranges
* ('a'-'z', 'A'-'Z', '0'-'9', '_'), we completely eliminate 4 logical
* branches from the NFA's hot execution loop. This prevents costly
* CPU branch mispredictions when scanning large strings.
*/
const WORD_RUNE_TABLE = new Uint8Array(FAST_PATH_TABLE_SIZE);
for (let i = 0; i < FAST_PATH_TABLE_SIZE; i++) WORD_RUNE_TABLE[i] = 97 <= i && i <= 122 || 65 <= i && i <= 90 || 48 <= i && i <= 57 || i === 95 ? 1 : 0;
let cachedNativeEncoder = null;
let cachedNativeDecoder = null;
/**
* Various constants and helper utilities.
*/
var Utils = class Utils {
	static METACHARACTERS = "\\.+*?()|[]{}^$";
	static EMPTY_BEGIN_LINE = 1;
	static EMPTY_END_LINE = 2;
	static EMPTY_BEGIN_TEXT = 4;
	static EMPTY_END_TEXT = 8;
	static EMPTY_WORD_BOUNDARY = 16;
	static EMPTY_NO_WORD_BOUNDARY = 32;
	static EMPTY_ALL = -1;
	static emptyInts() {
		return [];
	}
	static isString(value) {
		return typeof value === "string" || Object.prototype.toString.call(value) === "[object String]";
	}
	static typeName(value) {
		if (value === null || typeof value !== "object" && typeof value !== "function") return value === null ? "null" : typeof value;
		return Object.prototype.toString.call(value).slice(8, -1);
	}
	static checkPattern(pattern) {
		if (!Utils.isString(pattern)) throw new TypeError(`The pattern must be a string, not ${Utils.typeName(pattern)} (RE2JS.translateRegExp() converts a RegExp)`);
	}
	static checkInput(input) {
		if (!Utils.isString(input) && !Utils.isByteArray(input)) throw new TypeError(`The input must be a string or a byte array (Uint8Array or number[]), not ${Utils.typeName(input)}`);
	}
	static checkFlags(flags) {
		const known = PublicFlags.MULTILINE | PublicFlags.DOTALL | PublicFlags.CASE_INSENSITIVE | PublicFlags.DISABLE_UNICODE_GROUPS | PublicFlags.LONGEST_MATCH | PublicFlags.LOOKBEHINDS;
		if (!Number.isInteger(flags) || (flags & ~known) !== 0) throw new RE2JSFlagsException("Flags should only be a combination of MULTILINE, DOTALL, CASE_INSENSITIVE, DISABLE_UNICODE_GROUPS, LONGEST_MATCH, LOOKBEHINDS");
	}
	static isByteArray(input) {
		return Array.isArray(input) || Object.prototype.toString.call(input) === "[object Uint8Array]";
	}
	static isalnum(c) {
		return Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"] || Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["z"] || Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["Z"];
	}
	static unhex(c) {
		if (Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"]) return c - Codepoint.CODES["0"];
		if (Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["f"]) return c - Codepoint.CODES["a"] + 10;
		if (Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["F"]) return c - Codepoint.CODES["A"] + 10;
		return -1;
	}
	static escapeRune(rune) {
		let out = "";
		if (Unicode.isPrint(rune)) {
			if (Utils.METACHARACTERS.indexOf(String.fromCodePoint(rune)) >= 0) out += "\\";
			out += String.fromCodePoint(rune);
		} else switch (rune) {
			case Codepoint.CODES["\""]:
				out += "\\\"";
				break;
			case Codepoint.CODES["\\"]:
				out += "\\\\";
				break;
			case Codepoint.CODES["	"]:
				out += "\\t";
				break;
			case Codepoint.CODES["\n"]:
				out += "\\n";
				break;
			case Codepoint.CODES["\r"]:
				out += "\\r";
				break;
			case Codepoint.CODES["\b"]:
				out += "\\b";
				break;
			case Codepoint.CODES["\f"]:
				out += "\\f";
				break;
			default: {
				let s = rune.toString(16);
				if (rune < 256) {
					out += "\\x";
					if (s.length === 1) out += "0";
					out += s;
				} else out += `\\x{${s}}`;
				break;
			}
		}
		return out;
	}
	static stringToRunes(str) {
		const string = String(str);
		const runes = [];
		let i = 0;
		while (i < string.length) {
			const cp = string.codePointAt(i);
			runes.push(cp);
			i += cp > Unicode.MAX_BMP ? 2 : 1;
		}
		return new Int32Array(runes);
	}
	static runeToString(r) {
		return String.fromCodePoint(r);
	}
	static isWordRune(r) {
		return r < FAST_PATH_TABLE_SIZE ? WORD_RUNE_TABLE[r] === 1 : false;
	}
	static emptyOpContext(r1, r2) {
		let op = 0;
		if (r1 < 0) op |= Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
		if (r1 === 10) op |= Utils.EMPTY_BEGIN_LINE;
		if (r2 < 0) op |= Utils.EMPTY_END_TEXT | Utils.EMPTY_END_LINE;
		if (r2 === 10) op |= Utils.EMPTY_END_LINE;
		if (Utils.isWordRune(r1) !== Utils.isWordRune(r2)) op |= Utils.EMPTY_WORD_BOUNDARY;
		else op |= Utils.EMPTY_NO_WORD_BOUNDARY;
		return op;
	}
	/**
	* Returns a string that quotes all regular expression metacharacters inside the argument text;
	* the returned string is a regular expression matching the literal text. For example,
	* {@code quoteMeta("[foo]").equals("\\[foo\\]")}.
	* @param {string} str
	* @returns {string}
	*/
	static quoteMeta(str) {
		return str.split("").map((s) => {
			if (Utils.METACHARACTERS.indexOf(s) >= 0) return `\\${s}`;
			return s;
		}).join("");
	}
	static charCount(codePoint) {
		return codePoint > Unicode.MAX_BMP ? 2 : 1;
	}
	/**
	* High-speed conversion from TypedArrays to standard JS Arrays.
	* Bypasses the expensive Symbol.iterator overhead of Array.from()
	*/
	static toArray(typedArray) {
		const len = typedArray.length;
		const res = new Array(len);
		for (let i = 0; i < len; i++) res[i] = typedArray[i];
		return res;
	}
	static stringToUtf8ByteArray(str) {
		if (globalThis.TextEncoder) {
			if (!cachedNativeEncoder) cachedNativeEncoder = new TextEncoder();
			return cachedNativeEncoder.encode(str);
		} else {
			let out = [], p = 0;
			for (let i = 0; i < str.length; i++) {
				let c = str.charCodeAt(i);
				if (c < 128) out[p++] = c;
				else if (c < 2048) {
					out[p++] = c >> 6 | 192;
					out[p++] = c & 63 | 128;
				} else if ((c & 64512) === Unicode.MIN_HIGH_SURROGATE && i + 1 < str.length && (str.charCodeAt(i + 1) & 64512) === Unicode.MIN_LOW_SURROGATE) {
					c = Unicode.MIN_SUPPLEMENTARY_CODE_POINT + ((c & 1023) << 10) + (str.charCodeAt(++i) & 1023);
					out[p++] = c >> 18 | 240;
					out[p++] = c >> 12 & 63 | 128;
					out[p++] = c >> 6 & 63 | 128;
					out[p++] = c & 63 | 128;
				} else {
					out[p++] = c >> 12 | 224;
					out[p++] = c >> 6 & 63 | 128;
					out[p++] = c & 63 | 128;
				}
			}
			return out;
		}
	}
	static utf8ByteArrayToString(bytes) {
		if (globalThis.TextDecoder) {
			if (!cachedNativeDecoder) cachedNativeDecoder = new TextDecoder("utf-8");
			const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
			return cachedNativeDecoder.decode(view);
		} else {
			let out = [], pos = 0, c = 0;
			while (pos < bytes.length) {
				let c1 = bytes[pos++];
				if (c1 < 128) out[c++] = String.fromCharCode(c1);
				else if (c1 > 191 && c1 < 224) {
					let c2 = bytes[pos++];
					out[c++] = String.fromCharCode((c1 & 31) << 6 | c2 & 63);
				} else if (c1 > 239 && c1 < 365) {
					let c2 = bytes[pos++];
					let c3 = bytes[pos++];
					let c4 = bytes[pos++];
					let u = ((c1 & 7) << 18 | (c2 & 63) << 12 | (c3 & 63) << 6 | c4 & 63) - Unicode.MIN_SUPPLEMENTARY_CODE_POINT;
					out[c++] = String.fromCharCode(Unicode.MIN_HIGH_SURROGATE + (u >> 10));
					out[c++] = String.fromCharCode(Unicode.MIN_LOW_SURROGATE + (u & 1023));
				} else {
					let c2 = bytes[pos++];
					let c3 = bytes[pos++];
					out[c++] = String.fromCharCode((c1 & 15) << 12 | (c2 & 63) << 6 | c3 & 63);
				}
			}
			return out.join("");
		}
	}
};
// src/helpers.js
const createEnum = (values = [], initNum = 0) => {
	const enumObject = Object.create(null);
	for (let i = 0; i < values.length; i++) {
		const val = values[i];
		const keyVal = initNum + i;
		enumObject[val] = keyVal;
		enumObject[keyVal] = val;
	}
	return Object.freeze(enumObject);
};
// src/MatcherInput.js
/**
* Abstract the representations of input text supplied to Matcher.
*/
var MatcherInputBase = class MatcherInputBase {
	static Encoding = createEnum(["UTF_16", "UTF_8"]);
	getEncoding() {
		throw Error("not implemented");
	}
	/** @returns {string} */
	asCharSequence() {
		throw Error("not implemented");
	}
	/** @returns {Uint8Array|number[]|null} */
	asBytes() {
		throw Error("not implemented");
	}
	/** @returns {number} */
	length() {
		throw Error("not implemented");
	}
	/**
	*
	* @returns {boolean}
	*/
	isUTF8Encoding() {
		return this.getEncoding() === MatcherInputBase.Encoding.UTF_8;
	}
	/**
	*
	* @returns {boolean}
	*/
	isUTF16Encoding() {
		return this.getEncoding() === MatcherInputBase.Encoding.UTF_16;
	}
};
var Utf8MatcherInput = class extends MatcherInputBase {
	/** @param {Uint8Array|number[]|null} bytes */
	constructor(bytes = null) {
		super();
		this.bytes = bytes;
	}
	getEncoding() {
		return MatcherInputBase.Encoding.UTF_8;
	}
	/**
	*
	* @returns {string}
	*/
	asCharSequence() {
		return Utils.utf8ByteArrayToString(this.bytes);
	}
	/**
	*
	* @returns {Uint8Array|number[]|null}
	*/
	asBytes() {
		return this.bytes;
	}
	/**
	*
	* @returns {number}
	*/
	length() {
		return this.bytes.length;
	}
};
var Utf16MatcherInput = class extends MatcherInputBase {
	/** @param {string|null} charSequence */
	constructor(charSequence = null) {
		super();
		this.charSequence = charSequence;
	}
	getEncoding() {
		return MatcherInputBase.Encoding.UTF_16;
	}
	/**
	*
	* @returns {string}
	*/
	asCharSequence() {
		return this.charSequence;
	}
	/**
	*
	* @returns {number[]}
	*/
	asBytes() {
		return Utils.stringToUtf8ByteArray(this.charSequence.toString());
	}
	/**
	*
	* @returns {number}
	*/
	length() {
		return this.charSequence.length;
	}
};
var MatcherInput = class {
	/**
	* Return the MatcherInput for UTF_16 encoding.
	* @returns {Utf16MatcherInput}
	*/
	static utf16(charSequence) {
		Utils.checkInput(charSequence);
		return new Utf16MatcherInput(charSequence);
	}
	/**
	* Return the MatcherInput for UTF_8 encoding.
	* @returns {Utf8MatcherInput}
	*/
	static utf8(input) {
		if (Utils.isByteArray(input)) return new Utf8MatcherInput(input);
		return new Utf8MatcherInput(Utils.stringToUtf8ByteArray(input));
	}
};
// src/MachineInput.js
/**
* MachineInput abstracts different representations of the input text supplied to the Machine. It
* provides one-character lookahead.
*/
var MachineInputBase = class {
	static EOF() {
		return -8;
	}
	constructor() {
		this.start = 0;
		this.end = 0;
	}
	canCheckPrefix() {
		return true;
	}
	endPos() {
		return this.end - this.start;
	}
	hasString() {
		return false;
	}
	hasAnyString() {
		return false;
	}
	prefixLength() {
		return 0;
	}
};
var MachineUTF8Input = class MachineUTF8Input extends MachineInputBase {
	static RUNE_ERROR_STEP = Unicode.RUNE_ERROR << 3 | 1;
	constructor(bytes, start = 0, end = bytes.length) {
		super();
		this.bytes = bytes;
		this.start = start;
		this.end = end;
	}
	hasString(prefilter, pos) {
		const target = prefilter.bytes;
		if (target.length === 0) return true;
		const idx = this.indexOf(this.bytes, target, this.start + pos);
		return idx !== -1 && idx <= this.end - target.length;
	}
	hasAnyString(prefilter, pos) {
		return prefilter.automaton8().searchUTF8(this.bytes, this.start + pos, this.end);
	}
	step(pos) {
		pos += this.start;
		if (pos >= this.end) return MachineInputBase.EOF();
		const c = this.bytes[pos] & 255;
		if (c < 128) return c << 3 | 1;
		let size;
		let rune;
		let lo = 128;
		let hi = 191;
		if (c >= 194 && c <= 223) {
			size = 2;
			rune = c & 31;
		} else if (c >= 224 && c <= 239) {
			size = 3;
			rune = c & 15;
			if (c === 224) lo = 160;
			else if (c === 237) hi = 159;
		} else if (c >= 240 && c <= 244) {
			size = 4;
			rune = c & 7;
			if (c === 240) lo = 144;
			else if (c === 244) hi = 143;
		} else return MachineUTF8Input.RUNE_ERROR_STEP;
		if (pos + size > this.end) return MachineUTF8Input.RUNE_ERROR_STEP;
		const c1 = this.bytes[pos + 1] & 255;
		if (c1 < lo || c1 > hi) return MachineUTF8Input.RUNE_ERROR_STEP;
		rune = rune << 6 | c1 & 63;
		if (size > 2) {
			const c2 = this.bytes[pos + 2] & 255;
			if ((c2 & 192) !== 128) return MachineUTF8Input.RUNE_ERROR_STEP;
			rune = rune << 6 | c2 & 63;
			if (size > 3) {
				const c3 = this.bytes[pos + 3] & 255;
				if ((c3 & 192) !== 128) return MachineUTF8Input.RUNE_ERROR_STEP;
				rune = rune << 6 | c3 & 63;
			}
		}
		return rune << 3 | size;
	}
	index(re2, pos) {
		pos += this.start;
		const i = this.indexOf(this.bytes, re2.prefixUTF8, pos);
		return i < 0 ? i : i - pos;
	}
	context(pos) {
		pos += this.start;
		let r1 = -1;
		if (pos > this.start && pos <= this.end) {
			let start = pos - 1;
			r1 = this.bytes[start--];
			if (r1 >= 128) {
				let lim = pos - 4;
				if (lim < this.start) lim = this.start;
				while (start >= lim && (this.bytes[start] & 192) === 128) start--;
				if (start < this.start) start = this.start;
				const r = this.step(start - this.start);
				r1 = start + (r & 7) === pos ? r >> 3 : Unicode.RUNE_ERROR;
			}
		}
		const r2 = pos < this.end ? this.step(pos - this.start) >> 3 : -1;
		return Utils.emptyOpContext(r1, r2);
	}
	indexOf(source, target, fromIndex = 0) {
		let targetLength = target.length;
		if (targetLength === 0) return fromIndex <= this.end ? fromIndex : -1;
		const firstByte = target[0];
		let limit = this.end - targetLength;
		const hasNativeIndexOf = typeof source.indexOf === "function";
		let i = fromIndex;
		while (i <= limit) {
			if (hasNativeIndexOf) {
				i = source.indexOf(firstByte, i);
				if (i === -1 || i > limit) return -1;
			} else {
				while (i <= limit && source[i] !== firstByte) i++;
				if (i > limit) return -1;
			}
			let match = true;
			for (let j = 1; j < targetLength; j++) if (source[i + j] !== target[j]) {
				match = false;
				break;
			}
			if (match) return i;
			i++;
		}
		return -1;
	}
	prefixLength(re2) {
		return re2.prefixUTF8.length;
	}
};
var MachineUTF16Input = class extends MachineInputBase {
	constructor(charSequence, start = 0, end = charSequence.length) {
		super();
		this.charSequence = charSequence;
		this.start = start;
		this.end = end;
	}
	hasString(prefilter, pos) {
		const idx = this.charSequence.indexOf(prefilter.str, this.start + pos);
		return idx !== -1 && idx <= this.end - prefilter.str.length;
	}
	hasAnyString(prefilter, pos) {
		return prefilter.automaton16().searchUTF16(this.charSequence, this.start + pos, this.end);
	}
	step(pos) {
		pos += this.start;
		if (pos >= this.end) return MachineInputBase.EOF();
		const c1 = this.charSequence.charCodeAt(pos);
		if (c1 < Unicode.MIN_HIGH_SURROGATE || c1 > Unicode.MAX_HIGH_SURROGATE || pos + 1 >= this.end) return c1 << 3 | 1;
		const c2 = this.charSequence.charCodeAt(pos + 1);
		if (c2 >= Unicode.MIN_LOW_SURROGATE && c2 <= Unicode.MAX_LOW_SURROGATE) return (c1 - Unicode.MIN_HIGH_SURROGATE) * 1024 + (c2 - Unicode.MIN_LOW_SURROGATE) + Unicode.MIN_SUPPLEMENTARY_CODE_POINT << 3 | 2;
		return c1 << 3 | 1;
	}
	index(re2, pos) {
		pos += this.start;
		const i = this.charSequence.indexOf(re2.prefix, pos);
		if (i < 0 || i > this.end - re2.prefix.length) return -1;
		return i - pos;
	}
	context(pos) {
		pos += this.start;
		const r1 = pos > this.start && pos <= this.end ? this.charSequence.charCodeAt(pos - 1) : -1;
		const r2 = pos < this.end ? this.charSequence.charCodeAt(pos) : -1;
		return Utils.emptyOpContext(r1, r2);
	}
	prefixLength(re2) {
		return re2.prefix.length;
	}
};
var MachineInput = class {
	static fromUTF8(bytes, start = 0, end = bytes.length) {
		return new MachineUTF8Input(bytes, start, end);
	}
	static fromUTF16(charSequence, start = 0, end = void 0) {
		Utils.checkInput(charSequence);
		return new MachineUTF16Input(charSequence, start, end ?? charSequence.length);
	}
};
// src/Matcher.js
/**
* A stateful iterator that interprets a regex {@code RE2JS} on a specific input.
*
* Conceptually, a Matcher consists of four parts:
* <ol>
* <li>A compiled regular expression {@code RE2JS}, set at construction and fixed for the lifetime
* of the matcher.</li>
*
* <li>The remainder of the input string, set at construction or {@link #reset()} and advanced by
* each match operation such as {@link #find}, {@link #matches} or {@link #lookingAt}.</li>
*
* <li>The current match information, accessible via {@link #start}, {@link #end}, and
* {@link #group}, and updated by each match operation.</li>
*
* <li>The append position, used and advanced by {@link #appendReplacement} and {@link #appendTail}
* if performing a search and replace from the input to an external {@code StringBuffer}.
*
* </ol>
*
*
* @author rsc@google.com (Russ Cox)
*/
var Matcher = class Matcher {
	/**
	* V8 and WebKit have historical hard limits on the number of arguments
	* that can be passed to a function. We cap replacer arguments to prevent
	* Call Stack Overflow (DoS) vulnerabilities on massive ASTs.
	*/
	static MAX_REPLACER_ARGS = 65535;
	/**
	* Quotes '\' and '$' in {@code s}, so that the returned string could be used in
	* {@link #appendReplacement} as a literal replacement of {@code s}.
	*
	* @param {string} str the string to be quoted
	* @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
	* @returns {string} the quoted string
	*/
	static quoteReplacement(str, javaMode = false) {
		if (javaMode) {
			if (str.indexOf("\\") < 0 && str.indexOf("$") < 0) return str;
			return str.split("").map((s) => {
				const c = s.codePointAt(0);
				if (c === Codepoint.CODES["\\"] || c === Codepoint.CODES["$"]) return `\\${s}`;
				return s;
			}).join("");
		}
		if (str.indexOf("$") < 0) return str;
		return str.split("").map((s) => {
			if (s.codePointAt(0) === Codepoint.CODES["$"]) return "$$";
			return s;
		}).join("");
	}
	/**
	*
	* @param {import('./index.js').RE2JS} pattern
	* @param {string|number[]|Uint8Array|MatcherInputBase} input
	*/
	constructor(pattern, input) {
		if (pattern === null) throw new Error("pattern is null");
		/**
		* The pattern being matched.
		* @type {import('./index.js').RE2JS}
		*/
		this.patternInput = pattern;
		const re2 = this.patternInput.re2();
		/** @type {number} */
		this.patternGroupCount = re2.numberOfCapturingGroups();
		/** @type {number[]} */
		this.groups = [];
		/** @type {Record<string, number>} */
		this.namedGroups = re2.namedGroups;
		/** @type {boolean} */
		this.hasNamedGroups = Object.keys(this.namedGroups).length > 0;
		/** @type {number} */
		this.numberOfInstructions = re2.numberOfInstructions();
		/** @type {import('./Machine.js').LookbehindState|null} */
		this.lookbehindState = null;
		if (input instanceof MatcherInputBase) this.resetMatcherInput(input);
		else if (Utils.isByteArray(input)) this.resetMatcherInput(MatcherInput.utf8(input));
		else this.resetMatcherInput(MatcherInput.utf16(input));
	}
	/**
	* Returns the {@code RE2JS} associated with this {@code Matcher}.
	* @returns {import('./index.js').RE2JS}
	*/
	pattern() {
		return this.patternInput;
	}
	/**
	* Resets the {@code Matcher}, rewinding input and discarding any match information.
	*
	* @returns {Matcher} the {@code Matcher} itself, for chained method calls
	*/
	reset() {
		/** @type {number} */
		this.matcherInputLength = this.matcherInput.length();
		/** @type {number} */
		this.appendPos = 0;
		this.hasMatch = false;
		this.hasGroups = false;
		this.anchorFlag = 0;
		return this;
	}
	/**
	* Resets the {@code Matcher} and changes the input.
	* @param {string|number[]|Uint8Array|MatcherInputBase} input
	* @returns {Matcher} the {@code Matcher} itself, for chained method calls
	*/
	resetMatcherInput(input) {
		if (input === null) throw new Error("input is null");
		if (!(input instanceof MatcherInputBase)) {
			if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
			else input = MatcherInput.utf16(input);
		}
		this.matcherInput = input;
		if (this.lookbehindState !== null) this.lookbehindState.reset();
		else this.lookbehindState = this.patternInput.re2().createLookbehindState();
		this.reset();
		return this;
	}
	/**
	* Returns the start of the named group of the most recent match, or -1 if the group was not
	* matched.
	* @param {string|number} [group=0]
	* @returns {number}
	*/
	start(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		this.loadGroup(group);
		return this.groups[2 * group];
	}
	/**
	* Returns the end of the named group of the most recent match, or -1 if the group was not
	* matched.
	* @param {string|number} [group=0]
	* @returns {number}
	*/
	end(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		this.loadGroup(group);
		return this.groups[2 * group + 1];
	}
	/**
	* Returns the program size of this pattern.
	*
	* <p>
	* Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
	* "cost". Larger numbers are more expensive than smaller numbers.
	* </p>
	*
	* @returns {number} the program size of this pattern
	*/
	programSize() {
		return this.numberOfInstructions;
	}
	/**
	* Returns the named group of the most recent match, or {@code null} if the group was not matched.
	* @param {string|number} [group=0]
	* @returns {string|null}
	*/
	group(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		const start = this.start(group);
		const end = this.end(group);
		if (start < 0 && end < 0) return null;
		return this.substring(start, end);
	}
	/**
	* Returns a dictionary map of all named capturing groups and their matched values.
	* If a group was not matched, its value will be `null`.
	* @returns {Record<string, string|null>}
	*/
	getNamedGroups() {
		if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
		const result = Object.create(null);
		for (const name of Object.keys(this.namedGroups)) result[name] = this.group(name);
		return result;
	}
	/**
	* Returns the number of subgroups in this pattern.
	*
	* @returns {number} the number of subgroups; the overall match (group 0) does not count
	*/
	groupCount() {
		return this.patternGroupCount;
	}
	/**
	* Helper: finds subgroup information if needed for group.
	* @param {number} group
	* @private
	*/
	loadGroup(group) {
		if (!Number.isInteger(group) || group < 0 || group > this.patternGroupCount) throw new RE2JSGroupException(`Group index out of bounds: ${group}`);
		if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
		if (group === 0 || this.hasGroups) return;
		const end = this.matcherInputLength;
		const res = this.patternInput.re2().matchMachineInput(this.matcherInput, this.groups[0], end, this.anchorFlag, 1 + this.patternGroupCount, this.lookbehindState);
		if (!res[0]) throw new RE2JSGroupException("inconsistency in matching group data");
		this.groups = res[1];
		this.hasGroups = true;
	}
	/**
	* Matches the entire input against the pattern (anchored start and end). If there is a match,
	* {@code matches} sets the match state to describe it.
	*
	* @returns {boolean} true if the entire input matches the pattern
	*/
	matches() {
		return this.genMatch(0, RE2Flags.ANCHOR_BOTH);
	}
	/**
	* Matches the beginning of input against the pattern (anchored start). If there is a match,
	* {@code lookingAt} sets the match state to describe it.
	*
	* @returns {boolean} true if the beginning of the input matches the pattern
	*/
	lookingAt() {
		return this.genMatch(0, RE2Flags.ANCHOR_START);
	}
	/**
	* Matches the input against the pattern (unanchored), starting at a specified position. If there
	* is a match, {@code find} sets the match state to describe it.
	*
	* @param {number|null} [start=null] the input position where the search begins
	* @returns {boolean} if it finds a match
	* @throws IndexOutOfBoundsException if start is not a valid input position
	*/
	find(start = null) {
		if (start !== null) {
			if (!Number.isInteger(start) || start < 0 || start > this.matcherInputLength) throw new RE2JSGroupException(`start index out of bounds: ${start}`);
			this.reset();
			return this.genMatch(start, 0);
		}
		start = 0;
		if (this.hasMatch) {
			start = this.groups[1];
			if (this.groups[0] === this.groups[1]) {
				const r = (this.matcherInput.isUTF16Encoding() ? MachineInput.fromUTF16(this.matcherInput.asCharSequence(), 0, this.matcherInputLength) : MachineInput.fromUTF8(this.matcherInput.asBytes(), 0, this.matcherInputLength)).step(start);
				if (r < 0) start++;
				else start += r & 7;
			}
		}
		return this.genMatch(start, RE2Flags.UNANCHORED);
	}
	/**
	* Helper: does match starting at start, with RE2 anchor flag.
	* @param {number} startByte
	* @param {number} anchor
	* @returns {boolean}
	* @private
	*/
	genMatch(startByte, anchor) {
		const res = this.patternInput.re2().matchMachineInput(this.matcherInput, startByte, this.matcherInputLength, anchor, 1, this.lookbehindState);
		if (!res[0]) {
			this.hasMatch = false;
			return false;
		}
		this.groups = res[1];
		this.hasMatch = true;
		this.hasGroups = this.patternGroupCount === 0;
		this.anchorFlag = anchor;
		return true;
	}
	/**
	* Helper: return substring for [start, end).
	* @param {number} start
	* @param {number} end
	* @returns {string}
	*/
	substring(start, end) {
		if (this.matcherInput.isUTF8Encoding()) return Utils.utf8ByteArrayToString(this.matcherInput.asBytes().slice(start, end));
		return this.matcherInput.asCharSequence().substring(start, end).toString();
	}
	/**
	* Helper for Pattern: return input length.
	* @returns {number}
	*/
	inputLength() {
		return this.matcherInputLength;
	}
	/**
	* Appends to result two strings: the text from the append position up to the beginning of the
	* most recent match, and then the replacement with submatch groups substituted for references to
	* them. It advances the append position to where the most recent match ended.
	*
	* By default the replacement is expanded as by String.prototype.replace (see
	* appendReplacementInternalJs). In Java mode it follows re2j / java.util.regex: $n takes as
	* many digits as still form a valid group number, ${name} is a named group, and a backslash
	* escapes the next character (so "\\$" in a JS string literal inserts a literal $).
	*
	* @param {string} replacement the replacement string
	* @param {boolean} [javaMode=false] activate java mode (different behaviour for capture groups and special characters)
	* @returns {string}
	* @throws IllegalStateException if there was no most recent match
	* @throws IndexOutOfBoundsException in Java mode, if replacement refers to an invalid group
	* @private
	*/
	appendReplacement(replacement, javaMode = false) {
		let res = "";
		const s = this.start();
		const e = this.end();
		if (this.appendPos < s) res += this.substring(this.appendPos, s);
		this.appendPos = e;
		res += javaMode ? this.appendReplacementInternalJava(replacement) : this.appendReplacementInternalJs(replacement);
		return res;
	}
	/**
	* @param {string} replacement - the replacement string
	* @returns {string}
	* @private
	*/
	appendReplacementInternalJava(replacement) {
		let res = "";
		let last = 0;
		const m = replacement.length;
		let i = 0;
		while (i < m) {
			const cCode = replacement.codePointAt(i);
			if (cCode === Codepoint.CODES["\\"]) {
				if (last < i) res += replacement.substring(last, i);
				i++;
				if (i >= m) throw new RE2JSGroupException("character to be escaped is missing");
				last = i;
				i++;
				continue;
			}
			if (cCode === Codepoint.CODES["$"]) {
				if (last < i) res += replacement.substring(last, i);
				if (i + 1 >= m) throw new RE2JSGroupException("Illegal group reference: group index is missing");
				const nextCode = replacement.codePointAt(i + 1);
				if (Codepoint.CODES["0"] <= nextCode && nextCode <= Codepoint.CODES["9"]) {
					let n = nextCode - Codepoint.CODES["0"];
					let j = i + 2;
					for (; j < m; j++) {
						const digit = replacement.codePointAt(j);
						if (digit < Codepoint.CODES["0"] || digit > Codepoint.CODES["9"] || n * 10 + digit - Codepoint.CODES["0"] > this.patternGroupCount) break;
						n = n * 10 + digit - Codepoint.CODES["0"];
					}
					if (n > this.patternGroupCount) throw new RE2JSGroupException(`n > number of groups: ${n}`);
					const group = this.group(n);
					if (group !== null) res += group;
					i = j;
					last = i;
				} else if (nextCode === Codepoint.CODES["{"]) {
					let j = i + 2;
					while (j < m && replacement.codePointAt(j) !== Codepoint.CODES["}"]) j++;
					if (j >= m) throw new RE2JSGroupException("named capture group is missing trailing '}'");
					const groupName = replacement.substring(i + 2, j);
					const groupVal = this.group(groupName);
					if (groupVal !== null) res += groupVal;
					i = j + 1;
					last = i;
				} else throw new RE2JSGroupException("Illegal group reference");
				continue;
			}
			i++;
		}
		if (last < m) res += replacement.substring(last, m);
		return res;
	}
	/**
	* Expands |replacement| for the current match by the rules of String.prototype.replace
	* (ECMAScript GetSubstitution): $$ is "$", $& the match, $` the text before it, $' the text
	* after it, $n and $nn a group (two digits only when they form a valid group number, so with
	* one group "$10" is group 1 then "0"; an unmatched group is empty), and $<name> a named group
	* (empty when no such group), only when the pattern has named groups. Anything else, such as
	* "$0" or "$<" without a closing ">", is kept as is.
	* @param {string} replacement - the replacement string
	* @returns {string}
	* @private
	*/
	appendReplacementInternalJs(replacement) {
		const isDigit = (c) => c >= 48 && c <= 57;
		const groupCount = this.patternGroupCount;
		let res = "";
		let i = 0;
		while (i < replacement.length) {
			const dollar = replacement.indexOf("$", i);
			if (dollar < 0) break;
			res += replacement.substring(i, dollar);
			i = dollar;
			const c = replacement.charCodeAt(i + 1);
			if (c === Codepoint.CODES["$"]) {
				res += "$";
				i += 2;
			} else if (c === Codepoint.CODES["&"]) {
				res += this.group(0);
				i += 2;
			} else if (c === Codepoint.CODES["`"]) {
				res += this.substring(0, this.start(0));
				i += 2;
			} else if (c === Codepoint.CODES["'"]) {
				res += this.substring(this.end(0), this.matcherInputLength);
				i += 2;
			} else if (isDigit(c)) {
				let digits = 1;
				let index = c - 48;
				const c2 = replacement.charCodeAt(i + 2);
				if (isDigit(c2) && index * 10 + c2 - 48 <= groupCount) {
					digits = 2;
					index = index * 10 + c2 - 48;
				}
				if (index >= 1 && index <= groupCount) {
					const group = this.group(index);
					if (group !== null) res += group;
				} else res += replacement.substring(i, i + 1 + digits);
				i += 1 + digits;
			} else if (c === Codepoint.CODES["<"] && this.hasNamedGroups) {
				const gt = replacement.indexOf(">", i + 2);
				if (gt < 0) {
					res += "$<";
					i += 2;
				} else {
					const name = replacement.substring(i + 2, gt);
					if (Object.hasOwn(this.namedGroups, name)) {
						const group = this.group(name);
						if (group !== null) res += group;
					}
					i = gt + 1;
				}
			} else {
				res += "$";
				i += 1;
			}
		}
		return res + replacement.substring(i);
	}
	/**
	* Return the substring of the input from the append position to the end of the
	* input.
	* @returns {string}
	*/
	appendTail() {
		return this.substring(this.appendPos, this.matcherInputLength);
	}
	/**
	* Returns the input with all matches replaced by {@code replacement}, interpreted as for
	* {@code appendReplacement}.
	*
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string} the input string with the matches replaced
	* @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
	*/
	replaceAll(replacement, javaMode = false) {
		return this.replace(replacement, true, javaMode);
	}
	/**
	* Returns the input with the first match replaced by {@code replacement}, interpreted as for
	* {@code appendReplacement}.
	*
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string} the input string with the first match replaced
	* @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
	*/
	replaceFirst(replacement, javaMode = false) {
		return this.replace(replacement, false, javaMode);
	}
	/**
	* Helper: replaceAll/replaceFirst hybrid.
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [all=true] - replace all matches
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string}
	* @private
	*/
	replace(replacement, all = true, javaMode = false) {
		let res = "";
		this.reset();
		const isFunc = typeof replacement === "function";
		let originalInput = null;
		if (isFunc) {
			if (this.groupCount() >= Matcher.MAX_REPLACER_ARGS) throw new RE2JSGroupException("Too many capture groups to safely invoke replacer function");
			originalInput = this.matcherInput.isUTF8Encoding() ? this.matcherInput.asBytes() : this.matcherInput.asCharSequence();
		}
		while (this.find()) {
			res += isFunc ? this.appendReplacementFunc(replacement, originalInput) : this.appendReplacement(replacement, javaMode);
			if (!all) break;
		}
		res += this.appendTail();
		return res;
	}
	/**
	* Evaluates a replacer function for the current match and appends the result,
	* along with any un-matched preceding text, advancing the append position.
	* @param {Function} replacer - the replacer function
	* @param {string|Uint8Array|number[]} originalInput - the cached original input reference
	* @returns {string} the evaluated string to append
	* @private
	*/
	appendReplacementFunc(replacer, originalInput) {
		let res = "";
		const s = this.start();
		const e = this.end();
		if (this.appendPos < s) res += this.substring(this.appendPos, s);
		this.appendPos = e;
		/** @type {unknown[]} */
		const args = this.matchArray();
		args.push(s, originalInput);
		if (this.hasNamedGroups) args.push(this.namedGroupsObject());
		res += String(replacer(...args));
		return res;
	}
	/**
	* The match and its groups, as the elements of a JS RegExpExecArray: undefined for a group that
	* did not take part in the match. Used by exec(), matchAll() and replacer functions.
	* @returns {Array<string|undefined>}
	* @private
	*/
	matchArray() {
		const result = [this.group(0)];
		for (let i = 1; i <= this.patternGroupCount; i++) {
			const group = this.group(i);
			result.push(group === null ? void 0 : group);
		}
		return result;
	}
	/**
	* The named groups, as the groups property of a JS RegExpExecArray: an object without a
	* prototype mapping each name to its group (undefined when it did not take part in the match),
	* or undefined when the pattern has no named groups.
	* @returns {Record<string, string|undefined>|undefined}
	* @private
	*/
	namedGroupsObject() {
		if (!this.hasNamedGroups) return;
		const result = this.getNamedGroups();
		for (const name in result) if (result[name] === null) result[name] = void 0;
		return result;
	}
};
// src/Inst.js
/**
* A single instruction in the regular expression virtual machine.
*
* @see http://swtch.com/~rsc/regexp/regexp2.html
*/
var Inst = class Inst {
	static ALT = 1;
	static ALT_MATCH = 2;
	static CAPTURE = 3;
	static EMPTY_WIDTH = 4;
	static FAIL = 5;
	static MATCH = 6;
	static NOP = 7;
	static RUNE = 8;
	static RUNE1 = 9;
	static RUNE_ANY = 10;
	static RUNE_ANY_NOT_NL = 11;
	static LB_WRITE = 12;
	static LB_CHECK = 13;
	static isRuneOp(op) {
		return Inst.RUNE <= op && op <= Inst.RUNE_ANY_NOT_NL;
	}
	static escapeRunes(runes) {
		let out = "\"";
		for (let rune of runes) out += Utils.escapeRune(rune);
		out += "\"";
		return out;
	}
	constructor(op) {
		this.op = op;
		this.out = 0;
		this.arg = 0;
		/** @type {Int32Array} */
		this.runes = /* @__PURE__ */ new Int32Array(0);
		/** @type {Uint32Array | number[] | null} */
		this.next = null;
	}
	matchRune(r) {
		if (this.runes.length === 1) {
			const r0 = this.runes[0];
			if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r);
			return r === r0;
		}
		const len = this.runes.length;
		if (len === 0) return false;
		if (len === 2 || len === 4 || len === 6 || len === 8) {
			for (let j = 0; j < len; j += 2) {
				if (r < this.runes[j]) return false;
				if (r <= this.runes[j + 1]) return true;
			}
			return false;
		}
		let base = 0;
		let n = len >> 1;
		while (n > 1) {
			const half = n >> 1;
			base += this.runes[base + half << 1] <= r ? half : 0;
			n -= half;
		}
		base += this.runes[base << 1] <= r ? 1 : 0;
		const m = base - 1;
		return m >= 0 && r <= this.runes[m << 1 | 1];
	}
	matchRunePos(r) {
		if (this.runes.length === 1) {
			const r0 = this.runes[0];
			if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r) ? 0 : -1;
			return r === r0 ? 0 : -1;
		}
		const len = this.runes.length;
		if (len === 0) return -1;
		if (len === 2 || len === 4 || len === 6 || len === 8) {
			for (let j = 0; j < len; j += 2) {
				if (r < this.runes[j]) return -1;
				if (r <= this.runes[j + 1]) return Math.floor(j / 2);
			}
			return -1;
		}
		let base = 0;
		let n = len >> 1;
		while (n > 1) {
			const half = n >> 1;
			base += this.runes[base + half << 1] <= r ? half : 0;
			n -= half;
		}
		base += this.runes[base << 1] <= r ? 1 : 0;
		const m = base - 1;
		return m >= 0 && r <= this.runes[m << 1 | 1] ? m : -1;
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		switch (this.op) {
			case Inst.ALT: return `alt -> ${this.out}, ${this.arg}`;
			case Inst.ALT_MATCH: return `altmatch -> ${this.out}, ${this.arg}`;
			case Inst.CAPTURE: return `cap ${this.arg} -> ${this.out}`;
			case Inst.EMPTY_WIDTH: return `empty ${this.arg} -> ${this.out}`;
			case Inst.MATCH: return `match${this.arg !== 0 ? ` ${this.arg}` : ""}`;
			case Inst.FAIL: return "fail";
			case Inst.NOP: return `nop -> ${this.out}`;
			case Inst.LB_WRITE: return `lbwrite ${this.arg} -> ${this.out}`;
			case Inst.LB_CHECK: return `lbcheck ${this.arg} -> ${this.out}`;
			case Inst.RUNE:
				if (this.runes === null) return "rune <null>";
				return [
					"rune ",
					Inst.escapeRunes(this.runes),
					(this.arg & RE2Flags.FOLD_CASE) !== 0 ? "/i" : "",
					" -> ",
					this.out
				].join("");
			case Inst.RUNE1: return `rune1 ${Inst.escapeRunes(this.runes)} -> ${this.out}`;
			case Inst.RUNE_ANY: return `any -> ${this.out}`;
			case Inst.RUNE_ANY_NOT_NL: return `anynotnl -> ${this.out}`;
			default: throw new Error("unhandled case in Inst.toString");
		}
	}
};
// src/Machine.js
var Queue = class Queue {
	constructor(numInst) {
		this.sparse = new Int32Array(numInst);
		this.densePcs = new Int32Array(numInst);
		this.denseCaps = null;
		this.size = 0;
		this.ncap = 0;
		this.mainThreads = 0;
	}
	static INITIAL_THREADS = 32;
	init(ncap) {
		this.ncap = ncap;
		const needed = Math.min(this.densePcs.length, Queue.INITIAL_THREADS) * ncap;
		if (!this.denseCaps || this.denseCaps.length < needed) this.denseCaps = new Int32Array(needed);
	}
	growCaps(needed) {
		const limit = this.densePcs.length * this.ncap;
		const grown = new Int32Array(Math.min(limit, Math.max(needed, 2 * this.denseCaps.length)));
		grown.set(this.denseCaps);
		this.denseCaps = grown;
	}
	contains(pc) {
		const j = this.sparse[pc];
		return j < this.size && this.densePcs[j] === pc;
	}
	isEmpty() {
		return this.size === 0;
	}
	add(pc) {
		const j = this.size++;
		this.sparse[pc] = j;
		this.densePcs[j] = pc;
		return j;
	}
	clear() {
		this.size = 0;
		this.mainThreads = 0;
	}
	toString() {
		let out = "{";
		for (let i = 0; i < this.size; i++) {
			if (i !== 0) out += ", ";
			out += this.densePcs[i];
		}
		out += "}";
		return out;
	}
};
var LookbehindState = class {
	constructor(prog) {
		this.pos = -1;
		this.pcs = new Int32Array(prog.numInst());
		this.size = 0;
		this.lbTable = new Int32Array(prog.numLb + 1);
	}
	reset() {
		this.pos = -1;
		this.size = 0;
	}
};
var Machine = class Machine {
	static fromRE2(re2) {
		const m = new Machine();
		m.prog = re2.prog;
		m.re2 = re2;
		m.q0 = new Queue(m.prog.numInst());
		m.q1 = new Queue(m.prog.numInst());
		m.addStack = new Int32Array(2 * (m.prog.numInst() + 1));
		m.matched = false;
		m.matchcap = new Int32Array(m.prog.numCap < 2 ? 2 : m.prog.numCap);
		m.ncap = 0;
		return m;
	}
	constructor() {
		this.prog = null;
		this.re2 = null;
		this.q0 = null;
		this.q1 = null;
		this.addStack = null;
		this.matched = false;
		this.matchcap = null;
		this.ncap = 0;
		this.lbTable = null;
	}
	init(ncap) {
		this.ncap = ncap;
		if (ncap > this.matchcap.length) this.matchcap = new Int32Array(ncap).fill(-1);
		else this.matchcap.fill(-1);
		this.q0.init(ncap);
		this.q1.init(ncap);
		if (this.prog.numLb > 0) {
			if (!this.lbTable || this.lbTable.length < this.prog.numLb + 1) this.lbTable = new Int32Array(this.prog.numLb + 1);
			this.lbTable.fill(-1);
		}
	}
	submatches() {
		if (this.ncap === 0) return Utils.emptyInts();
		return Utils.toArray(this.matchcap.subarray(0, this.ncap));
	}
	match(input, pos, anchor, lbState = null) {
		const startCond = this.re2.cond;
		if (startCond === Utils.EMPTY_ALL) return false;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
		this.matched = false;
		this.matchcap.fill(-1);
		const hasLookbehinds = this.prog.numLb > 0;
		const matchStartPos = pos;
		let currentPos = pos;
		let resumeLookbehinds = false;
		if (hasLookbehinds) {
			if (lbState !== null && lbState.pos >= 0 && lbState.pos <= pos) {
				currentPos = lbState.pos;
				resumeLookbehinds = true;
			} else currentPos = 0;
		}
		let saveLookbehinds = hasLookbehinds && lbState !== null;
		let runq = this.q0;
		let nextq = this.q1;
		let r = input.step(currentPos);
		let rune = r >> 3;
		let width = r & 7;
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r = input.step(currentPos + width);
			rune1 = r >> 3;
			width1 = r & 7;
		}
		let flag;
		if (currentPos === 0) flag = Utils.emptyOpContext(-1, rune);
		else flag = input.context(currentPos);
		if (hasLookbehinds) {
			if (resumeLookbehinds) this.restoreLookbehinds(lbState, runq, flag);
			else this.spawnLookbehinds(runq, currentPos, flag);
		}
		while (true) {
			if (runq.mainThreads === 0) {
				if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
				if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
				if (this.matched) break;
				if (this.prog.numLb === 0 && runq.isEmpty() && !(this.re2.prefix.length === 0) && rune1 !== this.re2.prefixRune && input.canCheckPrefix()) {
					const advance = input.index(this.re2, currentPos);
					if (advance < 0) break;
					currentPos += advance;
					r = input.step(currentPos);
					rune = r >> 3;
					width = r & 7;
					r = input.step(currentPos + width);
					rune1 = r >> 3;
					width1 = r & 7;
					flag = input.context(currentPos);
				}
			}
			if (currentPos >= matchStartPos) {
				if (saveLookbehinds) {
					this.saveLookbehinds(lbState, runq, currentPos);
					saveLookbehinds = false;
				}
				if (!this.matched && (currentPos === 0 || anchor === RE2Flags.UNANCHORED)) {
					if (this.ncap > 0) this.matchcap[0] = currentPos;
					this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
				}
			}
			const nextPos = currentPos + width;
			flag = input.context(nextPos);
			this.step(runq, nextq, currentPos, nextPos, rune, flag, anchor, currentPos === input.endPos());
			if (width === 0) break;
			if (this.ncap === 0 && this.matched) break;
			currentPos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r = input.step(currentPos + width);
				rune1 = r >> 3;
				width1 = r & 7;
			}
			const tmpq = runq;
			runq = nextq;
			nextq = tmpq;
		}
		runq.clear();
		nextq.clear();
		return this.matched;
	}
	matchSet(input, pos, anchor) {
		const startCond = this.re2.cond;
		if (startCond === Utils.EMPTY_ALL) return [];
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
		let currentPos = this.prog.numLb > 0 ? 0 : pos;
		let matchStartPos = pos;
		let runq = this.q0;
		let nextq = this.q1;
		let r = input.step(currentPos);
		let rune = r >> 3;
		let width = r & 7;
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r = input.step(currentPos + width);
			rune1 = r >> 3;
			width1 = r & 7;
		}
		let flag = currentPos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(currentPos);
		const matches = /* @__PURE__ */ new Set();
		if (this.prog.numLb > 0) this.spawnLookbehinds(runq, currentPos, flag);
		while (true) {
			if (runq.mainThreads === 0) {
				if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
				if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
			}
			if (currentPos === 0 || anchor === RE2Flags.UNANCHORED) {
				if (currentPos >= matchStartPos) this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
			}
			const nextPos = currentPos + width;
			flag = input.context(nextPos);
			for (let j = 0; j < runq.size; j++) {
				const pc = runq.densePcs[j];
				const i = this.prog.inst[pc];
				const capOffset = j * this.ncap;
				let add = false;
				switch (i.op) {
					case Inst.MATCH:
						if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== input.endPos()) break;
						matches.add(i.arg);
						break;
					case Inst.RUNE:
						add = i.matchRune(rune);
						break;
					case Inst.RUNE1:
						add = rune === i.runes[0];
						break;
					case Inst.RUNE_ANY:
						add = true;
						break;
					case Inst.RUNE_ANY_NOT_NL:
						add = rune !== 10;
						break;
					default: continue;
				}
				if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, flag);
			}
			runq.clear();
			if (width === 0) break;
			currentPos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r = input.step(currentPos + width);
				rune1 = r >> 3;
				width1 = r & 7;
			}
			const tmpq = runq;
			runq = nextq;
			nextq = tmpq;
		}
		nextq.clear();
		return Array.from(matches).sort((a, b) => a - b);
	}
	step(runq, nextq, pos, nextPos, c, nextCond, anchor, atEnd) {
		const longest = this.re2.longest;
		for (let j = 0; j < runq.size; j++) {
			const pc = runq.densePcs[j];
			const capOffset = j * this.ncap;
			if (longest && this.matched && this.ncap > 0 && this.matchcap[0] < runq.denseCaps[capOffset]) continue;
			const i = this.prog.inst[pc];
			let add = false;
			switch (i.op) {
				case Inst.MATCH:
					if (anchor === RE2Flags.ANCHOR_BOTH && !atEnd) break;
					if (this.ncap > 0 && (!longest || !this.matched || this.matchcap[1] < pos)) {
						runq.denseCaps[capOffset + 1] = pos;
						for (let k = 0; k < this.ncap; k++) this.matchcap[k] = runq.denseCaps[capOffset + k];
					}
					if (!longest) runq.size = 0;
					this.matched = true;
					break;
				case Inst.RUNE:
					add = i.matchRune(c);
					break;
				case Inst.RUNE1:
					add = c === i.runes[0];
					break;
				case Inst.RUNE_ANY:
					add = true;
					break;
				case Inst.RUNE_ANY_NOT_NL:
					add = c !== 10;
					break;
				default: continue;
			}
			if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, nextCond);
		}
		runq.clear();
	}
	spawnLookbehinds(q, pos, flag) {
		for (let i = 0; i < this.prog.lbStarts.length; i++) this.add(q, this.prog.lbStarts[i], pos, this.matchcap, 0, flag);
	}
	restoreLookbehinds(lbState, q, flag) {
		this.lbTable.set(lbState.lbTable);
		for (let j = 0; j < lbState.size; j++) this.add(q, lbState.pcs[j], lbState.pos, this.matchcap, 0, flag);
	}
	saveLookbehinds(lbState, q, pos) {
		let size = 0;
		for (let j = 0; j < q.size; j++) {
			const pc = q.densePcs[j];
			if (this.prog.lbInst[pc] === 1 && Inst.isRuneOp(this.prog.inst[pc].op)) lbState.pcs[size++] = pc;
		}
		lbState.size = size;
		lbState.pos = pos;
		lbState.lbTable.set(this.lbTable);
	}
	add(q, pc, pos, capArray, capOffset, cond) {
		const stk = this.addStack;
		let nstk = 0;
		for (;;) {
			while (pc !== 0 && !q.contains(pc)) {
				const d = q.add(pc);
				const inst = this.prog.inst[pc];
				switch (inst.op) {
					case Inst.FAIL:
						pc = 0;
						break;
					case Inst.ALT:
					case Inst.ALT_MATCH:
						stk[nstk++] = inst.arg;
						stk[nstk++] = 0;
						pc = inst.out;
						break;
					case Inst.EMPTY_WIDTH:
						pc = (inst.arg & ~cond) === 0 ? inst.out : 0;
						break;
					case Inst.NOP:
						pc = inst.out;
						break;
					case Inst.CAPTURE:
						if (inst.arg < this.ncap) {
							stk[nstk++] = -inst.arg - 1;
							stk[nstk++] = capArray[capOffset + inst.arg];
							capArray[capOffset + inst.arg] = pos;
						}
						pc = inst.out;
						break;
					case Inst.LB_WRITE:
						this.lbTable[Math.abs(inst.arg)] = pos;
						pc = inst.out;
						break;
					case Inst.LB_CHECK:
						if (inst.arg > 0) pc = this.lbTable[inst.arg] === pos ? inst.out : 0;
						else pc = this.lbTable[-inst.arg] !== pos ? inst.out : 0;
						break;
					case Inst.MATCH:
					case Inst.RUNE:
					case Inst.RUNE1:
					case Inst.RUNE_ANY:
					case Inst.RUNE_ANY_NOT_NL:
						if (this.prog.lbInst[pc] === 0) q.mainThreads++;
						if (this.ncap > 0) {
							const destOffset = d * this.ncap;
							if (destOffset + this.ncap > q.denseCaps.length) q.growCaps(destOffset + this.ncap);
							for (let c = 0; c < this.ncap; c++) q.denseCaps[destOffset + c] = capArray[capOffset + c];
						}
						pc = 0;
						break;
					default: throw new RE2JSInternalException("unhandled");
				}
			}
			if (nstk === 0) return;
			nstk -= 2;
			const entry = stk[nstk];
			if (entry < 0) {
				capArray[capOffset - entry - 1] = stk[nstk + 1];
				pc = 0;
			} else pc = entry;
		}
	}
};
// src/DFA.js
const hashState = (pcs, flag, ids) => {
	let h = -2128831035;
	for (let i = 0; i < pcs.length; i++) {
		h ^= pcs[i];
		h = Math.imul(h, 16777619);
	}
	h ^= flag;
	h = Math.imul(h, 16777619);
	for (let i = 0; i < ids.length; i++) {
		h ^= ids[i];
		h = Math.imul(h, 16777619);
	}
	return h;
};
const arraysEqual = (a, b) => {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
};
const isState = (state, pcs, flag, ids) => state.flag === flag && arraysEqual(state.nfaStates, pcs) && arraysEqual(state.matchIDs, ids);
const NO_IDS = [];
const END_TEXT = -1;
var DFAState = class {
	constructor(nfaStates, flag, matchIDs) {
		this.nfaStates = nfaStates;
		this.flag = flag;
		this.isMatch = (flag & DFA.FLAG_MATCH) !== 0;
		this.matchIDs = matchIDs;
		this.next = null;
		this.nextAnchored = null;
	}
};
var DFA = class DFA {
	static FLAG_EMPTY_MASK = 255;
	static FLAG_MATCH = 256;
	static FLAG_LAST_WORD = 512;
	static FLAG_NEED_SHIFT = 16;
	static STATE_OVERHEAD = 150;
	static ARRAY_OVERHEAD = 40;
	static ELEMENT_SIZE = 8;
	static TABLE_OVERHEAD = 48;
	static PROGRESS_PER_STATE = 10;
	constructor(prog, maxMem = 8388608) {
		this.prog = prog;
		this.maxMem = maxMem;
		this.stateCache = /* @__PURE__ */ new Map();
		this.stateCount = 0;
		this.startStates = /* @__PURE__ */ new Map();
		this.failed = false;
		for (let pc = 0; pc < prog.numInst(); pc++) {
			const op = prog.getInst(pc).op;
			if (op === Inst.LB_WRITE || op === Inst.LB_CHECK) {
				this.failed = true;
				break;
			}
		}
		this.computeRuneClasses();
		this.stateBudget = maxMem;
		this.memBudget = maxMem;
	}
	computeRuneClasses() {
		const bounds = /* @__PURE__ */ new Set();
		const addRange = (lo, hi) => {
			bounds.add(lo);
			bounds.add(hi + 1);
		};
		for (let pc = 0; pc < this.prog.numInst(); pc++) {
			const inst = this.prog.getInst(pc);
			switch (inst.op) {
				case Inst.RUNE:
				case Inst.RUNE1:
					if (inst.runes.length === 1) {
						addRange(inst.runes[0], inst.runes[0]);
						if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) for (let f = Unicode.simpleFold(inst.runes[0]); f !== inst.runes[0]; f = Unicode.simpleFold(f)) addRange(f, f);
					} else for (let j = 0; j < inst.runes.length; j += 2) addRange(inst.runes[j], inst.runes[j + 1]);
					break;
				case Inst.RUNE_ANY_NOT_NL:
					addRange(10, 10);
					break;
				case Inst.EMPTY_WIDTH:
					if ((inst.arg & (Utils.EMPTY_BEGIN_LINE | Utils.EMPTY_END_LINE)) !== 0) addRange(10, 10);
					if ((inst.arg & (Utils.EMPTY_WORD_BOUNDARY | Utils.EMPTY_NO_WORD_BOUNDARY)) !== 0) {
						addRange(48, 57);
						addRange(65, 90);
						addRange(95, 95);
						addRange(97, 122);
					}
			}
		}
		bounds.delete(0);
		this.classBounds = Int32Array.from(bounds).sort();
		this.numClasses = this.classBounds.length + 1;
		const latin1Class = new Int32Array(Unicode.MAX_LATIN1 + 1);
		for (let r = 0; r <= Unicode.MAX_LATIN1; r++) latin1Class[r] = this.searchClass(r);
		this.latin1Class = latin1Class;
	}
	runeClass(r) {
		if (r <= Unicode.MAX_LATIN1) return this.latin1Class[r];
		return this.searchClass(r);
	}
	searchClass(r) {
		const bounds = this.classBounds;
		let lo = 0;
		let hi = bounds.length;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			if (bounds[mid] <= r) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
	closure(pcs, flag) {
		const closure = /* @__PURE__ */ new Set();
		const stack = Array.from(pcs);
		let needflags = 0;
		while (stack.length > 0) {
			const pc = stack.pop();
			if (pc === 0 || closure.has(pc)) continue;
			closure.add(pc);
			const inst = this.prog.getInst(pc);
			switch (inst.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					stack.push(inst.out);
					stack.push(inst.arg);
					break;
				case Inst.NOP:
				case Inst.CAPTURE:
					stack.push(inst.out);
					break;
				case Inst.EMPTY_WIDTH:
					needflags |= inst.arg;
					if ((inst.arg & ~flag) === 0) stack.push(inst.out);
			}
		}
		return {
			pcs: Array.from(closure).sort((a, b) => a - b),
			needflags
		};
	}
	getState(pcs, flag, ids) {
		const hash = hashState(pcs, flag, ids);
		const cached = this.stateCache.get(hash);
		if (cached instanceof DFAState) {
			if (isState(cached, pcs, flag, ids)) return cached;
		} else if (cached !== void 0) {
			for (let i = 0; i < cached.length; i++) if (isState(cached[i], pcs, flag, ids)) return cached[i];
		}
		const cost = DFA.stateCost(pcs, ids);
		if (this.memBudget < cost) return null;
		this.memBudget -= cost;
		const state = new DFAState(pcs, flag, ids);
		if (cached === void 0) this.stateCache.set(hash, state);
		else if (cached instanceof DFAState) this.stateCache.set(hash, [cached, state]);
		else cached.push(state);
		this.stateCount++;
		return state;
	}
	static stateCost(pcs, ids) {
		const idsCost = ids.length === 0 ? 0 : DFA.ARRAY_OVERHEAD + DFA.ELEMENT_SIZE * ids.length;
		return DFA.STATE_OVERHEAD + DFA.ELEMENT_SIZE * pcs.length + idsCost;
	}
	*cachedStates() {
		for (const cached of this.stateCache.values()) if (cached instanceof DFAState) yield cached;
		else yield* cached;
	}
	makeState(pcs, flag, ids) {
		const closure = this.closure(pcs, flag & DFA.FLAG_EMPTY_MASK);
		let stateFlag = flag;
		if (closure.needflags === 0) stateFlag &= DFA.FLAG_MATCH;
		stateFlag |= closure.needflags << DFA.FLAG_NEED_SHIFT;
		return this.getState(closure.pcs, stateFlag, ids);
	}
	allocTable(state, anchor) {
		const size = this.numClasses + 1;
		const cost = DFA.TABLE_OVERHEAD + DFA.ELEMENT_SIZE * size;
		if (this.memBudget < cost) return null;
		this.memBudget -= cost;
		const table = new Array(size).fill(null);
		if (anchor === RE2Flags.UNANCHORED) state.next = table;
		else state.nextAnchored = table;
		return table;
	}
	clearCache() {
		this.stateCache.clear();
		this.stateCount = 0;
		this.startStates.clear();
		this.memBudget = this.stateBudget;
	}
	resetCache(current) {
		this.clearCache();
		return this.getState(current.nfaStates, current.flag, current.matchIDs);
	}
	step(state, cls, rune, anchor) {
		let table = anchor === RE2Flags.UNANCHORED ? state.next : state.nextAnchored;
		if (table !== null) {
			const cached = table[cls];
			if (cached !== null) return cached;
		} else {
			table = this.allocTable(state, anchor);
			if (table === null) return null;
		}
		const needflag = state.flag >>> DFA.FLAG_NEED_SHIFT;
		const oldbeforeflag = state.flag & DFA.FLAG_EMPTY_MASK;
		let beforeflag = oldbeforeflag;
		let afterflag = 0;
		if (rune === 10) {
			beforeflag |= Utils.EMPTY_END_LINE;
			afterflag |= Utils.EMPTY_BEGIN_LINE;
		}
		if (rune === END_TEXT) beforeflag |= Utils.EMPTY_END_LINE | Utils.EMPTY_END_TEXT;
		const islastword = (state.flag & DFA.FLAG_LAST_WORD) !== 0;
		const isword = rune !== END_TEXT && Utils.isWordRune(rune);
		beforeflag |= isword === islastword ? Utils.EMPTY_NO_WORD_BOUNDARY : Utils.EMPTY_WORD_BOUNDARY;
		let pcs = state.nfaStates;
		if ((beforeflag & ~oldbeforeflag & needflag) !== 0) pcs = this.closure(pcs, beforeflag).pcs;
		const nextPCs = [];
		let ismatch = false;
		let ids = NO_IDS;
		for (let i = 0; i < pcs.length; i++) {
			const inst = this.prog.getInst(pcs[i]);
			if (inst.op === Inst.MATCH) {
				if (!ismatch) {
					ismatch = true;
					ids = [];
				}
				ids.push(inst.arg);
			} else if (rune !== END_TEXT && Inst.isRuneOp(inst.op) && inst.matchRune(rune)) nextPCs.push(inst.out);
		}
		if (ids.length > 1) ids.sort((a, b) => a - b);
		if (anchor === RE2Flags.UNANCHORED && rune !== END_TEXT) nextPCs.push(this.prog.start);
		let flag = afterflag;
		if (ismatch) flag |= DFA.FLAG_MATCH;
		if (isword) flag |= DFA.FLAG_LAST_WORD;
		const nextState = this.makeState(nextPCs, flag, ids);
		if (nextState === null) return null;
		table[cls] = nextState;
		return nextState;
	}
	start(input, pos) {
		const context = input.context(pos);
		let flags;
		if ((context & Utils.EMPTY_BEGIN_TEXT) !== 0) flags = Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
		else if ((context & Utils.EMPTY_BEGIN_LINE) !== 0) flags = Utils.EMPTY_BEGIN_LINE;
		else {
			const r = input.step(pos);
			const nextIsWord = r >= 0 && Utils.isWordRune(r >> 3);
			flags = (context & Utils.EMPTY_WORD_BOUNDARY) !== 0 !== nextIsWord ? DFA.FLAG_LAST_WORD : 0;
		}
		let state = this.startStates.get(flags);
		if (state === void 0) {
			state = this.makeState([this.prog.start], flags, NO_IDS);
			if (state === null) {
				this.clearCache();
				state = this.makeState([this.prog.start], flags, NO_IDS);
				if (state === null) return null;
			}
			this.startStates.set(flags, state);
		}
		return state;
	}
	stepOrReset(state, cls, rune, anchor, pos, search) {
		let next = this.step(state, cls, rune, anchor);
		if (next !== null) return next;
		if (search.resetPos >= 0 && pos - search.resetPos < DFA.PROGRESS_PER_STATE * this.stateCount) return null;
		search.resetPos = pos;
		const restored = this.resetCache(state);
		if (restored === null) return null;
		next = this.step(restored, cls, rune, anchor);
		return next;
	}
	run(input, pos, anchor, state, onMatch) {
		const endPos = input.endPos();
		const latin1Class = this.latin1Class;
		const unanchored = anchor === RE2Flags.UNANCHORED;
		const search = { resetPos: -1 };
		let i = pos;
		while (i < endPos) {
			const r = input.step(i);
			const rune = r >> 3;
			const width = r & 7;
			if (width === 0) break;
			const cls = rune <= Unicode.MAX_LATIN1 ? latin1Class[rune] : this.runeClass(rune);
			let next = unanchored && state.next !== null ? state.next[cls] : null;
			if (next === null) {
				next = this.stepOrReset(state, cls, rune, anchor, i, search);
				if (next === null) return null;
			}
			state = next;
			if (state.isMatch && onMatch(state, false)) return true;
			if (!unanchored && state.nfaStates.length === 0) return false;
			i += width;
		}
		state = this.stepOrReset(state, this.numClasses, END_TEXT, anchor, i, search);
		if (state === null) return null;
		return state.isMatch && onMatch(state, true);
	}
	match(input, pos, anchor) {
		if (this.failed) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
		const startState = this.start(input, pos);
		if (startState === null) return null;
		return this.run(input, pos, anchor, startState, (state, atEnd) => anchor !== RE2Flags.ANCHOR_BOTH || atEnd);
	}
	matchSet(input, pos, anchor) {
		if (this.failed) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
		const startState = this.start(input, pos);
		if (startState === null) return null;
		const matches = /* @__PURE__ */ new Set();
		const collect = (state, atEnd) => {
			if (anchor !== RE2Flags.ANCHOR_BOTH || atEnd) for (let k = 0; k < state.matchIDs.length; k++) matches.add(state.matchIDs[k]);
			return false;
		};
		if (this.run(input, pos, anchor, startState, collect) === null) return null;
		return Array.from(matches).sort((a, b) => a - b);
	}
};
// src/Backtracker.js
const VISITED_BITS = 32;
const MAX_BACKTRACK_PROG = 500;
const INITIAL_JOB_CAPACITY = 256;
const MAX_BACKTRACK_VECTOR = 262144;
var BitState = class {
	constructor() {
		this.end = 0;
		this.cap = /* @__PURE__ */ new Int32Array(0);
		this.matchcap = /* @__PURE__ */ new Int32Array(0);
		this.ncap = 0;
		this.jobPc = new Int32Array(INITIAL_JOB_CAPACITY);
		this.jobArg = new Uint8Array(INITIAL_JOB_CAPACITY);
		this.jobPos = new Int32Array(INITIAL_JOB_CAPACITY);
		this.jobLen = 0;
		this.visited = /* @__PURE__ */ new Uint32Array(0);
	}
	reset(prog, end, ncap) {
		this.end = end;
		this.jobLen = 0;
		this.ncap = ncap;
		const visitedSize = prog.numInst() * (end + 1) + VISITED_BITS - 1 >>> 5;
		if (this.visited.length < visitedSize) this.visited = new Uint32Array(visitedSize);
		else this.visited.fill(0, 0, visitedSize);
		if (this.cap.length < ncap) this.cap = new Int32Array(ncap).fill(-1);
		else this.cap.fill(-1, 0, ncap);
		if (this.matchcap.length < ncap) this.matchcap = new Int32Array(ncap).fill(-1);
		else this.matchcap.fill(-1, 0, ncap);
	}
	shouldVisit(pc, pos) {
		const n = pc * (this.end + 1) + pos;
		const idx = n >>> 5;
		const mask = 1 << (n & 31);
		if ((this.visited[idx] & mask) !== 0) return false;
		this.visited[idx] |= mask;
		return true;
	}
	push(re2, pc, pos, arg) {
		if (re2.prog.getInst(pc).op !== Inst.FAIL && (arg || this.shouldVisit(pc, pos))) {
			if (this.jobLen >= this.jobPc.length) {
				const newSize = this.jobPc.length * 2;
				const newPc = new Int32Array(newSize);
				newPc.set(this.jobPc);
				this.jobPc = newPc;
				const newArg = new Uint8Array(newSize);
				newArg.set(this.jobArg);
				this.jobArg = newArg;
				const newPos = new Int32Array(newSize);
				newPos.set(this.jobPos);
				this.jobPos = newPos;
			}
			this.jobPc[this.jobLen] = pc;
			this.jobArg[this.jobLen] = arg ? 1 : 0;
			this.jobPos[this.jobLen] = pos;
			this.jobLen++;
		}
	}
	tryBacktrack(re2, input, pc, pos, anchor) {
		const longest = re2.longest;
		this.push(re2, pc, pos, false);
		while (this.jobLen > 0) {
			this.jobLen--;
			let currentPc = this.jobPc[this.jobLen];
			let arg = this.jobArg[this.jobLen] === 1;
			let currentPos = this.jobPos[this.jobLen];
			let skipShouldVisit = true;
			while (true) {
				if (!skipShouldVisit) {
					if (!this.shouldVisit(currentPc, currentPos)) break;
				}
				skipShouldVisit = false;
				const inst = re2.prog.getInst(currentPc);
				switch (inst.op) {
					case Inst.FAIL: break;
					case Inst.ALT: if (arg) {
						arg = false;
						currentPc = inst.arg;
						continue;
					} else {
						this.push(re2, currentPc, currentPos, true);
						currentPc = inst.out;
						continue;
					}
					case Inst.ALT_MATCH: {
						const outInst = re2.prog.getInst(inst.out);
						if (Inst.isRuneOp(outInst.op)) {
							this.push(re2, inst.arg, currentPos, false);
							currentPc = inst.arg;
							currentPos = this.end;
							continue;
						}
						this.push(re2, inst.out, this.end, false);
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (!inst.matchRune(r >> 3)) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE1: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (r >> 3 !== inst.runes[0]) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE_ANY_NOT_NL: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (r >> 3 === 10) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE_ANY: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.CAPTURE: if (arg) {
						this.cap[inst.arg] = currentPos;
						break;
					} else {
						if (inst.arg < this.ncap) {
							this.push(re2, currentPc, this.cap[inst.arg], true);
							this.cap[inst.arg] = currentPos;
						}
						currentPc = inst.out;
						continue;
					}
					case Inst.EMPTY_WIDTH: {
						const flag = input.context(currentPos);
						if ((inst.arg & ~flag) !== 0) break;
						currentPc = inst.out;
						continue;
					}
					case Inst.NOP:
						currentPc = inst.out;
						continue;
					case Inst.MATCH: {
						if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== this.end) break;
						if (this.ncap === 0) return true;
						if (this.ncap > 1) this.cap[1] = currentPos;
						const old = this.matchcap[1];
						if (old === -1 || longest && currentPos > 0 && currentPos > old) this.matchcap.set(this.cap);
						if (!longest) return true;
						if (currentPos === this.end) return true;
						break;
					}
					case Inst.LB_WRITE:
					case Inst.LB_CHECK: throw new RE2JSInternalException("Backtracker cannot evaluate Lookbehind instructions");
					default: throw new RE2JSInternalException("bad inst");
				}
				break;
			}
		}
		return longest && this.matchcap.length > 1 && this.matchcap[1] >= 0;
	}
};
const bitStatePool = [];
var Backtracker = class Backtracker {
	static shouldBacktrack(prog) {
		return prog.numInst() <= MAX_BACKTRACK_PROG;
	}
	static maxBitStateLen(prog) {
		if (!Backtracker.shouldBacktrack(prog)) return 0;
		return Math.floor(MAX_BACKTRACK_VECTOR / prog.numInst());
	}
	static execute(re2, input, pos, anchor, ncap) {
		const startCond = re2.cond;
		if (startCond === Utils.EMPTY_ALL) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
		if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && pos !== 0) return null;
		const b = bitStatePool.length > 0 ? bitStatePool.pop() : new BitState();
		const end = input.endPos();
		b.reset(re2.prog, end, ncap);
		let matched = false;
		if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 || anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) {
			if (b.ncap > 0) b.cap[0] = pos;
			if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) matched = true;
		} else {
			let width = -1;
			for (; pos <= end && width !== 0; pos += width) {
				if (re2.prefix.length > 0) {
					const advance = input.index(re2, pos);
					if (advance < 0) break;
					pos += advance;
				}
				if (b.ncap > 0) b.cap[0] = pos;
				if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) {
					matched = true;
					break;
				}
				const r = input.step(pos);
				width = r === MachineInputBase.EOF() ? 0 : r & 7;
			}
		}
		if (!matched) {
			bitStatePool.push(b);
			return null;
		}
		const result = ncap === 0 ? [] : Utils.toArray(b.matchcap.subarray(0, ncap));
		bitStatePool.push(b);
		return result;
	}
};
// src/OnePass.js
var QueueOnePass = class {
	constructor(size) {
		this.sparse = new Uint32Array(size);
		this.dense = new Uint32Array(size);
		this.size = 0;
		this.nextIndex = 0;
	}
	empty() {
		return this.nextIndex >= this.size;
	}
	next() {
		return this.dense[this.nextIndex++];
	}
	clear() {
		this.size = 0;
		this.nextIndex = 0;
	}
	contains(u) {
		return u < this.sparse.length && this.sparse[u] < this.size && this.dense[this.sparse[u]] === u;
	}
	insert(u) {
		if (!this.contains(u)) this.insertNew(u);
	}
	insertNew(u) {
		if (u >= this.sparse.length) return;
		this.sparse[u] = this.size;
		this.dense[this.size] = u;
		this.size++;
	}
};
const mergeRuneSets = (leftRunes, rightRunes, leftPC, rightPC) => {
	const leftLen = leftRunes.length;
	const rightLen = rightRunes.length;
	let lx = 0, rx = 0;
	const merged = [];
	const next = [];
	let ok = true;
	let ix = -1;
	const extend = (isLeft) => {
		const newArray = isLeft ? leftRunes : rightRunes;
		const low = isLeft ? lx : rx;
		const pc = isLeft ? leftPC : rightPC;
		if (ix > 0 && newArray[low] <= merged[ix]) return false;
		merged.push(newArray[low], newArray[low + 1]);
		if (isLeft) lx += 2;
		else rx += 2;
		ix += 2;
		next.push(pc);
		return true;
	};
	while (lx < leftLen || rx < rightLen) {
		if (rx >= rightLen) ok = extend(true);
		else if (lx >= leftLen) ok = extend(false);
		else if (rightRunes[rx] < leftRunes[lx]) ok = extend(false);
		else ok = extend(true);
		if (!ok) return null;
	}
	return {
		merged,
		next
	};
};
var OnePassProg = class {
	constructor(prog) {
		this.start = prog.start;
		this.numCap = prog.numCap;
		this.inst = new Array(prog.inst.length);
		for (let i = 0; i < prog.inst.length; i++) {
			const orig = prog.inst[i];
			const inst = new Inst(orig.op);
			inst.out = orig.out;
			inst.arg = orig.arg;
			inst.runes = orig.runes ? new Int32Array(orig.runes) : /* @__PURE__ */ new Int32Array(0);
			inst.next = null;
			this.inst[i] = inst;
		}
	}
};
const onePassCopy = (prog) => {
	const p = new OnePassProg(prog);
	for (let pc = 0; pc < p.inst.length; pc++) {
		const inst = p.inst[pc];
		if (inst.op !== Inst.ALT && inst.op !== Inst.ALT_MATCH) continue;
		let pAOther = "out";
		let pAAlt = "arg";
		let instAlt = p.inst[inst[pAAlt]];
		if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) {
			pAOther = "arg";
			pAAlt = "out";
			instAlt = p.inst[inst[pAAlt]];
			if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) continue;
		}
		const instOther = p.inst[inst[pAOther]];
		if (instOther.op === Inst.ALT || instOther.op === Inst.ALT_MATCH) continue;
		let pBAlt = "out";
		let pBOther = "arg";
		let patch = false;
		if (instAlt.out === pc) patch = true;
		else if (instAlt.arg === pc) {
			patch = true;
			pBAlt = "arg";
			pBOther = "out";
		}
		if (patch) instAlt[pBAlt] = inst[pAOther];
		if (inst[pAOther] === instAlt[pBAlt]) inst[pAAlt] = instAlt[pBOther];
	}
	return p;
};
const makeOnePass = (p) => {
	if (p.inst.length >= 1e3) return null;
	const instQueue = new QueueOnePass(p.inst.length);
	const visitQueue = new QueueOnePass(p.inst.length);
	const onePassRunes = new Array(p.inst.length);
	const m = new Array(p.inst.length).fill(false);
	const check = (pc) => {
		let ok = true;
		const inst = p.inst[pc];
		if (visitQueue.contains(pc)) return true;
		visitQueue.insert(pc);
		switch (inst.op) {
			case Inst.ALT:
			case Inst.ALT_MATCH: {
				ok = check(inst.out) && check(inst.arg);
				let matchOut = m[inst.out];
				let matchArg = m[inst.arg];
				if (matchOut && matchArg) return false;
				if (matchArg) {
					const tempOut = inst.out;
					inst.out = inst.arg;
					inst.arg = tempOut;
					const tempMatch = matchOut;
					matchOut = matchArg;
					matchArg = tempMatch;
				}
				if (matchOut) {
					m[pc] = true;
					inst.op = Inst.ALT_MATCH;
				}
				const leftRunes = onePassRunes[inst.out] || [];
				const rightRunes = onePassRunes[inst.arg] || [];
				const mergeRes = mergeRuneSets(leftRunes, rightRunes, inst.out, inst.arg);
				if (!mergeRes) return false;
				onePassRunes[pc] = new Int32Array(mergeRes.merged);
				inst.next = new Uint32Array(mergeRes.next);
				break;
			}
			case Inst.CAPTURE:
			case Inst.EMPTY_WIDTH:
			case Inst.NOP:
				ok = check(inst.out);
				m[pc] = m[inst.out];
				onePassRunes[pc] = onePassRunes[inst.out] ? new Int32Array(onePassRunes[inst.out]) : /* @__PURE__ */ new Int32Array(0);
				inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
				break;
			case Inst.MATCH:
			case Inst.FAIL:
				m[pc] = inst.op === Inst.MATCH;
				break;
			case Inst.RUNE: {
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				if (!inst.runes || inst.runes.length === 0) {
					onePassRunes[pc] = /* @__PURE__ */ new Int32Array(0);
					inst.next = new Uint32Array([inst.out]);
					break;
				}
				let runes = [];
				if (inst.runes.length === 1 && (inst.arg & RE2Flags.FOLD_CASE) !== 0) {
					const r0 = inst.runes[0];
					runes.push(r0, r0);
					for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
					runes.sort((a, b) => a - b);
				} else for (let j = 0; j < inst.runes.length; j++) runes.push(inst.runes[j]);
				onePassRunes[pc] = new Int32Array(runes);
				inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
				inst.op = Inst.RUNE;
				break;
			}
			case Inst.RUNE1: {
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				let runes = [];
				if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) {
					const r0 = inst.runes[0];
					runes.push(r0, r0);
					for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
					runes.sort((a, b) => a - b);
				} else runes.push(inst.runes[0], inst.runes[0]);
				onePassRunes[pc] = new Int32Array(runes);
				inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
				inst.op = Inst.RUNE;
				break;
			}
			case Inst.RUNE_ANY:
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				onePassRunes[pc] = new Int32Array([0, Unicode.MAX_RUNE]);
				inst.next = new Uint32Array([inst.out]);
				break;
			case Inst.RUNE_ANY_NOT_NL:
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				onePassRunes[pc] = new Int32Array([
					0,
					9,
					11,
					Unicode.MAX_RUNE
				]);
				inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
		}
		return ok;
	};
	instQueue.clear();
	instQueue.insert(p.start);
	while (!instQueue.empty()) {
		visitQueue.clear();
		if (!check(instQueue.next())) return null;
	}
	for (let i = 0; i < p.inst.length; i++) if (onePassRunes[i]) p.inst[i].runes = onePassRunes[i];
	return p;
};
const cleanupOnePass = (p, original) => {
	for (let ix = 0; ix < original.inst.length; ix++) {
		const instOriginal = original.inst[ix];
		switch (instOriginal.op) {
			case Inst.ALT:
			case Inst.ALT_MATCH:
			case Inst.RUNE: break;
			case Inst.CAPTURE:
			case Inst.EMPTY_WIDTH:
			case Inst.NOP:
			case Inst.MATCH:
			case Inst.FAIL:
				p.inst[ix].next = null;
				break;
			case Inst.RUNE1:
			case Inst.RUNE_ANY:
			case Inst.RUNE_ANY_NOT_NL:
				p.inst[ix].next = null;
				p.inst[ix].op = instOriginal.op;
				p.inst[ix].runes = instOriginal.runes ? new Int32Array(instOriginal.runes) : /* @__PURE__ */ new Int32Array(0);
		}
	}
};
var OnePass = class OnePass {
	static compile(prog) {
		if (prog.start === 0) return null;
		if (prog.numLb > 0) return null;
		const startInst = prog.inst[prog.start];
		if (startInst.op !== Inst.EMPTY_WIDTH || (startInst.arg & Utils.EMPTY_BEGIN_TEXT) === 0) return null;
		let hasAlt = false;
		for (let i = 0; i < prog.inst.length; i++) if (prog.inst[i].op === Inst.ALT || prog.inst[i].op === Inst.ALT_MATCH) {
			hasAlt = true;
			break;
		}
		for (let i = 0; i < prog.inst.length; i++) {
			const inst = prog.inst[i];
			const opOut = prog.inst[inst.out].op;
			switch (inst.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					if (opOut === Inst.MATCH || prog.inst[inst.arg].op === Inst.MATCH) return null;
					break;
				case Inst.EMPTY_WIDTH:
					if (opOut === Inst.MATCH) {
						if ((inst.arg & Utils.EMPTY_END_TEXT) === Utils.EMPTY_END_TEXT) continue;
						return null;
					}
					break;
				default: if (opOut === Inst.MATCH && hasAlt) return null;
			}
		}
		let p = onePassCopy(prog);
		p = makeOnePass(p);
		if (p !== null) cleanupOnePass(p, prog);
		return p;
	}
	static next(inst, r) {
		const nextIdx = inst.matchRunePos(r);
		if (nextIdx >= 0) return inst.next[nextIdx];
		if (inst.op === Inst.ALT_MATCH) return inst.out;
		return 0;
	}
	static execute(re2, input, pos, anchor, ncap) {
		const onepass = re2.onepass;
		if (!onepass) return null;
		const matchcap = new Int32Array(ncap).fill(-1);
		let matched = false;
		let r = input.step(pos);
		let rune = r >> 3;
		let width = r & 7;
		let r1 = MachineInputBase.EOF();
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r1 = input.step(pos + width);
			if (r1 !== MachineInputBase.EOF()) {
				rune1 = r1 >> 3;
				width1 = r1 & 7;
			}
		}
		let flag = pos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(pos);
		let pc = onepass.start;
		let inst;
		while (true) {
			inst = onepass.inst[pc];
			pc = inst.out;
			switch (inst.op) {
				case Inst.MATCH:
					if (anchor === RE2Flags.ANCHOR_BOTH && pos !== input.endPos()) return null;
					matched = true;
					if (matchcap.length > 0) {
						matchcap[0] = 0;
						matchcap[1] = pos;
					}
					return ncap === 0 ? [] : Utils.toArray(matchcap);
				case Inst.RUNE:
					if (!inst.matchRune(rune)) return null;
					break;
				case Inst.RUNE1:
					if (rune !== inst.runes[0]) return null;
					break;
				case Inst.RUNE_ANY: break;
				case Inst.RUNE_ANY_NOT_NL:
					if (rune === 10) return null;
					break;
				case Inst.ALT:
				case Inst.ALT_MATCH:
					pc = OnePass.next(inst, rune);
					continue;
				case Inst.FAIL: return null;
				case Inst.NOP: continue;
				case Inst.EMPTY_WIDTH:
					if ((inst.arg & ~flag) !== 0) return null;
					continue;
				case Inst.CAPTURE:
					if (inst.arg < matchcap.length) matchcap[inst.arg] = pos;
					continue;
				default: throw new RE2JSInternalException("bad inst");
			}
			if (width === 0) break;
			flag = Utils.emptyOpContext(rune, rune1);
			pos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r1 = input.step(pos + width);
				if (r1 !== MachineInputBase.EOF()) {
					rune1 = r1 >> 3;
					width1 = r1 & 7;
				} else {
					rune1 = -1;
					width1 = 0;
				}
			}
		}
		if (!matched) return null;
		return ncap === 0 ? [] : Utils.toArray(matchcap);
	}
};
// src/Regexp.js
/**
* Regular expression abstract syntax tree. Produced by parser, used by compiler. NB, this
* corresponds to {@code syntax.regexp} in the Go implementation; Go's {@code regexp} is called
* {@code RE2} in Java.
*/
var Regexp = class Regexp {
	static Op = createEnum([
		"NO_MATCH",
		"EMPTY_MATCH",
		"LITERAL",
		"CHAR_CLASS",
		"ANY_CHAR_NOT_NL",
		"ANY_CHAR",
		"BEGIN_LINE",
		"END_LINE",
		"BEGIN_TEXT",
		"END_TEXT",
		"WORD_BOUNDARY",
		"NO_WORD_BOUNDARY",
		"CAPTURE",
		"STAR",
		"PLUS",
		"QUEST",
		"REPEAT",
		"CONCAT",
		"ALTERNATE",
		"PLB",
		"NLB",
		"LEFT_PAREN",
		"VERTICAL_BAR"
	]);
	static isPseudoOp(op) {
		return op >= Regexp.Op.LEFT_PAREN;
	}
	static emptySubs() {
		return [];
	}
	static quoteIfHyphen(rune) {
		if (rune === Codepoint.CODES["-"]) return "\\";
		return "";
	}
	static fromRegexp(re) {
		const regex = new Regexp(re.op);
		regex.flags = re.flags;
		regex.subs = re.subs;
		regex.runes = re.runes;
		regex.cap = re.cap;
		regex.min = re.min;
		regex.max = re.max;
		regex.name = re.name;
		regex.namedGroups = re.namedGroups;
		regex.lb = re.lb;
		return regex;
	}
	constructor(op) {
		this.op = op;
		this.flags = 0;
		this.subs = Regexp.emptySubs();
		this.runes = /* @__PURE__ */ new Int32Array(0);
		this.min = 0;
		this.max = 0;
		this.cap = 0;
		this.name = null;
		this.namedGroups = Object.create(null);
		this.lb = 0;
	}
	reinit() {
		this.flags = 0;
		this.subs = Regexp.emptySubs();
		this.runes = /* @__PURE__ */ new Int32Array(0);
		this.cap = 0;
		this.min = 0;
		this.max = 0;
		this.name = null;
		this.namedGroups = Object.create(null);
		this.lb = 0;
	}
	toString() {
		return this.appendTo();
	}
	appendTo() {
		let out = "";
		switch (this.op) {
			case Regexp.Op.NO_MATCH:
				out += "[^\\x00-\\x{10FFFF}]";
				break;
			case Regexp.Op.EMPTY_MATCH:
				out += "(?:)";
				break;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
			case Regexp.Op.REPEAT: {
				const sub = this.subs[0];
				if (sub.op > Regexp.Op.CAPTURE || sub.op === Regexp.Op.LITERAL && sub.runes.length > 1) out += `(?:${sub.appendTo()})`;
				else out += sub.appendTo();
				switch (this.op) {
					case Regexp.Op.STAR:
						out += "*";
						break;
					case Regexp.Op.PLUS:
						out += "+";
						break;
					case Regexp.Op.QUEST:
						out += "?";
						break;
					case Regexp.Op.REPEAT:
						out += `{${this.min}`;
						if (this.min !== this.max) {
							out += ",";
							if (this.max >= 0) out += this.max;
						}
						out += "}";
				}
				if ((this.flags & RE2Flags.NON_GREEDY) !== 0) out += "?";
				break;
			}
			case Regexp.Op.CONCAT:
				for (let sub of this.subs) if (sub.op === Regexp.Op.ALTERNATE) out += `(?:${sub.appendTo()})`;
				else out += sub.appendTo();
				break;
			case Regexp.Op.ALTERNATE: {
				let sep = "";
				for (let sub of this.subs) {
					out += sep;
					sep = "|";
					out += sub.appendTo();
				}
				break;
			}
			case Regexp.Op.LITERAL:
				if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += "(?i:";
				for (let rune of this.runes) out += Utils.escapeRune(rune);
				if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += ")";
				break;
			case Regexp.Op.ANY_CHAR_NOT_NL:
				out += "(?-s:.)";
				break;
			case Regexp.Op.ANY_CHAR:
				out += "(?s:.)";
				break;
			case Regexp.Op.PLB:
				out += `(?<=${this.subs[0].appendTo()})`;
				break;
			case Regexp.Op.NLB:
				out += `(?<!${this.subs[0].appendTo()})`;
				break;
			case Regexp.Op.CAPTURE:
				if (this.name === null || this.name.length === 0) out += "(";
				else out += `(?P<${this.name}>`;
				if (this.subs[0].op !== Regexp.Op.EMPTY_MATCH) out += this.subs[0].appendTo();
				out += ")";
				break;
			case Regexp.Op.BEGIN_TEXT:
				out += "\\A";
				break;
			case Regexp.Op.END_TEXT:
				if ((this.flags & RE2Flags.WAS_DOLLAR) !== 0) out += "(?-m:$)";
				else out += "\\z";
				break;
			case Regexp.Op.BEGIN_LINE:
				out += "^";
				break;
			case Regexp.Op.END_LINE:
				out += "$";
				break;
			case Regexp.Op.WORD_BOUNDARY:
				out += "\\b";
				break;
			case Regexp.Op.NO_WORD_BOUNDARY:
				out += "\\B";
				break;
			case Regexp.Op.CHAR_CLASS:
				if (this.runes.length % 2 !== 0) {
					out += "[invalid char class]";
					break;
				}
				out += "[";
				if (this.runes.length === 0) out += "^\\x00-\\x{10FFFF}";
				else if (this.runes[0] === 0 && this.runes[this.runes.length - 1] === Unicode.MAX_RUNE) {
					out += "^";
					for (let i = 1; i < this.runes.length - 1; i += 2) {
						const lo = this.runes[i] + 1;
						const hi = this.runes[i + 1] - 1;
						out += Regexp.quoteIfHyphen(lo);
						out += Utils.escapeRune(lo);
						if (lo !== hi) {
							out += "-";
							out += Regexp.quoteIfHyphen(hi);
							out += Utils.escapeRune(hi);
						}
					}
				} else for (let i = 0; i < this.runes.length; i += 2) {
					const lo = this.runes[i];
					const hi = this.runes[i + 1];
					out += Regexp.quoteIfHyphen(lo);
					out += Utils.escapeRune(lo);
					if (lo !== hi) {
						out += "-";
						out += Regexp.quoteIfHyphen(hi);
						out += Utils.escapeRune(hi);
					}
				}
				out += "]";
				break;
			default: out += this.op;
		}
		return out;
	}
	maxCap() {
		let m = 0;
		if (this.op === Regexp.Op.CAPTURE) m = this.cap;
		if (this.subs !== null) for (let sub of this.subs) {
			const n = sub.maxCap();
			if (m < n) m = n;
		}
		return m;
	}
	equals(that) {
		if (!(that !== null && that instanceof Regexp)) return false;
		if (this.op !== that.op) return false;
		switch (this.op) {
			case Regexp.Op.END_TEXT:
				if ((this.flags & RE2Flags.WAS_DOLLAR) !== (that.flags & RE2Flags.WAS_DOLLAR)) return false;
				break;
			case Regexp.Op.LITERAL:
			case Regexp.Op.CHAR_CLASS:
				if ((this.flags & RE2Flags.FOLD_CASE) !== (that.flags & RE2Flags.FOLD_CASE)) return false;
				if (this.runes === null && that.runes === null) break;
				if (this.runes === null || that.runes === null) return false;
				if (this.runes.length !== that.runes.length) return false;
				for (let i = 0; i < this.runes.length; i++) if (this.runes[i] !== that.runes[i]) return false;
				break;
			case Regexp.Op.ALTERNATE:
			case Regexp.Op.CONCAT:
				if (this.subs.length !== that.subs.length) return false;
				for (let i = 0; i < this.subs.length; ++i) if (!this.subs[i].equals(that.subs[i])) return false;
				break;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
				if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.REPEAT:
				if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || this.min !== that.min || this.max !== that.max || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.CAPTURE:
				if (this.cap !== that.cap || (this.name === null ? that.name !== null : this.name !== that.name) || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.PLB:
			case Regexp.Op.NLB: if (this.lb !== that.lb || !this.subs[0].equals(that.subs[0])) return false;
		}
		return true;
	}
};
// src/RegexpWalker.js
/**
* Walks a Regexp tree without recursion, visiting nodes in the same order a recursive walk
* would (RE2: re2/walker-inl.h, "Helper class for traversing Regexps without recursion").
*
* The handler sees a node without subexpressions once, through `leaf(re)`, which returns its
* result. Any other node is seen up to three times:
* - `enter(re)` before its children. It returns the state kept for `re` while its children are
*   visited; a state whose `result` is already set skips the children.
* - `child(re, state, result, i)` after child `i` produced `result`. Setting `state.result`
*   stops visiting the remaining children.
* - `leave(re, state)` after the last child; it returns the result for `re`.
*
* Counted repetitions expand into one nesting level per copy, so the simplified tree can be
* thousands of levels deep; recursion over it would overflow the JS stack, which has no fixed
* relation to the parser's nesting limit. This walk keeps its frames on the heap instead.
*/
var RegexpWalker = class {
	static walk(root, handler) {
		const stack = [];
		let re = root;
		let result;
		for (;;) {
			if (re.subs.length === 0) result = handler.leaf(re);
			else {
				const state = handler.enter(re);
				if (state.result === void 0) {
					stack.push({
						re,
						state,
						i: 0
					});
					re = re.subs[0];
					continue;
				}
				result = state.result;
			}
			for (;;) {
				if (stack.length === 0) return result;
				const frame = stack[stack.length - 1];
				handler.child(frame.re, frame.state, result, frame.i);
				frame.i++;
				if (frame.state.result === void 0 && frame.i < frame.re.subs.length) {
					re = frame.re.subs[frame.i];
					break;
				}
				stack.pop();
				result = frame.state.result !== void 0 ? frame.state.result : handler.leave(frame.re, frame.state);
			}
		}
	}
};
// src/Prefilter.js
var AhoCorasick = class {
	constructor(words, alphabetSize) {
		const edges = /* @__PURE__ */ new Map();
		const parent = [0];
		const unit = [0];
		const depth = [0];
		const terminal = [0];
		for (const word of words) {
			let node = 0;
			for (let i = 0; i < word.length; i++) {
				const key = node * alphabetSize + word[i];
				let child = edges.get(key);
				if (child === void 0) {
					child = parent.length;
					edges.set(key, child);
					parent.push(node);
					unit.push(word[i]);
					depth.push(depth[node] + 1);
					terminal.push(0);
				}
				node = child;
			}
			terminal[node] = 1;
		}
		const numNodes = parent.length;
		const children = new Int32Array(numNodes - 1);
		for (let c = 1; c < numNodes; c++) children[c - 1] = c;
		children.sort((a, b) => parent[a] - parent[b] || unit[a] - unit[b]);
		const childStart = new Int32Array(numNodes + 1);
		for (let c = 1; c < numNodes; c++) childStart[parent[c] + 1]++;
		for (let n = 0; n < numNodes; n++) childStart[n + 1] += childStart[n];
		const childUnit = new Int32Array(numNodes - 1);
		for (let k = 0; k < children.length; k++) childUnit[k] = unit[children[k]];
		this.childStart = childStart;
		this.childUnit = childUnit;
		this.childNode = children;
		const byDepth = new Int32Array(numNodes);
		for (let n = 0; n < numNodes; n++) byDepth[n] = n;
		byDepth.sort((a, b) => depth[a] - depth[b]);
		const fail = new Int32Array(numNodes);
		const match = Uint8Array.from(terminal);
		for (let k = 1; k < numNodes; k++) {
			const c = byDepth[k];
			const p = parent[c];
			if (p !== 0) {
				let f = fail[p];
				let next = this.next(f, unit[c]);
				while (next < 0 && f !== 0) {
					f = fail[f];
					next = this.next(f, unit[c]);
				}
				fail[c] = next >= 0 ? next : 0;
			}
			match[c] |= match[fail[c]];
		}
		this.fail = fail;
		this.match = match;
	}
	next(node, u) {
		let lo = this.childStart[node];
		let hi = this.childStart[node + 1];
		const units = this.childUnit;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			const m = units[mid];
			if (m === u) return this.childNode[mid];
			if (m < u) lo = mid + 1;
			else hi = mid;
		}
		return -1;
	}
	advance(node, u) {
		for (;;) {
			const next = this.next(node, u);
			if (next >= 0) return next;
			if (node === 0) return 0;
			node = this.fail[node];
		}
	}
	searchUTF16(charSeq, start, end) {
		let node = 0;
		for (let i = start; i < end; i++) {
			node = this.advance(node, charSeq.charCodeAt(i));
			if (this.match[node] === 1) return true;
		}
		return false;
	}
	searchUTF8(bytes, start, end) {
		let node = 0;
		for (let i = start; i < end; i++) {
			node = this.advance(node, bytes[i]);
			if (this.match[node] === 1) return true;
		}
		return false;
	}
};
var Prefilter = class Prefilter {
	static Type = {
		NONE: 0,
		EXACT: 1,
		AND: 2,
		OR: 3
	};
	static MAX_SCANS = 32;
	static MAX_AC_UNITS = 1 << 18;
	constructor(type) {
		this.type = type;
		this.subs = [];
		this.str = "";
		this.bytes = null;
		this.cost = type === Prefilter.Type.EXACT ? 1 : 0;
		this.allExact = false;
		this.ac16 = null;
		this.ac8 = null;
	}
	automaton16() {
		if (this.ac16 === null) {
			const words = this.subs.map((s) => {
				const arr = new Array(s.str.length);
				for (let i = 0; i < s.str.length; i++) arr[i] = s.str.charCodeAt(i);
				return arr;
			});
			this.ac16 = new AhoCorasick(words, 65536);
		}
		return this.ac16;
	}
	automaton8() {
		if (this.ac8 === null) this.ac8 = new AhoCorasick(this.subs.map((s) => s.bytes), 256);
		return this.ac8;
	}
	eval(input, pos) {
		switch (this.type) {
			case Prefilter.Type.NONE: return true;
			case Prefilter.Type.EXACT: return input.hasString(this, pos);
			case Prefilter.Type.AND:
				for (let i = 0; i < this.subs.length; i++) if (!this.subs[i].eval(input, pos)) return false;
				return true;
			case Prefilter.Type.OR:
				if (this.allExact) return input.hasAnyString(this, pos);
				for (let i = 0; i < this.subs.length; i++) if (this.subs[i].eval(input, pos)) return true;
				return false;
			default: return true;
		}
	}
};
var PrefilterTree = class PrefilterTree {
	static build(re) {
		if (!re) return new Prefilter(Prefilter.Type.NONE);
		return RegexpWalker.walk(re, PrefilterTree.WALKER);
	}
	static WALKER = {
		leaf: (re) => PrefilterTree.leaf(re),
		enter: (re) => PrefilterTree.enter(re),
		child: (re, state, result) => PrefilterTree.child(re, state, result),
		leave: (re, state) => PrefilterTree.leave(re, state)
	};
	static leaf(re) {
		if (re.op !== Regexp.Op.LITERAL) return new Prefilter(Prefilter.Type.NONE);
		if (re.runes.length === 0 || (re.flags & RE2Flags.FOLD_CASE) !== 0) return new Prefilter(Prefilter.Type.NONE);
		let str = "";
		for (let i = 0; i < re.runes.length; i++) {
			if (Unicode.isUnsearchable(re.runes[i])) return new Prefilter(Prefilter.Type.NONE);
			str += String.fromCodePoint(re.runes[i]);
		}
		const pf = new Prefilter(Prefilter.Type.EXACT);
		pf.str = str;
		pf.bytes = Utils.stringToUtf8ByteArray(pf.str);
		return pf;
	}
	static enter(re) {
		switch (re.op) {
			case Regexp.Op.CAPTURE:
			case Regexp.Op.PLUS: return { sub: null };
			case Regexp.Op.REPEAT:
				if (re.min >= 1) return { sub: null };
				return { result: new Prefilter(Prefilter.Type.NONE) };
			case Regexp.Op.CONCAT: return {
				pf: new Prefilter(Prefilter.Type.AND),
				subs: []
			};
			case Regexp.Op.ALTERNATE: return {
				pf: new Prefilter(Prefilter.Type.OR),
				subs: []
			};
			default: return { result: new Prefilter(Prefilter.Type.NONE) };
		}
	}
	static child(re, state, s) {
		if (state.subs === void 0) {
			state.sub = s;
			return;
		}
		if (state.pf.type === Prefilter.Type.AND) {
			if (s.type === Prefilter.Type.NONE) return;
			if (s.type === Prefilter.Type.AND) {
				for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
				return;
			}
			state.subs.push(s);
			return;
		}
		if (s.type === Prefilter.Type.NONE) {
			state.result = new Prefilter(Prefilter.Type.NONE);
			return;
		}
		if (s.type === Prefilter.Type.OR) {
			for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
			return;
		}
		state.subs.push(s);
	}
	static leave(re, state) {
		if (state.subs === void 0) return state.sub;
		const pf = state.pf;
		const seen = /* @__PURE__ */ new Set();
		const subs = [];
		for (const sub of state.subs) {
			if (sub.type === Prefilter.Type.EXACT) {
				if (seen.has(sub.str)) continue;
				seen.add(sub.str);
			}
			subs.push(sub);
		}
		if (pf.type === Prefilter.Type.AND) {
			const kept = [];
			let cost = 0;
			for (const sub of subs) {
				if (cost + sub.cost > Prefilter.MAX_SCANS) continue;
				kept.push(sub);
				cost += sub.cost;
			}
			if (kept.length === 0) return new Prefilter(Prefilter.Type.NONE);
			if (kept.length === 1) return kept[0];
			pf.subs = kept;
			pf.cost = cost;
			return pf;
		}
		if (subs.length === 0) return new Prefilter(Prefilter.Type.NONE);
		if (subs.length === 1) return subs[0];
		pf.subs = subs;
		let allExact = true;
		let cost = 0;
		let units = 0;
		for (const sub of subs) {
			if (sub.type !== Prefilter.Type.EXACT) allExact = false;
			else units += sub.bytes.length;
			cost += sub.cost;
		}
		if (allExact) {
			if (units > Prefilter.MAX_AC_UNITS) return new Prefilter(Prefilter.Type.NONE);
			pf.allExact = true;
			pf.cost = 1;
			return pf;
		}
		if (cost > Prefilter.MAX_SCANS) return new Prefilter(Prefilter.Type.NONE);
		pf.cost = cost;
		return pf;
	}
};
// src/Prog.js
/**
* A list of instruction pointers waiting to be patched.
* Tracks both `head` and `tail` to allow O(1) appending during compilation.
* * Values are encoded integers, not standard memory pointers:
* - Program instruction index: `l >> 1`
* - Patch `.out` field if: `(l & 1) === 0`
* - Patch `.arg` field if: `(l & 1) === 1`
* - `0` denotes an empty list.
* * @see https://swtch.com/~rsc/regexp/regexp1.html
*/
var PatchList = class {
	/**
	* @param {number} head - Encoded pointer to the start of the patch list.
	* @param {number} tail - Encoded pointer to the end of the patch list.
	*/
	constructor(head = 0, tail = 0) {
		this.head = head;
		this.tail = tail;
	}
};
/**
* A Prog is a compiled regular expression program.
*/
var Prog = class {
	constructor() {
		this.inst = [];
		this.start = 0;
		this.numCap = 2;
		this.lbStarts = [];
		this.numLb = 0;
		this.lbInst = null;
	}
	getInst(pc) {
		return this.inst[pc];
	}
	numInst() {
		return this.inst.length;
	}
	addInst(op) {
		this.inst.push(new Inst(op));
	}
	markLookbehindInsts() {
		const lbInst = new Uint8Array(this.inst.length);
		const pending = this.lbStarts.slice();
		while (pending.length > 0) {
			const pc = pending.pop();
			if (pc === 0 || lbInst[pc] === 1) continue;
			lbInst[pc] = 1;
			const i = this.inst[pc];
			switch (i.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					pending.push(i.out, i.arg);
					break;
				case Inst.MATCH:
				case Inst.FAIL: break;
				default: pending.push(i.out);
			}
		}
		this.lbInst = lbInst;
	}
	skipNop(pc) {
		let i = this.inst[pc];
		while (i.op === Inst.NOP || i.op === Inst.CAPTURE) {
			i = this.inst[pc];
			pc = i.out;
		}
		return i;
	}
	/** @returns {[boolean, string]} */
	prefix() {
		let prefix = "";
		let i = this.skipNop(this.start);
		if (!Inst.isRuneOp(i.op) || i.runes.length !== 1) return [i.op === Inst.MATCH, prefix];
		while (Inst.isRuneOp(i.op) && i.runes.length === 1 && (i.arg & RE2Flags.FOLD_CASE) === 0 && !Unicode.isUnsearchable(i.runes[0])) {
			prefix += String.fromCodePoint(i.runes[0]);
			i = this.skipNop(i.out);
		}
		return [i.op === Inst.MATCH, prefix];
	}
	startCond() {
		let flag = 0;
		let pc = this.start;
		loop: for (;;) {
			const i = this.inst[pc];
			switch (i.op) {
				case Inst.EMPTY_WIDTH:
					flag |= i.arg;
					break;
				case Inst.FAIL: return -1;
				case Inst.CAPTURE:
				case Inst.NOP: break;
				default: break loop;
			}
			pc = i.out;
		}
		return flag;
	}
	patch(l, val) {
		let head = l.head;
		while (head !== 0) {
			const i = this.inst[head >> 1];
			if ((head & 1) === 0) {
				head = i.out;
				i.out = val;
			} else {
				head = i.arg;
				i.arg = val;
			}
		}
	}
	append(l1, l2) {
		if (l1.head === 0) return l2;
		if (l2.head === 0) return l1;
		const i = this.inst[l1.tail >> 1];
		if ((l1.tail & 1) === 0) i.out = l2.head;
		else i.arg = l2.head;
		return new PatchList(l1.head, l2.tail);
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		let out = "";
		for (let pc = 0; pc < this.inst.length; pc++) {
			const len = out.length;
			out += pc;
			if (pc === this.start) out += "*";
			out += "        ".substring(out.length - len);
			out += this.inst[pc];
			out += "\n";
		}
		return out;
	}
};
// src/Compiler.js
const ANY_RUNE_NOT_NL = new Int32Array([
	0,
	Codepoint.CODES["\n"] - 1,
	Codepoint.CODES["\n"] + 1,
	Unicode.MAX_RUNE
]);
const ANY_RUNE = new Int32Array([0, Unicode.MAX_RUNE]);
/**
* A fragment of a compiled regular expression program.
*
* @see http://swtch.com/~rsc/regexp/regexp1.html
* @class
*/
var Frag = class {
	constructor(i = 0, out = new PatchList(), nullable = false) {
		this.i = i;
		this.out = out;
		this.nullable = nullable;
	}
};
/**
* Compiler from {@code Regexp} (RE2 abstract syntax) to {@code RE2} (compiled regular expression).
*
* The only entry point is {@link #compileRegexp}.
*/
var Compiler = class Compiler {
	static compileRegexp(re) {
		const c = new Compiler();
		const f = c.compile(re);
		c.prog.patch(f.out, c.newInst(Inst.MATCH).i);
		c.prog.start = f.i;
		c.prog.markLookbehindInsts();
		return c.prog;
	}
	static compileSet(regexps) {
		const c = new Compiler();
		if (regexps.length === 0) {
			c.prog.start = c.newInst(Inst.FAIL).i;
			c.prog.markLookbehindInsts();
			return c.prog;
		}
		let starts = [];
		for (let i = 0; i < regexps.length; i++) {
			c.lbOffset = c.prog.numLb;
			const f = c.compile(regexps[i]);
			const m = c.newInst(Inst.MATCH);
			c.prog.getInst(m.i).arg = i;
			c.prog.patch(f.out, m.i);
			starts.push(f.i);
		}
		let start = starts[0];
		for (let i = 1; i < starts.length; i++) {
			const f = c.newInst(Inst.ALT);
			const inst = c.prog.getInst(f.i);
			inst.out = start;
			inst.arg = starts[i];
			start = f.i;
		}
		c.prog.start = start;
		c.prog.markLookbehindInsts();
		return c.prog;
	}
	constructor() {
		this.prog = new Prog();
		this.newInst(Inst.FAIL);
		this.lbOffset = 0;
		this.runeCache = /* @__PURE__ */ new Map();
		this.walker = {
			leaf: (re) => this.leaf(re),
			enter: (re) => this.enter(re),
			child: (re, state, result) => this.child(re, state, result),
			leave: (re, state) => this.leave(re, state)
		};
	}
	newInst(op) {
		this.prog.addInst(op);
		return new Frag(this.prog.numInst() - 1, new PatchList(), true);
	}
	nop() {
		const f = this.newInst(Inst.NOP);
		f.out = new PatchList(f.i << 1, f.i << 1);
		return f;
	}
	fail() {
		return new Frag();
	}
	cap(arg) {
		const f = this.newInst(Inst.CAPTURE);
		f.out = new PatchList(f.i << 1, f.i << 1);
		this.prog.getInst(f.i).arg = arg;
		if (this.prog.numCap < arg + 1) this.prog.numCap = arg + 1;
		return f;
	}
	cat(f1, f2) {
		if (f1.i === 0 || f2.i === 0) {
			this.prog.patch(f1.out, 0);
			this.prog.patch(f2.out, 0);
			return this.fail();
		}
		this.prog.patch(f1.out, f2.i);
		return new Frag(f1.i, f2.out, f1.nullable && f2.nullable);
	}
	alt(f1, f2) {
		if (f1.i === 0) return f2;
		if (f2.i === 0) return f1;
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		i.out = f1.i;
		i.arg = f2.i;
		f.out = this.prog.append(f1.out, f2.out);
		f.nullable = f1.nullable || f2.nullable;
		return f;
	}
	loop(f1, nongreedy) {
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		if (nongreedy) {
			i.arg = f1.i;
			f.out = new PatchList(f.i << 1, f.i << 1);
		} else {
			i.out = f1.i;
			f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
		}
		this.prog.patch(f1.out, f.i);
		return f;
	}
	quest(f1, nongreedy) {
		if (f1.i === 0) return this.nop();
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		if (nongreedy) {
			i.arg = f1.i;
			f.out = new PatchList(f.i << 1, f.i << 1);
		} else {
			i.out = f1.i;
			f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
		}
		f.out = this.prog.append(f.out, f1.out);
		return f;
	}
	star(f1, nongreedy) {
		if (f1.i === 0) return this.nop();
		if (f1.nullable) return this.quest(this.plus(f1, nongreedy), nongreedy);
		return this.loop(f1, nongreedy);
	}
	plus(f1, nongreedy) {
		if (f1.i === 0) return this.fail();
		return new Frag(f1.i, this.loop(f1, nongreedy).out, f1.nullable);
	}
	empty(op) {
		const f = this.newInst(Inst.EMPTY_WIDTH);
		this.prog.getInst(f.i).arg = op;
		f.out = new PatchList(f.i << 1, f.i << 1);
		return f;
	}
	rune(runes, flags) {
		const f = this.newInst(Inst.RUNE);
		f.nullable = false;
		const i = this.prog.getInst(f.i);
		i.runes = runes;
		flags &= RE2Flags.FOLD_CASE;
		if (runes.length !== 1 || Unicode.simpleFold(runes[0]) === runes[0]) flags &= ~RE2Flags.FOLD_CASE;
		i.arg = flags;
		f.out = new PatchList(f.i << 1, f.i << 1);
		if ((flags & RE2Flags.FOLD_CASE) === 0 && runes.length === 1 || runes.length === 2 && runes[0] === runes[1]) i.op = Inst.RUNE1;
		else if (runes.length === 2 && runes[0] === 0 && runes[1] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY;
		else if (runes.length === 4 && runes[0] === 0 && runes[1] === Codepoint.CODES["\n"] - 1 && runes[2] === Codepoint.CODES["\n"] + 1 && runes[3] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY_NOT_NL;
		return f;
	}
	lookBehind(a, parsedLb) {
		const lb = Math.sign(parsedLb) * (Math.abs(parsedLb) + this.lbOffset);
		const id = this.newInst(Inst.LB_WRITE);
		this.prog.getInst(id.i).arg = lb;
		const any = this.rune(ANY_RUNE, 0);
		const dotStar = this.star(any, true);
		const lbAutomaton = this.cat(dotStar, a);
		this.prog.patch(lbAutomaton.out, id.i);
		const checkId = this.newInst(Inst.LB_CHECK);
		this.prog.getInst(checkId.i).arg = lb;
		this.prog.lbStarts.push(lbAutomaton.i);
		if (Math.abs(lb) > this.prog.numLb) this.prog.numLb = Math.abs(lb);
		checkId.out = new PatchList(checkId.i << 1, checkId.i << 1);
		return checkId;
	}
	compile(re) {
		return RegexpWalker.walk(re, this.walker);
	}
	leaf(re) {
		switch (re.op) {
			case Regexp.Op.NO_MATCH: return this.fail();
			case Regexp.Op.EMPTY_MATCH: return this.nop();
			case Regexp.Op.LITERAL: {
				if (re.runes.length === 0) return this.nop();
				let f = null;
				for (let r of re.runes) {
					let singleRune = this.runeCache.get(r);
					if (singleRune === void 0) {
						singleRune = new Int32Array([r]);
						this.runeCache.set(r, singleRune);
					}
					const f1 = this.rune(singleRune, re.flags);
					f = f === null ? f1 : this.cat(f, f1);
				}
				return f;
			}
			case Regexp.Op.CHAR_CLASS: return this.rune(re.runes, re.flags);
			case Regexp.Op.ANY_CHAR_NOT_NL: return this.rune(ANY_RUNE_NOT_NL, 0);
			case Regexp.Op.ANY_CHAR: return this.rune(ANY_RUNE, 0);
			case Regexp.Op.BEGIN_LINE: return this.empty(Utils.EMPTY_BEGIN_LINE);
			case Regexp.Op.END_LINE: return this.empty(Utils.EMPTY_END_LINE);
			case Regexp.Op.BEGIN_TEXT: return this.empty(Utils.EMPTY_BEGIN_TEXT);
			case Regexp.Op.END_TEXT: return this.empty(Utils.EMPTY_END_TEXT);
			case Regexp.Op.WORD_BOUNDARY: return this.empty(Utils.EMPTY_WORD_BOUNDARY);
			case Regexp.Op.NO_WORD_BOUNDARY: return this.empty(Utils.EMPTY_NO_WORD_BOUNDARY);
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return this.nop();
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
	enter(re) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return { sub: null };
			case Regexp.Op.CAPTURE: return {
				bra: this.cap(re.cap << 1),
				sub: null
			};
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return { f: null };
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
	child(re, state, f1) {
		if (re.op === Regexp.Op.CONCAT) state.f = state.f === null ? f1 : this.cat(state.f, f1);
		else if (re.op === Regexp.Op.ALTERNATE) state.f = state.f === null ? f1 : this.alt(state.f, f1);
		else state.sub = f1;
	}
	leave(re, state) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB: return this.lookBehind(state.sub, re.lb);
			case Regexp.Op.CAPTURE: {
				const ket = this.cap(re.cap << 1 | 1);
				return this.cat(this.cat(state.bra, state.sub), ket);
			}
			case Regexp.Op.STAR: return this.star(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.PLUS: return this.plus(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.QUEST: return this.quest(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return state.f;
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
};
// src/Simplify.js
var Simplify = class Simplify {
	static simplify(re) {
		if (re === null) return null;
		return RegexpWalker.walk(re, Simplify.WALKER);
	}
	static WALKER = {
		leaf: (re) => Simplify.leaf(re),
		enter: (re) => Simplify.enter(re),
		child: (re, state, result, i) => Simplify.child(re, state, result, i),
		leave: (re, state) => Simplify.leave(re, state)
	};
	static leaf(re) {
		if (re.op === Regexp.Op.CHAR_CLASS) {
			if (re.runes === null) return re;
			if (re.runes.length === 0) return new Regexp(Regexp.Op.NO_MATCH);
			if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR);
			if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR_NOT_NL);
		}
		return re;
	}
	static enter(re) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE:
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return { sub: null };
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return {
				subs: [],
				changed: false
			};
			case Regexp.Op.REPEAT:
				if (re.min === 0 && re.max === 0) return { result: new Regexp(Regexp.Op.EMPTY_MATCH) };
				return { sub: null };
			default: return { result: re };
		}
	}
	static child(re, state, nsub, i) {
		if (state.subs === void 0) {
			state.sub = nsub;
			return;
		}
		if (nsub !== re.subs[i]) state.changed = true;
		if (re.op === Regexp.Op.CONCAT) {
			if (nsub.op === Regexp.Op.NO_MATCH) {
				state.result = new Regexp(Regexp.Op.NO_MATCH);
				return;
			}
			if (nsub.op === Regexp.Op.EMPTY_MATCH) {
				state.changed = true;
				return;
			}
			if (nsub.op === Regexp.Op.CONCAT) {
				state.changed = true;
				for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
				return;
			}
		} else {
			if (nsub.op === Regexp.Op.NO_MATCH) {
				state.changed = true;
				return;
			}
			if (nsub.op === Regexp.Op.ALTERNATE) {
				state.changed = true;
				for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
				return;
			}
		}
		state.subs.push(nsub);
	}
	static leave(re, state) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE: {
				const sub = state.sub;
				if (sub !== re.subs[0]) {
					const nre = Regexp.fromRegexp(re);
					nre.runes = /* @__PURE__ */ new Int32Array(0);
					nre.subs = [sub];
					return nre;
				}
				return re;
			}
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE:
				if (state.changed) {
					const newSubs = state.subs;
					if (newSubs.length === 0) return new Regexp(re.op === Regexp.Op.CONCAT ? Regexp.Op.EMPTY_MATCH : Regexp.Op.NO_MATCH);
					if (newSubs.length === 1) return newSubs[0];
					const nre = Regexp.fromRegexp(re);
					nre.runes = /* @__PURE__ */ new Int32Array(0);
					nre.subs = newSubs;
					return nre;
				}
				return re;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return Simplify.simplify1(re.op, re.flags, state.sub, re);
			case Regexp.Op.REPEAT: return Simplify.simplifyRepeat(re, state.sub);
			default: return re;
		}
	}
	static simplifyRepeat(re, sub) {
		if (re.max === -1) {
			if (re.min === 0) return Simplify.simplify1(Regexp.Op.STAR, re.flags, sub, null);
			if (re.min === 1) return Simplify.simplify1(Regexp.Op.PLUS, re.flags, sub, null);
			const subs = [];
			for (let i = 0; i < re.min - 1; i++) subs.push(sub);
			subs.push(Simplify.simplify1(Regexp.Op.PLUS, re.flags, sub, null));
			return Simplify.concat(subs);
		}
		if (re.min === 1 && re.max === 1) return sub;
		let prefixSubs = null;
		if (re.min > 0) {
			prefixSubs = [];
			for (let i = 0; i < re.min; i++) prefixSubs.push(sub);
		}
		if (re.max > re.min) {
			let suffix = Simplify.simplify1(Regexp.Op.QUEST, re.flags, sub, null);
			for (let i = re.min + 1; i < re.max; i++) suffix = Simplify.simplify1(Regexp.Op.QUEST, re.flags, Simplify.concat([sub, suffix]), null);
			if (prefixSubs === null) return suffix;
			prefixSubs.push(suffix);
		}
		if (prefixSubs !== null) return Simplify.concat(prefixSubs);
		return new Regexp(Regexp.Op.NO_MATCH);
	}
	static concat(subs) {
		const newSubs = [];
		for (let i = 0; i < subs.length; i++) {
			const sub = subs[i];
			if (sub.op === Regexp.Op.NO_MATCH) return new Regexp(Regexp.Op.NO_MATCH);
			if (sub.op === Regexp.Op.EMPTY_MATCH) continue;
			if (sub.op === Regexp.Op.CONCAT) {
				for (let j = 0; j < sub.subs.length; j++) newSubs.push(sub.subs[j]);
				continue;
			}
			newSubs.push(sub);
		}
		if (newSubs.length === 0) return new Regexp(Regexp.Op.EMPTY_MATCH);
		if (newSubs.length === 1) return newSubs[0];
		const nre = new Regexp(Regexp.Op.CONCAT);
		nre.subs = newSubs;
		return nre;
	}
	static simplify1(op, flags, sub, re) {
		if (sub.op === Regexp.Op.EMPTY_MATCH) return sub;
		if (sub.op === Regexp.Op.NO_MATCH) {
			if (op === Regexp.Op.PLUS) return sub;
			return new Regexp(Regexp.Op.EMPTY_MATCH);
		}
		if (op === sub.op && (flags & RE2Flags.NON_GREEDY) === (sub.flags & RE2Flags.NON_GREEDY)) return sub;
		if (re !== null && re.op === op && (re.flags & RE2Flags.NON_GREEDY) === (flags & RE2Flags.NON_GREEDY) && sub === re.subs[0]) return re;
		const nre = new Regexp(op);
		nre.flags = flags;
		nre.subs = [sub];
		return nre;
	}
};
// src/CharGroup.js
var CharGroup = class {
	constructor(sign, cls) {
		this.sign = sign;
		this.cls = cls;
	}
};
const code1 = [48, 57];
const code2 = [
	9,
	10,
	12,
	13,
	32,
	32
];
const code3 = [
	48,
	57,
	65,
	90,
	95,
	95,
	97,
	122
];
const PERL_GROUPS = /* @__PURE__ */ new Map([
	["\\d", new CharGroup(1, code1)],
	["\\D", new CharGroup(-1, code1)],
	["\\s", new CharGroup(1, code2)],
	["\\S", new CharGroup(-1, code2)],
	["\\w", new CharGroup(1, code3)],
	["\\W", new CharGroup(-1, code3)]
]);
const code4 = [
	48,
	57,
	65,
	90,
	97,
	122
];
const code5 = [
	65,
	90,
	97,
	122
];
const code6 = [0, 127];
const code7 = [
	9,
	9,
	32,
	32
];
const code8 = [
	0,
	31,
	127,
	127
];
const code9 = [48, 57];
const code10 = [33, 126];
const code11 = [97, 122];
const code12 = [32, 126];
const code13 = [
	33,
	47,
	58,
	64,
	91,
	96,
	123,
	126
];
const code14 = [
	9,
	13,
	32,
	32
];
const code15 = [65, 90];
const code16 = [
	48,
	57,
	65,
	90,
	95,
	95,
	97,
	122
];
const code17 = [
	48,
	57,
	65,
	70,
	97,
	102
];
const POSIX_GROUPS = /* @__PURE__ */ new Map([
	["[:alnum:]", new CharGroup(1, code4)],
	["[:^alnum:]", new CharGroup(-1, code4)],
	["[:alpha:]", new CharGroup(1, code5)],
	["[:^alpha:]", new CharGroup(-1, code5)],
	["[:ascii:]", new CharGroup(1, code6)],
	["[:^ascii:]", new CharGroup(-1, code6)],
	["[:blank:]", new CharGroup(1, code7)],
	["[:^blank:]", new CharGroup(-1, code7)],
	["[:cntrl:]", new CharGroup(1, code8)],
	["[:^cntrl:]", new CharGroup(-1, code8)],
	["[:digit:]", new CharGroup(1, code9)],
	["[:^digit:]", new CharGroup(-1, code9)],
	["[:graph:]", new CharGroup(1, code10)],
	["[:^graph:]", new CharGroup(-1, code10)],
	["[:lower:]", new CharGroup(1, code11)],
	["[:^lower:]", new CharGroup(-1, code11)],
	["[:print:]", new CharGroup(1, code12)],
	["[:^print:]", new CharGroup(-1, code12)],
	["[:punct:]", new CharGroup(1, code13)],
	["[:^punct:]", new CharGroup(-1, code13)],
	["[:space:]", new CharGroup(1, code14)],
	["[:^space:]", new CharGroup(-1, code14)],
	["[:upper:]", new CharGroup(1, code15)],
	["[:^upper:]", new CharGroup(-1, code15)],
	["[:word:]", new CharGroup(1, code16)],
	["[:^word:]", new CharGroup(-1, code16)],
	["[:xdigit:]", new CharGroup(1, code17)],
	["[:^xdigit:]", new CharGroup(-1, code17)]
]);
// src/CharClass.js
/**
* A "builder"-style helper class for manipulating character classes represented as an array of
* pairs of runes [lo, hi], each denoting an inclusive interval.
*
* All methods mutate the internal state and return {@code this}, allowing operations to be chained.
*/
var CharClass = class CharClass {
	static charClassToString(r, len) {
		let result = "[";
		for (let i = 0; i < len; i += 2) {
			if (i > 0) result += " ";
			const lo = r[i];
			const hi = r[i + 1];
			if (lo === hi) result += `0x${lo.toString(16)}`;
			else result += `0x${lo.toString(16)}-0x${hi.toString(16)}`;
		}
		result += "]";
		return result;
	}
	static sortRanges(array, len) {
		const n = len >> 1;
		const order = new Array(n);
		for (let i = 0; i < n; i++) order[i] = i;
		order.sort((a, b) => array[2 * a] - array[2 * b] || array[2 * b + 1] - array[2 * a + 1]);
		const sorted = array.slice(0, len);
		for (let i = 0; i < n; i++) {
			array[2 * i] = sorted[2 * order[i]];
			array[2 * i + 1] = sorted[2 * order[i] + 1];
		}
	}
	/**
	* @param {number[]|Int32Array} [r]
	*/
	constructor(r = Utils.emptyInts()) {
		/** @type {number[]|Int32Array} */
		this.r = r;
		this.len = r.length;
	}
	toArray() {
		if (this.r instanceof Int32Array) return this.len === this.r.length ? this.r : this.r.subarray(0, this.len);
		return new Int32Array(this.len === this.r.length ? this.r : this.r.slice(0, this.len));
	}
	toGrowableArray() {
		if (Array.isArray(this.r)) {
			this.r.length = this.len;
			return this.r;
		}
		return Array.from(this.r.subarray(0, this.len));
	}
	cleanClass() {
		if (this.len < 4) return this;
		CharClass.sortRanges(this.r, this.len);
		let w = 2;
		for (let i = 2; i < this.len; i += 2) {
			const lo = this.r[i];
			const hi = this.r[i + 1];
			if (lo <= this.r[w - 1] + 1) {
				if (hi > this.r[w - 1]) this.r[w - 1] = hi;
				continue;
			}
			this.r[w] = lo;
			this.r[w + 1] = hi;
			w += 2;
		}
		this.len = w;
		return this;
	}
	appendLiteral(x, flags) {
		return (flags & RE2Flags.FOLD_CASE) !== 0 ? this.appendFoldedRange(x, x) : this.appendRange(x, x);
	}
	appendRange(lo, hi) {
		if (this.len > 0) {
			for (let i = 2; i <= 4; i += 2) if (this.len >= i) {
				const rlo = this.r[this.len - i];
				const rhi = this.r[this.len - i + 1];
				if (lo <= rhi + 1 && rlo <= hi + 1) {
					if (lo < rlo) this.r[this.len - i] = lo;
					if (hi > rhi) this.r[this.len - i + 1] = hi;
					return this;
				}
			}
		}
		this.r[this.len++] = lo;
		this.r[this.len++] = hi;
		return this;
	}
	appendFoldedRange(lo, hi) {
		if (lo <= Unicode.MIN_FOLD && hi >= Unicode.MAX_FOLD) return this.appendRange(lo, hi);
		if (hi < Unicode.MIN_FOLD || lo > Unicode.MAX_FOLD) return this.appendRange(lo, hi);
		if (lo < Unicode.MIN_FOLD) {
			this.appendRange(lo, Unicode.MIN_FOLD - 1);
			lo = Unicode.MIN_FOLD;
		}
		if (hi > Unicode.MAX_FOLD) {
			this.appendRange(Unicode.MAX_FOLD + 1, hi);
			hi = Unicode.MAX_FOLD;
		}
		for (let c = lo; c <= hi; c++) {
			this.appendRange(c, c);
			for (let f = Unicode.simpleFold(c); f !== c; f = Unicode.simpleFold(f)) this.appendRange(f, f);
		}
		return this;
	}
	appendClass(x) {
		for (let i = 0; i < x.length; i += 2) this.appendRange(x[i], x[i + 1]);
		return this;
	}
	appendFoldedClass(x) {
		for (let i = 0; i < x.length; i += 2) this.appendFoldedRange(x[i], x[i + 1]);
		return this;
	}
	appendNegatedClass(x) {
		let nextLo = 0;
		for (let i = 0; i < x.length; i += 2) {
			const lo = x[i];
			const hi = x[i + 1];
			if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
			nextLo = hi + 1;
		}
		if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
		return this;
	}
	appendTable(table) {
		for (let i = 0; i < table.length; ++i) {
			const lo = table.getLo(i);
			const hi = table.getHi(i);
			const stride = table.getStride(i);
			if (stride === 1) {
				this.appendRange(lo, hi);
				continue;
			}
			for (let c = lo; c <= hi; c += stride) this.appendRange(c, c);
		}
		return this;
	}
	appendNegatedTable(table) {
		let nextLo = 0;
		for (let i = 0; i < table.length; ++i) {
			const lo = table.getLo(i);
			const hi = table.getHi(i);
			const stride = table.getStride(i);
			if (stride === 1) {
				if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
				nextLo = hi + 1;
				continue;
			}
			for (let c = lo; c <= hi; c += stride) {
				if (nextLo <= c - 1) this.appendRange(nextLo, c - 1);
				nextLo = c + 1;
			}
		}
		if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
		return this;
	}
	appendTableWithSign(table, sign) {
		return sign < 0 ? this.appendNegatedTable(table) : this.appendTable(table);
	}
	negateClass() {
		let nextLo = 0;
		let w = 0;
		for (let i = 0; i < this.len; i += 2) {
			const lo = this.r[i];
			const hi = this.r[i + 1];
			if (nextLo <= lo - 1) {
				this.r[w] = nextLo;
				this.r[w + 1] = lo - 1;
				w += 2;
			}
			nextLo = hi + 1;
		}
		this.len = w;
		if (nextLo <= Unicode.MAX_RUNE) {
			this.r[this.len++] = nextLo;
			this.r[this.len++] = Unicode.MAX_RUNE;
		}
		return this;
	}
	appendClassWithSign(x, sign) {
		return sign < 0 ? this.appendNegatedClass(x) : this.appendClass(x);
	}
	appendGroup(g, foldCase) {
		let cls = g.cls;
		if (foldCase) cls = new CharClass().appendFoldedClass(cls).cleanClass().toArray();
		return this.appendClassWithSign(cls, g.sign);
	}
	toString() {
		return CharClass.charClassToString(this.r, this.len);
	}
};
// src/Parser.js
var StringIterator = class {
	constructor(str) {
		this.str = str;
		this.position = 0;
	}
	pos() {
		return this.position;
	}
	rewindTo(pos) {
		this.position = pos;
	}
	more() {
		return this.position < this.str.length;
	}
	peek() {
		return this.str.codePointAt(this.position);
	}
	skip(n) {
		this.position += n;
	}
	skipString(s) {
		this.position += s.length;
	}
	pop() {
		const r = this.str.codePointAt(this.position);
		this.position += Utils.charCount(r);
		return r;
	}
	lookingAt(s) {
		return this.str.startsWith(s, this.position);
	}
	rest() {
		return this.str.substring(this.position);
	}
	from(beforePos) {
		return this.str.substring(beforePos, this.position);
	}
	toString() {
		return this.rest();
	}
};
/**
* A parser of regular expression patterns.
*
* The only public entry point is {@link #parse(String pattern, int flags)}.
*/
var Parser = class Parser {
	static ERR_INTERNAL_ERROR = "regexp/syntax: internal error";
	static ERR_INVALID_CHAR_RANGE = "invalid character class range";
	static ERR_INVALID_ESCAPE = "invalid escape sequence";
	static ERR_INVALID_NAMED_CAPTURE = "invalid named capture";
	static ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax";
	static ERR_INVALID_REPEAT_OP = "invalid nested repetition operator";
	static ERR_INVALID_REPEAT_SIZE = "invalid repeat count";
	static ERR_MISSING_BRACKET = "missing closing ]";
	static ERR_MISSING_PAREN = "missing closing )";
	static ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator";
	static ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression";
	static ERR_DUPLICATE_NAMED_CAPTURE = "duplicate capture group name";
	static ERR_UNEXPECTED_PAREN = "unexpected )";
	static ERR_NESTING_DEPTH = "expression nests too deeply";
	static ERR_LARGE = "expression too large";
	static ERR_INVALID_CAPTURE_IN_LOOKBEHIND = "invalid capture in lookbehind";
	static MAX_HEIGHT = 1e3;
	static MAX_SIZE = 1398101;
	static MAX_RUNES = 33554432;
	static ANY_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		Unicode.MAX_RUNE,
		1
	]));
	static ASCII_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		127,
		1
	]));
	static ASCII_FOLD_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		127,
		1,
		383,
		383,
		1,
		8490,
		8490,
		1
	]));
	static unicodeTable(name) {
		if (name === "Any") return {
			tab: Parser.ANY_TABLE,
			fold: Parser.ANY_TABLE,
			sign: 1
		};
		if (name === "Ascii") return {
			tab: Parser.ASCII_TABLE,
			fold: Parser.ASCII_FOLD_TABLE,
			sign: 1
		};
		if (name === "Assigned") return {
			tab: UnicodeTables.CATEGORIES.get("Cn"),
			fold: UnicodeTables.CATEGORIES.get("Cn"),
			sign: -1
		};
		if (name === "Lc") return {
			tab: UnicodeTables.CATEGORIES.get("LC"),
			fold: UnicodeTables.FOLD_CATEGORIES.get("LC"),
			sign: 1
		};
		if (UnicodeTables.CATEGORIES.has(name)) return {
			tab: UnicodeTables.CATEGORIES.get(name),
			fold: UnicodeTables.FOLD_CATEGORIES.get(name),
			sign: 1
		};
		if (UnicodeTables.SCRIPTS.has(name)) return {
			tab: UnicodeTables.SCRIPTS.get(name),
			fold: UnicodeTables.FOLD_SCRIPT.get(name),
			sign: 1
		};
		return null;
	}
	static minFoldRune(r) {
		if (r < Unicode.MIN_FOLD || r > Unicode.MAX_FOLD) return r;
		let min = r;
		const r0 = r;
		for (r = Unicode.simpleFold(r); r !== r0; r = Unicode.simpleFold(r)) if (min > r) min = r;
		return min;
	}
	static leadingRegexp(re) {
		if (re.op === Regexp.Op.EMPTY_MATCH) return null;
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			const sub = re.subs[0];
			if (sub.op === Regexp.Op.EMPTY_MATCH) return null;
			return sub;
		}
		return re;
	}
	static literalRegexp(s, flags) {
		const re = new Regexp(Regexp.Op.LITERAL);
		re.flags = flags;
		re.runes = Utils.stringToRunes(s);
		return re;
	}
	/**
	* Parse regular expression pattern {@code pattern} with mode flags {@code flags}.
	* @param {string} pattern
	* @param {number} flags
	*/
	static parse(pattern, flags) {
		return new Parser(pattern, flags).parseInternal();
	}
	static parseRepeat(t) {
		const start = t.pos();
		if (!t.more() || !t.lookingAt("{")) return -1;
		t.skip(1);
		const min = Parser.parseInt(t);
		if (min === -1) return -1;
		if (!t.more()) return -1;
		let max;
		if (!t.lookingAt(",")) max = min;
		else {
			t.skip(1);
			if (!t.more()) return -1;
			if (t.lookingAt("}")) max = -1;
			else if ((max = Parser.parseInt(t)) === -1) return -1;
		}
		if (!t.more() || !t.lookingAt("}")) return -1;
		t.skip(1);
		if (min < 0 || min > 1e3 || max === -2 || max > 1e3 || max >= 0 && min > max) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(start));
		return min << 16 | max & Unicode.MAX_BMP;
	}
	static isValidCaptureName(name) {
		if (name.length === 0) return false;
		for (let i = 0; i < name.length; i++) {
			const c = name.codePointAt(i);
			if (c !== Codepoint.CODES["_"] && !Utils.isalnum(c)) return false;
		}
		return true;
	}
	static parseInt(t) {
		const start = t.pos();
		while (t.more() && t.peek() >= Codepoint.CODES["0"] && t.peek() <= Codepoint.CODES["9"]) t.skip(1);
		const n = t.from(start);
		if (n.length === 0 || n.length > 1 && n.codePointAt(0) === Codepoint.CODES["0"]) return -1;
		if (n.length > 8) return -2;
		return parseInt(n, 10);
	}
	static isCharClass(re) {
		return re.op === Regexp.Op.LITERAL && re.runes.length === 1 || re.op === Regexp.Op.CHAR_CLASS || re.op === Regexp.Op.ANY_CHAR_NOT_NL || re.op === Regexp.Op.ANY_CHAR;
	}
	static matchRune(re, r) {
		switch (re.op) {
			case Regexp.Op.LITERAL: return re.runes.length === 1 && re.runes[0] === r;
			case Regexp.Op.CHAR_CLASS:
				for (let i = 0; i < re.runes.length; i += 2) if (re.runes[i] <= r && r <= re.runes[i + 1]) return true;
				return false;
			case Regexp.Op.ANY_CHAR_NOT_NL: return r !== Codepoint.CODES["\n"];
			case Regexp.Op.ANY_CHAR: return true;
		}
		return false;
	}
	static mergeCharClass(dst, src) {
		switch (dst.op) {
			case Regexp.Op.ANY_CHAR: break;
			case Regexp.Op.ANY_CHAR_NOT_NL:
				if (Parser.matchRune(src, Codepoint.CODES["\n"])) dst.op = Regexp.Op.ANY_CHAR;
				break;
			case Regexp.Op.CHAR_CLASS: {
				const cc = new CharClass(Array.isArray(dst.runes) ? dst.runes : Array.from(dst.runes));
				if (src.op === Regexp.Op.LITERAL) cc.appendLiteral(src.runes[0], src.flags);
				else cc.appendClass(src.runes);
				dst.runes = cc.toGrowableArray();
				break;
			}
			case Regexp.Op.LITERAL:
				if (src.runes[0] === dst.runes[0] && src.flags === dst.flags) break;
				dst.op = Regexp.Op.CHAR_CLASS;
				dst.runes = new CharClass().appendLiteral(dst.runes[0], dst.flags).appendLiteral(src.runes[0], src.flags).toGrowableArray();
		}
	}
	static parseEscape(t) {
		const startPos = t.pos();
		t.skip(1);
		if (!t.more()) throw new RE2JSSyntaxException(Parser.ERR_TRAILING_BACKSLASH);
		let c = t.pop();
		bigswitch: switch (c) {
			case Codepoint.CODES["1"]:
			case Codepoint.CODES["2"]:
			case Codepoint.CODES["3"]:
			case Codepoint.CODES["4"]:
			case Codepoint.CODES["5"]:
			case Codepoint.CODES["6"]:
			case Codepoint.CODES["7"]: if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
			case Codepoint.CODES["0"]: {
				let r = c - Codepoint.CODES["0"];
				for (let i = 1; i < 3; i++) {
					if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
					r = r * 8 + t.peek() - Codepoint.CODES["0"];
					t.skip(1);
				}
				return r;
			}
			case Codepoint.CODES["x"]: {
				if (!t.more()) break;
				c = t.pop();
				if (c === Codepoint.CODES["{"]) {
					let nhex = 0;
					let r = 0;
					while (true) {
						if (!t.more()) break bigswitch;
						c = t.pop();
						if (c === Codepoint.CODES["}"]) break;
						const v = Utils.unhex(c);
						if (v < 0) break bigswitch;
						r = r * 16 + v;
						if (r > Unicode.MAX_RUNE) break bigswitch;
						nhex++;
					}
					if (nhex === 0) break bigswitch;
					return r;
				}
				const x = Utils.unhex(c);
				if (!t.more()) break;
				c = t.pop();
				const y = Utils.unhex(c);
				if (x < 0 || y < 0) break;
				return x * 16 + y;
			}
			case Codepoint.CODES["a"]: return Codepoint.CODES["\x07"];
			case Codepoint.CODES["f"]: return Codepoint.CODES["\f"];
			case Codepoint.CODES["n"]: return Codepoint.CODES["\n"];
			case Codepoint.CODES["r"]: return Codepoint.CODES["\r"];
			case Codepoint.CODES["t"]: return Codepoint.CODES["	"];
			case Codepoint.CODES["v"]: return Codepoint.CODES["\v"];
			default: if (c <= Unicode.MAX_ASCII && !Utils.isalnum(c)) return c;
		}
		throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
	}
	static parseClassChar(t, wholeClassPos) {
		if (!t.more()) throw new RE2JSSyntaxException(Parser.ERR_MISSING_BRACKET, t.from(wholeClassPos));
		if (t.lookingAt("\\")) return Parser.parseEscape(t);
		return t.pop();
	}
	static hasCapture(re) {
		if (re === null) return false;
		if (re.op === Regexp.Op.CAPTURE) return true;
		if (re.subs) {
			for (let sub of re.subs) if (Parser.hasCapture(sub)) return true;
		}
		return false;
	}
	constructor(wholeRegexp, flags = 0) {
		this.wholeRegexp = wholeRegexp;
		this.flags = flags;
		this.numCap = 0;
		this.namedGroups = Object.create(null);
		this.stack = [];
		this.free = null;
		this.numRegexp = 0;
		this.numRunes = 0;
		this.repeats = 0;
		this.height = null;
		this.size = null;
		this.nlb = 0;
	}
	newRegexp(op) {
		let re = this.free;
		if (re !== null && re.subs !== null && re.subs.length > 0) {
			this.free = re.subs[0];
			re.reinit();
			re.op = op;
		} else {
			re = new Regexp(op);
			this.numRegexp += 1;
		}
		return re;
	}
	reuse(re) {
		if (this.height !== null && this.height.has(re)) this.height.delete(re);
		if (re.subs !== null && re.subs.length > 0) re.subs[0] = this.free;
		this.free = re;
	}
	checkLimits(re) {
		if (this.numRunes > Parser.MAX_RUNES) throw new RE2JSSyntaxException(Parser.ERR_LARGE);
		this.checkSize(re);
		this.checkHeight(re);
	}
	checkSize(re) {
		if (this.size === null) {
			if (this.repeats === 0) this.repeats = 1;
			if (re.op === Regexp.Op.REPEAT) {
				let n = re.max;
				if (n === -1) n = re.min;
				if (n <= 0) n = 1;
				if (n > Math.floor(Parser.MAX_SIZE / this.repeats)) this.repeats = Parser.MAX_SIZE;
				else this.repeats *= n;
			}
			if (this.numRegexp < Math.floor(Parser.MAX_SIZE / this.repeats)) return;
			this.size = /* @__PURE__ */ new Map();
			for (let reEx of this.stack) this.checkSize(reEx);
		}
		if (this.calcSize(re, true) > Parser.MAX_SIZE) throw new RE2JSSyntaxException(Parser.ERR_LARGE);
	}
	calcSize(re, force = false) {
		if (!force && this.size !== null) {
			if (this.size.has(re)) return this.size.get(re);
		}
		let size = 0;
		switch (re.op) {
			case Regexp.Op.LITERAL:
				size = re.runes.length;
				break;
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE:
			case Regexp.Op.STAR:
				size = 2 + this.calcSize(re.subs[0]);
				break;
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
				size = 1 + this.calcSize(re.subs[0]);
				break;
			case Regexp.Op.CONCAT:
				for (let sub of re.subs) size = size + this.calcSize(sub);
				break;
			case Regexp.Op.ALTERNATE:
				for (let sub of re.subs) size = size + this.calcSize(sub);
				if (re.subs.length > 1) size = size + re.subs.length - 1;
				break;
			case Regexp.Op.REPEAT: {
				let sub = this.calcSize(re.subs[0]);
				if (re.max === -1) {
					if (re.min === 0) size = 2 + sub;
					else size = 1 + re.min * sub;
					break;
				}
				size = re.max * sub + (re.max - re.min);
				break;
			}
		}
		size = Math.max(1, size);
		if (this.size === null) this.size = /* @__PURE__ */ new Map();
		this.size.set(re, size);
		return size;
	}
	checkHeight(re) {
		if (this.numRegexp < Parser.MAX_HEIGHT) return;
		if (this.height === null) {
			this.height = /* @__PURE__ */ new Map();
			for (let reEx of this.stack) this.checkHeight(reEx);
		}
		if (this.calcHeight(re, true) > Parser.MAX_HEIGHT) throw new RE2JSSyntaxException(Parser.ERR_NESTING_DEPTH);
	}
	calcHeight(re, force = false) {
		if (!force && this.height !== null) {
			if (this.height.has(re)) return this.height.get(re);
		}
		let h = 1;
		for (let sub of re.subs) {
			const hsub = this.calcHeight(sub);
			if (h < 1 + hsub) h = 1 + hsub;
		}
		if (this.height === null) this.height = /* @__PURE__ */ new Map();
		this.height.set(re, h);
		return h;
	}
	pop() {
		return this.stack.pop();
	}
	popToPseudo() {
		const n = this.stack.length;
		let i = n;
		while (i > 0 && !Regexp.isPseudoOp(this.stack[i - 1].op)) i--;
		return this.stack.splice(i, n - i);
	}
	push(re) {
		this.numRunes += re.runes.length;
		if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] === re.runes[1]) {
			if (this.maybeConcat(re.runes[0], this.flags & ~RE2Flags.FOLD_CASE)) return null;
			re.op = Regexp.Op.LITERAL;
			re.runes = [re.runes[0]];
			re.flags = this.flags & ~RE2Flags.FOLD_CASE;
		} else if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 4 && re.runes[0] === re.runes[1] && re.runes[2] === re.runes[3] && Unicode.simpleFold(re.runes[0]) === re.runes[2] && Unicode.simpleFold(re.runes[2]) === re.runes[0] || re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] + 1 === re.runes[1] && Unicode.simpleFold(re.runes[0]) === re.runes[1] && Unicode.simpleFold(re.runes[1]) === re.runes[0]) {
			if (this.maybeConcat(re.runes[0], this.flags | RE2Flags.FOLD_CASE)) return null;
			re.op = Regexp.Op.LITERAL;
			re.runes = [re.runes[0]];
			re.flags = this.flags | RE2Flags.FOLD_CASE;
		} else this.maybeConcat(-1, 0);
		this.stack.push(re);
		this.checkLimits(re);
		return re;
	}
	maybeConcat(r, flags) {
		const n = this.stack.length;
		if (n < 2) return false;
		const re1 = this.stack[n - 1];
		const re2 = this.stack[n - 2];
		if (re1.op !== Regexp.Op.LITERAL || re2.op !== Regexp.Op.LITERAL || (re1.flags & RE2Flags.FOLD_CASE) !== (re2.flags & RE2Flags.FOLD_CASE)) return false;
		if (!Array.isArray(re2.runes)) re2.runes = Array.from(re2.runes);
		for (let i = 0; i < re1.runes.length; i++) re2.runes.push(re1.runes[i]);
		if (r >= 0) {
			re1.runes = [r];
			re1.flags = flags;
			return true;
		}
		this.pop();
		this.reuse(re1);
		return false;
	}
	newLiteral(r, flags) {
		const re = this.newRegexp(Regexp.Op.LITERAL);
		re.flags = flags;
		if ((flags & RE2Flags.FOLD_CASE) !== 0) r = Parser.minFoldRune(r);
		re.runes = [r];
		return re;
	}
	literal(r) {
		this.push(this.newLiteral(r, this.flags));
	}
	op(op) {
		const re = this.newRegexp(op);
		re.flags = this.flags;
		return this.push(re);
	}
	repeat(op, min, max, beforePos, t, lastRepeatPos) {
		let flags = this.flags;
		if ((flags & RE2Flags.PERL_X) !== 0) {
			if (t.more() && t.lookingAt("?")) {
				t.skip(1);
				flags ^= RE2Flags.NON_GREEDY;
			}
			if (lastRepeatPos !== -1) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_OP, t.from(lastRepeatPos));
		}
		const n = this.stack.length;
		if (n === 0) throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
		const sub = this.stack[n - 1];
		if (Regexp.isPseudoOp(sub.op)) throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
		const re = this.newRegexp(op);
		re.min = min;
		re.max = max;
		re.flags = flags;
		re.subs = [sub];
		this.stack[n - 1] = re;
		this.checkLimits(re);
		if (op === Regexp.Op.REPEAT && (min >= 2 || max >= 2) && !this.repeatIsValid(re, 1e3)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(beforePos));
	}
	repeatIsValid(re, n) {
		if (re.op === Regexp.Op.REPEAT) {
			let m = re.max;
			if (m === 0) return true;
			if (m < 0) m = re.min;
			if (m > n) return false;
			if (m > 0) n = Math.trunc(n / m);
		}
		for (let sub of re.subs) if (!this.repeatIsValid(sub, n)) return false;
		return true;
	}
	concat() {
		this.maybeConcat(-1, 0);
		const subs = this.popToPseudo();
		if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.EMPTY_MATCH));
		return this.push(this.collapse(subs, Regexp.Op.CONCAT));
	}
	alternate() {
		const subs = this.popToPseudo();
		if (subs.length > 0) this.cleanAlt(subs[subs.length - 1]);
		if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.NO_MATCH));
		return this.push(this.collapse(subs, Regexp.Op.ALTERNATE));
	}
	cleanAlt(re) {
		if (re.op === Regexp.Op.CHAR_CLASS) {
			re.runes = new CharClass(Array.from(re.runes)).cleanClass().toArray();
			if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) {
				re.runes = /* @__PURE__ */ new Int32Array(0);
				re.op = Regexp.Op.ANY_CHAR;
			} else if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) {
				re.runes = /* @__PURE__ */ new Int32Array(0);
				re.op = Regexp.Op.ANY_CHAR_NOT_NL;
			}
		}
	}
	collapse(subs, op) {
		if (subs.length === 1) return subs[0];
		let len = 0;
		for (let sub of subs) len += sub.op === op ? sub.subs.length : 1;
		let newsubs = new Array(len).fill(null);
		let i = 0;
		for (let sub of subs) if (sub.op === op) {
			for (let j = 0; j < sub.subs.length; j++) newsubs[i++] = sub.subs[j];
			this.reuse(sub);
		} else newsubs[i++] = sub;
		let re = this.newRegexp(op);
		re.subs = newsubs;
		if (op === Regexp.Op.ALTERNATE) {
			re.subs = this.factor(re.subs);
			if (re.subs.length === 1) {
				const old = re;
				re = re.subs[0];
				this.reuse(old);
			}
		}
		return re;
	}
	factor(array) {
		if (array.length < 2) return array;
		let s = 0;
		let lensub = array.length;
		let lenout = 0;
		let str = null;
		let strlen = 0;
		let strflags = 0;
		let start = 0;
		for (let i = 0; i <= lensub; i++) {
			let istr = null;
			let istrlen = 0;
			let iflags = 0;
			if (i < lensub) {
				let re = array[s + i];
				if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) re = re.subs[0];
				if (re.op === Regexp.Op.LITERAL) {
					istr = re.runes;
					istrlen = re.runes.length;
					iflags = re.flags & RE2Flags.FOLD_CASE;
				}
				if (iflags === strflags) {
					let same = 0;
					while (same < strlen && same < istrlen && str[same] === istr[same]) same++;
					if (same > 0) {
						strlen = same;
						continue;
					}
				}
			}
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				const prefix = this.newRegexp(Regexp.Op.LITERAL);
				prefix.flags = strflags;
				prefix.runes = str.slice(0, strlen);
				for (let j = start; j < i; j++) {
					array[s + j] = this.removeLeadingString(array[s + j], strlen);
					this.checkLimits(array[s + j]);
				}
				const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
				const re = this.newRegexp(Regexp.Op.CONCAT);
				re.subs = [prefix, suffix];
				array[lenout++] = re;
			}
			start = i;
			str = istr;
			strlen = istrlen;
			strflags = iflags;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		let first = null;
		for (let i = 0; i <= lensub; i++) {
			let ifirst = null;
			if (i < lensub) {
				ifirst = Parser.leadingRegexp(array[s + i]);
				if (first !== null && first.equals(ifirst) && (Parser.isCharClass(first) || first.op === Regexp.Op.REPEAT && first.min === first.max && Parser.isCharClass(first.subs[0]))) continue;
			}
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				const prefix = first;
				for (let j = start; j < i; j++) {
					const reuse = j !== start;
					array[s + j] = this.removeLeadingRegexp(array[s + j], reuse);
					this.checkLimits(array[s + j]);
				}
				const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
				const re = this.newRegexp(Regexp.Op.CONCAT);
				re.subs = [prefix, suffix];
				array[lenout++] = re;
			}
			start = i;
			first = ifirst;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		for (let i = 0; i <= lensub; i++) {
			if (i < lensub && Parser.isCharClass(array[s + i])) continue;
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				let max = start;
				for (let j = start + 1; j < i; j++) {
					const subMax = array[s + max];
					const subJ = array[s + j];
					if (subMax.op < subJ.op || subMax.op === subJ.op && (subMax.runes !== null ? subMax.runes.length : 0) < (subJ.runes !== null ? subJ.runes.length : 0)) max = j;
				}
				const tmp = array[s + start];
				array[s + start] = array[s + max];
				array[s + max] = tmp;
				for (let j = start + 1; j < i; j++) {
					Parser.mergeCharClass(array[s + start], array[s + j]);
					this.reuse(array[s + j]);
				}
				this.cleanAlt(array[s + start]);
				array[lenout++] = array[s + start];
			}
			if (i < lensub) array[lenout++] = array[s + i];
			start = i + 1;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		for (let i = 0; i < lensub; ++i) {
			if (i + 1 < lensub && array[s + i].op === Regexp.Op.EMPTY_MATCH && array[s + i + 1].op === Regexp.Op.EMPTY_MATCH) continue;
			array[lenout++] = array[s + i];
		}
		lensub = lenout;
		s = 0;
		return array.slice(s, lensub);
	}
	removeLeadingString(re, n) {
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			const sub = this.removeLeadingString(re.subs[0], n);
			re.subs[0] = sub;
			if (sub.op === Regexp.Op.EMPTY_MATCH) {
				this.reuse(sub);
				switch (re.subs.length) {
					case 0:
					case 1:
						re.op = Regexp.Op.EMPTY_MATCH;
						re.subs = Regexp.emptySubs();
						break;
					case 2: {
						const old = re;
						re = re.subs[1];
						this.reuse(old);
						break;
					}
					default: re.subs = re.subs.slice(1, re.subs.length);
				}
			}
			return re;
		}
		if (re.op === Regexp.Op.LITERAL) {
			re.runes = re.runes.slice(n, re.runes.length);
			if (re.runes.length === 0) re.op = Regexp.Op.EMPTY_MATCH;
		}
		return re;
	}
	removeLeadingRegexp(re, reuse) {
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			if (reuse) this.reuse(re.subs[0]);
			re.subs = re.subs.slice(1, re.subs.length);
			switch (re.subs.length) {
				case 0:
					re.op = Regexp.Op.EMPTY_MATCH;
					re.subs = Regexp.emptySubs();
					break;
				case 1: {
					const old = re;
					re = re.subs[0];
					this.reuse(old);
					break;
				}
			}
			return re;
		}
		if (reuse) this.reuse(re);
		return this.newRegexp(Regexp.Op.EMPTY_MATCH);
	}
	parseInternal() {
		if ((this.flags & RE2Flags.LITERAL) !== 0) return Parser.literalRegexp(this.wholeRegexp, this.flags);
		let lastRepeatPos = -1;
		let min = -1;
		let max = -1;
		const t = new StringIterator(this.wholeRegexp);
		while (t.more()) {
			let repeatPos = -1;
			bigswitch: switch (t.peek()) {
				case Codepoint.CODES["("]:
					if ((this.flags & RE2Flags.LOOKBEHIND) !== 0) {
						if (t.lookingAt("(?<=")) {
							this.parsePosLookBehind();
							t.skip(4);
							break;
						}
						if (t.lookingAt("(?<!")) {
							this.parseNegLookBehind();
							t.skip(4);
							break;
						}
					}
					if ((this.flags & RE2Flags.PERL_X) !== 0 && t.lookingAt("(?")) {
						this.parsePerlFlags(t);
						break;
					}
					this.op(Regexp.Op.LEFT_PAREN).cap = ++this.numCap;
					t.skip(1);
					break;
				case Codepoint.CODES["|"]:
					this.parseVerticalBar();
					t.skip(1);
					break;
				case Codepoint.CODES[")"]:
					this.parseRightParen();
					t.skip(1);
					break;
				case Codepoint.CODES["^"]:
					if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.BEGIN_TEXT);
					else this.op(Regexp.Op.BEGIN_LINE);
					t.skip(1);
					break;
				case Codepoint.CODES["$"]:
					if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.END_TEXT).flags |= RE2Flags.WAS_DOLLAR;
					else this.op(Regexp.Op.END_LINE);
					t.skip(1);
					break;
				case Codepoint.CODES["."]:
					if ((this.flags & RE2Flags.DOT_NL) !== 0) this.op(Regexp.Op.ANY_CHAR);
					else this.op(Regexp.Op.ANY_CHAR_NOT_NL);
					t.skip(1);
					break;
				case Codepoint.CODES["["]:
					this.parseClass(t);
					break;
				case Codepoint.CODES["*"]:
				case Codepoint.CODES["+"]:
				case Codepoint.CODES["?"]: {
					repeatPos = t.pos();
					let op = null;
					switch (t.pop()) {
						case Codepoint.CODES["*"]:
							op = Regexp.Op.STAR;
							break;
						case Codepoint.CODES["+"]:
							op = Regexp.Op.PLUS;
							break;
						case Codepoint.CODES["?"]: op = Regexp.Op.QUEST;
					}
					this.repeat(op, min, max, repeatPos, t, lastRepeatPos);
					break;
				}
				case Codepoint.CODES["{"]: {
					const before = t.pos();
					const minMax = Parser.parseRepeat(t);
					if (minMax < 0) {
						t.rewindTo(before);
						this.literal(t.pop());
						break;
					}
					repeatPos = before;
					min = minMax >> 16;
					max = (minMax & Unicode.MAX_BMP) << 16 >> 16;
					this.repeat(Regexp.Op.REPEAT, min, max, repeatPos, t, lastRepeatPos);
					break;
				}
				case Codepoint.CODES["\\"]: {
					const savedPos = t.pos();
					t.skip(1);
					if ((this.flags & RE2Flags.PERL_X) !== 0 && t.more()) switch (t.pop()) {
						case Codepoint.CODES["A"]:
							this.op(Regexp.Op.BEGIN_TEXT);
							break bigswitch;
						case Codepoint.CODES["b"]:
							this.op(Regexp.Op.WORD_BOUNDARY);
							break bigswitch;
						case Codepoint.CODES["B"]:
							this.op(Regexp.Op.NO_WORD_BOUNDARY);
							break bigswitch;
						case Codepoint.CODES["C"]: throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, "\\C");
						case Codepoint.CODES["Q"]: {
							let lit = t.rest();
							const i = lit.indexOf("\\E");
							if (i >= 0) {
								lit = lit.substring(0, i);
								t.skipString(lit);
								t.skipString("\\E");
							} else t.skipString(lit);
							let j = 0;
							while (j < lit.length) {
								const codepoint = lit.codePointAt(j);
								this.literal(codepoint);
								j += Utils.charCount(codepoint);
							}
							break bigswitch;
						}
						case Codepoint.CODES["z"]:
							this.op(Regexp.Op.END_TEXT);
							break bigswitch;
						default: t.rewindTo(savedPos);
					}
					else t.rewindTo(savedPos);
					const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
					re.flags = this.flags;
					if (t.lookingAt("\\p") || t.lookingAt("\\P")) {
						const cc = new CharClass();
						if (this.parseUnicodeClass(t, cc)) {
							re.runes = cc.toArray();
							this.push(re);
							break bigswitch;
						}
					}
					const cc = new CharClass();
					if (this.parsePerlClassEscape(t, cc)) {
						re.runes = cc.toArray();
						this.push(re);
						break bigswitch;
					}
					t.rewindTo(savedPos);
					this.reuse(re);
					this.literal(Parser.parseEscape(t));
					break;
				}
				default: this.literal(t.pop());
			}
			lastRepeatPos = repeatPos;
		}
		this.concat();
		if (this.swapVerticalBar()) this.pop();
		this.alternate();
		if (this.stack.length !== 1) throw new RE2JSSyntaxException(Parser.ERR_MISSING_PAREN, this.wholeRegexp);
		this.stack[0].namedGroups = this.namedGroups;
		return this.stack[0];
	}
	parsePerlFlags(t) {
		const startPos = t.pos();
		const s = t.rest();
		if (s.startsWith("(?P<") || s.startsWith("(?<")) {
			const begin = s.charAt(2) === "P" ? 4 : 3;
			const end = s.indexOf(">");
			if (end < 0) throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s);
			const name = s.substring(begin, end);
			t.skipString(name);
			t.skip(begin + 1);
			if (!Parser.isValidCaptureName(name)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s.substring(0, end + 1));
			const re = this.op(Regexp.Op.LEFT_PAREN);
			re.cap = ++this.numCap;
			if (this.namedGroups[name]) throw new RE2JSSyntaxException(Parser.ERR_DUPLICATE_NAMED_CAPTURE, name);
			this.namedGroups[name] = this.numCap;
			re.name = name;
			return;
		}
		t.skip(2);
		let flags = this.flags;
		let sign = 1;
		let sawFlag = false;
		loop: while (t.more()) {
			const c = t.pop();
			switch (c) {
				case Codepoint.CODES["i"]:
					flags |= RE2Flags.FOLD_CASE;
					sawFlag = true;
					break;
				case Codepoint.CODES["m"]:
					flags &= ~RE2Flags.ONE_LINE;
					sawFlag = true;
					break;
				case Codepoint.CODES["s"]:
					flags |= RE2Flags.DOT_NL;
					sawFlag = true;
					break;
				case Codepoint.CODES["U"]:
					flags |= RE2Flags.NON_GREEDY;
					sawFlag = true;
					break;
				case Codepoint.CODES["-"]:
					if (sign < 0) break loop;
					sign = -1;
					flags = ~flags;
					sawFlag = false;
					break;
				case Codepoint.CODES[":"]:
				case Codepoint.CODES[")"]:
					if (sign < 0) {
						if (!sawFlag) break loop;
						flags = ~flags;
					}
					if (c === Codepoint.CODES[":"]) this.op(Regexp.Op.LEFT_PAREN);
					this.flags = flags;
					return;
				default: break loop;
			}
		}
		throw new RE2JSSyntaxException(Parser.ERR_INVALID_PERL_OP, t.from(startPos));
	}
	parsePosLookBehind() {
		const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
		re.flags = this.flags;
		re.lb = ++this.nlb;
		return this.push(re);
	}
	parseNegLookBehind() {
		const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
		re.flags = this.flags;
		re.lb = -++this.nlb;
		return this.push(re);
	}
	parseVerticalBar() {
		this.concat();
		if (!this.swapVerticalBar()) this.op(Regexp.Op.VERTICAL_BAR);
	}
	swapVerticalBar() {
		const n = this.stack.length;
		if (n >= 3 && this.stack[n - 2].op === Regexp.Op.VERTICAL_BAR && Parser.isCharClass(this.stack[n - 1]) && Parser.isCharClass(this.stack[n - 3])) {
			let re1 = this.stack[n - 1];
			let re3 = this.stack[n - 3];
			if (re1.op > re3.op) {
				const tmp = re3;
				re3 = re1;
				re1 = tmp;
				this.stack[n - 3] = re3;
			}
			Parser.mergeCharClass(re3, re1);
			this.reuse(re1);
			this.pop();
			return true;
		}
		if (n >= 2) {
			const re1 = this.stack[n - 1];
			const re2 = this.stack[n - 2];
			if (re2.op === Regexp.Op.VERTICAL_BAR) {
				if (n >= 3) this.cleanAlt(this.stack[n - 3]);
				this.stack[n - 2] = re1;
				this.stack[n - 1] = re2;
				return true;
			}
		}
		return false;
	}
	parseRightParen() {
		this.concat();
		if (this.swapVerticalBar()) this.pop();
		this.alternate();
		if (this.stack.length < 2) throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
		const re1 = this.pop();
		const re2 = this.pop();
		if (re2.op !== Regexp.Op.LEFT_PAREN) throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
		this.flags = re2.flags;
		if (re2.lb !== 0) {
			if (Parser.hasCapture(re1)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CAPTURE_IN_LOOKBEHIND, this.wholeRegexp);
			if (re2.lb > 0) re2.op = Regexp.Op.PLB;
			else re2.op = Regexp.Op.NLB;
			re2.subs = [re1];
			this.push(re2);
			return;
		}
		if (re2.cap === 0) this.push(re1);
		else {
			re2.op = Regexp.Op.CAPTURE;
			re2.subs = [re1];
			this.push(re2);
		}
	}
	parsePerlClassEscape(t, cc) {
		const beforePos = t.pos();
		if ((this.flags & RE2Flags.PERL_X) === 0 || !t.more() || t.pop() !== Codepoint.CODES["\\"] || !t.more()) return false;
		t.pop();
		const p = t.from(beforePos);
		const g = PERL_GROUPS.has(p) ? PERL_GROUPS.get(p) : null;
		if (g === null) return false;
		cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
		return true;
	}
	parseNamedClass(t, cc) {
		const cls = t.rest();
		const i = cls.indexOf(":]");
		if (i < 0) return false;
		const name = cls.substring(0, i + 2);
		t.skipString(name);
		const g = POSIX_GROUPS.has(name) ? POSIX_GROUPS.get(name) : null;
		if (g === null) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, name);
		cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
		return true;
	}
	parseUnicodeClass(t, cc) {
		const startPos = t.pos();
		if ((this.flags & RE2Flags.UNICODE_GROUPS) === 0 || !t.lookingAt("\\p") && !t.lookingAt("\\P")) return false;
		t.skip(1);
		let sign = 1;
		let c = t.pop();
		if (c === Codepoint.CODES["P"]) sign = -1;
		if (!t.more()) {
			t.rewindTo(startPos);
			throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
		}
		c = t.pop();
		let name;
		if (c !== Codepoint.CODES["{"]) name = Utils.runeToString(c);
		else {
			const rest = t.rest();
			const end = rest.indexOf("}");
			if (end < 0) {
				t.rewindTo(startPos);
				throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
			}
			name = rest.substring(0, end);
			t.skipString(name);
			t.skip(1);
		}
		if (!(name.length === 0) && name.codePointAt(0) === Codepoint.CODES["^"]) {
			sign = 0 - sign;
			name = name.substring(1);
		}
		const pair = Parser.unicodeTable(name);
		if (pair === null) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(startPos));
		if (pair.sign < 0) sign = 0 - sign;
		const tab = pair.tab;
		const fold = pair.fold;
		if ((this.flags & RE2Flags.FOLD_CASE) === 0 || fold === null) cc.appendTableWithSign(tab, sign);
		else {
			const tmp = new CharClass().appendTable(tab).appendTable(fold).cleanClass().toArray();
			cc.appendClassWithSign(Array.from(tmp), sign);
		}
		return true;
	}
	parseClass(t) {
		const startPos = t.pos();
		t.skip(1);
		const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
		re.flags = this.flags;
		const cc = new CharClass();
		let sign = 1;
		if (t.more() && t.lookingAt("^")) {
			sign = -1;
			t.skip(1);
			if ((this.flags & RE2Flags.CLASS_NL) === 0) cc.appendRange(Codepoint.CODES["\n"], Codepoint.CODES["\n"]);
		}
		let first = true;
		while (!t.more() || t.peek() !== Codepoint.CODES["]"] || first) {
			if (t.more() && t.lookingAt("-") && (this.flags & RE2Flags.PERL_X) === 0 && !first) {
				const s = t.rest();
				if (s === "-" || !s.startsWith("-]")) {
					t.rewindTo(startPos);
					throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
				}
			}
			first = false;
			const beforePos = t.pos();
			if (t.lookingAt("[:")) {
				if (this.parseNamedClass(t, cc)) continue;
				t.rewindTo(beforePos);
			}
			if (this.parseUnicodeClass(t, cc)) continue;
			if (this.parsePerlClassEscape(t, cc)) continue;
			t.rewindTo(beforePos);
			const lo = Parser.parseClassChar(t, startPos);
			let hi = lo;
			if (t.more() && t.lookingAt("-")) {
				t.skip(1);
				if (t.more() && t.lookingAt("]")) t.skip(-1);
				else {
					hi = Parser.parseClassChar(t, startPos);
					if (hi < lo) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(beforePos));
				}
			}
			if ((this.flags & RE2Flags.FOLD_CASE) === 0) cc.appendRange(lo, hi);
			else cc.appendFoldedRange(lo, hi);
		}
		t.skip(1);
		cc.cleanClass();
		if (sign < 0) cc.negateClass();
		re.runes = cc.toArray();
		this.push(re);
	}
};
// src/RE2.js
/**
* An RE2 class instance is a compiled representation of an RE2 regular expression, independent of
* the public Java-like Pattern/Matcher API.
*
* This class also contains various implementation helpers for RE2 regular expressions.
*
* Use the {@link #quoteMeta(String)} utility function to quote all regular expression
* metacharacters in an arbitrary string.
*
*/
var RE2 = class RE2 {
	static initTest(expr) {
		const re2 = RE2.compile(expr);
		const res = new RE2(re2.expr, re2.prog, re2.numSubexp, re2.longest);
		res.cond = re2.cond;
		res.prefix = re2.prefix;
		res.prefixUTF8 = re2.prefixUTF8;
		res.prefixComplete = re2.prefixComplete;
		res.prefixRune = re2.prefixRune;
		res.prefilter = re2.prefilter;
		res.namedGroups = re2.namedGroups;
		return res;
	}
	/**
	* Parses a regular expression and returns, if successful, an {@code RE2} instance that can be
	* used to match against text.
	*
	* When matching against text, the regexp returns a match that begins as early as possible in the
	* input (leftmost), and among those it chooses the one that a backtracking search would have
	* found first. This so-called leftmost-first matching is the same semantics that Perl, Python,
	* and other implementations use, although this package implements it without the expense of
	* backtracking. For POSIX leftmost-longest matching, see {@link #compilePOSIX}.
	*/
	static compile(expr) {
		return RE2.compileImpl(expr, RE2Flags.PERL, false);
	}
	/**
	* {@code compilePOSIX} is like {@link #compile} but restricts the regular expression to POSIX ERE
	* (egrep) syntax and changes the match semantics to leftmost-longest.
	*
	* That is, when matching against text, the regexp returns a match that begins as early as
	* possible in the input (leftmost), and among those it chooses a match that is as long as
	* possible. This so-called leftmost-longest matching is the same semantics that early regular
	* expression implementations used and that POSIX specifies.
	*
	* However, there can be multiple leftmost-longest matches, with different submatch choices, and
	* here this package diverges from POSIX. Among the possible leftmost-longest matches, this
	* package chooses the one that a backtracking search would have found first, while POSIX
	* specifies that the match be chosen to maximize the length of the first subexpression, then the
	* second, and so on from left to right. The POSIX rule is computationally prohibitive and not
	* even well-defined. See http://swtch.com/~rsc/regexp/regexp2.html#posix
	*/
	static compilePOSIX(expr) {
		return RE2.compileImpl(expr, RE2Flags.POSIX, true);
	}
	static compileImpl(expr, mode, longest) {
		let re = Parser.parse(expr, mode);
		const maxCap = re.maxCap();
		const namedGroups = re.namedGroups;
		re = Simplify.simplify(re);
		const prefilter = PrefilterTree.build(re);
		const prog = Compiler.compileRegexp(re);
		const re2 = new RE2(expr, prog, maxCap, longest);
		re2.prefilter = prefilter.type === Prefilter.Type.NONE ? null : prefilter;
		const [prefixCompl, prefixStr] = prog.prefix();
		re2.prefixComplete = prefixCompl;
		re2.prefix = prefixStr;
		re2.prefixUTF8 = Utils.stringToUtf8ByteArray(re2.prefix);
		if (re2.prefix.length > 0) re2.prefixRune = re2.prefix.codePointAt(0);
		re2.namedGroups = namedGroups;
		return re2;
	}
	/**
	* Returns true iff textual regular expression {@code pattern} matches string {@code s}.
	*
	* More complicated queries need to use {@link #compile} and the full {@code RE2} interface.
	*/
	static match(pattern, s) {
		return RE2.compile(pattern).match(s);
	}
	constructor(expr, prog, numSubexp = 0, longest = 0) {
		this.expr = expr;
		this.prog = prog;
		this.numSubexp = numSubexp;
		this.longest = longest;
		this.cond = prog.startCond();
		this.prefix = null;
		this.prefixUTF8 = null;
		this.prefixComplete = false;
		this.prefixRune = 0;
		/** @type {Record<string, number>} */
		this.namedGroups = Object.create(null);
		this.machinePool = [];
		this.lazyDFA = null;
		this.onepass = OnePass.compile(this.prog);
		this.prefilter = null;
	}
	get dfa() {
		if (this.lazyDFA === null) this.lazyDFA = new DFA(this.prog);
		return this.lazyDFA;
	}
	matchPrefixComplete(input, pos, anchor, ncap) {
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
		let matchStart = -1;
		let matchEnd = -1;
		const pLen = input.prefixLength(this);
		if (anchor === RE2Flags.UNANCHORED) {
			const idx = input.index(this, pos);
			if (idx < 0) return null;
			matchStart = pos + idx;
			matchEnd = matchStart + pLen;
		} else if (anchor === RE2Flags.ANCHOR_BOTH) {
			if (input.endPos() !== pLen) return null;
			if (input.index(this, 0) !== 0) return null;
			matchStart = 0;
			matchEnd = pLen;
		} else if (anchor === RE2Flags.ANCHOR_START) {
			if (input.index(this, 0) !== 0) return null;
			matchStart = 0;
			matchEnd = pLen;
		}
		if (matchStart < 0) return null;
		if (ncap > 0) {
			const matchcap = new Int32Array(ncap).fill(-1);
			matchcap[0] = matchStart;
			matchcap[1] = matchEnd;
			return Array.from(matchcap);
		}
		return [];
	}
	createLookbehindState() {
		return this.prog.numLb > 0 ? new LookbehindState(this.prog) : null;
	}
	executeEngine(input, pos, anchor, ncap, lbState = null) {
		if (this.prefixComplete && (ncap === 0 || this.numSubexp === 0)) return this.matchPrefixComplete(input, pos, anchor, ncap);
		if (this.prefilter !== null && anchor === RE2Flags.UNANCHORED) {
			if (!this.prefilter.eval(input, pos)) return null;
		}
		if (this.onepass !== null) return OnePass.execute(this, input, pos, anchor, ncap);
		if (ncap > 0) {
			if (this.prog.numLb === 0 && input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
			return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
		}
		if (this.prog.numLb === 0) {
			const dfaResult = this.dfa.match(input, pos, anchor);
			if (dfaResult !== null) return dfaResult ? [] : null;
			if (input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
		}
		return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
	}
	/**
	* Returns the number of parenthesized subexpressions in this regular expression.
	*/
	numberOfCapturingGroups() {
		return this.numSubexp;
	}
	/**
	* Returns the number of instructions in this compiled regular expression program.
	*/
	numberOfInstructions() {
		return this.prog.numInst();
	}
	get() {
		return this.machinePool.length > 0 ? this.machinePool.pop() : null;
	}
	reset() {
		this.machinePool.length = 0;
	}
	put(m) {
		this.machinePool.push(m);
	}
	toString() {
		return this.expr;
	}
	doExecuteNFA(input, pos, anchor, ncap, lbState = null) {
		let m = this.get();
		if (!m) m = Machine.fromRE2(this);
		m.init(ncap);
		const cap = m.match(input, pos, anchor, lbState) ? m.submatches() : null;
		this.put(m);
		return cap;
	}
	match(s) {
		return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 0) !== null;
	}
	/**
	* Matches the regular expression against input starting at position start and ending at position
	* end, with the given anchoring. Records the submatch boundaries in group, which is [start, end)
	* pairs of byte offsets. The number of boundaries needed is inferred from the size of the group
	* array. It is most efficient not to ask for submatch boundaries.
	*
	* @param input the input byte array
	* @param start the beginning position in the input
	* @param end the end position in the input
	* @param anchor the anchoring flag (UNANCHORED, ANCHOR_START, ANCHOR_BOTH)
	* @param group the array to fill with submatch positions
	* @param ngroup the number of array pairs to fill in
	* @param lbState optional state carried between successive matches over the same input (see
	*   createLookbehindState); omit it to evaluate lookbehinds from the beginning of the input
	* @returns true if a match was found
	*/
	matchWithGroup(input, start, end, anchor, ngroup, lbState = null) {
		if (!(input instanceof MatcherInputBase)) {
			if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
			else input = MatcherInput.utf16(input);
		}
		return this.matchMachineInput(input, start, end, anchor, ngroup, lbState);
	}
	matchMachineInput(input, start, end, anchor, ngroup, lbState = null) {
		if (start > end) return [false, null];
		const machineInput = input.isUTF16Encoding() ? MachineInput.fromUTF16(input.asCharSequence(), 0, end) : MachineInput.fromUTF8(input.asBytes(), 0, end);
		const groupMatch = this.executeEngine(machineInput, start, anchor, 2 * ngroup, lbState);
		if (groupMatch === null) return [false, null];
		return [true, groupMatch];
	}
	/**
	* Returns true iff this regexp matches the UTF-8 byte array {@code b}.
	*/
	matchUTF8(b) {
		return this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 0) !== null;
	}
	/**
	* Returns a copy of {@code src} in which all matches for this regexp have been replaced by
	* {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceAll(src, repl) {
		return this.replaceAllFunc(src, () => repl, 2 * src.length + 1);
	}
	/**
	* Returns a copy of {@code src} in which only the first match for this regexp has been replaced
	* by {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceFirst(src, repl) {
		return this.replaceAllFunc(src, () => repl, 1);
	}
	/**
	* Returns a copy of {@code src} in which at most {@code maxReplaces} matches for this regexp have
	* been replaced by the return value of of function {@code repl} (whose first argument is the
	* matched string). No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceAllFunc(src, replFunc, maxReplaces) {
		let lastMatchEnd = 0;
		let searchPos = 0;
		let out = "";
		const input = MachineInput.fromUTF16(src);
		const lbState = this.createLookbehindState();
		let numReplaces = 0;
		while (searchPos <= src.length) {
			const a = this.executeEngine(input, searchPos, RE2Flags.UNANCHORED, 2, lbState);
			if (a === null || a.length === 0) break;
			out += src.substring(lastMatchEnd, a[0]);
			if (a[1] > lastMatchEnd || a[0] === 0) {
				out += replFunc(src.substring(a[0], a[1]));
				numReplaces++;
			}
			lastMatchEnd = a[1];
			const width = input.step(searchPos) & 7;
			if (searchPos + width > a[1]) searchPos += width;
			else if (searchPos + 1 > a[1]) searchPos++;
			else searchPos = a[1];
			if (numReplaces >= maxReplaces) break;
		}
		out += src.substring(lastMatchEnd);
		return out;
	}
	pad(a) {
		if (a === null) return null;
		let n = (1 + this.numSubexp) * 2;
		if (a.length < n) {
			let a2 = new Array(n).fill(-1);
			for (let i = 0; i < a.length; i++) a2[i] = a[i];
			a = a2;
		}
		return a;
	}
	allMatches(input, n, deliverFun = (v) => v) {
		let result = [];
		const end = input.endPos();
		if (n < 0) n = end + 1;
		let pos = 0;
		let i = 0;
		let prevMatchEnd = -1;
		const lbState = this.createLookbehindState();
		while (i < n && pos <= end) {
			const matches = this.executeEngine(input, pos, RE2Flags.UNANCHORED, this.prog.numCap, lbState);
			if (matches === null || matches.length === 0) break;
			let accept = true;
			if (matches[1] === pos) {
				if (matches[0] === prevMatchEnd) accept = false;
				const r = input.step(pos);
				if (r < 0) pos = end + 1;
				else pos += r & 7;
			} else pos = matches[1];
			prevMatchEnd = matches[1];
			if (accept) {
				result.push(deliverFun(this.pad(matches)));
				i++;
			}
		}
		return result;
	}
	/**
	* Returns an array holding the text of the leftmost match in {@code b} of this regular
	* expression.
	*
	* A return value of null indicates no match.
	*/
	findUTF8(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return null;
		return b.slice(a[0], a[1]);
	}
	/**
	* Returns a two-element array of integers defining the location of the leftmost match in
	* {@code b} of this regular expression. The match itself is at {@code b[loc[0]...loc[1]]}.
	*
	* A return value of null indicates no match.
	*/
	findUTF8Index(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return null;
		return a.slice(0, 2);
	}
	/**
	* Returns a string holding the text of the leftmost match in {@code s} of this regular
	* expression.
	*
	* If there is no match, the return value is an empty string, but it will also be empty if the
	* regular expression successfully matches an empty string. Use {@link #findIndex} or
	* {@link #findSubmatch} if it is necessary to distinguish these cases.
	*/
	find(s) {
		const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return "";
		return s.substring(a[0], a[1]);
	}
	/**
	* Returns a two-element array of integers defining the location of the leftmost match in
	* {@code s} of this regular expression. The match itself is at
	* {@code s.substring(loc[0], loc[1])}.
	*
	* A return value of null indicates no match.
	*/
	findIndex(s) {
		return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
	}
	/**
	* Returns an array of arrays the text of the leftmost match of the regular expression in
	* {@code b} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findUTF8Submatch(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap);
		if (a === null) return null;
		const ret = new Array(1 + this.numSubexp).fill(null);
		for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = b.slice(a[2 * i], a[2 * i + 1]);
		return ret;
	}
	/**
	* Returns an array holding the index pairs identifying the leftmost match of this regular
	* expression in {@code b} and the matches, if any, of its subexpressions, as defined by the the
	* <a href='#submatch'>Submatch</a> and <a href='#index'>Index</a> descriptions above.
	*
	* A return value of null indicates no match.
	*/
	findUTF8SubmatchIndex(b) {
		return this.pad(this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap));
	}
	/**
	* Returns an array of strings holding the text of the leftmost match of the regular expression in
	* {@code s} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findSubmatch(s) {
		const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap);
		if (a === null) return null;
		const ret = new Array(1 + this.numSubexp).fill(null);
		for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = s.substring(a[2 * i], a[2 * i + 1]);
		return ret;
	}
	/**
	* Returns an array holding the index pairs identifying the leftmost match of this regular
	* expression in {@code s} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findSubmatchIndex(s) {
		return this.pad(this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap));
	}
	/**
	* {@code findAllUTF8()} is the <a href='#all'>All</a> version of {@link #findUTF8}; it returns a
	* list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*
	* TODO(adonovan): think about defining a byte slice view class, like a read-only Go slice backed
	* by |b|.
	*/
	findAllUTF8(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => b.slice(match[0], match[1]));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8Index} is the <a href='#all'>All</a> version of {@link #findUTF8Index}; it
	* returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8Index(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => match.slice(0, 2));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAll} is the <a href='#all'>All</a> version of {@link #find}; it returns a list of up
	* to {@code n} successive matches of the expression, as defined by the <a href='#all'>All</a>
	* description above.
	*
	* A return value of null indicates no match.
	*/
	findAll(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => s.substring(match[0], match[1]));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllIndex} is the <a href='#all'>All</a> version of {@link #findIndex}; it returns a
	* list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllIndex(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => match.slice(0, 2));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8Submatch} is the <a href='#all'>All</a> version of {@link #findUTF8Submatch};
	* it returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8Submatch(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => {
			let slice = new Array(match.length / 2 | 0).fill(null);
			for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = b.slice(match[2 * j], match[2 * j + 1]);
			return slice;
		});
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8SubmatchIndex} is the <a href='#all'>All</a> version of
	* {@link #findUTF8SubmatchIndex}; it returns a list of up to {@code n} successive matches of the
	* expression, as defined by the <a href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8SubmatchIndex(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n);
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllSubmatch} is the <a href='#all'>All</a> version of {@link #findSubmatch}; it
	* returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllSubmatch(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => {
			let slice = new Array(match.length / 2 | 0).fill(null);
			for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = s.substring(match[2 * j], match[2 * j + 1]);
			return slice;
		});
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllSubmatchIndex} is the <a href='#all'>All</a> version of
	* {@link #findSubmatchIndex}; it returns a list of up to {@code n} successive matches of the
	* expression, as defined by the <a href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllSubmatchIndex(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n);
		if (result.length === 0) return null;
		return result;
	}
};
// src/Set.js
var RE2Set = class RE2Set {
	/** @type {number} */
	static UNANCHORED = RE2Flags.UNANCHORED;
	/** @type {number} */
	static ANCHOR_START = RE2Flags.ANCHOR_START;
	/** @type {number} */
	static ANCHOR_BOTH = RE2Flags.ANCHOR_BOTH;
	/**
	* Constructs a new RE2Set with the specified anchor mode and flags.
	* @param {number} [anchor=RE2Set.UNANCHORED] - The anchoring mode (e.g., RE2Set.UNANCHORED).
	* @param {number} [flags=0] - The public flags to apply to all patterns in the set.
	* @param {number} [maxMem=8388608] - The maximum memory in bytes to use for the DFA (default 8MB).
	*/
	constructor(anchor = RE2Set.UNANCHORED, flags = 0, maxMem = 8388608) {
		if (![
			RE2Set.UNANCHORED,
			RE2Set.ANCHOR_START,
			RE2Set.ANCHOR_BOTH
		].includes(anchor)) throw new RE2JSFlagsException("The anchor should be RE2Set.UNANCHORED, RE2Set.ANCHOR_START or RE2Set.ANCHOR_BOTH");
		Utils.checkFlags(flags);
		this.anchor = anchor;
		this.jsFlags = flags;
		this.maxMem = maxMem;
		let re2Flags = RE2Flags.PERL;
		if ((flags & PublicFlags.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
		if ((flags & PublicFlags.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
		this.re2Flags = re2Flags;
		this.regexps = [];
		this.prog = null;
		this.dfa = null;
		this.dummyRe2 = null;
	}
	/**
	* Adds a new regular expression pattern to the set.
	* Patterns cannot be added after the set has been compiled.
	* @param {string} pattern - The regular expression pattern to add.
	* @returns {number} The integer index assigned to the added pattern.
	* @throws {RE2JSCompileException} If patterns are added after compilation.
	*/
	add(pattern) {
		if (this.prog) throw new RE2JSCompileException("Cannot add patterns after compile");
		Utils.checkPattern(pattern);
		let fregex = pattern;
		if ((this.jsFlags & PublicFlags.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
		if ((this.jsFlags & PublicFlags.DOTALL) !== 0) fregex = `(?s)${fregex}`;
		if ((this.jsFlags & PublicFlags.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
		const re = Parser.parse(fregex, this.re2Flags);
		this.regexps.push(Simplify.simplify(re));
		return this.regexps.length - 1;
	}
	/**
	* Compiles the added patterns into a single state machine.
	* This is automatically called on the first match if not called explicitly.
	* @returns {void}
	*/
	compile() {
		if (this.prog) return;
		const prog = Compiler.compileSet(this.regexps);
		if (prog.numInst() > Parser.MAX_SIZE) throw new RE2JSCompileException(`${Parser.ERR_LARGE}: the set compiles to ${prog.numInst()} instructions, more than ${Parser.MAX_SIZE}`);
		this.prog = prog;
		this.dfa = new DFA(this.prog, this.maxMem);
		this.dummyRe2 = {
			prog: this.prog,
			cond: this.prog.startCond(),
			prefix: "",
			prefixRune: 0,
			longest: false
		};
	}
	/**
	* Matches the input against the compiled set of regular expressions.
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to match against.
	* @returns {number[]} An array of indices representing the patterns that successfully matched the input.
	*/
	match(input) {
		if (!this.prog) this.compile();
		const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
		let internalAnchor = RE2Flags.UNANCHORED;
		if (this.anchor === RE2Set.ANCHOR_START) internalAnchor = RE2Flags.ANCHOR_START;
		else if (this.anchor === RE2Set.ANCHOR_BOTH) internalAnchor = RE2Flags.ANCHOR_BOTH;
		const dfaResult = this.dfa.matchSet(machineInput, 0, internalAnchor);
		if (dfaResult !== null) return dfaResult;
		const machine = Machine.fromRE2(this.dummyRe2);
		machine.init(0);
		return machine.matchSet(machineInput, 0, internalAnchor);
	}
};
// src/TranslateRegExpString.js
/**
* Transform JS regex string to RE2 regex string
*/
var TranslateRegExpString = class TranslateRegExpString {
	static isHexadecimal(ch) {
		return "0" <= ch && ch <= "9" || "A" <= ch && ch <= "F" || "a" <= ch && ch <= "f";
	}
	static translate(data) {
		let prefixFlags = "";
		if (Object.prototype.toString.call(data) === "[object RegExp]") {
			if (data.ignoreCase) prefixFlags += "i";
			if (data.multiline) prefixFlags += "m";
			if (data.dotAll) prefixFlags += "s";
			data = data.source;
		}
		if (typeof data !== "string") return data;
		let result = "";
		let changed = false;
		let size = data.length;
		if (size === 0) {
			result = "(?:)";
			changed = true;
		}
		let inCharClass = false;
		let i = 0;
		while (i < size) {
			let ch = data[i];
			if (ch === "\\") {
				if (i + 1 < size) {
					ch = data[i + 1];
					switch (ch) {
						case "\\":
							result += "\\\\";
							i += 2;
							continue;
						case "c":
							if (i + 2 < size) {
								let code = data[i + 2].charCodeAt(0);
								if (code >= 65 && code <= 90 || code >= 97 && code <= 122) {
									let val = code % 32;
									result += "\\x";
									result += (val >> 4).toString(16).toUpperCase();
									result += (val & 15).toString(16).toUpperCase();
									i += 3;
									changed = true;
									continue;
								}
							}
							result += "c";
							i += 2;
							changed = true;
							continue;
						case "u":
							if (i + 2 < size) {
								if (data[i + 2] === "{") {
									let j = i + 3;
									let hasHex = false;
									let closed = false;
									while (j < size) {
										const hexChar = data[j];
										if (hexChar === "}") {
											closed = true;
											break;
										}
										if (!TranslateRegExpString.isHexadecimal(hexChar)) break;
										hasHex = true;
										j++;
									}
									if (closed && hasHex) {
										result += "\\x";
										i += 2;
										changed = true;
										continue;
									}
								} else if (i + 5 < size) {
									let isHex4 = true;
									for (let j = 0; j < 4; j++) if (!TranslateRegExpString.isHexadecimal(data[i + 2 + j])) {
										isHex4 = false;
										break;
									}
									if (isHex4) {
										result += "\\x{" + data.substring(i + 2, i + 6) + "}";
										i += 6;
										changed = true;
										continue;
									}
								}
							}
							result += "u";
							i += 2;
							changed = true;
							continue;
						case "x": {
							let isValidHex = false;
							if (i + 2 < size && data[i + 2] === "{") {
								let j = i + 3;
								let hasHex = false;
								let closed = false;
								while (j < size) {
									const hexChar = data[j];
									if (hexChar === "}") {
										closed = true;
										break;
									}
									if (!TranslateRegExpString.isHexadecimal(hexChar)) break;
									hasHex = true;
									j++;
								}
								if (closed && hasHex) isValidHex = true;
							} else if (i + 3 < size && TranslateRegExpString.isHexadecimal(data[i + 2]) && TranslateRegExpString.isHexadecimal(data[i + 3])) isValidHex = true;
							if (isValidHex) {
								result += "\\x";
								i += 2;
							} else {
								result += "x";
								i += 2;
								changed = true;
							}
							continue;
						}
						case "n":
						case "r":
						case "t":
						case "a":
						case "f":
						case "v":
						case "d":
						case "D":
						case "s":
						case "S":
						case "w":
						case "W":
						case "b":
						case "B":
						case "p":
						case "P":
						case "A":
						case "z":
						case "Q":
						case "E":
						case "0":
						case "1":
						case "2":
						case "3":
						case "4":
						case "5":
						case "6":
						case "7":
							result += "\\" + ch;
							i += 2;
							continue;
						default: {
							let cp = data.codePointAt(i + 1);
							if (cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122) {
								let symSize = Utils.charCount(cp);
								result += data.substring(i + 1, i + 1 + symSize);
								i += symSize + 1;
								changed = true;
							} else {
								result += "\\";
								let symSize = Utils.charCount(cp);
								result += data.substring(i + 1, i + 1 + symSize);
								i += symSize + 1;
							}
							continue;
						}
					}
				}
			} else if (ch === "/") {
				result += "\\/";
				i += 1;
				changed = true;
				continue;
			} else if (ch === "[") {
				if (!inCharClass && data[i + 1] === "]") {
					result += "[^\\x00-\\x{10FFFF}]";
					i += 2;
					changed = true;
					continue;
				}
				if (!inCharClass && data[i + 1] === "^" && data[i + 2] === "]") {
					result += "[\\x00-\\x{10FFFF}]";
					i += 3;
					changed = true;
					continue;
				}
				inCharClass = true;
			} else if (ch === "]") inCharClass = false;
			else if (!inCharClass && ch === "(" && i + 2 < size && data[i + 1] === "?" && data[i + 2] === "<") {
				if (i + 3 < size && !"=!>)".includes(data[i + 3])) {
					result += "(?P<";
					i += 3;
					changed = true;
					continue;
				}
			}
			let cp = data.codePointAt(i);
			let symSize = Utils.charCount(cp);
			result += data.substring(i, i + symSize);
			i += symSize;
		}
		const finalResult = changed ? result : data;
		if (prefixFlags.length > 0) return `(?${prefixFlags})${finalResult}`;
		return finalResult;
	}
};
// src/index.js
const execResult = (m, input) => {
	const result = m.matchArray();
	result.index = m.start(0);
	result.input = input;
	result.groups = m.namedGroupsObject();
	return result;
};
/**
* A compiled representation of an RE2 regular expression
*
* The matching functions take {@code String} arguments instead of the more general Java
* {@code CharSequence} since the latter doesn't provide UTF-16 decoding.
*
*
* @author rsc@google.com (Russ Cox)
* @class
*/
var RE2JS = class RE2JS {
	/**
	* Flag: case insensitive matching.
	*/
	static CASE_INSENSITIVE = PublicFlags.CASE_INSENSITIVE;
	/**
	* Flag: dot ({@code .}) matches all characters, including newline.
	*/
	static DOTALL = PublicFlags.DOTALL;
	/**
	* Flag: multiline matching: {@code ^} and {@code $} match at beginning and end of line, not just
	* beginning and end of input.
	*/
	static MULTILINE = PublicFlags.MULTILINE;
	/**
	* Flag: Unicode groups (e.g. {@code \p\ Greek\} ) will be syntax errors.
	*/
	static DISABLE_UNICODE_GROUPS = PublicFlags.DISABLE_UNICODE_GROUPS;
	/**
	* Flag: matches longest possible string.
	*/
	static LONGEST_MATCH = PublicFlags.LONGEST_MATCH;
	/**
	* Flag: enable linear-time captureless lookbehinds.
	*/
	static LOOKBEHINDS = PublicFlags.LOOKBEHINDS;
	/**
	* Returns a literal pattern string for the specified string.
	*
	* This method produces a string that can be used to create a <code>RE2JS</code> that would
	* match the string <code>s</code> as if it were a literal pattern.
	*
	* Metacharacters or escape sequences in the input sequence will be given no special meaning.
	*
	* @param {string} str The string to be literalized
	* @returns {string} A literal string replacement
	*/
	static quote(str) {
		return Utils.quoteMeta(str);
	}
	/**
	* Quotes '\' and '$' in {@code str}, so that the returned string could be used in
	* replacement methods as a literal replacement of {@code str}.
	*
	* This is a convenience delegation to {@link Matcher.quoteReplacement}.
	*
	* @param {string} str the string to be quoted
	* @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
	* @returns {string} the quoted string
	*/
	static quoteReplacement(str, javaMode = false) {
		return Matcher.quoteReplacement(str, javaMode);
	}
	/**
	* Translates a given regular expression string to ensure compatibility with RE2JS.
	*
	* This function preprocesses the input regex string by applying necessary transformations,
	* such as escaping special characters (e.g., `/`), converting named capture groups to
	* RE2JS-compatible syntax, and handling Unicode sequences properly. It ensures that the
	* resulting regex is safe and properly formatted before compilation.
	*
	* @param {string|RegExp} expr - The regular expression string to be translated.
	* @returns {string} - The transformed regular expression string, ready for compilation.
	*/
	static translateRegExp(expr) {
		return TranslateRegExpString.translate(expr);
	}
	/**
	* Helper: create new RE2JS with given regex and flags. Flregex is the regex with flags applied.
	* @param {string} regex
	* @param {number} [flags=0]
	* @returns {RE2JS}
	*/
	static compile(regex, flags = 0) {
		Utils.checkPattern(regex);
		Utils.checkFlags(flags);
		let fregex = regex;
		if ((flags & RE2JS.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
		if ((flags & RE2JS.DOTALL) !== 0) fregex = `(?s)${fregex}`;
		if ((flags & RE2JS.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
		let re2Flags = RE2Flags.PERL;
		if ((flags & RE2JS.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
		if ((flags & RE2JS.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
		const p = new RE2JS(regex, flags);
		p.re2Input = RE2.compileImpl(fregex, re2Flags, (flags & RE2JS.LONGEST_MATCH) !== 0);
		return p;
	}
	/**
	* Matches a string against a regular expression.
	*
	* @param {string} regex the regular expression
	* @param {string|number[]|Uint8Array} input the input
	* @returns {boolean} true if the regular expression matches the entire input
	* @throws RE2JSSyntaxException if the regular expression is malformed
	*/
	static matches(regex, input) {
		return RE2JS.compile(regex).testExact(input);
	}
	/**
	* This is visible for testing.
	* @private
	*/
	static initTest(pattern, flags, re2) {
		if (pattern == null) throw new Error("pattern is null");
		if (re2 == null) throw new Error("re2 is null");
		const p = new RE2JS(pattern, flags);
		p.re2Input = re2;
		return p;
	}
	/**
	*
	* @param {string} pattern
	* @param {number} flags
	*/
	constructor(pattern, flags) {
		this.patternInput = pattern;
		this.flagsInput = flags;
		/** @type {import('./RE2.js').RE2} */
		this.re2Input = null;
	}
	/**
	* Releases memory used by internal caches associated with this pattern. Does not change the
	* observable behaviour. Useful for tests that detect memory leaks via allocation tracking.
	*/
	reset() {
		this.re2Input.reset();
	}
	/**
	* Returns the flags used in the constructor.
	* @returns {number}
	*/
	flags() {
		return this.flagsInput;
	}
	/**
	* Returns the pattern used in the constructor.
	* @returns {string}
	*/
	pattern() {
		return this.patternInput;
	}
	re2() {
		return this.re2Input;
	}
	/**
	* Matches a string against a regular expression.
	*
	* @param {string|number[]|Uint8Array} input the input
	* @returns {boolean} true if the regular expression matches the entire input
	*/
	matches(input) {
		return this.testExact(input);
	}
	/**
	* Creates a new {@code Matcher} matching the pattern against the input.
	*
	* @param {string|number[]|Uint8Array|MatcherInputBase} input the input string
	* @returns {Matcher}
	*/
	matcher(input) {
		if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
		return new Matcher(this, input);
	}
	/**
	* Tests whether the regular expression matches any part of the input string.
	* Performance Note: This method is highly optimized. Because it only returns
	* a boolean and does not extract capture groups, it bypasses the `Matcher` overhead
	* and guarantees execution on the high-speed DFA engine whenever possible.
	*
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
	* @returns {boolean} `true` if the pattern is found anywhere in the input, `false` otherwise.
	*/
	test(input) {
		if (Utils.isByteArray(input)) return this.re2Input.matchUTF8(input);
		return this.re2Input.match(input);
	}
	/**
	* Tests whether the regular expression matches the ENTIRE input string.
	* * **Performance Note:** This operates identically to `.matches()`, but is significantly
	* faster because it does not request capture group data. By requesting 0 capture groups,
	* it securely routes execution through the DFA fast-path.
	*
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
	* @returns {boolean} `true` if the exact input string fully matches the pattern, `false` otherwise.
	*/
	testExact(input) {
		const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
		return this.re2Input.executeEngine(machineInput, 0, RE2Flags.ANCHOR_BOTH, 0) !== null;
	}
	/**
	* Executes a search for a match in a specified string.
	* Returns a result array, or null if no match is found.
	* The returned array perfectly mirrors standard JavaScript `RegExpExecArray`,
	* including `.index`, `.input`, and `.groups` properties.
	*
	* @param {string|number[]|Uint8Array} input the input string or byte array
	* @returns {Array|null} the match array with index, input, and groups properties, or null
	*/
	exec(input) {
		const m = this.matcher(input);
		return m.find() ? execResult(m, input) : null;
	}
	/**
	* Splits input around instances of the regular expression. It returns an array giving the strings
	* that occur before, between, and after instances of the regular expression.
	*
	* If {@code limit <= 0}, there is no limit on the size of the returned array. If
	* {@code limit == 0}, empty strings that would occur at the end of the array are omitted. If
	* {@code limit > 0}, at most limit strings are returned. The final string contains the remainder
	* of the input, possibly including additional matches of the pattern.
	*
	* @param {string} input the input string to be split
	* @param {number} [limit=0] the limit
	* @returns {string[]} the split strings
	*/
	split(input, limit = 0) {
		const m = this.matcher(input);
		const result = [];
		let emptiesSkipped = 0;
		let last = 0;
		while (m.find()) {
			if (last === 0 && m.end() === 0) {
				last = m.end();
				continue;
			}
			if (limit > 0 && result.length === limit - 1) break;
			if (last === m.start()) {
				if (limit === 0) {
					emptiesSkipped += 1;
					last = m.end();
					continue;
				}
			} else while (emptiesSkipped > 0) {
				result.push("");
				emptiesSkipped -= 1;
			}
			result.push(m.substring(last, m.start()));
			last = m.end();
		}
		if (limit === 0 && last !== m.inputLength()) {
			while (emptiesSkipped > 0) {
				result.push("");
				emptiesSkipped -= 1;
			}
			result.push(m.substring(last, m.inputLength()));
		}
		if (limit !== 0 || result.length === 0 && !(last === m.inputLength() && last > 0)) result.push(m.substring(last, m.inputLength()));
		return result;
	}
	/**
	* Returns an iterator of all results matching a string against the regular expression,
	* including capturing groups.
	*
	* @param {string|number[]|Uint8Array} input the input string or byte array
	* @returns {IterableIterator<RegExpMatchArray>}
	*/
	*matchAll(input) {
		const m = this.matcher(input);
		while (m.find()) yield execResult(m, input);
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		return this.patternInput;
	}
	/**
	* Returns the program size of this pattern.
	*
	* <p>
	* Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
	* "cost". Larger numbers are more expensive than smaller numbers.
	* </p>
	*
	* @returns {number} the program size of this pattern
	*/
	programSize() {
		return this.re2Input.numberOfInstructions();
	}
	/**
	* Returns the number of capturing groups in this matcher's pattern. Group zero denotes the entire
	* pattern and is excluded from this count.
	*
	* @returns {number} the number of capturing groups in this pattern
	*/
	groupCount() {
		return this.re2Input.numberOfCapturingGroups();
	}
	/**
	* Return a map of the capturing groups in this matcher's pattern, where key is the name and value
	* is the index of the group in the pattern.
	* @returns {Record<string, number>}
	*/
	namedGroups() {
		return this.re2Input.namedGroups;
	}
	/**
	*
	* @param {*} other
	* @returns {boolean}
	*/
	equals(other) {
		if (this === other) return true;
		if (other === null || this.constructor !== other.constructor) return false;
		return this.flagsInput === other.flagsInput && this.patternInput === other.patternInput;
	}
};
/**
* Creates an RE2JS regex directly from a template literal.
* @overload
* @param {TemplateStringsArray} stringsOrFlags - The raw string segments of the template literal.
* @param {...any} values - The interpolated values.
* @returns {RE2JS}
*/
/**
* Creates a template literal tag function with specific RE2JS flags.
* @overload
* @param {number} stringsOrFlags - The RE2JS flags to apply (e.g., RE2JS.CASE_INSENSITIVE).
* @returns {(strings: TemplateStringsArray, ...tagValues: any[]) => RE2JS}
*/
/**
* Implementation signature
* @param {TemplateStringsArray | number} stringsOrFlags
* @param {...any} values
* @returns {RE2JS | ((strings: TemplateStringsArray, ...tagValues: any[]) => RE2JS)}
*/
function re(stringsOrFlags, ...values) {
	if (Array.isArray(stringsOrFlags) && "raw" in stringsOrFlags) {
		const pattern = String.raw(stringsOrFlags, ...values);
		return RE2JS.compile(pattern);
	}
	const flags = typeof stringsOrFlags === "number" ? stringsOrFlags : 0;
	return (strings, ...tagValues) => {
		const pattern = String.raw(strings, ...tagValues);
		return RE2JS.compile(pattern, flags);
	};
}


;// CONCATENATED MODULE: ./src/core/re2.ts
// Regular expressions as Envoy and Cilium read them: RE2 syntax (Go's regexp/syntax, Perl
// flags), matched in time linear in the input. re2js is a port of RE2/J, so a pattern such as
// `/(a+)+` cannot backtrack, and what RE2 refuses to compile (look-around, back-references,
// unknown escapes, repeat counts over 1000) is refused here with RE2's own message.

const compiled = new Map();
/** The compiled pattern, or RE2's reason for refusing it; memoised, as rules repeat patterns. */
function compileRe2(pattern) {
    let entry = compiled.get(pattern);
    if (entry === undefined) {
        try {
            entry = RE2JS.compile(pattern);
        }
        catch (error) {
            entry = error instanceof RE2JSException ? error.message : 'does not compile';
        }
        compiled.set(pattern, entry);
    }
    return entry;
}
/** Why RE2 refuses a pattern, or undefined when it compiles. */
function re2Problem(pattern) {
    const entry = compileRe2(pattern);
    return typeof entry === 'string' ? entry.replace(/^error parsing regexp: /, '') : undefined;
}
/** Whole-value match (Envoy's safe_regex matches the full value); a refused pattern never matches. */
function re2FullMatch(pattern, value) {
    const entry = compileRe2(pattern);
    return typeof entry !== 'string' && entry.matches(value);
}

;// CONCATENATED MODULE: ./src/core/engine/l7.ts

/**
 * A probe carries only a method and a path. A rule that requires a header or a host can
 * therefore never match it, just as a plain request without them is refused by the proxy.
 */
function matchesHttpRule(rule, request) {
    if (rule.method !== undefined && rule.method !== '' && !re2FullMatch(rule.method, request.method))
        return false;
    if (rule.path !== undefined && rule.path !== '' && !re2FullMatch(rule.path, request.path))
        return false;
    if (rule.host !== undefined && rule.host !== '')
        return false;
    return rule.headers.length === 0;
}
function describeHttpRule(rule) {
    const parts = [rule.method ? `method ${rule.method}` : '', rule.path ? `path ${rule.path}` : ''];
    if (rule.host)
        parts.push(`host ${rule.host}`);
    if (rule.headers.length > 0)
        parts.push(`headers ${rule.headers.join(', ')}`);
    const text = parts.filter(Boolean).join(', ');
    return text === '' ? 'any request' : text;
}

;// CONCATENATED MODULE: ./src/core/engine/http-side.ts

function decideHttp(outcome, request) {
    // R9.3 / R2.4: any covering allow without L7, the synthetic allow-all included, lifts L7.
    const unrestricted = outcome.by.filter((matched) => matched.l7.kind === 'none');
    if (unrestricted.length > 0 || outcome.synthetic.length > 0) {
        return { verdict: 'allow', decision: 'allowed', rules: unrestricted.map((m) => m.entry.ref) };
    }
    const proxied = outcome.by.flatMap((matched) => matched.l7.kind === 'http' ? matched.l7.rules.map((rule) => ({ rule, ref: matched.entry.ref })) : []);
    const accepting = proxied.filter(({ rule }) => matchesHttpRule(rule, request));
    if (accepting.length > 0) {
        return { verdict: 'allow', decision: 'http-allowed', rules: unique(accepting.map((a) => a.ref)) };
    }
    return {
        verdict: 'deny',
        decision: 'http-refused',
        rules: unique(outcome.by.map((m) => m.entry.ref)),
        httpRules: proxied.map(({ rule }) => describeHttpRule(rule))
    };
}
function unique(items) {
    return [...new Set(items)];
}

;// CONCATENATED MODULE: ./src/core/engine/reachability.ts


/** The peers a side lets through, as a bitset over the identity table. */
function passingRow(table) {
    const row = new Uint32Array(table.allowedPeers.length);
    for (let i = 0; i < row.length; i++)
        row[i] = passingPeers(table, table.deniedPeers[i], table.allowedPeers[i]);
    return row;
}
/** A pair is reachable when the source's egress and the destination's ingress both pass it. */
function reachableIdentities(endpoints, tableFor) {
    const ingress = endpoints.map((endpoint) => endpoint.kind === 'pod' ? passingRow(tableFor(endpoint, 'ingress')) : undefined);
    return endpoints
        .filter((endpoint) => endpoint.kind === 'pod')
        .map((source) => {
        const row = passingRow(tableFor(source, 'egress'));
        for (const destination of endpoints) {
            const accepts = ingress[destination.index];
            if (accepts && !hasBit(accepts, source.index))
                row[destination.index >>> 5] &= ~(1 << (destination.index & 31));
        }
        return row;
    });
}

;// CONCATENATED MODULE: ./src/core/policy/document.ts
function emptyLoadedPolicies() {
    return { policies: [], cidrGroups: [], diagnostics: [] };
}
function mergeLoadedPolicies(parts) {
    const yamlNodes = parts.reduce((sum, p) => sum + (p.yamlNodes ?? 0), 0);
    return {
        policies: parts.flatMap((p) => p.policies),
        cidrGroups: parts.flatMap((p) => p.cidrGroups),
        diagnostics: parts.flatMap((p) => p.diagnostics),
        namespaces: parts.flatMap((p) => p.namespaces ?? []),
        unread: parts.flatMap((p) => p.unread ?? []),
        workloads: parts.flatMap((p) => p.workloads ?? []),
        ...(yamlNodes > 0 ? { yamlNodes } : {})
    };
}
function describePolicy(ref) {
    return ref.namespace ? `${ref.kind} ${ref.namespace}/${ref.name}` : `${ref.kind} ${ref.name}`;
}

;// CONCATENATED MODULE: ./src/core/engine/reason.ts
// Words for verdicts: every verdict names the policy, section and rule that decided it,
// or why no rule did (docs/semantics.md §15).

function describeRuleRef(ref) {
    const spec = ref.specIndex === undefined ? '' : `specs[${ref.specIndex}].`;
    const rule = ref.index < 0
        ? `${ref.section} (no rules: default deny from policyTypes)`
        : `${ref.section}[${ref.index}]`;
    return `${describePolicy(ref.policy)} ${spec}${rule}`;
}
function listPolicies(policies) {
    return policies.map(describePolicy).join(', ');
}
function sideName(side) {
    return `${side.direction} of ${side.subject}`;
}
function describeSide(side) {
    const rules = side.rules.map(describeRuleRef).join(', ');
    switch (side.decision) {
        case 'not-enforced':
            return `${sideName(side)} not enforced: no policy with ${side.direction} rules selects it`;
        case 'denied':
            return `denied by ${rules} (${sideName(side)})`;
        case 'default-deny': {
            const why = side.enforcedBy.length > 0
                ? `selected with ${side.direction} or ${side.direction}Deny rules by ${listPolicies(side.enforcedBy)}`
                : 'policy enforcement mode always';
            return `default deny on ${sideName(side)} (${why}); no rule allows this flow`;
        }
        case 'allowed':
            if (side.rules.length > 0)
                return `allowed by ${rules} (${sideName(side)})`;
            return `allowed on ${sideName(side)} by the allow-all of enableDefaultDeny=false in ${listPolicies(side.syntheticAllowBy)}`;
        case 'http-allowed':
            return `HTTP request allowed by ${rules} (${sideName(side)})`;
        case 'http-refused':
            return `HTTP 403 from the proxy: the request matches no HTTP rule of ${rules} (${sideName(side)}; rules: ${(side.httpRules ?? []).join('; ') || 'none'})`;
    }
}
function describeFlowVerdict(verdict) {
    if (verdict.global === 'enforcement-never')
        return 'policy enforcement mode never: nothing is enforced';
    if (verdict.global === 'sctp-disabled') {
        return 'SCTP is disabled in the agent (enable-sctp=false): every SCTP packet is dropped, whatever the policy';
    }
    const sides = [verdict.egress, verdict.ingress].filter((side) => side !== undefined);
    if (verdict.verdict === 'deny') {
        return sides
            .filter((side) => side.verdict === 'deny')
            .map(describeSide)
            .join('; and ');
    }
    const deciding = sides.filter((side) => side.decision !== 'not-enforced');
    if (deciding.length === 0)
        return 'allowed: no policy enforces either side';
    return sides.map(describeSide).join('; ');
}

;// CONCATENATED MODULE: ./src/core/engine/side-interner.ts
class SideInterner {
    simple = new Map();
    byEntry = new Map();
    byEntryAllowed = new Map();
    other = new Map();
    /** The interned value for `outcome` (plus `extra`, e.g. an HTTP request), made once by `make`. */
    get(outcome, extra, make) {
        const { map, key } = this.slot(outcome, extra);
        let value = map.get(key);
        if (value === undefined) {
            value = make();
            map.set(key, value);
        }
        return value;
    }
    slot(outcome, extra) {
        if (extra === '') {
            if (outcome.decision === 'not-enforced' || outcome.decision === 'default-deny') {
                return { map: this.simple, key: outcome.decision };
            }
            if (outcome.decision === 'denied')
                return { map: this.byEntry, key: outcome.by };
            if (outcome.by.length === 0)
                return { map: this.simple, key: 'synthetic' };
            if (outcome.by.length === 1 && outcome.synthetic.length === 0) {
                return { map: this.byEntryAllowed, key: outcome.by[0].entry };
            }
        }
        return { map: this.other, key: `${signature(outcome)}|${extra}` };
    }
}
const ids = new WeakMap();
let nextId = 0;
function entryId(entry) {
    let id = ids.get(entry);
    if (id === undefined)
        ids.set(entry, (id = nextId++));
    return id;
}
function signature(outcome) {
    if (outcome.decision === 'denied')
        return `d${entryId(outcome.by)}`;
    if (outcome.decision !== 'allowed')
        return outcome.decision;
    const synthetic = outcome.synthetic.length > 0 ? 's' : '';
    return `a${synthetic}${outcome.by.map((matched) => entryId(matched.entry)).join(',')}`;
}

;// CONCATENATED MODULE: ./src/core/engine/peers.ts
// Which identities a rule's peer selects (R5, R6, R7). Computed once per rule entry as a
// bitset over the identity table, so deciding a subject against all peers stays cheap.




function matchesPeer(peer, endpoint) {
    switch (peer.kind) {
        case 'all':
            return true;
        case 'nothing':
        case 'unresolved':
            return false;
        case 'endpoints':
            return peer.selectors.some((selector) => matchesSelector(selector, endpoint.labels));
        case 'entities':
            return peer.entities.some((entity) => matchesEntity(entity, endpoint));
        case 'cidrs':
            return peer.ranges.some((range) => matchesCidr(range, endpoint));
    }
}
/**
 * R6.1, restricted to what a topology holds (pods and external endpoints): `all` is
 * everything, `world` the externals, `cluster` every pod; host, remote-node, health and the
 * other reserved entities name no pod and no external address.
 */
function matchesEntity(entity, endpoint) {
    switch (entity) {
        case 'all':
            return true;
        case 'world':
            return endpoint.kind === 'world';
        case 'cluster':
            return endpoint.kind === 'pod';
        default:
            return false;
    }
}
/** R7.1: a CIDR never selects a Cilium-managed pod, whatever its address. */
function matchesCidr(range, endpoint) {
    if (endpoint.kind !== 'world' || endpoint.ip === undefined || range.family !== 4)
        return false;
    if (!cidrContains(range, endpoint.ip))
        return false;
    return !range.except.some((except) => cidrContains(except, endpoint.ip));
}
/**
 * Bitsets of the identities each distinct selector matches, computed once per selector:
 * policies repeat the same selectors a lot, and a selector pinned to one namespace only
 * scans that namespace's identities.
 */
class SelectorIndex {
    endpoints;
    cache = new Map();
    bySelector = new WeakMap();
    byNamespace = new Map();
    constructor(endpoints) {
        this.endpoints = endpoints;
        for (const endpoint of endpoints) {
            if (endpoint.namespace === undefined)
                continue;
            const group = this.byNamespace.get(endpoint.namespace);
            if (group)
                group.push(endpoint);
            else
                this.byNamespace.set(endpoint.namespace, [endpoint]);
        }
    }
    matching(selector) {
        const known = this.bySelector.get(selector);
        if (known)
            return known;
        const key = selectorKey(selector);
        let bits = this.cache.get(key);
        if (!bits) {
            bits = createBitset(this.endpoints.length);
            const namespace = pinnedNamespace(selector);
            const candidates = namespace === undefined ? this.endpoints : (this.byNamespace.get(namespace) ?? []);
            for (const endpoint of candidates)
                if (matchesSelector(selector, endpoint.labels))
                    setBit(bits, endpoint.index);
            this.cache.set(key, bits);
        }
        this.bySelector.set(selector, bits);
        return bits;
    }
    peers(peer) {
        if (peer.kind === 'endpoints') {
            const bits = createBitset(this.endpoints.length);
            for (const selector of peer.selectors)
                orInto(bits, this.matching(selector));
            return bits;
        }
        const bits = createBitset(this.endpoints.length);
        for (const endpoint of this.endpoints)
            if (matchesPeer(peer, endpoint))
                setBit(bits, endpoint.index);
        return bits;
    }
}
function selectorKey(selector) {
    return selector.map((r) => `${r.source}:${r.key} ${r.operator} ${r.values.join(',')}`).join(';');
}
function pinnedNamespace(selector) {
    const requirement = selector.find((r) => r.key === NAMESPACE_KEY && r.source !== 'reserved' && r.operator === 'In' && r.values.length === 1);
    return requirement?.values[0];
}
/** R5.6: requirements restrict endpoint-selector peers only, never entities, CIDRs or wildcards. */
function requirementBitset(requires, endpoints) {
    const bits = createBitset(endpoints.length);
    for (const endpoint of endpoints) {
        if (requires.every((selector) => matchesSelector(selector, endpoint.labels)))
            setBit(bits, endpoint.index);
    }
    return bits;
}

;// CONCATENATED MODULE: ./src/core/engine/tables.ts




class DirectionTables {
    rules;
    identities;
    options;
    selectors;
    peerCache = new Map();
    subjectRules = new Map();
    requirementCache = new Map();
    tableCache = new Map();
    /** The fast path: per probe, a slot per identity and direction. */
    tablesByProbe = new Map();
    namedPortCache = new WeakMap();
    egressResolver;
    constructor(rules, identities, options) {
        this.rules = rules;
        this.identities = identities;
        this.options = options;
        this.selectors = new SelectorIndex(identities.endpoints);
        this.egressResolver = resolveClusterWide(identities.namedPorts);
    }
    /** `pod` is the subject pod, whose own named ports an ingress rule resolves against. */
    tableFor(endpoint, pod, direction, probe) {
        // Identities whose pods name their ports differently need a table per pod: keyed path.
        const slot = endpoint.index * 2 + (direction === 'ingress' ? 1 : 0);
        const named = direction === 'ingress' && pod && endpoint.pods.length > 1 ? this.namedPortsOf(pod) : '';
        const probeKey = `${probe.protocol}/${probe.port ?? ''}`;
        let slots = named === '' ? this.tablesByProbe.get(probeKey) : undefined;
        if (named === '' && !slots)
            this.tablesByProbe.set(probeKey, (slots = []));
        const known = slots?.[slot];
        if (known)
            return known;
        const rules = this.rulesSelecting(endpoint);
        const resolve = direction === 'ingress' && pod ? resolveOnPod(pod.ports) : this.egressResolver;
        const matches = matchProbe(rules, direction, probe, resolve);
        // Keyed by what the probe matches, not by the probe: ports the same rules cover share a table.
        const key = `${endpoint.index}|${direction}|${matchesSignature(matches)}`;
        let table = this.tableCache.get(key);
        if (!table) {
            table = buildDirectionTable({
                rules,
                direction,
                mode: this.options.enforcement,
                matches,
                peerCount: this.identities.endpoints.length,
                peerSets: (entry, requires) => this.peerSet(entry, requires),
                requires: this.requirementsOf(endpoint, direction)
            });
            this.tableCache.set(key, table);
        }
        if (slots)
            slots[slot] = table;
        return table;
    }
    /** R2.5/R4: only pods are subjects of endpointSelector and podSelector rules. */
    rulesSelecting(endpoint) {
        let selected = this.subjectRules.get(endpoint.index);
        if (!selected) {
            selected =
                endpoint.kind === 'pod'
                    ? this.rules.filter((rule) => hasBit(this.selectors.matching(rule.subject), endpoint.index))
                    : [];
            this.subjectRules.set(endpoint.index, selected);
        }
        return selected;
    }
    /** R5.6: requirements narrow endpoint-selector peers only. */
    peerSet(entry, requires) {
        let bits = this.peerCache.get(entry);
        if (!bits) {
            bits = this.selectors.peers(entry.peer);
            this.peerCache.set(entry, bits);
        }
        return entry.peer.kind === 'endpoints' ? restrictToRequirements(bits, requires) : bits;
    }
    /** R5.6: the requirements of every rule selecting the subject, per allow and deny sections. */
    requirementsOf(endpoint, direction) {
        const key = `${endpoint.index}|${direction}`;
        let cached = this.requirementCache.get(key);
        if (!cached) {
            const selected = this.rulesSelecting(endpoint);
            const gather = (section) => {
                const requires = selected.flatMap((rule) => rule.entries[section].flatMap((entry) => entry.requires));
                return requires.length > 0 ? requirementBitset(requires, this.identities.endpoints) : undefined;
            };
            cached = {
                allow: gather(direction),
                deny: gather(direction === 'ingress' ? 'ingressDeny' : 'egressDeny')
            };
            this.requirementCache.set(key, cached);
        }
        return cached;
    }
    namedPortsOf(pod) {
        let named = this.namedPortCache.get(pod);
        if (named === undefined) {
            named = pod.ports
                .filter((p) => p.name)
                .map((p) => `${p.name}=${p.protocol}/${p.port}`)
                .join(',');
            this.namedPortCache.set(pod, named);
        }
        return named;
    }
}

;// CONCATENATED MODULE: ./src/core/engine/engine.ts









function createEngine(rules, topology, options) {
    const identities = buildIdentities(topology, options);
    const { endpoints } = identities;
    const tables = new DirectionTables(rules, identities, options);
    const tableFor = tables.tableFor.bind(tables);
    /** Side verdicts per table and subject pod, one object per distinct outcome. */
    const sideInterners = new Map();
    const endpointOf = (key) => {
        const endpoint = identities.byKey.get(key);
        if (!endpoint)
            throw new Error(`flow endpoint ${key} is not part of the topology`);
        return endpoint;
    };
    const decideSide = (subject, peer, key, direction, probe, flow) => {
        if (subject.kind !== 'pod')
            return undefined; // world has no Cilium policy of its own (R3.3)
        const pod = subject.pods.length === 1 ? subject.pods[0] : subject.pods.find((p) => podKey(p) === key);
        const table = tableFor(subject, pod, direction, probe);
        const outcome = decidePeer(table, peer.index);
        let bySubject = sideInterners.get(table);
        if (!bySubject)
            sideInterners.set(table, (bySubject = new Map()));
        let interner = bySubject.get(key);
        if (!interner)
            bySubject.set(key, (interner = new SideInterner()));
        const http = flow.http ? `${flow.http.method} ${flow.http.path}` : '';
        return interner.get(outcome, http, () => toSideVerdict(direction, key, table, outcome, flow));
    };
    const decideFlow = (flow) => {
        const source = endpointOf(flow.from);
        const destination = endpointOf(flow.to);
        const probe = { protocol: flow.protocol, port: flow.port };
        const global = decideGlobally(probe, options);
        if (global)
            return finish(flow, GLOBAL_VERDICTS[global], { global });
        const egress = decideSide(source, destination, flow.from, 'egress', probe, flow);
        const ingress = decideSide(destination, source, flow.to, 'ingress', probe, flow);
        const verdict = egress?.verdict === 'deny' || ingress?.verdict === 'deny' ? 'deny' : 'allow';
        return finish(flow, verdict, { egress, ingress });
    };
    const inspectFlow = (flow) => {
        const source = endpointOf(flow.from);
        const destination = endpointOf(flow.to);
        const probe = { protocol: flow.protocol, port: flow.port };
        const sides = [
            [source, destination, flow.from, 'egress'],
            [destination, source, flow.to, 'ingress']
        ];
        return sides
            .filter(([subject]) => subject.kind === 'pod')
            .map(([subject, peer, key, direction]) => {
            const pod = subject.pods.find((p) => `${p.namespace}/${p.name}` === key);
            return {
                direction,
                subject: key,
                table: tableFor(subject, pod, direction, probe),
                peerIndex: peer.index
            };
        });
    };
    const reachableByIdentity = (probe) => {
        const global = decideGlobally(probe, options);
        if (global) {
            const word = GLOBAL_VERDICTS[global] === 'allow' ? ~0 >>> 0 : 0;
            return endpoints.filter((e) => e.kind === 'pod').map(() => createBitset(endpoints.length).fill(word));
        }
        return reachableIdentities(endpoints, (endpoint, direction) => tableFor(endpoint, endpoint.pods[0], direction, probe));
    };
    return { identities, decideFlow, inspectFlow, reachableByIdentity };
}
const GLOBAL_VERDICTS = {
    'sctp-disabled': 'deny',
    'enforcement-never': 'allow'
};
/**
 * The verdicts taken before any policy is consulted, for the per-flow and the whole-matrix
 * path alike. SCTP is opt-in in Cilium (cilium/cilium Documentation/configuration/sctp.rst,
 * `sctp.enabled`); with enable-sctp off the datapath drops every SCTP packet, so even
 * enforcement mode never cannot pass one. Enforcement mode never puts no endpoint under policy.
 */
function decideGlobally(probe, options) {
    if (probe.protocol === 'SCTP' && !options.agent.enableSctp)
        return 'sctp-disabled';
    if (options.enforcement === 'never')
        return 'enforcement-never';
    return undefined;
}
function finish(flow, verdict, parts) {
    return new DecidedFlow(flow, verdict, parts.egress, parts.ingress, parts.global);
}
/** The reason is words for reports: built on first use, since most cells are never read. */
class DecidedFlow {
    flow;
    verdict;
    egress;
    ingress;
    global;
    words;
    constructor(flow, verdict, egress, ingress, global) {
        this.flow = flow;
        this.verdict = verdict;
        this.egress = egress;
        this.ingress = ingress;
        this.global = global;
    }
    get reason() {
        return (this.words ??= describeFlowVerdict(this));
    }
}
function toSideVerdict(direction, subject, table, outcome, flow) {
    const base = {
        direction,
        subject,
        enforcedBy: uniquePolicies(table.enforcing),
        syntheticAllowBy: []
    };
    switch (outcome.decision) {
        case 'not-enforced':
            return { ...base, verdict: 'allow', decision: 'not-enforced', rules: [] };
        case 'denied':
            return { ...base, verdict: 'deny', decision: 'denied', rules: [outcome.by.ref] };
        case 'default-deny':
            return { ...base, verdict: 'deny', decision: 'default-deny', rules: [] };
        case 'allowed': {
            const syntheticAllowBy = uniquePolicies(outcome.synthetic);
            const rules = outcome.by.map((matched) => matched.entry.ref);
            if (!flow.http)
                return { ...base, syntheticAllowBy, verdict: 'allow', decision: 'allowed', rules };
            return { ...base, syntheticAllowBy, ...decideHttp(outcome, flow.http) };
        }
    }
}
function uniquePolicies(rules) {
    const seen = new Set();
    for (const rule of rules)
        seen.add(rule.policy);
    return [...seen];
}

;// CONCATENATED MODULE: ./src/core/options.ts
// The Cilium configuration a prediction assumes (docs/semantics.md §0). Every setting that
// changes a verdict or a validation outcome is here, with Cilium's default.
/** The newest minor modelled; newer versions are judged with its semantics, with a warning. */
const NEWEST_MODELLED_MINOR = 19;
/**
 * The Cilium version the Action installs, and so the version predictions assume by default: the
 * newest 1.18 patch. 1.19 is modelled too, but has no verified node-image pairing yet (README).
 */
const DEFAULT_CILIUM_VERSION = '1.18.12';
const DEFAULT_AGENT_SETTINGS = {
    enableSctp: false,
    enableIcmpRules: true,
    enableL7Proxy: true,
    enableNonDefaultDenyPolicies: true,
    enableNodeSelectorLabels: false,
    policyCidrMatchMode: '',
    enableExtendedIpProtocols: false
};
/** The agent-flag names a scenario's `agent:` block may set, mapped to our settings. */
const AGENT_FLAG_NAMES = {
    'enable-sctp': 'enableSctp',
    'enable-icmp-rules': 'enableIcmpRules',
    'enable-l7-proxy': 'enableL7Proxy',
    'enable-non-default-deny-policies': 'enableNonDefaultDenyPolicies',
    'enable-node-selector-labels': 'enableNodeSelectorLabels',
    'policy-cidr-match-mode': 'policyCidrMatchMode',
    'enable-extended-ip-protocols': 'enableExtendedIpProtocols'
};
/** Parses `1.18.12`, `v1.16`, `1.17.0-rc.1` into a minor the engine knows, or explains why not. */
/** For a version past the newest modelled minor: which semantics judge it (absent otherwise). */
function describeUnmodelledVersion(version) {
    const parsed = parseCiliumVersion(version);
    const asked = /^v?1\.(\d+)/.exec(version.trim());
    if ('error' in parsed || !asked || Number(asked[1]) === parsed.minor)
        return undefined;
    // parseCiliumVersion clamps to the newest modelled minor, so parsed.minor is that minor here.
    return (`Cilium ${version} is newer than the versions reachdiff models (1.15 to 1.${parsed.minor}); ` +
        `its policies are judged with the Cilium 1.${parsed.minor} semantics`);
}
function parseCiliumVersion(version) {
    const match = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
    if (!match)
        return { error: `"${version}" is not a Cilium version; expected e.g. 1.18.12` };
    const minor = Number(match[1]);
    if (minor < 15)
        return { error: `Cilium ${version} is older than 1.15, the oldest version reachdiff models` };
    // Newer minors are judged as the newest modelled one; the CLI and the Action warn about it.
    return { minor: Math.min(minor, NEWEST_MODELLED_MINOR) };
}
function makeEngineOptions(overrides = {}) {
    const ciliumVersion = overrides.ciliumVersion ?? DEFAULT_CILIUM_VERSION;
    const parsed = parseCiliumVersion(ciliumVersion);
    if ('error' in parsed)
        throw new Error(parsed.error);
    return {
        ciliumVersion,
        minor: parsed.minor,
        enforcement: overrides.enforcement ?? 'default',
        agent: { ...DEFAULT_AGENT_SETTINGS, ...overrides.agent },
        clusterName: overrides.clusterName ?? 'default',
        ...(overrides.limits ? { limits: overrides.limits } : {})
    };
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function js_yaml_hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && js_yaml_hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!js_yaml_hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !js_yaml_hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!js_yaml_hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function js_yaml_setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = js_yaml_setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = js_yaml_setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = js_yaml_setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = js_yaml_setBit(js_yaml_setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/core/budget.ts
const DEFAULT_WORK_LIMITS = {
    'yaml-nodes-per-document': 200_000,
    'yaml-nodes-per-file': 1_000_000,
    'yaml-nodes-total': 4_000_000,
    'input-bytes-total': 64 * 1024 * 1024,
    'policy-items': 2_000_000,
    // 1.4 M flows took ~54 s and 3.4 GB end to end; this keeps a run within ~20 s and 1.5 GiB.
    flows: 500_000
};
/** The environment variable that raises limits, for the Action (`env:`) and the CLI alike. */
const LIMITS_VARIABLE = 'REACHDIFF_LIMITS';
function workLimits(overrides) {
    return { ...DEFAULT_WORK_LIMITS, ...overrides };
}
/** How to raise a limit, for the `expected` of the diagnostic that reports it. */
function raiseHint(name, limits) {
    return `smaller input, or a higher limit: ${LIMITS_VARIABLE}="${name}=${limits[name] * 2}" in the environment`;
}
/**
 * `REACHDIFF_LIMITS="yaml-nodes-per-file=2000000,policy-items=4000000"`. Unknown names and
 * values that are not positive integers are errors, so a typo does not silently keep a limit.
 */
function parseWorkLimits(text) {
    const limits = {};
    for (const part of (text ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [name, value] = part.split('=', 2).map((p) => p.trim());
        if (!Object.hasOwn(DEFAULT_WORK_LIMITS, name))
            return {
                error: `${LIMITS_VARIABLE}: unknown limit "${name}"; known: ${Object.keys(DEFAULT_WORK_LIMITS).join(', ')}`
            };
        if (!/^[1-9][0-9]{0,9}$/.test(value ?? ''))
            return { error: `${LIMITS_VARIABLE}: ${name} must be a positive integer; got "${value ?? ''}"` };
        limits[name] = Number(value);
    }
    return { limits };
}
/**
 * List entries and mapping keys under `values`, counted up to `limit` and no further, so the
 * count itself stays cheap on an alias-expanded structure.
 */
function countItems(values, limit) {
    let count = 0;
    const stack = [...values];
    while (stack.length > 0 && count <= limit) {
        const value = stack.pop();
        if (Array.isArray(value)) {
            count += value.length;
            if (count > limit)
                break;
            for (const item of value)
                stack.push(item);
        }
        else if (typeof value === 'object' && value !== null) {
            const entries = Object.values(value);
            count += entries.length;
            if (count > limit)
                break;
            for (const item of entries)
                stack.push(item);
        }
    }
    return count;
}
/**
 * Admits loaded files one by one until their YAML nodes together pass `yaml-nodes-total`;
 * the loader stops reading files then, so thousands of files each under the per-file limit
 * cannot add up to hours of work.
 */
function createYamlTotal(overrides) {
    const limits = workLimits(overrides);
    const limit = limits['yaml-nodes-total'];
    let total = 0;
    return {
        admit(nodes) {
            total += nodes;
            return total <= limit;
        },
        refusal(file) {
            return {
                severity: 'error',
                file,
                line: 0,
                column: 0,
                path: '',
                message: `the policy files up to this one hold more than ${limit.toLocaleString('en')} YAML nodes once aliases are expanded (limit yaml-nodes-total); this file and those after it were not evaluated`,
                expected: raiseHint('yaml-nodes-total', limits)
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/core/yaml-1-1.ts

const YAML_1_1_BOOLEANS = new Map([
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true]),
    ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false])
]);
/** The boolean kubectl reads an unquoted (plain) scalar as, when YAML 1.2 reads a string. */
function yaml11Boolean(plainText) {
    return YAML_1_1_BOOLEANS.get(plainText);
}
function describeYaml11Boolean(found) {
    const quoted = `"${found.text}"`;
    return found.isKey
        ? {
            message: `the key ${found.text} is the boolean ${found.value} to kubectl (YAML 1.1), so the API server sees the key "${found.value}"`,
            expected: `the key quoted: ${quoted}`
        }
        : {
            message: `unquoted ${found.text} is the boolean ${found.value} to kubectl (YAML 1.1); the API server rejects a boolean where a string is expected`,
            expected: `${quoted} (quoted) for the string, or ${found.value} for a boolean`
        };
}
/** The diagnostics for a document that goes to kubectl (a policy, not a scenario). */
function yaml11Diagnostics(document, file, shift) {
    return document.yaml11Booleans.map((found) => ({
        severity: 'error',
        file,
        ...shift({ line: found.line, column: found.column }),
        path: formatPath(found.path),
        value: found.text,
        ...describeYaml11Boolean(found)
    }));
}

;// CONCATENATED MODULE: ./src/core/yaml-source.ts
// YAML documents together with where each value came from, so that every diagnostic can
// name file, line and column. Built on js-yaml's event stream: the events carry source
// offsets, and the same events construct the values.



const DEFAULT_YAML_LIMITS = yamlLimitsFor(undefined);
function yamlLimitsFor(overrides) {
    const limits = workLimits(overrides);
    return {
        maxExpandedNodes: limits['yaml-nodes-per-document'],
        maxExpandedNodesPerFile: limits['yaml-nodes-per-file'],
        maxDepth: 64
    };
}
function overLimit(name, message, limits) {
    const current = workLimits({
        'yaml-nodes-per-document': limits.maxExpandedNodes,
        'yaml-nodes-per-file': limits.maxExpandedNodesPerFile
    });
    return {
        message: `${message} (limit ${name}); it was not evaluated`,
        expected: `a document without alias bombs (repeated nested anchors); ${raiseHint(name, current)}`
    };
}
/** go-yaml v2 resolves `<<` as a merge key; js-yaml's core schema needs the tag added. */
const KUBECTL_SCHEMA = CORE_SCHEMA.withTags(mergeTag);
/** Enough to show the pattern; a file of thousands is reported by its first ones. */
const MAX_YAML11_FINDINGS = 20;
function formatPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else
            out += out === '' ? part : `.${part}`;
    }
    return out;
}
function parseYamlDocuments(text, file, limits = DEFAULT_YAML_LIMITS) {
    return parseCounted(text, file, limits);
}
function parseCounted(text, file, limits) {
    const lineStarts = computeLineStarts(text);
    const toPosition = (offset) => positionOf(lineStarts, offset);
    let events;
    try {
        events = parseEvents(text, { filename: file, maxDepth: limits.maxDepth });
    }
    catch (error) {
        // One broken document should not hide the others: parse each `---` section on its own.
        const sections = splitSections(text);
        if (sections.length < 2) {
            return { documents: [], diagnostics: [yamlErrorDiagnostic(error, file, 'YAML syntax error')], nodes: 0 };
        }
        return parseSections(sections, file, limits);
    }
    const documents = [];
    const diagnostics = [];
    let fileNodes = 0;
    for (const [index, slice] of splitDocuments(events).entries()) {
        const built = buildPositions(slice, text);
        const root = built.root;
        const rootPosition = toPosition(root?.offset ?? 0);
        if (built.expandedNodes > limits.maxExpandedNodes) {
            diagnostics.push({
                severity: 'error',
                file,
                ...rootPosition,
                path: '',
                ...overLimit('yaml-nodes-per-document', `document ${index + 1} expands to more than ${limits.maxExpandedNodes} nodes through aliases`, limits)
            });
            continue;
        }
        fileNodes = saturatingAdd(fileNodes, built.expandedNodes);
        if (fileNodes > limits.maxExpandedNodesPerFile) {
            diagnostics.push({
                severity: 'error',
                file,
                ...rootPosition,
                path: '',
                ...overLimit('yaml-nodes-per-file', `documents 1–${index + 1} expand to more than ${limits.maxExpandedNodesPerFile} nodes through aliases; document ${index + 1} and those after it were not read`, limits)
            });
            break;
        }
        let value;
        try {
            // `<<` merge keys, as kubectl's YAML 1.1 reader (go-yaml v2) accepts them.
            value = constructFromEvents(slice, {
                source: text,
                filename: file,
                maxAliases: -1,
                schema: KUBECTL_SCHEMA
            })[0];
        }
        catch (error) {
            diagnostics.push(yamlErrorDiagnostic(error, file, 'YAML error'));
            continue;
        }
        documents.push({
            index,
            value,
            position: rootPosition,
            locate: (path) => toPosition(locateOffset(root, path)),
            yaml11Booleans: built.yaml11.map((found) => ({ ...found, ...toPosition(found.offset) }))
        });
    }
    return { documents, diagnostics, nodes: fileNodes };
}
/** The file cut at document markers (`---` at the start of a line), with each piece's first line. */
function splitSections(text) {
    const lines = text.split('\n');
    const sections = [];
    let start = 0;
    for (let i = 1; i <= lines.length; i++) {
        if (i === lines.length || /^---(\s|$)/.test(lines[i])) {
            sections.push({ text: lines.slice(start, i).join('\n'), firstLine: start });
            start = i;
        }
    }
    return sections;
}
function parseSections(sections, file, limits) {
    const documents = [];
    const diagnostics = [];
    let nodes = 0;
    for (const section of sections) {
        const shift = (p) => ({ line: p.line + section.firstLine, column: p.column });
        // The per-file limit holds for the sections together: a syntax error must not reset it.
        const remaining = {
            ...limits,
            maxExpandedNodesPerFile: Math.max(0, limits.maxExpandedNodesPerFile - nodes)
        };
        const parsed = parseCounted(section.text, file, remaining);
        nodes += parsed.nodes;
        for (const d of parsed.diagnostics)
            diagnostics.push(d.line > 0 ? { ...d, ...shift(d) } : d);
        for (const document of parsed.documents) {
            documents.push({
                index: documents.length,
                value: document.value,
                position: shift(document.position),
                locate: (path) => shift(document.locate(path)),
                yaml11Booleans: document.yaml11Booleans.map((found) => ({ ...found, ...shift(found) }))
            });
        }
    }
    return { documents, diagnostics, nodes };
}
function yamlErrorDiagnostic(error, file, prefix) {
    if (error instanceof YAMLException) {
        return {
            severity: 'error',
            file,
            line: (error.mark?.line ?? 0) + 1,
            column: (error.mark?.column ?? 0) + 1,
            path: '',
            message: `${prefix}: ${error.reason}`
        };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { severity: 'error', file, line: 0, column: 0, path: '', message: `${prefix}: ${message}` };
}
/** Each document's events, from its DOCUMENT event to the POP that closes it. */
function splitDocuments(events) {
    const documents = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < events.length; i++) {
        const type = events[i].type;
        if (type === EVENT_ID.DOCUMENT || type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) {
            if (depth === 0)
                start = i;
            depth++;
        }
        else if (type === EVENT_ID.POP) {
            depth--;
            if (depth === 0)
                documents.push(events.slice(start, i + 1));
        }
    }
    return documents;
}
/**
 * Walks one document's events into a tree of offsets keyed like the value, and counts how
 * many nodes the document has once every alias is expanded (an alias bomb is small as text
 * but huge as a value, and every later walk over it would be too).
 */
function buildPositions(events, text) {
    const yaml11 = [];
    const anchorSizes = new Map();
    let cursor = 1; // skip the DOCUMENT event
    const anchorName = (start, end) => text.slice(start, end);
    function readNode(path, isKey = false) {
        const event = events[cursor++];
        switch (event.type) {
            case EVENT_ID.SCALAR: {
                const node = { offset: event.valueStart };
                if (event.anchorStart >= 0)
                    anchorSizes.set(anchorName(event.anchorStart, event.anchorEnd), 1);
                const value = getScalarValue(text, event);
                const asBoolean = event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0 ? yaml11Boolean(value) : undefined;
                if (asBoolean !== undefined && yaml11.length < MAX_YAML11_FINDINGS)
                    yaml11.push({ offset: event.valueStart, path, text: value, value: asBoolean, isKey });
                return { node, size: 1, key: value };
            }
            case EVENT_ID.ALIAS: {
                const size = anchorSizes.get(anchorName(event.anchorStart, event.anchorEnd)) ?? 1;
                return { node: { offset: event.anchorStart }, size };
            }
            case EVENT_ID.MAPPING:
            case EVENT_ID.SEQUENCE: {
                const isMapping = event.type === EVENT_ID.MAPPING;
                const children = new Map();
                let size = 1;
                let index = 0;
                while (events[cursor].type !== EVENT_ID.POP) {
                    if (isMapping) {
                        const key = readNode(path, true);
                        const value = readNode(key.key === undefined ? path : [...path, key.key]);
                        size = saturatingAdd(size, key.size + value.size);
                        // Keys are indexed by their text; a value points at its key when it is itself empty.
                        if (key.key !== undefined)
                            children.set(key.key, value.node.offset >= 0 ? value.node : key.node);
                    }
                    else {
                        const item = readNode([...path, index]);
                        size = saturatingAdd(size, item.size);
                        children.set(index++, item.node);
                    }
                }
                cursor++; // POP
                if (event.anchorStart >= 0)
                    anchorSizes.set(anchorName(event.anchorStart, event.anchorEnd), size);
                return { node: { offset: event.start, children }, size };
            }
            default:
                return { node: { offset: 0 }, size: 0 };
        }
    }
    if (events.length < 3)
        return { expandedNodes: 0, yaml11 };
    const { node, size } = readNode([]);
    return { root: node, expandedNodes: size, yaml11 };
}
function saturatingAdd(a, b) {
    return Math.min(a + b, Number.MAX_SAFE_INTEGER);
}
function locateOffset(root, path) {
    let node = root;
    let offset = root?.offset ?? 0;
    for (const part of path) {
        const child = node?.children?.get(part);
        if (!child)
            break;
        node = child;
        offset = child.offset;
    }
    return offset;
}
function computeLineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            starts.push(i + 1);
    return starts;
}
function positionOf(lineStarts, offset) {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid] <= offset)
            low = mid;
        else
            high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

;// CONCATENATED MODULE: ./src/core/policy/validate/context.ts


const LAYER_NOTE = {
    api: 'the API server rejects the object',
    agent: 'Cilium refuses the whole policy'
};
function report(ctx, severity, path, message, problem = {}) {
    const full = [...ctx.base, ...path];
    const position = ctx.locate(full);
    const diagnostic = {
        severity,
        file: ctx.file,
        line: position.line,
        column: position.column,
        path: formatPath(full),
        message
    };
    if (Object.hasOwn(problem, 'value'))
        diagnostic.value = formatValue(problem.value);
    if (problem.expected)
        diagnostic.expected = problem.expected;
    if (ctx.object)
        diagnostic.object = ctx.object;
    ctx.diagnostics.push(diagnostic);
    if (severity === 'error')
        ctx.errors++;
}
/** An error the API server raises (schema, Kubernetes validation): the object is never stored. */
function apiError(ctx, path, message, problem) {
    report(ctx, 'error', path, `${message} (${LAYER_NOTE.api})`, problem);
}
/** An error the Cilium agent raises (Sanitize, decoding): the object is stored but refused. */
function agentError(ctx, path, message, problem) {
    report(ctx, 'error', path, `${message} (${LAYER_NOTE.agent})`, problem);
}
function layerError(ctx, layer, path, message, problem) {
    if (layer === 'api')
        apiError(ctx, path, message, problem);
    else
        agentError(ctx, path, message, problem);
}
/** JSON-ish text of a value, at most `max` characters; never walks more of the value than it prints. */
function formatValue(value, max = 80) {
    const out = { text: '' };
    writeValue(value, out, max + 1);
    return out.text.length > max ? `${out.text.slice(0, max - 1)}…` : out.text;
}
function writeValue(value, out, limit) {
    if (out.text.length > limit)
        return;
    if (typeof value === 'string') {
        out.text += JSON.stringify(value.length > limit ? value.slice(0, limit) : value);
    }
    else if (value === null || value === undefined) {
        out.text += 'null';
    }
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        out.text += String(value);
    }
    else if (Array.isArray(value)) {
        out.text += '[';
        for (let i = 0; i < value.length && out.text.length <= limit; i++) {
            if (i > 0)
                out.text += ',';
            writeValue(value[i], out, limit);
        }
        out.text += ']';
    }
    else if (isRecord(value)) {
        out.text += '{';
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length && out.text.length <= limit; i++) {
            if (i > 0)
                out.text += ',';
            out.text += `${JSON.stringify(keys[i].slice(0, limit))}:`;
            writeValue(value[keys[i]], out, limit);
        }
        out.text += '}';
    }
    else {
        out.text += typeof value;
    }
}
/** Re-exported so the readers here keep one import; defined in core/records.ts. */

/** The own property `key` of `value`, or undefined. */
function field(value, key) {
    return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
/** Present as Kubernetes sees it: an own key whose value is not null (nulls are dropped). */
function isPresent(value, key) {
    const found = field(value, key);
    return found !== undefined && found !== null;
}
function listField(value, key) {
    const found = field(value, key);
    return Array.isArray(found) ? found : [];
}
/** Go's `len()` of a list field: 0 when absent or not a list. */
function countOf(value, key) {
    return listField(value, key).length;
}
function stringField(value, key) {
    const found = field(value, key);
    return typeof found === 'string' ? found : undefined;
}
/** `key` joined to a path. */
function at(path, ...more) {
    return [...path, ...more];
}

;// CONCATENATED MODULE: ./src/core/policy/validate/cilium-l7.ts
// Cilium-layer checks of a `rules` object (L7Rules.sanitize, R9.4, R9.5): one L7 kind, DNS
// needs ports, HTTP regexes compile under RE2, Kafka sanity, `l7` needs `l7proto`. Only called
// for non-empty rules, as the agent only sanitizes those.


const KAFKA_API_KEYS = new Set([
    'produce',
    'fetch',
    'offsets',
    'metadata',
    'leaderandisr',
    'stopreplica',
    'updatemetadata',
    'controlledshutdown',
    'offsetcommit',
    'offsetfetch',
    'findcoordinator',
    'joingroup',
    'heartbeat',
    'leavegroup',
    'syncgroup',
    'describegroups',
    'listgroups',
    'saslhandshake',
    'apiversions',
    'createtopics',
    'deletetopics',
    'deleterecords',
    'initproducerid',
    'offsetforleaderepoch',
    'addpartitionstotxn',
    'addoffsetstotxn',
    'endtxn',
    'writetxnmarkers',
    'txnoffsetcommit',
    'describeacls',
    'createacls',
    'deleteacls',
    'describeconfigs',
    'alterconfigs'
]);
const L7_KINDS = ['http', 'kafka', 'dns', 'l7proto'];
function checkL7Rules(ctx, rules, path, portCount) {
    const kinds = L7_KINDS.filter((kind) => isPresent(rules, kind));
    // From 1.16 the CRD `oneOf` rejects this first (the schema walk reports it).
    if (kinds.length > 1 && ctx.options.minor < 16) {
        agentError(ctx, path, `multiple L7 rule kinds in one rules object: ${kinds.join(', ')} (R9.5)`, {
            expected: 'one of http, kafka, dns, l7proto per toPorts entry'
        });
    }
    if (isPresent(rules, 'dns') && portCount === 0) {
        agentError(ctx, at(path, 'dns'), 'DNS rules need an explicit port list (R9.4)', {
            expected: 'ports: [{port: "53", protocol: ANY}]'
        });
    }
    listField(rules, 'http').forEach((rule, index) => checkHttpRule(ctx, rule, at(path, 'http', index)));
    listField(rules, 'kafka').forEach((rule, index) => checkKafkaRule(ctx, rule, at(path, 'kafka', index)));
    if (isPresent(rules, 'l7') && !stringField(rules, 'l7proto')) {
        agentError(ctx, at(path, 'l7'), "'l7' may only be used together with 'l7proto'", {
            expected: 'an l7proto parser name'
        });
    }
}
function checkHttpRule(ctx, rule, path) {
    for (const key of ['path', 'method']) {
        const pattern = stringField(rule, key);
        const problem = pattern ? re2Problem(pattern) : undefined;
        if (problem) {
            agentError(ctx, at(path, key), `${key} is not a valid regular expression: ${problem} (R9.2)`, {
                value: pattern,
                expected: 'an RE2 regular expression matched against the whole value, e.g. "/api/v1/.*"'
            });
        }
    }
    // From 1.16 the CRD's minLength rejects an empty header name first.
    if (ctx.options.minor >= 16)
        return;
    listField(rule, 'headerMatches').forEach((match, index) => {
        if (field(match, 'name') === '') {
            agentError(ctx, at(path, 'headerMatches', index, 'name'), 'header name missing', {
                expected: 'a header name'
            });
        }
    });
}
// cilium/proxy kafka PortRule.Sanitize; `role` itself is a CRD enum (schema walk).
function checkKafkaRule(ctx, rule, path) {
    const apiKey = stringField(rule, 'apiKey');
    if (apiKey && stringField(rule, 'role')) {
        agentError(ctx, at(path, 'apiKey'), 'role and apiKey cannot be set together', {
            expected: 'either role or apiKey'
        });
    }
    else if (apiKey && !KAFKA_API_KEYS.has(apiKey.toLowerCase())) {
        agentError(ctx, at(path, 'apiKey'), `"${apiKey.slice(0, 80)}" is not a Kafka API key`, {
            value: apiKey,
            expected: 'a Kafka API key name such as produce, fetch, metadata'
        });
    }
    const apiVersion = stringField(rule, 'apiVersion');
    if (apiVersion && !(/^[0-9]{1,5}$/.test(apiVersion) && Number(apiVersion) <= 32767)) {
        agentError(ctx, at(path, 'apiVersion'), `Kafka apiVersion "${apiVersion.slice(0, 80)}" is not a number 0–32767`, {
            value: apiVersion,
            expected: 'a quoted integer from 0 to 32767'
        });
    }
    const topic = stringField(rule, 'topic');
    if (topic && topic.length <= 255 && !/^[a-zA-Z0-9._-]+$/.test(topic)) {
        agentError(ctx, at(path, 'topic'), `Kafka topic "${topic}" has characters a topic cannot hold`, {
            value: topic,
            expected: 'letters, digits, ".", "_" and "-"'
        });
    }
}

;// CONCATENATED MODULE: ./src/core/policy/validate/net.ts
// Syntax of the network values policies carry: IP prefixes, ports and port names, ICMP types,
// DNS names. Each parser follows the Go function the cluster uses (netip.ParsePrefix,
// strconv.ParseUint, iana.IsSvcName) so that a value is refused here exactly when it is there.
// Every check runs in linear time: user strings can be megabytes long.
const DECIMAL_OCTET = /^(0|[1-9][0-9]{0,2})$/;
/** Go `netip.ParseAddr` without zones: IPv4 dotted quad (no leading zeros) or IPv6. */
function parseIp(text) {
    if (text.length > 64)
        return undefined;
    if (text.includes(':'))
        return parseIpv6(text);
    const value = parseIpv4(text);
    return value === undefined ? undefined : { family: 4, value };
}
function parseIpv4(text) {
    const parts = text.split('.');
    if (parts.length !== 4)
        return undefined;
    let value = 0n;
    for (const part of parts) {
        if (!DECIMAL_OCTET.test(part) || Number(part) > 255)
            return undefined;
        value = (value << 8n) | BigInt(part);
    }
    return value;
}
function parseIpv6(text) {
    const halves = text.split('::');
    if (halves.length > 2)
        return undefined;
    const head = parseGroups(halves[0]);
    const tail = halves.length === 2 ? parseGroups(halves[1]) : [];
    if (!head || !tail)
        return undefined;
    const total = head.length + tail.length;
    if (halves.length === 2 ? total > 7 : total !== 8)
        return undefined;
    const groups = [...head, ...new Array(8 - total).fill(0), ...tail];
    let value = 0n;
    for (const group of groups)
        value = (value << 16n) | BigInt(group);
    return { family: 6, value };
}
/** Colon-separated hex groups; a trailing dotted quad counts as two groups. */
function parseGroups(text) {
    if (text === '')
        return [];
    const parts = text.split(':');
    const groups = [];
    for (const [index, part] of parts.entries()) {
        if (index === parts.length - 1 && part.includes('.')) {
            const v4 = parseIpv4(part);
            if (v4 === undefined)
                return undefined;
            groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
        }
        else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
            groups.push(parseInt(part, 16));
        }
        else {
            return undefined;
        }
    }
    return groups;
}
/** Go `netip.ParsePrefix`: `address/bits`, bits in range for the family; host bits may be set. */
function parsePrefix(text) {
    const slash = text.lastIndexOf('/');
    if (slash < 0)
        return undefined;
    const address = parseIp(text.slice(0, slash));
    const bitsText = text.slice(slash + 1);
    if (!address || !/^(0|[1-9][0-9]{0,2})$/.test(bitsText))
        return undefined;
    const bits = Number(bitsText);
    if (bits > (address.family === 4 ? 32 : 128))
        return undefined;
    return { ...address, bits };
}
/** Whether `address` lies inside `prefix` (never across families, as in Go's netip). */
function prefixContains(prefix, address) {
    if (prefix.family !== address.family)
        return false;
    const shift = BigInt((prefix.family === 4 ? 32 : 128) - prefix.bits);
    return prefix.value >> shift === address.value >> shift;
}
/**
 * The CRD's half-anchored PORT_PATTERN (`ports[].port` in `ciliumnetworkpolicies.yaml`): a value
 * passes when it starts with a digit, or when it ends in `[a-zA-Z](-?[a-zA-Z0-9])*`. Written as a scan because the
 * regex backtracks badly on long input.
 */
function matchesPortPattern(port) {
    if (/^[0-9]/.test(port))
        return true;
    let tailStartsAlnum = false;
    let previousDash = false;
    for (let j = port.length; j > 0; j--) {
        const c = port[j - 1];
        if (/[a-zA-Z]/.test(c))
            return true;
        if (/[0-9]/.test(c)) {
            tailStartsAlnum = true;
            previousDash = false;
        }
        else if (c === '-' && tailStartsAlnum && !previousDash) {
            tailStartsAlnum = false;
            previousDash = true;
        }
        else {
            return false;
        }
    }
    return false;
}
/** Cilium `iana.IsSvcName` (R8.6): 1–15 characters, letters, digits and single inner dashes, one letter at least. */
function isIanaServiceName(name) {
    return (name.length >= 1 &&
        name.length <= 15 &&
        /^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$/.test(name) &&
        /[a-zA-Z]/.test(name));
}
/** Kubernetes `IsValidPortName`: as an IANA name, but lower case only. */
function isKubernetesPortName(name) {
    return isIanaServiceName(name) && name === name.toLowerCase();
}
/**
 * Go `strconv.ParseUint(port, 0, 16)`: base prefixes (`0x`, `0o`, `0b`, a bare leading `0` for
 * octal, so `080` fails) and `_` between digits. Undefined when Go would return an error.
 */
function parseGoPortNumber(text) {
    if (text.length === 0)
        return undefined;
    let base = 10;
    let digits = text;
    if (text.length > 1 && text[0] === '0') {
        const marker = text[1].toLowerCase();
        const prefixed = marker === 'x' || marker === 'o' || marker === 'b';
        base = marker === 'x' ? 16 : marker === 'b' ? 2 : 8;
        digits = text.slice(prefixed ? 2 : 1);
    }
    if (digits.includes('_')) {
        if (!isGoUnderscoreOk(text))
            return undefined;
        digits = digits.replaceAll('_', '');
    }
    if (digits === '')
        return undefined;
    let value = 0;
    for (const c of digits.toLowerCase()) {
        const digit = parseInt(c, 36);
        if (Number.isNaN(digit) || digit >= base)
            return undefined;
        value = value * base + digit;
        if (value > 65535)
            return undefined;
    }
    return value;
}
/** Go's `underscoreOK`: underscores only between digits or right after a base prefix. */
function isGoUnderscoreOk(text) {
    let saw = '^';
    let i = 0;
    const marker = text.length >= 2 && text[0] === '0' ? text[1].toLowerCase() : '';
    const hex = marker === 'x';
    if (marker === 'x' || marker === 'o' || marker === 'b') {
        i = 2;
        saw = '0';
    }
    for (; i < text.length; i++) {
        const c = text[i].toLowerCase();
        if ((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f')) {
            saw = '0';
        }
        else if (c === '_') {
            if (saw !== '0')
                return false;
            saw = '_';
        }
        else {
            if (saw === '_')
                return false;
            saw = '!';
        }
    }
    return saw !== '_';
}
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** RFC 1123 subdomain, as Kubernetes checks object names and label-key prefixes. */
function isDnsSubdomain(name) {
    return name.length >= 1 && name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label));
}
/** RFC 1123 label, as Kubernetes checks namespace names. */
function isDnsLabel(name) {
    return name.length >= 1 && name.length <= 63 && DNS_LABEL.test(name);
}
// The CRD's `matchName`/`matchPattern` patterns (DNS rules, `toFQDNs`): `^([-a-zA-Z0-9_]+[.]?)+$`
// and the same with `*`, rewritten without nested quantifiers (same language: no leading dot, no
// double dot).
const MATCH_NAME = /^[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$/;
const MATCH_PATTERN = /^[-a-zA-Z0-9_*]+(\.[-a-zA-Z0-9_*]+)*\.?$/;
// The CRD's `serverNames` items (1.18+): `^(\*?\*\.)?([-a-zA-Z0-9_]+\.?)+$`, rewritten the same way.
const SERVER_NAME = /^(\*?\*\.)?[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$/;
function isFqdnMatchName(text) {
    return text.length <= 255 && MATCH_NAME.test(text);
}
function isFqdnMatchPattern(text) {
    return text.length <= 255 && MATCH_PATTERN.test(text);
}
function isServerName(text) {
    return text.length <= 255 && SERVER_NAME.test(text);
}

;// CONCATENATED MODULE: ./src/core/policy/validate/cilium-ports.ts



const MAX_PORTS = 40;
/** Whether a `rules` object holds any L7 rule (Go `L7Rules.IsEmpty` negated). */
function hasL7Rules(rules) {
    if (!isRecord(rules))
        return false;
    const l7proto = stringField(rules, 'l7proto');
    return countOf(rules, 'http') + countOf(rules, 'kafka') + countOf(rules, 'dns') > 0 || !!l7proto;
}
function checkPortRule(ctx, rule, path, scope) {
    if (!isRecord(rule))
        return;
    const ports = listField(rule, 'ports');
    // The CRD caps allow-rule ports at 40 from 1.16; the agent caps every list in all versions.
    if (ports.length > MAX_PORTS && (scope.deny || ctx.options.minor < 16)) {
        agentError(ctx, at(path, 'ports'), `too many ports (${ports.length}), the max is ${MAX_PORTS}`, {
            expected: `at most ${MAX_PORTS} ports per toPorts entry; add another entry`
        });
    }
    const rules = field(rule, 'rules');
    const hasDns = countOf(rules, 'dns') > 0;
    if (!scope.deny && scope.ingress && hasDns) {
        agentError(ctx, at(path, 'rules', 'dns'), 'DNS rules are not allowed on ingress (R9.4)', {
            expected: 'DNS rules in an egress rule, on the port of the DNS server'
        });
    }
    let hasZeroPort = false;
    ports.forEach((port, index) => {
        hasZeroPort = checkPortProtocol(ctx, port, at(path, 'ports', index), hasDns) || hasZeroPort;
    });
    if (scope.deny)
        return;
    checkTlsAndListener(ctx, rule, path, scope);
    if (!hasL7Rules(rules))
        return;
    if (!hasDns)
        checkL7Protocols(ctx, ports, path);
    if (hasZeroPort) {
        agentError(ctx, at(path, 'ports'), 'L7 rules cannot be used when a port is "0" (R9.5)', {
            expected: 'the explicit port the L7 traffic uses, e.g. "80"'
        });
    }
    checkL7Rules(ctx, rules, at(path, 'rules'), ports.length);
}
/** Returns whether the port is the wildcard port 0. */
function checkPortProtocol(ctx, entry, path, hasDns) {
    const port = field(entry, 'port');
    if (ctx.options.minor >= 19 && !checkPortless(ctx, entry, port, path))
        return false;
    // A non-string or a value outside PORT_PATTERN was already reported by the schema walk.
    if (typeof port !== 'string' || !matchesPortPattern(port))
        return false;
    const endPort = field(entry, 'endPort');
    if (isIanaServiceName(port)) {
        if (typeof endPort === 'number' && endPort !== 0) {
            report(ctx, 'warning', at(path, 'endPort'), `endPort is ignored for the named port "${port}" (R8.2)`, {
                value: endPort,
                expected: 'a numeric port for a range'
            });
        }
        return false;
    }
    const number = parseGoPortNumber(port);
    if (number === undefined) {
        agentError(ctx, at(path, 'port'), `port "${port.slice(0, 80)}" is neither a number from 0 to 65535 nor a valid port name (R8.6)`, {
            value: port,
            expected: 'a decimal number 0–65535 without leading zeros, or a name of 1–15 letters, digits and single inner "-" with at least one letter'
        });
        return false;
    }
    checkEndPort(ctx, endPort, number, path, hasDns);
    return number === 0;
}
/**
 * 1.19's agent checks for the optional `port` (cilium/cilium v1.19
 * `pkg/policy/api/rule_validation.go`, PortProtocol.Validate): an entry without a port needs
 * `enable-extended-ip-protocols`, and VRRP or IGMP take no port number but 0. Returns whether the
 * entry may be checked further.
 */
function checkPortless(ctx, entry, port, path) {
    if (port === undefined || port === null || port === '') {
        if (!ctx.options.agent.enableExtendedIpProtocols) {
            agentError(ctx, path, 'port must be specified unless enable-extended-ip-protocols is set', {
                expected: 'a port such as "80", or "0" for every port'
            });
        }
        return false;
    }
    const protocol = field(entry, 'protocol');
    // Upstream tests names first, so a port name slips through for VRRP and IGMP too.
    const portless = protocol === 'VRRP' || protocol === 'IGMP';
    if (!portless || typeof port !== 'string' || isIanaServiceName(port) || port === '0')
        return true;
    agentError(ctx, at(path, 'port'), `port must be empty or 0 for ${protocol}, which has no ports`, {
        value: port,
        expected: 'no port, or "0"'
    });
    return false;
}
// R8.2: endPort below port is one port, not an error; R9.4: DNS rules take no ranges.
function checkEndPort(ctx, endPort, port, path, hasDns) {
    if (typeof endPort !== 'number' || !Number.isInteger(endPort) || endPort < 0 || endPort > 65535)
        return;
    if (hasDns && endPort > port) {
        agentError(ctx, at(path, 'endPort'), 'DNS rules do not support port ranges (R9.4)', {
            value: endPort,
            expected: 'no endPort on the DNS port'
        });
    }
    else if (endPort !== 0 && endPort < port) {
        report(ctx, 'warning', at(path, 'endPort'), `endPort below port: treated as the single port ${port} (R8.2)`, {
            value: endPort,
            expected: `an endPort of at least ${port} for a range`
        });
    }
}
// R9.5: HTTP, Kafka and l7proto rules need `protocol: TCP` written out; omitted means ANY.
function checkL7Protocols(ctx, ports, path) {
    ports.forEach((entry, index) => {
        const protocol = field(entry, 'protocol');
        if (protocol === 'TCP' || (protocol !== undefined && protocol !== null && typeof protocol !== 'string'))
            return;
        const shown = typeof protocol === 'string' ? protocol : 'ANY (protocol left out)';
        const written = typeof protocol === 'string';
        const where = written ? at(path, 'ports', index, 'protocol') : at(path, 'ports', index);
        agentError(ctx, where, `L7 rules can only apply to TCP, not ${shown} (R9.5)`, {
            ...(written ? { value: protocol } : {}),
            expected: 'protocol: TCP, written explicitly'
        });
    });
}
function checkTlsAndListener(ctx, rule, path, scope) {
    const serverNames = listField(rule, 'serverNames');
    if (serverNames.length > 0 && hasL7Rules(field(rule, 'rules')) && !isPresent(rule, 'terminatingTLS')) {
        agentError(ctx, at(path, 'serverNames'), 'serverNames with L7 rules need terminatingTLS', {
            expected: 'a terminatingTLS secret, or no L7 rules'
        });
    }
    serverNames.forEach((name, index) => {
        if (name === '')
            agentError(ctx, at(path, 'serverNames', index), 'an empty server name is not allowed', { value: name });
    });
    if (!isPresent(rule, 'listener'))
        return;
    if (scope.ingress) {
        agentError(ctx, at(path, 'listener'), 'a listener is not allowed on ingress', {
            expected: 'listener in an egress rule'
        });
    }
    else if (hasL7Rules(field(rule, 'rules'))) {
        agentError(ctx, at(path, 'listener'), 'a listener cannot be combined with L7 rules', {
            expected: 'either listener or rules'
        });
    }
}
/** CIDRRule.sanitize (R7.2): `cidr` must be a prefix, and every `except` inside it, same family. */
function checkCidrRule(ctx, rule, path) {
    const cidr = stringField(rule, 'cidr');
    if (cidr === undefined || cidr === '')
        return;
    const prefix = parsePrefix(cidr);
    if (!prefix) {
        // Only a bare address gets past the schema (1.15's regex); anything else was reported there.
        if (parseIp(cidr)) {
            agentError(ctx, at(path, 'cidr'), `cidr "${cidr}" is an address, not a prefix`, {
                value: cidr,
                expected: `a prefix such as ${cidr}/${cidr.includes(':') ? 128 : 32}`
            });
        }
        return;
    }
    listField(rule, 'except').forEach((text, index) => {
        const except = typeof text === 'string' ? parsePrefix(text) : undefined;
        if (typeof text !== 'string' ||
            !except ||
            (except.family === prefix.family && except.bits >= prefix.bits && prefixContains(prefix, except)))
            return;
        const why = except.family !== prefix.family ? 'is of the other address family' : 'does not lie inside it';
        agentError(ctx, at(path, 'except', index), `except ${text} ${why} (cidr ${cidr}) (R7.2)`, {
            value: text,
            expected: `a prefix inside ${cidr}`
        });
    });
}
/** FQDNSelector.sanitize: before the 1.16 CRD `oneOf`, only the agent refused both names. */
function checkFqdnSelector(ctx, selector, path) {
    if (ctx.options.minor >= 16)
        return;
    if (isPresent(selector, 'matchName') && isPresent(selector, 'matchPattern')) {
        agentError(ctx, at(path, 'matchPattern'), 'only one of matchName or matchPattern is allowed', {
            expected: 'two separate entries'
        });
    }
}

;// CONCATENATED MODULE: ./src/core/policy/validate/schema-build.ts

const string = { type: 'string' };
const any = { type: 'any' };
const bool = { type: 'boolean' };
const stringMap = { type: 'stringMap' };
function listOf(items, limits = {}) {
    return { type: 'array', items, ...limits };
}
function byMinor(pick) {
    return { type: 'byMinor', pick };
}
/** A field that first exists in Cilium 1.`minor`. */
function since(minor, schema) {
    return { schema, since: minor };
}
/** A field whose CRD allows no entries from Cilium 1.`minor` (`maxItems: 0`); `instead` says what to write. */
function emptiedIn(minor, instead, schema) {
    return { schema, emptiedIn: { minor, instead } };
}
function object(fields, extra = {}) {
    const specs = {};
    for (const [key, spec] of Object.entries(fields))
        specs[key] = 'schema' in spec ? spec : { schema: spec };
    return { type: 'object', fields: specs, ...extra };
}
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
/** A Kubernetes LabelSelector: every CNP selector, and KNP pod and namespace selectors. */
const LABEL_SELECTOR = object({
    matchLabels: stringMap,
    matchExpressions: listOf(object({ key: string, operator: { type: 'string', enum: SELECTOR_OPERATORS }, values: listOf(string) }, { required: ['key', 'operator'] }))
});
/** `format: cidr` (Go net.ParseCIDR): an address with a prefix length. */
const CIDR_PREFIX_CHECK = {
    test: (value) => parsePrefix(value) !== undefined,
    message: 'is not a CIDR prefix',
    expected: 'an address with a prefix length, such as 10.0.0.0/8 or 2001:db8::/32'
};

;// CONCATENATED MODULE: ./src/core/policy/validate/icmp.ts
// ICMP rules (`icmps`) in one place: their shape, the CRD schema, the agent's checks and the
// type names (Cilium pkg/policy/api/icmp.go). Two name lists matter and they differ: the CRD
// pattern the API server applies to strings (1.16+), and the Go tables the agent decodes a name
// with for its family. A name must pass both. normalize/normalize-ports.ts is the one other place ICMP
// appears in the policy code.


const MAX_ICMP_FIELDS = 40;
// The names in the CRD's ICMP type pattern (`ciliumnetworkpolicies.yaml`): it lacks
// `ExtendedEchoReply` and carries the misspelled `ExtendedEcho Reply`, which the Go decoder
// (the name tables of `pkg/policy/api/icmp.go`) then rejects.
const PATTERN_NAMES = new Set([
    'EchoReply',
    'DestinationUnreachable',
    'Redirect',
    'Echo',
    'RouterAdvertisement',
    'RouterSelection',
    'TimeExceeded',
    'ParameterProblem',
    'Timestamp',
    'TimestampReply',
    'Photuris',
    'ExtendedEchoRequest',
    'ExtendedEcho Reply',
    'PacketTooBig',
    'EchoRequest',
    'MulticastListenerQuery',
    'MulticastListenerReport',
    'MulticastListenerDone',
    'RouterSolicitation',
    'NeighborSolicitation',
    'NeighborAdvertisement',
    'RedirectMessage',
    'RouterRenumbering',
    'ICMPNodeInformationQuery',
    'ICMPNodeInformationResponse',
    'InverseNeighborDiscoverySolicitation',
    'InverseNeighborDiscoveryAdvertisement',
    'HomeAgentAddressDiscoveryRequest',
    'HomeAgentAddressDiscoveryReply',
    'MobilePrefixSolicitation',
    'MobilePrefixAdvertisement',
    'DuplicateAddressRequestCodeSuffix',
    'DuplicateAddressConfirmationCodeSuffix'
]);
const ICMP_NUMBER = /^(0|[1-9][0-9]{0,2})$/;
/** ICMP_TYPE_PATTERN (1.16+): a number 0–255 without leading zeros, or one of the pattern's names. */
function matchesIcmpTypePattern(text) {
    if (ICMP_NUMBER.test(text))
        return Number(text) <= 255;
    return PATTERN_NAMES.has(text);
}
function tableFor(family) {
    return family === 'IPv6' ? ICMPV6_TYPES : ICMPV4_TYPES;
}
/** The type number a field's `type` stands for in its family, or undefined when Cilium cannot decode it. */
function resolveIcmpType(family, type) {
    return icmpTypeNumber(type, family === 'IPv6' ? 6 : 4);
}
/** `EchoRequest (8), …` for messages. */
function describeIcmpNames(family) {
    return Object.entries(tableFor(family))
        .map(([name, value]) => `${name} (${value})`)
        .join(', ');
}
// ICMP type names Cilium accepts in `icmps[].fields[].type` (1.16+, pkg/policy/api/icmp.go).
// A name that does not exist for its family makes the object undecodable (R8.4).
const ICMPV4_TYPES = {
    EchoReply: 0,
    DestinationUnreachable: 3,
    Redirect: 5,
    Echo: 8,
    EchoRequest: 8,
    RouterAdvertisement: 9,
    RouterSelection: 10,
    TimeExceeded: 11,
    ParameterProblem: 12,
    Timestamp: 13,
    TimestampReply: 14,
    Photuris: 40,
    ExtendedEchoRequest: 42,
    ExtendedEchoReply: 43
};
const ICMPV6_TYPES = {
    DestinationUnreachable: 1,
    PacketTooBig: 2,
    TimeExceeded: 3,
    ParameterProblem: 4,
    EchoRequest: 128,
    EchoReply: 129,
    MulticastListenerQuery: 130,
    MulticastListenerReport: 131,
    MulticastListenerDone: 132,
    RouterSolicitation: 133,
    RouterAdvertisement: 134,
    NeighborSolicitation: 135,
    NeighborAdvertisement: 136,
    RedirectMessage: 137,
    RouterRenumbering: 138,
    ICMPNodeInformationQuery: 139,
    ICMPNodeInformationResponse: 140,
    InverseNeighborDiscoverySolicitation: 141,
    InverseNeighborDiscoveryAdvertisement: 142,
    HomeAgentAddressDiscoveryRequest: 144,
    HomeAgentAddressDiscoveryReply: 145,
    MobilePrefixSolicitation: 146,
    MobilePrefixAdvertisement: 147,
    DuplicateAddressRequestCodeSuffix: 157,
    DuplicateAddressConfirmationCodeSuffix: 158,
    ExtendedEchoRequest: 160,
    ExtendedEchoReply: 161
};
/** The ping reachdiff probes: ICMP echo request. */
const icmp_ICMP_ECHO_REQUEST = { 4: 8, 6: 128 };
/** The numeric type for a written type (number, decimal without leading zeros, or name), or undefined. */
function icmpTypeNumber(written, family) {
    if (typeof written === 'number')
        return Number.isInteger(written) && written >= 0 && written <= 255 ? written : undefined;
    if (typeof written !== 'string')
        return undefined;
    if (/^(0|[1-9][0-9]{0,2})$/.test(written))
        return Number(written) <= 255 ? Number(written) : undefined;
    const names = family === 4 ? ICMPV4_TYPES : ICMPV6_TYPES;
    return Object.hasOwn(names, written) ? names[written] : undefined;
}
// The schema, then the agent's own checks (R8.4).
const icmpField = object({
    family: { type: 'string', enum: ['IPv4', 'IPv6'] },
    // 1.14–1.15: an integer 0–255; 1.16+: int-or-string, names checked by ICMP_TYPE_PATTERN.
    type: byMinor((minor) => minor >= 16
        ? {
            type: 'intOrString',
            check: {
                test: matchesIcmpTypePattern,
                message: 'is not an ICMP type number or name',
                expected: 'a number 0–255, or a type name such as EchoRequest'
            }
        }
        : { type: 'integer', minimum: 0, maximum: 255 })
}, { required: ['type'] });
/** ICMPRule of the CRD schema (pkg/policy/api/icmp.go). */
const ICMP_RULE = object({
    fields: byMinor((minor) => listOf(icmpField, minor >= 16 ? { maxItems: 40 } : {}))
});
function checkIcmpRule(ctx, rule, path) {
    const fields = listField(rule, 'fields');
    if (fields.length > MAX_ICMP_FIELDS && ctx.options.minor < 16) {
        agentError(ctx, at(path, 'fields'), `too many ICMP types (${fields.length}), the max is ${MAX_ICMP_FIELDS}`, {
            expected: `at most ${MAX_ICMP_FIELDS} fields; add another icmps entry`
        });
    }
    fields.forEach((entry, index) => checkIcmpField(ctx, entry, at(path, 'fields', index)));
}
function checkIcmpField(ctx, entry, path) {
    const family = field(entry, 'family') ?? 'IPv4';
    const type = field(entry, 'type');
    if ((family !== 'IPv4' && family !== 'IPv6') || ctx.options.minor < 16)
        return;
    if (typeof type === 'number' && Number.isInteger(type) && (type < 0 || type > 255)) {
        agentError(ctx, at(path, 'type'), `ICMP type ${type} is out of range (R8.4)`, {
            value: type,
            expected: 'a number 0–255'
        });
    }
    else if (typeof type === 'string' &&
        matchesIcmpTypePattern(type) &&
        resolveIcmpType(family, type) === undefined) {
        agentError(ctx, at(path, 'type'), `ICMP type name "${type}" does not exist for ${family}, so the policy cannot be decoded (R8.4)`, {
            value: type,
            expected: `a number 0–255 or one of the ${family} names: ${describeIcmpNames(family)}`
        });
    }
}

;// CONCATENATED MODULE: ./src/core/policy/validate/cilium-schema-l7.ts
// The L7 part of the CNP/CCNP CRD schema (`ciliumnetworkpolicies.yaml` in cilium/cilium
// `pkg/k8s/apis/cilium.io/client/crds/v2/`): `rules`, FQDN selectors, TLS contexts and listeners
// of a `toPorts` entry.


const fqdnPatterns = (maxLength) => ({
    matchName: {
        type: 'string',
        maxLength,
        check: {
            test: isFqdnMatchName,
            message: 'is not a DNS name',
            expected: 'letters, digits, "-", "_" and single dots, e.g. api.example.com'
        }
    },
    matchPattern: {
        type: 'string',
        maxLength,
        check: {
            test: isFqdnMatchPattern,
            message: 'is not a DNS name pattern',
            expected: 'letters, digits, "-", "_", "*" and single dots, e.g. *.example.com'
        }
    }
});
const fqdnSelector = byMinor((minor) => object(fqdnPatterns(minor >= 17 ? 255 : undefined), {
    combinators: minor >= 16 ? [{ rule: 'oneOf', keys: ['matchName', 'matchPattern'] }] : []
}));
const secretRef = object({ name: string, namespace: string }, { required: ['name'] });
const tlsContext = object({ secret: secretRef, trustedCA: string, certificate: string, privateKey: string }, { required: ['secret'] });
const httpRule = object({
    path: string,
    method: string,
    host: string,
    headers: listOf(string),
    headerMatches: listOf(object({
        mismatch: { type: 'string', enum: ['LOG', 'ADD', 'DELETE', 'REPLACE'] },
        name: byMinor((minor) => (minor >= 16 ? { type: 'string', minLength: 1 } : string)),
        secret: secretRef,
        value: string
    }, { required: ['name'] }))
});
const kafkaRule = object({
    role: { type: 'string', enum: ['produce', 'consume'] },
    apiKey: string,
    apiVersion: string,
    clientID: string,
    topic: { type: 'string', maxLength: 255 }
});
const l7Rules = byMinor((minor) => object({
    http: listOf(httpRule),
    kafka: listOf(kafkaRule),
    dns: listOf(fqdnSelector),
    l7proto: string,
    l7: listOf(stringMap)
}, { combinators: minor >= 16 ? [{ rule: 'oneOf', keys: ['http', 'kafka', 'dns', 'l7proto'] }] : [] }));
const listener = object({
    envoyConfig: object({
        kind: { type: 'string', enum: ['CiliumEnvoyConfig', 'CiliumClusterwideEnvoyConfig'] },
        name: { type: 'string', minLength: 1 }
    }, { required: ['name'] }),
    name: { type: 'string', minLength: 1 },
    priority: since(16, { type: 'integer', minimum: 1, maximum: 100 })
}, { required: ['envoyConfig', 'name'] });

;// CONCATENATED MODULE: ./src/core/policy/validate/cilium-schema.ts
// The CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy CRD schema (identical for both
// kinds): `pkg/k8s/apis/cilium.io/client/crds/v2/ciliumnetworkpolicies.yaml` at v1.18, compared
// with v1.14–v1.19: where a path first appears is its `since`, constraints that changed are `byMinor`.




const ENTITIES = [
    'all',
    'world',
    'cluster',
    'host',
    'init',
    'ingress',
    'unmanaged',
    'remote-node',
    'health',
    'none',
    'kube-apiserver'
];
const CNP_PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ANY'];
/**
 * 1.19 adds the portless IP protocols VRRP and IGMP to the enum and makes `port` optional
 * (cilium/cilium v1.19 `pkg/policy/api/l4.go` PortProtocol; the agent's checks are in
 * cilium-ports.ts).
 */
const CNP_PROTOCOLS_1_19 = [...CNP_PROTOCOLS.slice(0, 3), 'VRRP', 'IGMP', 'ANY'];
// 1.14–1.15 used a CIDR regex; 1.16+ `format: cidr`, which refuses a bare address (R12.1).
const cidrString = byMinor((minor) => minor >= 16
    ? { type: 'string', check: CIDR_PREFIX_CHECK }
    : {
        type: 'string',
        check: {
            test: (value) => parsePrefix(value) !== undefined || parseIp(value) !== undefined,
            message: 'is not a CIDR prefix or IP address',
            expected: CIDR_PREFIX_CHECK.expected
        }
    });
const portProtocolOf = (minor) => object({
    port: {
        type: 'string',
        check: {
            test: matchesPortPattern,
            message: 'is neither a port number nor a port name',
            expected: 'a quoted port number such as "80", or a port name such as "http"'
        }
    },
    endPort: since(16, { type: 'integer', minimum: 0, maximum: 65535 }),
    protocol: { type: 'string', enum: minor >= 19 ? CNP_PROTOCOLS_1_19 : CNP_PROTOCOLS }
}, minor >= 19 ? {} : { required: ['port'] });
// `ports` gets its CRD limit of 40 in 1.16; the agent enforces it in every version (checked there).
const portList = byMinor((minor) => listOf(portProtocolOf(minor), minor >= 16 ? { maxItems: 40 } : {}));
const portRule = object({
    ports: portList,
    rules: l7Rules,
    serverNames: byMinor((minor) => minor >= 18
        ? listOf({
            type: 'string',
            maxLength: 255,
            check: {
                test: isServerName,
                message: 'is not a server name',
                expected: 'a DNS name, e.g. api.example.com'
            }
        }, { minItems: 1 })
        : listOf(string)),
    terminatingTLS: tlsContext,
    originatingTLS: tlsContext,
    listener: listener
});
const portDenyRule = object({ ports: byMinor((minor) => listOf(portProtocolOf(minor))) });
const cidrRule = byMinor((minor) => object({
    cidr: cidrString,
    cidrGroupRef: {
        type: 'string',
        check: {
            test: isDnsSubdomain,
            message: 'is not a valid CiliumCIDRGroup name',
            expected: 'a lowercase DNS subdomain of at most 253 characters'
        }
    },
    cidrGroupSelector: since(17, LABEL_SELECTOR),
    except: listOf(cidrString)
}, {
    combinators: [
        {
            rule: 'oneOf',
            keys: minor >= 17 ? ['cidr', 'cidrGroupRef', 'cidrGroupSelector'] : ['cidr', 'cidrGroupRef']
        }
    ]
}));
const groups = object({
    aws: object({
        labels: stringMap,
        securityGroupsIds: listOf(string),
        securityGroupsNames: listOf(string),
        region: string
    })
});
const service = object({
    k8sService: object({ serviceName: string, namespace: string }),
    k8sServiceSelector: object({ selector: LABEL_SELECTOR, namespace: string }, { required: ['selector'] })
});
const authentication = object({ mode: { type: 'string', enum: ['disabled', 'required', 'test-always-fail'] } }, { required: ['mode'] });
const selectors = listOf(LABEL_SELECTOR);
const ingressCommon = {
    fromEndpoints: selectors,
    fromRequires: emptiedIn(19, 'fromEndpoints selectors that carry the required labels', selectors),
    fromCIDR: listOf(cidrString),
    fromCIDRSet: listOf(cidrRule),
    fromEntities: listOf({ type: 'string', enum: ENTITIES }),
    fromNodes: since(16, selectors),
    fromGroups: since(16, listOf(groups)),
    icmps: listOf(ICMP_RULE)
};
const egressCommon = {
    toEndpoints: selectors,
    toRequires: emptiedIn(19, 'toEndpoints selectors that carry the required labels', selectors),
    toCIDR: listOf(cidrString),
    toCIDRSet: listOf(cidrRule),
    toEntities: listOf({ type: 'string', enum: ENTITIES }),
    toServices: listOf(service),
    toGroups: listOf(groups),
    toNodes: since(16, selectors),
    icmps: listOf(ICMP_RULE)
};
const SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'];
const rule = object({
    endpointSelector: LABEL_SELECTOR,
    nodeSelector: LABEL_SELECTOR,
    ingress: listOf(object({ ...ingressCommon, toPorts: listOf(portRule), authentication })),
    ingressDeny: listOf(object({ ...ingressCommon, toPorts: listOf(portDenyRule) })),
    egress: listOf(object({ ...egressCommon, toFQDNs: listOf(fqdnSelector), toPorts: listOf(portRule), authentication })),
    egressDeny: listOf(object({ ...egressCommon, toPorts: listOf(portDenyRule) })),
    enableDefaultDeny: since(16, object({ ingress: bool, egress: bool })),
    labels: listOf(object({ key: string, value: string, source: string }, { required: ['key'] })),
    description: string,
    log: since(18, object({
        value: {
            type: 'string',
            maxLength: 32,
            check: {
                test: (v) => /^\P{C}*$/u.test(v),
                message: 'has unprintable characters',
                expected: 'printable text'
            }
        }
    }))
}, {
    combinators: [
        { rule: 'oneOf', keys: ['endpointSelector', 'nodeSelector'] },
        { rule: 'anyOf', keys: SECTIONS, since: 18 }
    ]
});
/** The whole object; `metadata` is checked apart (metadata.ts). */
const CILIUM_POLICY_SCHEMA = object({
    apiVersion: string,
    kind: string,
    metadata: any,
    spec: rule,
    specs: listOf(rule),
    status: any
});

;// CONCATENATED MODULE: ./src/core/policy/validate/schema.ts

function walkSchema(ctx, value, node, path) {
    switch (node.type) {
        case 'byMinor':
            return walkSchema(ctx, value, node.pick(ctx.options.minor), path);
        case 'object':
            return isRecord(value) ? walkObject(ctx, value, node, path) : typeError(ctx, value, node, path);
        case 'array':
            return Array.isArray(value) ? walkArray(ctx, value, node, path) : typeError(ctx, value, node, path);
        case 'string':
            return typeof value === 'string'
                ? checkString(ctx, value, node, path)
                : typeError(ctx, value, node, path);
        case 'integer':
            return isInteger(value) ? checkInteger(ctx, value, node, path) : typeError(ctx, value, node, path);
        case 'boolean':
            return typeof value === 'boolean' ? undefined : typeError(ctx, value, node, path);
        case 'stringMap':
            return walkStringMap(ctx, value, node, path);
        case 'intOrString':
            if (typeof value === 'string')
                return node.check ? runCheck(ctx, value, node.check, path) : undefined;
            return isInteger(value) ? undefined : typeError(ctx, value, node, path);
        case 'any':
            return undefined;
    }
}
function isInteger(value) {
    return typeof value === 'number' && Number.isInteger(value);
}
function typeError(ctx, value, node, path) {
    const expected = describeType(node);
    // The commonest slip: an unquoted number or boolean where the CRD wants a string (R12.1).
    const quoted = node.type === 'string' && !node.enum && (typeof value === 'number' || typeof value === 'boolean')
        ? `a quoted string such as "${String(value)}"`
        : expected;
    apiError(ctx, path, `${fieldLabel(path)} must be ${expected}, not ${describeValueType(value)}`, {
        value,
        expected: quoted
    });
}
function walkObject(ctx, value, node, path) {
    const minor = ctx.options.minor;
    const known = (key) => Object.hasOwn(node.fields, key) ? node.fields[key] : undefined;
    for (const key of Object.keys(value)) {
        const spec = known(key);
        if (!spec || (spec.since !== undefined && minor < spec.since)) {
            unknownField(ctx, key, node, [...path, key], spec);
        }
        else if (spec.emptiedIn && minor >= spec.emptiedIn.minor && hasEntries(value[key])) {
            emptiedField(ctx, key, spec.emptiedIn, [...path, key]);
        }
        else if (value[key] !== null) {
            walkSchema(ctx, value[key], spec.schema, [...path, key]);
        }
    }
    for (const key of node.required ?? []) {
        if (!isPresent(value, key))
            apiError(ctx, [...path, key], `${key} is required`, { expected: `a ${key} field` });
    }
    for (const combinator of node.combinators ?? []) {
        if (combinator.since === undefined || minor >= combinator.since)
            checkCombinator(ctx, value, combinator, path);
    }
}
function checkCombinator(ctx, value, combinator, path) {
    const present = combinator.keys.filter((key) => isPresent(value, key));
    const names = combinator.keys.join(', ');
    if (present.length === 0) {
        const what = combinator.rule === 'oneOf' ? 'exactly one' : 'at least one';
        apiError(ctx, path, `${fieldLabel(path)} needs ${what} of ${names}`, { expected: `${what} of ${names}` });
    }
    else if (combinator.rule === 'oneOf' && present.length > 1) {
        apiError(ctx, [...path, present[1]], `${present.join(' and ')} cannot be set together`, {
            expected: `exactly one of ${names}`
        });
    }
}
function unknownField(ctx, key, node, path, laterSpec) {
    const minor = ctx.options.minor;
    const allowed = Object.keys(node.fields).filter((name) => (node.fields[name].since ?? 0) <= minor);
    let message = `unknown field "${key.slice(0, 80)}"`;
    if (laterSpec?.since !== undefined) {
        message += `: it exists from Cilium 1.${laterSpec.since}, and policies are checked for ${ctx.options.ciliumVersion}`;
    }
    else {
        const suggestion = suggest(key, allowed);
        if (suggestion)
            message += `; did you mean "${suggestion}"?`;
    }
    apiError(ctx, path, message, { expected: `one of ${allowed.join(', ')}` });
}
function hasEntries(value) {
    return Array.isArray(value) && value.length > 0;
}
function emptiedField(ctx, key, emptied, path) {
    apiError(ctx, path, `${key} was removed in Cilium 1.${emptied.minor} (its CRD allows no entries), and policies are checked for ${ctx.options.ciliumVersion}`, { expected: emptied.instead });
}
function walkArray(ctx, value, node, path) {
    if (node.maxItems !== undefined && value.length > node.maxItems) {
        apiError(ctx, path, `${fieldLabel(path)} has ${value.length} entries, more than the limit of ${node.maxItems}`, {
            expected: `at most ${node.maxItems} entries; split them over several entries`
        });
    }
    if (node.minItems !== undefined && value.length < node.minItems) {
        apiError(ctx, path, `${fieldLabel(path)} needs at least ${node.minItems} entry`, {
            expected: `at least ${node.minItems} entry, or leave the field out`
        });
    }
    value.forEach((item, index) => walkSchema(ctx, item, node.items, [...path, index]));
}
function checkString(ctx, value, node, path) {
    const label = fieldLabel(path);
    if (node.enum && !node.enum.includes(value)) {
        const folded = node.enum.find((option) => option.toLowerCase() === value.toLowerCase());
        const message = folded
            ? `${label} "${value}" must be written "${folded}" (values are case-sensitive)`
            : `${label} "${value.slice(0, 80)}" is not one of the allowed values`;
        return apiError(ctx, path, message, { value, expected: node.enum.join(' | ') });
    }
    if (node.maxLength !== undefined && value.length > node.maxLength) {
        return apiError(ctx, path, `${label} is longer than ${node.maxLength} characters`, {
            value,
            expected: `at most ${node.maxLength} characters`
        });
    }
    if (node.minLength !== undefined && value.length < node.minLength) {
        return apiError(ctx, path, `${label} must not be empty`, { value, expected: 'a non-empty string' });
    }
    if (node.check)
        runCheck(ctx, value, node.check, path);
}
function runCheck(ctx, value, check, path) {
    if (!check.test(value)) {
        const shown = value.length > 80 ? `${value.slice(0, 79)}…` : value;
        apiError(ctx, path, `${fieldLabel(path)} "${shown}" ${check.message}`, {
            value,
            expected: check.expected
        });
    }
}
function checkInteger(ctx, value, node, path) {
    const { minimum, maximum } = node;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
        apiError(ctx, path, `${fieldLabel(path)} ${value} is out of range`, {
            value,
            expected: `an integer from ${minimum ?? '-∞'} to ${maximum ?? '∞'}`
        });
    }
}
function walkStringMap(ctx, value, node, path) {
    if (!isRecord(value))
        return typeError(ctx, value, node, path);
    for (const key of Object.keys(value)) {
        const item = value[key];
        if (typeof item !== 'string') {
            const scalar = typeof item === 'number' || typeof item === 'boolean';
            const shown = scalar
                ? `a quoted string such as "${String(item)}"`
                : item === null
                    ? 'a quoted string, "" if empty'
                    : 'a quoted string';
            apiError(ctx, [...path, key], `the value of "${key.slice(0, 80)}" must be a string, not ${describeValueType(item)}`, {
                value: item,
                expected: shown
            });
        }
    }
}
// How schema problems read: type names, field labels, and "did you mean" suggestions.
/** How a node's type reads in a message, also used as the diagnostic's `expected`. */
function describeType(node) {
    switch (node.type) {
        case 'object':
            return 'a mapping';
        case 'array':
            return 'a list';
        case 'string':
            return node.enum ? `one of ${node.enum.join(', ')}` : 'a string';
        case 'integer':
            return 'an integer';
        case 'boolean':
            return 'true or false';
        case 'stringMap':
            return 'a mapping of strings to strings';
        case 'intOrString':
            return 'an integer or a string';
        default:
            return 'a value';
    }
}
function describeValueType(value) {
    if (value === null || value === undefined)
        return 'empty (null)';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'an integer' : 'a number';
    return `a ${typeof value}`;
}
/** The last named segment of a path, for messages (`port`, `fromEndpoints[0]`). */
function fieldLabel(path) {
    const last = path.length > 0 ? path[path.length - 1] : undefined;
    if (typeof last === 'number') {
        const parent = path.length > 1 ? path[path.length - 2] : '';
        return `${String(parent)}[${last}]`;
    }
    return last ?? 'the document';
}
/** The allowed key closest to a misspelt one (case slip or edit distance ≤ 2). */
function suggest(key, allowed) {
    if (key.length > 64)
        return undefined;
    const folded = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
    if (folded)
        return folded;
    let best;
    for (const name of allowed) {
        const distance = editDistance(key, name);
        if (distance <= 2 && (!best || distance < best.distance))
            best = { name, distance };
    }
    return best?.name;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/core/policy/validate/selector.ts


const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_KEY_EXPECTED = 'an optional DNS-subdomain prefix and "/", then a name of at most 63 characters: letters, digits, "-", "_", ".", starting and ending with a letter or digit';
const LABEL_VALUE_EXPECTED = 'at most 63 characters: letters, digits, "-", "_", ".", starting and ending with a letter or digit; or empty';
/** Why a Kubernetes qualified name (a label key) is invalid, or undefined when it is valid. */
function qualifiedNameProblem(name) {
    const parts = name.split('/');
    if (parts.length > 2)
        return 'it may contain at most one "/"';
    const local = parts[parts.length - 1];
    if (parts.length === 2) {
        if (parts[0] === '')
            return 'the prefix before "/" is empty';
        if (!isDnsSubdomain(parts[0]))
            return 'the prefix before "/" must be a lowercase DNS subdomain';
    }
    if (local === '')
        return 'the name part is empty';
    if (local.length > 63)
        return 'the name part is longer than 63 characters';
    if (!NAME_PART.test(local)) {
        return 'the name part may only hold letters, digits, "-", "_" and ".", and must start and end with a letter or digit';
    }
    return undefined;
}
function isLabelValue(value) {
    return value.length <= 63 && LABEL_VALUE.test(value);
}
/** Cilium's `GetExtendedKeyFrom`: `source:key` → `source.key`, no source → `any`, `$x` → `reserved.x`. */
function extendedLabelKey(key) {
    let source = 'any';
    let rest = key;
    if (key.startsWith('$')) {
        source = 'reserved';
        rest = key.slice(1);
    }
    else {
        const colon = key.indexOf(':');
        if (colon >= 0) {
            source = key.slice(0, colon) || 'any';
            rest = key.slice(colon + 1);
        }
    }
    const equals = rest.indexOf('=');
    return `${source}.${equals >= 0 ? rest.slice(0, equals) : rest}`;
}
function checkLabelSelector(ctx, selector, path, flavour) {
    if (!isRecord(selector))
        return;
    const layer = flavour === 'cilium' ? 'agent' : 'api';
    const labels = field(selector, 'matchLabels');
    if (isRecord(labels)) {
        for (const key of Object.keys(labels)) {
            const keyPath = at(path, 'matchLabels', key);
            checkLabelKey(ctx, key, keyPath, flavour);
            const value = labels[key];
            if (typeof value === 'string')
                checkLabelValue(ctx, value, keyPath, layer);
        }
    }
    listField(selector, 'matchExpressions').forEach((requirement, index) => checkRequirement(ctx, requirement, at(path, 'matchExpressions', index), flavour));
}
function checkRequirement(ctx, requirement, path, flavour) {
    const layer = flavour === 'cilium' ? 'agent' : 'api';
    const key = stringField(requirement, 'key');
    if (key !== undefined)
        checkLabelKey(ctx, key, at(path, 'key'), flavour);
    const operator = stringField(requirement, 'operator');
    const values = field(requirement, 'values');
    const count = Array.isArray(values) ? values.length : 0;
    if ((operator === 'In' || operator === 'NotIn') && count === 0) {
        layerError(ctx, layer, at(path, 'values'), `operator ${operator} needs at least one value`, {
            expected: `values: [...] with one value or more, or operator Exists`
        });
    }
    else if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
        layerError(ctx, layer, at(path, 'values'), `operator ${operator} takes no values`, {
            value: values,
            expected: 'no values field, or operator In/NotIn'
        });
    }
    if (Array.isArray(values)) {
        values.forEach((value, index) => {
            if (typeof value === 'string')
                checkLabelValue(ctx, value, at(path, 'values', index), layer);
        });
    }
}
function checkLabelKey(ctx, key, path, flavour) {
    const checked = flavour === 'cilium' ? extendedLabelKey(key) : key;
    const problem = qualifiedNameProblem(checked);
    if (!problem)
        return;
    const shown = key.slice(0, 80);
    const as = flavour === 'cilium' && checked !== key ? ` (Cilium checks it as "${checked.slice(0, 80)}")` : '';
    layerError(ctx, flavour === 'cilium' ? 'agent' : 'api', path, `label key "${shown}" is not valid: ${problem}${as}`, {
        value: key,
        expected: LABEL_KEY_EXPECTED
    });
}
function checkLabelValue(ctx, value, path, layer) {
    if (isLabelValue(value))
        return;
    const why = value.length > 63 ? 'it is longer than 63 characters' : 'it has characters a label value cannot hold';
    layerError(ctx, layer, path, `label value "${value.slice(0, 80)}" is not valid: ${why}`, {
        value,
        expected: LABEL_VALUE_EXPECTED
    });
}

;// CONCATENATED MODULE: ./src/core/policy/validate/cilium.ts






// R5.7: at most one of these may be non-empty in one rule; `toFQDNs` only exists in egress allow.
const PEER_KINDS = {
    ingress: ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'],
    egress: ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toGroups', 'toNodes', 'toFQDNs']
};
const cilium_SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'];
function validateCiliumPolicy(ctx, raw, kind) {
    walkSchema(ctx, raw, CILIUM_POLICY_SCHEMA, []);
    if (!isPresent(raw, 'spec') && !isPresent(raw, 'specs')) {
        // ErrEmptyCNP / ErrEmptyCCNP: neither is schema-required, but the agent refuses the object.
        agentError(ctx, [], `a ${kind} needs spec or specs`, {
            expected: 'spec: {endpointSelector: ..., ingress: [...]}'
        });
    }
    const spec = field(raw, 'spec');
    if (isRecord(spec))
        checkRule(ctx, spec, ['spec'], kind === 'CiliumNetworkPolicy');
    listField(raw, 'specs').forEach((rule, index) => {
        if (!isRecord(rule))
            return;
        checkRule(ctx, rule, ['specs', index], false);
        if (kind === 'CiliumNetworkPolicy' &&
            isPresent(rule, 'nodeSelector') &&
            !isPresent(rule, 'endpointSelector')) {
            // The agent refuses nodeSelector only in a CNP's `spec` (Parse in
            // `pkg/k8s/apis/cilium.io/v2/cnp_types.go`); what it does with one in `specs` (perhaps a host
            // policy) was not checked against a cluster, so this only warns.
            report(ctx, 'warning', ['specs', index, 'nodeSelector'], 'nodeSelector in a CiliumNetworkPolicy: host policies belong in a CiliumClusterwideNetworkPolicy', {
                expected: 'endpointSelector, or move the rule to a CiliumClusterwideNetworkPolicy'
            });
        }
    });
    if (isPresent(raw, 'status')) {
        report(ctx, 'notice', ['status'], 'status is written by the cluster; it is ignored here');
    }
}
function checkRule(ctx, rule, path, isCnpSpec) {
    const minor = ctx.options.minor;
    const hasEndpoint = isPresent(rule, 'endpointSelector');
    const hasNode = isPresent(rule, 'nodeSelector');
    if (isCnpSpec && hasNode && !hasEndpoint) {
        agentError(ctx, at(path, 'nodeSelector'), 'rule cannot have NodeSelector: a CiliumNetworkPolicy selects pods of its namespace (R4.3)', {
            expected: 'endpointSelector, or a CiliumClusterwideNetworkPolicy for a host policy'
        });
    }
    const keysPresent = cilium_SECTIONS.some((section) => isPresent(rule, section));
    if (minor >= 18 && keysPresent && cilium_SECTIONS.every((section) => countOf(rule, section) === 0)) {
        agentError(ctx, path, 'the rule has no ingress, ingressDeny, egress or egressDeny entries (Cilium 1.18+)', {
            expected: 'at least one non-empty section'
        });
    }
    checkLabelSelector(ctx, field(rule, 'endpointSelector'), at(path, 'endpointSelector'), 'cilium');
    checkLabelSelector(ctx, field(rule, 'nodeSelector'), at(path, 'nodeSelector'), 'cilium');
    const host = hasNode && !hasEndpoint;
    for (const section of cilium_SECTIONS) {
        const deny = section.endsWith('Deny');
        const scope = { direction: section.startsWith('ingress') ? 'ingress' : 'egress', deny, host };
        listField(rule, section).forEach((entry, index) => {
            if (!isRecord(entry))
                return;
            checkGroups(ctx, entry, at(path, section, index), scope.direction);
            // Deny rules were not sanitized before 1.18 (commit 557498b).
            if (!deny || minor >= 18)
                checkSectionRule(ctx, entry, at(path, section, index), scope);
        });
    }
    checkDefaultDenyFlag(ctx, rule, path);
}
function checkSectionRule(ctx, rule, path, scope) {
    checkPeerKinds(ctx, rule, path, scope.direction);
    if (!scope.deny)
        checkL7Placement(ctx, rule, path, scope);
    checkIcmpAndNodes(ctx, rule, path, scope);
    const prefix = scope.direction === 'ingress' ? 'from' : 'to';
    for (const key of [`${prefix}Endpoints`, `${prefix}Requires`, `${prefix}Nodes`]) {
        listField(rule, key).forEach((selector, index) => checkLabelSelector(ctx, selector, at(path, key, index), 'cilium'));
    }
    listField(rule, `${prefix}CIDRSet`).forEach((entry, index) => {
        const where = at(path, `${prefix}CIDRSet`, index);
        checkCidrRule(ctx, entry, where);
        checkLabelSelector(ctx, field(entry, 'cidrGroupSelector'), at(where, 'cidrGroupSelector'), 'cilium');
    });
    listField(rule, 'toFQDNs').forEach((selector, index) => checkFqdnSelector(ctx, selector, at(path, 'toFQDNs', index)));
    const ingress = scope.direction === 'ingress';
    listField(rule, 'toPorts').forEach((entry, index) => checkPortRule(ctx, entry, at(path, 'toPorts', index), { ingress, deny: scope.deny }));
    listField(rule, 'icmps').forEach((entry, index) => checkIcmpRule(ctx, entry, at(path, 'icmps', index)));
}
// R8.4 and the agent flags that gate ICMP and node selectors (docs/semantics.md §0, R7.6).
function checkIcmpAndNodes(ctx, rule, path, scope) {
    const { agent } = ctx.options;
    const icmps = countOf(rule, 'icmps');
    if (icmps > 0 && !agent.enableIcmpRules) {
        agentError(ctx, at(path, 'icmps'), 'ICMP rules need the agent flag enable-icmp-rules', {
            expected: 'enable-icmp-rules: true (the default)'
        });
    }
    if (icmps > 0 && countOf(rule, 'toPorts') > 0) {
        const message = 'the icmps block may only be present without toPorts in the same rule (R8.4)';
        agentError(ctx, at(path, 'icmps'), message, { expected: 'two rules: one with toPorts, one with icmps' });
    }
    const ingress = scope.direction === 'ingress';
    const nodesKey = ingress ? 'fromNodes' : 'toNodes';
    if (countOf(rule, nodesKey) > 0 && !agent.enableNodeSelectorLabels) {
        const entities = ingress ? 'fromEntities' : 'toEntities';
        agentError(ctx, at(path, nodesKey), `${nodesKey} needs the agent flag enable-node-selector-labels (R7.6)`, {
            expected: `enable-node-selector-labels: true in the agent settings, or ${entities}: [remote-node]`
        });
    }
}
function checkPeerKinds(ctx, rule, path, direction) {
    const used = PEER_KINDS[direction].filter((key) => countOf(rule, key) > 0);
    if (used.length < 2)
        return;
    agentError(ctx, at(path, used[1]), `combining ${used[0]} and ${used[1]} in one rule is not supported (R5.7)`, {
        expected: 'one peer kind per rule; write one rule per peer kind'
    });
}
// L7 needs the proxy; DNS is egress-only (checked per port rule); host policies allow little L7 (R4.4).
function checkL7Placement(ctx, rule, path, scope) {
    const ports = listField(rule, 'toPorts');
    const index = ports.findIndex((entry) => hasL7Rules(field(entry, 'rules')));
    if (index < 0)
        return;
    const where = at(path, 'toPorts', index, 'rules');
    if (!ctx.options.agent.enableL7Proxy) {
        agentError(ctx, where, 'L7 rules need the agent flag enable-l7-proxy', {
            expected: 'enable-l7-proxy: true (the default)'
        });
    }
    if (!scope.host)
        return;
    const hostL7 = ports.some((entry) => countOf(field(entry, 'rules'), 'http') + countOf(field(entry, 'rules'), 'kafka') > 0);
    if (ctx.options.minor <= 16 || scope.direction === 'ingress' || hostL7) {
        const allowed = ctx.options.minor <= 16 ? 'no L7 rules' : 'only DNS rules on egress';
        agentError(ctx, where, `host policies (nodeSelector) support ${allowed} (R4.4)`, {
            expected: 'L3/L4 rules only in a host policy'
        });
    }
}
// R7.7: the agent skips a policy with any groups rule; only the AWS operator's derivative applies.
function checkGroups(ctx, rule, path, direction) {
    const key = direction === 'ingress' ? 'fromGroups' : 'toGroups';
    if (countOf(rule, key) === 0)
        return;
    ctx.skipped = true;
    report(ctx, 'warning', at(path, key), `${key}: the policy is skipped by the agent without the AWS integration, so it has no effect (R7.7)`, {
        expected: `${direction === 'ingress' ? 'fromCIDRSet' : 'toCIDRSet'} with the security group's addresses`
    });
}
function checkDefaultDenyFlag(ctx, rule, path) {
    const { minor, agent } = ctx.options;
    if (minor >= 17 && !agent.enableNonDefaultDenyPolicies && isPresent(rule, 'enableDefaultDeny')) {
        report(ctx, 'warning', at(path, 'enableDefaultDeny'), 'enableDefaultDeny is ignored while the agent flag enable-non-default-deny-policies is false (R2.4)', {
            expected: 'enable-non-default-deny-policies: true (the default)'
        });
    }
}

;// CONCATENATED MODULE: ./src/core/policy/validate/knp.ts





const port = object({
    protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'] },
    port: { type: 'intOrString' },
    endPort: { type: 'integer' }
});
const peer = object({
    podSelector: LABEL_SELECTOR,
    namespaceSelector: LABEL_SELECTOR,
    ipBlock: object({ cidr: string, except: listOf(string) }, { required: ['cidr'] })
});
const KNP_SCHEMA = object({
    apiVersion: string,
    kind: string,
    metadata: any,
    // NetworkPolicyStatus existed (alpha) in Kubernetes 1.24–1.26; exports may carry `status: {}`.
    status: any,
    spec: object({
        podSelector: LABEL_SELECTOR,
        ingress: listOf(object({ from: listOf(peer), ports: listOf(port) })),
        egress: listOf(object({ to: listOf(peer), ports: listOf(port) })),
        policyTypes: listOf({ type: 'string', enum: ['Ingress', 'Egress'] })
    }, { required: ['podSelector'] })
}, { required: ['spec'] });
function validateKnp(ctx, raw) {
    walkSchema(ctx, raw, KNP_SCHEMA, []);
    const spec = field(raw, 'spec');
    if (!isRecord(spec))
        return;
    checkLabelSelector(ctx, field(spec, 'podSelector'), ['spec', 'podSelector'], 'kubernetes');
    const policyTypes = listField(spec, 'policyTypes');
    if (policyTypes.length > 2) {
        apiError(ctx, ['spec', 'policyTypes'], 'policyTypes may list at most two types', {
            value: policyTypes,
            expected: '[Ingress, Egress]'
        });
    }
    for (const [section, peers] of [
        ['ingress', 'from'],
        ['egress', 'to']
    ]) {
        listField(spec, section).forEach((rule, index) => {
            const path = at(['spec'], section, index);
            listField(rule, peers).forEach((entry, i) => checkPeer(ctx, entry, at(path, peers, i)));
            listField(rule, 'ports').forEach((entry, i) => checkPort(ctx, entry, at(path, 'ports', i)));
        });
    }
}
function checkPeer(ctx, entry, path) {
    if (!isRecord(entry))
        return;
    const kinds = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) => isPresent(entry, key));
    if (kinds.length === 0) {
        apiError(ctx, path, 'a peer must set podSelector, namespaceSelector or ipBlock', {
            expected: 'podSelector and/or namespaceSelector, or ipBlock'
        });
    }
    else if (kinds.includes('ipBlock') && kinds.length > 1) {
        apiError(ctx, at(path, 'ipBlock'), 'ipBlock cannot be combined with podSelector or namespaceSelector in one peer', {
            expected: 'two peers: one with ipBlock, one with the selectors'
        });
    }
    checkLabelSelector(ctx, field(entry, 'podSelector'), at(path, 'podSelector'), 'kubernetes');
    checkLabelSelector(ctx, field(entry, 'namespaceSelector'), at(path, 'namespaceSelector'), 'kubernetes');
    checkIpBlock(ctx, field(entry, 'ipBlock'), at(path, 'ipBlock'));
}
const CIDR_EXPECTED = 'an address with a prefix length, such as 10.0.0.0/8 or 2001:db8::/32';
function checkIpBlock(ctx, block, path) {
    const cidr = field(block, 'cidr');
    if (typeof cidr !== 'string')
        return;
    const prefix = parsePrefix(cidr);
    if (!prefix) {
        apiError(ctx, at(path, 'cidr'), `cidr "${cidr.slice(0, 80)}" is not a CIDR prefix`, {
            value: cidr,
            expected: CIDR_EXPECTED
        });
        return;
    }
    listField(block, 'except').forEach((text, index) => {
        if (typeof text !== 'string')
            return;
        const except = parsePrefix(text);
        if (!except) {
            apiError(ctx, at(path, 'except', index), `except "${text.slice(0, 80)}" is not a CIDR prefix`, {
                value: text,
                expected: CIDR_EXPECTED
            });
        }
        else if (except.family !== prefix.family ||
            except.bits <= prefix.bits ||
            !prefixContains(prefix, except)) {
            apiError(ctx, at(path, 'except', index), `except ${text} must be a strict subset of cidr ${cidr}`, {
                value: text,
                expected: `a longer prefix inside ${cidr}`
            });
        }
    });
}
function checkPort(ctx, entry, path) {
    if (!isRecord(entry))
        return;
    const value = field(entry, 'port');
    if (typeof value === 'number' && Number.isInteger(value) && (value < 1 || value > 65535)) {
        apiError(ctx, at(path, 'port'), `port ${value} is out of range`, {
            value,
            expected: 'a port number from 1 to 65535, or leave port out for all ports'
        });
    }
    else if (typeof value === 'string' && !isKubernetesPortName(value)) {
        const numeric = /^[0-9]+$/.test(value);
        apiError(ctx, at(path, 'port'), numeric
            ? `port "${value}" is a quoted number, which Kubernetes reads as a port name`
            : `port "${value.slice(0, 80)}" is not a valid port name`, {
            value,
            expected: numeric
                ? `the unquoted number ${value}`
                : 'a number 1–65535, or a port name: 1–15 lowercase letters, digits and single inner "-", at least one letter'
        });
    }
    knp_checkEndPort(ctx, entry, value, path);
}
function knp_checkEndPort(ctx, entry, value, path) {
    const endPort = field(entry, 'endPort');
    if (typeof endPort !== 'number' || !Number.isInteger(endPort))
        return;
    if (value === undefined || value === null) {
        apiError(ctx, at(path, 'endPort'), 'endPort needs a port', {
            value: endPort,
            expected: 'port: <first port of the range>'
        });
    }
    else if (typeof value === 'string') {
        apiError(ctx, at(path, 'endPort'), 'endPort needs a numeric port, not a port name', {
            value: endPort,
            expected: 'a numeric port'
        });
    }
    else if (typeof value === 'number' && endPort < value) {
        apiError(ctx, at(path, 'endPort'), `endPort ${endPort} must be greater than or equal to port ${value}`, {
            value: endPort,
            expected: `an endPort of at least ${value}`
        });
    }
    else if (endPort < 1 || endPort > 65535) {
        apiError(ctx, at(path, 'endPort'), `endPort ${endPort} is out of range`, {
            value: endPort,
            expected: 'a port number from 1 to 65535'
        });
    }
    else if (ctx.options.minor <= 15) {
        report(ctx, 'warning', at(path, 'endPort'), 'Cilium 1.15 ignores endPort in a NetworkPolicy: only the first port is allowed (R10.1)', {
            value: endPort,
            expected: 'Cilium 1.16 or later for port ranges'
        });
    }
}

;// CONCATENATED MODULE: ./src/core/policy/validate/metadata.ts





const METADATA_SCHEMA = object({
    name: string,
    generateName: string,
    namespace: string,
    labels: stringMap,
    annotations: stringMap,
    uid: string,
    resourceVersion: string,
    generation: { type: 'integer' },
    selfLink: string,
    creationTimestamp: any,
    deletionTimestamp: any,
    deletionGracePeriodSeconds: { type: 'integer' },
    ownerReferences: listOf(any),
    finalizers: listOf(string),
    managedFields: listOf(any)
});
/** Name and namespace as written, before any checking, so diagnostics can name the object. */
function readIdentity(raw) {
    const metadata = field(raw, 'metadata');
    return { name: stringField(metadata, 'name'), namespace: stringField(metadata, 'namespace') };
}
function validateMetadata(ctx, raw) {
    const metadata = field(raw, 'metadata');
    if (metadata === undefined || metadata === null) {
        apiError(ctx, ['metadata'], 'metadata is required', { expected: 'metadata: {name: ..., namespace: ...}' });
        return;
    }
    walkSchema(ctx, metadata, METADATA_SCHEMA, ['metadata']);
    if (!isRecord(metadata))
        return;
    const name = field(metadata, 'name');
    if (name === undefined || name === null || name === '') {
        apiError(ctx, ['metadata', 'name'], 'metadata.name is required', {
            expected: 'a lowercase DNS subdomain, e.g. allow-web'
        });
    }
    else if (typeof name === 'string' && !isDnsSubdomain(name)) {
        apiError(ctx, ['metadata', 'name'], `name "${name.slice(0, 80)}" is not a valid object name`, {
            value: name,
            expected: 'a lowercase DNS subdomain: a–z, 0–9, "-" and ".", at most 253 characters, starting and ending with a letter or digit'
        });
    }
    const namespace = field(metadata, 'namespace');
    if (typeof namespace === 'string' && !isDnsLabel(namespace)) {
        apiError(ctx, ['metadata', 'namespace'], `namespace "${namespace.slice(0, 80)}" is not a valid namespace name`, {
            value: namespace,
            expected: 'a lowercase DNS label: a–z, 0–9 and "-", at most 63 characters'
        });
    }
    checkMetadataLabels(ctx, field(metadata, 'labels'), 'labels');
    checkMetadataLabels(ctx, field(metadata, 'annotations'), 'annotations');
}
function checkMetadataLabels(ctx, map, key) {
    if (!isRecord(map))
        return;
    for (const name of Object.keys(map)) {
        const path = at(['metadata', key], name);
        checkLabelKey(ctx, name, path, 'kubernetes');
        const value = map[name];
        if (key === 'labels' && typeof value === 'string')
            checkLabelValue(ctx, value, path, 'api');
    }
}
const CIDR_GROUP_SCHEMA = object({
    apiVersion: string,
    kind: string,
    metadata: any,
    spec: object({ externalCIDRs: listOf({ type: 'string', check: CIDR_PREFIX_CHECK }) }, { required: ['externalCIDRs'] })
}, { required: ['spec'] });
/** Validates a CiliumCIDRGroup; returns the group when the API server would store it. */
function validateCidrGroup(ctx, raw, line) {
    validateMetadata(ctx, raw);
    walkSchema(ctx, raw, CIDR_GROUP_SCHEMA, []);
    const metadata = field(raw, 'metadata');
    if (isPresent(metadata, 'namespace')) {
        report(ctx, 'notice', ['metadata', 'namespace'], 'a CiliumCIDRGroup is cluster-scoped: metadata.namespace is ignored');
    }
    const name = stringField(metadata, 'name');
    if (ctx.errors > 0 || name === undefined)
        return undefined;
    const labels = field(metadata, 'labels');
    const externalCIDRs = field(field(raw, 'spec'), 'externalCIDRs');
    return {
        name,
        labels: isRecord(labels) ? copyLabels(labels) : {},
        externalCIDRs: Array.isArray(externalCIDRs)
            ? externalCIDRs.filter((c) => typeof c === 'string')
            : [],
        file: ctx.file,
        line
    };
}
function copyLabels(labels) {
    const copy = {};
    for (const key of Object.keys(labels)) {
        const value = labels[key];
        if (typeof value === 'string')
            Object.defineProperty(copy, key, { value, enumerable: true, writable: true });
    }
    return copy;
}

;// CONCATENATED MODULE: ./src/core/policy/load.ts







/** Larger files are refused unread: policy repositories hold small files, and parsing is not free. */
const MAX_POLICY_FILE_CHARS = 4 * 1024 * 1024;
const API_VERSIONS = {
    NetworkPolicy: 'networking.k8s.io/v1',
    CiliumNetworkPolicy: 'cilium.io/v2',
    CiliumClusterwideNetworkPolicy: 'cilium.io/v2'
};
function isPolicyKind(kind) {
    return typeof kind === 'string' && Object.hasOwn(API_VERSIONS, kind);
}
// `kubectl get -o yaml` wraps objects in a v1 List; typed lists are accepted the same way.
const LIST_KINDS = {
    List: 'v1',
    NetworkPolicyList: 'networking.k8s.io/v1',
    CiliumNetworkPolicyList: 'cilium.io/v2',
    CiliumClusterwideNetworkPolicyList: 'cilium.io/v2'
};
const MAX_LIST_DEPTH = 3;
/** Kinds whose pods join the topology (core/topology/workloads.ts), with their apiVersion. */
const WORKLOAD_KINDS = {
    Deployment: 'apps/v1',
    StatefulSet: 'apps/v1',
    DaemonSet: 'apps/v1',
    ReplicaSet: 'apps/v1',
    Job: 'batch/v1',
    CronJob: 'batch/v1',
    Pod: 'v1'
};
function loadPolicyText(text, file, options, origin) {
    const out = emptyLoadedPolicies();
    const refusal = refuseText(text, file);
    if (refusal) {
        out.diagnostics.push(refusal);
        out.unread = [{ file, line: 0 }];
        return out;
    }
    const shift = (position) => shiftPosition(position, origin);
    const parsed = parseYamlDocuments(text, file, yamlLimitsFor(options.limits));
    out.diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, ...shift(d) })));
    const broken = firstBrokenLine(out.diagnostics);
    if (broken !== undefined)
        out.unread = [{ file, line: broken }];
    if (parsed.nodes > 0)
        out.yamlNodes = parsed.nodes;
    for (const document of parsed.documents) {
        out.diagnostics.push(...yaml11Diagnostics(document, file, shift));
        const env = { file, options, locate: (path) => shift(document.locate(path)), out };
        // An empty document (`---` with nothing after it) is how many files end: not a problem.
        if (document.value !== null && document.value !== undefined)
            loadValue(env, document.value, [], 0);
    }
    warnDuplicates(out);
    return out;
}
/** Whole-file refusals, checked before any parsing: size first, as that check is free. */
function refuseText(text, file) {
    const whole = { file, line: 0, column: 0, path: '' };
    if (text.length > MAX_POLICY_FILE_CHARS) {
        const mib = (text.length / (1024 * 1024)).toFixed(1);
        return {
            severity: 'error',
            ...whole,
            message: `file is ${mib} MiB (${text.length} characters), larger than the 4 MiB limit; it was not read`,
            expected: 'a policy file of at most 4 MiB'
        };
    }
    // The decoder turns invalid UTF-8 into U+FFFD; NUL never occurs in YAML text.
    if (text.includes('\u0000') || text.includes('\uFFFD')) {
        return {
            severity: 'error',
            ...whole,
            message: 'binary or non-UTF-8 file: it holds NUL bytes or invalid UTF-8 sequences',
            expected: 'UTF-8 YAML text'
        };
    }
    return undefined;
}
/**
 * kubectl decodes a file document by document and stops at the first that fails to decode
 * (StreamVisitor.Visit in k8s.io/cli-runtime pkg/resource/visitor.go): the earliest YAML
 * error is where the applied part of the file ends. Line 0 (unknown) means the whole file.
 */
function firstBrokenLine(diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0)
        return undefined;
    const lines = errors.map((d) => d.line);
    return lines.includes(0) ? 0 : Math.min(...lines);
}
function shiftPosition(position, origin) {
    if (!origin || position.line === 0)
        return position;
    return {
        line: position.line + origin.lineOffset,
        column: position.column === 0 ? 0 : position.column + origin.columnOffset
    };
}
function newContext(env, base, object) {
    return {
        file: env.file,
        options: env.options,
        object,
        base,
        locate: env.locate,
        diagnostics: env.out.diagnostics,
        errors: 0,
        skipped: false
    };
}
function loadValue(env, value, base, depth) {
    const ctx = newContext(env, base);
    if (!isRecord(value)) {
        apiError(ctx, [], 'a Kubernetes object must be a mapping with apiVersion and kind', {
            value,
            expected: 'apiVersion: ..., kind: ..., metadata: ..., spec: ...'
        });
        return;
    }
    const apiVersion = field(value, 'apiVersion');
    const kind = field(value, 'kind');
    if (typeof kind !== 'string' || kind === '' || typeof apiVersion !== 'string' || apiVersion === '') {
        const missing = [
            typeof apiVersion === 'string' && apiVersion !== '' ? '' : 'apiVersion',
            typeof kind === 'string' && kind !== '' ? '' : 'kind'
        ]
            .filter(Boolean)
            .join(' and ');
        // A known kind is still returned (invalid) so that reports can name it.
        if (isPolicyKind(kind))
            return loadPolicy(env, value, base, kind);
        const where = typeof kind === 'string' && kind !== '' ? ['apiVersion'] : ['kind'];
        apiError(ctx, where, `the object has no ${missing}`, {
            expected: 'apiVersion and kind, e.g. apiVersion: cilium.io/v2, kind: CiliumNetworkPolicy'
        });
        return;
    }
    if (isPolicyKind(kind))
        return loadPolicy(env, value, base, kind);
    if (Object.hasOwn(LIST_KINDS, kind))
        return loadList(env, value, base, depth);
    if (kind === 'CiliumCIDRGroup')
        return loadCidrGroup(env, value, base);
    if (kind === 'Namespace' && apiVersion === 'v1')
        return loadNamespace(env, value, base);
    if (Object.hasOwn(WORKLOAD_KINDS, kind) && WORKLOAD_KINDS[kind] === apiVersion) {
        env.out.workloads ??= [];
        env.out.workloads.push({ kind, raw: value, file: env.file, line: env.locate(base).line });
        return;
    }
    report(ctx, 'notice', [], `ignored: ${kind.slice(0, 80)} (${apiVersion.slice(0, 80)}) is not a network policy`);
}
function loadList(env, value, base, depth) {
    const ctx = newContext(env, base);
    const kind = String(field(value, 'kind'));
    if (field(value, 'apiVersion') !== LIST_KINDS[kind]) {
        apiError(ctx, ['apiVersion'], `a ${kind} has apiVersion ${LIST_KINDS[kind]}`, {
            value: field(value, 'apiVersion'),
            expected: LIST_KINDS[kind]
        });
    }
    const items = field(value, 'items');
    if (depth >= MAX_LIST_DEPTH) {
        apiError(ctx, ['items'], 'lists nested this deep are not read', {
            expected: 'a List whose items are objects'
        });
    }
    else if (!Array.isArray(items)) {
        if (items !== undefined && items !== null) {
            apiError(ctx, ['items'], `items must be a list, not ${formatValue(items, 20)}`, {
                value: items,
                expected: 'a list of objects'
            });
        }
    }
    else {
        items.forEach((item, index) => loadValue(env, item, [...base, 'items', index], depth + 1));
    }
}
function loadPolicy(env, raw, base, kind) {
    const identity = readIdentity(raw);
    const clusterScoped = kind === 'CiliumClusterwideNetworkPolicy';
    const name = identity.name || '(unnamed)';
    const namespace = clusterScoped ? undefined : identity.namespace || 'default';
    const ctx = newContext(env, base, describePolicy({ kind, namespace, name }));
    if (field(raw, 'apiVersion') !== API_VERSIONS[kind]) {
        apiError(ctx, ['apiVersion'], `a ${kind} has apiVersion ${API_VERSIONS[kind]}`, {
            value: field(raw, 'apiVersion') ?? null,
            expected: API_VERSIONS[kind]
        });
    }
    validateMetadata(ctx, raw);
    if (!clusterScoped && !identity.namespace) {
        report(ctx, 'notice', ['metadata'], 'metadata.namespace is missing: the policy goes to namespace "default", as kubectl apply would put it');
    }
    else if (clusterScoped && identity.namespace) {
        report(ctx, 'notice', ['metadata', 'namespace'], 'a CiliumClusterwideNetworkPolicy is cluster-scoped: metadata.namespace is ignored');
    }
    if (kind === 'NetworkPolicy')
        validateKnp(ctx, raw);
    else
        validateCiliumPolicy(ctx, raw, kind);
    const ref = { kind, name, file: env.file, line: env.locate(base).line };
    if (namespace !== undefined)
        ref.namespace = namespace;
    env.out.policies.push({ ref, raw, valid: ctx.errors === 0 && !ctx.skipped });
}
// R7.8: `cilium.io/v2alpha1`; the CRD also serves `cilium.io/v2` from 1.18, v2alpha1 then deprecated.
function loadCidrGroup(env, raw, base) {
    const identity = readIdentity(raw);
    const ctx = newContext(env, base, `CiliumCIDRGroup ${identity.name || '(unnamed)'}`);
    const apiVersion = field(raw, 'apiVersion');
    const served = env.options.minor >= 18 ? ['cilium.io/v2alpha1', 'cilium.io/v2'] : ['cilium.io/v2alpha1'];
    if (typeof apiVersion !== 'string' || !served.includes(apiVersion)) {
        apiError(ctx, ['apiVersion'], `a CiliumCIDRGroup has apiVersion ${served.join(' or ')} on Cilium 1.${env.options.minor}`, {
            value: apiVersion,
            expected: served.join(' | ')
        });
    }
    const group = validateCidrGroup(ctx, raw, env.locate(base).line);
    if (group)
        env.out.cidrGroups.push(group);
}
/**
 * A Namespace kept beside the policies declares a namespace and its labels: namespace
 * selectors match those labels, and a generated topology places pods there.
 */
function loadNamespace(env, raw, base) {
    const identity = readIdentity(raw);
    const ctx = newContext(env, base, `Namespace ${identity.name || '(unnamed)'}`);
    validateMetadata(ctx, raw);
    const metadata = field(raw, 'metadata');
    const rawLabels = isRecord(metadata) ? field(metadata, 'labels') : undefined;
    const labels = {};
    if (isRecord(rawLabels)) {
        for (const [key, value] of Object.entries(rawLabels))
            if (typeof value === 'string')
                labels[key] = value;
    }
    if (ctx.errors === 0 && identity.name) {
        env.out.namespaces ??= [];
        env.out.namespaces.push({
            name: identity.name,
            labels: { ...labels, 'kubernetes.io/metadata.name': identity.name }
        });
    }
}
/** kubectl apply keeps the last of two objects with the same kind, namespace and name. */
function warnDuplicates(out) {
    const seen = new Map();
    for (const policy of out.policies) {
        const key = describePolicy(policy.ref);
        const earlier = seen.get(key);
        if (earlier) {
            out.diagnostics.push({
                severity: 'warning',
                file: policy.ref.file,
                line: policy.ref.line,
                column: 0,
                path: '',
                message: `${key} is defined twice in this file (first at line ${earlier.line}); kubectl apply keeps the last one`,
                object: key
            });
        }
        seen.set(key, policy.ref);
    }
}

;// CONCATENATED MODULE: ./src/core/policy/validate/shapes.ts

/**
 * The one place the validated object is given its type (a mapping is assignable to these
 * all-optional shapes; validation is what makes that true). Only valid documents reach
 * normalisation: normalize.ts filters on `valid`.
 */
function networkPolicySpecOf(document) {
    const spec = document.raw.spec;
    return isRecord(spec) ? spec : {};
}
/** `spec` and the items of `specs`, with the index of each in `specs`. */
function ciliumRulesOf(document) {
    const rules = [];
    if (isRecord(document.raw.spec))
        rules.push({ rule: document.raw.spec });
    const specs = document.raw.specs;
    if (Array.isArray(specs)) {
        specs.forEach((rule, specIndex) => {
            if (isRecord(rule))
                rules.push({ rule, specIndex });
        });
    }
    return rules;
}

;// CONCATENATED MODULE: ./src/core/policy/normalize/normalize-ports.ts


function translateL4(rule, options, isDeny) {
    if (rule.toPorts && rule.toPorts.length > 0) {
        return {
            kind: 'ports',
            groups: rule.toPorts.map((portRule) => translatePortRule(portRule, options, isDeny))
        };
    }
    if (rule.icmps && rule.icmps.length > 0) {
        return {
            kind: 'icmp',
            fields: rule.icmps.flatMap((icmp) => (icmp.fields ?? []).flatMap((field) => {
                const family = field.family === 'IPv6' ? 6 : 4;
                const type = icmpTypeNumber(field.type, family);
                return type === undefined ? [] : [{ family, type }];
            }))
        };
    }
    return { kind: 'any' };
}
function translatePortRule(portRule, options, isDeny) {
    // R8.7: a toPorts entry without ports still makes the rule an L4 rule, and allows nothing.
    const ports = (portRule.ports ?? []).map((p) => portMatch(p, options));
    const l7 = isDeny || !portRule.rules ? undefined : translateL7(portRule.rules);
    return l7 ? { ports, l7 } : { ports };
}
function portMatch(port, options) {
    const protocols = probedProtocolsOf(port.protocol);
    const written = port.port ?? '0';
    if (!/^\d+$/.test(written))
        return { protocols, port: { name: written.toLowerCase() } };
    const from = Number(written);
    if (from === 0)
        return { protocols, port: { from: 0, to: 65535 } };
    // endPort from 1.16; an endPort at or below port leaves a single port (R8.2).
    const end = typeof port.endPort === 'number' && options.minor >= 16 ? port.endPort : from;
    return { protocols, port: { from, to: Math.max(from, end) } };
}
/**
 * The probed protocols a port entry matches. R8.2: an omitted protocol is ANY, which means TCP,
 * UDP and SCTP but never ICMP. VRRP and IGMP (1.19+) are IP protocols of their own (112 and 2,
 * cilium/cilium v1.19 `pkg/u8proto`): they match none of the TCP, UDP, SCTP and ICMP flows reachdiff
 * probes, yet the entry still makes the rule an L4 rule, so it allows none of them either.
 */
function probedProtocolsOf(protocol) {
    if (protocol === 'VRRP' || protocol === 'IGMP')
        return [];
    return protocol && protocol !== 'ANY' ? [protocol] : ANY_PROTOCOLS;
}
/** `rules` of a toPorts entry (pkg/policy/api/l7.go L7Rules). */
function translateL7(rules) {
    if (rules.http && rules.http.length > 0)
        return { kind: 'http', rules: rules.http.map(normalize_ports_httpRule) };
    for (const protocol of ['dns', 'kafka', 'l7']) {
        if ((rules[protocol] ?? []).length > 0)
            return { kind: 'other', protocol };
    }
    return undefined;
}
function normalize_ports_httpRule(rule) {
    const headers = [...(rule.headers ?? [])];
    // headerMatches with a mismatch action do not refuse (R9.2); without one they must hold.
    for (const match of rule.headerMatches ?? []) {
        if (match.mismatch === undefined || match.mismatch === null)
            headers.push(`${match.name} ${match.value ?? ''}`.trim());
    }
    return {
        method: rule.method ?? undefined,
        path: rule.path ?? undefined,
        host: rule.host ?? undefined,
        headers
    };
}

;// CONCATENATED MODULE: ./src/core/policy/normalize/normalize-cilium.ts




const PEER_FIELDS = {
    ingress: ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'],
    egress: ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toGroups', 'toNodes', 'toFQDNs']
};
const normalize_cilium_SECTIONS = [
    { section: 'ingress', direction: 'ingress', isDeny: false },
    { section: 'ingressDeny', direction: 'ingress', isDeny: true },
    { section: 'egress', direction: 'egress', isDeny: false },
    { section: 'egressDeny', direction: 'egress', isDeny: true }
];
function normalizeCiliumPolicy(document, options, groups) {
    const namespace = document.ref.kind === 'CiliumNetworkPolicy' ? (document.ref.namespace ?? 'default') : undefined;
    return ciliumRulesOf(document)
        .filter(({ rule }) => rule.nodeSelector === undefined) // host policies: host firewall is off (R4.4)
        .map(({ rule, specIndex }) => normalizeRule(rule, { document, specIndex, options, groups, namespace }));
}
function normalizeRule(spec, context) {
    const entries = emptySections();
    for (const { section, direction, isDeny } of normalize_cilium_SECTIONS) {
        ;
        (spec[section] ?? []).forEach((rule, index) => {
            entries[section].push(translateEntry(rule, section, direction, isDeny, index, context));
        });
    }
    const hasSection = {
        ingress: entries.ingress.length + entries.ingressDeny.length > 0,
        egress: entries.egress.length + entries.egressDeny.length > 0
    };
    return {
        policy: context.document.ref,
        specIndex: context.specIndex,
        subject: subjectSelector(spec.endpointSelector, context.namespace),
        entries,
        hasSection,
        defaultDeny: {
            ingress: hasSection.ingress && wantsDefaultDeny(spec, 'ingress', context.options),
            egress: hasSection.egress && wantsDefaultDeny(spec, 'egress', context.options)
        }
    };
}
/** R2.4: `enableDefaultDeny` exists from 1.16; from 1.17 the agent flag can switch it off. */
function wantsDefaultDeny(spec, direction, options) {
    const honoured = options.minor >= 16 && (options.minor < 17 || options.agent.enableNonDefaultDenyPolicies);
    const flag = spec.enableDefaultDeny?.[direction];
    return honoured && typeof flag === 'boolean' ? flag : true;
}
/** R4.1: a CNP's subject is forced into the CNP's namespace; a k8s-sourced namespace key is overwritten. */
function subjectSelector(written, namespace) {
    const selector = parseLabelSelector(written);
    if (namespace === undefined)
        return selector;
    return [
        ...selector.filter((r) => !(r.key === NAMESPACE_KEY && r.source === 'k8s')),
        { source: 'k8s', key: NAMESPACE_KEY, operator: 'In', values: [namespace] }
    ];
}
function translateEntry(rule, section, direction, isDeny, index, context) {
    const requires = ((direction === 'ingress' ? rule.fromRequires : rule.toRequires) ?? []).map((selector) => peerSelector(selector, context));
    return {
        ref: { policy: context.document.ref, specIndex: context.specIndex, section, index },
        isDeny,
        peer: translatePeer(rule, direction, context),
        l4: translateL4(rule, context.options, isDeny),
        requires
    };
}
function translatePeer(rule, direction, context) {
    const present = PEER_FIELDS[direction].filter((field) => Array.isArray(rule[field]));
    const nonEmpty = present.filter((field) => (rule[field] ?? []).length > 0);
    const hasL4 = (rule.toPorts ?? []).length > 0 || (rule.icmps ?? []).length > 0;
    if (nonEmpty.length === 0) {
        // R5.5c: from 1.16 an explicit empty list selects nothing (commit e97df7b).
        if (present.length > 0 && context.options.minor >= 16) {
            return { kind: 'nothing', why: `${present[0]} is an empty list` };
        }
        // R5.5a/b: no peer at all is a wildcard when ports or ICMP types are given, else nothing.
        return hasL4 ? { kind: 'all' } : { kind: 'nothing', why: 'the rule names no peer and no ports' };
    }
    const field = nonEmpty[0];
    switch (field) {
        case 'fromEndpoints':
        case 'toEndpoints':
            return { kind: 'endpoints', selectors: (rule[field] ?? []).map((s) => peerSelector(s, context)) };
        case 'fromEntities':
        case 'toEntities':
            return { kind: 'entities', entities: [...(rule[field] ?? [])] };
        case 'fromCIDR':
        case 'toCIDR':
            return cidrPeer((rule[field] ?? []).flatMap((cidr) => cidrRangeFrom(cidr, []) ?? []));
        case 'fromCIDRSet':
        case 'toCIDRSet':
            return cidrPeer((rule[field] ?? []).flatMap((entry) => cidrSetRanges(entry, context.groups)));
        default:
            return { kind: 'unresolved', why: `${field} cannot be resolved without a cluster` };
    }
}
function cidrPeer(ranges) {
    return ranges.length > 0 ? { kind: 'cidrs', ranges } : { kind: 'nothing', why: 'no usable CIDR' };
}
/** R7.2, R7.8: a CIDRSet entry is a CIDR or the CIDRs of the referenced groups, minus `except`. */
function cidrSetRanges(entry, groups) {
    const except = entry.except ?? [];
    let cidrs = [];
    if (typeof entry.cidr === 'string')
        cidrs = [entry.cidr];
    else if (typeof entry.cidrGroupRef === 'string') {
        cidrs = groups.filter((g) => g.name === entry.cidrGroupRef).flatMap((g) => g.externalCIDRs);
    }
    else if (entry.cidrGroupSelector) {
        const selector = parseLabelSelector(entry.cidrGroupSelector);
        cidrs = groups
            .filter((g) => matchesSelector(selector, indexLabels(labelsOf(g.labels))))
            .flatMap((g) => g.externalCIDRs);
    }
    return cidrs.flatMap((cidr) => cidrRangeFrom(cidr, except) ?? []);
}
function labelsOf(labels) {
    return Object.entries(labels).map(([key, value]) => ({ source: 'k8s', key, value }));
}
/**
 * R5.1 / R5.2: a CNP peer selector is confined to the policy's namespace unless it names a
 * namespace, (1.16+) namespace labels, or a reserved label; a CCNP one is confined to pods.
 */
function peerSelector(written, context) {
    const selector = parseLabelSelector(written);
    const namesNamespace = constrainsKey(selector, (key) => key === NAMESPACE_KEY);
    const usesReserved = selector.some((r) => r.source === 'reserved');
    if (namesNamespace || usesReserved)
        return selector;
    if (context.namespace === undefined) {
        const exists = { source: 'k8s', key: NAMESPACE_KEY, operator: 'Exists', values: [] };
        return [...selector, exists];
    }
    const namesNamespaceLabels = constrainsKey(selector, (key) => key.startsWith(NAMESPACE_LABEL_PREFIX));
    if (namesNamespaceLabels && context.options.minor >= 16)
        return selector;
    return [...selector, { source: 'k8s', key: NAMESPACE_KEY, operator: 'In', values: [context.namespace] }];
}

;// CONCATENATED MODULE: ./src/core/policy/normalize/normalize-knp.ts



function normalizeNetworkPolicy(document, options) {
    const spec = networkPolicySpecOf(document);
    const namespace = document.ref.namespace ?? 'default';
    const entries = emptySections();
    const ingress = spec.ingress ?? [];
    const egress = spec.egress ?? [];
    for (const [direction, rules] of [
        ['ingress', ingress],
        ['egress', egress]
    ]) {
        rules.forEach((rule, index) => {
            entries[direction].push(...translateRule(document, namespace, direction, rule, index, options));
        });
    }
    // The API server defaults policyTypes to Ingress (+ Egress when egress rules exist).
    const types = spec.policyTypes ?? (egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
    // "Convert the k8s default-deny model": an empty rule gives default deny that allows nothing.
    if (ingress.length === 0 && (types.includes('Ingress') || !types.includes('Egress'))) {
        entries.ingress.push(allowNothing(document, 'ingress', 'policyTypes includes Ingress and no ingress rule'));
    }
    if (egress.length === 0 && types.includes('Egress')) {
        entries.egress.push(allowNothing(document, 'egress', 'policyTypes includes Egress and no egress rule'));
    }
    const hasSection = { ingress: entries.ingress.length > 0, egress: entries.egress.length > 0 };
    return {
        policy: document.ref,
        subject: withNamespace(parseLabelSelector(spec.podSelector), namespace),
        entries,
        hasSection,
        defaultDeny: { ...hasSection }
    };
}
function allowNothing(document, section, why) {
    return {
        ref: { policy: document.ref, section, index: -1 },
        isDeny: false,
        peer: { kind: 'nothing', why },
        l4: { kind: 'any' },
        requires: []
    };
}
function translateRule(document, namespace, direction, rule, index, options) {
    const peersList = (direction === 'ingress' ? rule.from : rule.to) ?? [];
    const l4 = translatePorts(rule.ports ?? [], options);
    const peers = peersList.length === 0 ? [{ kind: 'all' }] : peersList.map((p) => normalize_knp_translatePeer(p, namespace));
    return peers.map((peer) => ({
        ref: { policy: document.ref, section: direction, index },
        isDeny: false,
        peer,
        l4,
        requires: []
    }));
}
function normalize_knp_translatePeer(peer, namespace) {
    if (peer.ipBlock) {
        const range = cidrRangeFrom(peer.ipBlock.cidr, peer.ipBlock.except ?? []);
        return range ? { kind: 'cidrs', ranges: [range] } : { kind: 'nothing', why: 'unparsable ipBlock' };
    }
    const hasNamespaces = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
    const pods = parseLabelSelector(peer.podSelector);
    if (!hasNamespaces)
        return { kind: 'endpoints', selectors: [withNamespace(pods, namespace)] };
    // Namespace labels become identity labels under io.cilium.k8s.namespace.labels.<key>;
    // the namespace-exists requirement keeps reserved identities out, even for `{}`.
    const namespaces = parseLabelSelector(peer.namespaceSelector).map((r) => ({
        ...r,
        source: 'k8s',
        key: NAMESPACE_LABEL_PREFIX + r.key
    }));
    const exists = { source: 'k8s', key: NAMESPACE_KEY, operator: 'Exists', values: [] };
    return { kind: 'endpoints', selectors: [[...pods, ...namespaces, exists]] };
}
function withNamespace(selector, namespace) {
    return [...selector, { source: 'k8s', key: NAMESPACE_KEY, operator: 'In', values: [namespace] }];
}
function translatePorts(list, options) {
    if (list.length === 0)
        return { kind: 'any' };
    const ports = list.map((entry) => {
        // A KNP port without protocol is TCP, unlike a CNP port (R10.1).
        const protocol = entry.protocol ?? 'TCP';
        const port = entry.port;
        if (typeof port === 'string' && !/^\d+$/.test(port)) {
            return { protocols: [protocol], port: { name: port.toLowerCase() } };
        }
        if (port === undefined || port === null)
            return { protocols: [protocol], port: { from: 0, to: 65535 } };
        const from = Number(port);
        // endPort is honoured from 1.16 (commit 036ecab); through 1.15 only the start port counts.
        const end = typeof entry.endPort === 'number' && options.minor >= 16 ? entry.endPort : from;
        return { protocols: [protocol], port: { from, to: Math.max(from, end) } };
    });
    return { kind: 'ports', groups: [{ ports }] };
}

;// CONCATENATED MODULE: ./src/core/policy/normalize.ts


function normalizePolicies(loaded, options) {
    return loaded.policies
        .filter((document) => document.valid)
        .flatMap((document) => document.ref.kind === 'NetworkPolicy'
        ? [normalizeNetworkPolicy(document, options)]
        : normalizeCiliumPolicy(document, options, loaded.cidrGroups));
}

;// CONCATENATED MODULE: ./src/core/scenario/fields.ts


const MAX_VALUE_LENGTH = 80;
class FieldChecker {
    file;
    source;
    diagnostics = [];
    constructor(file, source) {
        this.file = file;
        this.source = source;
    }
    locate(path) {
        return this.source.locate(path);
    }
    error(path, message, details = {}) {
        this.report('error', path, message, details);
    }
    warning(path, message, details = {}) {
        this.report('warning', path, message, details);
    }
    hasErrors() {
        return this.diagnostics.some((d) => d.severity === 'error');
    }
    report(severity, path, message, details) {
        const diagnostic = {
            severity,
            file: this.file,
            ...this.locate(path),
            path: formatPath(path),
            message
        };
        if ('value' in details)
            diagnostic.value = describeValue(details.value);
        if (details.expected !== undefined)
            diagnostic.expected = details.expected;
        this.diagnostics.push(diagnostic);
    }
}
/** The value as the user wrote it, cut short: diagnostics quote it, they do not dump it. */
function describeValue(value) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 3)}...` : text;
}
/** Re-exported so the readers here keep one import; defined in core/records.ts. */

/** Warns about keys outside `known`; `x-` keys are extensions and deliberately ignored. */
function warnUnknownKeys(c, object, path, known) {
    for (const key of Object.keys(object)) {
        if (known.includes(key) || key.startsWith('x-'))
            continue;
        c.warning([...path, key], `unknown field "${key}" is ignored`, {
            expected: `one of ${known.join(', ')} (or an x- extension field)`
        });
    }
}
/** Reads an optional string field; a present non-string value is an error. */
function readOptionalString(c, object, path, key) {
    const value = object[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string')
        return value;
    c.error([...path, key], `${key} must be a string`, { value, expected: 'a string (quote it)' });
    return undefined;
}
/**
 * Reads a required string field and checks its syntax. Returns undefined (after reporting)
 * when the field is missing, not a string or malformed.
 */
function readRequiredString(c, object, path, key, syntax) {
    const value = object[key];
    const fieldPath = [...path, key];
    if (value === undefined || value === null) {
        c.error(fieldPath, `${key} is required`, syntax ? { expected: syntax.expected } : {});
        return undefined;
    }
    if (typeof value !== 'string') {
        c.error(fieldPath, `${key} must be a string`, { value, expected: syntax?.expected ?? 'a string' });
        return undefined;
    }
    if (syntax && !syntax.test(value)) {
        c.error(fieldPath, syntax.problem?.(value) ?? `${key} is malformed`, { value, expected: syntax.expected });
        return undefined;
    }
    return value;
}
const fields_DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}$`);
const DNS_LABEL_EXPECTED = 'a DNS-1123 label: lowercase letters, digits and "-", at most 63 characters';
const DNS_SUBDOMAIN_EXPECTED = 'a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", at most 253 characters';
function fields_isDnsLabel(s) {
    return s.length <= 63 && fields_DNS_LABEL.test(s);
}
function fields_isDnsSubdomain(s) {
    return s.length <= 253 && DNS_SUBDOMAIN.test(s);
}
function isIPv4(s) {
    return IPV4.test(s);
}
/** Kubernetes' rules for a label key: optional DNS-subdomain prefix, then a name of ≤ 63 characters. */
function isLabelKey(key) {
    const slash = key.lastIndexOf('/');
    const name = slash < 0 ? key : key.slice(slash + 1);
    if (slash >= 0 && !fields_isDnsSubdomain(key.slice(0, slash)))
        return false;
    return name.length <= 63 && LABEL_NAME.test(name);
}
function fields_isLabelValue(value) {
    return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}
/**
 * Reads a label map. Values must be strings as in Kubernetes: YAML turns `version: 1` or
 * `enabled: true` into a number or boolean, which the API server would refuse, so we do too
 * rather than guess the text the user meant.
 */
function readLabels(c, value, path) {
    const labels = {};
    if (value === undefined || value === null)
        return labels;
    if (!isRecord(value)) {
        c.error(path, 'labels must be a map of label key to value', { value, expected: '{key: value, ...}' });
        return labels;
    }
    for (const [key, labelValue] of Object.entries(value)) {
        const labelPath = [...path, key];
        if (!isLabelKey(key)) {
            c.error(labelPath, `"${key}" is not a valid label key`, {
                value: key,
                expected: 'an optional DNS-subdomain prefix and "/", then alphanumerics, "-", "_", "." (≤ 63)'
            });
        }
        else if (typeof labelValue !== 'string') {
            c.error(labelPath, `label "${key}" must have a string value`, {
                value: labelValue,
                expected: `a string; quote it: "${describeValue(labelValue)}"`
            });
        }
        else if (!fields_isLabelValue(labelValue)) {
            c.error(labelPath, `label "${key}" has an invalid value`, {
                value: labelValue,
                expected: 'empty, or alphanumerics, "-", "_", "." starting and ending alphanumeric (≤ 63)'
            });
        }
        else {
            labels[key] = labelValue;
        }
    }
    return labels;
}

;// CONCATENATED MODULE: ./src/core/scenario/flows.ts
// The flows of a case (docs/scenario-format.md "Flows") and how expect entries select them
// (docs/scenario-format.md "expect"). Both the static engine and the cluster prober judge exactly
// these flows, so the two matrices line up key by key.

/**
 * Every ordered pod pair (source ≠ destination) on each port the destination serves, every pod
 * to every external endpoint on each of its ports, every source external (`source: true`) to
 * every pod on each of the pod's ports, and the HTTP requests that `http` entries name on every
 * TCP flow they select. Sorted with compareFlows, without duplicates. An external never sends
 * to another external: that traffic never crosses the cluster.
 */
function enumerateFlows(scenario) {
    const { pods, external } = scenario.topology;
    // Flows are appended one by one: a spread of a 65,535-port list overflows the call stack.
    const base = [];
    for (const source of pods) {
        const from = podKey(source);
        for (const destination of pods) {
            const to = podKey(destination);
            if (to !== from)
                appendPortFlows(base, from, to, destination.ports);
        }
        for (const endpoint of external)
            appendPortFlows(base, from, worldKey(endpoint.name), endpoint.ports);
    }
    for (const endpoint of external) {
        if (!endpoint.source)
            continue;
        const from = worldKey(endpoint.name);
        for (const destination of pods)
            appendPortFlows(base, from, podKey(destination), destination.ports);
    }
    return sortUnique(base.concat(httpFlows(base, scenario.expect)));
}
function appendPortFlows(flows, from, to, ports) {
    // The port's name is the destination's business; a flow is keyed by number only.
    for (const { protocol, port } of ports) {
        flows.push(port === undefined ? { from, to, protocol } : { from, to, protocol, port });
    }
}
/** An HTTP request rides on a TCP connection, so only TCP flows carry the probed requests. */
function httpFlows(base, expect) {
    const flows = [];
    for (const entry of expect) {
        if (!entry.http)
            continue;
        const http = { method: entry.http.method, path: entry.http.path };
        const l4Entry = { ...entry, http: undefined };
        for (const flow of base) {
            if (flow.protocol === 'TCP' && entryMatchesFlow(l4Entry, flow))
                flows.push({ ...flow, http });
        }
    }
    return flows;
}
function sortUnique(flows) {
    const seen = new Set();
    const unique = flows.filter((flow) => {
        const key = flowKey(flow);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    return unique.sort(compareFlows);
}
function splitKey(key) {
    const slash = key.indexOf('/');
    return slash < 0 ? undefined : [key.slice(0, slash), key.slice(slash + 1)];
}
/**
 * Whether a `from`/`to` pattern selects an endpoint (`namespace/pod` or `world/NAME`). A `*`
 * namespace part never selects `world`: the default entry `{from: "*", to: "*"}` is about pods,
 * and egress to the outside must be stated on purpose with `world/...`.
 */
function matchesPattern(pattern, endpointKey) {
    const key = splitKey(endpointKey);
    if (!key)
        return false;
    const [namespace, name] = key;
    if (pattern === '*')
        return namespace !== WORLD_NAMESPACE;
    const parts = splitKey(pattern);
    if (!parts)
        return false;
    const [namespacePattern, namePattern] = parts;
    const namespaceMatches = namespacePattern === '*' ? namespace !== WORLD_NAMESPACE : namespacePattern === namespace;
    return namespaceMatches && (namePattern === '*' || namePattern === name);
}
/**
 * An entry without `http` matches the connection and every HTTP request probed on it; an entry
 * with `http` matches only that one request.
 */
function entryMatchesFlow(entry, flow) {
    if (entry.port !== undefined && entry.port !== flow.port)
        return false;
    if (entry.protocol !== undefined && entry.protocol !== flow.protocol)
        return false;
    if (entry.http) {
        if (!flow.http || flow.http.method !== entry.http.method || flow.http.path !== entry.http.path)
            return false;
    }
    return matchesPattern(entry.from, flow.from) && matchesPattern(entry.to, flow.to);
}
const flows_NAME_PART = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/**
 * Why a `from`/`to` pattern is malformed, or undefined when it is fine. `world/...` is fine on
 * either side: as `from` it selects the externals that have `source: true`.
 */
function patternProblem(pattern) {
    if (pattern === '*')
        return undefined;
    const parts = splitKey(pattern);
    if (!parts || parts[1].includes('/'))
        return 'a pattern is "*" or "namespace/pod"';
    const [namespace, name] = parts;
    for (const part of [namespace, name]) {
        if (part !== '*' && !flows_NAME_PART.test(part)) {
            return part.includes('*')
                ? `"${part}": "*" stands for a whole namespace or pod name, not part of one`
                : `"${part}" is not a valid name`;
        }
    }
    return undefined;
}
/**
 * Flows per side beyond which a run would take minutes and gigabytes: such a topology is
 * refused with a diagnostic rather than left to exhaust the machine.
 */
const MAX_FLOWS = 1_500_000;
/**
 * Every source pod times every other endpoint's served ports, plus every source external times
 * every pod's ports (docs/scenario-format.md, "Flows"), before HTTP requests are added.
 */
function countFlows(topology) {
    const pods = topology.pods.length;
    const podPorts = topology.pods.reduce((sum, pod) => sum + pod.ports.length, 0);
    const externalPorts = topology.external.reduce((sum, external) => sum + external.ports.length, 0);
    const sources = topology.external.filter((external) => external.source).length;
    return podPorts * Math.max(0, pods - 1) + externalPorts * pods + podPorts * sources;
}

;// CONCATENATED MODULE: ./src/core/scenario/expectations.ts
// Expect entries: reading them, and deciding which entry states the expected verdict of a
// flow. Used by the conformance runner on a case's own flows, and by the expectations-file
// check on the flows of a predicted matrix, so nothing here assumes where the flows came from.



/** Beyond this many, unmatched flows are summed up in one diagnostic instead of one each. */
const MAX_UNMATCHED_REPORTED = 20;
const ENTRY_KEYS = ['from', 'to', 'port', 'protocol', 'http', 'verdict'];
const VERDICTS = ['allow', 'deny'];
const HTTP_METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** The last matching entry wins, as in the upstream truth tables the format comes from. */
function expectedVerdict(flow, expect) {
    for (let i = expect.length - 1; i >= 0; i--) {
        if (entryMatchesFlow(expect[i], flow))
            return expect[i];
    }
    return undefined;
}
function resolveExpectations(flows, expect) {
    const results = [];
    const unmatched = [];
    const used = new Set();
    for (const flow of flows) {
        let winner;
        for (const entry of expect) {
            if (!entryMatchesFlow(entry, flow))
                continue;
            winner = entry;
            used.add(entry);
        }
        if (winner)
            results.push({ flow, expected: winner });
        else
            unmatched.push(flow);
    }
    return { results, unmatched, unusedEntries: expect.filter((entry) => !used.has(entry)) };
}
/**
 * Errors for flows no entry matches (each needs a verdict), warnings for entries that match no
 * flow. Unmatched flows point at the first entry, the start of the list they are missing from.
 */
function checkExpectationCoverage(flows, expect, file) {
    const { unmatched, unusedEntries } = resolveExpectations(flows, expect);
    const at = { line: expect[0]?.line ?? 0, column: expect[0]?.column ?? 0 };
    const diagnostics = unmatched.slice(0, MAX_UNMATCHED_REPORTED).map((flow) => ({
        severity: 'error',
        file,
        ...at,
        path: 'expect',
        message: `no entry matches the flow ${flowKey(flow)}`,
        expected: coverageHint(flow)
    }));
    if (unmatched.length > MAX_UNMATCHED_REPORTED) {
        diagnostics.push({
            severity: 'error',
            file,
            ...at,
            path: 'expect',
            message: `${unmatched.length - MAX_UNMATCHED_REPORTED} more flows match no entry`
        });
    }
    for (const entry of unusedEntries) {
        diagnostics.push({
            severity: 'warning',
            file,
            line: entry.line,
            column: entry.column ?? 0,
            path: `expect[${expect.indexOf(entry)}]`,
            message: 'this entry matches no flow of the topology',
            value: describeEntry(entry),
            expected: 'pods, namespaces, external names and ports that the topology has'
        });
    }
    return diagnostics;
}
function coverageHint(flow) {
    if (isWorldKey(flow.from))
        return 'an entry for it, e.g. {from: "world/*", to: "*", verdict: ...} ("*" never matches world/...)';
    return isWorldKey(flow.to)
        ? 'an entry for it, e.g. {from: "*", to: "world/*", verdict: ...} ("*" never matches world/...)'
        : 'an entry for it, e.g. a first {from: "*", to: "*", verdict: ...} default';
}
function describeEntry(entry) {
    const port = entry.protocol
        ? ` ${describePort(entry.protocol, entry.port)}`
        : entry.port
            ? ` port ${entry.port}`
            : '';
    const http = entry.http ? ` ${entry.http.method} ${entry.http.path}` : '';
    return `${entry.from} -> ${entry.to}${port}${http}: ${entry.verdict}`;
}
/** Reads the `expect` list; malformed entries are reported and left out. */
function parseExpectEntries(c, value, path = ['expect']) {
    if (value === undefined || value === null) {
        c.error(path, 'expect is required', { expected: 'a list of {from, to, verdict} entries' });
        return [];
    }
    if (!Array.isArray(value)) {
        c.error(path, 'expect must be a list', { value, expected: 'a list of {from, to, verdict} entries' });
        return [];
    }
    const entries = [];
    value.forEach((item, index) => {
        const entry = parseExpectEntry(c, item, [...path, index]);
        if (entry)
            entries.push(entry);
    });
    return entries;
}
function parseExpectEntry(c, item, path) {
    if (!isRecord(item)) {
        c.error(path, 'an expect entry must be a map', { value: item, expected: '{from, to, verdict}' });
        return undefined;
    }
    const reportedBefore = c.diagnostics.length;
    warnUnknownKeys(c, item, path, ENTRY_KEYS);
    const from = readPattern(c, item, path, 'from');
    const to = readPattern(c, item, path, 'to');
    const verdict = readRequiredString(c, item, path, 'verdict', {
        test: (s) => VERDICTS.includes(s),
        expected: 'allow or deny',
        // The diagnostic shows the value itself ("got ..."); the message must not repeat it.
        problem: () => 'unknown verdict'
    });
    const protocol = readProtocol(c, item, path);
    const port = readPort(c, item, path, protocol);
    const http = readHttp(c, item, path, protocol);
    const failed = c.diagnostics.slice(reportedBefore).some((d) => d.severity === 'error');
    if (failed || from === undefined || to === undefined || verdict === undefined)
        return undefined;
    const { line, column } = c.locate(path);
    const entry = { from, to, verdict: verdict, line, column };
    if (port !== undefined)
        entry.port = port;
    if (protocol !== undefined)
        entry.protocol = protocol;
    if (http !== undefined)
        entry.http = http;
    return entry;
}
function readPattern(c, item, path, side) {
    const expected = '"*", "namespace/pod" (either part may be "*"), "world/NAME" or "world/*"';
    const pattern = readRequiredString(c, item, path, side, { test: () => true, expected });
    if (pattern === undefined)
        return undefined;
    const problem = patternProblem(pattern);
    if (problem === undefined)
        return pattern;
    c.error([...path, side], `${side}: ${problem}`, { value: pattern, expected });
    return undefined;
}
function readProtocol(c, item, path) {
    const value = item.protocol;
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' && PROTOCOLS.includes(value))
        return value;
    c.error([...path, 'protocol'], 'unknown protocol', { value, expected: PROTOCOLS.join(', ') });
    return undefined;
}
function readPort(c, item, path, protocol) {
    const value = item.port;
    if (value === undefined || value === null)
        return undefined;
    if (protocol === 'ICMP') {
        c.error([...path, 'port'], 'ICMP has no port', { value, expected: 'no port with protocol ICMP' });
        return undefined;
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535)
        return value;
    c.error([...path, 'port'], 'port must be a port number', { value, expected: 'an integer from 1 to 65535' });
    return undefined;
}
function readHttp(c, item, path, protocol) {
    const value = item.http;
    if (value === undefined || value === null)
        return undefined;
    const httpPath = [...path, 'http'];
    if (!isRecord(value)) {
        c.error(httpPath, 'http must be a map', { value, expected: '{method: GET, path: /public}' });
        return undefined;
    }
    warnUnknownKeys(c, value, httpPath, ['method', 'path']);
    if (protocol !== undefined && protocol !== 'TCP') {
        c.error([...path, 'protocol'], 'an http entry is about a TCP connection', {
            value: protocol,
            expected: 'TCP'
        });
    }
    const method = readRequiredString(c, value, httpPath, 'method', {
        test: (s) => HTTP_METHOD.test(s),
        expected: 'an HTTP method, e.g. GET'
    });
    const requestPath = readRequiredString(c, value, httpPath, 'path', {
        test: (s) => s.startsWith('/') && !/\s/.test(s),
        expected: 'a request path starting with "/", without spaces'
    });
    return method === undefined || requestPath === undefined ? undefined : { method, path: requestPath };
}

;// CONCATENATED MODULE: ./src/core/topology/selector-set.ts

/** The namespace label every namespace carries automatically (R1.1). */
const METADATA_NAME_LABEL = 'kubernetes.io/metadata.name';
/** Every distinct selector of the rules, sorted by canonical text so the output never depends on rule order. */
function collectSelectors(rules) {
    const byKey = new Map();
    const add = (selector) => {
        const key = canonicalKey(selector);
        if (!byKey.has(key))
            byKey.set(key, selector);
    };
    for (const rule of rules) {
        add(rule.subject);
        for (const entries of Object.values(rule.entries)) {
            for (const entry of entries) {
                if (entry.peer.kind === 'endpoints')
                    entry.peer.selectors.forEach(add);
                entry.requires.forEach(add);
            }
        }
    }
    return [...byKey.keys()].sort().map((key, id) => {
        const selector = byKey.get(key);
        return {
            id,
            key,
            selector,
            pinned: pinnedNamespaces(selector),
            isReserved: selector.some((r) => r.source === 'reserved')
        };
    });
}
function canonicalKey(selector) {
    return selector
        .map((r) => `${r.source}:${r.key} ${r.operator} ${[...r.values].sort().join(',')}`)
        .sort()
        .join(' & ');
}
/** Requirements naming a namespace: the namespace key itself or the automatic name label. */
function isNamespaceNameRequirement(requirement) {
    return requirement.key === NAMESPACE_KEY || requirement.key === NAMESPACE_LABEL_PREFIX + METADATA_NAME_LABEL;
}
/** The intersection of every `In` on a namespace name: no pod outside it can match. */
function pinnedNamespaces(selector) {
    let pinned;
    for (const requirement of selector) {
        if (requirement.operator !== 'In' || !isNamespaceNameRequirement(requirement))
            continue;
        pinned = pinned ? pinned.filter((name) => requirement.values.includes(name)) : [...requirement.values];
    }
    return pinned ? [...new Set(pinned)].sort() : undefined;
}
/** Whether a requirement can be met by a pod label at all: pods only carry `k8s:` labels (R1.5). */
function isPodSource(requirement) {
    return requirement.source === 'k8s' || requirement.source === 'any';
}
const PLACEHOLDER_VALUE = 'x';
/**
 * A value that satisfies every requirement on one key: the first `In` value the other
 * requirements also allow, a placeholder for `Exists`, nothing for `NotIn`/`DoesNotExist`.
 * `satisfiable` is false when the `In` lists and `NotIn` exclude every value.
 */
function chooseValue(requirements, placeholder) {
    const excluded = new Set(requirements.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values));
    const ins = requirements.filter((r) => r.operator === 'In');
    if (ins.length > 0) {
        const value = ins[0].values.find((v) => !excluded.has(v) && ins.every((r) => r.values.includes(v)));
        return { value, satisfiable: value !== undefined };
    }
    if (!requirements.some((r) => r.operator === 'Exists'))
        return { satisfiable: true };
    let value = placeholder;
    for (let i = 2; excluded.has(value); i++)
        value = `${placeholder}${i}`;
    return { value, satisfiable: true };
}
/** Requirements grouped by key, in key order, for the pod-source requirements only. */
function groupByKey(selector) {
    const groups = new Map();
    for (const requirement of [...selector].sort((a, b) => selector_set_compareText(a.key, b.key))) {
        if (!isPodSource(requirement))
            continue;
        const list = groups.get(requirement.key);
        if (list)
            list.push(requirement);
        else
            groups.set(requirement.key, [requirement]);
    }
    return groups;
}
/** Code-unit order: unlike localeCompare it is the same on every machine. */
function selector_set_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/core/topology/names.ts

const MAX_NAME = 63;
/** Lower-case `[a-z0-9-]`, no leading/trailing/double dash, at most 63 characters. */
function toDnsLabel(text, fallback) {
    const cleaned = text
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
    return trimDashes(cleaned.slice(0, MAX_NAME)) || fallback;
}
/**
 * A pod named after what makes it special: its label values in key order (`{app: web, tier:
 * fe}` → `web-fe`), the key where the value is only a placeholder for `Exists`, then a
 * non-default service account. No label at all is `any`.
 */
function podNameFromLabels(labels, serviceAccount) {
    const parts = Object.keys(labels)
        .sort(selector_set_compareText)
        .map((key) => (labels[key] === PLACEHOLDER_VALUE ? lastSegment(key) : labels[key]));
    if (serviceAccount !== 'default')
        parts.push(`sa-${serviceAccount}`);
    return toDnsLabel(parts.join('-'), parts.length === 0 ? 'any' : 'pod');
}
/** `base`, else `base-2`, `base-3`, …, still within 63 characters; records the name as taken. */
function claimName(base, taken) {
    let name = base;
    for (let i = 2; taken.has(name); i++) {
        const suffix = `-${i}`;
        name = trimDashes(base.slice(0, MAX_NAME - suffix.length)) + suffix;
    }
    taken.add(name);
    return name;
}
function lastSegment(key) {
    return key.slice(key.lastIndexOf('/') + 1);
}
function trimDashes(text) {
    return text.replace(/-+$/g, '');
}

;// CONCATENATED MODULE: ./src/core/topology/externals.ts
// Step 5 of topology generation: external endpoints (`world/<name>`) for the CIDR and world
// peers of the rules. CIDR rules never match pods (R7.1), so only an address outside the
// cluster can show what they allow or deny. Every generated external is also a source
// (`source: true`): it sends to every pod, so fromEntities, fromCIDR, fromCIDRSet and CIDR-group
// ingress rules are evaluated, and a change to them shows in the diff.



/** The generic external for `world`/`all` peers: 203.0.113.10 in TEST-NET-3 (RFC 5737). */
const INTERNET = { name: 'internet', ip: ipNumber(203, 0, 113, 10) };
/**
 * A range with more excepts than this gets a representative address for the first ones in
 * address order only: each representative is an external every pod probes, and one policy with
 * thousands of excepts would otherwise turn into thousands of endpoints.
 */
const MAX_EXCEPT_ADDRESSES = 16;
function collectExternals(rules, ports) {
    const candidates = [];
    for (const rule of rules) {
        for (const entries of Object.values(rule.entries)) {
            for (const { peer } of entries) {
                // R6.1: `world` and `all` match every external address; so does a wildcard peer (R5.5b).
                const isWorld = peer.kind === 'all' ||
                    (peer.kind === 'entities' && peer.entities.some((entity) => entity === 'world' || entity === 'all'));
                if (isWorld)
                    candidates.push({ ...INTERNET, priority: 0 });
                // One by one: a spread of a long list overflows the call stack.
                if (peer.kind === 'cidrs')
                    for (const range of peer.ranges)
                        appendRangeAddresses(candidates, range);
            }
        }
    }
    // The same address from two rules is one endpoint; the generic internet keeps its name.
    candidates.sort((a, b) => a.priority - b.priority || selector_set_compareText(a.name, b.name) || a.ip - b.ip);
    const byIp = new Map();
    const taken = new Set();
    for (const candidate of candidates) {
        if (!byIp.has(candidate.ip))
            byIp.set(candidate.ip, claimName(candidate.name, taken));
    }
    // Container-port names mean nothing outside the cluster; the numbers stay.
    const served = ports.map(({ protocol, port }) => Object.freeze(port === undefined ? { protocol } : { protocol, port }));
    return [...byIp.entries()]
        .map(([ip, name]) => ({ name, ip: formatIp(ip), ports: served.slice(), source: true }))
        .sort((a, b) => selector_set_compareText(a.name, b.name));
}
/**
 * One address inside the range and outside its excepts, and one inside each except (R7.2), for
 * at most MAX_EXCEPT_ADDRESSES excepts. Linear after one sort, whatever the number of excepts.
 */
function appendRangeAddresses(candidates, range) {
    if (range.family !== 4)
        return; // every probe is IPv4; IPv6 ranges cannot match one
    const excepts = range.except.slice().sort((a, b) => a.network - b.network || a.prefix - b.prefix);
    const inside = addressInside(range, mergeBlocks(excepts));
    if (inside !== undefined)
        candidates.push({ name: blockName(range), ip: inside, priority: 1 });
    for (const except of excepts.slice(0, MAX_EXCEPT_ADDRESSES)) {
        candidates.push({ name: blockName(except), ip: preferredAddress(except), priority: 1 });
    }
}
/** Blocks sorted by network → disjoint intervals in address order (nested and adjacent merged). */
function mergeBlocks(blocks) {
    const merged = [];
    for (const block of blocks) {
        const first = block.network;
        const last = block.network + 2 ** (32 - block.prefix) - 1;
        const previous = merged[merged.length - 1];
        if (previous && first <= previous.last + 1)
            previous.last = Math.max(previous.last, last);
        else
            merged.push({ first, last });
    }
    return merged;
}
/**
 * A readable address in the block (see preferredAddress), stepping past the except intervals
 * that cover it; failing that, the first free address from the block's start; undefined when the
 * excepts cover the whole block.
 */
function addressInside(block, excepts) {
    const last = block.network + 2 ** (32 - block.prefix) - 1;
    for (const start of [preferredAddress(block), block.network]) {
        const ip = firstFree(start, excepts);
        if (ip <= last)
            return ip;
    }
    return undefined;
}
/** The first address at or after `ip` outside every interval (sorted, disjoint). */
function firstFree(ip, intervals) {
    // Binary search for the first interval that ends at or after ip; the rest are in order.
    let low = 0;
    let high = intervals.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (intervals[middle].last < ip)
            low = middle + 1;
        else
            high = middle;
    }
    let free = ip;
    for (let i = low; i < intervals.length && intervals[i].first <= free; i++)
        free = intervals[i].last + 1;
    return free;
}
/** The tenth host of the block, or 203.0.113.10 for very wide blocks such as 0.0.0.0/0. */
function preferredAddress(block) {
    const size = 2 ** (32 - block.prefix);
    return block.prefix < 8 && cidrContains(block, INTERNET.ip)
        ? INTERNET.ip
        : block.network + Math.min(10, size - 1);
}
/** `1.1.1.0/24` → `cidr-1-1-1-0-24`. */
function blockName(block) {
    return toDnsLabel(`cidr-${block.text}`, 'cidr');
}
function ipNumber(a, b, c, d) {
    return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}
function formatIp(ip) {
    return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

;// CONCATENATED MODULE: ./src/core/topology/namespaces.ts




/** Used when no rule names a namespace, e.g. a lone CCNP. */
const DEFAULT_NAMESPACE = 'default';
/** The namespace that stands for "the rest of the cluster": it holds only an outsider. */
const UNMENTIONED_NAMESPACE = 'unmentioned';
function planNamespaces(rules, selectors, declared = []) {
    const labels = new Map();
    const ensure = (name) => {
        if (!labels.has(name))
            labels.set(name, { [METADATA_NAME_LABEL]: name });
    };
    for (const namespace of declared)
        labels.set(namespace.name, { ...namespace.labels, [METADATA_NAME_LABEL]: namespace.name });
    mentionedNamespaces(rules, selectors).forEach(ensure);
    if (labels.size === 0)
        ensure(DEFAULT_NAMESPACE);
    const labelled = selectors.filter((s) => !s.isReserved && namespaceLabelRequirements(s.selector).length > 0);
    // Pinned selectors first: their labels must go on the namespaces they name (e.g. a CNP in
    // 1.15, whose namespace-label peers stay confined to the policy namespace, R5.1b).
    const known = knownValues(labelled);
    for (const collected of labelled)
        if (collected.pinned)
            labelPinned(collected, labels, known);
    for (const collected of labelled)
        if (!collected.pinned)
            ensureCarrier(collected, labels, known);
    const unmentioned = claimName(UNMENTIONED_NAMESPACE, new Set(labels.keys()));
    ensure(unmentioned);
    const namespaces = [...labels.keys()].sort(selector_set_compareText).map((name) => ({ name, labels: labels.get(name) }));
    return { namespaces, unmentioned };
}
/** Policy namespaces of CNPs and KNPs (R4.1, R4.5) and namespace names in selectors, `In` or `NotIn`. */
function mentionedNamespaces(rules, selectors) {
    const names = new Set();
    for (const rule of rules) {
        if (rule.policy.kind !== 'CiliumClusterwideNetworkPolicy')
            names.add(rule.policy.namespace ?? DEFAULT_NAMESPACE);
    }
    for (const { selector, isReserved } of selectors) {
        if (isReserved)
            continue;
        for (const requirement of selector) {
            const namesValues = requirement.operator === 'In' || requirement.operator === 'NotIn';
            if (namesValues && isPodSource(requirement) && isNamespaceNameRequirement(requirement)) {
                requirement.values.forEach((value) => names.add(value));
            }
        }
    }
    return [...names].sort(selector_set_compareText);
}
function namespaceLabelRequirements(selector) {
    return selector.filter((r) => isPodSource(r) && r.key.startsWith(NAMESPACE_LABEL_PREFIX));
}
function knownValues(selectors) {
    const known = new Map();
    for (const { selector } of selectors) {
        for (const requirement of namespaceLabelRequirements(selector)) {
            if (requirement.operator !== 'In')
                continue;
            known.set(requirement.key, [...(known.get(requirement.key) ?? []), ...requirement.values]);
        }
    }
    for (const [key, values] of known)
        known.set(key, [...new Set(values)].sort(selector_set_compareText));
    return known;
}
/**
 * Namespace labels that satisfy the selector's namespace-label requirements, or undefined if
 * none can. `Exists` reuses a value another selector asks for, so `team Exists` and
 * `team=blue` share one namespace instead of two.
 */
function desiredLabels(requirements, known) {
    const desired = {};
    for (const [key, group] of groupByKey(requirements)) {
        const label = key.slice(NAMESPACE_LABEL_PREFIX.length);
        if (label === METADATA_NAME_LABEL)
            continue; // automatic; pinning already chose the namespace
        const excluded = group.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values);
        const reused = (known.get(key) ?? []).find((value) => !excluded.includes(value));
        const { value, satisfiable } = chooseValue(group, reused ?? PLACEHOLDER_VALUE);
        if (!satisfiable)
            return undefined;
        if (value !== undefined)
            desired[label] = value;
    }
    return desired;
}
function labelPinned(collected, labels, known) {
    const desired = desiredLabels(namespaceLabelRequirements(collected.selector), known);
    if (!desired)
        return;
    for (const name of collected.pinned ?? []) {
        const current = labels.get(name);
        if (!current)
            continue;
        // A conflicting value stays: the pod check in generate.ts then drops this selector's pod.
        for (const [key, value] of Object.entries(desired))
            current[key] ??= value;
    }
}
/** Reuses a namespace whose labels already fit, else creates one named from the labels (`ns-team-blue`). */
function ensureCarrier(collected, labels, known) {
    const requirements = namespaceLabelRequirements(collected.selector);
    if ([...labels.values()].some((current) => carries(current, requirements)))
        return;
    const desired = desiredLabels(requirements, known);
    if (!desired)
        return;
    const text = Object.keys(desired)
        .sort(selector_set_compareText)
        .map((key) => `${key}-${desired[key]}`)
        .join('-');
    const name = claimName(toDnsLabel(`ns-${text || 'other'}`, 'ns-other'), new Set(labels.keys()));
    const created = { ...desired, [METADATA_NAME_LABEL]: name };
    if (carries(created, requirements))
        labels.set(name, created);
}
function carries(namespaceLabels, requirements) {
    const identity = Object.entries(namespaceLabels).map(([key, value]) => ({
        source: 'k8s',
        key: NAMESPACE_LABEL_PREFIX + key,
        value
    }));
    return matchesSelector(requirements, indexLabels(identity));
}

;// CONCATENATED MODULE: ./src/core/topology/witnesses.ts

/** At most this many witnesses: the topology stays readable and far below the flow cap. */
const WITNESS_LIMIT = 60;
/** Pairs tried at most; on policy sets with thousands of selectors the rest are counted, not tried. */
const MAX_PAIRS_TRIED = 20_000;
function findWitnesses(pairs, selectors, ctx) {
    const limit = ctx.limit ?? WITNESS_LIMIT;
    const byId = new Map(selectors.map((s) => [s.id, s]));
    const witnesses = [];
    let tried = 0;
    let isCut = false;
    for (const pair of pairs) {
        // Once the limit is reached the rest are not tried: trying costs a match per selector.
        if (witnesses.length >= limit || tried >= MAX_PAIRS_TRIED) {
            isCut = true;
            break;
        }
        tried++;
        const witness = witnessFor(byId.get(pair.a), byId.get(pair.b), ctx);
        if (!witness)
            continue;
        ctx.seen.add(`${witness.namespace}|${witness.matches.join(',')}`);
        witnesses.push({ ...witness, standsFor: pair.why });
    }
    return { witnesses, cut: { limit, isCut } };
}
/** A pod satisfying both selectors in the first namespace where they can hold together, if new. */
function witnessFor(a, b, ctx) {
    if (a.isReserved || b.isReserved)
        return undefined;
    const draft = ctx.draftLabels([...a.selector, ...b.selector], ctx.options);
    if (!draft)
        return undefined;
    for (const namespace of candidateNamespaces(a, b, ctx.everywhere)) {
        if (!ctx.known.has(namespace))
            continue;
        const identity = ctx.matcher.identity(namespace, draft.labels, draft.serviceAccount);
        if (!matchesSelector(a.selector, identity) || !matchesSelector(b.selector, identity))
            continue;
        const matches = ctx.matcher.matches(namespace, identity);
        // Already told apart by an existing pod here: the combination is represented.
        if (ctx.seen.has(`${namespace}|${matches.join(',')}`))
            return undefined;
        return { namespace, ...draft, origin: 'witness', matches };
    }
    return undefined;
}
function candidateNamespaces(a, b, everywhere) {
    if (a.pinned && b.pinned)
        return a.pinned.filter((name) => b.pinned.includes(name));
    return a.pinned ?? b.pinned ?? everywhere;
}

;// CONCATENATED MODULE: ./src/core/topology/pods.ts
// Steps 2, 3, 6 and 7 of topology generation: a pod for every selector wherever it can apply,
// an outsider in every namespace, pods that no selector tells apart merged, and names.






const SERVICE_ACCOUNT_KEY = 'io.cilium.k8s.policy.serviceaccount';
const CLUSTER_KEY = 'io.cilium.k8s.policy.cluster';
const CILIUM_PREFIX = 'io.cilium.k8s';
const DEFAULT_SERVICE_ACCOUNT = 'default';
const OUTSIDER_NAME = 'outsider';
/** Tried in order; the first that no selector matches wins, else the one matched least. */
const OUTSIDER_LABELS = [
    { app: 'outsider' },
    { role: 'outsider' },
    { 'reachdiff-outsider': 'true' },
    {}
];
function generatePods(selectors, namespaces, unmentioned, options, pairs = [], 
/** Pods of the user's workloads: a selector pod no selector tells apart from one is not added. */
givenPods = []) {
    const matcher = createMatcher(selectors, namespaces, options);
    const given = givenPods.map((pod) => ({
        ...pod,
        origin: pod.origin ?? 'workload',
        matches: matcher.matches(pod.namespace, matcher.identity(pod.namespace, pod.labels, pod.serviceAccount))
    }));
    const outsiders = namespaces.map((namespace) => chooseOutsider(namespace.name, matcher));
    const candidates = selectorPods(selectors, namespaces, unmentioned, matcher, options);
    const kept = mergeIndistinguishable([...given, ...outsiders], candidates);
    const seen = new Set(kept.map(vectorKey));
    const everywhere = namespaces.map((ns) => ns.name).filter((name) => name !== unmentioned);
    const known = new Set(namespaces.map((ns) => ns.name));
    const found = findWitnesses(pairs, selectors, { matcher, seen, everywhere, known, options, draftLabels });
    const generated = kept.filter((candidate) => !given.includes(candidate));
    return { pods: nameAndSort([...generated, ...found.witnesses], given), witnessesCut: found.cut };
}
function vectorKey(candidate) {
    return `${candidate.namespace}|${candidate.matches.join(',')}`;
}
function createMatcher(selectors, namespaces, options) {
    const byName = new Map(namespaces.map((namespace) => [namespace.name, namespace]));
    // A selector pinned to namespaces cannot match pods elsewhere, so indexing by namespace keeps
    // the match vectors linear in the selectors that matter (500 CNPs → 500 small lists).
    const unpinned = selectors.filter((s) => !s.pinned);
    const pinned = new Map();
    for (const collected of selectors) {
        for (const name of collected.pinned ?? []) {
            const list = pinned.get(name);
            if (list)
                list.push(collected);
            else
                pinned.set(name, [collected]);
        }
    }
    return {
        identity: (namespace, labels, serviceAccount) => {
            const pod = { namespace, name: '', labels, serviceAccount, ports: [] };
            const topology = {
                namespaces: byName.has(namespace) ? [byName.get(namespace)] : [],
                pods: [],
                external: []
            };
            return indexLabels(podIdentityLabels(pod, topology, options));
        },
        matches: (namespace, identity) => [...(pinned.get(namespace) ?? []), ...unpinned]
            .filter((collected) => matchesSelector(collected.selector, identity))
            .map((collected) => collected.id)
            .sort((a, b) => a - b)
    };
}
/**
 * One pod per selector and namespace where it can apply: the namespaces it pins, or every
 * namespace but the unmentioned one. Each is checked against Cilium's own identity labels,
 * so a selector nothing can satisfy (contradictions, filtered keys R1.2) gets no pod.
 */
function selectorPods(selectors, namespaces, unmentioned, matcher, options) {
    const known = new Set(namespaces.map((namespace) => namespace.name));
    const everywhere = namespaces.map((namespace) => namespace.name).filter((name) => name !== unmentioned);
    const accepted = new Set();
    const candidates = [];
    for (const collected of selectors) {
        if (collected.isReserved)
            continue; // reserved identities are never pods (R1.3)
        const draft = draftLabels(collected.selector, options);
        if (!draft)
            continue;
        const labelText = `${draft.serviceAccount}|${JSON.stringify(draft.labels)}`;
        for (const namespace of collected.pinned ?? everywhere) {
            // An identical pod already generated in this namespace is the same identity: nothing to add.
            if (!known.has(namespace) || accepted.has(`${namespace}|${labelText}`))
                continue;
            const identity = matcher.identity(namespace, draft.labels, draft.serviceAccount);
            if (!matchesSelector(collected.selector, identity))
                continue;
            accepted.add(`${namespace}|${labelText}`);
            candidates.push({
                namespace,
                ...draft,
                origin: 'selector',
                matches: matcher.matches(namespace, identity)
            });
        }
    }
    return candidates;
}
/**
 * Pod labels and service account that satisfy a selector's pod-level requirements. Namespace
 * requirements are met by choosing the namespace, namespace labels by step 1, the cluster
 * label by the configuration; labels Cilium filters out of identities are left out (R1.1, R1.2).
 */
function draftLabels(selector, options) {
    const labels = {};
    let serviceAccount = DEFAULT_SERVICE_ACCOUNT;
    for (const [key, requirements] of groupByKey(selector)) {
        if (key === NAMESPACE_KEY || key.startsWith(NAMESPACE_LABEL_PREFIX) || key === CLUSTER_KEY)
            continue;
        if (key === SERVICE_ACCOUNT_KEY) {
            const { value, satisfiable } = chooseValue(requirements, DEFAULT_SERVICE_ACCOUNT);
            if (!satisfiable)
                return undefined;
            serviceAccount = value ?? DEFAULT_SERVICE_ACCOUNT;
            continue;
        }
        if (key.startsWith(CILIUM_PREFIX) || !isIdentityLabel(key, options))
            continue;
        const { value, satisfiable } = chooseValue(requirements, PLACEHOLDER_VALUE);
        if (!satisfiable)
            return undefined;
        if (value !== undefined)
            labels[key] = value;
    }
    return { labels, serviceAccount };
}
/** Labels no selector matches if possible; a selector like `{}` matches anything, so fewest wins. */
function chooseOutsider(namespace, matcher) {
    let best;
    for (const labels of OUTSIDER_LABELS) {
        const identity = matcher.identity(namespace, labels, DEFAULT_SERVICE_ACCOUNT);
        const matches = matcher.matches(namespace, identity);
        if (!best || matches.length < best.matches.length) {
            best = { namespace, labels, serviceAccount: DEFAULT_SERVICE_ACCOUNT, origin: 'outsider', matches };
        }
        if (matches.length === 0)
            break;
    }
    return best;
}
/**
 * Keeps one pod per namespace and selector-match vector: two pods every selector agrees on
 * get the same verdicts from every rule. Given pods and outsiders come first, so they always stay.
 */
function mergeIndistinguishable(first, candidates) {
    const seen = new Set();
    const kept = [];
    for (const candidate of [...first, ...candidates]) {
        const key = vectorKey(candidate);
        if (seen.has(key) && candidate.origin === 'selector')
            continue;
        seen.add(key);
        kept.push(candidate);
    }
    return kept;
}
/** Names unique per namespace, never one a given pod already has. */
function nameAndSort(candidates, given) {
    const taken = new Map();
    for (const pod of given) {
        if (pod.name)
            taken.set(pod.namespace, (taken.get(pod.namespace) ?? new Set()).add(pod.name));
    }
    const named = candidates.map((candidate) => {
        const names = taken.get(candidate.namespace) ?? new Set();
        taken.set(candidate.namespace, names);
        const base = baseName(candidate);
        const { namespace, labels, serviceAccount, origin, standsFor } = candidate;
        const draft = { namespace, name: claimName(base, names), labels, serviceAccount, origin };
        if (standsFor)
            draft.standsFor = standsFor;
        return draft;
    });
    return named.sort((a, b) => selector_set_compareText(a.namespace, b.namespace) || selector_set_compareText(a.name, b.name));
}
function baseName(candidate) {
    if (candidate.origin === 'outsider')
        return OUTSIDER_NAME;
    const fromLabels = podNameFromLabels(candidate.labels, candidate.serviceAccount);
    return candidate.origin === 'witness' ? toDnsLabel(`witness-${fromLabels}`, 'witness') : fromLabels;
}

;// CONCATENATED MODULE: ./src/core/topology/ports.ts
// Step 4 of topology generation: the ports every generated pod and external endpoint serves,
// so that each port a rule names can be probed (and a port no rule names, TCP/80, as contrast).


/** Always served: the usual web port and ping, which most policies never name. */
const BASELINE = [{ protocol: 'TCP', port: 80 }, { protocol: 'ICMP' }];
/** Named ports get numbers from here, skipping numbers a rule already uses. */
const FIRST_NAMED_PORT = 8080;
const PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
function collectServedPorts(rules) {
    const numbered = new Map();
    const add = (served) => {
        numbered.set(`${served.protocol}/${served.port ?? ''}`, served);
    };
    BASELINE.forEach(add);
    const named = new Map();
    for (const match of portMatches(rules)) {
        const protocols = probedProtocols(match.protocols);
        if (protocols.length === 0)
            continue;
        if ('name' in match.port) {
            const set = named.get(match.port.name) ?? new Set();
            protocols.forEach((protocol) => set.add(protocol));
            named.set(match.port.name, set);
            continue;
        }
        for (const port of probedPorts(match.port.from, match.port.to)) {
            for (const protocol of protocols)
                add({ protocol, port });
        }
    }
    const used = new Set([...numbered.values()].flatMap((served) => served.port ?? []));
    let next = FIRST_NAMED_PORT;
    // One number per name cluster-wide: two numbers for one name make egress resolution fail (R8.6).
    for (const name of [...named.keys()].sort(selector_set_compareText)) {
        while (used.has(next))
            next++;
        used.add(next);
        // A container port has one protocol; TCP when a rule allows it (ANY includes TCP).
        const protocols = named.get(name);
        const protocol = protocols.has('TCP') ? 'TCP' : PORT_PROTOCOLS.find((p) => protocols.has(p));
        add({ protocol, port: next, name });
    }
    return [...numbered.values()].sort(compareServedPorts);
}
function portMatches(rules) {
    return rules.flatMap((rule) => Object.values(rule.entries).flatMap((entries) => entries.flatMap((entry) => (entry.l4.kind === 'ports' ? entry.l4.groups.flatMap((g) => g.ports) : []))));
}
/** ANY (TCP+UDP+SCTP, R8.2) is probed on TCP and UDP; SCTP only when a rule names it alone. */
function probedProtocols(protocols) {
    const known = PORT_PROTOCOLS.filter((p) => protocols.includes(p));
    return known.length === PORT_PROTOCOLS.length ? ['TCP', 'UDP'] : known;
}
/** A single port; a range's two ends and one port inside; "all ports" (port 0) adds nothing but 80. */
function probedPorts(from, to) {
    if (from <= 0 && to >= 65535)
        return [80];
    const ports = [from, to];
    if (to - from >= 2)
        ports.push(from + Math.floor((to - from) / 2));
    return ports.filter((port) => port > 0 && port <= 65535);
}
function compareServedPorts(a, b) {
    return (PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
        (a.port ?? -1) - (b.port ?? -1) ||
        selector_set_compareText(a.name ?? '', b.name ?? ''));
}

;// CONCATENATED MODULE: ./src/core/topology/witness-pairs.ts
// Which selector combinations deserve a witness pod, most telling first. A pod per selector
// never carries two selectors' labels at once, so a deny that carves `class: tiefighter` out
// of an allow for `org: empire` would show on no pod. The combinations worth a pod:
// 1. an allow's peer with a deny's peer of the same direction (carve-outs, shadowed allows);
// 2. a policy's subject with a peer of another policy (a pod both protected and named);
// 3. a namespace-only peer with a pod selector (a pod of that selector in such a namespace).
// Combinations that involve a policy the change touches come before all others.



/**
 * Pairs in the order witnesses are tried, each unordered pair once. Lazy: 500 policies offer
 * hundreds of thousands of pairs, and the search stops at the witness limit long before.
 */
function* planSelectorPairs(ruleSets, selectors) {
    const roles = collectRoles(ruleSets.flat(), selectors, changedPolicies(ruleSets));
    const byId = new Map(selectors.map((s) => [s.id, s.selector]));
    const peers = roles.filter((role) => role.kind !== 'subject');
    const categories = [
        [
            peers.filter((r) => r.kind === 'allow'),
            peers,
            (x, y) => y.kind === 'deny' && y.direction === x.direction
        ],
        [roles.filter((r) => r.kind === 'subject'), peers, (x, y) => x.policy !== y.policy],
        [
            roles.filter((r) => isNamespaceOnly(byId.get(r.id))),
            roles.filter((r) => hasPodLabels(byId.get(r.id))),
            () => true
        ]
    ];
    const yielded = new Set();
    const width = selectors.length;
    // Combinations with a changed policy first, in every category; then the rest.
    for (const wantChanged of [true, false]) {
        for (const [rank, [left, right, fits]] of categories.entries()) {
            for (const x of left) {
                for (const y of right) {
                    if (x.id === y.id || (x.isChanged || y.isChanged) !== wantChanged || !fits(x, y))
                        continue;
                    const key = x.id < y.id ? x.id * width + y.id : y.id * width + x.id;
                    if (yielded.has(key))
                        continue;
                    yielded.add(key);
                    const [first, second] = x.id < y.id ? [x, y] : [y, x];
                    yield { a: first.id, b: second.id, rank, why: `${first.where} and ${second.where}` };
                }
            }
        }
    }
}
function collectRoles(rules, selectors, changed) {
    const ids = new Map(selectors.filter((s) => !s.isReserved).map((s) => [s.key, s.id]));
    const roles = [];
    const seen = new Set();
    const add = (selector, role) => {
        const id = ids.get(canonicalKey(selector));
        const key = `${id}|${role.policy}|${role.kind}|${role.direction}`;
        if (id === undefined || seen.has(key))
            return;
        seen.add(key);
        roles.push({ id, ...role });
    };
    for (const rule of rules) {
        const policy = describePolicy(rule.policy);
        const isChanged = changed.has(policy);
        add(rule.subject, { policy, kind: 'subject', where: `selected by ${policy}`, isChanged });
        for (const entries of Object.values(rule.entries)) {
            for (const entry of entries) {
                if (entry.peer.kind !== 'endpoints')
                    continue;
                const section = entry.ref.section;
                const direction = section.startsWith('ingress') ? 'ingress' : 'egress';
                const kind = entry.isDeny ? 'deny' : 'allow';
                const where = `peer of ${policy} ${section}[${entry.ref.index}]`;
                for (const selector of entry.peer.selectors)
                    add(selector, { policy, kind, direction, where, isChanged });
            }
        }
    }
    // Rule order must not matter: the same policies give the same witnesses.
    return roles.sort((p, q) => p.id - q.id || selector_set_compareText(p.where, q.where) || selector_set_compareText(p.kind, q.kind));
}
/**
 * Policies whose rules differ between the rule sets (base and head of a diff), added and
 * removed ones included. With one rule set nothing counts as changed.
 */
function changedPolicies(ruleSets) {
    if (ruleSets.length < 2)
        return new Set();
    const signatures = ruleSets.map((rules) => {
        const byPolicy = new Map();
        for (const rule of rules) {
            const key = describePolicy(rule.policy);
            byPolicy.set(key, [...(byPolicy.get(key) ?? []), ruleSignature(rule)]);
        }
        return new Map([...byPolicy].map(([key, list]) => [key, list.join('\n')]));
    });
    const keys = new Set(signatures.flatMap((map) => [...map.keys()]));
    return new Set([...keys].filter((key) => new Set(signatures.map((map) => map.get(key))).size > 1));
}
/** A rule without where it was written: moving a policy within its file changes nothing. */
function ruleSignature(rule) {
    const entries = Object.entries(rule.entries).map(([section, list]) => [
        section,
        list.map((entry) => [entry.isDeny, entry.peer, entry.l4, entry.requires])
    ]);
    return JSON.stringify([rule.specIndex ?? null, rule.subject, entries, rule.defaultDeny]);
}
function isNamespaceOnly(selector) {
    return namespaceLabelRequirements(selector).length > 0 && !hasPodLabels(selector);
}
function hasPodLabels(selector) {
    return selector.some((r) => isPodSource(r) && !isNamespaceNameRequirement(r) && !r.key.startsWith('io.cilium.k8s.'));
}

;// CONCATENATED MODULE: ./src/core/topology/generate.ts






/**
 * The topology for a set of rule sets, usually base and head of a change: generating it from
 * their union gives both sides of a diff the same pods, so every difference is the policy's.
 * Deterministic: the same rules (in any order) give the same topology. Namespaces declared
 * beside the policies (`v1` Namespace objects) count as mentioned, with their labels.
 */
function generateTopology(ruleSets, options, declared = []) {
    return planTopology(ruleSets, options, declared).topology;
}
/**
 * With `given` pods (the user's workloads or a cluster snapshot) these come first, in their
 * namespaces; generated pods are added beside them only where no given pod already looks the
 * same to every selector, and outsiders and witnesses as always.
 */
function planTopology(ruleSets, options, declared = [], given = { pods: [], namespaces: [], diagnostics: [] }) {
    const rules = ruleSets.flat();
    const selectors = collectSelectors(rules);
    const declaredNames = new Set(declared.map((ns) => ns.name));
    const allDeclared = [...declared, ...given.namespaces.filter((ns) => !declaredNames.has(ns.name))];
    const { namespaces, unmentioned } = planNamespaces(rules, selectors, allDeclared);
    // Every pod serves the same ports; the entries are frozen and shared, because 500 policies
    // can name hundreds of ports and a copy per pod would dominate the run time.
    const ports = reuseGivenNames(collectServedPorts(rules), given.pods).map((port) => Object.freeze(port));
    const pairs = planSelectorPairs(ruleSets, selectors);
    const generated = generatePods(selectors, namespaces, unmentioned, options, pairs, given.pods);
    // A workload that declares no container port serves what the policies name, like generated pods.
    const givenPods = given.pods.map((pod) => (pod.ports.length > 0 ? pod : { ...pod, ports: ports.slice() }));
    const pods = [...givenPods, ...generated.pods.map((draft) => ({ ...draft, ports: ports.slice() }))];
    pods.sort((a, b) => selector_set_compareText(a.namespace, b.namespace) || selector_set_compareText(a.name, b.name));
    return {
        topology: { namespaces, pods, external: collectExternals(rules, ports) },
        diagnostics: [...given.diagnostics, ...witnessNotice(generated.witnessesCut)]
    };
}
/**
 * A named port the user's pods already define keeps their number: one name with two numbers
 * in the cluster makes egress resolution of that name fail (docs/semantics.md, named ports).
 */
function reuseGivenNames(ports, pods) {
    const known = new Map();
    for (const pod of pods)
        for (const port of pod.ports)
            if (port.name && !known.has(port.name))
                known.set(port.name, port);
    const out = new Map();
    for (const port of ports) {
        const chosen = (port.name && known.get(port.name)) || port;
        out.set(`${chosen.protocol}/${chosen.port ?? ''}/${chosen.name ?? ''}`, chosen);
    }
    return [...out.values()].sort(compareServedPorts);
}
function witnessNotice(cut) {
    if (!cut.isCut)
        return [];
    return [
        {
            severity: 'notice',
            file: '',
            line: 0,
            column: 0,
            path: '',
            message: `the generated topology stops at ${cut.limit} witness pods (pods carrying two selectors' labels at once): further selector combinations were not tried, so an overlap among them shows on no pod; a scenario file (reachdiff.yaml) can add the pods that matter`
        }
    ];
}

;// CONCATENATED MODULE: ./src/core/check.ts
// `reachdiff check`: a scenario's expectations against the static prediction. A case is
// judged by its verdicts only; diagnostics of its policies are reported beside the result
// (a case may hold policies Cilium refuses on purpose).







/** Tags whose features the engine models (docs/scenario-format.md). */
const SUPPORTED_TAGS = [
    'k8s-netpol',
    'cnp',
    'ccnp',
    'deny',
    'entities',
    'cidr',
    'l7',
    'sctp',
    'icmp',
    'named-ports',
    'endport',
    'enforcement-mode',
    'default-deny-flag',
    'udp',
    'cidr-group',
    'invalid-policy'
];
/** Upstream expectations where Cilium knowingly behaves otherwise: a Cilium engine skips them. */
const DIVERGENCE_TAG = 'cilium-diverges';
function skipReason(tags) {
    if (tags.includes(DIVERGENCE_TAG))
        return DIVERGENCE_TAG;
    return tags.find((tag) => !SUPPORTED_TAGS.includes(tag));
}
/**
 * Judges one scenario. `policies` are the repository's policy files (`check --policies`); without
 * them the scenario's own `policies` block is judged.
 */
function evaluateCase(scenario, ciliumVersion, policies) {
    const base = {
        file: scenario.file,
        name: scenario.name,
        mismatches: [],
        diagnostics: [],
        unjudged: 0,
        topology: scenario.topology ? 'scenario' : 'generated'
    };
    const skippedFor = skipReason(scenario.tags);
    if (skippedFor)
        return { ...base, status: 'skipped', skippedFor, flows: 0, inputErrors: [] };
    const options = makeEngineOptions({
        ciliumVersion,
        enforcement: scenario.enforcement,
        agent: scenario.agent
    });
    const loaded = policies ?? loadPolicyText(scenario.policiesText, scenario.file, options, scenario.policiesOrigin);
    const rules = normalizePolicies(loaded, options);
    const topology = scenario.topology ?? generateTopology([rules], options, loaded.namespaces ?? []);
    // A case too large to evaluate, or with flows no entry judges, is bad input, not a failure.
    const size = countFlows(topology);
    if (size > MAX_FLOWS) {
        const message = `the topology has ${size.toLocaleString('en')} flows, more than the ${MAX_FLOWS.toLocaleString('en')} reachdiff evaluates`;
        return { ...base, status: 'failed', flows: 0, inputErrors: [caseProblem(scenario, message)] };
    }
    const flows = enumerateFlows({ topology, expect: scenario.expect });
    const coverage = checkExpectationCoverage(flows, scenario.expect, scenario.file);
    // Only a complete scenario must judge every flow; in a partial one an unmatched flow is unjudged.
    const inputErrors = scenario.complete ? coverage.filter((d) => d.severity === 'error') : [];
    if (inputErrors.length > 0)
        return { ...base, status: 'failed', flows: flows.length, inputErrors };
    const engine = createEngine(rules, topology, options);
    const mismatches = [];
    let judged = 0;
    for (const flow of flows) {
        const entry = expectedVerdict(flow, scenario.expect);
        if (!entry)
            continue;
        judged++;
        const predicted = engine.decideFlow(flow);
        if (predicted.verdict !== entry.verdict) {
            mismatches.push({
                flow,
                expected: entry.verdict,
                predicted: predicted.verdict,
                reason: predicted.reason,
                line: entry.line
            });
        }
    }
    if (judged === 0) {
        // Nothing judged would pass silently: an empty expect, or entries naming pods that do not exist.
        const message = `no expect entry matches any of the ${flows.length} flows of the topology`;
        return {
            ...base,
            status: 'failed',
            flows: flows.length,
            inputErrors: [caseProblem(scenario, message, 'expect')]
        };
    }
    return {
        ...base,
        status: mismatches.length > 0 ? 'failed' : 'passed',
        flows: flows.length,
        unjudged: flows.length - judged,
        mismatches,
        diagnostics: [...coverage.filter((d) => d.severity !== 'error'), ...loaded.diagnostics],
        inputErrors: []
    };
}
function caseProblem(scenario, message, path = 'topology') {
    return { severity: 'error', file: scenario.file, line: 0, column: 0, path, message };
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/core/log-text.ts
// The one funnel for text that reaches a log line or a terminal. A pull request controls file
// names, policy fields and scenario text, and two readers of our output act on what they see:
// - the GitHub runner executes any stdout line that starts, after leading white space, with
//   `::` (workflow commands such as `::add-mask::`, `::stop-commands::`) and any line that
//   contains `##[` (the older command form); see actions/runner ActionCommand.TryParseV2 and
//   TryParse, src/Runner.Common/ActionCommand.cs;
// - a terminal executes escape sequences (ESC, CSI, OSC, BEL, backspace, carriage return).
// @actions/core escapes the data and properties of the commands it writes itself (`%`, `\r`,
// `\n`, and `:` `,` in properties), but `core.info` and our CLI write text as is: everything
// user-written therefore passes through here first.
// C0 controls except tab and newline, DEL, C1 controls (NEL U+0085 is white space to .NET's
// TrimStart), and the bidirectional overrides that reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function escapeChar(char) {
    if (char === '\n')
        return '\\n';
    if (char === '\r')
        return '\\r';
    if (char === '\t')
        return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/**
 * Text safe to print: control characters shown as `\uXXXX` (the same escape JSON uses, so JSON
 * output passes unchanged), and no line that the runner would take for a workflow command.
 */
function toLogText(text) {
    return text.replace(UNSAFE_CHARS, escapeChar).split('\n').map(neutraliseCommand).join('\n');
}
/** One user-written value (a file name, a field) for inside a line: newlines escaped too. */
function printable(value) {
    return neutraliseCommand(value.replace(UNSAFE_OR_NEWLINE, escapeChar));
}
function neutraliseCommand(line) {
    let out = line.replaceAll('##[', '##\\u005b');
    const indent = out.length - out.trimStart().length;
    if (out.startsWith('::', indent))
        out = `${out.slice(0, indent)}\\u003a${out.slice(indent + 1)}`;
    return out;
}

;// CONCATENATED MODULE: ./src/edge/files.ts
// Reading user files from disk: directories expanded, sizes checked before reading, binary
// and non-UTF-8 content turned into diagnostics instead of garbage or exceptions.




/** Policy and scenario files larger than this are refused unread: the loader's own limit. */
const MAX_INPUT_BYTES = MAX_POLICY_FILE_CHARS;
/** A problem with a whole file (unreadable, too large, not text). */
function fileProblem(path, message, expected) {
    return { severity: 'error', file: path, line: 0, column: 0, path: '', message, expected };
}
/** Files under `paths` (files as given, directories walked in sorted order) ending in `extensions`. */
async function expandPaths(paths, extensions = ['.yaml', '.yml']) {
    const files = [];
    const diagnostics = [];
    const walk = async (dir) => {
        const entries = await (0,promises_namespaceObject.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules')
                continue;
            const child = (0,external_node_path_namespaceObject.join)(dir, entry.name);
            if (entry.isDirectory())
                await walk(child);
            else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
                files.push(child);
        }
    };
    for (const path of paths) {
        try {
            const info = await (0,promises_namespaceObject.stat)(path);
            if (info.isDirectory())
                await walk(path);
            else
                files.push(path);
        }
        catch (error) {
            diagnostics.push(fileProblem(path, `cannot read: ${describeIoError(error)}`));
        }
    }
    return { files: [...new Set(files)], diagnostics };
}
/** Reads one text file, refusing huge, binary and non-UTF-8 files with a diagnostic. */
async function readTextFile(path) {
    try {
        const info = await (0,promises_namespaceObject.stat)(path);
        if (info.size > MAX_INPUT_BYTES)
            return tooLarge(path, info.size);
        return decodeText(path, await (0,promises_namespaceObject.readFile)(path));
    }
    catch (error) {
        return fileProblem(path, `cannot read: ${describeIoError(error)}`);
    }
}
/**
 * A file of a working tree a pull request may have shaped: read only when it is a regular
 * file inside `root`. A symlink (to /etc/passwd, say) or a path through a linked directory is
 * skipped with a notice, never followed, so nothing outside the repository is ever shown.
 */
async function readTreeFile(root, path) {
    const disk = (0,external_node_path_namespaceObject.join)(root, path);
    try {
        const info = await (0,promises_namespaceObject.lstat)(disk);
        if (!info.isFile())
            return skippedEntry(path, info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file');
        const inside = (0,external_node_path_namespaceObject.relative)(await (0,promises_namespaceObject.realpath)(root), await (0,promises_namespaceObject.realpath)((0,external_node_path_namespaceObject.dirname)(disk)));
        if (inside === '..' || inside.startsWith(`..${external_node_path_namespaceObject.sep}`))
            return skippedEntry(path, 'reached through a symbolic link out of the repository');
        const read = await readTextFile(disk);
        return isDiagnostic(read) ? { ...read, file: path } : { path, text: read.text };
    }
    catch (error) {
        return fileProblem(path, `cannot read: ${describeIoError(error)}`);
    }
}
function skippedEntry(path, what) {
    return {
        ...fileProblem(path, `skipped ${printable(path)}: ${what}; reachdiff reads regular files only and never follows links`),
        severity: 'notice'
    };
}
function tooLarge(path, size) {
    const mib = (size / (1024 * 1024)).toFixed(1);
    return fileProblem(path, `file is ${mib} MiB, larger than the ${MAX_INPUT_BYTES / (1024 * 1024)} MiB reachdiff reads`, 'a policy or scenario file of a realistic size');
}
function decodeText(path, bytes) {
    if (bytes.includes(0))
        return fileProblem(path, 'binary file (contains NUL bytes)', 'a UTF-8 YAML text file');
    try {
        return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        return fileProblem(path, 'not valid UTF-8 text', 'a UTF-8 YAML text file');
    }
}
function isDiagnostic(value) {
    return 'severity' in value;
}
function describeIoError(error) {
    if (error && typeof error === 'object' && 'code' in error) {
        const code = String(error.code);
        if (code === 'ENOENT')
            return 'no such file or directory';
        if (code === 'EACCES')
            return 'permission denied';
        if (code === 'EISDIR')
            return 'is a directory';
        return code;
    }
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/core/scenario/parse-topology.ts
// The `topology` block of a scenario: namespaces, pods and external endpoints, checked the way
// the API server would check the objects they stand for (names, labels, container ports), so
// that a case never depends on something a real cluster could not hold.


const SUBDOMAIN_SYNTAX = { test: fields_isDnsSubdomain, expected: DNS_SUBDOMAIN_EXPECTED };
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
// IANA_SVC_NAME, what Kubernetes requires of a container port name.
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;
const PORT_NAME_EXPECTED = 'at most 15 lowercase letters, digits and single inner "-", with at least one letter';
function readTopology(c, value, path) {
    const topology = { namespaces: [], pods: [], external: [] };
    if (!isRecord(value)) {
        c.error(path, value === undefined ? 'topology is required' : 'topology must be a map', {
            ...(value === undefined ? {} : { value }),
            expected: '{namespaces: {...}, pods: [...], external: [...]}'
        });
        return topology;
    }
    warnUnknownKeys(c, value, path, ['namespaces', 'pods', 'external']);
    const ips = new Map();
    topology.namespaces = readNamespaces(c, value.namespaces, [...path, 'namespaces']);
    const namespaceNames = new Set(topology.namespaces.map((ns) => ns.name));
    const pods = readList(c, value.pods, [...path, 'pods'], true, (item, itemPath) => readPod(c, item, itemPath, namespaceNames, ips));
    rejectDuplicates(c, pods, (pod) => `${pod.namespace}/${pod.name}`, 'pod');
    const external = readList(c, value.external, [...path, 'external'], false, (item, itemPath) => readExternal(c, item, itemPath, ips));
    rejectDuplicates(c, external, (e) => e.name, 'external endpoint');
    topology.pods = pods.map((p) => p.value);
    topology.external = external.map((e) => e.value);
    return topology;
}
function readNamespaces(c, value, path) {
    if (!isRecord(value)) {
        c.error(path, value === undefined ? 'namespaces is required' : 'namespaces must be a map', {
            ...(value === undefined ? {} : { value }),
            expected: '{name: {labels: {...}}, ...}'
        });
        return [];
    }
    const namespaces = [];
    for (const [name, spec] of Object.entries(value)) {
        const nsPath = [...path, name];
        checkNamespaceName(c, name, nsPath);
        if (spec !== null && !isRecord(spec)) {
            c.error(nsPath, 'a namespace must be a map', { value: spec, expected: '{} or {labels: {...}}' });
            continue;
        }
        if (spec)
            warnUnknownKeys(c, spec, nsPath, ['labels']);
        const labels = readLabels(c, spec?.labels, [...nsPath, 'labels']);
        const declared = labels[NAMESPACE_NAME_LABEL];
        if (declared !== undefined && declared !== name) {
            const message = `${NAMESPACE_NAME_LABEL} is always the namespace's name`;
            c.error([...nsPath, 'labels', NAMESPACE_NAME_LABEL], message, { value: declared, expected: name });
        }
        namespaces.push({ name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name } });
    }
    return namespaces;
}
function checkNamespaceName(c, name, path) {
    if (!fields_isDnsLabel(name)) {
        c.error(path, `"${name}" is not a valid namespace name`, { expected: DNS_LABEL_EXPECTED });
    }
    else if (name === WORLD_NAMESPACE) {
        // `world/NAME` addresses external endpoints in expect entries; a namespace of that name would be ambiguous.
        c.error(path, `namespace "${WORLD_NAMESPACE}" is reserved`, {
            expected: 'another name: world/... names external endpoints'
        });
    }
}
function readList(c, value, path, required, readItem) {
    if (value === undefined || value === null) {
        if (required) {
            c.error(path, `${String(path[path.length - 1])} is required`, { expected: 'a list (may be empty)' });
        }
        return [];
    }
    if (!Array.isArray(value)) {
        c.error(path, `${String(path[path.length - 1])} must be a list`, { value, expected: 'a list' });
        return [];
    }
    const items = [];
    value.forEach((item, index) => {
        const itemPath = [...path, index];
        const read = readItem(item, itemPath);
        if (read !== undefined)
            items.push({ value: read, path: itemPath });
    });
    return items;
}
function rejectDuplicates(c, items, keyOf, what, field = ['name']) {
    const seen = new Set();
    for (const item of items) {
        const key = keyOf(item.value);
        if (seen.has(key)) {
            c.error([...item.path, ...field], `duplicate ${what} ${key}`, { value: key, expected: 'unique names' });
        }
        seen.add(key);
    }
}
function readPod(c, item, path, namespaces, ips) {
    if (!isRecord(item)) {
        c.error(path, 'a pod must be a map', { value: item, expected: '{name, namespace, labels, ports}' });
        return undefined;
    }
    warnUnknownKeys(c, item, path, ['name', 'namespace', 'labels', 'serviceAccount', 'ip', 'ports']);
    const name = readRequiredString(c, item, path, 'name', SUBDOMAIN_SYNTAX);
    const namespace = readRequiredString(c, item, path, 'namespace', {
        test: (s) => namespaces.has(s),
        expected: `a namespace listed in topology.namespaces (${[...namespaces].join(', ') || 'none'})`,
        problem: (s) => `namespace "${s}" is not listed in topology.namespaces`
    });
    // A pod that names no service account runs as `default`, and its Cilium identity says so.
    const serviceAccount = item.serviceAccount === undefined
        ? 'default'
        : readRequiredString(c, item, path, 'serviceAccount', SUBDOMAIN_SYNTAX);
    const labels = readLabels(c, item.labels, [...path, 'labels']);
    const ip = readIp(c, item, path, false, ips, `pod ${String(item.namespace)}/${String(item.name)}`);
    const ports = readPorts(c, item.ports, [...path, 'ports'], true);
    if (name === undefined || namespace === undefined || serviceAccount === undefined)
        return undefined;
    const pod = { namespace, name, labels, serviceAccount, ports };
    if (ip !== undefined)
        pod.ip = ip;
    return pod;
}
function readExternal(c, item, path, ips) {
    if (!isRecord(item)) {
        c.error(path, 'an external endpoint must be a map', { value: item, expected: '{name, ip, ports}' });
        return undefined;
    }
    warnUnknownKeys(c, item, path, ['name', 'ip', 'ports', 'source']);
    const name = readRequiredString(c, item, path, 'name', { test: fields_isDnsLabel, expected: DNS_LABEL_EXPECTED });
    const ip = readIp(c, item, path, true, ips, `world/${String(item.name)}`);
    const ports = readPorts(c, item.ports, [...path, 'ports'], false);
    const source = readSourceFlag(c, item.source, [...path, 'source']);
    if (name === undefined || ip === undefined)
        return undefined;
    return source ? { name, ip, ports, source } : { name, ip, ports };
}
/** `source: true` makes the external send to every pod; absent, it is a destination only. */
function readSourceFlag(c, value, path) {
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'boolean')
        return value;
    c.error(path, 'source must be true or false', {
        value,
        expected: 'true (the endpoint also sends to every pod) or false'
    });
    return false;
}
function readIp(c, item, path, required, ips, owner) {
    const syntax = { test: isIPv4, expected: 'an IPv4 address, e.g. 10.244.1.10' };
    if (!required && item.ip === undefined)
        return undefined;
    const ip = readRequiredString(c, item, path, 'ip', syntax);
    if (ip === undefined)
        return undefined;
    const previous = ips.get(ip);
    if (previous !== undefined) {
        c.error([...path, 'ip'], `ip ${ip} is already used by ${previous}`, {
            value: ip,
            expected: 'one address per endpoint'
        });
    }
    else {
        ips.set(ip, owner);
    }
    return ip;
}
function readPorts(c, value, path, isPod) {
    const ports = readList(c, value, path, false, (item, itemPath) => parse_topology_readPort(c, item, itemPath, isPod));
    rejectDuplicates(c, ports, (port) => describePort(port.protocol, port.port), 'port', []);
    // Kubernetes rejects a pod whose containers repeat a port name; named-port rules rely on that.
    rejectDuplicates(c, ports.filter((port) => port.value.name !== undefined), (port) => port.name ?? '', 'port name');
    return ports.map((port) => port.value);
}
function parse_topology_readPort(c, item, path, isPod) {
    if (!isRecord(item)) {
        c.error(path, 'a port must be a map', {
            value: item,
            expected: '{port: 80, protocol: TCP} or {protocol: ICMP}'
        });
        return undefined;
    }
    warnUnknownKeys(c, item, path, isPod ? ['port', 'protocol', 'name'] : ['port', 'protocol']);
    const protocol = readRequiredString(c, item, path, 'protocol', {
        test: (s) => PROTOCOLS.includes(s),
        expected: PROTOCOLS.join(', '),
        problem: (s) => `unknown protocol "${s}"`
    });
    const name = isPod ? readOptionalString(c, item, path, 'name') : undefined;
    if (name !== undefined && !PORT_NAME.test(name)) {
        c.error([...path, 'name'], `"${name}" is not a valid port name`, {
            value: name,
            expected: PORT_NAME_EXPECTED
        });
    }
    if (protocol === 'ICMP') {
        // A ping has no port, so there is nothing to number or name.
        for (const key of ['port', 'name']) {
            if (item[key] === undefined)
                continue;
            c.error([...path, key], `ICMP has no ${key}`, { value: item[key], expected: '{protocol: ICMP}' });
        }
        return { protocol };
    }
    const port = readPortNumber(c, item.port, [...path, 'port'], protocol);
    if (protocol === undefined || port === undefined)
        return undefined;
    return name === undefined ? { protocol, port } : { protocol, port, name };
}
function readPortNumber(c, port, path, protocol) {
    if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535)
        return port;
    const expected = 'an integer from 1 to 65535';
    if (port === undefined)
        c.error(path, `${protocol ?? 'a'} port needs a port number`, { expected });
    else
        c.error(path, 'port must be a port number', { value: port, expected });
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/scenario/parse.ts





const TOP_LEVEL_KEYS = [
    'name',
    'source',
    'description',
    'tags',
    'complete',
    'enforcement',
    'agent',
    'topology',
    'policies',
    'expect'
];
const ENFORCEMENT_MODES = ['default', 'always', 'never'];
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CIDR_MATCH_MODES = ['', 'nodes'];
function parseScenario(text, file) {
    const parsed = parseYamlDocuments(text, file);
    if (parsed.diagnostics.length > 0)
        return { diagnostics: parsed.diagnostics };
    const [document, ...extra] = parsed.documents;
    const whole = { file, line: 0, column: 0, path: '' };
    if (!document) {
        return { diagnostics: [{ severity: 'error', ...whole, message: 'the scenario file is empty' }] };
    }
    const c = new FieldChecker(file, document);
    if (extra.length > 0) {
        c.diagnostics.push({
            severity: 'error',
            ...whole,
            ...extra[0].position,
            message: `a scenario file holds one YAML document, found ${parsed.documents.length}`,
            expected: 'no "---" between top-level fields; policies go inside "policies: |"'
        });
    }
    if (!isRecord(document.value)) {
        c.error([], 'a scenario must be a map', {
            value: document.value,
            expected: '{name, topology, policies, expect}'
        });
        return { diagnostics: c.diagnostics };
    }
    const scenario = readScenario(c, document, document.value, text);
    return c.hasErrors() ? { diagnostics: c.diagnostics } : { scenario, diagnostics: c.diagnostics };
}
function readScenario(c, document, root, text) {
    warnUnknownKeys(c, root, [], TOP_LEVEL_KEYS);
    const name = readRequiredString(c, root, [], 'name', {
        test: (s) => KEBAB_CASE.test(s),
        expected: 'kebab-case: lowercase letters and digits joined by single "-", e.g. default-deny-ingress'
    });
    const placement = locatePolicies(text, document);
    if (placement.style === 'folded') {
        // Folding joins lines, which breaks the manifests' YAML and every line number in them.
        c.warning(['policies'], 'policies is a folded block (">"), which joins its lines', {
            expected: 'a literal block: "policies: |"'
        });
    }
    const scenario = {
        file: c.file,
        name: name ?? '',
        tags: readTags(c, root.tags),
        enforcement: readEnforcement(c, root.enforcement),
        agent: readAgent(c, root.agent),
        // Left out, the topology is generated from the policies by whoever evaluates the scenario.
        topology: root.topology === undefined ? undefined : readTopology(c, root.topology, ['topology']),
        complete: readComplete(c, root.complete),
        policiesText: readPolicies(c, root.policies),
        policiesOrigin: placement.origin,
        expect: parseExpectEntries(c, root.expect)
    };
    const source = readOptionalString(c, root, [], 'source');
    const description = readOptionalString(c, root, [], 'description');
    if (source !== undefined)
        scenario.source = source;
    if (description !== undefined)
        scenario.description = description;
    return scenario;
}
/** Unknown tags are fine: a runner skips what it does not know, and the list grows over time. */
function readTags(c, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value)) {
        c.error(['tags'], 'tags must be a list', {
            value,
            expected: 'a list of strings, e.g. [k8s-netpol, cidr]'
        });
        return [];
    }
    const tags = [];
    value.forEach((tag, index) => {
        if (typeof tag !== 'string' || tag === '') {
            c.error(['tags', index], 'a tag must be a non-empty string', {
                value: tag,
                expected: 'e.g. k8s-netpol'
            });
        }
        else if (tags.includes(tag)) {
            c.warning(['tags', index], `tag ${tag} is listed twice`, { value: tag });
        }
        else {
            tags.push(tag);
        }
    });
    return tags;
}
function readComplete(c, value) {
    if (value === undefined || value === null)
        return false;
    if (typeof value === 'boolean')
        return value;
    c.error(['complete'], 'complete must be true or false', { value, expected: 'true or false' });
    return false;
}
function readEnforcement(c, value) {
    if (value === undefined || value === null)
        return 'default';
    const mode = ENFORCEMENT_MODES.find((m) => m === value);
    if (mode)
        return mode;
    c.error(['enforcement'], 'unknown policy-enforcement mode', {
        value,
        expected: ENFORCEMENT_MODES.join(', ')
    });
    return 'default';
}
function readAgent(c, value) {
    const agent = {};
    if (value === undefined || value === null)
        return agent;
    if (!isRecord(value)) {
        c.error(['agent'], 'agent must be a map of agent flags', { value, expected: '{enable-sctp: true, ...}' });
        return agent;
    }
    for (const [flag, setting] of Object.entries(value)) {
        const path = ['agent', flag];
        const key = Object.hasOwn(AGENT_FLAG_NAMES, flag) ? AGENT_FLAG_NAMES[flag] : undefined;
        if (key === undefined) {
            // An unknown flag is an error, not a warning: the case assumes a setting we would not apply.
            c.error(path, `unknown agent flag ${flag}`, { expected: Object.keys(AGENT_FLAG_NAMES).join(', ') });
        }
        else if (key === 'policyCidrMatchMode') {
            if (typeof setting === 'string' && CIDR_MATCH_MODES.includes(setting)) {
                Object.assign(agent, { [key]: setting });
            }
            else
                c.error(path, `${flag} must be "" or "nodes"`, { value: setting, expected: '"" or "nodes"' });
        }
        else if (typeof setting === 'boolean') {
            Object.assign(agent, { [key]: setting });
        }
        else {
            c.error(path, `${flag} must be true or false`, { value: setting, expected: 'true or false' });
        }
    }
    return agent;
}
function readPolicies(c, value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    c.error(['policies'], 'policies must be a block of YAML text', {
        value,
        expected: 'a literal block scalar: "policies: |" followed by the indented manifests'
    });
    return '';
}
/**
 * Where the policies text starts, so that line L, column C of that text is line
 * L + lineOffset, column C + columnOffset of the scenario file. For a literal block scalar
 * (`policies: |`) the text starts on the line after the key and each line lost exactly the
 * block's indentation; for a one-line scalar it starts where the value does.
 */
function policiesOrigin(text, document) {
    return locatePolicies(text, document).origin;
}
function locatePolicies(text, document) {
    const lines = text.split(/\r?\n/);
    const value = document.locate(['policies']);
    // locate() points at a block scalar's first content line; the key sits on or above it.
    for (let index = Math.min(value.line, lines.length) - 1; index >= 0; index--) {
        const key = /^(\s*)(?:policies|"policies"|'policies')\s*:\s*(.*)$/.exec(lines[index]);
        if (!key)
            continue;
        const header = /^([|>])([1-9])?[+-]?([1-9])?\s*(#.*)?$/.exec(key[2]);
        if (!header)
            break;
        const explicit = header[2] ?? header[3];
        const indent = explicit ? key[1].length + Number(explicit) : contentIndent(lines, index + 1);
        return {
            origin: { lineOffset: index + 1, columnOffset: indent },
            style: header[1] === '|' ? 'literal' : 'folded'
        };
    }
    return {
        origin: { lineOffset: value.line - 1, columnOffset: Math.max(value.column - 1, 0) },
        style: 'inline'
    };
}
/** A block scalar's indentation is that of its first non-blank line (YAML 1.2 §8.1.1.1). */
function contentIndent(lines, from) {
    for (let index = from; index < lines.length; index++) {
        const line = lines[index];
        if (line.trim() !== '')
            return line.length - line.trimStart().length;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/edge/scenario-file.ts


async function loadScenarioFile(path) {
    const file = await readTextFile(path);
    if (isDiagnostic(file))
        return { diagnostics: [file] };
    return parseScenario(file.text, file.path);
}

;// CONCATENATED MODULE: ./src/cli/io.ts
// What a command may touch of its process: output streams and the environment. Passed in,
// so tests run commands in-process and read what they printed.
class UsageError extends Error {
}
function parseFormat(value, allowed) {
    const format = (value ?? 'text');
    if (!allowed.includes(format)) {
        throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${value}"`);
    }
    return format;
}

;// CONCATENATED MODULE: ./src/edge/work-limits.ts
// Work limits raised by the user through the environment (REACHDIFF_LIMITS), for the Action
// (`env:` of the step) and the CLI alike.

function limitsFromEnvironment(env = process.env) {
    const parsed = parseWorkLimits(env[LIMITS_VARIABLE]);
    if ('error' in parsed)
        throw new Error(parsed.error);
    return Object.keys(parsed.limits).length > 0 ? parsed.limits : undefined;
}

;// CONCATENATED MODULE: ./src/cli/cli-options.ts
// Flags shared by several commands.



function environmentLimits() {
    try {
        return limitsFromEnvironment();
    }
    catch (error) {
        throw new UsageError(error.message);
    }
}
function checkCiliumVersion(version) {
    const parsed = parseCiliumVersion(version);
    if ('error' in parsed)
        throw new UsageError(`--cilium-version: ${parsed.error}`);
    return version;
}
function parseEnforcement(value) {
    if (value === undefined)
        return undefined;
    if (value === 'default' || value === 'always' || value === 'never')
        return value;
    throw new UsageError(`--enforcement must be default, always or never; got "${value}"`);
}
/** Engine options from flags, with a scenario's enforcement mode and agent settings as defaults. */
function engineOptionsFrom(flags, scenario, io) {
    if (flags.ciliumVersion !== undefined && io)
        warnAboutCiliumVersion(flags.ciliumVersion, io);
    return makeEngineOptions({
        limits: environmentLimits(),
        ciliumVersion: flags.ciliumVersion === undefined ? undefined : checkCiliumVersion(flags.ciliumVersion),
        enforcement: parseEnforcement(flags.enforcement) ?? scenario?.enforcement,
        agent: scenario?.agent
    });
}
/** Versions past the newest modelled minor are judged with its semantics; say so. */
function warnAboutCiliumVersion(version, io) {
    const warning = describeUnmodelledVersion(version);
    if (warning)
        io.stderr(`reachdiff: warning: ${warning}\n`);
}

;// CONCATENATED MODULE: ./src/core/glob.ts
// Path globs for choosing policy files: `**` spans directories (including none), `*` and `?`
// stay within one path segment, `{a,b}` alternates.
function globToRegExp(glob) {
    let out = '';
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === '*' && glob[i + 1] === '*') {
            const slash = glob[i + 2] === '/';
            out += slash ? '(?:.*/)?' : '.*';
            i += slash ? 2 : 1;
        }
        else if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '{') {
            const end = glob.indexOf('}', i);
            if (end < 0)
                out += '\\{';
            else {
                out += `(?:${glob
                    .slice(i + 1, end)
                    .split(',')
                    .map(escapeRegExp)
                    .join('|')})`;
                i = end;
            }
        }
        else
            out += escapeRegExp(c);
    }
    return new RegExp(`^${out}$`);
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
function matchesAnyGlob(path, globs) {
    return globs.some((glob) => globToRegExp(glob).test(path));
}
const DEFAULT_POLICY_GLOBS = ['policies/**/*.yaml', 'policies/**/*.yml'];

;// CONCATENATED MODULE: ./src/edge/git-files.ts
// Text files of a commit, as a pull request's author may have shaped its tree: only regular
// files are read. A gitlink (a submodule entry, mode 160000) has no blob here, and a symlink
// (120000) would point anywhere, so both, like any other non-file entry, are skipped with a
// notice. Sizes come from `ls-tree -l`, so a huge file is refused unread, and every selected
// blob is read by one `git cat-file --batch`.



const REGULAR_FILE_MODES = new Set(['100644', '100755']);
async function readTextFilesAtCommit(git, commit, select, limits) {
    const maxBytes = workLimits(limits)['input-bytes-total'];
    let bytes = 0;
    const entries = (await git.listTree(commit)).filter((entry) => select(entry.path));
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const diagnostics = [];
    const wanted = [];
    for (const entry of entries) {
        if (!REGULAR_FILE_MODES.has(entry.mode) || entry.type !== 'blob')
            diagnostics.push(skipped(entry));
        else if ((entry.size ?? 0) > MAX_INPUT_BYTES)
            diagnostics.push(tooLarge(entry.path, entry.size ?? 0));
        else if ((bytes += entry.size ?? 0) > maxBytes) {
            diagnostics.push(overTotal(entry.path, maxBytes, limits));
            break;
        }
        else
            wanted.push(entry);
    }
    const blobs = await git.readBlobs([...new Set(wanted.map((entry) => entry.object))]);
    const files = [];
    for (const entry of wanted) {
        const bytes = blobs.get(entry.object);
        const read = bytes ? decodeText(entry.path, bytes) : unreadable(entry.path);
        if (isDiagnostic(read))
            diagnostics.push(read);
        else
            files.push(read);
    }
    return { files, diagnostics };
}
/** What a non-file tree entry is, for the notice that says it was not read. */
function describeMode(mode) {
    if (mode === '160000')
        return 'a submodule (gitlink)';
    if (mode === '120000')
        return 'a symbolic link';
    if (mode === '040000')
        return 'a directory';
    return `an entry of mode ${printable(mode)}`;
}
function skipped(entry) {
    return {
        severity: 'notice',
        file: entry.path,
        line: 0,
        column: 0,
        path: '',
        message: `skipped ${printable(entry.path)}: ${describeMode(entry.mode)}, not a regular file; reachdiff reads regular files only and never follows links`
    };
}
function unreadable(path) {
    return {
        severity: 'error',
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: 'git could not read this file'
    };
}
function overTotal(path, maxBytes, limits) {
    return {
        severity: 'error',
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: `the selected files up to this one are larger than ${maxBytes / (1024 * 1024)} MiB together (limit input-bytes-total); this file and those after it were not read`,
        expected: raiseHint('input-bytes-total', workLimits(limits))
    };
}

;// CONCATENATED MODULE: ./src/edge/policy-sources.ts
// Where a side of a diff gets its policies: a git revision, the working tree, or a directory.







async function loadPoliciesAtCommit(git, commit, globs, options) {
    const read = await readTextFilesAtCommit(git, commit, (path) => matchesAnyGlob(path, globs), options.limits);
    const budget = createYamlTotal(options.limits);
    const parts = read.diagnostics.map(onlyDiagnostic);
    for (const file of read.files) {
        const part = loadPolicyText(file.text, file.path, options);
        if (!budget.admit(part.yamlNodes ?? 0)) {
            parts.push(onlyDiagnostic(budget.refusal(file.path)));
            break;
        }
        parts.push(part);
    }
    return mergeLoadedPolicies(parts);
}
/** The working tree, as `git diff` without a head revision would see it. */
async function loadPoliciesFromWorkingTree(git, globs, options) {
    const root = await git.topLevel();
    const files = (await git.listWorkingTree()).filter((path) => matchesAnyGlob(path, globs)).sort();
    const budget = createYamlTotal(options.limits);
    const parts = [];
    for (const path of files) {
        const read = await readTreeFile(root, path);
        const part = isDiagnostic(read) ? onlyDiagnostic(read) : loadPolicyText(read.text, path, options);
        if (!budget.admit(part.yamlNodes ?? 0)) {
            parts.push(onlyDiagnostic(budget.refusal(path)));
            break;
        }
        parts.push(part);
    }
    return mergeLoadedPolicies(parts);
}
/** Files and directories as given on the command line; paths in diagnostics as given. */
async function loadPolicyPaths(paths, options) {
    return loadListed(paths, (disk) => disk, options);
}
/** Every YAML file under a directory; paths in diagnostics are relative to it. */
async function loadPoliciesFromDirectory(dir, options) {
    return loadListed([dir], (disk) => (0,external_node_path_namespaceObject.relative)(dir, disk) || disk, options);
}
async function loadListed(paths, display, options) {
    const listed = await expandPaths(paths);
    const loaded = await loadFiles(listed.files.map((disk) => ({ display: display(disk), disk })), options);
    return { ...loaded, diagnostics: [...listed.diagnostics, ...loaded.diagnostics] };
}
async function loadFiles(files, options) {
    const budget = createYamlTotal(options.limits);
    const parts = [];
    for (const file of files) {
        const read = await readTextFile(file.disk);
        const part = isDiagnostic(read)
            ? onlyDiagnostic({ ...read, file: file.display })
            : loadPolicyText(read.text, file.display, options);
        if (!budget.admit(part.yamlNodes ?? 0)) {
            parts.push(onlyDiagnostic(budget.refusal(file.display)));
            break;
        }
        parts.push(part);
    }
    return mergeLoadedPolicies(parts);
}
/** A file refused unread (too large, not UTF-8): kubectl apply would apply nothing of it. */
function onlyDiagnostic(diagnostic) {
    return {
        policies: [],
        cidrGroups: [],
        diagnostics: [diagnostic],
        unread: [{ file: diagnostic.file, line: 0 }]
    };
}

;// CONCATENATED MODULE: ./src/cli/policy-paths.ts
// `--policies` arguments on the command line: files, directories and globs, expanded the same
// way for every command. An argument that names no policy file is a mistake worth stopping for:
// an empty policy set would be reported as "nothing is restricted".





const GLOB_CHARACTERS = /[*?{[]/;
const POLICY_EXTENSIONS = ['.yaml', '.yml'];
/**
 * The policies the arguments name, loaded. Without arguments, the repository layout's default
 * (`policies/**` under `cwd`). Paths in diagnostics stay as the user wrote them.
 */
async function loadPolicyArguments(args, cwd, options) {
    const given = args.length > 0;
    const patterns = given ? args : DEFAULT_POLICY_GLOBS;
    const files = [];
    for (const pattern of patterns) {
        const matched = await expandPolicyArgument(pattern, cwd);
        if (matched.length === 0 && given) {
            throw new UsageError(`--policies ${pattern} matches no policy file (*.yaml or *.yml)`);
        }
        files.push(...matched);
    }
    if (files.length === 0) {
        throw new UsageError(`no policy files under ${(0,external_node_path_namespaceObject.join)(cwd, 'policies')}; name them with --policies PATH|GLOB`);
    }
    return loadPolicyPaths([...new Set(files)].map((file) => openable(file, cwd)), options);
}
/**
 * A path as the user wrote it when it opens the same file from this process; otherwise resolved
 * against `cwd` (the two differ only when a caller runs a command for another directory).
 */
function openable(path, cwd) {
    return (0,external_node_path_namespaceObject.isAbsolute)(path) || (0,external_node_path_namespaceObject.resolve)(path) === (0,external_node_path_namespaceObject.resolve)(cwd, path) ? path : (0,external_node_path_namespaceObject.resolve)(cwd, path);
}
/** The YAML files one argument names: itself, the files under a directory, or a glob's matches. */
async function expandPolicyArgument(arg, cwd) {
    if (!GLOB_CHARACTERS.test(arg)) {
        const info = await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.resolve)(cwd, arg)).catch(() => undefined);
        if (!info)
            return [];
        if (!info.isDirectory())
            return [arg];
        return (await listYamlFiles((0,external_node_path_namespaceObject.resolve)(cwd, arg))).map((file) => (0,external_node_path_namespaceObject.join)(arg, file));
    }
    // Walk from the glob's fixed leading directories, and match the rest against the full path.
    const segments = arg.split('/');
    const fixed = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
    const base = segments.slice(0, fixed).join('/') || ((0,external_node_path_namespaceObject.isAbsolute)(arg) ? '/' : '.');
    const pattern = globToRegExp(arg.replace(/^\.\//, ''));
    const candidates = await listYamlFiles((0,external_node_path_namespaceObject.resolve)(cwd, base)).catch(() => []);
    return candidates
        .map((file) => (base === '.' ? file : (0,external_node_path_namespaceObject.join)(base, file)))
        .filter((path) => pattern.test(path.replace(/^\.\//, '')));
}
/** YAML files under a directory, relative to it, sorted; hidden entries and node_modules skipped. */
async function listYamlFiles(dir) {
    const entries = await (0,promises_namespaceObject.readdir)(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile() && POLICY_EXTENSIONS.some((ext) => entry.name.endsWith(ext)))
        .map((entry) => (0,external_node_path_namespaceObject.relative)(dir, (0,external_node_path_namespaceObject.join)(entry.parentPath ?? entry.path, entry.name)))
        .filter((path) => !path.split(external_node_path_namespaceObject.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
        .sort();
}

;// CONCATENATED MODULE: ./src/cli/check-command.ts
// `reachdiff check [--policies PATH|GLOB]... [FILE|DIR...]`: every scenario's expectations against
// the prediction. Ends with `N passed, N failed, N skipped` (and `, N invalid` when some scenario
// could not be read or judged); exit 0 all passed, 1 a case failed, 2 an input was unreadable or
// invalid.










/** The scenario a repository keeps at its root, used when no FILE is given. */
const DEFAULT_SCENARIO = 'reachdiff.yaml';
async function check_command_runCheck(argv, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...argv],
        allowPositionals: true,
        options: {
            format: { type: 'string' },
            'cilium-version': { type: 'string' },
            policies: { type: 'string', multiple: true }
        }
    });
    const format = parseFormat(values.format, ['text', 'json']);
    const ciliumVersion = checkCiliumVersion(values['cilium-version'] ?? DEFAULT_CILIUM_VERSION);
    warnAboutCiliumVersion(ciliumVersion, io);
    const { scenarioPaths, policyArgs } = splitArguments(values.policies, positionals, io.cwd);
    // The repository's policy files: named with --policies, or the default layout when the
    // scenario is the repository's own reachdiff.yaml. Otherwise each case judges its own block.
    const usesPolicyFiles = policyArgs !== undefined || positionals.length === 0;
    const listed = await expandPaths(scenarioPaths.map((path) => openable(path, io.cwd)));
    const inputProblems = [...listed.diagnostics];
    let invalid = listed.diagnostics.length;
    const results = [];
    for (const file of listed.files) {
        const { scenario, diagnostics } = await loadScenarioFile(file);
        inputProblems.push(...diagnostics.filter((d) => d.severity === 'error' || !scenario));
        if (!scenario) {
            invalid++;
            continue;
        }
        const policies = usesPolicyFiles
            ? await policyFilesFor(scenario, policyArgs ?? [], io.cwd, ciliumVersion)
            : undefined;
        const result = evaluateCase(scenario, ciliumVersion, policies);
        inputProblems.push(...result.inputErrors);
        if (result.inputErrors.length === 0)
            results.push(result);
        else
            invalid++;
    }
    const counts = {
        passed: results.filter((r) => r.status === 'passed').length,
        failed: results.filter((r) => r.status === 'failed').length,
        skipped: results.filter((r) => r.status === 'skipped').length,
        invalid
    };
    if (format === 'json') {
        io.stdout(JSON.stringify({ ciliumVersion, summary: counts, cases: results.map(caseJson), inputErrors: inputProblems }, null, 2) + '\n');
    }
    else {
        io.stdout(renderCheckText(results, inputProblems));
        // The closing line other tools read: the fourth count only appears when there is one.
        const invalidCount = invalid > 0 ? `, ${invalid} invalid` : '';
        io.stdout(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${invalidCount}\n`);
    }
    if (invalid > 0 || inputProblems.some((d) => d.severity === 'error'))
        return 2;
    return counts.failed > 0 ? 1 : 0;
}
/**
 * Scenario paths and policy arguments. `--policies a b FILE`: as for diff, the words after
 * --policies are more policy paths, except the last, which is the scenario. Without a scenario
 * path, the repository's reachdiff.yaml.
 */
function splitArguments(policies, positionals, cwd) {
    if (positionals.length === 0) {
        if (!(0,external_node_fs_namespaceObject.existsSync)(openable(DEFAULT_SCENARIO, cwd))) {
            throw new UsageError(`check needs a scenario FILE or DIR; there is no ${DEFAULT_SCENARIO} in ${cwd}`);
        }
        return { scenarioPaths: [DEFAULT_SCENARIO], policyArgs: policies ? [...policies] : undefined };
    }
    if (policies === undefined)
        return { scenarioPaths: [...positionals] };
    return { scenarioPaths: positionals.slice(-1), policyArgs: [...policies, ...positionals.slice(0, -1)] };
}
/** The policy files, loaded with the scenario's own engine settings (they decide validation). */
async function policyFilesFor(scenario, args, cwd, ciliumVersion) {
    const options = makeEngineOptions({
        ciliumVersion,
        enforcement: scenario.enforcement,
        agent: scenario.agent
    });
    return loadPolicyArguments(args, cwd, options);
}
function renderCheckText(results, inputProblems) {
    const lines = [];
    for (const problem of inputProblems)
        lines.push(formatDiagnostic(problem));
    for (const result of results) {
        if (result.status === 'skipped')
            lines.push(`SKIP ${result.file} (${result.name}): tag ${result.skippedFor}`);
        if (result.status === 'failed') {
            lines.push(`FAIL ${result.file} (${result.name}): ${result.mismatches.length} of ${result.flows} flows differ`);
            for (const m of result.mismatches) {
                const http = m.flow.http ? ` ${m.flow.http.method} ${m.flow.http.path}` : '';
                const flow = `${m.flow.from} -> ${m.flow.to} ${describePort(m.flow.protocol, m.flow.port)}${http}`;
                lines.push(`  ${flow}: expected ${m.expected}, predicted ${m.predicted} (expect at line ${m.line})`);
                lines.push(`    because ${m.reason}`);
            }
        }
        for (const d of result.diagnostics.filter((d) => d.severity !== 'notice')) {
            lines.push(`  note: ${formatDiagnostic(d)}`);
        }
        if (result.unjudged > 0) {
            lines.push(`note: ${result.file} (${result.name}): ${result.unjudged} of ${result.flows} flows match no expect entry and were not judged`);
        }
        if (result.topology === 'generated') {
            lines.push(`note: ${result.file} (${result.name}): no topology given; used the one generated from the policies`);
        }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
function caseJson(result) {
    return {
        file: result.file,
        name: result.name,
        status: result.status,
        ...(result.skippedFor ? { skippedFor: result.skippedFor } : {}),
        flows: result.flows,
        unjudged: result.unjudged,
        topology: result.topology,
        mismatches: result.mismatches.map((m) => ({
            ...m.flow,
            expected: m.expected,
            predicted: m.predicted,
            reason: m.reason,
            line: m.line
        })),
        diagnostics: result.diagnostics
    };
}

;// CONCATENATED MODULE: ./src/core/gate.ts
const FAIL_ON_VALUES = ['violations', 'changes', 'never'];
function hasChanges(report) {
    const counts = report.diff?.counts;
    return counts !== undefined && counts.opened + counts.closed + counts.added + counts.removed > 0;
}
/** Violations always count when failing on changes: a change that breaks an expectation is a change. */
function isFailure(report, failOn) {
    if (failOn === 'never')
        return false;
    if (report.violations.length > 0)
        return true;
    return failOn === 'changes' && hasChanges(report);
}
/** Bad input: a head policy the API server or Cilium would refuse, or an unreadable file. */
function hasInputErrors(report) {
    return report.diagnostics.some((d) => d.severity === 'error' && d.revision !== 'base');
}

;// CONCATENATED MODULE: ./src/core/matrix.ts

function predictMatrix(engine, flows) {
    const cells = [...flows].sort(compareFlows).map((flow) => new PredictedCell(flow, engine.decideFlow(flow)));
    return { source: 'predicted', cells };
}
/** A cell whose reason is only put into words when a report reads it. */
class PredictedCell {
    flow;
    explanation;
    constructor(flow, explanation) {
        this.flow = flow;
        this.explanation = explanation;
    }
    get verdict() {
        return this.explanation.verdict;
    }
    get reason() {
        return this.explanation.reason;
    }
}
function indexCells(matrix) {
    return new Map(matrix.cells.map((cell) => [flowKey(cell.flow), cell]));
}

;// CONCATENATED MODULE: ./src/core/diff.ts




function changeKind(base, head) {
    if (base === undefined)
        return 'added';
    if (head === undefined)
        return 'removed';
    if (base === head)
        return 'unchanged';
    return head === 'allow' ? 'opened' : 'closed';
}
/** Every flow of either side, in flow order; flaky cells never count as changed. */
function diffMatrices(base, head) {
    const changes = isAligned(base, head) ? diffAligned(base, head) : diffByKey(base, head);
    const counts = { opened: 0, closed: 0, unchanged: 0, added: 0, removed: 0 };
    for (const change of changes)
        counts[change.kind]++;
    return { changes, counts };
}
function compareCells(before, after, flow) {
    const flaky = before?.flaky === true || after?.flaky === true;
    const kind = flaky && before && after ? 'unchanged' : changeKind(before?.verdict, after?.verdict);
    return { kind, flow, base: before, head: after };
}
/** Both sides predicted over the same flows (the usual case): compare cell by cell. */
function isAligned(base, head) {
    return (base.cells.length === head.cells.length && base.cells.every((cell, i) => cell.flow === head.cells[i].flow));
}
function diffAligned(base, head) {
    return head.cells.map((after, i) => compareCells(base.cells[i], after, after.flow));
}
function diffByKey(base, head) {
    const baseCells = indexCells(base);
    const headCells = indexCells(head);
    const keys = new Set([...baseCells.keys(), ...headCells.keys()]);
    const changes = [];
    for (const key of keys) {
        const before = baseCells.get(key);
        const after = headCells.get(key);
        changes.push(compareCells(before, after, (after ?? before).flow));
    }
    return changes.sort((a, b) => compareFlows(a.flow, b.flow));
}
/**
 * Policies are the same policy when kind, namespace and name agree, wherever the file moved;
 * they are edited when what Cilium reads (spec, specs, validity) differs.
 */
function diffPolicies(base, head, headErrorFiles = new Set()) {
    const baseByKey = new Map(base.map((doc) => [describePolicy(doc.ref), doc]));
    const headByKey = new Map(head.map((doc) => [describePolicy(doc.ref), doc]));
    const changes = [];
    for (const [key, after] of headByKey) {
        const before = baseByKey.get(key);
        if (!before) {
            if (after.valid)
                changes.push({ kind: 'added', policy: after.ref, sections: sectionsOf(after) });
        }
        else if (before.valid && !after.valid) {
            changes.push({ kind: 'rejected', policy: before.ref, sections: sectionsOf(before) });
        }
        else if (semanticText(before) !== semanticText(after)) {
            changes.push({ kind: 'edited', policy: after.ref, sections: sectionsOf(after) });
        }
    }
    for (const [key, before] of baseByKey) {
        if (headByKey.has(key) || !before.valid)
            continue;
        // A file that no longer parses loses its policies: that is a broken file, not a deletion.
        const kind = headErrorFiles.has(before.ref.file) ? 'rejected' : 'removed';
        changes.push({ kind, policy: before.ref, sections: sectionsOf(before) });
    }
    return changes.sort((a, b) => diff_compareText(describePolicy(a.policy), describePolicy(b.policy)));
}
const diff_SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'];
/** The sections a document writes, across `spec` and every entry of `specs`; KNP's policyTypes count too. */
function sectionsOf(doc) {
    const raw = doc.raw;
    const listed = Array.isArray(raw.specs) ? raw.specs : [];
    const specs = [raw.spec, ...listed].filter(isRecord);
    const found = new Set();
    for (const spec of specs) {
        for (const section of diff_SECTIONS)
            if (spec[section] !== undefined && spec[section] !== null)
                found.add(section);
        const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
        if (types.includes('Ingress'))
            found.add('ingress');
        if (types.includes('Egress'))
            found.add('egress');
    }
    return diff_SECTIONS.filter((section) => found.has(section));
}
function semanticText(doc) {
    return stableJson({ spec: doc.raw.spec ?? null, specs: doc.raw.specs ?? null, valid: doc.valid });
}
/** JSON with object keys sorted, so key order in YAML is not an edit. */
function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (isRecord(value)) {
        const keys = Object.keys(value).sort();
        return `{${keys.map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}
function diff_compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/core/policy/apply.ts

/** Base as applied to an empty cluster, head as applied on top of base. */
function applyAsCluster(base, head) {
    const appliedBase = base ? applyRevision(base, undefined) : undefined;
    return { base: appliedBase, head: applyRevision(head, appliedBase) };
}
/** Orders paths as filepath.Walk visits them: name by name, each directory's entries in byte order. */
function compareApplyOrder(a, b) {
    const left = a.split('/');
    const right = b.split('/');
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        if (left[i] !== right[i])
            return left[i] < right[i] ? -1 : 1;
    }
    return left.length - right.length;
}
function applyRevision(loaded, previous) {
    const unread = new Map((loaded.unread ?? []).map((u) => [u.file, u.line]));
    const isApplied = (file, line) => {
        const from = unread.get(file);
        return from === undefined || (from > 0 && line < from);
    };
    const before = new Map((previous?.policies ?? []).map((doc) => [describePolicy(doc.ref), doc]));
    const state = { objects: new Map(), fromRevision: new Set(), leading: [], notes: [] };
    const documents = loaded.policies
        .filter((doc) => isApplied(doc.ref.file, doc.ref.line))
        .sort((a, b) => compareApplyOrder(a.ref.file, b.ref.file) || a.ref.line - b.ref.line);
    for (const doc of documents)
        applyDocument(state, doc, before.get(describePolicy(doc.ref)));
    for (const [file, line] of [...unread].sort((a, b) => compareApplyOrder(a[0], b[0]))) {
        keepUnreadFile(state, file, line, previous?.policies);
    }
    const failedFiles = new Set([...state.leading.map((d) => d.file)]);
    const isLeading = (d) => d.severity === 'error' && failedFiles.has(d.file);
    return {
        ...loaded,
        policies: [...state.objects.values()],
        cidrGroups: applyCidrGroups(loaded, previous, isApplied),
        diagnostics: [
            ...loaded.diagnostics.filter(isLeading),
            ...state.leading,
            ...loaded.diagnostics.filter((d) => !isLeading(d)),
            ...state.notes
        ]
    };
}
function applyDocument(state, doc, before) {
    const key = describePolicy(doc.ref);
    const current = state.objects.get(key);
    if (current && state.fromRevision.has(key) && current.ref.file !== doc.ref.file) {
        state.notes.push(duplicateWarning(doc, current));
    }
    if (doc.valid) {
        state.objects.set(key, doc);
        state.fromRevision.add(key);
        return;
    }
    // A refused object replaces nothing: what was there before stays in force.
    if (current)
        return;
    if (before) {
        state.objects.set(key, before);
        state.leading.push(keptDiagnostic(doc, before));
        return;
    }
    state.objects.set(key, doc);
    state.fromRevision.add(key);
}
/** Objects the file held before and this revision could not apply stay as they were. */
function keepUnreadFile(state, file, line, previous) {
    const kept = [];
    for (const doc of previous ?? []) {
        const key = describePolicy(doc.ref);
        if (doc.ref.file !== file || state.objects.has(key))
            continue;
        state.objects.set(key, doc);
        kept.push(doc);
    }
    const where = line > 0 ? `from line ${line} on` : 'at all';
    const keptText = kept.length > 0
        ? `the cluster keeps the previous version of ${kept.map((d) => describePolicy(d.ref)).join(', ')}, and so does this prediction`
        : previous
            ? 'no object of the previous revision comes from this file, so nothing of it is in force'
            : 'nothing of it from there on is in force';
    state.leading.push({
        severity: 'warning',
        file,
        line,
        column: 0,
        path: '',
        message: `kubectl apply cannot read this file ${where}, so it applies nothing from there: ${keptText}`
    });
}
function keptDiagnostic(doc, before) {
    return warningOn(doc, `${describePolicy(doc.ref)} is refused in this revision, so the version from before (${before.ref.file}:${before.ref.line}) stays in force, as in a cluster`);
}
function duplicateWarning(doc, earlier) {
    const winner = doc.valid ? `this one (${doc.ref.file})` : `${earlier.ref.file}, as this one is refused`;
    return warningOn(doc, `${describePolicy(doc.ref)} is defined in ${earlier.ref.file}:${earlier.ref.line} and again in ${doc.ref.file}:${doc.ref.line}; kubectl apply -f applies files in lexical order, so the last wins: ${winner}`);
}
/** A warning at the object's own place in its file. */
function warningOn(doc, message) {
    const object = describePolicy(doc.ref);
    return { severity: 'warning', file: doc.ref.file, line: doc.ref.line, column: 0, path: '', message, object };
}
/** CiliumCIDRGroups (cluster-scoped, by name) follow the same rules, without diagnostics of their own. */
function applyCidrGroups(loaded, previous, isApplied) {
    const groups = new Map();
    const ordered = loaded.cidrGroups
        .filter((group) => isApplied(group.file, group.line))
        .sort((a, b) => compareApplyOrder(a.file, b.file) || a.line - b.line);
    for (const group of ordered)
        groups.set(group.name, group);
    const unread = new Set((loaded.unread ?? []).map((u) => u.file));
    for (const group of previous?.cidrGroups ?? []) {
        if (unread.has(group.file) && !groups.has(group.name))
            groups.set(group.name, group);
    }
    return [...groups.values()];
}

;// CONCATENATED MODULE: ./src/core/policy/unmodelled.ts



const unmodelled_SECTIONS = ['ingress', 'ingressDeny', 'egress', 'egressDeny'];
const UNMODELLED_FIELDS = [
    'toFQDNs',
    'toServices',
    'fromNodes',
    'toNodes',
    'fromRequires',
    'toRequires'
];
/** Per rule field, what the prediction assumed (and whether it models the field at all). */
const ASSUMED = {
    toFQDNs: 'not modelled; reachdiff has no DNS answers, so the rule is assumed to select no destination: flows only it would allow are predicted denied',
    toServices: 'not modelled; Services are not part of the topology, so the rule is assumed to select nothing (from Cilium 1.17 a Service with a selector selects its backend pods: toEndpoints with that selector models it)',
    fromNodes: 'not modelled; nodes are not part of the topology, so the rule is assumed to select nothing',
    toNodes: 'not modelled; nodes are not part of the topology, so the rule is assumed to select nothing',
    fromRequires: 'deprecated since Cilium 1.17 and refused from 1.19; evaluated as 1.15–1.18 do, ANDed onto the fromEndpoints selectors of every allow rule for the same pods',
    toRequires: 'deprecated since Cilium 1.17 and refused from 1.19; evaluated as 1.15–1.18 do, ANDed onto the toEndpoints selectors of every allow rule for the same pods'
};
/** Entities that name nodes, the API server, health or ingress endpoints: none is in a topology. */
const ABSENT_ENTITIES = new Set([
    'host',
    'remote-node',
    'kube-apiserver',
    'health',
    'init',
    'ingress',
    'unmanaged'
]);
const NODE_SELECTOR_ASSUMED = 'not modelled; a host policy selects nodes, and the host firewall is off by default (enable-host-firewall), so it is not evaluated; no generated pod is a node';
/** Notices for the valid policies among `documents` (an invalid one contributes nothing anyway). */
function describeUnmodelled(documents) {
    return documents.filter((doc) => doc.valid).flatMap(noticesOf);
}
function noticesOf(doc) {
    const found = new Map();
    const note = (key, path, assumed) => {
        if (!found.has(key))
            found.set(key, { path, assumed });
    };
    // Only valid documents get here, so the typed shapes hold (see ciliumRulesOf).
    const rules = doc.raw.kind === 'NetworkPolicy' ? [] : ciliumRulesOf(doc);
    for (const { rule: spec, specIndex } of rules) {
        const path = specIndex === undefined ? ['spec'] : ['specs', specIndex];
        if (spec.nodeSelector && !spec.endpointSelector) {
            note('nodeSelector', [...path, 'nodeSelector'], NODE_SELECTOR_ASSUMED);
            continue;
        }
        for (const section of unmodelled_SECTIONS) {
            ;
            (spec[section] ?? []).forEach((rule, index) => scanRule(rule, [...path, section, index], note));
        }
    }
    return [...found.entries()].map(([key, { path, assumed }]) => ({
        severity: 'notice',
        file: doc.ref.file,
        line: doc.ref.line,
        column: 0,
        path: formatPath(path),
        message: `${key}: ${assumed}`,
        object: describePolicy(doc.ref)
    }));
}
function scanRule(rule, path, note) {
    for (const field of UNMODELLED_FIELDS) {
        if ((rule[field] ?? []).length > 0)
            note(field, [...path, field], ASSUMED[field]);
    }
    for (const field of ['fromEntities', 'toEntities']) {
        ;
        (rule[field] ?? []).forEach((entity, index) => {
            if (!ABSENT_ENTITIES.has(entity))
                return;
            const assumed = `not modelled; no endpoint of the topology has the ${entity} identity, so flows with it are not evaluated`;
            note(`${field} ${entity}`, [...path, field, index], assumed);
        });
    }
}

;// CONCATENATED MODULE: ./src/core/topology/workloads.ts



const workloads_PORT_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
/** Where the pod template sits in each kind (CronJob: spec.jobTemplate.spec.template). */
function templateOf(workload) {
    const spec = workload.raw.spec;
    if (workload.kind === 'Pod')
        return workload.raw;
    if (!isRecord(spec))
        return undefined;
    if (workload.kind === 'CronJob') {
        const job = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
        return isRecord(job) && isRecord(job.template) ? job.template : undefined;
    }
    return isRecord(spec.template) ? spec.template : undefined;
}
/**
 * One pod per workload (a StatefulSet's is named `<name>-0`, as its first replica is).
 * `origin` is `snapshot` for a saved `kubectl get pods`, where finished pods and host-network
 * pods (which carry the node's identity, not a pod's) are left out.
 */
function readWorkloads(workloads, originOf) {
    const pods = [];
    const diagnostics = [];
    const taken = new Map();
    let skippedHost = 0;
    for (const workload of workloads) {
        const origin = originOf(workload);
        const template = templateOf(workload);
        const metadata = isRecord(workload.raw.metadata) ? workload.raw.metadata : {};
        const name = typeof metadata.name === 'string' ? metadata.name : '';
        const podSpec = template && isRecord(template.spec) ? template.spec : undefined;
        if (!template || !podSpec || name === '') {
            diagnostics.push(workloads_unreadable(workload));
            continue;
        }
        if (podSpec.hostNetwork === true) {
            skippedHost++;
            continue;
        }
        if (origin === 'snapshot' && isFinished(workload.raw))
            continue;
        const namespace = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : 'default';
        const names = taken.get(namespace) ?? new Set();
        taken.set(namespace, names);
        const podName = workload.kind === 'StatefulSet' ? `${name}-0` : name;
        const pod = {
            namespace,
            name: claimName(toDnsLabel(podName, 'pod'), names),
            labels: workloads_stringMap(isRecord(template.metadata) ? template.metadata.labels : undefined),
            serviceAccount: serviceAccountOf(podSpec),
            ports: containerPorts(podSpec),
            origin,
            standsFor: `${workload.kind} ${namespace}/${name} (${workload.file}:${workload.line})`
        };
        const ip = origin === 'snapshot' ? podIp(workload.raw) : undefined;
        if (ip)
            pod.ip = ip;
        pods.push(pod);
    }
    if (skippedHost > 0)
        diagnostics.push(hostNetworkNotice(skippedHost, workloads[0].file));
    const namespaces = [...new Set(pods.map((pod) => pod.namespace))].map((name) => ({
        name,
        labels: { [METADATA_NAME_LABEL]: name }
    }));
    return { pods, namespaces, diagnostics };
}
/** `serviceAccountName`, or the deprecated `serviceAccount`, else `default` as the API server sets it. */
function serviceAccountOf(podSpec) {
    for (const key of ['serviceAccountName', 'serviceAccount']) {
        const value = podSpec[key];
        if (typeof value === 'string' && value !== '')
            return value;
    }
    return 'default';
}
/** Every container's ports; protocol defaults to TCP as in the Pod API. ICMP is always answered. */
function containerPorts(podSpec) {
    const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
    const ports = [];
    for (const container of containers) {
        const list = isRecord(container) && Array.isArray(container.ports) ? container.ports : [];
        for (const port of list) {
            if (!isRecord(port) || typeof port.containerPort !== 'number')
                continue;
            const protocol = workloads_PORT_PROTOCOLS.find((p) => p === port.protocol) ?? 'TCP';
            const served = { protocol, port: port.containerPort };
            if (typeof port.name === 'string' && port.name !== '')
                served.name = port.name;
            ports.push(served);
        }
    }
    return ports.length > 0 ? [...ports, { protocol: 'ICMP' }] : [];
}
function workloads_stringMap(value) {
    const out = {};
    if (!isRecord(value))
        return out;
    for (const [key, entry] of Object.entries(value))
        if (typeof entry === 'string')
            out[key] = entry;
    return out;
}
function podIp(raw) {
    const status = raw.status;
    return isRecord(status) && typeof status.podIP === 'string' ? status.podIP : undefined;
}
function isFinished(raw) {
    const status = raw.status;
    return isRecord(status) && (status.phase === 'Succeeded' || status.phase === 'Failed');
}
function workloads_unreadable(workload) {
    const where = workload.kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
    return {
        severity: 'warning',
        file: workload.file,
        line: workload.line,
        column: 0,
        path: workload.kind === 'Pod' ? 'spec' : where,
        message: `${workload.kind} has no name or no pod ${workload.kind === 'Pod' ? 'spec' : 'template'}: it adds no pod to the topology`
    };
}
function hostNetworkNotice(count, file) {
    return {
        severity: 'notice',
        file,
        line: 0,
        column: 0,
        path: '',
        message: `${count} pod(s) use hostNetwork: they carry their node's identity, which the topology does not model, so they were left out`
    };
}

;// CONCATENATED MODULE: ./src/core/policy-budget.ts
// The policy side of the work budget: ports, excepts, selectors and rules are counted (as list
// entries and mapping keys of the policies' specs) before anything is normalised or evaluated.
// A side over the limit is not evaluated at all, and says so, instead of running for minutes.

function policyBudgetProblems(input) {
    const limits = workLimits(input.options.limits);
    const limit = limits['policy-items'];
    const problems = [];
    const sides = [
        ['head', input.head],
        ['base', input.base]
    ];
    for (const [name, side] of sides) {
        if (!side)
            continue;
        const items = countItems(side.loaded.policies.map((policy) => policy.raw), limit);
        if (items <= limit)
            continue;
        problems.push({
            severity: 'error',
            file: side.loaded.policies[0]?.ref.file ?? '',
            line: 0,
            column: 0,
            path: '',
            message: `the policies of ${side.label} have more than ${limit.toLocaleString('en')} list entries and keys (ports, excepts, selectors, rules; limit policy-items); nothing was evaluated`,
            expected: raiseHint('policy-items', limits),
            ...(name === 'base' ? { revision: 'base' } : {})
        });
    }
    return problems;
}
/** The input with both sides' policies and the topology set aside, and the reason among the head's diagnostics. */
function withoutPolicies(input, problems) {
    const empty = (side) => ({
        ...side,
        loaded: { ...side.loaded, policies: [], cidrGroups: [] }
    });
    const head = empty(input.head);
    head.loaded.diagnostics = [...problems, ...input.head.loaded.diagnostics];
    // No topology and no expectations either: a matrix without the policies would be wrong.
    const scenario = {
        file: input.scenario?.file ?? '',
        expect: [],
        topology: { namespaces: [], pods: [], external: [] }
    };
    return { ...input, head, base: input.base ? empty(input.base) : undefined, scenario };
}

;// CONCATENATED MODULE: ./src/core/predict.ts
// The static half of the pipeline: policies of base and head, one topology for both, the
// predicted matrices, their diff and the expectations, gathered into a Report.












/**
 * The policy sets as a cluster would hold them after applying base, then head (broken files
 * keep their previous objects, the last of two duplicates wins). Cluster mode applies these
 * same sets, so prediction and observation start from the same objects.
 */
function appliedSides(input) {
    const applied = applyAsCluster(input.base?.loaded, input.head.loaded);
    return {
        base: input.base && applied.base ? { ...input.base, loaded: applied.base } : undefined,
        head: { ...input.head, loaded: applied.head }
    };
}
function predictReport(original) {
    // Over-budget policies are set aside (with a diagnostic) before anything is evaluated.
    const overBudget = policyBudgetProblems(original);
    const admitted = overBudget.length > 0 ? withoutPolicies(original, overBudget) : original;
    const input = { ...admitted, ...appliedSides(admitted) };
    const { options } = input;
    const baseRules = input.base ? normalizePolicies(input.base.loaded, options) : undefined;
    const headRules = normalizePolicies(input.head.loaded, options);
    const declared = [
        ...(input.snapshot?.namespaces ?? []),
        ...(input.workloads?.namespaces ?? []),
        ...(input.base?.loaded.namespaces ?? []),
        ...(input.head.loaded.namespaces ?? [])
    ];
    const generated = input.scenario?.topology
        ? undefined
        : planTopology(baseRules ? [baseRules, headRules] : [headRules], options, uniqueByName(declared), givenPods(input));
    const topology = input.scenario?.topology ?? generated.topology;
    const size = countFlows(topology);
    const maxFlows = Math.min(MAX_FLOWS, workLimits(options.limits).flows);
    const tooLarge = size > maxFlows;
    const flows = tooLarge ? [] : enumerateFlows({ topology, expect: input.scenario?.expect ?? [] });
    const predict = (rules) => predictMatrix(createEngine(rules, topology, options), flows);
    const headMatrix = predict(headRules);
    const baseMatrix = baseRules ? predict(baseRules) : undefined;
    const countValid = (side) => side.loaded.policies.filter((p) => p.valid).length;
    return {
        toolVersion: input.toolVersion,
        ciliumVersion: options.ciliumVersion,
        base: input.base && baseMatrix
            ? { label: input.base.label, matrix: baseMatrix, policyCount: countValid(input.base) }
            : undefined,
        head: { label: input.head.label, matrix: headMatrix, policyCount: countValid(input.head) },
        topology,
        topologySource: input.scenario?.topology ? 'scenario' : 'generated',
        diff: baseMatrix ? diffMatrices(baseMatrix, headMatrix) : undefined,
        policyChanges: input.base
            ? diffPolicies(input.base.loaded.policies, input.head.loaded.policies, errorFiles(input.head.loaded.diagnostics))
            : undefined,
        violations: findViolations(headMatrix, input.scenario?.expect ?? [], input.scenario?.file ?? ''),
        disagreements: [],
        flaky: [],
        diagnostics: [
            ...(tooLarge ? [tooLargeDiagnostic(input, topology, size, maxFlows)] : []),
            ...input.head.loaded.diagnostics,
            ...describeUnmodelled(input.head.loaded.policies),
            ...(generated?.diagnostics ?? []),
            ...(input.workloads?.diagnostics ?? []),
            ...(input.snapshot?.diagnostics ?? []),
            ...(input.base ? atBase(input.base.loaded.diagnostics) : [])
        ]
    };
}
function tooLargeDiagnostic(input, topology, flows, maxFlows) {
    const source = input.scenario?.topology ? 'the scenario' : 'the topology generated from the policies';
    return {
        severity: 'error',
        file: input.scenario?.file ?? '',
        line: 0,
        column: 0,
        path: '',
        message: `${source} has ${topology.pods.length} pods and ${flows.toLocaleString('en')} flows, more than the ${maxFlows.toLocaleString('en')} reachdiff evaluates per side (limit flows); nothing was evaluated`,
        expected: `a scenario file (reachdiff.yaml) with a smaller topology: the pods and ports that matter${maxFlows < MAX_FLOWS ? `; or ${raiseHint('flows', workLimits(input.options.limits))}` : ''}`
    };
}
/** Expectations are about the result of the change: they are checked against the head. */
function findViolations(matrix, expect, file) {
    if (expect.length === 0)
        return [];
    const violations = [];
    for (const cell of matrix.cells) {
        const entry = expectedVerdict(cell.flow, expect);
        if (entry && entry.verdict !== cell.verdict) {
            violations.push({
                flow: cell.flow,
                expected: entry.verdict,
                actual: cell.verdict,
                reason: cell.reason,
                file,
                line: entry.line
            });
        }
    }
    return violations;
}
/** Workloads beside the head's policies or given apart, and the snapshot's pods. */
function givenPods(input) {
    const fromSnapshot = new Set(input.snapshot?.workloads ?? []);
    return readWorkloads([...(input.head.loaded.workloads ?? []), ...(input.workloads?.workloads ?? []), ...fromSnapshot], (workload) => (fromSnapshot.has(workload) ? 'snapshot' : 'workload'));
}
function errorFiles(diagnostics) {
    return new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
}
/** A namespace declared on both sides counts once; the head's labels win. */
function uniqueByName(namespaces) {
    return [...new Map(namespaces.map((namespace) => [namespace.name, namespace])).values()];
}
/** Problems of the base revision are reported too, marked so they are not taken for the head's. */
function atBase(diagnostics) {
    return diagnostics.map((d) => ({ ...d, message: `at base: ${d.message}`, revision: 'base' }));
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/edge/command.ts
// The one funnel to child processes (git, kind, helm, kubectl, ip netns): argument arrays,
// never a shell, so no user data is ever parsed as shell syntax. Faked in tests.

class CommandError extends Error {
    command;
    args;
    result;
    constructor(command, args, result) {
        const detail = result.timedOut ? 'timed out' : `exited with ${result.exitCode}`;
        const stderr = result.stderr.trim().split('\n').slice(-5).join('\n');
        super(`${command} ${args.join(' ')} ${detail}${stderr ? `: ${stderr}` : ''}`);
        this.command = command;
        this.args = args;
        this.result = result;
    }
}
/** Runs and throws CommandError unless the command exits 0. */
async function runChecked(runner, command, args, options) {
    const result = await runner.run(command, args, options);
    if (result.exitCode !== 0 || result.timedOut)
        throw new CommandError(command, args, result);
    return result;
}
function createProcessRunner(debug = () => undefined) {
    return {
        run(command, args, options = {}) {
            debug(`$ ${command} ${args.map((a) => JSON.stringify(a)).join(' ')}`);
            return new Promise((resolve) => {
                const child = (0,external_node_child_process_namespaceObject.spawn)(command, [...args], {
                    cwd: options.cwd,
                    env: options.env ? { ...process.env, ...options.env } : process.env,
                    stdio: ['pipe', 'pipe', 'pipe'],
                    shell: false
                });
                const out = [];
                const err = [];
                let timedOut = false;
                const timer = options.timeoutMs === undefined
                    ? undefined
                    : setTimeout(() => {
                        timedOut = true;
                        child.kill('SIGKILL');
                    }, options.timeoutMs);
                child.stdout.on('data', (chunk) => out.push(chunk));
                child.stderr.on('data', (chunk) => err.push(chunk));
                child.stdin.on('error', () => undefined); // a child that exits early closes its stdin
                child.stdin.end(options.input ?? '');
                const finish = (exitCode, extraError = '') => {
                    if (timer)
                        clearTimeout(timer);
                    const stdoutBytes = Buffer.concat(out);
                    resolve({
                        exitCode,
                        stdout: stdoutBytes.toString('utf8'),
                        stderr: Buffer.concat(err).toString('utf8') + extraError,
                        stdoutBytes,
                        timedOut
                    });
                };
                child.on('error', (error) => finish(127, error.message));
                child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
            });
        },
        start(command, args, options = {}) {
            debug(`$ ${command} ${args.map((a) => JSON.stringify(a)).join(' ')} (kept running)`);
            const child = (0,external_node_child_process_namespaceObject.spawn)(command, [...args], {
                cwd: options.cwd,
                env: options.env ? { ...process.env, ...options.env } : process.env,
                stdio: ['pipe', 'pipe', 'pipe'],
                shell: false
            });
            const listeners = [];
            let pending = '';
            let stderr = '';
            child.stdout.setEncoding('utf8');
            child.stdout.on('data', (chunk) => {
                const lines = (pending + chunk).split('\n');
                pending = lines.pop() ?? '';
                for (const text of lines)
                    for (const listener of listeners)
                        listener(text);
            });
            child.stderr.on('data', (chunk) => {
                // Kept short: a session may run for minutes, and only its last words explain an exit.
                stderr = (stderr + chunk.toString('utf8')).slice(-4000);
            });
            child.stdin.on('error', () => undefined); // a child that exits early closes its stdin
            const exited = new Promise((resolve) => {
                child.on('error', (error) => resolve({ exitCode: 127, stderr: `${stderr}${error.message}` }));
                child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stderr }));
            });
            return {
                write: (text) => void child.stdin.write(text),
                end: () => void child.stdin.end(),
                onLine: (listener) => void listeners.push(listener),
                exited,
                kill: () => void child.kill('SIGKILL')
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/edge/git.ts

class RevisionNotFoundError extends Error {
}
/** A full object name, as rev-parse prints it (SHA-1 or SHA-256). */
const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Refuses anything but an object id where git expects one, so that no argument is an option. */
function assertObjectId(value) {
    if (!OBJECT_ID.test(value))
        throw new Error(`not a git object id: ${JSON.stringify(value.slice(0, 80))}`);
    return value;
}
function createGit(runner, cwd) {
    const git = (args, input) => runChecked(runner, 'git', args, { cwd, input });
    const splitNul = (text) => text.split('\0').filter((name) => name !== '');
    return {
        async resolveCommit(revision) {
            // --end-of-options: a revision such as `--output=x` is a name to look up, never an option.
            const result = await runner.run('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd });
            const commit = result.stdout.trim();
            if (result.exitCode !== 0 || !OBJECT_ID.test(commit)) {
                throw new RevisionNotFoundError(`git revision ${JSON.stringify(revision)} is not available in ${cwd}; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0)`);
            }
            return commit;
        },
        async listTree(commit) {
            const out = (await git(['ls-tree', '-r', '-z', '-l', '--full-tree', assertObjectId(commit)])).stdout;
            return splitNul(out).map(parseTreeLine);
        },
        async listWorkingTree() {
            return splitNul((await git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'])).stdout);
        },
        async readBlobs(objects) {
            if (objects.length === 0)
                return new Map();
            const input = objects.map(assertObjectId).join('\n') + '\n';
            return parseBatch((await git(['cat-file', '--batch'], input)).stdoutBytes);
        },
        async topLevel() {
            return (await git(['rev-parse', '--show-toplevel'])).stdout.trim();
        }
    };
}
/** `<mode> SP <type> SP <object> SP+ <size> TAB <path>`, as git-ls-tree(1) documents for -l. */
function parseTreeLine(line) {
    const tab = line.indexOf('\t');
    const [mode, type, object, size] = line.slice(0, tab).split(/ +/);
    return { path: line.slice(tab + 1), mode, type, object, size: size === '-' ? undefined : Number(size) };
}
/**
 * `git cat-file --batch` output: per object `<oid> SP <type> SP <size> LF <contents> LF`, or
 * `<oid> SP missing LF` (git-cat-file(1), BATCH OUTPUT).
 */
function parseBatch(bytes) {
    const blobs = new Map();
    const decoder = new TextDecoder();
    let at = 0;
    while (at < bytes.length) {
        const eol = bytes.indexOf(10, at);
        if (eol < 0)
            break;
        const [object, type, size] = decoder.decode(bytes.subarray(at, eol)).split(' ');
        at = eol + 1;
        if (type === 'missing' || size === undefined)
            continue;
        const length = Number(size);
        blobs.set(object, bytes.subarray(at, at + length));
        at += length + 1;
    }
    return blobs;
}

;// CONCATENATED MODULE: ./src/edge/topology-sources.ts

/** Files and directories on disk. */
async function loadWorkloadPaths(paths, options) {
    return workloadsOnly(await loadPolicyPaths(paths, options));
}
/** Files of a revision matching the globs; without a commit, the working tree. */
async function loadWorkloadsAtRevision(git, commit, globs, options) {
    const loaded = commit
        ? await loadPoliciesAtCommit(git, commit, globs, options)
        : await loadPoliciesFromWorkingTree(git, globs, options);
    return workloadsOnly(loaded);
}
/**
 * `kubectl get namespaces,pods -A -o json > FILE`: a v1 List of Namespace and Pod items.
 * A file without a single pod is most likely the wrong file, and says so.
 */
async function loadSnapshot(path, options) {
    const loaded = workloadsOnly(await loadPolicyPaths([path], options));
    if ((loaded.workloads ?? []).some((w) => w.kind === 'Pod') || loaded.diagnostics.length > 0)
        return loaded;
    loaded.diagnostics.push({
        severity: 'error',
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: 'the snapshot holds no Pod',
        expected: 'the output of kubectl get namespaces,pods -A -o json'
    });
    return loaded;
}
/** Policies in these files are not the policy set, and other kinds are expected here: no notices. */
function workloadsOnly(loaded) {
    return {
        policies: [],
        cidrGroups: [],
        diagnostics: loaded.diagnostics.filter((d) => d.severity !== 'notice'),
        namespaces: loaded.namespaces ?? [],
        workloads: loaded.workloads ?? []
    };
}

;// CONCATENATED MODULE: ./src/core/report/json-stream.ts
// JSON written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` would give,
// so a report of a million flows never becomes one string (V8 caps a string near 512 MiB, and
// building it first doubles the memory). Large arrays are given as a JsonSequence: their items
// are produced, serialised and forgotten one at a time.
/** An array whose items are made on demand, e.g. matrix cells mapped to JSON objects; items are plain data. */
class JsonSequence {
    items;
    constructor(items) {
        this.items = items;
    }
}
/** Pieces are joined up to this many characters before being handed on. */
const CHUNK = 1 << 16;
/** The document in chunks of about 64 KiB; the last ends with a newline. */
function* streamJson(value) {
    let buffer = '';
    for (const piece of pieces(value, '')) {
        buffer += piece;
        if (buffer.length >= CHUNK) {
            yield buffer;
            buffer = '';
        }
    }
    yield buffer + '\n';
}
function* pieces(value, indent) {
    if (value instanceof JsonSequence)
        yield* sequencePieces(value.items(), indent);
    else if (Array.isArray(value))
        yield* arrayPieces(value, indent);
    else if (json_stream_isPlainObject(value))
        yield* objectPieces(value, indent);
    else
        yield JSON.stringify(value) ?? 'null';
}
function* arrayPieces(items, indent) {
    const inner = `${indent}  `;
    let isFirst = true;
    for (const item of items) {
        yield `${isFirst ? '[' : ','}\n${inner}`;
        isFirst = false;
        // Like JSON.stringify, an array keeps a hole as null.
        yield* pieces(item === undefined || typeof item === 'function' ? null : item, inner);
    }
    yield isFirst ? '[]' : `\n${indent}]`;
}
/** Plain items are serialised whole, one piece each: far fewer pieces than walking them. */
function* sequencePieces(items, indent) {
    const inner = `${indent}  `;
    let isFirst = true;
    for (const item of items) {
        const text = JSON.stringify(item ?? null, null, 2).replaceAll('\n', `\n${inner}`);
        yield `${isFirst ? '[' : ','}\n${inner}${text}`;
        isFirst = false;
    }
    yield isFirst ? '[]' : `\n${indent}]`;
}
function* objectPieces(object, indent) {
    const inner = `${indent}  `;
    let isFirst = true;
    for (const [key, item] of Object.entries(object)) {
        if (item === undefined || typeof item === 'function')
            continue;
        yield `${isFirst ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
        isFirst = false;
        yield* pieces(item, inner);
    }
    yield isFirst ? '{}' : `\n${indent}}`;
}
function json_stream_isPlainObject(value) {
    return typeof value === 'object' && value !== null;
}

;// CONCATENATED MODULE: ./src/core/report/endpoint-summary.ts

/** Up to this many endpoints are named one by one. */
const MAX_NAMED = 3;
/** What the summariser needs of the topology, indexed once per report. */
class TopologyIndex {
    podsByKey;
    podsByNamespace = new Map();
    externalCount;
    constructor(topology) {
        this.podsByKey = new Map(topology.pods.map((pod) => [podKey(pod), pod]));
        for (const pod of topology.pods) {
            const list = this.podsByNamespace.get(pod.namespace) ?? [];
            list.push(pod);
            this.podsByNamespace.set(pod.namespace, list);
        }
        this.externalCount = topology.external.length;
    }
}
function endpoint_summary_isWorldKey(key) {
    return key.startsWith(`${WORLD_NAMESPACE}/`);
}
function summarizeEndpoints(keys, index) {
    const world = [...keys].filter(endpoint_summary_isWorldKey).sort();
    const pods = [...keys].filter((key) => !endpoint_summary_isWorldKey(key)).sort();
    const parts = [];
    if (pods.length > 0)
        parts.push(describePods(pods, index));
    if (world.length > 0)
        parts.push(describeWorld(world, index));
    return { text: parts.join(' and '), count: keys.size };
}
function describeWorld(world, index) {
    if (world.length <= MAX_NAMED)
        return world.join(', ');
    return world.length === index.externalCount
        ? `world (all ${world.length} endpoints)`
        : `world (${world.length} endpoints)`;
}
function describePods(keys, index) {
    const count = keys.length;
    if (count === index.podsByKey.size && count > 1)
        return `every pod (${count.toLocaleString('en')})`;
    const missing = missingPods(keys, index);
    if (count > MAX_NAMED && missing.length > 0 && missing.length <= MAX_NAMED)
        return `every pod but ${missing.join(', ')} (${count.toLocaleString('en')})`;
    const perNamespace = new Map();
    for (const key of keys) {
        const namespace = key.slice(0, key.indexOf('/'));
        perNamespace.set(namespace, (perNamespace.get(namespace) ?? 0) + 1);
    }
    const namespaces = [...perNamespace.keys()].sort();
    const whole = namespaces.every((ns) => (index.podsByNamespace.get(ns)?.length ?? 0) === perNamespace.get(ns));
    if (whole && count > 1)
        return `every pod in ${listNamespaces(namespaces)} (${count.toLocaleString('en')})`;
    if (count <= MAX_NAMED)
        return keys.join(', ');
    const labels = sharedLabels(keys, index);
    if (labels.length > 0 && count === matchingPods(labels, namespaces, index)) {
        const where = namespaces.length === 1 ? ` in ${namespaces[0]}` : '';
        return `pods with ${labels.map(([key, value]) => `${key}=${value}`).join(', ')}${where} (${count.toLocaleString('en')})`;
    }
    return `${count.toLocaleString('en')} pods in ${listNamespaces(namespaces)}`;
}
/** The topology's pods that `keys` leaves out, when they are few; else more than MAX_NAMED of them. */
function missingPods(keys, index) {
    if (index.podsByKey.size - keys.length > MAX_NAMED)
        return [...index.podsByKey.keys()].slice(0, MAX_NAMED + 1);
    const own = new Set(keys);
    return [...index.podsByKey.keys()].filter((key) => !own.has(key)).sort();
}
function listNamespaces(namespaces) {
    if (namespaces.length === 1)
        return namespaces[0];
    if (namespaces.length <= MAX_NAMED)
        return namespaces.join(', ');
    return `${namespaces.length} namespaces`;
}
/** The labels (key, value) every pod of `keys` carries, by key. */
function sharedLabels(keys, index) {
    const pods = keys.map((key) => index.podsByKey.get(key));
    if (pods.some((pod) => pod === undefined))
        return [];
    const [first, ...rest] = pods;
    return Object.keys(first.labels)
        .filter((key) => rest.every((pod) => pod.labels[key] === first.labels[key]))
        .sort()
        .map((key) => [key, first.labels[key]]);
}
/** Pods of `namespaces` (or all, with several) that carry every one of `labels`. */
function matchingPods(labels, namespaces, index) {
    const scope = namespaces.length === 1 ? (index.podsByNamespace.get(namespaces[0]) ?? []) : [...index.podsByKey.values()];
    return scope.filter((pod) => labels.every(([key, value]) => pod.labels[key] === value)).length;
}

;// CONCATENATED MODULE: ./src/core/report/summary.ts


/** `1 flow`, `2 flows`. */
function pluralize(count, singular, plural = `${singular}s`) {
    return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
function summarizeReport(report) {
    const counts = report.diff?.counts;
    const severities = (severity) => report.diagnostics.filter((d) => d.severity === severity).length;
    const allowed = report.head.matrix.cells.filter((cell) => cell.verdict === 'allow').length;
    const summary = {
        hasDiff: report.diff !== undefined,
        opened: counts?.opened ?? 0,
        closed: counts?.closed ?? 0,
        unchanged: counts?.unchanged ?? 0,
        added: counts?.added ?? 0,
        removed: counts?.removed ?? 0,
        violations: report.violations.length,
        disagreements: report.disagreements.length,
        flaky: report.flaky.length,
        diagnostics: {
            errors: severities('error'),
            warnings: severities('warning'),
            notices: severities('notice')
        },
        allowed,
        denied: report.head.matrix.cells.length - allowed,
        headline: ''
    };
    summary.headline = composeHeadline(summary);
    return summary;
}
function composeHeadline(s) {
    const parts = [];
    if (!s.hasDiff) {
        parts.push(`${pluralize(s.allowed + s.denied, 'flow')} checked (${s.allowed.toLocaleString('en')} allowed, ${s.denied.toLocaleString('en')} denied)`);
    }
    else if (s.opened + s.closed + s.added + s.removed === 0) {
        parts.push('no reachability change');
    }
    else {
        // Closed first: an outage is the surprise a reviewer most needs to see.
        parts.push(`${pluralize(s.closed, 'flow')} closed`, `${s.opened.toLocaleString('en')} opened`);
        if (s.added > 0)
            parts.push(`${s.added.toLocaleString('en')} added`);
        if (s.removed > 0)
            parts.push(`${s.removed.toLocaleString('en')} removed`);
    }
    if (s.violations > 0)
        parts.push(`${pluralize(s.violations, 'expectation')} violated`);
    if (s.disagreements > 0)
        parts.push(pluralize(s.disagreements, 'disagreement'));
    if (s.flaky > 0)
        parts.push(`${pluralize(s.flaky, 'flaky flow')}`);
    if (s.diagnostics.errors > 0)
        parts.push(pluralize(s.diagnostics.errors, 'policy error'));
    return parts.join(', ');
}
/** The changes a reviewer must see: everything but `unchanged`, in flow order. */
function listChanges(report) {
    return (report.diff?.changes ?? []).filter((change) => change.kind !== 'unchanged');
}
/** Items grouped by destination, groups and items in flow order. */
function groupByDestination(items, flowOf) {
    const sorted = [...items].sort((a, b) => compareFlows(flowOf(a), flowOf(b)));
    const groups = new Map();
    for (const item of sorted) {
        const to = flowOf(item).to;
        const group = groups.get(to);
        if (group)
            group.push(item);
        else
            groups.set(to, [item]);
    }
    return groups;
}
/** `TCP/80`, `ICMP`, `TCP/80 GET /public`. */
function describeFlowPort(flow) {
    const port = describePort(flow.protocol, flow.port);
    return flow.http ? `${port} ${flow.http.method} ${flow.http.path}` : port;
}
function sortDiagnostics(diagnostics) {
    return [...diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
/**
 * Whether the head reason alone says why the flow is allowed. "Nothing enforces either side"
 * does not: the base reason (the rule that used to deny it) is the real story of an opening.
 */
function isBaseReasonHelpful(change) {
    const head = change.head;
    if (!change.base || !head || head.verdict !== 'allow')
        return false;
    // An observed cell's reason is what the probe saw; the base probe adds nothing to it.
    if (!head.explanation)
        return false;
    const sides = [head.explanation.egress, head.explanation.ingress];
    return sides.every((side) => side === undefined || side.decision === 'not-enforced');
}
function findNewDefaultDenies(changes) {
    const found = new Map();
    for (const change of changes) {
        if (change.kind !== 'closed')
            continue;
        for (const side of newlyDefaultDenied(change.base, change.head)) {
            const key = `${side.direction} ${side.subject}`;
            const entry = found.get(key) ?? {
                subject: side.subject,
                direction: side.direction,
                enforcedBy: [...new Set(side.enforcedBy.map(describePolicy))].sort(),
                closed: 0
            };
            entry.closed++;
            found.set(key, entry);
        }
    }
    return [...found.values()].sort((a, b) => a.subject.localeCompare(b.subject) || a.direction.localeCompare(b.direction));
}
/** The sides a change put into default deny: enforced at head, not at base. */
function newlyDefaultDenied(base, head) {
    const sides = [];
    for (const direction of ['egress', 'ingress']) {
        const after = head?.explanation?.[direction];
        const before = base?.explanation?.[direction];
        if (after?.decision === 'default-deny' && (!before || before.decision === 'not-enforced'))
            sides.push(after);
    }
    return sides;
}

;// CONCATENATED MODULE: ./src/core/report/causes.ts



const EFFECT_ORDER = ['closed', 'opened', 'added', 'removed'];
function groupByCause(changes, policyChanges, index) {
    const changed = new Map(policyChanges.map((change) => [describePolicy(change.policy), change]));
    const groups = new Map();
    const groupOf = new Int32Array(changes.length);
    changes.forEach((change, i) => {
        const policies = explainChange(change, changed);
        const key = policies.map((p) => `${p.kind} ${describePolicy(p.policy)}`).join('\u0000');
        let group = groups.get(key);
        if (!group)
            groups.set(key, (group = { order: groups.size, policies, changes: [] }));
        else
            mergeRules(group.policies, policies);
        group.changes.push(change);
        groupOf[i] = group.order;
    });
    const sorted = [...groups].sort(([a, x], [b, y]) => y.changes.length - x.changes.length || (a < b ? -1 : a > b ? 1 : 0));
    const rank = new Int32Array(groups.size);
    sorted.forEach(([, group], i) => (rank[group.order] = i));
    return {
        causes: sorted.map(([key, group]) => buildCause(key, group.policies, group.changes, changed, index)),
        causeOf: groupOf.map((order) => rank[order])
    };
}
function mergeRules(into, from) {
    from.forEach((policy, i) => {
        for (const rule of policy.rules)
            if (!into[i].rules.includes(rule))
                into[i].rules.push(rule);
    });
}
/** The changed policies among those that decided the flow at base or at head. */
function explainChange(change, changed) {
    const decisive = [...decidingRefs(change.base, change.head), ...decidingRefs(change.head, change.base)];
    const fromChanges = causes_pick(decisive, (key) => changed.get(key)?.kind);
    if (fromChanges.length > 0)
        return fromChanges;
    const involved = [...involvedRefs(change.base), ...involvedRefs(change.head)];
    const anyChanged = causes_pick(involved, (key) => changed.get(key)?.kind);
    if (anyChanged.length > 0)
        return anyChanged;
    return causes_pick(decisive, () => 'involved');
}
function causes_pick(refs, kindOf) {
    const found = new Map();
    for (const ref of refs) {
        const key = describePolicy(ref.policy);
        const kind = kindOf(key);
        if (kind === undefined)
            continue;
        const entry = found.get(key) ?? { kind, policy: ref.policy, rules: [] };
        if (kind === 'edited' && ref.rule && !entry.rules.includes(ref.rule))
            entry.rules.push(ref.rule);
        found.set(key, entry);
    }
    return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}
const sideCache = new WeakMap();
/**
 * The policies that made the cell's verdict: the deny rule or the allow rules, or for a
 * default deny the policies that enforce it, but only where the other revision did not
 * enforce that direction: a default deny that was there all along is not what changed.
 */
function decidingRefs(cell, other) {
    const explanation = cell?.explanation;
    if (!explanation || explanation.global)
        return [];
    const sides = [explanation.egress, explanation.ingress].filter((side) => side !== undefined && side.verdict === explanation.verdict);
    return sides.flatMap((side) => {
        if (side.decision === 'default-deny' && isEnforced(other?.explanation?.[side.direction]))
            return [];
        let refs = sideCache.get(side);
        if (!refs)
            sideCache.set(side, (refs = sideRefs(side)));
        return refs;
    });
}
function isEnforced(side) {
    return side !== undefined && side.decision !== 'not-enforced';
}
function sideRefs(side) {
    const rules = side.rules.map((ref) => ({
        policy: ref.policy,
        rule: `${ref.specIndex === undefined ? '' : `specs[${ref.specIndex}].`}${ref.section}${ref.index < 0 ? '' : `[${ref.index}]`}`
    }));
    if (side.decision === 'default-deny')
        return side.enforcedBy.map((policy) => ({ policy }));
    if (side.decision === 'not-enforced')
        return [];
    return [...rules, ...side.syntheticAllowBy.map((policy) => ({ policy }))];
}
/** Every policy a cell's explanation mentions, deciding or not. */
function involvedRefs(cell) {
    const explanation = cell?.explanation;
    if (!explanation)
        return [];
    return [explanation.egress, explanation.ingress].flatMap((side) => side
        ? [
            ...side.rules.map((ref) => ({ policy: ref.policy })),
            ...side.enforcedBy.map((policy) => ({ policy }))
        ]
        : []);
}
function buildCause(key, policies, changes, changed, index) {
    const counts = { opened: 0, closed: 0, added: 0, removed: 0 };
    for (const change of changes)
        if (change.kind !== 'unchanged')
            counts[change.kind]++;
    const effects = EFFECT_ORDER.flatMap((kind) => {
        const ofKind = changes.filter((change) => change.kind === kind);
        return ofKind.length > 0 ? [summarizeEffect(kind, ofKind, index)] : [];
    });
    return {
        key,
        policies,
        changes,
        counts,
        effects,
        defaultDenies: findDefaultDenies(changes, changed, index)
    };
}
function summarizeEffect(kind, changes, index) {
    const sources = new Set();
    const destinations = new Set();
    const ports = new Set();
    for (const { flow } of changes) {
        sources.add(flow.from);
        destinations.add(flow.to);
        ports.add(describeFlowPort(flow));
    }
    return {
        kind,
        flows: changes.length,
        sources: summarizeEndpoints(sources, index),
        destinations: summarizeEndpoints(destinations, index),
        ports: [...ports]
    };
}
/**
 * Closed flows that no rule denies, dropped because a policy now selects the endpoint: a
 * policy with only `ingressDeny` still switches ingress default deny on (Cilium's
 * pkg/policy/repository.go computes enforcement from every rule that selects the endpoint).
 */
function findDefaultDenies(changes, changed, index) {
    const found = new Map();
    for (const change of changes) {
        if (change.kind !== 'closed')
            continue;
        for (const side of newlyDefaultDenied(change.base, change.head)) {
            const entry = found.get(side.direction) ?? { subjects: new Set(), closed: 0, enforcers: new Set() };
            entry.subjects.add(side.subject);
            entry.closed++;
            for (const policy of side.enforcedBy)
                entry.enforcers.add(describePolicy(policy));
            found.set(side.direction, entry);
        }
    }
    return [...found].map(([direction, entry]) => ({
        direction,
        subjects: summarizeEndpoints(entry.subjects, index),
        closed: entry.closed,
        isDenyOnly: [...entry.enforcers].every((key) => isDenyOnly(changed.get(key)?.sections, direction))
    }));
}
function isDenyOnly(sections, direction) {
    if (!sections)
        return false;
    const deny = direction === 'ingress' ? 'ingressDeny' : 'egressDeny';
    return sections.includes(deny) && !sections.includes(direction);
}

;// CONCATENATED MODULE: ./src/core/report/diagnostic-lines.ts
const SEVERITY_ORDER = ['error', 'warning', 'notice'];
/** predict.ts marks base problems this way in their message. */
const BASE_PREFIX = 'at base: ';
function groupDiagnostics(diagnostics) {
    const atHead = new Set(diagnostics.filter((d) => d.revision !== 'base').map((d) => identity(d)));
    const lines = new Map();
    for (const d of [...diagnostics].sort(compareDiagnostics)) {
        if (d.revision === 'base' && atHead.has(identity(d)))
            continue;
        const text = describeProblem(d);
        const key = `${d.severity}\u0000${d.revision ?? ''}\u0000${text}`;
        const line = lines.get(key);
        if (line)
            line.places.push(placeOf(d));
        else
            lines.set(key, { severity: d.severity, revision: d.revision, text, places: [placeOf(d)] });
    }
    return [...lines.values()].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        Number(a.revision === 'base') - Number(b.revision === 'base'));
}
/** `3 places: a.yaml:1:2, b.yaml:4:1 and 1 more`, at most `max` named. */
function describePlaces(places, max) {
    if (places.length === 1)
        return places[0];
    const named = places.slice(0, max).join(', ');
    const more = places.length - Math.min(max, places.length);
    return `${places.length} places: ${named}${more > 0 ? ` and ${more} more` : ''}`;
}
/**
 * One line in the form every reachdiff output uses, `place: severity: field: message`, or
 * `severity: field: message (N places: …)` for a repeated problem.
 */
function describeDiagnosticLine(line, maxPlaces = 3) {
    const what = `${line.severity}: ${line.revision === 'base' ? 'at base: ' : ''}${line.text}`;
    if (line.places.length === 1)
        return `${line.places[0]}: ${what}`;
    return `${what} (${describePlaces(line.places, maxPlaces)})`;
}
function messageOf(d) {
    return d.revision === 'base' && d.message.startsWith(BASE_PREFIX)
        ? d.message.slice(BASE_PREFIX.length)
        : d.message;
}
/** The same problem at the same place, whichever revision it was found in. */
function identity(d) {
    return [d.severity, d.file, d.line, d.column, d.path, messageOf(d), d.value ?? ''].join('\u0000');
}
function describeProblem(d) {
    const field = d.path ? `${d.path}: ` : '';
    const value = d.value !== undefined ? ` (got ${d.value})` : '';
    const expected = d.expected ? `; expected ${d.expected}` : '';
    return `${field}${messageOf(d)}${value}${expected}`;
}
function placeOf(d) {
    if (!d.file)
        return 'input';
    return d.line > 0 ? `${d.file}:${d.line}${d.column > 0 ? `:${d.column}` : ''}` : d.file;
}
function compareDiagnostics(a, b) {
    return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}

;// CONCATENATED MODULE: ./src/core/report/sections.ts





function buildSections(report) {
    const changes = listChanges(report);
    const { errors, others } = splitDiagnostics(report.diagnostics);
    const { causes, causeOf } = groupByCause(changes, report.policyChanges ?? [], new TopologyIndex(report.topology));
    return {
        summary: summarizeReport(report),
        source: report.head.matrix.source,
        errors: groupDiagnostics(errors),
        violations: [...report.violations].sort((a, b) => compareFlows(a.flow, b.flow)),
        causes,
        causeOf,
        destinations: [...groupByDestination(changes, (change) => change.flow)].map(([to, group]) => ({
            to,
            changes: group,
            sources: new Set(group.map((change) => change.flow.from)).size
        })),
        changes,
        disagreements: [...report.disagreements].sort((a, b) => compareFlows(a.flow, b.flow)),
        flaky: [...report.flaky].sort(compareFlows),
        notices: groupDiagnostics(others)
    };
}
/** Errors of the head first; a base problem is history, shown among the notices. */
function splitDiagnostics(diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === 'error' && d.revision !== 'base');
    const others = diagnostics.filter((d) => !errors.includes(d));
    return { errors, others };
}
/**
 * A destination's changes as rows: one per source, kind and reason, ports merged in flow
 * order (changes come sorted by destination, then source). Rows are built up to `limit`, since
 * a huge change renders only the first rows of each group; the rest are counted.
 */
function buildDetailRows(changes, limit = Infinity) {
    const rows = new Map();
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        const reason = (change.head ?? change.base)?.reason ?? '';
        const before = isBaseReasonHelpful(change) ? change.base?.reason : undefined;
        const key = `${change.flow.from}\u0000${change.kind}\u0000${reason}\u0000${before ?? ''}`;
        const row = rows.get(key);
        if (row) {
            row.ports.push(describeFlowPort(change.flow));
            continue;
        }
        if (rows.size >= limit) {
            const rest = changes.slice(i);
            return {
                rows: [...rows.values()],
                moreFlows: rest.length,
                moreSources: new Set(rest.map((c) => c.flow.from)).size
            };
        }
        rows.set(key, {
            from: change.flow.from,
            to: change.flow.to,
            ports: [describeFlowPort(change.flow)],
            base: change.base?.verdict,
            head: change.head?.verdict,
            flaky: change.base?.flaky === true || change.head?.flaky === true,
            reason,
            before
        });
    }
    return { rows: [...rows.values()], moreFlows: 0, moreSources: 0 };
}

;// CONCATENATED MODULE: ./src/core/report/json.ts




const SCHEMA_VERSION = 1;
/** The whole report as one string: for tests and small reports. Large ones use streamJsonReport. */
function renderJson(report) {
    return [...streamJsonReport(report)].join('');
}
/** The report in chunks, never as one string: a million-flow report stays within memory. */
function streamJsonReport(report) {
    return streamJson(buildJsonReport(report));
}
/**
 * The report as data for streamJson; the long arrays (changes, matrix cells) are sequences
 * made while they are written.
 */
function buildJsonReport(report) {
    const summary = summarizeReport(report);
    const sections = buildSections(report);
    const { changes, causeOf } = sections;
    return {
        schemaVersion: SCHEMA_VERSION,
        tool: { name: 'reachdiff', version: report.toolVersion },
        ciliumVersion: report.ciliumVersion,
        topologySource: report.topologySource,
        revisions: { base: report.base && revision(report.base), head: revision(report.head) },
        summary: {
            headline: summary.headline,
            opened: summary.opened,
            closed: summary.closed,
            unchanged: summary.unchanged,
            added: summary.added,
            removed: summary.removed,
            violations: summary.violations,
            disagreements: summary.disagreements,
            flaky: summary.flaky,
            diagnostics: { ...summary.diagnostics }
        },
        policyChanges: (report.policyChanges ?? []).map(policyChange),
        causes: sections.causes.map(cause),
        changes: new JsonSequence(() => mapItems(changes, (c, i) => change(c, causeOf[i]))),
        newDefaultDenies: findNewDefaultDenies(changes).map((d) => ({
            subject: d.subject,
            direction: d.direction,
            enforcedBy: d.enforcedBy,
            closed: d.closed
        })),
        violations: sortByFlow(report.violations).map(violation),
        disagreements: sortByFlow(report.disagreements).map(disagreement),
        flaky: [...report.flaky].sort(compareFlows).map(flow),
        diagnostics: sortDiagnostics(report.diagnostics).map(diagnostic),
        topology: topology(report.topology),
        matrices: { base: report.base && cells(report.base.matrix), head: cells(report.head.matrix) }
    };
}
function* mapItems(items, map) {
    for (let i = 0; i < items.length; i++)
        yield map(items[i], i);
}
function policyRef(ref) {
    return { kind: ref.kind, namespace: ref.namespace, name: ref.name, file: ref.file, line: ref.line };
}
function policyChange(c) {
    return { change: c.kind, ...policyRef(c.policy), sections: c.sections };
}
function summaryOf(s) {
    return { text: s.text, count: s.count };
}
function cause(c) {
    return {
        policies: c.policies.map((p) => ({ change: p.kind, ...policyRef(p.policy), rules: p.rules })),
        flows: c.changes.length,
        opened: c.counts.opened,
        closed: c.counts.closed,
        added: c.counts.added,
        removed: c.counts.removed,
        effects: c.effects.map((e) => ({
            kind: e.kind,
            flows: e.flows,
            sources: summaryOf(e.sources),
            destinations: summaryOf(e.destinations),
            ports: e.ports
        })),
        defaultDenies: c.defaultDenies.map((d) => ({
            direction: d.direction,
            subjects: summaryOf(d.subjects),
            closed: d.closed,
            denyOnly: d.isDenyOnly
        }))
    };
}
function sortByFlow(items) {
    return [...items].sort((a, b) => compareFlows(a.flow, b.flow));
}
function flow(f) {
    const out = { from: f.from, to: f.to, port: f.port ?? null, protocol: f.protocol };
    if (f.http)
        out.http = { method: f.http.method, path: f.http.path };
    return out;
}
function revision(side) {
    return { label: side.label, policyCount: side.policyCount, source: side.matrix.source };
}
function verdictOf(cell) {
    return cell?.verdict ?? null;
}
function change(c, causeIndex) {
    return {
        ...flow(c.flow),
        kind: c.kind,
        cause: causeIndex,
        base: verdictOf(c.base),
        head: verdictOf(c.head),
        reason: c.head?.reason ?? null,
        baseReason: c.base?.reason ?? null
    };
}
function violation(v) {
    return {
        ...flow(v.flow),
        expected: v.expected,
        actual: v.actual,
        reason: v.reason,
        file: v.file,
        line: v.line,
        ...(v.judgedBy ? { judgedBy: v.judgedBy } : {})
    };
}
function disagreement(d) {
    return { ...flow(d.flow), side: d.side, predicted: d.predicted, observed: d.observed, reason: d.reason };
}
function diagnostic(d) {
    return {
        severity: d.severity,
        file: d.file,
        line: d.line,
        column: d.column,
        path: d.path,
        message: d.message,
        value: d.value,
        expected: d.expected,
        object: d.object,
        revision: d.revision
    };
}
function cells(matrix) {
    const sorted = isSorted(matrix.cells)
        ? matrix.cells
        : [...matrix.cells].sort((a, b) => compareFlows(a.flow, b.flow));
    return new JsonSequence(() => mapItems(sorted, (cell) => ({
        ...flow(cell.flow),
        verdict: cell.verdict,
        reason: cell.reason,
        flaky: cell.flaky,
        attempts: cell.attempts
    })));
}
/** Predicted matrices come sorted already: no copy of a million cells to sort again. */
function isSorted(cells) {
    for (let i = 1; i < cells.length; i++)
        if (compareFlows(cells[i - 1].flow, cells[i].flow) > 0)
            return false;
    return true;
}
function sortedLabels(labels) {
    return Object.fromEntries(Object.keys(labels)
        .sort()
        .map((key) => [key, labels[key]]));
}
function ports(list) {
    return [...list]
        .sort((a, b) => PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
        (a.port ?? -1) - (b.port ?? -1) ||
        (a.name ?? '').localeCompare(b.name ?? ''))
        .map((p) => ({ protocol: p.protocol, port: p.port ?? null, name: p.name }));
}
function topology(t) {
    const byName = (items) => [...items].sort((a, b) => a.name.localeCompare(b.name));
    return {
        namespaces: byName(t.namespaces).map((ns) => ({ name: ns.name, labels: sortedLabels(ns.labels) })),
        pods: [...t.pods]
            .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
            .map((pod) => ({
            namespace: pod.namespace,
            name: pod.name,
            labels: sortedLabels(pod.labels),
            serviceAccount: pod.serviceAccount,
            ip: pod.ip,
            ports: ports(pod.ports),
            origin: pod.origin,
            standsFor: pod.standsFor
        })),
        external: byName(t.external).map((e) => ({ name: e.name, ip: e.ip, ports: ports(e.ports) }))
    };
}

;// CONCATENATED MODULE: ./src/core/report/detail-level.ts
// How much of the report a document shows. A comment is planned to fit its budget by choosing
// the richest level that fits, never by cutting a list in the middle: every shortened list
// says how many items it leaves out and where they are.
const ALL = Number.POSITIVE_INFINITY;
/** From everything to the bare verdict; the last level is small whatever the input. */
const DETAIL_LEVELS = [
    level(ALL, ALL, ALL, ALL, ALL, ALL, 40, ALL, true),
    level(50, 50, 20, 5, ALL, 20, 40, 50, true),
    level(50, 50, 20, 5, ALL, 20, 40, 50, false),
    level(30, 30, 15, 5, 40, 10, 30, 30, false),
    level(20, 20, 10, 3, 20, 5, 20, 20, false),
    level(20, 20, 10, 3, 10, 3, 20, 10, false),
    level(20, 20, 10, 3, 6, 2, 0, 10, false),
    level(10, 10, 8, 3, 0, 0, 0, 5, false),
    level(5, 5, 3, 2, 0, 0, 0, 0, false)
];
function level(errors, violations, causes, policiesPerCause, destinations, rowsPerDestination, graphEdges, notices, hasMatrix) {
    return {
        errors,
        violations,
        causes,
        policiesPerCause,
        destinations,
        rowsPerDestination,
        graphEdges,
        notices,
        hasMatrix
    };
}
/**
 * The first rendering, richest first, whose length is within `maxLength`; else the last one.
 * `atLeast` is a cheap lower bound of a level's length: a level that cannot fit is not rendered,
 * which matters when the richest levels would escape hundreds of thousands of rows.
 */
function renderWithinBudget(render, maxLength, atLeast = () => 0) {
    let text = '';
    for (const [i, candidate] of DETAIL_LEVELS.entries()) {
        if (i < DETAIL_LEVELS.length - 1 && atLeast(candidate) > maxLength)
            continue;
        text = render(candidate);
        if (text.length <= maxLength)
            return text;
    }
    return text;
}

;// CONCATENATED MODULE: ./src/core/report/markdown-escape.ts
// Making user-written strings inert in the PR comment. Pod, namespace, policy and file names,
// HTTP paths and reasons that embed them come from the pull request, i.e. from whoever opened
// it: they must not ping people, link issues, inject HTML, break a table or start a math block.
//
// GitHub renders a comment in two passes: a CommonMark/GFM parse, then transforms on the HTML
// text nodes (mentions, issue references, email autolinks). Entities and backslash escapes only
// protect against the first pass, since the second sees decoded text; so `@` and `#<digit>` get
// a zero-width space after them (what Dependabot does in release notes), which the mention and
// reference patterns cannot match across.
/** Longest name shown before it is shortened with `…` (visible characters, before escaping). */
const MAX_NAME_LENGTH = 80;
/** Longest reason or message shown; reasons embed names, so they get more room. */
const MAX_TEXT_LENGTH = 500;
const ZERO_WIDTH_SPACE = '\u200B';
// C0/C1 controls (ESC starts terminal sequences), and bidirectional overrides and isolates,
// which can make a name read differently from what it is ("Trojan source").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g;
/** One line of plain, printable text: line breaks and tabs become spaces, controls go. */
function cleanText(text) {
    return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '');
}
/**
 * At most `max` code points (never half a surrogate pair), ending in `…` when shortened.
 * `middle` keeps both ends, so `very-long-namespace…/web` still names the pod.
 */
function truncateText(text, max, at = 'end') {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    if (at === 'end' || max < 3)
        return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
    const tail = Math.floor((max - 1) / 2);
    const head = max - 1 - tail;
    return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - tail).join('');
}
/**
 * Every whitespace-free run longer than `max` shortened in the middle: names embedded in a
 * reason or a diagnostic get the same treatment as names shown on their own.
 */
function shortenWords(text, max = MAX_NAME_LENGTH) {
    return text.replace(/\S+/g, (word) => truncateText(word, max, 'middle'));
}
// Backslash-escapable punctuation that can open or close an inline construct or split a table
// cell: emphasis, strikethrough, code, links and images (`[`, `]`: `(` and `!` do nothing
// without them), math, headings, table pipes. `-`, `+`, `.` and `=` only matter at the start
// of a line, and escaped text never starts one.
// GFM also autolinks `http://…` and `www.…` while parsing: an entity is not the character the
// parser looks for, yet renders as it, so `:` before `//` and `.` after `www` become entities.
const SPECIAL = /:(?=\/\/)|(?<=www)\.|[&<>"@#\\`*_[\]~|$]/gi;
const markdown_escape_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    ':': '&#58;',
    '.': '&#46;'
};
function escapeSpecial(char, offset, whole) {
    if (char in markdown_escape_ENTITIES)
        return markdown_escape_ENTITIES[char];
    if (char === '@')
        return '@' + ZERO_WIDTH_SPACE;
    if (char === '#' && /[0-9]/.test(whole.charAt(offset + 1)))
        return '\\#' + ZERO_WIDTH_SPACE;
    return '\\' + char;
}
/**
 * Inline text for a GFM paragraph, heading or table cell, rendered exactly as written and
 * doing nothing else: no markup, no HTML, no mention, no issue link, no autolink.
 */
function escapeMarkdown(text, options = {}) {
    const maxLength = options.maxLength ?? MAX_TEXT_LENGTH;
    const visible = truncateText(shortenWords(cleanText(text)), maxLength, options.truncate);
    return visible.replace(SPECIAL, escapeSpecial);
}
/** A user-written name (pod, namespace, policy, file): shortened in the middle at 80. */
function escapeName(name) {
    return escapeMarkdown(name, { maxLength: MAX_NAME_LENGTH, truncate: 'middle' });
}
// Mermaid decodes `#name;` / `#code;` entities in labels; anything that could end the quoted
// label, open a shape, start a comment or close the code fence is written as one.
const MERMAID_ENTITIES = {
    '"': '#quot;',
    '#': '#35;',
    '&': '#amp;',
    '<': '#lt;',
    '>': '#gt;',
    '[': '#91;',
    ']': '#93;',
    '(': '#40;',
    ')': '#41;',
    '{': '#123;',
    '}': '#125;',
    '|': '#124;',
    '`': '#96;',
    '%': '#37;',
    ';': '#59;',
    '\\': '#92;'
};
/** Text for a quoted mermaid label (`n0["…"]`, `-->|"…"|`). */
function escapeMermaid(text, maxLength = MAX_NAME_LENGTH) {
    const visible = truncateText(cleanText(text), maxLength, 'middle');
    return Array.from(visible, (char) => MERMAID_ENTITIES[char] ?? char).join('');
}

;// CONCATENATED MODULE: ./src/core/report/grid.ts


/** Beyond this a grid is unreadable (and a comment too long): list denied flows instead. */
const MAX_GRID_COLUMNS = 60;
const MAX_GRID_ROWS = 200;
function buildGrid(matrix) {
    const rowKeys = [...new Set(matrix.cells.map((cell) => cell.flow.from))].sort((a, b) => a.localeCompare(b));
    const columnFlows = distinctColumns(matrix.cells);
    const isTooLarge = columnFlows.length > MAX_GRID_COLUMNS || rowKeys.length > MAX_GRID_ROWS;
    const rows = rowKeys.map((key) => ({ key, label: key }));
    const columns = columnFlows.map((flow) => {
        const port = describeFlowPort(flow);
        return { to: flow.to, port, label: `${flow.to} ${port}` };
    });
    if (isTooLarge)
        return { rows, columns, cells: [], isTooLarge };
    const rowIndex = new Map(rowKeys.map((key, i) => [key, i]));
    const columnIndex = new Map(columns.map((column, i) => [columnKey(column.to, column.port), i]));
    const cells = rows.map(() => columns.map(() => undefined));
    for (const cell of matrix.cells) {
        const row = rowIndex.get(cell.flow.from);
        const column = columnIndex.get(columnKey(cell.flow.to, describeFlowPort(cell.flow)));
        if (row !== undefined && column !== undefined)
            cells[row][column] = markOf(cell);
    }
    return { rows, columns, cells, isTooLarge };
}
function markOf(cell) {
    return cell.flaky ? 'flaky' : cell.verdict;
}
/** The fallback for a grid too large to draw: what the head denies, in flow order. */
function listDeniedCells(matrix) {
    return matrix.cells.filter((cell) => cell.verdict === 'deny').sort((a, b) => compareFlows(a.flow, b.flow));
}
function columnKey(to, port) {
    return `${to}\u0000${port}`;
}
function distinctColumns(cells) {
    const seen = new Map();
    for (const { flow } of cells) {
        const key = columnKey(flow.to, describeFlowPort(flow));
        if (!seen.has(key))
            seen.set(key, { ...flow, from: '' });
    }
    return [...seen.values()].sort(compareFlows);
}

;// CONCATENATED MODULE: ./src/core/report/words.ts


/** Ports listed before they are only counted. */
const words_MAX_PORTS = 4;
const MAX_RULES = 3;
function formatCount(count) {
    return count.toLocaleString('en');
}
function words_countFlows(count) {
    return `${formatCount(count)} ${count === 1 ? 'flow' : 'flows'}`;
}
const VERBS = {
    added: 'adding',
    removed: 'deleting',
    edited: 'editing',
    rejected: 'losing',
    involved: 'unchanged'
};
/** `deleting CiliumClusterwideNetworkPolicy lockdown (policies/lockdown.yaml)` */
function describeCause(cause, s) {
    if (cause.policies.length === 0)
        return s.strong('no policy change explains these flows');
    const parts = cause.policies.map((p) => {
        const rules = p.rules.length === 0
            ? ''
            : ` ${p.rules.slice(0, MAX_RULES).map(s.text).join(', ')}${p.rules.length > MAX_RULES ? ', …' : ''}`;
        const what = `${s.text(describePolicy(p.policy))}${rules}`;
        const where = p.kind === 'rejected' ? ` (${s.text(p.policy.file)} has errors at head)` : ` (${s.text(p.policy.file)})`;
        if (p.kind === 'involved')
            return `${s.strong('decided by')} ${what}${where}, unchanged`;
        return `${s.strong(VERBS[p.kind])} ${what}${where}`;
    });
    return parts.join(' and ');
}
/** `3,900 flows opened`, or `3,912 flows: 12 closed, 3,900 opened` */
function describeCauseCounts(cause) {
    const { opened, closed, added, removed } = cause.counts;
    const parts = [];
    if (closed > 0)
        parts.push(`${formatCount(closed)} closed`);
    if (opened > 0)
        parts.push(`${formatCount(opened)} opened`);
    if (added > 0)
        parts.push(`${formatCount(added)} added`);
    if (removed > 0)
        parts.push(`${formatCount(removed)} removed`);
    if (parts.length === 1)
        return `${words_countFlows(cause.changes.length)} ${parts[0].replace(/^[\d,]+ /, '')}`;
    return `${words_countFlows(cause.changes.length)}: ${parts.join(', ')}`;
}
/** `1,120 flows closed: every pod in prod (12) → world/api on TCP/443` */
function describeEffect(effect, s) {
    const ports = effect.ports.length <= words_MAX_PORTS ? effect.ports.map(s.text).join(', ') : `${effect.ports.length} ports`;
    return `${words_countFlows(effect.flows)} ${effect.kind}: ${s.text(effect.sources.text)} → ${s.text(effect.destinations.text)} on ${ports}`;
}
/** The surprise of a deny-only policy, and the fix that matches its cause. */
function describeDefaultDeny(entry, s) {
    const what = `switches ${entry.direction} default deny on for ${s.text(entry.subjects.text)}: ` +
        `${words_countFlows(entry.closed)} closed that no deny rule names.`;
    if (entry.isDenyOnly) {
        return (`${what} The policy has only ${s.code(`${entry.direction}Deny`)} rules, yet selecting a pod puts it into default deny; ` +
            `to deny only what it names, set ${s.code(`enableDefaultDeny: {${entry.direction}: false}`)} (Cilium 1.16+).`);
    }
    const peer = entry.direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints';
    return `${what} If some of them should still pass, add an ${s.code(entry.direction)} allow rule (${s.code(peer)}, ${s.code('toPorts')}) for them.`;
}
/** `and 230 more sources (1,000 flows)` */
function describeMoreRows(more) {
    return `${pluralize(more.moreSources, 'more source')} (${words_countFlows(more.moreFlows)})`;
}
function describePorts(ports, s) {
    return ports.map(s.text).join(', ');
}
/** What an error in a head file means for the report: it is applied as kubectl would apply it. */
const HEAD_ERROR_EFFECT = 'not applied; their objects keep the previous version';

;// CONCATENATED MODULE: ./src/core/report/markdown-matrix.ts
// The head matrix, folded: a grid of marks when it is small enough to read, else a sentence
// saying how large it is and where every cell is. Its legend fits the mode: a static
// prediction has no flaky or unprobed cells, so it does not mention them.




const MARKS = { allow: '✅', deny: '⛔', flaky: '⚠️' };
function tableRow(cells) {
    return `| ${cells.join(' | ')} |\n`;
}
function renderMatrixMarkdown(report, sections) {
    const grid = buildGrid(report.head.matrix);
    const { summary } = sections;
    const open = summary.hasDiff ? '<details>' : '<details open>';
    const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`;
    const counts = `${formatCount(summary.allowed)} allowed, ${formatCount(summary.denied)} denied`;
    if (grid.isTooLarge) {
        return (`${open}<summary>Head matrix: ${counts}</summary>\n\n` +
            `The grid would be ${size}, too large to read; the JSON report has every cell with its reason.\n\n` +
            '</details>\n\n');
    }
    const legend = sections.source === 'observed'
        ? `${MARKS.allow} allow · ${MARKS.deny} deny · ${MARKS.flaky} flaky · · not probed`
        : `${MARKS.allow} allow · ${MARKS.deny} deny · · not a flow of this run (a pod to itself, or a request the scenario does not name)`;
    const labels = grid.columns.map((column) => escapeMarkdown(column.label, { maxLength: MAX_NAME_LENGTH, truncate: 'middle' }));
    const head = tableRow(['source', ...labels]) + tableRow(['---', ...labels.map(() => '---')]);
    const rows = grid.rows.map((row, i) => tableRow([escapeName(row.label), ...grid.cells[i].map((cell) => (cell ? MARKS[cell] : '·'))]));
    return `${open}<summary>Head matrix: ${size}, ${counts}</summary>\n\n${legend}\n\n${head}${rows.join('')}\n</details>\n\n`;
}

;// CONCATENATED MODULE: ./src/core/report/mermaid-graph.ts



// Edge labels list ports; beyond a few they only add noise.
const MAX_LABEL_PORTS = 4;
const EDGE_STYLES = {
    opened: { arrow: '-->', style: 'stroke:#1a7f37,stroke-width:2px', mark: '✅' },
    closed: { arrow: '-.->', style: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5', mark: '⛔' }
};
/** The graph as a fenced mermaid block with its legend, or '' when nothing opened or closed. */
function renderGraph(changes, causes, maxEdges) {
    const podEdges = podEdgesOf(changes);
    if (podEdges.length === 0 || maxEdges <= 0)
        return '';
    const grouped = podEdges.length > maxEdges;
    const edges = grouped ? effectEdges(causes) : podEdges;
    const drawn = [...edges].sort((a, b) => b.flows - a.flows).slice(0, maxEdges);
    const kept = new Set(drawn);
    const shown = edges.filter((edge) => kept.has(edge));
    const left = edges.filter((edge) => !kept.has(edge));
    const notes = [];
    if (grouped)
        notes.push(`${formatCount(podEdges.length)} pod-to-pod edges are drawn as the changes by cause, one arrow per effect.`);
    if (left.length > 0) {
        const flows = left.reduce((sum, edge) => sum + edge.flows, 0);
        notes.push(`${formatCount(left.length)} smaller edges (${words_countFlows(flows)}) are not drawn; the details list every flow.`);
    }
    const legend = `✅ green, solid: opened · ⛔ red, dashed: closed${notes.length > 0 ? `. ${notes.join(' ')}` : ''}`;
    return `${escapeMarkdown(legend, { maxLength: 1000 })}\n\n\`\`\`mermaid\n${drawGraph(shown, grouped)}\`\`\`\n`;
}
function drawGraph(edges, grouped) {
    const ids = new Map();
    const nodes = [];
    const idOf = (node) => {
        let id = ids.get(node);
        if (!id) {
            id = `n${ids.size}`;
            ids.set(node, id);
            nodes.push(`  ${id}["${escapeMermaid(node)}"]\n`);
        }
        return id;
    };
    const lines = edges.map((edge) => {
        const label = grouped ? `${words_countFlows(edge.flows)}, ${portCount(edge.ports)}` : portLabel(edge.ports);
        const text = `${EDGE_STYLES[edge.kind].mark} ${label}`;
        return `  ${idOf(edge.from)} ${EDGE_STYLES[edge.kind].arrow}|"${escapeMermaid(text)}"| ${idOf(edge.to)}\n`;
    });
    const styles = ['opened', 'closed'].flatMap((kind) => {
        const indexes = edges.flatMap((edge, i) => (edge.kind === kind ? [i] : []));
        return indexes.length > 0 ? [`  linkStyle ${indexes.join(',')} ${EDGE_STYLES[kind].style}\n`] : [];
    });
    return `graph LR\n${nodes.join('')}${lines.join('')}${styles.join('')}`;
}
function portLabel(ports) {
    return (ports.length > MAX_LABEL_PORTS ? [...ports.slice(0, MAX_LABEL_PORTS - 1), '…'] : ports).join(', ');
}
function portCount(ports) {
    return ports.length <= 2 ? ports.join(', ') : `${ports.length} ports`;
}
/** One edge per effect of a cause that opened or closed flows, between its summarised groups. */
function effectEdges(causes) {
    return causes.flatMap((cause) => cause.effects.flatMap((effect) => effect.kind === 'opened' || effect.kind === 'closed'
        ? [
            {
                from: effect.sources.text,
                to: effect.destinations.text,
                kind: effect.kind,
                ports: effect.ports,
                flows: effect.flows
            }
        ]
        : []));
}
// Each detail level draws the graph anew; the edges of a change list are collected once.
const edgeCache = new WeakMap();
function podEdgesOf(changes) {
    let edges = edgeCache.get(changes);
    if (!edges)
        edgeCache.set(changes, (edges = collectEdges(changes)));
    return edges;
}
/** One edge per source, destination and direction of change, listing the ports. */
function collectEdges(changes) {
    const edges = new Map();
    for (const change of changes) {
        const kind = change.kind;
        if (kind !== 'opened' && kind !== 'closed')
            continue;
        const { from, to } = change.flow;
        const key = `${kind}\u0000${from}\u0000${to}`;
        const edge = edges.get(key) ?? { from, to, kind, ports: [], flows: 0 };
        const port = describeFlowPort(change.flow);
        if (!edge.ports.includes(port))
            edge.ports.push(port);
        edge.flows++;
        edges.set(key, edge);
    }
    return [...edges.values()];
}

;// CONCATENATED MODULE: ./src/core/report/revisions.ts
// Which two states of the repository a report compares, named the way a reviewer knows them
// (base branch @ sha, PR #N head @ sha, merged as sha), and the one sentence that says so.
function shortSha(sha) {
    return sha.slice(0, 12);
}
/** Plain text, to be escaped by the renderer: branch names are user-written. */
function describeRevisions(revisions) {
    const at = (side) => `${side.name} @ ${shortSha(side.sha)}`;
    const { base, head } = revisions;
    switch (revisions.comparison) {
        case 'merge-commit':
            return `Compared ${at(base)} with the result of merging ${at(head)} into it (merged as ${shortSha(revisions.merged ?? head.sha)}).`;
        case 'merge-base':
            return (`Compared the merge base ${shortSha(revisions.mergeBase ?? base.sha)} of ${at(base)} and ${at(head)} with ${at(head)}: ` +
                `${revisions.reason ?? 'there is no merge commit'}, so changes made on ${base.name} since the pull request branched are not part of this comparison.`);
        case 'merge-group':
        case 'push':
            return `Compared ${at(base)} with ${at(head)}.`;
    }
}

;// CONCATENATED MODULE: ./src/core/report/markdown.ts









/** GitHub refuses a comment body longer than this. */
const GITHUB_COMMENT_LIMIT = 65536;
/** What a reviewer reads in half a minute; the job summary and the JSON report have the rest. */
const COMMENT_BUDGET = 15000;
const markdown_MARKS = { allow: '✅', deny: '⛔', flaky: '⚠️' };
const SEVERITY_MARKS = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const MARKDOWN_STYLE = {
    text: (user) => escapeMarkdown(user),
    code: (ours) => `\`${ours}\``,
    strong: (ours) => `**${ours}**`
};
function renderMarkdown(report, options = {}) {
    const sections = buildSections(report);
    const maxLength = Math.min(options.maxLength ?? COMMENT_BUDGET, GITHUB_COMMENT_LIMIT * 16);
    const hint = options.moreHint ?? defaultHint(options.runUrl);
    const text = renderWithinBudget((level) => renderAt(report, sections, level, options, hint), maxLength, (level) => estimateDetails(sections, level));
    // Even the barest level is far below any budget GitHub allows; this only guards the invariant.
    return text.length <= maxLength ? text : text.slice(0, text.lastIndexOf('\n', maxLength - 1) + 1);
}
/** The run's address comes from the runner's environment; still, nothing in it may break the link. */
function isPlainUrl(url) {
    return /^https?:\/\/[\w.:/-]+$/.test(url);
}
function defaultHint(runUrl) {
    return runUrl && isPlainUrl(runUrl)
        ? `the job summary and the JSON report of [this run](${runUrl}) have every flow`
        : 'the JSON report (`--format json`) has every flow';
}
function renderAt(report, sections, level, options, hint) {
    const marker = options.marker === undefined ? '' : `${renderMarker(options.marker)}\n`;
    const parts = [
        `${marker}**reachdiff**: ${escapeMarkdown(sections.summary.headline)}\n\n`,
        revisionsLine(report),
        errorBlock(sections.errors, level.errors, hint),
        violationBlock(sections, level.violations, hint),
        causeBlock(sections, level, hint),
        detailsBlock(sections, level, hint),
        graphBlock(sections, level),
        disagreementBlock(sections, level.violations, hint),
        flakyBlock(sections, level.violations, hint),
        noticeBlock(sections.notices, level.notices, hint),
        level.hasMatrix ? renderMatrixMarkdown(report, sections) : '',
        renderFooter(report, options.runUrl)
    ];
    return parts.join('');
}
/** No table row is shorter than this: `| a/b | TCP/1 | ✅ allow → ⛔ deny |`. */
const MIN_ROW_LENGTH = 30;
/** A lower bound of the details' length at `level`: each source is at least one row. */
function estimateDetails(sections, level) {
    let rows = 0;
    const shown = sections.destinations.slice(0, level.destinations);
    for (const group of shown)
        rows += Math.min(group.sources, level.rowsPerDestination);
    return rows * MIN_ROW_LENGTH;
}
function revisionsLine(report) {
    return report.revisions
        ? `${escapeMarkdown(describeRevisions(report.revisions), { maxLength: 1000 })}\n\n`
        : '';
}
/**
 * The hidden marker that finds the sticky comment again. A marker given as a whole HTML comment
 * is kept; anything else is wrapped, without the `--` and `>` that would end the comment early.
 */
function renderMarker(marker) {
    const whole = /^<!--([\s\S]*)-->$/.exec(marker);
    if (whole && !whole[1].includes('--') && !whole[1].includes('>'))
        return marker;
    return `<!-- ${marker.replace(/-{2,}/g, '-').replace(/[<>\r\n]/g, '')} -->`;
}
/** `_…and 12 more errors: the job summary … has every flow._` */
function moreLine(count, unit, hint, prefix = '') {
    if (count <= 0)
        return '';
    return `${prefix}_…and ${formatCount(count)} more ${count === 1 ? unit : `${unit}s`}: ${hint}._\n`;
}
function diagnosticLine(line) {
    return `${SEVERITY_MARKS[line.severity]} ${escapeMarkdown(describeDiagnosticLine(line))}`;
}
function errorBlock(errors, max, hint) {
    if (errors.length === 0)
        return '';
    const count = errors.reduce((sum, line) => sum + line.places.length, 0);
    const lines = errors.slice(0, max).map((line) => `> - ${diagnosticLine(line)}\n`);
    return (`> [!CAUTION]\n> **${pluralize(count, 'error')} in the head's files**: ${HEAD_ERROR_EFFECT}.\n>\n` +
        lines.join('') +
        moreLine(errors.length - lines.length, 'error', hint, '> ') +
        '\n');
}
function flowText(flow, ports) {
    return `${escapeName(flow.from)} → ${escapeName(flow.to)} ${ports}`;
}
function portText(ports) {
    return escapeMarkdown(ports.join(', '), { maxLength: MAX_NAME_LENGTH * 2 });
}
function verdictMark(verdict, flaky = false) {
    if (verdict === undefined)
        return '—';
    return flaky ? `${markdown_MARKS.flaky} flaky` : `${markdown_MARKS[verdict]} ${verdict}`;
}
function markdown_tableRow(cells) {
    return `| ${cells.join(' | ')} |\n`;
}
function tableHead(cells) {
    return markdown_tableRow(cells) + markdown_tableRow(cells.map(() => '---'));
}
function violationBlock(sections, max, hint) {
    const all = sections.violations;
    if (all.length === 0)
        return '';
    const rows = all
        .slice(0, max)
        .map((v) => markdown_tableRow([
        flowText(v.flow, portText([describeFlow(v.flow)])),
        verdictMark(v.expected),
        verdictMark(v.actual),
        escapeMarkdown(v.reason),
        escapeName(`${v.file}:${v.line}`)
    ]));
    return (`### Violated expectations (${formatCount(all.length)})\n\n` +
        tableHead(['flow', 'expected', 'actual', 'reason', 'where']) +
        rows.join('') +
        moreLine(all.length - rows.length, 'violation', hint, '\n') +
        '\n');
}
function describeFlow(flow) {
    const port = flow.port === undefined ? flow.protocol : `${flow.protocol}/${flow.port}`;
    return flow.http ? `${port} ${flow.http.method} ${flow.http.path}` : port;
}
function causeBlock(sections, level, hint) {
    const causes = sections.causes;
    if (causes.length === 0)
        return '';
    const style = MARKDOWN_STYLE;
    const items = causes.slice(0, level.causes).map((cause, i) => {
        const shown = { ...cause, policies: cause.policies.slice(0, level.policiesPerCause) };
        const extra = cause.policies.length - shown.policies.length;
        const more = extra > 0 ? ` and ${pluralize(extra, 'more policy', 'more policies')}` : '';
        // Nested items line up with the item's text, or "10." would end the list's nesting.
        const number = `${i + 1}. `;
        const indent = ' '.repeat(number.length);
        const effects = cause.effects.map((effect) => `${indent}- ${markdown_MARKS[effect.kind === 'opened' ? 'allow' : 'deny']} ${describeEffect(effect, style)}\n`);
        const denies = cause.defaultDenies.map((entry) => `${indent}- ${markdown_MARKS.flaky} ${describeDefaultDeny(entry, style)}\n`);
        return `${number}${describeCause(shown, style)}${more}: ${describeCauseCounts(cause)}\n${effects.join('')}${denies.join('')}`;
    });
    const left = causes.slice(items.length);
    const leftFlows = left.reduce((sum, cause) => sum + cause.changes.length, 0);
    const more = left.length > 0
        ? `\n_…and ${pluralize(left.length, 'more cause')} (${words_countFlows(leftFlows)}): ${hint}._\n`
        : '';
    return `### Changes by cause\n\n${items.join('')}${more}\n`;
}
function detailsBlock(sections, level, hint) {
    const groups = sections.destinations;
    if (groups.length === 0 || level.destinations <= 0)
        return '';
    const shown = groups.slice(0, level.destinations);
    const summary = `Changed flows by destination: ${words_countFlows(sections.changes.length)} to ${pluralize(groups.length, 'destination')}`;
    const body = shown.map((group) => destinationBlock(group, level.rowsPerDestination, hint)).join('');
    const leftFlows = groups.slice(shown.length).reduce((sum, group) => sum + group.changes.length, 0);
    const more = shown.length < groups.length
        ? `_…and ${pluralize(groups.length - shown.length, 'more destination')} (${words_countFlows(leftFlows)}): ${hint}._\n\n`
        : '';
    return `<details><summary>${summary}</summary>\n\n${body}${more}</details>\n\n`;
}
function destinationBlock(group, maxRows, hint) {
    const detail = buildDetailRows(group.changes, maxRows);
    const reasons = new Set(detail.rows.map((row) => `${row.reason}\u0000${row.before ?? ''}`));
    const shared = reasons.size === 1 && detail.rows.length > 1 ? detail.rows[0] : undefined;
    const head = `#### → ${escapeName(group.to)}\n\n`;
    const rowsWord = detail.moreFlows > 0 ? 'every row shown' : 'every row';
    const because = shared
        ? `Reason for ${rowsWord}: ${escapeMarkdown(shared.reason)}${before(shared.before)}\n\n`
        : '';
    const columns = shared ? ['source', 'ports', 'base → head'] : ['source', 'ports', 'base → head', 'reason'];
    const rows = detail.rows.map((row) => {
        const cells = [
            escapeName(row.from),
            describePortsCell(row.ports),
            `${verdictMark(row.base, row.flaky)} → ${verdictMark(row.head, row.flaky)}`
        ];
        return markdown_tableRow(shared ? cells : [...cells, `${escapeMarkdown(row.reason)}${before(row.before)}`]);
    });
    const more = detail.moreFlows > 0 ? `\n_…and ${describeMoreRows(detail)}: ${hint}._\n` : '';
    return `${head}${because}${tableHead(columns)}${rows.join('')}${more}\n`;
}
function describePortsCell(ports) {
    return describePorts(ports, {
        ...MARKDOWN_STYLE,
        text: (port) => escapeMarkdown(port, { maxLength: MAX_NAME_LENGTH })
    });
}
function before(reason) {
    return reason ? `<br>_before:_ ${escapeMarkdown(reason)}` : '';
}
function graphBlock(sections, level) {
    const graph = renderGraph(sections.changes, sections.causes, level.graphEdges);
    if (graph === '')
        return '';
    return `<details><summary>Graph of changed edges</summary>\n\n${graph}\n</details>\n\n`;
}
function disagreementBlock(sections, max, hint) {
    const all = sections.disagreements;
    if (all.length === 0)
        return '';
    const rows = all
        .slice(0, max)
        .map((d) => markdown_tableRow([
        flowText(d.flow, portText([describeFlow(d.flow)])),
        d.side,
        verdictMark(d.predicted),
        verdictMark(d.observed),
        escapeMarkdown(d.reason)
    ]));
    return (`### Predicted vs observed (${formatCount(all.length)})\n\n` +
        'The cluster did not do what the static engine predicted for these flows.\n\n' +
        tableHead(['flow', 'side', 'predicted', 'observed', 'reason']) +
        rows.join('') +
        moreLine(all.length - rows.length, 'disagreement', hint, '\n') +
        '\n');
}
function flakyBlock(sections, max, hint) {
    const all = sections.flaky;
    if (all.length === 0)
        return '';
    const rows = all
        .slice(0, max)
        .map((flow) => `- ${markdown_MARKS.flaky} ${flowText(flow, portText([describeFlow(flow)]))}\n`);
    return (`### Flaky flows (${formatCount(all.length)})\n\n` +
        'Probes of these flows disagreed with each other; they count as unchanged.\n\n' +
        rows.join('') +
        moreLine(all.length - rows.length, 'flaky flow', hint, '\n') +
        '\n');
}
function noticeBlock(notices, max, hint) {
    if (notices.length === 0 || max <= 0)
        return '';
    const warnings = notices.filter((line) => line.severity !== 'notice').length;
    const lines = notices.slice(0, max).map((line) => `- ${diagnosticLine(line)}\n`);
    const title = `Warnings and notices: ${pluralize(warnings, 'warning')}, ${pluralize(notices.length - warnings, 'notice')}`;
    return `<details><summary>${title}</summary>\n\n${lines.join('')}${moreLine(notices.length - lines.length, 'line', hint, '\n')}\n</details>\n\n`;
}
function renderFooter(report, runUrl) {
    const side = (label, count) => `${escapeName(label)} (${pluralize(count, 'policy', 'policies')})`;
    const sides = report.base
        ? ` · base ${side(report.base.label, report.base.policyCount)} → head ${side(report.head.label, report.head.policyCount)}`
        : ` · ${side(report.head.label, report.head.policyCount)}`;
    const tool = `reachdiff ${report.toolVersion} · Cilium ${report.ciliumVersion} semantics`;
    const run = runUrl && isPlainUrl(runUrl) ? ` · [workflow run](${runUrl})` : '';
    return `<sub>${escapeMarkdown(tool)} · topology: ${report.topologySource}${sides}${run}</sub>\n`;
}

;// CONCATENATED MODULE: ./src/core/report/text-layout.ts
// Terminal layout shared by the text renderer and its grid: colour as the caller decides,
// words wrapped to 100 columns, user text stripped of control characters so no name can carry
// an escape sequence into the reader's terminal.

/** Lines are wrapped to this width. */
const TEXT_WIDTH = 100;
const INDENT = '      ';
const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' };
function makePaint(color) {
    return color ? (text, style) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (text) => text;
}
/** A name, one printable line, shortened in the middle. */
function clean(text, maxLength = MAX_NAME_LENGTH) {
    return truncateText(cleanText(text), maxLength, 'middle');
}
/** A reason or message as one line, every overlong name in it shortened. */
function cleanReason(text) {
    return shortenWords(cleanText(text));
}
// eslint-disable-next-line no-control-regex
const ANSI_CODE = /\u001b\[[0-9;]*m/g;
/** Columns a line takes: colour codes take none. */
function widthOf(text) {
    return Array.from(text.replace(ANSI_CODE, '')).length;
}
/**
 * `text` word-wrapped to TEXT_WIDTH, the first line indented by `first`, the rest by `indent`.
 * The text must be clean already (see cleanReason); colour codes may be in it.
 */
function wrapText(text, indent = INDENT, first = indent) {
    const lines = [];
    let line = '';
    const lead = () => (lines.length === 0 ? first : indent);
    for (const word of text.split(' ').filter((w) => w !== '')) {
        if (line !== '' && widthOf(lead() + line) + 1 + widthOf(word) > TEXT_WIDTH) {
            lines.push(lead() + line);
            line = word;
        }
        else
            line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '')
        lines.push(lead() + line);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/core/report/text-grid.ts
// The head matrix in a terminal: columns numbered and named in a legend below, so a cell is
// two characters wide whatever the names; blocks of columns wrap to fit the width.



const TEXT_MARKS = { allow: '✓', deny: '✗', flaky: '~' };
const ROW_LABEL_MAX = 30;
/** A grid, or past its size the denied flows: the first `maxDenied` of them. */
function matrixSection(report, paint, maxDenied) {
    const grid = buildGrid(report.head.matrix);
    const size = `${pluralize(grid.rows.length, 'source')} × ${pluralize(grid.columns.length, 'destination port')}`;
    if (grid.isTooLarge) {
        const denied = listDeniedCells(report.head.matrix);
        const lines = denied.slice(0, maxDenied).map((cell) => {
            const flow = `${clean(cell.flow.from)} → ${clean(cell.flow.to)} ${clean(describeFlowPort(cell.flow))}`;
            return `${wrapText(`${paint(TEXT_MARKS.deny, 'red')} ${flow}`, INDENT, '  ')}\n${wrapText(cleanReason(cell.reason))}`;
        });
        const left = denied.length - lines.length;
        const more = left > 0
            ? [`  …and ${pluralize(left, 'more denied flow')} (--verbose or --format json lists them all)`]
            : [];
        return [
            paint(`Head matrix: ${size}, too large for a grid; denied flows:`, 'bold'),
            ...lines,
            ...more
        ].join('\n');
    }
    return [
        paint(`Head matrix (${size})`, 'bold'),
        renderGridText(grid, report.head.matrix.source, paint)
    ].join('\n');
}
function renderGridText(grid, source, paint) {
    const labels = grid.rows.map((row) => clean(row.label, ROW_LABEL_MAX));
    const labelWidth = Math.max(6, ...labels.map((label) => label.length));
    const cellWidth = String(grid.columns.length).length + 1;
    const perBlock = Math.max(1, Math.floor((TEXT_WIDTH - labelWidth - 2) / cellWidth));
    const blocks = [];
    for (let start = 0; start < grid.columns.length; start += perBlock) {
        const indexes = grid.columns.slice(start, start + perBlock).map((_, i) => start + i);
        const header = ' '.repeat(labelWidth + 2) + indexes.map((i) => String(i + 1).padStart(cellWidth)).join('');
        const rows = grid.rows.map((_, r) => {
            const cells = indexes.map((c) => {
                const mark = grid.cells[r][c];
                const text = (mark ? TEXT_MARKS[mark] : '·').padStart(cellWidth);
                return mark ? paint(text, mark === 'allow' ? 'green' : mark === 'deny' ? 'red' : 'yellow') : text;
            });
            return `  ${labels[r].padEnd(labelWidth)}${cells.join('')}`;
        });
        blocks.push([header, ...rows].join('\n'));
    }
    const legend = grid.columns.map((column, i) => `  ${String(i + 1).padStart(cellWidth)}  ${clean(column.label)}`);
    const key = source === 'observed'
        ? `  ${TEXT_MARKS.allow} allow  ${TEXT_MARKS.deny} deny  ${TEXT_MARKS.flaky} flaky  · not probed`
        : `  ${TEXT_MARKS.allow} allow  ${TEXT_MARKS.deny} deny  · not a flow of this run`;
    return [...blocks, '', ...legend, key].join('\n');
}

;// CONCATENATED MODULE: ./src/core/report/text.ts







const SHORT = { list: 20, destinations: 12, rows: 4 };
const text_ALL = { list: Infinity, destinations: Infinity, rows: Infinity };
const MORE_HINT = '--verbose or --format json lists them all';
function renderText(report, options) {
    const paint = makePaint(options.color);
    const limits = options.verbose ? text_ALL : SHORT;
    const sections = buildSections(report);
    const parts = [
        `${paint('reachdiff', 'bold')}: ${sections.summary.headline}`,
        errorSection(sections.errors, paint, limits),
        violationSection(sections, paint, limits),
        causeSection(sections, paint),
        detailSection(sections, paint, limits),
        disagreementSection(sections, paint, limits),
        flakySection(sections, paint, limits),
        noticeSection(sections.notices, paint, limits),
        matrixSection(report, paint, limits.list),
        paint(`reachdiff ${clean(report.toolVersion)} · Cilium ${clean(report.ciliumVersion)} semantics · topology: ${report.topologySource}`, 'dim')
    ];
    return parts.filter((part) => part !== '').join('\n\n') + '\n';
}
function textStyle(paint) {
    return { text: cleanReason, code: (ours) => ours, strong: (ours) => paint(ours, 'bold') };
}
function more(count, unit) {
    return count > 0
        ? `\n  …and ${formatCount(count)} more ${count === 1 ? unit : `${unit}s`} (${MORE_HINT})`
        : '';
}
function verdictText(verdict, paint, flaky = false) {
    if (verdict === undefined)
        return paint('none', 'dim');
    if (flaky)
        return paint('flaky', 'yellow');
    return paint(verdict, verdict === 'allow' ? 'green' : 'red');
}
function text_flowText(flow) {
    return `${clean(flow.from)} → ${clean(flow.to)} ${clean(describeFlowPort(flow))}`;
}
function diagnosticLines(lines, paint, max) {
    const styles = { error: 'red', warning: 'yellow', notice: 'dim' };
    return lines
        .slice(0, max)
        .map((line) => paint(wrapText(cleanReason(describeDiagnosticLine(line, 5)), INDENT, '  '), styles[line.severity]));
}
function errorSection(errors, paint, limits) {
    if (errors.length === 0)
        return '';
    const count = errors.reduce((sum, line) => sum + line.places.length, 0);
    const title = paint(`${pluralize(count, 'error')} in the head's files (${HEAD_ERROR_EFFECT})`, 'bold');
    return ([title, ...diagnosticLines(errors, paint, limits.list)].join('\n') +
        more(errors.length - limits.list, 'error'));
}
function violationSection(sections, paint, limits) {
    const all = sections.violations;
    if (all.length === 0)
        return '';
    const lines = all.slice(0, limits.list).map((v) => {
        const head = `${text_flowText(v.flow)}: expected ${verdictText(v.expected, paint)}, got ${verdictText(v.actual, paint)}`;
        const where = paint(`at ${clean(`${v.file}:${v.line}`)}`, 'dim');
        return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(v.reason))}\n${INDENT}${where}`;
    });
    return ([paint(`Violated expectations (${formatCount(all.length)})`, 'bold'), ...lines].join('\n') +
        more(all.length - lines.length, 'violation'));
}
function causeSection(sections, paint) {
    if (sections.causes.length === 0)
        return '';
    const style = textStyle(paint);
    const lines = sections.causes.map((cause, i) => {
        const head = wrapText(`${describeCause(cause, style)}: ${describeCauseCounts(cause)}`, '     ', `  ${i + 1}. `);
        const effects = cause.effects.map((effect) => {
            const mark = paint(TEXT_MARKS[effect.kind === 'opened' ? 'allow' : 'deny'], effect.kind === 'opened' ? 'green' : 'red');
            return wrapText(`${mark} ${describeEffect(effect, style)}`, '         ', '     - ');
        });
        const denies = cause.defaultDenies.map((entry) => wrapText(`! ${describeDefaultDeny(entry, style)}`, '         ', '     - '));
        return [head, ...effects, ...denies].join('\n');
    });
    return [paint('Changes by cause', 'bold'), ...lines].join('\n');
}
function detailSection(sections, paint, limits) {
    const groups = sections.destinations;
    if (groups.length === 0)
        return '';
    const shown = groups.slice(0, limits.destinations);
    const blocks = shown.map((group) => destinationLines(group, paint, limits.rows));
    const left = groups.slice(shown.length);
    const tail = left.length > 0
        ? `\n  …and ${pluralize(left.length, 'more destination')} (${words_countFlows(left.reduce((sum, g) => sum + g.changes.length, 0))}; ${MORE_HINT})`
        : '';
    const title = paint(`Changed flows by destination (${words_countFlows(sections.changes.length)})`, 'bold');
    return [title, ...blocks].join('\n') + tail;
}
function destinationLines(group, paint, maxRows) {
    const detail = buildDetailRows(group.changes, maxRows);
    const style = textStyle(paint);
    const lines = detail.rows.map((row) => {
        const verdicts = `${verdictText(row.base, paint, row.flaky)} → ${verdictText(row.head, paint, row.flaky)}`;
        const head = `${clean(row.from)} ${describePorts(row.ports, style)}: ${verdicts}`;
        const reason = row.before ? `${row.reason}; before: ${row.before}` : row.reason;
        return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(reason))}`;
    });
    const tail = detail.moreFlows > 0 ? `\n  …and ${describeMoreRows(detail)} (${MORE_HINT})` : '';
    return [paint(`→ ${clean(group.to)}`, 'bold'), ...lines].join('\n') + tail;
}
function disagreementSection(sections, paint, limits) {
    const all = sections.disagreements;
    if (all.length === 0)
        return '';
    const lines = all.slice(0, limits.list).map((d) => {
        const head = `${text_flowText(d.flow)} (${d.side}): predicted ${verdictText(d.predicted, paint)}, observed ${verdictText(d.observed, paint)}`;
        return `${wrapText(head, INDENT, '  ')}\n${wrapText(cleanReason(d.reason))}`;
    });
    return ([paint(`Predicted vs observed (${formatCount(all.length)})`, 'bold'), ...lines].join('\n') +
        more(all.length - lines.length, 'disagreement'));
}
function flakySection(sections, paint, limits) {
    const all = sections.flaky;
    if (all.length === 0)
        return '';
    const lines = all
        .slice(0, limits.list)
        .map((flow) => wrapText(`${paint(TEXT_MARKS.flaky, 'yellow')} ${text_flowText(flow)}`, INDENT, '  '));
    return ([paint(`Flaky flows (${formatCount(all.length)}): probes disagreed`, 'bold'), ...lines].join('\n') +
        more(all.length - lines.length, 'flaky flow'));
}
function noticeSection(notices, paint, limits) {
    if (notices.length === 0)
        return '';
    const title = paint(`Warnings and notices (${formatCount(notices.length)})`, 'bold');
    return ([title, ...diagnosticLines(notices, paint, limits.list)].join('\n') +
        more(notices.length - limits.list, 'line'));
}

;// CONCATENATED MODULE: ./src/version.ts
// reachdiff's version, as in package.json (a test keeps the two equal). Kept as a constant
// so every bundle carries it without reading files at run time.
const TOOL_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/cli/shared.ts
// Small pieces the commands share.



/** The scenario, or null after printing why it cannot be used. */
async function loadScenarioOrFail(path, io) {
    const { scenario, diagnostics } = await loadScenarioFile(path);
    for (const d of diagnostics.filter((d) => d.severity !== 'notice'))
        io.stderr(formatDiagnostic(d) + '\n');
    return scenario ?? null;
}

;// CONCATENATED MODULE: ./src/cli/matrix-command.ts
// `reachdiff matrix --policies PATH|GLOB... [--scenario FILE]`: the predicted matrix as a grid.










async function runMatrix(argv, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...argv],
        allowPositionals: true,
        options: {
            policies: { type: 'string', multiple: true },
            scenario: { type: 'string' },
            format: { type: 'string' },
            'cilium-version': { type: 'string' },
            enforcement: { type: 'string' },
            workloads: { type: 'string', multiple: true },
            'topology-from': { type: 'string' }
        }
    });
    // `--policies a b c`: the words after --policies are more of its values.
    const policies = [...(values.policies ?? []), ...positionals];
    const format = parseFormat(values.format, ['text', 'json', 'markdown']);
    if (!policies.length)
        throw new UsageError('matrix needs --policies PATH|GLOB (files, directories or globs)');
    const scenario = values.scenario ? await loadScenarioOrFail(values.scenario, io) : undefined;
    if (scenario === null)
        return 2;
    const options = engineOptionsFrom({ ciliumVersion: values['cilium-version'], enforcement: values.enforcement }, scenario, io);
    const loaded = await loadPolicyArguments(policies, io.cwd, options);
    const report = predictReport({
        head: { label: policies.join(' '), loaded },
        workloads: values.workloads ? await loadWorkloadPaths(values.workloads, options) : undefined,
        snapshot: values['topology-from'] ? await loadSnapshot(values['topology-from'], options) : undefined,
        scenario,
        options,
        toolVersion: TOOL_VERSION
    });
    for (const chunk of renderReport(report, format, io.color))
        io.stdout(chunk);
    return report.diagnostics.some((d) => d.severity === 'error') ? 2 : 0;
}
/** The report in pieces: JSON is streamed, since a million-flow report is too long for one string. */
function renderReport(report, format, color, verbose = false) {
    if (format === 'json')
        return streamJsonReport(report);
    if (format === 'markdown')
        return [renderMarkdown(report)];
    return [renderText(report, { color, verbose })];
}

;// CONCATENATED MODULE: ./src/cli/diff-command.ts
// `reachdiff diff`: what a policy change does to reachability, predicted statically.















const DIFF_OPTIONS = {
    base: { type: 'string' },
    head: { type: 'string' },
    'base-dir': { type: 'string' },
    'head-dir': { type: 'string' },
    policies: { type: 'string', multiple: true },
    scenario: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    verbose: { type: 'boolean' },
    'fail-on': { type: 'string' },
    'cilium-version': { type: 'string' },
    enforcement: { type: 'string' },
    workloads: { type: 'string', multiple: true },
    'topology-from': { type: 'string' }
};
async function runDiff(argv, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...argv],
        options: DIFF_OPTIONS,
        allowPositionals: true
    });
    // `--policies a b c`: the words after --policies are more of its values.
    const policies = [...(values.policies ?? []), ...positionals];
    const format = parseFormat(values.format, ['text', 'json', 'markdown']);
    const failOn = parseFailOn(values['fail-on']);
    const usesDirs = values['base-dir'] !== undefined || values['head-dir'] !== undefined;
    if (usesDirs && (!values['base-dir'] || !values['head-dir'])) {
        throw new UsageError('--base-dir and --head-dir go together');
    }
    if (usesDirs && (values.base || values.head))
        throw new UsageError('use either --base/--head or --base-dir/--head-dir');
    if (!usesDirs && !values.base)
        throw new UsageError('diff needs --base REF (git) or --base-dir DIR --head-dir DIR');
    const git = usesDirs ? undefined : await openRepository(io.cwd);
    // Between git revisions the repository's own reachdiff.yaml applies; two directories have no repository.
    const scenarioPath = values.scenario ?? (git ? await defaultScenario(git) : undefined);
    const scenario = scenarioPath ? await loadScenarioOrFail(scenarioPath, io) : undefined;
    if (scenario === null)
        return 2;
    const options = engineOptionsFrom({ ciliumVersion: values['cilium-version'], enforcement: values.enforcement }, scenario, io);
    const globs = policies.length ? policies : DEFAULT_POLICY_GLOBS;
    const [base, head] = git
        ? await gitSides(git, values.base, values.head, globs, options)
        : await directorySides(values['base-dir'], values['head-dir'], options);
    // Workloads: globs over the head revision between git revisions, paths on disk otherwise.
    const workloads = values.workloads
        ? git
            ? await loadWorkloadsAtRevision(git, values.head && (await git.resolveCommit(values.head)), values.workloads, options)
            : await loadWorkloadPaths(values.workloads, options)
        : undefined;
    const snapshot = values['topology-from'] ? await loadSnapshot(values['topology-from'], options) : undefined;
    const report = predictReport({
        base,
        head,
        scenario,
        workloads,
        snapshot,
        options,
        toolVersion: TOOL_VERSION
    });
    const rendered = renderReport(report, format, io.color && !values.out, values.verbose === true);
    if (values.out) {
        await writeChunks(values.out, rendered);
        io.stderr(`reachdiff: report written to ${values.out}\n`);
    }
    else
        for (const chunk of rendered)
            io.stdout(chunk);
    if (hasInputErrors(report))
        return 2;
    return isFailure(report, failOn) ? 1 : 0;
}
async function writeChunks(path, chunks) {
    const file = await (0,promises_namespaceObject.open)(path, 'w');
    try {
        for (const chunk of chunks)
            await file.write(chunk);
    }
    finally {
        await file.close();
    }
}
function parseFailOn(value) {
    const failOn = (value ?? 'violations');
    if (!FAIL_ON_VALUES.includes(failOn)) {
        throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}; got "${value}"`);
    }
    return failOn;
}
/** The git repository `cwd` is in; outside one, --base cannot mean anything. */
async function openRepository(cwd) {
    const git = createGit(createProcessRunner(), cwd);
    try {
        await git.topLevel();
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // git's own words ("fatal: not a git repository ...") say it best.
        const reason = message.includes('fatal:') ? message.slice(message.indexOf('fatal:')) : message;
        throw new UsageError(`--base needs a git repository, and ${cwd} is not in one (${reason.trim()}); ` +
            'to compare two directories, use --base-dir DIR --head-dir DIR');
    }
    return git;
}
/** `reachdiff.yaml` at the repository root, when present. */
async function defaultScenario(git) {
    const path = (0,external_node_path_namespaceObject.join)(await git.topLevel(), 'reachdiff.yaml');
    return (0,external_node_fs_namespaceObject.existsSync)(path) ? path : undefined;
}
async function gitSides(git, baseRevision, headRevision, globs, options) {
    const baseCommit = await git.resolveCommit(baseRevision);
    const base = { label: baseRevision, loaded: await loadPoliciesAtCommit(git, baseCommit, globs, options) };
    if (headRevision === undefined) {
        return [base, { label: 'working tree', loaded: await loadPoliciesFromWorkingTree(git, globs, options) }];
    }
    const headCommit = await git.resolveCommit(headRevision);
    return [base, { label: headRevision, loaded: await loadPoliciesAtCommit(git, headCommit, globs, options) }];
}
async function directorySides(baseDir, headDir, options) {
    return [
        { label: baseDir, loaded: await loadPoliciesFromDirectory(baseDir, options) },
        { label: headDir, loaded: await loadPoliciesFromDirectory(headDir, options) }
    ];
}

;// CONCATENATED MODULE: ./src/core/engine/explain.ts
// `reachdiff explain`: one flow, both sides, every rule that mattered: which policies put
// the side under enforcement, and each deny and allow rule covering the probe's port,
// whether or not it selects the peer.





function explainFlow(engine, flow) {
    const verdict = engine.decideFlow(flow);
    const decided = [verdict.egress, verdict.ingress];
    const sides = engine.inspectFlow(flow).map(({ direction, subject, table, peerIndex }) => {
        const considered = (kind) => (kind === 'deny' ? table.denies : table.allows).map((matched) => ({
            rule: describeRuleRef(matched.entry.ref),
            kind,
            selectsPeer: hasBit(matched.peers, peerIndex),
            ...(matched.l7.kind === 'http' ? { http: matched.l7.rules.map(describeHttpRule) } : {})
        }));
        const side = decided.find((s) => s?.direction === direction);
        return {
            direction,
            subject,
            isEnforced: table.isEnforced,
            isDefaultDeny: table.isDefaultDeny,
            enforcedBy: [...new Set(table.enforcing.map((rule) => describePolicy(rule.policy)))],
            rules: [...considered('deny'), ...considered('allow')],
            decision: side ? describeSide(side) : verdict.reason
        };
    });
    return { flow, verdict: verdict.verdict, reason: verdict.reason, sides };
}
function renderExplanation(explanation) {
    const lines = [
        `${flowKey(explanation.flow)}: ${explanation.verdict.toUpperCase()}`,
        `  ${explanation.reason}`
    ];
    for (const side of explanation.sides) {
        lines.push('', `${side.direction} of ${side.subject}:`);
        if (!side.isEnforced)
            lines.push('  not enforced: no policy with rules in this direction selects it');
        else {
            const mode = side.isDefaultDeny ? 'default deny' : 'default allow (enableDefaultDeny: false)';
            lines.push(`  enforced, ${mode}, by: ${side.enforcedBy.join(', ') || 'policy enforcement mode always'}`);
        }
        if (side.rules.length === 0)
            lines.push('  no rule covers this port/protocol');
        for (const rule of side.rules) {
            const peer = rule.selectsPeer ? 'selects the peer' : 'does not select the peer';
            const http = rule.http ? `; HTTP: ${rule.http.join(' | ')}` : '';
            lines.push(`  ${rule.kind} ${rule.rule}: ${peer}${http}`);
        }
        lines.push(`  => ${side.decision}`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/explain-command.ts
// `reachdiff explain --from NS/POD --to NS/POD [--port 80/TCP] [--policies PATH|GLOB...]
// [--scenario FILE]`: one flow, both sides, every rule that mattered. Without a scenario the flow
// runs in the topology generated from the policies, whose pods the reports name the same way.












/** How many endpoint names an unknown --from/--to lists, so the message stays readable. */
const NAMES_SHOWN = 12;
async function runExplain(argv, io) {
    const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
        args: [...argv],
        allowPositionals: true,
        options: {
            policies: { type: 'string', multiple: true },
            scenario: { type: 'string' },
            from: { type: 'string' },
            to: { type: 'string' },
            port: { type: 'string' },
            http: { type: 'string' },
            format: { type: 'string' },
            'cilium-version': { type: 'string' },
            enforcement: { type: 'string' }
        }
    });
    // `--policies a b c`: the words after --policies are more of its values.
    const policies = [...(values.policies ?? []), ...positionals];
    const format = parseFormat(values.format, ['text', 'json']);
    if (!values.from || !values.to)
        throw new UsageError('explain needs --from NS/POD and --to NS/POD (or world/NAME)');
    const scenario = values.scenario ? await loadScenarioOrFail(values.scenario, io) : undefined;
    if (scenario === null)
        return 2;
    const options = engineOptionsFrom({ ciliumVersion: values['cilium-version'], enforcement: values.enforcement }, scenario, io);
    // A scenario without --policies explains its own policies; otherwise the policy files
    // (--policies, or the repository's policies/**).
    const loaded = scenario && !policies.length
        ? mergeLoadedPolicies([
            loadPolicyText(scenario.policiesText, scenario.file, options, scenario.policiesOrigin)
        ])
        : await loadPolicyArguments(policies, io.cwd, options);
    for (const d of loaded.diagnostics.filter((d) => d.severity !== 'notice'))
        io.stderr(formatDiagnostic(d) + '\n');
    const rules = normalizePolicies(loaded, options);
    const topology = scenario?.topology ?? generateTopology([rules], options, loaded.namespaces ?? []);
    const where = scenario?.topology ? values.scenario : 'the topology generated from the policies';
    const engine = createEngine(rules, topology, options);
    const flow = {
        from: values.from,
        to: values.to,
        ...parsePort(values.port ?? '80/TCP'),
        ...parseHttp(values.http)
    };
    for (const key of [flow.from, flow.to]) {
        if (!engine.identities.byKey.has(key)) {
            const names = [...topology.pods.map(podKey), ...topology.external.map((e) => worldKey(e.name))];
            const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? ', ...' : '');
            throw new UsageError(`${key} is not a pod or external endpoint of ${where}; it has ${shown}`);
        }
    }
    const explanation = explainFlow(engine, flow);
    io.stdout(format === 'json' ? JSON.stringify(explanation, null, 2) + '\n' : renderExplanation(explanation));
    return loaded.diagnostics.some((d) => d.severity === 'error') ? 2 : 0;
}
/** `80/TCP`, `TCP/80`, `53/UDP`, `ICMP`. */
function parsePort(text) {
    const parts = text.toUpperCase().split('/');
    const protocol = parts.find((p) => PROTOCOLS.includes(p));
    const portText = parts.find((p) => /^\d+$/.test(p));
    if (protocol === 'ICMP' && parts.length === 1)
        return { protocol };
    const port = Number(portText);
    if (!protocol || portText === undefined || parts.length !== 2 || port < 1 || port > 65535) {
        throw new UsageError(`--port must look like 80/TCP, 53/UDP or ICMP; got "${text}"`);
    }
    return { protocol, port };
}
/** `GET /public` */
function parseHttp(text) {
    if (text === undefined)
        return {};
    const match = /^([A-Z]+)\s+(\/\S*)$/.exec(text.trim());
    if (!match)
        throw new UsageError(`--http must look like "GET /path"; got "${text}"`);
    return { http: { method: match[1], path: match[2] } };
}

;// CONCATENATED MODULE: ./src/cli/safe-io.ts
// Everything the command prints passes the escaping funnel: a file name or policy field with
// ESC, BEL or `::add-mask::` is shown, never executed by a terminal or by a CI runner reading
// our output. JSON output is unchanged by it (JSON already escapes control characters).

function escapingIo(io) {
    return {
        ...io,
        stdout: (text) => io.stdout(toLogText(text)),
        stderr: (text) => io.stderr(toLogText(text))
    };
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
// What each command accepts, printed by `reachdiff help`, `reachdiff <command> --help`, and after
// a usage mistake; and the message for an option node:util parseArgs rejects.
const COMMON = `common options:
  --format text|json                output format (markdown too for diff and matrix)
  --cilium-version V                Cilium semantics to follow (default: the version the Action installs)
  --enforcement default|always|never
                                    Cilium's policy-enforcement mode (default: the scenario's, else default)
  -h, --help                        this text
`;
const COMMAND_USAGE = {
    check: `usage: reachdiff check [--policies PATH|GLOB]... [FILE|DIR...]

Judges scenario files' expectations against the predicted reachability. Without FILE, the
scenario is ./reachdiff.yaml and the policies are policies/**/*.yaml (or --policies). With FILE
and no --policies, each scenario's own "policies" block is judged. With --policies, the words
after it are more policy paths, except the last, which is the scenario FILE.
A scenario without "topology" uses the topology generated from the policies.
Closes with "N passed, N failed, N skipped" (", N invalid" when a scenario could not be read);
exit 0 all passed, 1 a scenario failed, 2 invalid input.

options:
  --policies PATH|GLOB              policy files, directories or globs (quote globs)
  --format text|json
  --cilium-version V
`,
    diff: `usage: reachdiff diff --base REF [--head REF] [--policies GLOB...] [--scenario FILE]
       reachdiff diff --base-dir DIR --head-dir DIR [--scenario FILE]

What a policy change does to reachability. Without --head, the head is the working tree. Without
--scenario, ./reachdiff.yaml at the repository root is used when present.

options:
  --policies GLOB...                policy files in the repository (default: policies/**/*.yaml)
  --scenario FILE                   topology and expectations
  --workloads GLOB|PATH...          Deployments, StatefulSets, ... whose pods form the topology
                                    (globs at the head revision in git mode, else paths)
  --topology-from FILE              pods of a cluster, saved with
                                    kubectl get namespaces,pods -A -o json > FILE
  --format markdown|text|json
  --out FILE                        write the report to FILE
  --verbose                         text: every changed flow, not the first rows of each destination
  --fail-on violations|changes|never
                                    what makes the exit code 1 (default: violations)
  --cilium-version V
  --enforcement default|always|never
`,
    matrix: `usage: reachdiff matrix --policies PATH|GLOB... [--scenario FILE]

The predicted reachability matrix. Without --scenario, the topology is generated from the
policies. A path or glob that matches no policy file is an error.

options:
  --policies PATH|GLOB...           policy files, directories or globs (quote globs)
  --scenario FILE                   the topology to use
  --workloads GLOB|PATH...          Deployments, StatefulSets, ... whose pods form the topology
                                    (globs at the head revision in git mode, else paths)
  --topology-from FILE              pods of a cluster, saved with
                                    kubectl get namespaces,pods -A -o json > FILE
  --format text|json|markdown
  --cilium-version V
  --enforcement default|always|never
`,
    explain: `usage: reachdiff explain --from NS/POD --to NS/POD [--port 80/TCP] [--http "GET /path"]
                        [--policies PATH|GLOB...] [--scenario FILE]

One flow, both directions, every rule that mattered. With --scenario, the flow runs in its
topology and, without --policies, its own policies are explained. Without --scenario, the topology
is generated from the policies (--policies, default policies/**/*.yaml), and pods are named as
reports name them. --to may also be world/NAME.

options:
  --from NS/POD, --to NS/POD        the flow (or world/NAME)
  --port PORT/PROTOCOL              default 80/TCP; ICMP for a ping
  --http "METHOD /path"             one HTTP request on that port
  --policies PATH|GLOB...
  --scenario FILE
  --format text|json
  --cilium-version V
  --enforcement default|always|never
`
};
const USAGE = `usage: reachdiff <command> [options]

commands:
  check [--policies GLOB]... [FILE|DIR...]
                                    check scenario files' expectations against the prediction
  diff --base REF [--head REF]      what a policy change does to reachability
       (or --base-dir DIR --head-dir DIR)
  matrix --policies PATH|GLOB...    the predicted reachability matrix
  explain --from NS/POD --to NS/POD one flow, both directions, every rule that mattered

${COMMON}
"reachdiff <command> --help" shows a command's options.
`;
/** True when the arguments ask for help (before a "--" that ends the options). */
function wantsHelp(argv) {
    const end = argv.indexOf('--');
    return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
/**
 * The message for a parseArgs rejection. Node's own text for an unknown option quotes unevenly
 * ("Unknown option '--x'. To specify a positional argument starting with a '-', place it at the
 * end of the command after '--', as in '-- \"--x\"", node lib/internal/util/parse_args), so only
 * the option's name is kept from it.
 */
function describeArgsError(error) {
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const option = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
        return option === undefined ? 'unknown option' : `unknown option ${option}`;
    }
    // "Option '--format <value>' argument missing", "Option '-x' does not take an argument".
    return error.message.charAt(0).toLowerCase() + error.message.slice(1);
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// The reachdiff command: dispatch, usage, and the one place that turns failures into a
// message and an exit code (0 ok, 1 failed per the command's rule, 2 bad input).









const COMMANDS = {
    check: check_command_runCheck,
    diff: runDiff,
    matrix: runMatrix,
    explain: runExplain
};
async function runCli(argv, rawIo) {
    const io = escapingIo(rawIo);
    const [name, ...rest] = argv;
    if (name === '--help' || name === '-h' || name === 'help') {
        const topic = name === 'help' ? rest[0] : undefined;
        io.stdout(topic !== undefined && Object.hasOwn(COMMAND_USAGE, topic) ? COMMAND_USAGE[topic] : USAGE);
        return 0;
    }
    if (name === '--version') {
        io.stdout(`reachdiff ${TOOL_VERSION}\n`);
        return 0;
    }
    const command = name === undefined ? undefined : COMMANDS[name];
    if (!command || !Object.hasOwn(COMMANDS, name)) {
        io.stderr(name === undefined ? USAGE : `reachdiff: unknown command "${name}"\n\n${USAGE}`);
        return 2;
    }
    if (wantsHelp(rest)) {
        io.stdout(COMMAND_USAGE[name]);
        return 0;
    }
    try {
        return await command(rest, io);
    }
    catch (error) {
        const argsError = asArgsError(error);
        if (argsError) {
            io.stderr(`reachdiff ${name}: ${describeArgsError(argsError)}\n\n${COMMAND_USAGE[name]}`);
            return 2;
        }
        if (error instanceof UsageError) {
            io.stderr(`reachdiff ${name}: ${error.message}\nrun "reachdiff ${name} --help" for usage\n`);
            return 2;
        }
        if (error instanceof RevisionNotFoundError) {
            io.stderr(`reachdiff ${name}: ${error.message}\n`);
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        io.stderr(`reachdiff ${name}: internal error: ${message}\nplease report this with the command you ran\n`);
        return 2;
    }
}
/** node:util parseArgs rejects unknown or malformed options with these codes. */
function asArgsError(error) {
    const code = error?.code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS'))
        return undefined;
    return { code, message: error.message };
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
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
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map