// Golden files: whole outputs reviewed once and kept, so any change users would see shows up
// as a diff in review. UPDATE_GOLDEN=1 rewrites them after a deliberate change.
import { expect } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const GOLDEN = join(import.meta.dirname, '..', 'golden')

export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, actual)
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npm test`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}
