// The reachdiff command: dispatch, usage, and the one place that turns failures into a
// message and an exit code (0 ok, 1 failed per the command's rule, 2 bad input).
import { runCheck } from './check-command.js'
import { runDiff } from './diff-command.js'
import { runExplain } from './explain-command.js'
import { RevisionNotFoundError } from '../edge/git.js'
import { UsageError } from './io.js'
import type { CliIo } from './io.js'
import { runMatrix } from './matrix-command.js'
import { TOOL_VERSION } from './shared.js'

export const USAGE = `usage: reachdiff <command> [options]

commands:
  check FILE|DIR...                 check scenario files' expectations against the prediction
  diff [--base REF] [--head REF]    what a policy change does to reachability
       [--base-dir DIR --head-dir DIR] [--policies GLOB...] [--scenario FILE]
       [--format markdown|text|json] [--out FILE] [--fail-on violations|changes|never]
       [--verbose]                  (text: every changed flow, not the first rows of each destination)
  matrix --policies PATH... [--scenario FILE]
                                    the predicted reachability matrix
  explain --scenario FILE --from NS/POD --to NS/POD [--port 80/TCP] [--http "GET /path"]
          [--policies PATH...]      one flow, both directions, every rule that mattered

common options:
  --format text|json                output format (markdown too for diff and matrix)
  --cilium-version V                Cilium semantics to follow (default: the version the Action installs)
  --enforcement default|always|never
`

type Command = (argv: readonly string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  diff: runDiff,
  matrix: runMatrix,
  explain: runExplain
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE)
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
  try {
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError || isArgsError(error)) {
      io.stderr(`reachdiff ${name}: ${(error as Error).message}\nrun "reachdiff --help" for usage\n`)
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
function isArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
