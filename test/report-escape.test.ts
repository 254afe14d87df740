import { describe, expect, it } from '@jest/globals'
import {
  cleanText,
  escapeMarkdown,
  escapeMermaid,
  escapeName,
  MAX_NAME_LENGTH,
  truncateText
} from '../src/core/report/markdown-escape.js'

const ZWSP = '\u200B'

describe('cleanText', () => {
  it('turns line breaks and tabs into spaces', () => {
    expect(cleanText('a\nb\r\nc\rd\te\u2028f')).toBe('a b c d e f')
  })

  it('drops control characters and bidirectional overrides', () => {
    expect(cleanText('web\u001b[31m\u0007\u202Eevil\u2066x')).toBe('web[31mevilx')
  })
})

describe('truncateText', () => {
  it('keeps short text as it is', () => {
    expect(truncateText('web', 80)).toBe('web')
  })

  it('cuts at the end with an ellipsis, within the limit', () => {
    const cut = truncateText('x'.repeat(300), 80)
    expect(Array.from(cut)).toHaveLength(80)
    expect(cut.endsWith('…')).toBe(true)
  })

  it('keeps both ends when cutting in the middle', () => {
    const cut = truncateText(`${'n'.repeat(200)}/web`, 20, 'middle')
    expect(Array.from(cut)).toHaveLength(20)
    expect(cut).toMatch(/^n+…n*\/web$/)
  })

  it('never splits a surrogate pair', () => {
    const cut = truncateText('😀'.repeat(100), 10)
    expect(cut).toBe('😀'.repeat(9) + '…')
  })
})

describe('escapeMarkdown', () => {
  it('leaves ordinary names readable', () => {
    expect(escapeMarkdown('policy-test/web TCP/80')).toBe('policy-test/web TCP/80')
  })

  it('escapes table pipes and backslashes', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b')
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b')
  })

  it('escapes code, emphasis, strikethrough and math', () => {
    expect(escapeMarkdown('`x` *y* _z_ ~~w~~ $m$')).toBe('\\`x\\` \\*y\\* \\_z\\_ \\~\\~w\\~\\~ \\$m\\$')
  })

  it('turns HTML into text', () => {
    const out = escapeMarkdown('<img src=x onerror=alert(1)><script>')
    expect(out).toBe('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;')
    expect(out).not.toContain('<')
  })

  it('escapes entities the user wrote, so `&#64;` cannot become a mention', () => {
    expect(escapeMarkdown('&#64;octocat &amp;')).toBe(`&amp;\\#${ZWSP}64;octocat &amp;amp;`)
  })

  it('breaks links and images', () => {
    const out = escapeMarkdown('[x](javascript:alert(1)) ![i](http://e/x.png)')
    expect(out).toBe('\\[x\\](javascript:alert(1)) !\\[i\\](http&#58;//e/x.png)')
    expect(out).not.toMatch(/(?<!\\)[[\]]/)
  })

  it('stops GitHub mentions with a zero-width space after @', () => {
    expect(escapeMarkdown('@octocat and @org/team')).toBe(`@${ZWSP}octocat and @${ZWSP}org/team`)
    expect(escapeMarkdown('@octocat')).not.toMatch(/@[a-z]/)
  })

  it('stops issue references and headings', () => {
    expect(escapeMarkdown('#12 # x')).toBe(`\\#${ZWSP}12 \\# x`)
  })

  it('stops URL and www autolinks', () => {
    expect(escapeMarkdown('https://evil.example www.evil.example WWW.x.y')).toBe(
      'https&#58;//evil.example www&#46;evil.example WWW&#46;x.y'
    )
  })

  it('keeps a cell on one line', () => {
    expect(escapeMarkdown('a\nb\r\n| c')).toBe('a b \\| c')
  })

  it('truncates long text to its limit before escaping', () => {
    const out = escapeMarkdown('_'.repeat(300), { maxLength: 10 })
    expect(out).toBe('\\_'.repeat(9) + '…')
  })
})

describe('escapeName', () => {
  it('shortens a 300-character name to 80 visible characters, keeping its end', () => {
    const out = escapeName(`${'a'.repeat(300)}/web`)
    expect(Array.from(out)).toHaveLength(MAX_NAME_LENGTH)
    expect(out).toContain('…')
    expect(out.endsWith('/web')).toBe(true)
  })
})

describe('escapeMermaid', () => {
  it('writes label-breaking characters as mermaid entities', () => {
    expect(escapeMermaid('a"]; b[(c)] {d} |e| `f` %%g #h & <i>\\')).toBe(
      'a#quot;#93;#59; b#91;#40;c#41;#93; #123;d#125; #124;e#124; #96;f#96; #37;#37;g #35;h #amp; #lt;i#gt;#92;'
    )
  })

  it('escapes # first, so a user-written entity stays literal', () => {
    expect(escapeMermaid('#quot;')).toBe('#35;quot#59;')
  })

  it('keeps labels on one line and short', () => {
    expect(escapeMermaid('a\nb')).toBe('a b')
    expect(Array.from(escapeMermaid('x'.repeat(300)))).toHaveLength(MAX_NAME_LENGTH)
  })
})
