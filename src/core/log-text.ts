// The one funnel for text that reaches a log line or a terminal. A pull request controls file
// names, policy fields and scenario text, and two readers of our output act on what they see:
// - the GitHub runner executes any stdout line that starts, after leading white space, with
//   `::` (workflow commands such as `::add-mask::`, `::stop-commands::`) and any line that
//   contains `##[` (the older command form); see actions/runner ActionCommand.TryParseV2 and
//   TryParse, src/Runner.Common/ActionCommand.cs;
// - a terminal executes escape sequences (ESC, CSI, OSC, BEL, backspace, carriage return).
// @actions/core escapes the data and properties of the commands it writes itself (`%`, `\r`,
// `\n`, and `:` `,` in properties), but `core.info` and our CLI write text as is: everything
// user-written therefore passes through here first.

// C0 controls except tab and newline, DEL, C1 controls (NEL U+0085 is white space to .NET's
// TrimStart), and the bidirectional overrides that reorder what a reader sees.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

function escapeChar(char: string): string {
  if (char === '\n') return '\\n'
  if (char === '\r') return '\\r'
  if (char === '\t') return '\\t'
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/**
 * Text safe to print: control characters shown as `\uXXXX` (the same escape JSON uses, so JSON
 * output passes unchanged), and no line that the runner would take for a workflow command.
 */
export function toLogText(text: string): string {
  return text.replace(UNSAFE_CHARS, escapeChar).split('\n').map(neutraliseCommand).join('\n')
}

/** One user-written value (a file name, a field) for inside a line: newlines escaped too. */
export function printable(value: string): string {
  return neutraliseCommand(value.replace(UNSAFE_OR_NEWLINE, escapeChar))
}

function neutraliseCommand(line: string): string {
  let out = line.replaceAll('##[', '##\\u005b')
  const indent = out.length - out.trimStart().length
  if (out.startsWith('::', indent)) out = `${out.slice(0, indent)}\\u003a${out.slice(indent + 1)}`
  return out
}
