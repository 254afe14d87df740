// kubectl reads YAML 1.1, not 1.2: sigs.k8s.io/yaml decodes with go-yaml v2, whose resolver
// (gopkg.in/yaml.v2 v2.4.0, resolve.go, resolveMapList) turns these unquoted scalars into
// booleans. reachdiff's parser (YAML 1.2 core schema) keeps them as strings, so a label value
// `on` that looks fine here is `true` to the API server, which rejects a boolean where a
// string belongs; as a key it silently becomes "true"/"false". Reported instead of guessed.
import type { Diagnostic } from './model.js'
import { formatPath } from './yaml-source.js'
import type { FieldPath, Position, YamlDocument } from './yaml-source.js'

const YAML_1_1_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false] as const)
])

export interface Yaml11Boolean {
  offset: number
  path: FieldPath
  text: string
  /** What kubectl makes of it. */
  value: boolean
  isKey: boolean
}

/** The boolean kubectl reads an unquoted (plain) scalar as, when YAML 1.2 reads a string. */
export function yaml11Boolean(plainText: string): boolean | undefined {
  return YAML_1_1_BOOLEANS.get(plainText)
}

export function describeYaml11Boolean(found: Yaml11Boolean): { message: string; expected: string } {
  const quoted = `"${found.text}"`
  return found.isKey
    ? {
        message: `the key ${found.text} is the boolean ${found.value} to kubectl (YAML 1.1), so the API server sees the key "${found.value}"`,
        expected: `the key quoted: ${quoted}`
      }
    : {
        message: `unquoted ${found.text} is the boolean ${found.value} to kubectl (YAML 1.1); the API server rejects a boolean where a string is expected`,
        expected: `${quoted} (quoted) for the string, or ${found.value} for a boolean`
      }
}

/** The diagnostics for a document that goes to kubectl (a policy, not a scenario). */
export function yaml11Diagnostics(
  document: YamlDocument,
  file: string,
  shift: (p: Position) => Position
): Diagnostic[] {
  return document.yaml11Booleans.map((found) => ({
    severity: 'error',
    file,
    ...shift({ line: found.line, column: found.column }),
    path: formatPath(found.path),
    value: found.text,
    ...describeYaml11Boolean(found)
  }))
}
