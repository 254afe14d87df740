// Everything the Action leaves behind: outputs, the job summary, annotations and the JSON
// report. The PR comment is separate (comment.ts): it can fail without the rest failing.
import { toLogText } from '../core/log-text.js'
import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnostic } from '../core/model.js'
import { formatDiagnostic } from '../core/model.js'
import { renderJson } from '../core/report/json.js'
import { renderMarkdown } from '../core/report/markdown.js'
import type { Report } from '../core/report/report.js'
import { summarizeReport } from '../core/report/summary.js'

/** The job summary may be much longer than a comment (GitHub allows 1 MiB per step). */
// Characters, not bytes: marks are 3-4 bytes each, and the step summary allows 1 MiB.
const SUMMARY_LIMIT = 400_000

export async function writeJsonReport(report: Report, directory: string, header: string): Promise<string> {
  const path = join(directory, `reachdiff-${header}.json`)
  await writeFile(path, renderJson(report))
  return path
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
      renderMarkdown(report, { maxLength: SUMMARY_LIMIT, truncationHint: 'the JSON report has everything' })
    )
    .write()
}

/** One annotation per diagnostic, at file:line, so problems show in the pull request's files view. */
export function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const properties: core.AnnotationProperties = {
      title: `reachdiff: ${d.object ?? d.path ?? 'input'}`,
      ...(d.file ? { file: d.file } : {}),
      ...(d.line > 0 ? { startLine: d.line } : {}),
      ...(d.column > 0 ? { startColumn: d.column } : {})
    }
    // @actions/core escapes newlines in annotations; control characters go through the funnel.
    const message = toLogText(formatDiagnostic(d))
    if (d.severity === 'error') core.error(message, properties)
    else if (d.severity === 'warning') core.warning(message, properties)
    else core.notice(message, properties)
  }
}
