// The changed edges as a mermaid graph: who lost (red, dashed) or gained (green) a path to whom.
// Node ids are generated (n0, n1, …), never user names, so no name can collide with a keyword
// or break the syntax; names only appear inside quoted, entity-escaped labels.
import type { ChangeKind, FlowChange } from '../diff.js'
import { escapeMermaid } from './markdown-escape.js'
import { describeFlowPort } from './summary.js'
import type { Block } from './truncation.js'

/** GitHub's mermaid refuses large graphs, and a reader cannot follow them anyway. */
export const MAX_GRAPH_EDGES = 80
// Edge labels list ports; beyond a few they only add noise.
const MAX_LABEL_PORTS = 4

type EdgeKind = Extract<ChangeKind, 'opened' | 'closed'>

const EDGE_STYLES: Record<EdgeKind, { arrow: string; style: string; mark: string }> = {
  opened: { arrow: '-->', style: 'stroke:#1a7f37,stroke-width:2px', mark: '✅' },
  closed: { arrow: '-.->', style: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5', mark: '⛔' }
}

interface Edge {
  from: string
  to: string
  kind: EdgeKind
  ports: string[]
}

export function renderGraph(changes: readonly FlowChange[]): Block[] {
  const edges = collectEdges(changes)
  if (edges.length === 0) return []
  const head = '### Changed edges\n\n'
  if (edges.length > MAX_GRAPH_EDGES) {
    const text = `_${edges.length} changed edges are too many to draw; the tables above list every changed flow._\n\n`
    return [{ head: head + text, rows: [], tail: '', unit: 'graph', name: 'the graph of changed edges' }]
  }
  const ids = new Map<string, string>()
  const nodes: string[] = []
  const idOf = (key: string): string => {
    let id = ids.get(key)
    if (!id) {
      id = `n${ids.size}`
      ids.set(key, id)
      nodes.push(`  ${id}["${escapeMermaid(key)}"]\n`)
    }
    return id
  }
  const lines = edges.map((edge) => {
    const ports =
      edge.ports.length > MAX_LABEL_PORTS ? [...edge.ports.slice(0, MAX_LABEL_PORTS - 1), '…'] : edge.ports
    const label = `${EDGE_STYLES[edge.kind].mark} ${ports.join(', ')}`
    return `  ${idOf(edge.from)} ${EDGE_STYLES[edge.kind].arrow}|"${escapeMermaid(label)}"| ${idOf(edge.to)}\n`
  })
  const styles = (['opened', 'closed'] as const).flatMap((kind) => {
    const indexes = edges.flatMap((edge, i) => (edge.kind === kind ? [i] : []))
    return indexes.length > 0 ? [`  linkStyle ${indexes.join(',')} ${EDGE_STYLES[kind].style}\n`] : []
  })
  const legend = '✅ green, solid: opened · ⛔ red, dashed: closed\n\n'
  const body = `${head}${legend}\`\`\`mermaid\ngraph LR\n${nodes.join('')}${lines.join('')}${styles.join('')}\`\`\`\n\n`
  return [{ head: body, rows: [], tail: '', unit: 'graph', name: 'the graph of changed edges' }]
}

/** One edge per source, destination and direction of change, listing the ports that changed. */
function collectEdges(changes: readonly FlowChange[]): Edge[] {
  const edges = new Map<string, Edge>()
  for (const change of changes) {
    const kind = change.kind
    if (kind !== 'opened' && kind !== 'closed') continue
    const { from, to } = change.flow
    const key = `${kind}\u0000${from}\u0000${to}`
    const edge = edges.get(key) ?? { from, to, kind, ports: [] }
    const port = describeFlowPort(change.flow)
    if (!edge.ports.includes(port)) edge.ports.push(port)
    edges.set(key, edge)
  }
  return [...edges.values()]
}
