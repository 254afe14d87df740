// Making user-written strings inert in the PR comment. Pod, namespace, policy and file names,
// HTTP paths and reasons that embed them come from the pull request, i.e. from whoever opened
// it: they must not ping people, link issues, inject HTML, break a table or start a math block.
//
// GitHub renders a comment in two passes: a CommonMark/GFM parse, then transforms on the HTML
// text nodes (mentions, issue references, email autolinks). Entities and backslash escapes only
// protect against the first pass, since the second sees decoded text; so `@` and `#<digit>` get
// a zero-width space after them (what Dependabot does in release notes), which the mention and
// reference patterns cannot match across.

/** Longest name shown before it is shortened with `…` (visible characters, before escaping). */
export const MAX_NAME_LENGTH = 80
/** Longest reason or message shown; reasons embed names, so they get more room. */
export const MAX_TEXT_LENGTH = 500

const ZERO_WIDTH_SPACE = '\u200B'

// C0/C1 controls (ESC starts terminal sequences), and bidirectional overrides and isolates,
// which can make a name read differently from what it is ("Trojan source").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const LINE_BREAKS = /\r\n|[\r\n\t\u2028\u2029]/g

/** One line of plain, printable text: line breaks and tabs become spaces, controls go. */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROL, '')
}

export type TruncateAt = 'end' | 'middle'

/**
 * At most `max` code points (never half a surrogate pair), ending in `…` when shortened.
 * `middle` keeps both ends, so `very-long-namespace…/web` still names the pod.
 */
export function truncateText(text: string, max: number, at: TruncateAt = 'end'): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  if (at === 'end' || max < 3) return chars.slice(0, Math.max(0, max - 1)).join('') + '…'
  const tail = Math.floor((max - 1) / 2)
  const head = max - 1 - tail
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - tail).join('')
}

/**
 * Every whitespace-free run longer than `max` shortened in the middle: names embedded in a
 * reason or a diagnostic get the same treatment as names shown on their own.
 */
export function shortenWords(text: string, max: number = MAX_NAME_LENGTH): string {
  return text.replace(/\S+/g, (word) => truncateText(word, max, 'middle'))
}

export interface EscapeOptions {
  /** Visible characters kept; default MAX_TEXT_LENGTH. */
  maxLength?: number
  truncate?: TruncateAt
}

// Backslash-escapable punctuation that can open or close an inline construct or split a table
// cell: emphasis, strikethrough, code, links and images (`[`, `]`: `(` and `!` do nothing
// without them), math, headings, table pipes. `-`, `+`, `.` and `=` only matter at the start
// of a line, and escaped text never starts one.
// GFM also autolinks `http://…` and `www.…` while parsing: an entity is not the character the
// parser looks for, yet renders as it, so `:` before `//` and `.` after `www` become entities.
const SPECIAL = /:(?=\/\/)|(?<=www)\.|[&<>"@#\\`*_[\]~|$]/gi
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  ':': '&#58;',
  '.': '&#46;'
}

function escapeSpecial(char: string, offset: number, whole: string): string {
  if (char in ENTITIES) return ENTITIES[char]
  if (char === '@') return '@' + ZERO_WIDTH_SPACE
  if (char === '#' && /[0-9]/.test(whole.charAt(offset + 1))) return '\\#' + ZERO_WIDTH_SPACE
  return '\\' + char
}

/**
 * Inline text for a GFM paragraph, heading or table cell, rendered exactly as written and
 * doing nothing else: no markup, no HTML, no mention, no issue link, no autolink.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const maxLength = options.maxLength ?? MAX_TEXT_LENGTH
  const visible = truncateText(shortenWords(cleanText(text)), maxLength, options.truncate)
  return visible.replace(SPECIAL, escapeSpecial)
}

/** A user-written name (pod, namespace, policy, file): shortened in the middle at 80. */
export function escapeName(name: string): string {
  return escapeMarkdown(name, { maxLength: MAX_NAME_LENGTH, truncate: 'middle' })
}

// Mermaid decodes `#name;` / `#code;` entities in labels; anything that could end the quoted
// label, open a shape, start a comment or close the code fence is written as one.
const MERMAID_ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  '%': '#37;',
  ';': '#59;',
  '\\': '#92;'
}

/** Text for a quoted mermaid label (`n0["…"]`, `-->|"…"|`). */
export function escapeMermaid(text: string, maxLength: number = MAX_NAME_LENGTH): string {
  const visible = truncateText(cleanText(text), maxLength, 'middle')
  return Array.from(visible, (char) => MERMAID_ENTITIES[char] ?? char).join('')
}
