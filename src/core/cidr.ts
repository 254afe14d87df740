// IPv4 addresses and prefixes as unsigned 32-bit numbers. IPv6 prefixes are recognised so
// that they can be validated and ignored: every probe reachdiff models is IPv4.

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.')
  if (parts.length !== 4) return undefined
  let value = 0
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined
    const octet = Number(part)
    if (octet > 255) return undefined
    value = value * 256 + octet
  }
  return value >>> 0
}

export interface ParsedCidr {
  family: 4 | 6
  network: number
  prefix: number
}

/** `10.0.0.0/8` → network and prefix (host bits cleared, as Go's net.ParseCIDR does). */
export function parseCidr(text: string): ParsedCidr | undefined {
  const slash = text.indexOf('/')
  if (slash < 0) return undefined
  const address = text.slice(0, slash)
  const prefixText = text.slice(slash + 1)
  if (!/^\d{1,3}$/.test(prefixText)) return undefined
  const prefix = Number(prefixText)
  if (address.includes(':')) {
    return prefix <= 128 && /^[0-9a-fA-F:.]+$/.test(address) ? { family: 6, network: 0, prefix } : undefined
  }
  const ip = parseIPv4(address)
  if (ip === undefined || prefix > 32) return undefined
  return { family: 4, network: maskAddress(ip, prefix), prefix }
}

export function maskAddress(ip: number, prefix: number): number {
  if (prefix === 0) return 0
  return (ip & (~0 << (32 - prefix))) >>> 0
}

export function cidrContains(cidr: { network: number; prefix: number }, ip: number): boolean {
  return maskAddress(ip, cidr.prefix) === cidr.network
}

/** True when `inner` lies inside `outer` (both IPv4). */
export function cidrCovers(
  outer: { network: number; prefix: number },
  inner: { network: number; prefix: number }
): boolean {
  return inner.prefix >= outer.prefix && cidrContains(outer, inner.network)
}
