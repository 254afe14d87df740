// The committed CLI bundle is what `npx reachdiff` runs, so check the file itself, not src/.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js')

describe('dist/cli/index.js', () => {
  it('is an executable node script', () => {
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(statSync(cli).mode & 0o111).toBe(0o111)
  })

  it('prints usage and exits 2 without a command', () => {
    const res = spawnSync(process.execPath, [cli], { encoding: 'utf8', timeout: 30_000 })
    expect(res.error).toBeUndefined()
    expect(res.status).toBe(2)
    expect(res.stdout + res.stderr).toMatch(/usage: reachdiff/i)
  })
})
