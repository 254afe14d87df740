#!/usr/bin/env node
// PLACEHOLDER CLI entry. Replace with the real CLI, keeping the shebang and these exit codes:
// 0 success, 2 usage error.

const COMMANDS = ['check', 'diff', 'matrix', 'explain'] as const

const USAGE = `usage: reachdiff <command> [options]

commands:
  check     validate policies and predict reachability
  diff      show what a policy change does to reachability
  matrix    print the reachability matrix
  explain   explain the verdict for one flow
`

/** Runs the CLI with the arguments after the script name and returns the exit code. */
export function runCli(argv: readonly string[]): number {
  const [command] = argv
  if (command === '--help' || command === '-h') {
    process.stdout.write(USAGE)
    return 0
  }
  if (command === undefined || !(COMMANDS as readonly string[]).includes(command)) {
    if (command !== undefined) process.stderr.write(`reachdiff: unknown command '${command}'\n`)
    process.stderr.write(USAGE)
    return 2
  }
  process.stderr.write(`reachdiff ${command}: not implemented yet\n`)
  return 1
}

process.exitCode = runCli(process.argv.slice(2))
