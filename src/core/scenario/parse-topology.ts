// The `topology` block of a scenario: namespaces, pods and external endpoints, checked the way
// the API server would check the objects they stand for (names, labels, container ports), so
// that a case never depends on something a real cluster could not hold.
import { describePort, PROTOCOLS, WORLD_NAMESPACE } from '../model.js'
import type { ExternalEndpoint, Namespace, Pod, Protocol, ServedPort, Topology } from '../model.js'
import type { FieldPath } from '../yaml-source.js'
import {
  DNS_LABEL_EXPECTED,
  DNS_SUBDOMAIN_EXPECTED,
  FieldChecker,
  isDnsLabel,
  isDnsSubdomain,
  isIPv4,
  isRecord,
  readLabels,
  readOptionalString,
  readRequiredString,
  warnUnknownKeys
} from './fields.js'

const SUBDOMAIN_SYNTAX = { test: isDnsSubdomain, expected: DNS_SUBDOMAIN_EXPECTED }
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'
// IANA_SVC_NAME, what Kubernetes requires of a container port name.
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/
const PORT_NAME_EXPECTED =
  'at most 15 lowercase letters, digits and single inner "-", with at least one letter'

interface Located<T> {
  value: T
  path: FieldPath
}

/** IPs seen so far, and where: two endpoints with one address would make IP rules ambiguous. */
type SeenIps = Map<string, string>

export function readTopology(c: FieldChecker, value: unknown, path: FieldPath): Topology {
  const topology: Topology = { namespaces: [], pods: [], external: [] }
  if (!isRecord(value)) {
    c.error(path, value === undefined ? 'topology is required' : 'topology must be a map', {
      ...(value === undefined ? {} : { value }),
      expected: '{namespaces: {...}, pods: [...], external: [...]}'
    })
    return topology
  }
  warnUnknownKeys(c, value, path, ['namespaces', 'pods', 'external'])
  const ips: SeenIps = new Map()
  topology.namespaces = readNamespaces(c, value.namespaces, [...path, 'namespaces'])
  const namespaceNames = new Set(topology.namespaces.map((ns) => ns.name))
  const pods = readList(c, value.pods, [...path, 'pods'], true, (item, itemPath) =>
    readPod(c, item, itemPath, namespaceNames, ips)
  )
  rejectDuplicates(c, pods, (pod) => `${pod.namespace}/${pod.name}`, 'pod')
  const external = readList(c, value.external, [...path, 'external'], false, (item, itemPath) =>
    readExternal(c, item, itemPath, ips)
  )
  rejectDuplicates(c, external, (e) => e.name, 'external endpoint')
  topology.pods = pods.map((p) => p.value)
  topology.external = external.map((e) => e.value)
  return topology
}

function readNamespaces(c: FieldChecker, value: unknown, path: FieldPath): Namespace[] {
  if (!isRecord(value)) {
    c.error(path, value === undefined ? 'namespaces is required' : 'namespaces must be a map', {
      ...(value === undefined ? {} : { value }),
      expected: '{name: {labels: {...}}, ...}'
    })
    return []
  }
  const namespaces: Namespace[] = []
  for (const [name, spec] of Object.entries(value)) {
    const nsPath = [...path, name]
    checkNamespaceName(c, name, nsPath)
    if (spec !== null && !isRecord(spec)) {
      c.error(nsPath, 'a namespace must be a map', { value: spec, expected: '{} or {labels: {...}}' })
      continue
    }
    if (spec) warnUnknownKeys(c, spec, nsPath, ['labels'])
    const labels = readLabels(c, spec?.labels, [...nsPath, 'labels'])
    const declared = labels[NAMESPACE_NAME_LABEL]
    if (declared !== undefined && declared !== name) {
      const message = `${NAMESPACE_NAME_LABEL} is always the namespace's name`
      c.error([...nsPath, 'labels', NAMESPACE_NAME_LABEL], message, { value: declared, expected: name })
    }
    namespaces.push({ name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name } })
  }
  return namespaces
}

