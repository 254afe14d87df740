// Syntax of the network values policies carry: IP prefixes, ports and port names, ICMP types,
// DNS names. Each parser follows the Go function the cluster uses (netip.ParsePrefix,
// strconv.ParseUint, iana.IsSvcName) so that a value is refused here exactly when it is there.
// Every check runs in linear time: user strings can be megabytes long.

export type IpFamily = 4 | 6

export interface IpAddress {
  family: IpFamily
  value: bigint
}

export interface IpPrefix extends IpAddress {
  bits: number
}

const DECIMAL_OCTET = /^(0|[1-9][0-9]{0,2})$/

/** Go `netip.ParseAddr` without zones: IPv4 dotted quad (no leading zeros) or IPv6. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.length > 64) return undefined
  if (text.includes(':')) return parseIpv6(text)
  const value = parseIpv4(text)
  return value === undefined ? undefined : { family: 4, value }
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let value = 0n
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part) || Number(part) > 255) return undefined
    value = (value << 8n) | BigInt(part)
  }
  return value
}

function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const head = parseGroups(halves[0])
  const tail = halves.length === 2 ? parseGroups(halves[1]) : []
  if (!head || !tail) return undefined
  const total = head.length + tail.length
  if (halves.length === 2 ? total > 7 : total !== 8) return undefined
  const groups = [...head, ...new Array<number>(8 - total).fill(0), ...tail]
  let value = 0n
  for (const group of groups) value = (value << 16n) | BigInt(group)
  return { family: 6, value }
}

/** Colon-separated hex groups; a trailing dotted quad counts as two groups. */
function parseGroups(text: string): number[] | undefined {
  if (text === '') return []
  const parts = text.split(':')
  const groups: number[] = []
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part)
      if (v4 === undefined) return undefined
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn))
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16))
    } else {
      return undefined
    }
  }
  return groups
}

/** Go `netip.ParsePrefix`: `address/bits`, bits in range for the family; host bits may be set. */
export function parsePrefix(text: string): IpPrefix | undefined {
  const slash = text.lastIndexOf('/')
  if (slash < 0) return undefined
  const address = parseIp(text.slice(0, slash))
  const bitsText = text.slice(slash + 1)
  if (!address || !/^(0|[1-9][0-9]{0,2})$/.test(bitsText)) return undefined
  const bits = Number(bitsText)
  if (bits > (address.family === 4 ? 32 : 128)) return undefined
  return { ...address, bits }
}

/** Whether `address` lies inside `prefix` (never across families, as in Go's netip). */
export function prefixContains(prefix: IpPrefix, address: IpAddress): boolean {
  if (prefix.family !== address.family) return false
  const shift = BigInt((prefix.family === 4 ? 32 : 128) - prefix.bits)
  return prefix.value >> shift === address.value >> shift
}

/**
 * The CRD's half-anchored PORT_PATTERN (`ports[].port` in `ciliumnetworkpolicies.yaml`): a value
 * passes when it starts with a digit, or when it ends in `[a-zA-Z](-?[a-zA-Z0-9])*`. Written as a scan because the
 * regex backtracks badly on long input.
 */
export function matchesPortPattern(port: string): boolean {
  if (/^[0-9]/.test(port)) return true
  let tailStartsAlnum = false
  let previousDash = false
  for (let j = port.length; j > 0; j--) {
    const c = port[j - 1]
    if (/[a-zA-Z]/.test(c)) return true
    if (/[0-9]/.test(c)) {
      tailStartsAlnum = true
      previousDash = false
    } else if (c === '-' && tailStartsAlnum && !previousDash) {
      tailStartsAlnum = false
      previousDash = true
    } else {
      return false
    }
  }
  return false
}

/** Cilium `iana.IsSvcName` (R8.6): 1–15 characters, letters, digits and single inner dashes, one letter at least. */
export function isIanaServiceName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 15 &&
    /^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$/.test(name) &&
    /[a-zA-Z]/.test(name)
  )
}

/** Kubernetes `IsValidPortName`: as an IANA name, but lower case only. */
export function isKubernetesPortName(name: string): boolean {
  return isIanaServiceName(name) && name === name.toLowerCase()
}

/**
 * Go `strconv.ParseUint(port, 0, 16)`: base prefixes (`0x`, `0o`, `0b`, a bare leading `0` for
 * octal, so `080` fails) and `_` between digits. Undefined when Go would return an error.
 */
export function parseGoPortNumber(text: string): number | undefined {
  if (text.length === 0) return undefined
  let base = 10
  let digits = text
  if (text.length > 1 && text[0] === '0') {
    const marker = text[1].toLowerCase()
    const prefixed = marker === 'x' || marker === 'o' || marker === 'b'
    base = marker === 'x' ? 16 : marker === 'b' ? 2 : 8
    digits = text.slice(prefixed ? 2 : 1)
  }
  if (digits.includes('_')) {
    if (!isGoUnderscoreOk(text)) return undefined
    digits = digits.replaceAll('_', '')
  }
  if (digits === '') return undefined
  let value = 0
  for (const c of digits.toLowerCase()) {
    const digit = parseInt(c, 36)
    if (Number.isNaN(digit) || digit >= base) return undefined
    value = value * base + digit
    if (value > 65535) return undefined
  }
  return value
}

/** Go's `underscoreOK`: underscores only between digits or right after a base prefix. */
function isGoUnderscoreOk(text: string): boolean {
  let saw = '^'
  let i = 0
  const marker = text.length >= 2 && text[0] === '0' ? text[1].toLowerCase() : ''
  const hex = marker === 'x'
  if (marker === 'x' || marker === 'o' || marker === 'b') {
    i = 2
    saw = '0'
  }
  for (; i < text.length; i++) {
    const c = text[i].toLowerCase()
    if ((c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f')) {
      saw = '0'
    } else if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
    } else {
      if (saw === '_') return false
      saw = '!'
    }
  }
  return saw !== '_'
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** RFC 1123 subdomain, as Kubernetes checks object names and label-key prefixes. */
export function isDnsSubdomain(name: string): boolean {
  return name.length >= 1 && name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label))
}

/** RFC 1123 label, as Kubernetes checks namespace names. */
export function isDnsLabel(name: string): boolean {
  return name.length >= 1 && name.length <= 63 && DNS_LABEL.test(name)
}

// The CRD's `matchName`/`matchPattern` patterns (DNS rules, `toFQDNs`): `^([-a-zA-Z0-9_]+[.]?)+$`
// and the same with `*`, rewritten without nested quantifiers (same language: no leading dot, no
// double dot).
const MATCH_NAME = /^[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$/
const MATCH_PATTERN = /^[-a-zA-Z0-9_*]+(\.[-a-zA-Z0-9_*]+)*\.?$/
// The CRD's `serverNames` items (1.18+): `^(\*?\*\.)?([-a-zA-Z0-9_]+\.?)+$`, rewritten the same way.
const SERVER_NAME = /^(\*?\*\.)?[-a-zA-Z0-9_]+(\.[-a-zA-Z0-9_]+)*\.?$/

export function isFqdnMatchName(text: string): boolean {
  return text.length <= 255 && MATCH_NAME.test(text)
}

export function isFqdnMatchPattern(text: string): boolean {
  return text.length <= 255 && MATCH_PATTERN.test(text)
}

export function isServerName(text: string): boolean {
  return text.length <= 255 && SERVER_NAME.test(text)
}
