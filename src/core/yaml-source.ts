// YAML documents together with where each value came from, so that every diagnostic can
// name file, line and column. Built on js-yaml's event stream: the events carry source
// offsets, and the same events construct the values.
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  mergeTag,
  parseEvents,
  SCALAR_STYLE,
  YAMLException
} from 'js-yaml'
import type { Event } from 'js-yaml'
import { raiseHint, workLimits } from './budget.js'
import type { WorkLimits } from './budget.js'
import type { Diagnostic } from './model.js'
import { yaml11Boolean } from './yaml-1-1.js'
import type { Yaml11Boolean } from './yaml-1-1.js'

export type FieldPath = ReadonlyArray<string | number>

export interface Position {
  line: number
  column: number
}

export interface YamlDocument {
  /** 0-based index of the document in its file. */
  index: number
  value: unknown
  /** Position of the document's root node. */
  position: Position
  /** Position of the value at `path`, or of its nearest ancestor that exists. */
  locate(path: FieldPath): Position
  /** Unquoted scalars that kubectl (YAML 1.1) reads as booleans; see yaml-1-1.ts. */
  yaml11Booleans: (Yaml11Boolean & Position)[]
}

export interface YamlLimits {
  /** Largest number of nodes a document may expand to once aliases are resolved. */
  maxExpandedNodes: number
  /** The same, for all documents of a file together: 150 documents just under the first limit are an alias bomb too. */
  maxExpandedNodesPerFile: number
  maxDepth: number
}

export const DEFAULT_YAML_LIMITS: YamlLimits = yamlLimitsFor(undefined)

export function yamlLimitsFor(overrides: Partial<WorkLimits> | undefined): YamlLimits {
  const limits = workLimits(overrides)
  return {
    maxExpandedNodes: limits['yaml-nodes-per-document'],
    maxExpandedNodesPerFile: limits['yaml-nodes-per-file'],
    maxDepth: 64
  }
}

function overLimit(
  name: 'yaml-nodes-per-document' | 'yaml-nodes-per-file',
  message: string,
  limits: YamlLimits
): Pick<Diagnostic, 'message' | 'expected'> {
  const current = workLimits({
    'yaml-nodes-per-document': limits.maxExpandedNodes,
    'yaml-nodes-per-file': limits.maxExpandedNodesPerFile
  })
  return {
    message: `${message} (limit ${name}); it was not evaluated`,
    expected: `a document without alias bombs (repeated nested anchors); ${raiseHint(name, current)}`
  }
}

interface PositionNode {
  offset: number
  children?: Map<string | number, PositionNode>
}

/** go-yaml v2 resolves `<<` as a merge key; js-yaml's core schema needs the tag added. */
const KUBECTL_SCHEMA = CORE_SCHEMA.withTags(mergeTag)

/** Enough to show the pattern; a file of thousands is reported by its first ones. */
const MAX_YAML11_FINDINGS = 20

export function formatPath(path: FieldPath): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? part : `.${part}`
  }
  return out
}

export function parseYamlDocuments(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS
): { documents: YamlDocument[]; diagnostics: Diagnostic[]; nodes: number } {
  return parseCounted(text, file, limits)
}

interface Parsed {
  documents: YamlDocument[]
  diagnostics: Diagnostic[]
  /** Expanded nodes of the documents read, counted against the per-file limit. */
  nodes: number
}