function checkNamespaceName(c: FieldChecker, name: string, path: FieldPath): void {
  if (!isDnsLabel(name)) {
    c.error(path, `"${name}" is not a valid namespace name`, { expected: DNS_LABEL_EXPECTED })
  } else if (name === WORLD_NAMESPACE) {
    // `world/NAME` addresses external endpoints in expect entries; a namespace of that name would be ambiguous.
    c.error(path, `namespace "${WORLD_NAMESPACE}" is reserved`, {
      expected: 'another name: world/... names external endpoints'
    })
  }
}

function readList<T>(
  c: FieldChecker,
  value: unknown,
  path: FieldPath,
  required: boolean,
  readItem: (item: unknown, itemPath: FieldPath) => T | undefined
): Located<T>[] {
  if (value === undefined || value === null) {
    if (required) {
      c.error(path, `${String(path[path.length - 1])} is required`, { expected: 'a list (may be empty)' })
    }
    return []
  }
  if (!Array.isArray(value)) {
    c.error(path, `${String(path[path.length - 1])} must be a list`, { value, expected: 'a list' })
    return []
  }
  const items: Located<T>[] = []
  value.forEach((item: unknown, index) => {
    const itemPath = [...path, index]
    const read = readItem(item, itemPath)
    if (read !== undefined) items.push({ value: read, path: itemPath })
  })
  return items
}

function rejectDuplicates<T>(
  c: FieldChecker,
  items: readonly Located<T>[],
  keyOf: (item: T) => string,
  what: string,
  field: FieldPath = ['name']
): void {
  const seen = new Set<string>()
  for (const item of items) {
    const key = keyOf(item.value)
    if (seen.has(key)) {
      c.error([...item.path, ...field], `duplicate ${what} ${key}`, { value: key, expected: 'unique names' })
    }
    seen.add(key)
  }
}

function readPod(
  c: FieldChecker,
  item: unknown,
  path: FieldPath,
  namespaces: ReadonlySet<string>,
  ips: SeenIps
): Pod | undefined {
  if (!isRecord(item)) {
    c.error(path, 'a pod must be a map', { value: item, expected: '{name, namespace, labels, ports}' })
    return undefined
  }
  warnUnknownKeys(c, item, path, ['name', 'namespace', 'labels', 'serviceAccount', 'ip', 'ports'])
  const name = readRequiredString(c, item, path, 'name', SUBDOMAIN_SYNTAX)
  const namespace = readRequiredString(c, item, path, 'namespace', {
    test: (s) => namespaces.has(s),
    expected: `a namespace listed in topology.namespaces (${[...namespaces].join(', ') || 'none'})`,
    problem: (s) => `namespace "${s}" is not listed in topology.namespaces`
  })
  // A pod that names no service account runs as `default`, and its Cilium identity says so.
  const serviceAccount =
    item.serviceAccount === undefined
      ? 'default'
      : readRequiredString(c, item, path, 'serviceAccount', SUBDOMAIN_SYNTAX)
  const labels = readLabels(c, item.labels, [...path, 'labels'])
  const ip = readIp(c, item, path, false, ips, `pod ${String(item.namespace)}/${String(item.name)}`)
  const ports = readPorts(c, item.ports, [...path, 'ports'], true)
  if (name === undefined || namespace === undefined || serviceAccount === undefined) return undefined
  const pod: Pod = { namespace, name, labels, serviceAccount, ports }
  if (ip !== undefined) pod.ip = ip
  return pod
}

function readExternal(
  c: FieldChecker,
  item: unknown,
  path: FieldPath,
  ips: SeenIps
): ExternalEndpoint | undefined {
  if (!isRecord(item)) {
    c.error(path, 'an external endpoint must be a map', { value: item, expected: '{name, ip, ports}' })
    return undefined
  }
  warnUnknownKeys(c, item, path, ['name', 'ip', 'ports', 'source'])
  const name = readRequiredString(c, item, path, 'name', { test: isDnsLabel, expected: DNS_LABEL_EXPECTED })
  const ip = readIp(c, item, path, true, ips, `world/${String(item.name)}`)
  const ports = readPorts(c, item.ports, [...path, 'ports'], false)
  const source = readSourceFlag(c, item.source, [...path, 'source'])
  if (name === undefined || ip === undefined) return undefined
  return source ? { name, ip, ports, source } : { name, ip, ports }
}

