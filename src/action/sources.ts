// The repository's content at the two revisions, read through git without a checkout, so a
// pull request's code is never run (safe under pull_request_target).
import type { Diagnostic } from '../core/model.js'
import { parseScenario } from '../core/scenario/parse.js'
import type { Scenario } from '../core/scenario/scenario.js'
import type { CommandRunner } from '../edge/command.js'
import { fileProblem } from '../edge/files.js'
import { readTextFilesAtCommit } from '../edge/git-files.js'
import { assertObjectId } from '../edge/git.js'
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
    // Only a full object id reaches `git fetch`: nothing from the payload can become an option.
    await runner.run('git', ['fetch', '--no-tags', '--depth=1', 'origin', assertObjectId(sha)], { cwd })
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
 * The revision whose scenario (the expectations that gate the pull request) is read. Under
 * `pull_request_target` the job holds a write token and its result gates the merge, so the
 * expectations come from the base branch: a pull request cannot rewrite the rules it is
 * checked against. Its policies are still read at the head, which is what is being reviewed.
 */
export function scenarioCommit(eventName: string, head: string, base: string | undefined): string {
  return eventName === 'pull_request_target' && base ? base : head
}

/** The scenario at a revision: the `scenario` input, or `reachdiff.yaml` at the root when the repository has one. */
export async function readScenarioAt(
  git: Git,
  commit: string,
  requested: string
): Promise<{ scenario?: Scenario; diagnostics: Diagnostic[] }> {
  const path = requested || 'reachdiff.yaml'
  const read = await readTextFilesAtCommit(git, commit, (candidate) => candidate === path)
  const file = read.files[0]
  if (file) return parseScenario(file.text, path)
  if (read.diagnostics.length > 0) return { diagnostics: read.diagnostics }
  if (!requested) return { diagnostics: [] }
  return {
    diagnostics: [
      fileProblem(path, `scenario file ${path} is not in the repository at ${commit.slice(0, 12)}`)
    ]
  }
}