function parseCounted(text: string, file: string, limits: YamlLimits): Parsed {
  const lineStarts = computeLineStarts(text)
  const toPosition = (offset: number): Position => positionOf(lineStarts, offset)
  let events: Event[]
  try {
    events = parseEvents(text, { filename: file, maxDepth: limits.maxDepth })
  } catch (error) {
    // One broken document should not hide the others: parse each `---` section on its own.
    const sections = splitSections(text)
    if (sections.length < 2) {
      return { documents: [], diagnostics: [yamlErrorDiagnostic(error, file, 'YAML syntax error')], nodes: 0 }
    }
    return parseSections(sections, file, limits)
  }
  const documents: YamlDocument[] = []
  const diagnostics: Diagnostic[] = []
  let fileNodes = 0
  for (const [index, slice] of splitDocuments(events).entries()) {
    const built = buildPositions(slice, text)
    const root = built.root
    const rootPosition = toPosition(root?.offset ?? 0)
    if (built.expandedNodes > limits.maxExpandedNodes) {
      diagnostics.push({
        severity: 'error',
        file,
        ...rootPosition,
        path: '',
        ...overLimit(
          'yaml-nodes-per-document',
          `document ${index + 1} expands to more than ${limits.maxExpandedNodes} nodes through aliases`,
          limits
        )
      })
      continue
    }
    fileNodes = saturatingAdd(fileNodes, built.expandedNodes)
    if (fileNodes > limits.maxExpandedNodesPerFile) {
      diagnostics.push({
        severity: 'error',
        file,
        ...rootPosition,
        path: '',
        ...overLimit(
          'yaml-nodes-per-file',
          `documents 1–${index + 1} expand to more than ${limits.maxExpandedNodesPerFile} nodes through aliases; document ${index + 1} and those after it were not read`,
          limits
        )
      })
      break
    }
    let value: unknown
    try {
      // `<<` merge keys, as kubectl's YAML 1.1 reader (go-yaml v2) accepts them.
      value = constructFromEvents(slice, {
        source: text,
        filename: file,
        maxAliases: -1,
        schema: KUBECTL_SCHEMA
      })[0]
    } catch (error) {
      diagnostics.push(yamlErrorDiagnostic(error, file, 'YAML error'))
      continue
    }
    documents.push({
      index,
      value,
      position: rootPosition,
      locate: (path) => toPosition(locateOffset(root, path)),
      yaml11Booleans: built.yaml11.map((found) => ({ ...found, ...toPosition(found.offset) }))
    })
  }
  return { documents, diagnostics, nodes: fileNodes }
}

/** The file cut at document markers (`---` at the start of a line), with each piece's first line. */
function splitSections(text: string): { text: string; firstLine: number }[] {
  const lines = text.split('\n')
  const sections: { text: string; firstLine: number }[] = []
  let start = 0
  for (let i = 1; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i])) {
      sections.push({ text: lines.slice(start, i).join('\n'), firstLine: start })
      start = i
    }
  }
  return sections
}

function parseSections(
  sections: readonly { text: string; firstLine: number }[],
  file: string,
  limits: YamlLimits
): Parsed {
  const documents: YamlDocument[] = []
  const diagnostics: Diagnostic[] = []
  let nodes = 0
  for (const section of sections) {
    const shift = (p: Position): Position => ({ line: p.line + section.firstLine, column: p.column })
    // The per-file limit holds for the sections together: a syntax error must not reset it.
    const remaining = {
      ...limits,
      maxExpandedNodesPerFile: Math.max(0, limits.maxExpandedNodesPerFile - nodes)
    }
    const parsed = parseCounted(section.text, file, remaining)
    nodes += parsed.nodes
    for (const d of parsed.diagnostics) diagnostics.push(d.line > 0 ? { ...d, ...shift(d) } : d)
    for (const document of parsed.documents) {
      documents.push({
        index: documents.length,
        value: document.value,
        position: shift(document.position),
        locate: (path) => shift(document.locate(path)),
        yaml11Booleans: document.yaml11Booleans.map((found) => ({ ...found, ...shift(found) }))
      })
    }
  }
  return { documents, diagnostics, nodes }
}

