// What a command may touch of its process: output streams and the environment. Passed in,
// so tests run commands in-process and read what they printed.

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Colour only on a terminal and without NO_COLOR. */
  color: boolean
  /** The directory git runs in (the user's own, outside tests); file arguments are opened as given. */
  cwd: string
}

export class UsageError extends Error {}

export type OutputFormat = 'text' | 'json' | 'markdown'

export function parseFormat(value: string | undefined, allowed: readonly OutputFormat[]): OutputFormat {
  const format = (value ?? 'text') as OutputFormat
  if (!allowed.includes(format)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${value}"`)
  }
  return format
}
