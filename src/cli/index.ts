#!/usr/bin/env node
// Entry of the `reachdiff` command: only wires the real process into runCli.
import { runCli } from './main.js'

const io = {
  stdout: (text: string): boolean => process.stdout.write(text),
  stderr: (text: string): boolean => process.stderr.write(text),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  cwd: process.cwd()
}

process.exitCode = await runCli(process.argv.slice(2), io)