function yamlErrorDiagnostic(error: unknown, file: string, prefix: string): Diagnostic {
  if (error instanceof YAMLException) {
    return {
      severity: 'error',
      file,
      line: (error.mark?.line ?? 0) + 1,
      column: (error.mark?.column ?? 0) + 1,
      path: '',
      message: `${prefix}: ${error.reason}`
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { severity: 'error', file, line: 0, column: 0, path: '', message: `${prefix}: ${message}` }
}

/** Each document's events, from its DOCUMENT event to the POP that closes it. */
function splitDocuments(events: Event[]): Event[][] {
  const documents: Event[][] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < events.length; i++) {
    const type = events[i].type
    if (type === EVENT_ID.DOCUMENT || type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) {
      if (depth === 0) start = i
      depth++
    } else if (type === EVENT_ID.POP) {
      depth--
      if (depth === 0) documents.push(events.slice(start, i + 1))
    }
  }
  return documents
}

/**
 * Walks one document's events into a tree of offsets keyed like the value, and counts how
 * many nodes the document has once every alias is expanded (an alias bomb is small as text
 * but huge as a value, and every later walk over it would be too).
 */
function buildPositions(
  events: Event[],
  text: string
): { root?: PositionNode; expandedNodes: number; yaml11: Yaml11Boolean[] } {
  const yaml11: Yaml11Boolean[] = []
  const anchorSizes = new Map<string, number>()
  let cursor = 1 // skip the DOCUMENT event
  const anchorName = (start: number, end: number): string => text.slice(start, end)

  function readNode(path: FieldPath, isKey = false): { node: PositionNode; size: number; key?: string } {
    const event = events[cursor++]
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const node = { offset: event.valueStart }
        if (event.anchorStart >= 0) anchorSizes.set(anchorName(event.anchorStart, event.anchorEnd), 1)
        const value = getScalarValue(text, event)
        const asBoolean =
          event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0 ? yaml11Boolean(value) : undefined
        if (asBoolean !== undefined && yaml11.length < MAX_YAML11_FINDINGS)
          yaml11.push({ offset: event.valueStart, path, text: value, value: asBoolean, isKey })
        return { node, size: 1, key: value }
      }
      case EVENT_ID.ALIAS: {
        const size = anchorSizes.get(anchorName(event.anchorStart, event.anchorEnd)) ?? 1
        return { node: { offset: event.anchorStart }, size }
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const isMapping = event.type === EVENT_ID.MAPPING
        const children = new Map<string | number, PositionNode>()
        let size = 1
        let index = 0
        while (events[cursor].type !== EVENT_ID.POP) {
          if (isMapping) {
            const key = readNode(path, true)
            const value = readNode(key.key === undefined ? path : [...path, key.key])
            size = saturatingAdd(size, key.size + value.size)
            // Keys are indexed by their text; a value points at its key when it is itself empty.
            if (key.key !== undefined) children.set(key.key, value.node.offset >= 0 ? value.node : key.node)
          } else {
            const item = readNode([...path, index])
            size = saturatingAdd(size, item.size)
            children.set(index++, item.node)
          }
        }
        cursor++ // POP
        if (event.anchorStart >= 0) anchorSizes.set(anchorName(event.anchorStart, event.anchorEnd), size)
        return { node: { offset: event.start, children }, size }
      }
      default:
        return { node: { offset: 0 }, size: 0 }
    }
  }

  if (events.length < 3) return { expandedNodes: 0, yaml11 }
  const { node, size } = readNode([])
  return { root: node, expandedNodes: size, yaml11 }
}

function saturatingAdd(a: number, b: number): number {
  return Math.min(a + b, Number.MAX_SAFE_INTEGER)
}

function locateOffset(root: PositionNode | undefined, path: FieldPath): number {
  let node = root
  let offset = root?.offset ?? 0
  for (const part of path) {
    const child = node?.children?.get(part)
    if (!child) break
    node = child
    offset = child.offset
  }
  return offset
}

function computeLineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return starts
}

function positionOf(lineStarts: number[], offset: number): Position {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (lineStarts[mid] <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 }
}