/** `source: true` makes the external send to every pod; absent, it is a destination only. */
function readSourceFlag(c: FieldChecker, value: unknown, path: FieldPath): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'boolean') return value
  c.error(path, 'source must be true or false', {
    value,
    expected: 'true (the endpoint also sends to every pod) or false'
  })
  return false
}

function readIp(
  c: FieldChecker,
  item: Record<string, unknown>,
  path: FieldPath,
  required: boolean,
  ips: SeenIps,
  owner: string
): string | undefined {
  const syntax = { test: isIPv4, expected: 'an IPv4 address, e.g. 10.244.1.10' }
  if (!required && item.ip === undefined) return undefined
  const ip = readRequiredString(c, item, path, 'ip', syntax)
  if (ip === undefined) return undefined
  const previous = ips.get(ip)
  if (previous !== undefined) {
    c.error([...path, 'ip'], `ip ${ip} is already used by ${previous}`, {
      value: ip,
      expected: 'one address per endpoint'
    })
  } else {
    ips.set(ip, owner)
  }
  return ip
}

function readPorts(c: FieldChecker, value: unknown, path: FieldPath, isPod: boolean): ServedPort[] {
  const ports = readList(c, value, path, false, (item, itemPath) => readPort(c, item, itemPath, isPod))
  rejectDuplicates(c, ports, (port) => describePort(port.protocol, port.port), 'port', [])
  // Kubernetes rejects a pod whose containers repeat a port name; named-port rules rely on that.
  rejectDuplicates(
    c,
    ports.filter((port) => port.value.name !== undefined),
    (port) => port.name ?? '',
    'port name'
  )
  return ports.map((port) => port.value)
}

function readPort(c: FieldChecker, item: unknown, path: FieldPath, isPod: boolean): ServedPort | undefined {
  if (!isRecord(item)) {
    c.error(path, 'a port must be a map', {
      value: item,
      expected: '{port: 80, protocol: TCP} or {protocol: ICMP}'
    })
    return undefined
  }
  warnUnknownKeys(c, item, path, isPod ? ['port', 'protocol', 'name'] : ['port', 'protocol'])
  const protocol = readRequiredString(c, item, path, 'protocol', {
    test: (s) => (PROTOCOLS as readonly string[]).includes(s),
    expected: PROTOCOLS.join(', '),
    problem: (s) => `unknown protocol "${s}"`
  }) as Protocol | undefined
  const name = isPod ? readOptionalString(c, item, path, 'name') : undefined
  if (name !== undefined && !PORT_NAME.test(name)) {
    c.error([...path, 'name'], `"${name}" is not a valid port name`, {
      value: name,
      expected: PORT_NAME_EXPECTED
    })
  }
  if (protocol === 'ICMP') {
    // A ping has no port, so there is nothing to number or name.
    for (const key of ['port', 'name']) {
      if (item[key] === undefined) continue
      c.error([...path, key], `ICMP has no ${key}`, { value: item[key], expected: '{protocol: ICMP}' })
    }
    return { protocol }
  }
  const port = readPortNumber(c, item.port, [...path, 'port'], protocol)
  if (protocol === undefined || port === undefined) return undefined
  return name === undefined ? { protocol, port } : { protocol, port, name }
}

function readPortNumber(
  c: FieldChecker,
  port: unknown,
  path: FieldPath,
  protocol: Protocol | undefined
): number | undefined {
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535) return port
  const expected = 'an integer from 1 to 65535'
  if (port === undefined) c.error(path, `${protocol ?? 'a'} port needs a port number`, { expected })
  else c.error(path, 'port must be a port number', { value: port, expected })
  return undefined
}
