// Reads one scenario file (docs/scenario-format.md) into a Scenario, reporting every problem
// with its line and column instead of stopping at the first. A scenario comes back only when
// nothing is an error: a runner must never judge a policy engine against a misread case.
import type { Diagnostic } from '../model.js'
import type { AgentSettings, EnforcementMode } from '../options.js'
import { AGENT_FLAG_NAMES } from '../options.js'
import { parseYamlDocuments } from '../yaml-source.js'
import type { FieldPath, YamlDocument } from '../yaml-source.js'
import { parseExpectEntries } from './expectations.js'
import { FieldChecker, isRecord, readOptionalString, readRequiredString, warnUnknownKeys } from './fields.js'
import { readTopology } from './parse-topology.js'
import type { Scenario } from './scenario.js'

const TOP_LEVEL_KEYS = [
  'name',
  'source',
  'description',
  'tags',
  'complete',
  'enforcement',
  'agent',
  'topology',
  'policies',
  'expect'
] as const
const ENFORCEMENT_MODES: readonly EnforcementMode[] = ['default', 'always', 'never']
const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/
const CIDR_MATCH_MODES = ['', 'nodes']

export function parseScenario(
  text: string,
  file: string
): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  const parsed = parseYamlDocuments(text, file)
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics }
  const [document, ...extra] = parsed.documents
  const whole = { file, line: 0, column: 0, path: '' }
  if (!document) {
    return { diagnostics: [{ severity: 'error', ...whole, message: 'the scenario file is empty' }] }
  }
  const c = new FieldChecker(file, document)
  if (extra.length > 0) {
    c.diagnostics.push({
      severity: 'error',
      ...whole,
      ...extra[0].position,
      message: `a scenario file holds one YAML document, found ${parsed.documents.length}`,
      expected: 'no "---" between top-level fields; policies go inside "policies: |"'
    })
  }
  if (!isRecord(document.value)) {
    c.error([], 'a scenario must be a map', {
      value: document.value,
      expected: '{name, topology, policies, expect}'
    })
    return { diagnostics: c.diagnostics }
  }
  const scenario = readScenario(c, document, document.value, text)
  return c.hasErrors() ? { diagnostics: c.diagnostics } : { scenario, diagnostics: c.diagnostics }
}

function readScenario(
  c: FieldChecker,
  document: YamlDocument,
  root: Record<string, unknown>,
  text: string
): Scenario {
  warnUnknownKeys(c, root, [], TOP_LEVEL_KEYS)
  const name = readRequiredString(c, root, [], 'name', {
    test: (s) => KEBAB_CASE.test(s),
    expected: 'kebab-case: lowercase letters and digits joined by single "-", e.g. default-deny-ingress'
  })
  const placement = locatePolicies(text, document)
  if (placement.style === 'folded') {
    // Folding joins lines, which breaks the manifests' YAML and every line number in them.
    c.warning(['policies'], 'policies is a folded block (">"), which joins its lines', {
      expected: 'a literal block: "policies: |"'
    })
  }
  const scenario: Scenario = {
    file: c.file,
    name: name ?? '',
    tags: readTags(c, root.tags),
    enforcement: readEnforcement(c, root.enforcement),
    agent: readAgent(c, root.agent),
    // Left out, the topology is generated from the policies by whoever evaluates the scenario.
    topology: root.topology === undefined ? undefined : readTopology(c, root.topology, ['topology']),
    complete: readComplete(c, root.complete),
    policiesText: readPolicies(c, root.policies),
    policiesOrigin: placement.origin,
    expect: parseExpectEntries(c, root.expect)
  }
  const source = readOptionalString(c, root, [], 'source')
  const description = readOptionalString(c, root, [], 'description')
  if (source !== undefined) scenario.source = source
  if (description !== undefined) scenario.description = description
  return scenario
}

/** Unknown tags are fine: a runner skips what it does not know, and the list grows over time. */
function readTags(c: FieldChecker, value: unknown): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    c.error(['tags'], 'tags must be a list', {
      value,
      expected: 'a list of strings, e.g. [k8s-netpol, cidr]'
    })
    return []
  }
  const tags: string[] = []
  value.forEach((tag: unknown, index) => {
    if (typeof tag !== 'string' || tag === '') {
      c.error(['tags', index], 'a tag must be a non-empty string', {
        value: tag,
        expected: 'e.g. k8s-netpol'
      })
    } else if (tags.includes(tag)) {
      c.warning(['tags', index], `tag ${tag} is listed twice`, { value: tag })
    } else {
      tags.push(tag)
    }
  })
  return tags
}

