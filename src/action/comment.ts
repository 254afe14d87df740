// The sticky pull-request comment. A comment that cannot be written is a warning, never a
// failure: the job summary carries the full report and the check still follows fail-on.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { renderMarkdown } from '../core/report/markdown.js'
import type { Report } from '../core/report/report.js'
import { httpStatusOf, stickyMarker, upsertStickyComment } from '../edge/github/sticky-comment.js'
import type { Settings } from './inputs.js'
import { runUrl } from './publish.js'

export const FORBIDDEN_HINT =
  'The token cannot write to this pull request (HTTP 403). On pull requests from forks, the ' +
  'GITHUB_TOKEN of a `pull_request` workflow is read-only. Either run reachdiff on ' +
  '`pull_request_target` (safe: it reads policy files with git and never runs code from the ' +
  'pull request) or give the job `permissions: pull-requests: write`. The job summary has the full report.'

export async function postComment(settings: Settings, report: Report): Promise<void> {
  const pullRequest = (github.context.payload.pull_request as { number?: unknown } | undefined)?.number
  if (typeof pullRequest !== 'number') {
    core.info('Not a pull request: no comment to write')
    return
  }
  if (!settings.githubToken) {
    core.warning('No github-token: the pull-request comment is skipped. The job summary has the full report.')
    return
  }
  const target = { ...github.context.repo, pullRequest, header: settings.commentHeader }
  const body = renderMarkdown(report, { marker: stickyMarker(settings.commentHeader), runUrl: runUrl() })
  try {
    const octokit = github.getOctokit(settings.githubToken)
    const outcome = await upsertStickyComment(octokit, target, body)
    core.info(`Pull-request comment ${outcome.id}: ${outcome.action}`)
  } catch (error) {
    if (httpStatusOf(error) === 403) core.warning(FORBIDDEN_HINT)
    else
      core.warning(
        `Could not write the pull-request comment: ${error instanceof Error ? error.message : String(error)}`
      )
  }
}
