// Fitting a comment under GitHub's length limit without breaking it: blocks are kept in order
// until the budget runs out, a table loses rows from its end (never half a row), a `<details>`
// is always closed, and a visible note says what was left out and where to find it.
import { truncateText } from './markdown-escape.js'

/** A piece of the comment: head and tail are kept or dropped together; rows drop from the end. */
export interface Block {
  head: string
  /** Each ends with a newline. */
  rows: string[]
  tail: string
  /** What one row is, for the note: `changed flow` → "12 more changed flows". */
  unit: string
  /** What the block is, when it is left out whole: `the full matrix`. Counted by rows when absent. */
  name?: string
  /**
   * Rows after `rows` that were never rendered because they could not fit anyway: on huge
   * changes, escaping every row only to drop it would dominate the run.
   */
  unrendered?: number
}

export interface Layout {
  /** Always kept: marker and headline. */
  top: string
  blocks: Block[]
  /** Always kept: the footer. */
  bottom: string
  maxLength: number
  /** Where the reader finds the rest: "the JSON report has everything". */
  hint: string
}

// Room kept for the note itself; it is clipped to fit.
const NOTE_RESERVE = 400

function blockText(block: Block, rows: readonly string[] = block.rows): string {
  return block.head + rows.join('') + block.tail
}

/** The whole document if it fits in `maxLength`, else its first blocks and a truncation note. */
export function fitBlocks(layout: Layout): string {
  const { top, blocks, bottom, maxLength } = layout
  const isComplete = blocks.every((block) => !block.unrendered)
  const whole = top + blocks.map((block) => blockText(block)).join('') + bottom
  if (isComplete && whole.length <= maxLength) return whole
  let budget = maxLength - top.length - bottom.length - NOTE_RESERVE
  const kept: string[] = []
  const omitted = new Omissions()
  let isFull = false
  for (const block of blocks) {
    const text = blockText(block)
    if (!isFull && !block.unrendered && text.length <= budget) {
      kept.push(text)
      budget -= text.length
      continue
    }
    // Only the first block that does not fit is cut; everything after it is left out, so
    // what is shown is always a prefix of the whole.
    const rows = isFull ? [] : takeRows(block, budget)
    isFull = true
    if (rows.length === 0) {
      omitted.addBlock(block)
      continue
    }
    const partial = blockText(block, rows)
    kept.push(partial)
    budget -= partial.length
    omitted.addRows(block.unit, block.rows.length - rows.length + (block.unrendered ?? 0))
  }
  const note = truncateText(omitted.describe(layout.hint), NOTE_RESERVE - 4)
  return clamp(`${top}${kept.join('')}> ${note}\n\n${bottom}`, maxLength)
}

function takeRows(block: Block, budget: number): string[] {
  let room = budget - block.head.length - block.tail.length
  const rows: string[] = []
  for (const row of block.rows) {
    if (row.length > room) break
    rows.push(row)
    room -= row.length
  }
  return rows
}

class Omissions {
  private readonly counts = new Map<string, number>()
  private readonly names: string[] = []

  addBlock(block: Block): void {
    if (block.name === undefined) this.addRows(block.unit, block.rows.length + (block.unrendered ?? 0))
    else if (!this.names.includes(block.name)) this.names.push(block.name)
  }

  addRows(unit: string, count: number): void {
    if (count > 0) this.counts.set(unit, (this.counts.get(unit) ?? 0) + count)
  }

  describe(hint: string): string {
    const parts = [...this.counts].map(([unit, count]) => `${count} more ${count === 1 ? unit : `${unit}s`}`)
    parts.push(...this.names)
    const what = parts.length > 0 ? `${joinWords(parts)} not shown here` : 'some content not shown here'
    return `**…truncated**: ${what}; ${hint}.`
  }
}

function joinWords(parts: readonly string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** Last resort when even the fixed parts are too long: cut at a line break. */
function clamp(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const cut = text.lastIndexOf('\n', maxLength - 1)
  if (cut > 0) return text.slice(0, cut + 1)
  return (
    Array.from(text.slice(0, maxLength - 1))
      .slice(0, -1)
      .join('') + '…'
  )
}
