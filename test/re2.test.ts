// HTTP patterns are RE2: whole-value matches in linear time, and RE2's syntax, not JavaScript's.
import { describe, expect, it } from '@jest/globals'
import { matchesHttpRule } from '../src/core/engine/l7.js'
import { re2FullMatch, re2Problem } from '../src/core/re2.js'

describe('RE2 matching of HTTP rules', () => {
  it('matches the whole value, like Envoy safe_regex', () => {
    expect(re2FullMatch('/api/.*', '/api/v1')).toBe(true)
    expect(re2FullMatch('/api', '/api/v1')).toBe(false)
    expect(re2FullMatch('GET|POST', 'POST')).toBe(true)
    expect(re2FullMatch('(?i)get', 'GET')).toBe(true)
  })

  it('decides a nested quantifier against a hostile path without backtracking', () => {
    // A backtracking engine needs ~2^40 steps for this; RE2 needs one pass. If matching
    // backtracked, this test would not finish within the suite's timeout.
    const rule = { path: '/(a+)+', headers: [] }
    expect(matchesHttpRule(rule, { method: 'GET', path: `/${'a'.repeat(40)}!` })).toBe(false)
    expect(matchesHttpRule(rule, { method: 'GET', path: `/${'a'.repeat(200_000)}!` })).toBe(false)
    expect(matchesHttpRule(rule, { method: 'GET', path: `/${'a'.repeat(40)}` })).toBe(true)
  })

  it('never matches a pattern RE2 refuses (validation reports it)', () => {
    expect(re2FullMatch('(?=a)a', 'a')).toBe(false)
  })

  it.each([
    ['(?=x)', 'invalid or unsupported Perl syntax'],
    ['a{1001}', 'invalid repeat count'],
    ['(a)\\1', 'invalid escape sequence'],
    ['[z-a]', 'invalid character class range']
  ])('refuses %s with RE2 own reason', (pattern, reason) => {
    expect(re2Problem(pattern)).toContain(reason)
  })
})
