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
  const [base, head, merge] = ['b', 'c', 'd'].map((c) => c.repeat(40))
  const pullRequest = {
    pull_request: { number: 12, base: { ref: 'main', sha: base }, head: { ref: 'topic', sha: head } }
  }

  it('takes the pull request and, on pull_request, the test merge commit GITHUB_SHA', () => {
    expect(resolveRevisions('pull_request', pullRequest, merge)).toEqual({
      kind: 'pull-request',
      base,
      head,
      pullRequest: { number: 12, baseRef: 'main', baseSha: base, headSha: head, mergeSha: merge },
      description: 'pull request #12'
    })
  })

  it('has no merge commit yet on pull_request_target, where GITHUB_SHA is the base tip', () => {
    expect(resolveRevisions('pull_request_target', pullRequest, base).pullRequest?.mergeSha).toBeUndefined()
  })

  it('compares merge_group.base_sha with merge_group.head_sha', () => {
    const payload = {
      merge_group: { base_sha: base, head_sha: merge, base_ref: 'refs/heads/main', head_ref: 'refs/heads/q' }
    }
    expect(resolveRevisions('merge_group', payload, merge)).toEqual({
      kind: 'merge-group',
      base,
      head: merge,
      baseRef: 'main',
      headRef: 'q',
      description: 'merge queue'
    })
  })

  it('refuses a merge_group payload without SHAs', () => {
    expect(() => resolveRevisions('merge_group', { merge_group: { base_sha: base } }, merge)).toThrow(
      'no valid merge_group.head_sha SHA'
    )
  })

  it('compares before with after on push, and has no base for a new branch', () => {
    expect(resolveRevisions('push', { before: 'a'.repeat(40), after: head }, head)).toMatchObject({
      kind: 'push',
      base: 'a'.repeat(40),
      head
    })
    expect(resolveRevisions('push', { before: '0'.repeat(40), after: head }, head).base).toBeUndefined()
  })

  it.each(['workflow_dispatch', 'schedule'])('checks only the head on %s', (event) => {
    expect(resolveRevisions(event, {}, 's'.repeat(40))).toEqual({
      kind: 'head-only',
      head: 's'.repeat(40),
      description: event
    })
  })

  it('refuses a pull_request payload without SHAs', () => {
    expect(() => resolveRevisions('pull_request', { pull_request: { number: 1 } }, 'x')).toThrow(
      'no base and head SHAs'
    )
  })

  it('refuses SHAs that are not object names, before they reach git', () => {
    const payload = { pull_request: { number: 1, base: { sha: '--output=x' }, head: { sha: head } } }
    expect(() => resolveRevisions('pull_request', payload, head)).toThrow('no valid pull_request.base SHA')
  })
})