function readComplete(c: FieldChecker, value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'boolean') return value
  c.error(['complete'], 'complete must be true or false', { value, expected: 'true or false' })
  return false
}

function readEnforcement(c: FieldChecker, value: unknown): EnforcementMode {
  if (value === undefined || value === null) return 'default'
  const mode = ENFORCEMENT_MODES.find((m) => m === value)
  if (mode) return mode
  c.error(['enforcement'], 'unknown policy-enforcement mode', {
    value,
    expected: ENFORCEMENT_MODES.join(', ')
  })
  return 'default'
}

function readAgent(c: FieldChecker, value: unknown): Partial<AgentSettings> {
  const agent: Partial<AgentSettings> = {}
  if (value === undefined || value === null) return agent
  if (!isRecord(value)) {
    c.error(['agent'], 'agent must be a map of agent flags', { value, expected: '{enable-sctp: true, ...}' })
    return agent
  }
  for (const [flag, setting] of Object.entries(value)) {
    const path: FieldPath = ['agent', flag]
    const key = Object.hasOwn(AGENT_FLAG_NAMES, flag) ? AGENT_FLAG_NAMES[flag] : undefined
    if (key === undefined) {
      // An unknown flag is an error, not a warning: the case assumes a setting we would not apply.
      c.error(path, `unknown agent flag ${flag}`, { expected: Object.keys(AGENT_FLAG_NAMES).join(', ') })
    } else if (key === 'policyCidrMatchMode') {
      if (typeof setting === 'string' && CIDR_MATCH_MODES.includes(setting)) {
        Object.assign(agent, { [key]: setting })
      } else c.error(path, `${flag} must be "" or "nodes"`, { value: setting, expected: '"" or "nodes"' })
    } else if (typeof setting === 'boolean') {
      Object.assign(agent, { [key]: setting })
    } else {
      c.error(path, `${flag} must be true or false`, { value: setting, expected: 'true or false' })
    }
  }
  return agent
}

function readPolicies(c: FieldChecker, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  c.error(['policies'], 'policies must be a block of YAML text', {
    value,
    expected: 'a literal block scalar: "policies: |" followed by the indented manifests'
  })
  return ''
}

/**
 * Where the policies text starts, so that line L, column C of that text is line
 * L + lineOffset, column C + columnOffset of the scenario file. For a literal block scalar
 * (`policies: |`) the text starts on the line after the key and each line lost exactly the
 * block's indentation; for a one-line scalar it starts where the value does.
 */
export function policiesOrigin(
  text: string,
  document: Pick<YamlDocument, 'locate'>
): { lineOffset: number; columnOffset: number } {
  return locatePolicies(text, document).origin
}

interface PoliciesPlacement {
  origin: { lineOffset: number; columnOffset: number }
  style: 'literal' | 'folded' | 'inline'
}

function locatePolicies(text: string, document: Pick<YamlDocument, 'locate'>): PoliciesPlacement {
  const lines = text.split(/\r?\n/)
  const value = document.locate(['policies'])
  // locate() points at a block scalar's first content line; the key sits on or above it.
  for (let index = Math.min(value.line, lines.length) - 1; index >= 0; index--) {
    const key = /^(\s*)(?:policies|"policies"|'policies')\s*:\s*(.*)$/.exec(lines[index])
    if (!key) continue
    const header = /^([|>])([1-9])?[+-]?([1-9])?\s*(#.*)?$/.exec(key[2])
    if (!header) break
    const explicit = header[2] ?? header[3]
    const indent = explicit ? key[1].length + Number(explicit) : contentIndent(lines, index + 1)
    return {
      origin: { lineOffset: index + 1, columnOffset: indent },
      style: header[1] === '|' ? 'literal' : 'folded'
    }
  }
  return {
    origin: { lineOffset: value.line - 1, columnOffset: Math.max(value.column - 1, 0) },
    style: 'inline'
  }
}

/** A block scalar's indentation is that of its first non-blank line (YAML 1.2 §8.1.1.1). */
function contentIndent(lines: readonly string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]
    if (line.trim() !== '') return line.length - line.trimStart().length
  }
  return 0
}
