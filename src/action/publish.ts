// Everything the Action leaves behind: outputs, the job summary, annotations and the JSON
// report. The PR comment is separate (comment.ts): it can fail without the rest failing.
import { toLogText } from '../core/log-text.js'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import type { Diagnostic } from '../core/model.js'
import { formatDiagnostic } from '../core/model.js'
import { streamJsonReport } from '../core/report/json.js'
import { renderMarkdown } from '../core/report/markdown.js'
import type { Report } from '../core/report/report.js'
import { summarizeReport } from '../core/report/summary.js'

/** The job summary may be much longer than a comment (GitHub allows 1 MiB per step). */
// Characters, not bytes: marks are 3-4 bytes each, and the step summary allows 1 MiB.
const SUMMARY_LIMIT = 400_000

/** Written as a stream: a report of a million flows is hundreds of megabytes, never one string. */
export async function writeJsonReport(report: Report, directory: string, header: string): Promise<string> {
  const path = join(directory, `reachdiff-${header}.json`)
  const file = createWriteStream(path)
  const failed = once(file, 'error').then(([error]) => Promise.reject(error as Error))
  failed.catch(() => undefined) // raced below; an error after the last race must not go unhandled
  try {
    for (const chunk of streamJsonReport(report)) {
      if (!file.write(chunk)) await Promise.race([once(file, 'drain'), failed])
    }
    file.end()
    await Promise.race([once(file, 'finish'), failed])
  } finally {
    file.destroy()
  }
  return path
}

/** This workflow run's page, whose summary and artifacts hold what the comment leaves out. */
export function runUrl(): string | undefined {
  const { serverUrl, runId, repo } = github.context
  return runId ? `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}` : undefined
}

export function setOutputs(report: Report, reportPath: string, failed: boolean): void {
  const summary = summarizeReport(report)
  core.setOutput('opened', String(summary.opened))
  core.setOutput('closed', String(summary.closed))
  core.setOutput('violations', String(summary.violations))
  core.setOutput('disagreements', String(summary.disagreements))
  core.setOutput('flaky', String(summary.flaky))
  core.setOutput('report-json', reportPath)
  core.setOutput('result', failed ? 'failed' : 'passed')
}

export async function writeJobSummary(report: Report): Promise<void> {
  await core.summary
    .addRaw(
      renderMarkdown(report, {
        maxLength: SUMMARY_LIMIT,
        moreHint: 'the JSON report (the `report-json` output; upload it as an artifact) has every flow'
      })
    )
    .write()
}

/**
 * One annotation per warning or error of the head, at file:line, so problems show in the pull
 * request's files view. Notices stay in the summary; a base diagnostic's line numbers belong to
 * a file the pull request has changed, so annotating them would point at the wrong lines.
 */
export function annotate(diagnostics: readonly Diagnostic[]): void {
  const seen = new Set<string>()
  for (const d of diagnostics) {
    if (d.severity === 'notice' || d.revision === 'base') continue
    // @actions/core escapes newlines in annotations; control characters go through the funnel.
    const message = toLogText(formatDiagnostic(d))
    if (seen.has(message)) continue
    seen.add(message)
    const properties: core.AnnotationProperties = {
      title: `reachdiff: ${d.object ?? d.path ?? 'input'}`,
      ...(d.file ? { file: d.file } : {}),
      ...(d.line > 0 ? { startLine: d.line } : {}),
      ...(d.column > 0 ? { startColumn: d.column } : {})
    }
    if (d.severity === 'error') core.error(message, properties)
    else core.warning(message, properties)
  }
}
