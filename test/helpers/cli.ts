// Runs the reachdiff command in-process, as a user would from a terminal, and keeps what it printed.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../src/cli/main.js'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')
/** The shared conformance cases beside the checkout; suites that need them skip without them. */
export const CONFORMANCE = join(REPO_ROOT, '..', 'shared', 'conformance')
export const HAS_CONFORMANCE = existsSync(CONFORMANCE)

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
