// What a newcomer meets first, through the built command (dist/cli/index.js, as `npx reachdiff`
// runs it): help, mistakes in options, a repository's own reachdiff.yaml and policies/, globs,
// explain without a scenario, diff outside git, and Cilium versions past the modelled ones.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reachdiffBuilt as reachdiff } from './helpers/cli.js'

const COMMANDS = ['check', 'diff', 'matrix', 'explain']

/** A CNP: shop's web admits only the gateway. */
const WEB_POLICY = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: web-from-gateway, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress:
    - fromEndpoints: [{matchLabels: {app: gateway}}]
      toPorts: [{ports: [{port: "8080", protocol: TCP}]}]
`

const lastLine = (text: string): string => text.trim().split('\n').pop() ?? ''
const balanced = (text: string): boolean =>
  (text.match(/'/g) ?? []).length % 2 === 0 && (text.match(/"/g) ?? []).length % 2 === 0

interface Pod {
  namespace: string
  name: string
  labels: Record<string, string>
}

let repo: string
let web: string
let gateway: string
beforeAll(async () => {
  // A policy repository laid out as the README suggests, outside any git repository.
  repo = mkdtempSync(join(tmpdir(), 'reachdiff-usability-'))
  mkdirSync(join(repo, 'policies', 'shop'), { recursive: true })
  writeFileSync(join(repo, 'policies', 'shop', 'web.yaml'), WEB_POLICY)
  mkdirSync(join(repo, 'empty'))
  const run = await reachdiff(['matrix', '--policies', 'policies', '--format', 'json'], repo)
  expect(run.code).toBe(0)
  const pods = (JSON.parse(run.stdout) as { topology: { pods: Pod[] } }).topology.pods
  const key = (pod: Pod | undefined): string => `${pod!.namespace}/${pod!.name}`
  web = key(pods.find((pod) => pod.labels.app === 'web'))
  gateway = key(pods.find((pod) => pod.labels.app === 'gateway'))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('help', () => {
  it.each([['--help'], ['-h'], ['help']])('reachdiff %s lists the commands and exits 0', async (flag) => {
    const run = await reachdiff([flag])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^usage: reachdiff <command>/)
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command} `)
  })

  it.each(COMMANDS)('reachdiff %s --help prints that command’s usage and exits 0', async (command) => {
    for (const argv of [
      [command, '--help'],
      [command, '-h'],
      ['help', command]
    ]) {
      const run = await reachdiff(argv)
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`^usage: reachdiff ${command} `))
      expect(run.stderr).toBe('')
    }
  })

  it.each(COMMANDS)(
    'reachdiff %s --bogus names the option, shows the usage, and exits 2',
    async (command) => {
      const run = await reachdiff([command, '--bogus'])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`^reachdiff ${command}: unknown option --bogus\\n`))
      expect(run.stderr).toContain(`usage: reachdiff ${command} `)
      expect(balanced(run.stderr.split('\n')[0])).toBe(true)
      expect(run.stderr).not.toContain('internal error')
    }
  )
})

