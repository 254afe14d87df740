// Whole outputs of the seed case, reviewed by eye once and kept: any change to what users see
// shows up as a diff in review. Run with UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
import { describe, it } from '@jest/globals'
import { renderJson } from '../src/core/report/json.js'
import { renderMarkdown } from '../src/core/report/markdown.js'
import { renderText } from '../src/core/report/text.js'
import { expectGolden } from './helpers/golden.js'
import { seedReport } from './helpers/report-fixtures.js'

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
