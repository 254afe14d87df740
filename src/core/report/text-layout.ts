// Terminal layout shared by the text renderer and its grid: colour as the caller decides,
// words wrapped to 100 columns, user text stripped of control characters so no name can carry
// an escape sequence into the reader's terminal.
import { cleanText, MAX_NAME_LENGTH, shortenWords, truncateText } from './markdown-escape.js'

/** Lines are wrapped to this width. */
export const TEXT_WIDTH = 100
export const INDENT = '      '

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow'
const ANSI: Record<Style, string> = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' }

export type Paint = (text: string, style: Style) => string

export function makePaint(color: boolean): Paint {
  return color ? (text, style) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (text) => text
}

/** A name, one printable line, shortened in the middle. */
export function clean(text: string, maxLength = MAX_NAME_LENGTH): string {
  return truncateText(cleanText(text), maxLength, 'middle')
}

/** A reason or message as one line, every overlong name in it shortened. */
export function cleanReason(text: string): string {
  return shortenWords(cleanText(text))
}

// eslint-disable-next-line no-control-regex
const ANSI_CODE = /\u001b\[[0-9;]*m/g

/** Columns a line takes: colour codes take none. */
export function widthOf(text: string): number {
  return Array.from(text.replace(ANSI_CODE, '')).length
}

/**
 * `text` word-wrapped to TEXT_WIDTH, the first line indented by `first`, the rest by `indent`.
 * The text must be clean already (see cleanReason); colour codes may be in it.
 */
export function wrapText(text: string, indent: string = INDENT, first: string = indent): string {
  const lines: string[] = []
  let line = ''
  const lead = (): string => (lines.length === 0 ? first : indent)
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && widthOf(lead() + line) + 1 + widthOf(word) > TEXT_WIDTH) {
      lines.push(lead() + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(lead() + line)
  return lines.join('\n')
}
