// The Action's inputs and events: every input read and checked in one place, with messages
// that quote the value and the expected form; revisions taken from each event's payload.
import { describe, expect, it } from '@jest/globals'
import { resolveRevisions } from '../src/action/event.js'
import { parseInputs } from '../src/action/inputs.js'

const read =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? ''

describe('parseInputs', () => {
  it('falls back to the documented defaults', () => {
    expect(parseInputs(read({}))).toMatchObject({
      mode: 'cluster',
      policies: ['policies/**/*.yaml', 'policies/**/*.yml'],
      workloads: [],
      ciliumVersion: '1.18.12',
      failOn: 'violations',
      comment: true,
      commentHeader: 'reachdiff',
      keepCluster: false,
      probeTimeoutMs: 2000,
      probeRetries: 2,
      cluster: 'kind',
      allowExistingCluster: false
    })
  })

  it('leaves enforcement to the scenario unless the enforcement input names a mode', () => {
    expect(parseInputs(read({})).enforcement).toBeUndefined()
    expect(parseInputs(read({ enforcement: 'always' })).enforcement).toBe('always')
    expect(() => parseInputs(read({ enforcement: 'strict' }))).toThrow(
      'input enforcement must be one of default, always, never; got "strict"'
    )
  })

  it('reads globs one per line or comma-separated, and durations in s or ms', () => {
    const settings = parseInputs(read({ policies: 'a/*.yaml\nb/*.yaml, c/*.yml', 'probe-timeout': '1500ms' }))
    expect(settings.policies).toEqual(['a/*.yaml', 'b/*.yaml', 'c/*.yml'])
    expect(settings.probeTimeoutMs).toBe(1500)
    expect(parseInputs(read({ workloads: 'deploy/**/*.yaml,\napps/*.yml' })).workloads).toEqual([
      'deploy/**/*.yaml',
      'apps/*.yml'
    ])
  })

  it.each([
    ['mode', 'fast', 'input mode must be one of cluster, static; got "fast"'],
    ['fail-on', 'sometimes', 'input fail-on must be one of violations, changes, never; got "sometimes"'],
    ['comment', 'yes', 'input comment must be true or false; got "yes"'],
    ['probe-retries', '11', 'input probe-retries must be a whole number from 0 to 10; got "11"'],
    ['probe-timeout', '2 minutes', 'input probe-timeout must be a duration from 100ms to 60s'],
    ['cilium-version', '1.9.0', 'older than 1.15'],
    ['comment-header', 'a b', 'input comment-header must be 1-64 letters']
  ])('refuses %s: %s with a message that quotes it', (name, value, message) => {
    expect(() => parseInputs(read({ [name]: value }))).toThrow(message)
  })
})

describe('resolveRevisions', () => {
  const pullRequest = {
    pull_request: { number: 12, base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } }
  }

  it.each(['pull_request', 'pull_request_target'])('takes base and head SHAs from a %s payload', (event) => {
    expect(resolveRevisions(event, pullRequest, 'm'.repeat(40))).toEqual({
      base: 'b'.repeat(40),
      head: 'h'.repeat(40),
      pullRequest: 12,
      description: 'pull request #12'
    })
  })

  it('compares before with after on push, and has no base for a new branch', () => {
    expect(
      resolveRevisions('push', { before: 'a'.repeat(40), after: 'c'.repeat(40) }, 'c'.repeat(40))
    ).toMatchObject({
      base: 'a'.repeat(40),
      head: 'c'.repeat(40)
    })
    expect(
      resolveRevisions('push', { before: '0'.repeat(40), after: 'c'.repeat(40) }, 'c'.repeat(40)).base
    ).toBeUndefined()
  })

  it.each(['workflow_dispatch', 'schedule'])('checks only the head on %s', (event) => {
    expect(resolveRevisions(event, {}, 's'.repeat(40))).toEqual({ head: 's'.repeat(40), description: event })
  })

  it('refuses a pull_request payload without SHAs', () => {
    expect(() => resolveRevisions('pull_request', { pull_request: { number: 1 } }, 'x')).toThrow(
      'no base and head SHAs'
    )
  })
})
