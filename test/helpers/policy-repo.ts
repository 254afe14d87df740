// Generated policy repositories for the report's scale tests: a platform of teams, each with
// a few apps whose CiliumNetworkPolicies allow what calls them, under a cluster-wide baseline.
// Written to directories and read back with the real loader, so a report of them is what
// `reachdiff diff --base-dir --head-dir` would print.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { makeEngineOptions } from '../../src/core/options.js'
import { predictReport } from '../../src/core/predict.js'
import type { Report } from '../../src/core/report/report.js'
import { loadPoliciesFromDirectory } from '../../src/edge/policy-sources.js'

/** File path (relative to the policy directory) → YAML. */
export type PolicyFiles = Record<string, string>

const APPS = ['web', 'api', 'worker', 'db', 'cache'] as const
/** Who calls each app, and on which port. */
const CALLERS: Record<(typeof APPS)[number], { from: string; port: number }> = {
  web: { from: 'ingress-gw', port: 8080 },
  api: { from: 'web', port: 8443 },
  worker: { from: 'api', port: 9000 },
  db: { from: 'api', port: 5432 },
  cache: { from: 'worker', port: 6379 }
}

/** A CiliumNetworkPolicy that lets `from` reach `app` on one TCP port, in `namespace`. */
export function appPolicy(namespace: string, app: string, from: string, port: number): string {
  return `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata:
  name: allow-${from}-to-${app}
  namespace: ${namespace}
spec:
  endpointSelector:
    matchLabels:
      app: ${app}
  ingress:
    - fromEndpoints:
        - matchLabels:
            app: ${from}
      toPorts:
        - ports:
            - port: "${port}"
              protocol: TCP
`
}

/** Every pod may only be reached by the monitor: deleting it opens every pod no app policy selects. */
export const CLUSTER_LOCKDOWN = `apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata:
  name: cluster-lockdown
spec:
  endpointSelector: {}
  ingress:
    - fromEndpoints:
        - matchLabels:
            app: monitor
`

/** `teams` namespaces with one policy per app; with the baseline, 5 × teams - 1 + 1 files. */
export function platformPolicies(teams: number, apps = APPS.length): PolicyFiles {
  const files: PolicyFiles = { 'baseline/cluster-lockdown.yaml': CLUSTER_LOCKDOWN }
  for (let t = 0; t < teams; t++) {
    for (const app of APPS.slice(0, apps)) {
      const { from, port } = CALLERS[app]
      files[`team-${t}/${app}.yaml`] = appPolicy(`team-${t}`, app, from, port)
    }
  }
  return files
}

export function writePolicyFiles(dir: string, files: PolicyFiles): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

/** The report `reachdiff diff --base-dir --head-dir` computes for two generated directories. */
export async function diffPolicyFiles(base: PolicyFiles, head: PolicyFiles): Promise<Report> {
  const root = mkdtempSync(join(tmpdir(), 'reachdiff-repo-'))
  try {
    writePolicyFiles(join(root, 'base'), base)
    writePolicyFiles(join(root, 'head'), head)
    const options = makeEngineOptions()
    return predictReport({
      base: { label: 'main', loaded: await loadPoliciesFromDirectory(join(root, 'base'), options) },
      head: { label: 'pr', loaded: await loadPoliciesFromDirectory(join(root, 'head'), options) },
      options,
      toolVersion: '0.1.0'
    })
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
