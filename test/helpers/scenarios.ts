// Scenario texts and the conformance corpus, which several suites share.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** The guide's intent for three pods in `default`: only client loses web. */
export const WEB_INTENT = `name: web-reachable
topology:
  namespaces: {default: {}}
  pods:
    - {name: web, namespace: default, labels: {run: web}, ports: [{port: 80, protocol: TCP}]}
    - {name: client, namespace: default, labels: {run: client}, ports: []}
    - {name: other, namespace: default, labels: {run: other}, ports: []}
expect:
  - {from: "*", to: "*", verdict: allow}
  - {from: default/client, to: default/web, verdict: deny}
`

/** The conformance corpus of this repository: one folder per suite, one YAML file per case. */
export const CONFORMANCE = join(import.meta.dirname, '..', '..', 'conformance')

/** Every suite folder under conformance/, so a new folder is picked up without editing a list. */
export function conformanceSuites(): string[] {
  return readdirSync(CONFORMANCE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}

/** Absolute paths of a suite's case files (or of every suite's), sorted. */
export function conformanceFiles(suite?: string): string[] {
  return (suite === undefined ? conformanceSuites() : [suite]).flatMap((name) =>
    readdirSync(join(CONFORMANCE, name))
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .map((file) => join(CONFORMANCE, name, file))
  )
}
