// Whole outputs of the seed case, reviewed by eye once and kept: any change to what users see
// shows up as a diff in review. Run with UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderJson } from '../src/core/report/json.js'
import { renderMarkdown } from '../src/core/report/markdown.js'
import { renderText } from '../src/core/report/text.js'
import { seedReport } from './report-fixtures.js'

const GOLDEN = join(import.meta.dirname, 'golden')
const isUpdating = process.env.UPDATE_GOLDEN === '1'

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name)
  if (isUpdating) writeFileSync(file, actual)
  if (!existsSync(file)) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npm test -- report-golden`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('golden outputs of the seed case', () => {
  it('markdown', () => {
    expectGolden('seed.md', renderMarkdown(seedReport(), { marker: 'reachdiff' }))
  })

  it('text', () => {
    expectGolden('seed.txt', renderText(seedReport(), { color: false }))
  })

  it('json', () => {
    expectGolden('seed.json', renderJson(seedReport()))
  })
})
