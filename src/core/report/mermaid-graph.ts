// The changed edges as a mermaid graph: who lost (red, dashed) or gained (green) a path to whom.
// Few edges are drawn pod to pod. More would be a tangle no one can read, so then each cause's
// effects are drawn instead, between the groups the causes name ("pods with app=monitor" →
// "28 pods in 6 namespaces"); past the edge limit only the largest are drawn, with a note.
// Node ids are generated (n0, n1, …), never user names, so no name can collide with a keyword
// or break the syntax; names only appear inside quoted, entity-escaped labels.
import type { ChangeKind, FlowChange } from '../diff.js'
import type { Cause } from './causes.js'
import { escapeMarkdown, escapeMermaid } from './markdown-escape.js'
import { describeFlowPort } from './summary.js'
import { countFlows, formatCount } from './words.js'

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
  flows: number
}

/** The graph as a fenced mermaid block with its legend, or '' when nothing opened or closed. */
export function renderGraph(
  changes: readonly FlowChange[],
  causes: readonly Cause[],
  maxEdges: number
): string {
  const podEdges = podEdgesOf(changes)
  if (podEdges.length === 0 || maxEdges <= 0) return ''
  const grouped = podEdges.length > maxEdges
  const edges = grouped ? effectEdges(causes) : podEdges
  const drawn = [...edges].sort((a, b) => b.flows - a.flows).slice(0, maxEdges)
  const kept = new Set(drawn)
  const shown = edges.filter((edge) => kept.has(edge))
  const left = edges.filter((edge) => !kept.has(edge))
  const notes: string[] = []
  if (grouped)
    notes.push(
      `${formatCount(podEdges.length)} pod-to-pod edges are drawn as the changes by cause, one arrow per effect.`
    )
  if (left.length > 0) {
    const flows = left.reduce((sum, edge) => sum + edge.flows, 0)
    notes.push(
      `${formatCount(left.length)} smaller edges (${countFlows(flows)}) are not drawn; the details list every flow.`
    )
  }
  const legend = `✅ green, solid: opened · ⛔ red, dashed: closed${notes.length > 0 ? `. ${notes.join(' ')}` : ''}`
  return `${escapeMarkdown(legend, { maxLength: 1000 })}\n\n\`\`\`mermaid\n${drawGraph(shown, grouped)}\`\`\`\n`
}

function drawGraph(edges: readonly Edge[], grouped: boolean): string {
  const ids = new Map<string, string>()
  const nodes: string[] = []
  const idOf = (node: string): string => {
    let id = ids.get(node)
    if (!id) {
      id = `n${ids.size}`
      ids.set(node, id)
      nodes.push(`  ${id}["${escapeMermaid(node)}"]\n`)
    }
    return id
  }
  const lines = edges.map((edge) => {
    const label = grouped ? `${countFlows(edge.flows)}, ${portCount(edge.ports)}` : portLabel(edge.ports)
    const text = `${EDGE_STYLES[edge.kind].mark} ${label}`
    return `  ${idOf(edge.from)} ${EDGE_STYLES[edge.kind].arrow}|"${escapeMermaid(text)}"| ${idOf(edge.to)}\n`
  })
  const styles = (['opened', 'closed'] as const).flatMap((kind) => {
    const indexes = edges.flatMap((edge, i) => (edge.kind === kind ? [i] : []))
    return indexes.length > 0 ? [`  linkStyle ${indexes.join(',')} ${EDGE_STYLES[kind].style}\n`] : []
  })
  return `graph LR\n${nodes.join('')}${lines.join('')}${styles.join('')}`
}

function portLabel(ports: readonly string[]): string {
  return (ports.length > MAX_LABEL_PORTS ? [...ports.slice(0, MAX_LABEL_PORTS - 1), '…'] : ports).join(', ')
}

function portCount(ports: readonly string[]): string {
  return ports.length <= 2 ? ports.join(', ') : `${ports.length} ports`
}

/** One edge per effect of a cause that opened or closed flows, between its summarised groups. */
function effectEdges(causes: readonly Cause[]): Edge[] {
  return causes.flatMap((cause) =>
    cause.effects.flatMap((effect): Edge[] =>
      effect.kind === 'opened' || effect.kind === 'closed'
        ? [
            {
              from: effect.sources.text,
              to: effect.destinations.text,
              kind: effect.kind,
              ports: effect.ports,
              flows: effect.flows
            }
          ]
        : []
    )
  )
}

// Each detail level draws the graph anew; the edges of a change list are collected once.
const edgeCache = new WeakMap<readonly FlowChange[], Edge[]>()

function podEdgesOf(changes: readonly FlowChange[]): Edge[] {
  let edges = edgeCache.get(changes)
  if (!edges) edgeCache.set(changes, (edges = collectEdges(changes)))
  return edges
}

/** One edge per source, destination and direction of change, listing the ports. */
function collectEdges(changes: readonly FlowChange[]): Edge[] {
  const edges = new Map<string, Edge>()
  for (const change of changes) {
    const kind = change.kind
    if (kind !== 'opened' && kind !== 'closed') continue
    const { from, to } = change.flow
    const key = `${kind}\u0000${from}\u0000${to}`
    const edge = edges.get(key) ?? { from, to, kind, ports: [], flows: 0 }
    const port = describeFlowPort(change.flow)
    if (!edge.ports.includes(port)) edge.ports.push(port)
    edge.flows++
    edges.set(key, edge)
  }
  return [...edges.values()]
}
