// The sticky pull-request comment. A comment that cannot be written is a warning, never a
// failure: the job summary carries the full report and the check still follows fail-on.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { renderMarkdown } from '../core/report/markdown.js'
import type { Report } from '../core/report/report.js'
import { httpStatusOf, stickyMarker, upsertStickyComment } from '../edge/github/sticky-comment.js'
import type { Settings } from './inputs.js'
import { logInfo } from './log.js'
import { runUrl } from './publish.js'

export const FORBIDDEN_HINT =
  'The token cannot write to this pull request (HTTP 403). On pull requests from forks, the ' +
  'GITHUB_TOKEN of a `pull_request` workflow is read-only. Either run reachdiff on ' +
  '`pull_request_target` (safe: it reads policy files with git and never runs code from the ' +
  'pull request) or give the job `permissions: pull-requests: write`. The job summary has the full report.'

/** `pullRequest` is absent on events without one (merge_group, push): nothing to comment on. */
export async function postComment(
  settings: Settings,
  report: Report,
  pullRequest: { number: number; headSha: string } | undefined
): Promise<void> {
  if (!pullRequest) {
    logInfo('Not a pull request: no comment to write')
    return
  }
  if (!settings.githubToken) {
    core.warning('No github-token: the pull-request comment is skipped. The job summary has the full report.')
    return
  }
  const target = { ...github.context.repo, pullRequest: pullRequest.number, header: settings.commentHeader }
  // The comment's own budget (15,000 characters) leaves GitHub's limit room for the run stamp.
  const body = renderMarkdown(report, { marker: stickyMarker(settings.commentHeader), runUrl: runUrl() })
  // Outside a runner (GITHUB_RUN_ID unset) there is no run to order by: no stamp.
  const { runId, runAttempt } = github.context
  const stamp = Number.isSafeInteger(runId)
    ? { headSha: pullRequest.headSha, runId, runAttempt: Number.isSafeInteger(runAttempt) ? runAttempt : 1 }
    : undefined
  try {
    const octokit = github.getOctokit(settings.githubToken)
    const outcome = await upsertStickyComment(octokit, target, body, stamp)
    if (outcome.action === 'skipped')
      logInfo(
        `Pull-request comment ${outcome.id} left alone: run ${outcome.newer.runId} (attempt ${outcome.newer.runAttempt}) ` +
          `already wrote it for head ${outcome.newer.headSha.slice(0, 12)}, newer than this run ${runId} for ${pullRequest.headSha.slice(0, 12)}`
      )
    else logInfo(`Pull-request comment ${outcome.id}: ${outcome.action}`)
  } catch (error) {
    if (httpStatusOf(error) === 403) core.warning(FORBIDDEN_HINT)
    else
      core.warning(
        `Could not write the pull-request comment: ${error instanceof Error ? error.message : String(error)}`
      )
  }
}
