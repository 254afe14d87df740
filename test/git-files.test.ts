// A pull request shapes the tree reachdiff reads: gitlinks, symlinks and thousands of files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeEngineOptions } from '../src/core/options.js'
import { createProcessRunner } from '../src/edge/command.js'
import type { CommandRunner } from '../src/edge/command.js'
import { readTextFilesAtCommit } from '../src/edge/git-files.js'
import { createGit } from '../src/edge/git.js'
import { loadPoliciesAtCommit, loadPoliciesFromWorkingTree } from '../src/edge/policy-sources.js'

const HOSTILE_NAME = 'policies/x\n::warning title=INJECTED::pwned\n::add-mask::MASKED\n.yaml'
const POLICY = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: p, namespace: default}
spec:
  endpointSelector: {matchLabels: {app: web}}
  ingress: [{}]
`
let repo: string
let commit: string

function git(args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
    input
  }).trim()
}

/** Counts the git processes a read needs. */
function countingRunner(): { runner: CommandRunner; calls: string[][] } {
  const real = createProcessRunner()
  const calls: string[][] = []
  return {
    calls,
    runner: {
      run: (command, args, options) => (calls.push([command, ...args]), real.run(command, args, options)),
      start: (command, args, options) => (calls.push([command, ...args]), real.start(command, args, options))
    }
  }
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'reachdiff-tree-'))
  git(['init', '-q', '-b', 'main'])
  mkdirSync(join(repo, 'policies', 'many'), { recursive: true })
  writeFileSync(join(repo, 'policies', 'ok.yaml'), POLICY)
  for (let i = 0; i < 3000; i++) writeFileSync(join(repo, 'policies', 'many', `p${i}.yaml`), `# ${i}\n`)
  symlinkSync('/etc/passwd', join(repo, 'policies', 'passwd.yaml'))
  git(['add', '-A'])
  // A gitlink (submodule entry) whose name carries newlines and workflow commands.
  git(['update-index', '-z', '--add', '--index-info'], `160000 ${'a'.repeat(40)}\t${HOSTILE_NAME}\0`)
  git(['commit', '-q', '-m', 'hostile tree'])
  commit = git(['rev-parse', 'HEAD'])
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

describe('reading a commit', () => {
  it('skips a gitlink and a symlink with a notice, never reading through them', async () => {
    const read = await readTextFilesAtCommit(createGit(createProcessRunner(), repo), commit, (path) =>
      /^policies\/[^/]*$/.test(path)
    )
    expect(read.files.map((file) => file.path)).toEqual(['policies/ok.yaml'])
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'notice',
        file: 'policies/passwd.yaml',
        message: expect.stringContaining('a symbolic link')
      }),
      expect.objectContaining({
        severity: 'notice',
        file: HOSTILE_NAME,
        message: expect.stringContaining('a submodule (gitlink)')
      })
    ])
    // The message puts the name on one line: no line of it can start a workflow command.
    const message = read.diagnostics[1].message
    expect(message).not.toContain('\n')
    expect(message).toContain('x\\n::warning title=INJECTED')
    expect(read.diagnostics.map((d) => d.message).join('\n')).not.toContain('root:')
  })

  it('reads 3,000 files with two git processes', async () => {
    const { runner, calls } = countingRunner()
    const loaded = await loadPoliciesAtCommit(
      createGit(runner, repo),
      commit,
      ['policies/**'],
      makeEngineOptions()
    )
    expect(loaded.policies).toHaveLength(1)
    expect(calls.map((call) => call.slice(0, 3).join(' '))).toEqual([
      'git ls-tree -r',
      'git cat-file --batch'
    ])
  })

  it('stops at the total bytes one revision may bring, naming the limit', async () => {
    const read = await readTextFilesAtCommit(
      createGit(createProcessRunner(), repo),
      commit,
      (path) => path.startsWith('policies/many/'),
      { 'input-bytes-total': 100 }
    )
    expect(read.files.length).toBeLessThan(30)
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringContaining('limit input-bytes-total'),
        expected: expect.stringContaining('REACHDIFF_LIMITS="input-bytes-total=200"')
      })
    ])
  })

  it('refuses a revision that would be an option', async () => {
    const git = createGit(createProcessRunner(), repo)
    await expect(git.resolveCommit('--output=/tmp/x')).rejects.toThrow('is not available')
    await expect(git.listTree('--output=/tmp/x')).rejects.toThrow('not a git object id')
    await expect(git.readBlobs(['HEAD'])).rejects.toThrow('not a git object id')
  })
})

describe('reading the working tree', () => {
  it('does not follow a symlink to a file outside the repository', async () => {
    const loaded = await loadPoliciesFromWorkingTree(
      createGit(createProcessRunner(), repo),
      ['policies/*.yaml'],
      makeEngineOptions()
    )
    const passwd = loaded.diagnostics.filter((d) => d.file === 'policies/passwd.yaml')
    expect(passwd).toEqual([
      expect.objectContaining({ severity: 'notice', message: expect.stringContaining('symbolic link') })
    ])
    expect(loaded.diagnostics.map((d) => `${d.message} ${d.value ?? ''}`).join('\n')).not.toContain('root:')
  })
})
