// The Action's recipe: revisions from the event, policies read at both, prediction (and in
// cluster mode observation), then summary, annotations, outputs, JSON report, the sticky
// comment, and the check's verdict from fail-on. One catch turns any fault into a message.
import * as core from '@actions/core'
import * as github from '@actions/github'
import { hasInputErrors, isFailure } from '../core/gate.js'
import { describeUnmodelledVersion, makeEngineOptions } from '../core/options.js'
import type { EngineOptions } from '../core/options.js'
import type { Expectations } from '../core/observed.js'
import type { LoadedPolicies } from '../core/policy/document.js'
import { appliedSides, predictReport } from '../core/predict.js'
import type { Report } from '../core/report/report.js'
import { describeRevisions } from '../core/report/revisions.js'
import { createProcessRunner } from '../edge/command.js'
import type { CommandRunner } from '../edge/command.js'
import { createGit } from '../edge/git.js'
import { createPullRefs } from '../edge/github/pull-refs.js'
import { limitsFromEnvironment } from '../edge/work-limits.js'
import { loadPoliciesAtCommit } from '../edge/policy-sources.js'
import { loadWorkloadsAtRevision } from '../edge/topology-sources.js'
import { TOOL_VERSION } from '../version.js'
import { postComment } from './comment.js'
import { resolveComparison } from './comparison.js'
import type { Comparison } from './comparison.js'
import { resolveRevisions } from './event.js'
import { getInputs } from './inputs.js'
import { logInfo } from './log.js'
import { toLogText } from '../core/log-text.js'
import type { Settings } from './inputs.js'
import { ClusterRunError, observeInCluster, staticFallback } from './cluster.js'
import { annotate, setOutputs, writeJobSummary, writeJsonReport } from './publish.js'
import { ensureCommit, readScenarioAt, scenarioCommit } from './sources.js'

export async function run(): Promise<void> {
  try {
    const settings = getInputs()
    const prediction = await core.group('Predict reachability from the policies', () => predict(settings))
    let clusterFailure: ClusterRunError | undefined
    const report =
      settings.mode === 'cluster'
        ? await core.group('Observe reachability in a cluster with Cilium', () =>
            observeInCluster({ settings, ...prediction }).catch((error: unknown) => {
              // The comment still carries the prediction; the failure is said there and fails the step.
              if (!(error instanceof ClusterRunError)) throw error
              clusterFailure = error
              logInfo(error.message)
              return staticFallback(prediction.report, error)
            })
          )
        : prediction.report
    const failed =
      settings.failOn !== 'never' &&
      (clusterFailure !== undefined || isFailure(report, settings.failOn) || hasInputErrors(report))
    await core.group('Report', async () => {
      annotate(report.diagnostics)
      await writeJobSummary(report)
      const path = await writeJsonReport(report, process.env.RUNNER_TEMP ?? '.', settings.commentHeader)
      setOutputs(report, path, failed)
      logInfo(`JSON report: ${path}`)
    })
    if (settings.comment) await postComment(settings, report, prediction.comparison.pullRequest)
    if (failed && clusterFailure) {
      core.setFailed(
        `reachdiff: ${clusterFailure.message.split('\n')[0]} (the comment shows the static prediction)`
      )
    } else if (failed) core.setFailed(failureMessage(report))
  } catch (error) {
    // Long accounts (Cilium's logs after a failed setup, the flows a cluster blocked) go to
    // the log; the failure itself stays one line that says what failed.
    const [first, ...details] = toLogText(error instanceof Error ? error.message : String(error)).split('\n')
    if (details.length > 0) logInfo(details.join('\n'))
    core.setFailed(`reachdiff failed: ${first}${details.length > 0 ? ' (details in the log above)' : ''}`)
  }
}

interface Prediction {
  report: Report
  base?: LoadedPolicies
  head: LoadedPolicies
  options: EngineOptions
  runner: CommandRunner
  comparison: Comparison
  expectations: Expectations
}

async function predict(settings: Settings): Promise<Prediction> {
  const runner = createProcessRunner((line) => core.debug(line))
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const git = createGit(runner, cwd)
  const event = resolveRevisions(github.context.eventName, github.context.payload, github.context.sha)
  const comparison = await resolveComparison(event, {
    git,
    refs: createPullRefs(runner, cwd),
    ensureCommit: (sha) => ensureCommit(git, runner, cwd, sha)
  })
  if (comparison.revisions?.comparison === 'merge-base') core.notice(describeRevisions(comparison.revisions))
  else if (comparison.revisions) logInfo(describeRevisions(comparison.revisions))
  else logInfo(`${event.description}: head ${comparison.head}, nothing to compare with`)
  const headCommit = comparison.head
  const baseCommit = comparison.base
  const scenarioAt = scenarioCommit(github.context.eventName, headCommit, baseCommit)
  if (scenarioAt !== headCommit)
    logInfo(`pull_request_target: the scenario (expectations) is read from the base revision ${scenarioAt}`)
  const scenario = await readScenarioAt(git, scenarioAt, settings.scenario)
  const options = makeEngineOptions({
    limits: limitsFromEnvironment(),
    ciliumVersion: settings.ciliumVersion,
    enforcement: settings.enforcement ?? scenario.scenario?.enforcement,
    agent: scenario.scenario?.agent
  })
  const unmodelled = describeUnmodelledVersion(settings.ciliumVersion)
  if (unmodelled) core.warning(unmodelled)
  const load = (commit: string): Promise<LoadedPolicies> =>
    loadPoliciesAtCommit(git, commit, settings.policies, options)
  const base = baseCommit ? await load(baseCommit) : undefined
  const head = await load(headCommit)
  const sides = {
    base: base && baseCommit ? { label: baseCommit.slice(0, 12), loaded: base } : undefined,
    head: { label: headCommit.slice(0, 12), loaded: head }
  }
  const workloads =
    settings.workloads.length > 0
      ? await loadWorkloadsAtRevision(git, headCommit, settings.workloads, options)
      : undefined
  const report = predictReport({
    ...sides,
    workloads,
    scenario: scenario.scenario,
    options,
    toolVersion: TOOL_VERSION
  })
  report.revisions = comparison.revisions
  report.diagnostics.push(...scenario.diagnostics.filter((d) => d.severity !== 'notice'))
  // The cluster gets the objects the prediction evaluated: broken files keep base versions.
  const applied = appliedSides(sides)
  const expectations = { expect: scenario.scenario?.expect ?? [], file: scenario.scenario?.file ?? '' }
  return {
    report,
    base: applied.base?.loaded,
    head: applied.head.loaded,
    options,
    runner,
    comparison,
    expectations
  }
}

function failureMessage(report: Report): string {
  const parts: string[] = []
  if (report.violations.length > 0) parts.push(`${report.violations.length} expectation(s) violated`)
  const counts = report.diff?.counts
  if (counts && counts.opened + counts.closed > 0)
    parts.push(`${counts.closed} flow(s) closed, ${counts.opened} opened`)
  if (hasInputErrors(report)) parts.push('invalid policy or scenario input (see the annotations)')
  return `reachdiff: ${parts.join('; ') || 'check failed'}; see the job summary`
}
