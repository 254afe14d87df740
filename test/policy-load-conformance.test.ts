// Every policy in the conformance cases is one a real cluster accepted (or, for the
// `invalid-policy` case, refused on purpose), so the loader must not invent errors in them.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { loadPolicyText } from '../src/core/policy/load.js'
import { AGENT_FLAG_NAMES, makeEngineOptions } from '../src/core/options.js'
import type { AgentSettings } from '../src/core/options.js'

const CORPUS = fileURLToPath(new URL('../conformance/', import.meta.url))
const INVALID_CASE = 'cilium/spec-invalid-policies-ignored.yaml'

function caseFiles(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(`${CORPUS}${dir.name}`)
        .filter((name) => name.endsWith('.yaml'))
        .map((name) => `${dir.name}/${name}`)
    )
    .sort()
}

interface CaseFile {
  policies?: string
  agent?: Record<string, unknown>
}

function agentOf(flags: Record<string, unknown> = {}): Partial<AgentSettings> {
  const agent: Record<string, unknown> = {}
  for (const [flag, value] of Object.entries(flags)) {
    if (Object.hasOwn(AGENT_FLAG_NAMES, flag)) agent[AGENT_FLAG_NAMES[flag]] = value
  }
  return agent
}

function loadCase(relative: string): ReturnType<typeof loadPolicyText> {
  const parsed = load(readFileSync(`${CORPUS}${relative}`, 'utf8')) as CaseFile
  const options = makeEngineOptions({ agent: agentOf(parsed.agent) })
  return loadPolicyText(parsed.policies ?? '', relative, options)
}

const files = caseFiles()

describe('the conformance cases load cleanly', () => {
  it('covers every suite folder', () => {
    expect(new Set(files.map((file) => file.split('/')[0]))).toEqual(new Set(['cilium', 'k8s-e2e', 'world']))
  })

  it.each(files.filter((file) => file !== INVALID_CASE))('%s has no error diagnostics', (file) => {
    const loaded = loadCase(file)
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(loaded.policies.every((policy) => policy.valid)).toBe(true)
  })

  it('spec-invalid-policies-ignored gives exactly its two refused CiliumNetworkPolicies', () => {
    const loaded = loadCase(INVALID_CASE)
    const invalid = loaded.policies.filter((policy) => !policy.valid).map((policy) => policy.ref.name)
    expect(invalid.sort()).toEqual(['invoice-get-only', 'ledger-from-clients'])
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => d.object).sort()).toEqual([
      'CiliumNetworkPolicy billing/invoice-get-only',
      'CiliumNetworkPolicy billing/ledger-from-clients'
    ])
    expect(errors.map((d) => d.message).join('\n')).toMatch(/icmps block may only be present without toPorts/)
    expect(errors.map((d) => d.message).join('\n')).toMatch(/L7 rules can only apply to TCP/)
  })
})
