// `reachdiff diff`: what a policy change does to reachability, predicted statically.
import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { FAIL_ON_VALUES, hasInputErrors, isFailure } from '../core/gate.js'
import type { FailOn } from '../core/gate.js'
import { DEFAULT_POLICY_GLOBS } from '../core/glob.js'
import type { EngineOptions } from '../core/options.js'
import { predictReport } from '../core/predict.js'
import type { PolicySide } from '../core/predict.js'
import { createProcessRunner } from '../edge/command.js'
import { createGit } from '../edge/git.js'
import type { Git } from '../edge/git.js'
import {
  loadPoliciesAtCommit,
  loadPoliciesFromDirectory,
  loadPoliciesFromWorkingTree
} from '../edge/policy-sources.js'
import { loadSnapshot, loadWorkloadPaths, loadWorkloadsAtRevision } from '../edge/topology-sources.js'
import { parseFormat, UsageError } from './io.js'
import type { CliIo } from './io.js'
import { renderReport } from './matrix-command.js'
import { engineOptionsFrom } from './cli-options.js'
import { loadScenarioOrFail, TOOL_VERSION } from './shared.js'

const DIFF_OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  'base-dir': { type: 'string' },
  'head-dir': { type: 'string' },
  policies: { type: 'string', multiple: true },
  scenario: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  verbose: { type: 'boolean' },
  'fail-on': { type: 'string' },
  'cilium-version': { type: 'string' },
  enforcement: { type: 'string' },
  workloads: { type: 'string', multiple: true },
  'topology-from': { type: 'string' }
} as const

export async function runDiff(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: DIFF_OPTIONS,
    allowPositionals: true
  })
  // `--policies a b c`: the words after --policies are more of its values.
  const policies = [...(values.policies ?? []), ...positionals]
  const format = parseFormat(values.format, ['text', 'json', 'markdown'])
  const failOn = parseFailOn(values['fail-on'])
  const usesDirs = values['base-dir'] !== undefined || values['head-dir'] !== undefined
  if (usesDirs && (!values['base-dir'] || !values['head-dir'])) {
    throw new UsageError('--base-dir and --head-dir go together')
  }
  if (usesDirs && (values.base || values.head))
    throw new UsageError('use either --base/--head or --base-dir/--head-dir')
  if (!usesDirs && !values.base)
    throw new UsageError('diff needs --base REF (git) or --base-dir DIR --head-dir DIR')

  const git = usesDirs ? undefined : await openRepository(io.cwd)
  // Between git revisions the repository's own reachdiff.yaml applies; two directories have no repository.
  const scenarioPath = values.scenario ?? (git ? await defaultScenario(git) : undefined)
  const scenario = scenarioPath ? await loadScenarioOrFail(scenarioPath, io) : undefined
  if (scenario === null) return 2
  const options = engineOptionsFrom(
    { ciliumVersion: values['cilium-version'], enforcement: values.enforcement },
    scenario,
    io
  )
  const globs = policies.length ? policies : DEFAULT_POLICY_GLOBS
  const [base, head] = git
    ? await gitSides(git, values.base!, values.head, globs, options)
    : await directorySides(values['base-dir']!, values['head-dir']!, options)

  // Workloads: globs over the head revision between git revisions, paths on disk otherwise.
  const workloads = values.workloads
    ? git
      ? await loadWorkloadsAtRevision(
          git,
          values.head && (await git.resolveCommit(values.head)),
          values.workloads,
          options
        )
      : await loadWorkloadPaths(values.workloads, options)
    : undefined
  const snapshot = values['topology-from'] ? await loadSnapshot(values['topology-from'], options) : undefined
  const report = predictReport({
    base,
    head,
    scenario,
    workloads,
    snapshot,
    options,
    toolVersion: TOOL_VERSION
  })
  const rendered = renderReport(report, format, io.color && !values.out, values.verbose === true)
  if (values.out) {
    await writeChunks(values.out, rendered)
    io.stderr(`reachdiff: report written to ${values.out}\n`)
  } else for (const chunk of rendered) io.stdout(chunk)
  if (hasInputErrors(report)) return 2
  return isFailure(report, failOn) ? 1 : 0
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const file = await open(path, 'w')
  try {
    for (const chunk of chunks) await file.write(chunk)
  } finally {
    await file.close()
  }
}

function parseFailOn(value: string | undefined): FailOn {
  const failOn = (value ?? 'violations') as FailOn
  if (!FAIL_ON_VALUES.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON_VALUES.join(', ')}; got "${value}"`)
  }
  return failOn
}

/** The git repository `cwd` is in; outside one, --base cannot mean anything. */
async function openRepository(cwd: string): Promise<Git> {
  const git = createGit(createProcessRunner(), cwd)
  try {
    await git.topLevel()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // git's own words ("fatal: not a git repository ...") say it best.
    const reason = message.includes('fatal:') ? message.slice(message.indexOf('fatal:')) : message
    throw new UsageError(
      `--base needs a git repository, and ${cwd} is not in one (${reason.trim()}); ` +
        'to compare two directories, use --base-dir DIR --head-dir DIR'
    )
  }
  return git
}

/** `reachdiff.yaml` at the repository root, when present. */
async function defaultScenario(git: Git): Promise<string | undefined> {
  const path = join(await git.topLevel(), 'reachdiff.yaml')
  return existsSync(path) ? path : undefined
}

async function gitSides(
  git: Git,
  baseRevision: string,
  headRevision: string | undefined,
  globs: readonly string[],
  options: EngineOptions
): Promise<[PolicySide, PolicySide]> {
  const baseCommit = await git.resolveCommit(baseRevision)
  const base = { label: baseRevision, loaded: await loadPoliciesAtCommit(git, baseCommit, globs, options) }
  if (headRevision === undefined) {
    return [base, { label: 'working tree', loaded: await loadPoliciesFromWorkingTree(git, globs, options) }]
  }
  const headCommit = await git.resolveCommit(headRevision)
  return [base, { label: headRevision, loaded: await loadPoliciesAtCommit(git, headCommit, globs, options) }]
}

async function directorySides(
  baseDir: string,
  headDir: string,
  options: EngineOptions
): Promise<[PolicySide, PolicySide]> {
  return [
    { label: baseDir, loaded: await loadPoliciesFromDirectory(baseDir, options) },
    { label: headDir, loaded: await loadPoliciesFromDirectory(headDir, options) }
  ]
}
