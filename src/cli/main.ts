// The reachdiff command: dispatch, usage, and the one place that turns failures into a
// message and an exit code (0 ok, 1 failed per the command's rule, 2 bad input).
import { runCheck } from './check-command.js'
import { runDiff } from './diff-command.js'
import { runExplain } from './explain-command.js'
import { RevisionNotFoundError } from '../edge/git.js'
import { UsageError } from './io.js'
import type { CliIo } from './io.js'
import { runMatrix } from './matrix-command.js'
import { escapingIo } from './safe-io.js'
import { TOOL_VERSION } from './shared.js'
import { COMMAND_USAGE, describeArgsError, USAGE, wantsHelp } from './usage.js'

type Command = (argv: readonly string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  diff: runDiff,
  matrix: runMatrix,
  explain: runExplain
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = escapingIo(rawIo)
  const [name, ...rest] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined
    io.stdout(topic !== undefined && Object.hasOwn(COMMAND_USAGE, topic) ? COMMAND_USAGE[topic] : USAGE)
    return 0
  }
  if (name === '--version') {
    io.stdout(`reachdiff ${TOOL_VERSION}\n`)
    return 0
  }
  const command = name === undefined ? undefined : COMMANDS[name]
  if (!command || !Object.hasOwn(COMMANDS, name)) {
    io.stderr(name === undefined ? USAGE : `reachdiff: unknown command "${name}"\n\n${USAGE}`)
    return 2
  }
  if (wantsHelp(rest)) {
    io.stdout(COMMAND_USAGE[name])
    return 0
  }
  try {
    return await command(rest, io)
  } catch (error) {
    const argsError = asArgsError(error)
    if (argsError) {
      io.stderr(`reachdiff ${name}: ${describeArgsError(argsError)}\n\n${COMMAND_USAGE[name]}`)
      return 2
    }
    if (error instanceof UsageError) {
      io.stderr(`reachdiff ${name}: ${error.message}\nrun "reachdiff ${name} --help" for usage\n`)
      return 2
    }
    if (error instanceof RevisionNotFoundError) {
      io.stderr(`reachdiff ${name}: ${error.message}\n`)
      return 2
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`reachdiff ${name}: internal error: ${message}\nplease report this with the command you ran\n`)
    return 2
  }
}

/** node:util parseArgs rejects unknown or malformed options with these codes. */
function asArgsError(error: unknown): { code: string; message: string } | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined
  return { code, message: (error as Error).message }
}
