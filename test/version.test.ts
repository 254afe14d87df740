// Every bundle carries reachdiff's version as a constant; it must be package.json's.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TOOL_VERSION } from '../src/version.js'
import { REPO_ROOT } from './helpers/cli.js'

describe('TOOL_VERSION', () => {
  it('is the version in package.json', () => {
    const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(TOOL_VERSION).toBe(packageJson.version)
  })
})