describe("check on a repository's own scenario", () => {
  const scenario = (expect: string, extra = ''): string => `name: shop-intent\n${extra}expect:\n${expect}`

  it('judges reachdiff.yaml against policies/** by default, on the generated topology', async () => {
    writeFileSync(
      join(repo, 'reachdiff.yaml'),
      scenario(`  - {from: "${gateway}", to: "${web}", port: 8080, protocol: TCP, verdict: allow}\n`)
    )
    const run = await reachdiff(['check'], repo)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('no topology given; used the one generated from the policies')
    // A partial scenario: the flows it does not mention are counted, not failed.
    expect(run.stdout).toMatch(/reachdiff\.yaml \(shop-intent\): \d+ of \d+ flows match no expect entry/)
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed, 0 skipped')
  })

  it('fails (exit 1) when the policies break an expectation, and names the flow', async () => {
    const file = join(repo, 'wrong.yaml')
    writeFileSync(
      file,
      scenario(`  - {from: "*", to: "${web}", port: 8080, protocol: TCP, verdict: allow}\n`)
    )
    const run = await reachdiff(['check', '--policies', 'policies/**/*.yaml', file], repo)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`-> ${web} TCP/8080: expected allow, predicted deny`)
    expect(lastLine(run.stdout)).toBe('0 passed, 1 failed, 0 skipped')
  })

  it('takes several policy globs, the last word being the scenario', async () => {
    const run = await reachdiff(
      ['check', '--policies', 'policies/shop/*.yaml', 'policies/shop/web.yaml', 'reachdiff.yaml'],
      repo
    )
    expect(lastLine(run.stdout)).toBe('1 passed, 0 failed, 0 skipped')
    expect(run.code).toBe(0)
  })

  it('refuses a --policies glob that matches nothing (exit 2)', async () => {
    const run = await reachdiff(['check', '--policies', 'nowhere/*.yaml', 'reachdiff.yaml'], repo)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--policies nowhere/*.yaml matches no policy file')
  })

  it('counts an invalid scenario in the closing line, and says a bad verdict once', async () => {
    const bad = join(repo, 'bad-verdict.yaml')
    writeFileSync(bad, scenario(`  - {from: "*", to: "*", verdict: maybe}\n`))
    const run = await reachdiff(['check', '--policies', 'policies', bad], repo)
    expect(run.code).toBe(2)
    expect(run.stdout.match(/maybe/g)).toHaveLength(1)
    expect(run.stdout).toContain('unknown verdict (got maybe); expected allow or deny')
    expect(lastLine(run.stdout)).toBe('0 passed, 0 failed, 0 skipped, 1 invalid')
  })

  it('with complete: true, a flow without an expectation makes the scenario invalid', async () => {
    const file = join(repo, 'complete.yaml')
    writeFileSync(
      file,
      scenario(`  - {from: "${gateway}", to: "${web}", verdict: allow}\n`, 'complete: true\n')
    )
    const run = await reachdiff(['check', '--policies', 'policies', file], repo)
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('no entry matches the flow')
    expect(lastLine(run.stdout)).toBe('0 passed, 0 failed, 0 skipped, 1 invalid')
  })

  it('says where to put a scenario when there is none (exit 2)', async () => {
    const run = await reachdiff(['check'], join(repo, 'empty'))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('check needs a scenario FILE or DIR; there is no reachdiff.yaml in')
  })
})

describe('matrix --policies', () => {
  it('accepts globs as diff does', async () => {
    const run = await reachdiff(['matrix', '--policies', 'policies/**/*.yaml', '--format', 'json'], repo)
    expect(run.code).toBe(0)
    expect(
      (JSON.parse(run.stdout) as { revisions: { head: { policyCount: number } } }).revisions.head.policyCount
    ).toBe(1)
  })

  it.each([['nowhere/**/*.yaml'], ['empty'], ['missing.yaml']])(
    'refuses %s, which matches no policy file, instead of an empty matrix (exit 2)',
    async (path) => {
      const run = await reachdiff(['matrix', '--policies', path], repo)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(`--policies ${path} matches no policy file`)
      expect(run.stdout).toBe('')
    }
  )
})

describe('explain without --scenario', () => {
  it('explains a flow of the generated topology, with pods named as the report names them', async () => {
    const run = await reachdiff(['explain', '--from', gateway, '--to', web, '--port', '8080/TCP'], repo)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${gateway} -> ${web} TCP/8080: ALLOW`)
    expect(run.stdout).toContain('CiliumNetworkPolicy shop/web-from-gateway')
  })

  it('lists the pods it has when --from names none of them (exit 2)', async () => {
    const run = await reachdiff(['explain', '--from', 'shop/nobody', '--to', web], repo)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('shop/nobody is not a pod or external endpoint of the topology generated')
    expect(run.stderr).toContain(gateway)
  })
})

describe('diff --base outside a git repository', () => {
  it('is a usage error with a way out, not an internal error (exit 2)', async () => {
    const run = await reachdiff(['diff', '--base', 'main'], repo)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--base needs a git repository')
    expect(run.stderr).toContain('not a git repository')
    expect(run.stderr).toContain('--base-dir DIR --head-dir DIR')
    expect(run.stderr).not.toContain('internal error')
  })
})

describe('--cilium-version', () => {
  it('warns which semantics judge a version newer than the modelled ones', async () => {
    const run = await reachdiff(['matrix', '--policies', 'policies', '--cilium-version', '1.20.1'], repo)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('Cilium 1.20.1 is newer than the versions reachdiff models')
    expect(run.stderr).toContain('judged with the Cilium 1.19 semantics')
  })

  it('stays quiet for a modelled version', async () => {
    const run = await reachdiff(['check', '--cilium-version', '1.16.3', 'reachdiff.yaml'], repo)
    expect(run.stderr).toBe('')
  })
})
