// The value parsers behind validation, each pinned to the Go function the cluster runs.
import { describe, expect, it } from '@jest/globals'
import { re2Problem } from '../src/core/re2.js'
import { formatValue } from '../src/core/policy/validate/context.js'
import { matchesIcmpTypePattern, resolveIcmpType } from '../src/core/policy/validate/icmp.js'
import {
  isIanaServiceName,
  isKubernetesPortName,
  matchesPortPattern,
  parseGoPortNumber,
  parseIp,
  parsePrefix,
  prefixContains
} from '../src/core/policy/validate/net.js'
import { extendedLabelKey, isLabelValue, qualifiedNameProblem } from '../src/core/policy/validate/selector.js'

describe('parseGoPortNumber is strconv.ParseUint(s, 0, 16)', () => {
  it.each([
    ['80', 80],
    ['0', 0],
    ['65535', 65535],
    ['017', 15],
    ['0x1F', 31],
    ['0o17', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['0x_1F', 31]
  ])('%s → %d', (text, value) => expect(parseGoPortNumber(text)).toBe(value))

  it.each(['', '65536', '080', '08', '+80', '-1', '1__0', '_1', '1_', '0x', ' 80', '8 0', '1e3'])(
    '%j fails',
    (text) => expect(parseGoPortNumber(text)).toBeUndefined()
  )
})

describe('port names', () => {
  it('IANA service names (Cilium, case-insensitive)', () => {
    for (const name of ['http', 'HTTP', 'h2c', 'web-80', 'a', '0x50', '8o', 'x'.repeat(15)])
      expect(isIanaServiceName(name)).toBe(true)
    for (const name of ['', '80', 'http--x', '-http', 'http-', 'ab_c', 'abc!', 'x'.repeat(16)])
      expect(isIanaServiceName(name)).toBe(false)
  })

  it('Kubernetes port names are the same, in lower case only', () => {
    expect(isKubernetesPortName('http')).toBe(true)
    expect(isKubernetesPortName('HTTP')).toBe(false)
  })

  it('matchesPortPattern mirrors the half-anchored CRD PORT_PATTERN', () => {
    const crd =
      /^(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})|([a-zA-Z0-9]-?)*[a-zA-Z](-?[a-zA-Z0-9])*$/
    const samples = [
      '80',
      '65536',
      '80x',
      'abc',
      'abc!',
      'ab_c',
      'http--x',
      '!x',
      'x!',
      '-',
      'a-',
      '-a',
      'a--1',
      '_1a',
      '1-',
      '',
      '!1',
      'a-1',
      '--1',
      'x-1-2'
    ]
    for (const sample of samples)
      expect([sample, matchesPortPattern(sample)]).toEqual([sample, crd.test(sample)])
  })

  it('stays linear on long input', () => {
    const started = performance.now()
    expect(matchesPortPattern(`${'a1'.repeat(500_000)}!`)).toBe(false)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('IP prefixes follow netip.ParsePrefix', () => {
  it.each([
    '10.0.0.0/8',
    '0.0.0.0/0',
    '10.1.2.3/8',
    '2001:db8::/32',
    '::/0',
    '::ffff:10.0.0.1/128',
    'fe80::1/64'
  ])('%s parses', (text) => expect(parsePrefix(text)).toBeDefined())

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '010.0.0.0/8',
    '10.0.0/8',
    '1.2.3.4/08',
    '2001:db8::/129',
    ':::/0',
    '1::2::3/64',
    'fe80::1%eth0/64',
    'a/b'
  ])('%s is refused', (text) => expect(parsePrefix(text)).toBeUndefined())

  it('contains addresses of its own family only', () => {
    const net = parsePrefix('10.0.0.0/8')!
    expect(prefixContains(net, parseIp('10.200.0.1')!)).toBe(true)
    expect(prefixContains(net, parseIp('11.0.0.1')!)).toBe(false)
    expect(prefixContains(net, parseIp('::ffff:10.0.0.1')!)).toBe(false)
    expect(prefixContains(parsePrefix('2001:db8::/32')!, parseIp('2001:db8:ffff::1')!)).toBe(true)
  })
})

describe('label syntax', () => {
  it('turns selector keys into Cilium extended keys', () => {
    expect(extendedLabelKey('app')).toBe('any.app')
    expect(extendedLabelKey('k8s:app')).toBe('k8s.app')
    expect(extendedLabelKey('$host')).toBe('reserved.host')
    expect(extendedLabelKey('k8s:app=web')).toBe('k8s.app')
  })

  it('checks qualified names and label values as Kubernetes does', () => {
    expect(qualifiedNameProblem('app.kubernetes.io/name')).toBeUndefined()
    expect(qualifiedNameProblem('/name')).toMatch('prefix before "/" is empty')
    expect(qualifiedNameProblem('x'.repeat(64))).toMatch('longer than 63')
    expect(qualifiedNameProblem('-app')).toMatch('start and end with a letter or digit')
    expect(isLabelValue('')).toBe(true)
    expect(isLabelValue('v1.2_3-x')).toBe(true)
    expect(isLabelValue('front end')).toBe(false)
    expect(isLabelValue('x'.repeat(64))).toBe(false)
  })
})

describe('ICMP types', () => {
  it('resolve per family, as the Go tables do', () => {
    expect(resolveIcmpType('IPv4', 'EchoRequest')).toBe(8)
    expect(resolveIcmpType('IPv4', 'Echo')).toBe(8)
    expect(resolveIcmpType('IPv6', 'EchoRequest')).toBe(128)
    expect(resolveIcmpType('IPv6', 'Echo')).toBeUndefined()
    expect(resolveIcmpType('IPv4', 'PacketTooBig')).toBeUndefined()
    expect(resolveIcmpType('IPv4', '8')).toBe(8)
    expect(resolveIcmpType('IPv4', 256)).toBeUndefined()
  })

  it('follow the CRD pattern, which lacks ExtendedEchoReply but has "ExtendedEcho Reply"', () => {
    expect(matchesIcmpTypePattern('ExtendedEchoReply')).toBe(false)
    expect(matchesIcmpTypePattern('ExtendedEcho Reply')).toBe(true)
    expect(resolveIcmpType('IPv4', 'ExtendedEcho Reply')).toBeUndefined()
    expect(matchesIcmpTypePattern('08')).toBe(false)
    expect(matchesIcmpTypePattern('255')).toBe(true)
    expect(matchesIcmpTypePattern('256')).toBe(false)
  })
})

describe('RE2 regexes', () => {
  it.each([
    '/public',
    'GET|POST',
    '/api/v[0-9]+/.*',
    '(?i)get',
    '(?P<id>[0-9]+)',
    '\\Q/a.b\\E',
    '/x\\z',
    '[[:alpha:]]+',
    '\\d+'
  ])('%s compiles', (pattern) => expect(re2Problem(pattern)).toBeUndefined())

  it.each(['/api/(v1', '*', '(?=x)', '(?<!x)y', '(a)\\1', '\\k<n>', '\\y', 'a**'])(
    '%s is refused',
    (pattern) => expect(re2Problem(pattern)).toBeDefined()
  )
})

describe('formatValue', () => {
  it('quotes values JSON-style and never exceeds 80 characters', () => {
    expect(formatValue('80')).toBe('"80"')
    expect(formatValue(80)).toBe('80')
    expect(formatValue({ a: [1, null] })).toBe('{"a":[1,null]}')
    expect(formatValue('x'.repeat(1_000_000))).toHaveLength(80)
    const deep: unknown[] = []
    let cursor = deep
    for (let i = 0; i < 10_000; i++) cursor.push((cursor = []))
    expect(formatValue(deep).length).toBeLessThanOrEqual(80)
  })
})
