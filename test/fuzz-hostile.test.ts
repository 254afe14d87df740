// Seeded fuzzing of what a pull request controls: policy files, scenario files and git trees,
// mutated with the constructs that broke reachdiff before (aliases, merge keys, YAML 1.1
// words, control characters, workflow commands, hostile regexes, huge numbers). Whatever the
// input, a command ends with 0, 1 or 2 and a message, never an internal error or a stack
// trace. The seed and the number of cases are fixed, so a failure reproduces.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reachdiff, REPO_ROOT } from './helpers/cli.js'
import { WEB_INTENT } from './helpers/scenarios.js'

const SEED_POLICY = readFileSync(
  join(REPO_ROOT, 'policies/examples/guide-deny-client/head/deny-client-to-web.yaml'),
  'utf8'
)
const SEED_L7 = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: l7, namespace: default, labels: {team: a}}
spec:
  endpointSelector: {matchLabels: {run: web}}
  ingress:
  - fromEndpoints: [{matchLabels: {run: client}}]
    toPorts:
    - ports: [{port: "80", protocol: TCP}]
      rules:
        http: [{method: GET, path: "/(a+)+"}]
  - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]
`
const SEED_SCENARIO = `${WEB_INTENT}  - {from: default/client, to: default/web, port: 80/TCP, http: "GET /${'a'.repeat(40)}!", verdict: deny}\n`

const TOKENS = [
  '&a ',
  '*a',
  '<<: *a\n',
  '<<: {x: 1}\n',
  ' on',
  ' yes',
  ' n',
  '{',
  ']',
  '- ',
  '\n- ',
  ': ',
  '\t',
  '\u001b[31m',
  '\u0007',
  '\n::add-mask::secret\n',
  '::warning::x',
  '##[error]x',
  '"\\n::stop-commands::t"',
  '!!binary ',
  '!!python/object ',
  '? ',
  '0x1F',
  '65536',
  '-1',
  '1e309',
  '"(a+)+$"',
  '"(?=x)"',
  '"\\\\1"',
  '__proto__',
  '\n---\n',
  '*',
  '0.0.0.0/0',
  '"::/0"',
  'except: [1.2.3.4/32, 5.6.7.8/32]',
  'ports: [{port: "1", endPort: 65535}]',
  '~',
  '%'
]

/** mulberry32: a small seeded generator, so every run mutates the same way. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function mutate(text: string, random: () => number): string {
  let out = text
  const edits = 1 + Math.floor(random() * 4)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1))
    const pick = random()
    if (pick < 0.45) out = out.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + out.slice(at)
    else if (pick < 0.65) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 12))
    else if (pick < 0.8) {
      const lines = out.split('\n')
      const line = Math.floor(random() * lines.length)
      lines.splice(line, 0, lines[line])
      out = lines.join('\n')
    } else if (pick < 0.9)
      out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 128)) + out.slice(at + 1)
    else out = out.replace(/"[^"\n]*"/, `"${TOKENS[Math.floor(random() * TOKENS.length)].replace(/"/g, '')}"`)
  }
  return out
}

/** A run ended as the CLI contract says: an exit code of 0, 1 or 2, and no internal error. */
function expectContained(run: { code: number; stdout: string; stderr: string }, input: string): void {
  const output = run.stdout + run.stderr
  const verdict = { code: run.code, internal: /internal error|\n\s+at \S+ \(/.test(output) }
  if (![0, 1, 2].includes(run.code) || verdict.internal) {
    // The input that broke it, for the failure message.
    expect({ ...verdict, input, output: output.slice(0, 2000) }).toEqual({ code: run.code, internal: false })
  }
  expect([0, 1, 2]).toContain(run.code)
  expect(verdict.internal).toBe(false)
  // No control character or runner command reaches the output raw.
  // eslint-disable-next-line no-control-regex
  expect(output).not.toMatch(/[\u0007\u001b]/)
  expect(output.split('\n').filter((line) => line.trimStart().startsWith('::'))).toEqual([])
}

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'reachdiff-fuzz-'))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('fuzzed input', () => {
  it('mutated policies: diff between directories', async () => {
    const random = generator(11)
    const scenario = join(work, 'scenario.yaml')
    writeFileSync(scenario, SEED_SCENARIO)
    for (let i = 0; i < 150; i++) {
      const base = join(work, `pb${i}`)
      const head = join(work, `ph${i}`)
      mkdirSync(base)
      mkdirSync(head)
      const policy = mutate(i % 2 === 0 ? SEED_POLICY : SEED_L7, random)
      writeFileSync(join(base, 'p.yaml'), SEED_POLICY)
      writeFileSync(join(head, 'p.yaml'), policy)
      const run = await reachdiff(['diff', '--base-dir', base, '--head-dir', head, '--scenario', scenario])
      expectContained(run, policy)
    }
  })

  it('mutated scenarios: check', async () => {
    const random = generator(23)
    for (let i = 0; i < 100; i++) {
      const file = join(work, `s${i}.yaml`)
      const text = mutate(SEED_SCENARIO, random)
      writeFileSync(file, text)
      expectContained(await reachdiff(['check', file]), text)
    }
  })

  it('mutated git trees: diff between revisions', async () => {
    const random = generator(37)
    const repo = join(work, 'repo')
    mkdirSync(join(repo, 'policies'), { recursive: true })
    const git = (args: string[], input?: string): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
        encoding: 'utf8',
        input
      }).trim()
    git(['init', '-q', '-b', 'main'])
    writeFileSync(join(repo, 'policies', 'p.yaml'), SEED_POLICY)
    git(['add', '-A'])
    git(['commit', '-q', '-m', 'base'])
    for (let i = 0; i < 6; i++) {
      const name = `policies/${mutate('n.yaml', random).replace(/[/\0]/g, '_') || 'x'}`
      writeFileSync(join(repo, 'policies', `f${i}.yaml`), mutate(SEED_L7, random))
      if (i % 3 === 0)
        symlinkSync(i % 2 ? '/etc/passwd' : '../../..', join(repo, 'policies', `link${i}.yaml`))
      git(['add', '-A'])
      git(['update-index', '-z', '--add', '--index-info'], `160000 ${'c'.repeat(40)}\t${name}\0`)
      git(['commit', '-q', '-m', `step ${i}`])
      const run = await reachdiff(
        ['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--policies', 'policies/**/*.yaml'],
        repo
      )
      expectContained(run, name)
    }
  })
})
