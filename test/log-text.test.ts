// What reaches a log line cannot act as a workflow command or a terminal escape sequence.
import { describe, expect, it } from '@jest/globals'
import { printable, toLogText } from '../src/core/log-text.js'
import { reachdiff } from './helpers/cli.js'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Lines the GitHub runner would execute (actions/runner ActionCommand.TryParseV2 / TryParse). */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
}

describe('toLogText', () => {
  it('keeps ordinary multi-line text as it is', () => {
    expect(toLogText('a: b\n  c::d\nplain')).toBe('a: b\n  c::d\nplain')
  })

  it('leaves no line the runner would take for a command', () => {
    const hostile = 'x\n::add-mask::secret\n  ::warning file=a::pwned\r::stop-commands::t\n##[error]old form'
    const safe = toLogText(hostile)
    expect(commandLines(safe)).toEqual([])
    expect(safe).toContain('\\u003a:add-mask::secret')
  })

  it('shows terminal control characters instead of sending them', () => {
    const safe = toLogText('\u001b]0;title\u0007\u001b[2J\u0008\u009b31m\u202eevil')
    // eslint-disable-next-line no-control-regex
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(safe).toBe('\\u001b]0;title\\u0007\\u001b[2J\\u0008\\u009b31m\\u202eevil')
  })

  it('is transparent to JSON: a JSON document still parses to the same value', () => {
    const value = { name: 'a\u007fb\u0085##[c\u2028' }
    expect(JSON.parse(toLogText(JSON.stringify(value, null, 2)))).toEqual(value)
  })
})

describe('printable', () => {
  it('puts a value with newlines on one line', () => {
    expect(printable('a\n::add-mask::x')).toBe('a\\n::add-mask::x')
    expect(printable('::warning::x')).toBe('\\u003a:warning::x')
  })
})

describe('the CLI prints hostile names escaped', () => {
  it('check on a scenario file named with ESC and BEL shows them as \\u escapes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachdiff-esc-'))
    try {
      const file = join(dir, 'evil\u001b[31m\u0007.yaml')
      writeFileSync(
        file,
        'name: x\ntopology: {namespaces: {default: {}}, pods: []}\nexpect: [{from: a, to: b, verdict: allow, bogus: 1}]\n'
      )
      const run = await reachdiff(['check', file])
      const out = run.stdout + run.stderr
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0007\u001b]/)
      expect(out).toContain('evil\\u001b[31m\\u0007.yaml')
      expect([0, 1, 2]).toContain(run.code)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
