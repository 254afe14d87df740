// The repository's content at the two revisions, read through git without a checkout, so a
// pull request's code is never run (safe under pull_request_target).
import type { Diagnostic } from '../core/model.js'
import { parseScenario } from '../core/scenario/parse.js'
import type { Scenario } from '../core/scenario/scenario.js'
import type { CommandRunner } from '../edge/command.js'
import { fileProblem, isDiagnostic } from '../edge/files.js'
import { readFileAtCommit } from '../edge/policy-sources.js'
import type { Git } from '../edge/git.js'

/** The commit, fetched from origin when the checkout is too shallow to have it. */
export async function ensureCommit(
  git: Git,
  runner: CommandRunner,
  cwd: string,
  sha: string
): Promise<string> {
  try {
    return await git.resolveCommit(sha)
  } catch {
    await runner.run('git', ['fetch', '--no-tags', '--depth=1', 'origin', sha], { cwd })
  }
  try {
    return await git.resolveCommit(sha)
  } catch {
    throw new Error(
      `commit ${sha} is not in the checkout and could not be fetched. ` +
        'Check out the repository with actions/checkout and `fetch-depth: 0` so that reachdiff can read the base revision.'
    )
  }
}

/**
 * The scenario at the head revision: the `scenario` input, or `reachdiff.yaml` at the root
 * when the repository has one.
 */
export async function readScenarioAt(
  git: Git,
  commit: string,
  requested: string
): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[] }> {
  const path = requested || 'reachdiff.yaml'
  if (!(await git.listFiles(commit)).includes(path)) {
    if (!requested) return { diagnostics: [] }
    return {
      diagnostics: [
        fileProblem(path, `scenario file ${path} is not in the repository at ${commit.slice(0, 12)}`)
      ]
    }
  }
  const read = await readFileAtCommit(git, commit, path)
  return isDiagnostic(read) ? { diagnostics: [read] } : parseScenario(read.text, path)
}
