// Every input of action.yml, read and validated in one place into Settings. parseInputs is
// pure (tests feed it a map); getInputs is the only caller of core.getInput.
import * as core from '@actions/core'
import { FAIL_ON_VALUES } from '../core/gate.js'
import type { FailOn } from '../core/gate.js'
import { DEFAULT_POLICY_GLOBS } from '../core/glob.js'
import { DEFAULT_CILIUM_VERSION, parseCiliumVersion } from '../core/options.js'
import type { EnforcementMode } from '../core/options.js'

export interface Settings {
  /** `cluster`: kind + Cilium and probes beside the prediction; `static`: prediction only. */
  mode: 'cluster' | 'static'
  /** Globs of policy files, relative to the repository root. */
  policies: string[]
  /** Globs of workload manifests whose pods form the topology; empty: only those beside the policies. */
  workloads: string[]
  /** Scenario (topology and expectations); empty: `reachdiff.yaml` when the repository has one. */
  scenario: string
  ciliumVersion: string
  /** Cilium's policy-enforcement mode; undefined: the scenario's, otherwise `default`. */
  enforcement?: EnforcementMode
  /** Empty: the pinned kind release. */
  kindVersion: string
  /** Empty: the node image pinned for the kind release. */
  nodeImage: string
  failOn: FailOn
  comment: boolean
  /** Distinguishes the sticky comments of several jobs on one pull request. */
  commentHeader: string
  githubToken: string
  keepCluster: boolean
  /** Per-probe timeout in milliseconds. */
  probeTimeoutMs: number
  probeRetries: number
  /** `kind`: a new cluster for the run; `existing`: the current kubeconfig's cluster. */
  cluster: 'kind' | 'existing'
  allowExistingCluster: boolean
  allowClusterwidePolicies: boolean
}

export class InputError extends Error {}

type Read = (name: string) => string

function oneOf<T extends string>(read: Read, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(name).trim() || fallback
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`input ${name} must be one of ${allowed.join(', ')}; got "${value}"`)
  }
  return value as T
}

function bool(read: Read, name: string, fallback: boolean): boolean {
  const value = read(name).trim().toLowerCase()
  if (value === '') return fallback
  if (value === 'true') return true
  if (value === 'false') return false
  throw new InputError(`input ${name} must be true or false; got "${value}"`)
}

function integer(read: Read, name: string, fallback: number, min: number, max: number): number {
  const text = read(name).trim()
  if (text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`input ${name} must be a whole number from ${min} to ${max}; got "${text}"`)
  }
  return value
}

/** `2s`, `1500ms`, `2` (seconds) → milliseconds. */
function duration(read: Read, name: string, fallbackMs: number): number {
  const text = read(name).trim()
  if (text === '') return fallbackMs
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text)
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : 1000) : NaN
  if (!(ms >= 100 && ms <= 60_000)) {
    throw new InputError(
      `input ${name} must be a duration from 100ms to 60s, like 2s or 1500ms; got "${text}"`
    )
  }
  return Math.round(ms)
}

function globs(read: Read, name: string): string[] {
  return read(name)
    .split(/[\n,]/)
    .map((glob) => glob.trim())
    .filter(Boolean)
}

export function parseInputs(read: Read): Settings {
  const policies = globs(read, 'policies')
  const ciliumVersion = read('cilium-version').trim() || DEFAULT_CILIUM_VERSION
  const parsed = parseCiliumVersion(ciliumVersion)
  if ('error' in parsed) throw new InputError(`input cilium-version: ${parsed.error}`)
  const commentHeader = read('comment-header').trim() || 'reachdiff'
  if (!/^[\w.-]{1,64}$/.test(commentHeader)) {
    throw new InputError(
      `input comment-header must be 1-64 letters, digits, ".", "_" or "-"; got "${commentHeader}"`
    )
  }
  const enforcement = read('enforcement').trim()
  return {
    mode: oneOf(read, 'mode', ['cluster', 'static'], 'cluster'),
    policies: policies.length > 0 ? policies : [...DEFAULT_POLICY_GLOBS],
    workloads: globs(read, 'workloads'),
    scenario: read('scenario').trim(),
    ciliumVersion,
    ...(enforcement === ''
      ? {}
      : {
          enforcement: oneOf<EnforcementMode>(read, 'enforcement', ['default', 'always', 'never'], 'default')
        }),
    kindVersion: read('kind-version').trim(),
    nodeImage: read('node-image').trim(),
    failOn: oneOf(read, 'fail-on', FAIL_ON_VALUES, 'violations'),
    comment: bool(read, 'comment', true),
    commentHeader,
    githubToken: read('github-token').trim(),
    keepCluster: bool(read, 'keep-cluster', false),
    probeTimeoutMs: duration(read, 'probe-timeout', 2000),
    probeRetries: integer(read, 'probe-retries', 2, 0, 10),
    cluster: oneOf(read, 'cluster', ['kind', 'existing'], 'kind'),
    allowExistingCluster: bool(read, 'allow-existing-cluster', false),
    allowClusterwidePolicies: bool(read, 'allow-clusterwide-policies', false)
  }
}

export function getInputs(): Settings {
  return parseInputs((name) => core.getInput(name))
}
