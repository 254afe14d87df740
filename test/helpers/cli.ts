// Runs the reachdiff command as a user would from a terminal, and keeps what it printed: either
// in-process (fast, for the many cases of one command) or as the built bundle `npx reachdiff`
// runs (dist/cli/index.js, which `npm run build` writes), for what only the real process shows.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')
export { CONFORMANCE } from './scenarios.js'

/** The bundle package.json's `bin` points at. */
export const BUILT_CLI = join(REPO_ROOT, 'dist', 'cli', 'index.js')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function reachdiff(argv: readonly string[], cwd = REPO_ROOT): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    color: false,
    cwd
  })
  return { code, stdout, stderr }
}

/** The built CLI in its own process, in `cwd`, without a terminal (so without colour). */
export function reachdiffBuilt(argv: readonly string[], cwd = REPO_ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}
