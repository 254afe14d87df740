// `reachdiff explain --from NS/POD --to NS/POD [--port 80/TCP] [--policies PATH|GLOB...]
// [--scenario FILE]`: one flow, both sides, every rule that mattered. Without a scenario the flow
// runs in the topology generated from the policies, whose pods the reports name the same way.
import { parseArgs } from 'node:util'
import { createEngine } from '../core/engine/engine.js'
import { explainFlow, renderExplanation } from '../core/engine/explain.js'
import type { Flow, Protocol } from '../core/model.js'
import { formatDiagnostic, podKey, PROTOCOLS, worldKey } from '../core/model.js'
import { mergeLoadedPolicies } from '../core/policy/document.js'
import { loadPolicyText } from '../core/policy/load.js'
import { normalizePolicies } from '../core/policy/normalize.js'
import { generateTopology } from '../core/topology/generate.js'
import { parseFormat, UsageError } from './io.js'
import type { CliIo } from './io.js'
import { engineOptionsFrom } from './cli-options.js'
import { loadPolicyArguments } from './policy-paths.js'
import { loadScenarioOrFail } from './shared.js'

/** How many endpoint names an unknown --from/--to lists, so the message stays readable. */
const NAMES_SHOWN = 12

export async function runExplain(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      policies: { type: 'string', multiple: true },
      scenario: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      port: { type: 'string' },
      http: { type: 'string' },
      format: { type: 'string' },
      'cilium-version': { type: 'string' },
      enforcement: { type: 'string' }
    }
  })
  // `--policies a b c`: the words after --policies are more of its values.
  const policies = [...(values.policies ?? []), ...positionals]
  const format = parseFormat(values.format, ['text', 'json'])
  if (!values.from || !values.to)
    throw new UsageError('explain needs --from NS/POD and --to NS/POD (or world/NAME)')
  const scenario = values.scenario ? await loadScenarioOrFail(values.scenario, io) : undefined
  if (scenario === null) return 2
  const options = engineOptionsFrom(
    { ciliumVersion: values['cilium-version'], enforcement: values.enforcement },
    scenario,
    io
  )
  // A scenario without --policies explains its own policies; otherwise the policy files
  // (--policies, or the repository's policies/**).
  const loaded =
    scenario && !policies.length
      ? mergeLoadedPolicies([
          loadPolicyText(scenario.policiesText, scenario.file, options, scenario.policiesOrigin)
        ])
      : await loadPolicyArguments(policies, io.cwd, options)
  for (const d of loaded.diagnostics.filter((d) => d.severity !== 'notice'))
    io.stderr(formatDiagnostic(d) + '\n')
  const rules = normalizePolicies(loaded, options)
  const topology = scenario?.topology ?? generateTopology([rules], options, loaded.namespaces ?? [])
  const where = scenario?.topology ? values.scenario : 'the topology generated from the policies'
  const engine = createEngine(rules, topology, options)
  const flow = {
    from: values.from,
    to: values.to,
    ...parsePort(values.port ?? '80/TCP'),
    ...parseHttp(values.http)
  }
  for (const key of [flow.from, flow.to]) {
    if (!engine.identities.byKey.has(key)) {
      const names = [...topology.pods.map(podKey), ...topology.external.map((e) => worldKey(e.name))]
      const shown = names.slice(0, NAMES_SHOWN).join(', ') + (names.length > NAMES_SHOWN ? ', ...' : '')
      throw new UsageError(`${key} is not a pod or external endpoint of ${where}; it has ${shown}`)
    }
  }
  const explanation = explainFlow(engine, flow)
  io.stdout(format === 'json' ? JSON.stringify(explanation, null, 2) + '\n' : renderExplanation(explanation))
  return loaded.diagnostics.some((d) => d.severity === 'error') ? 2 : 0
}

/** `80/TCP`, `TCP/80`, `53/UDP`, `ICMP`. */
export function parsePort(text: string): Pick<Flow, 'protocol' | 'port'> {
  const parts = text.toUpperCase().split('/')
  const protocol = parts.find((p) => (PROTOCOLS as readonly string[]).includes(p)) as Protocol | undefined
  const portText = parts.find((p) => /^\d+$/.test(p))
  if (protocol === 'ICMP' && parts.length === 1) return { protocol }
  const port = Number(portText)
  if (!protocol || portText === undefined || parts.length !== 2 || port < 1 || port > 65535) {
    throw new UsageError(`--port must look like 80/TCP, 53/UDP or ICMP; got "${text}"`)
  }
  return { protocol, port }
}

/** `GET /public` */
function parseHttp(text: string | undefined): Pick<Flow, 'http'> {
  if (text === undefined) return {}
  const match = /^([A-Z]+)\s+(\/\S*)$/.exec(text.trim())
  if (!match) throw new UsageError(`--http must look like "GET /path"; got "${text}"`)
  return { http: { method: match[1], path: match[2] } }
}
