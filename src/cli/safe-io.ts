// Everything the command prints passes the escaping funnel: a file name or policy field with
// ESC, BEL or `::add-mask::` is shown, never executed by a terminal or by a CI runner reading
// our output. JSON output is unchanged by it (JSON already escapes control characters).
import { toLogText } from '../core/log-text.js'
import type { CliIo } from './io.js'

export function escapingIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(toLogText(text)),
    stderr: (text) => io.stderr(toLogText(text))
  }
}
