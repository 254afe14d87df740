// YAML with positions: every value can be traced to its line and column, hostile documents
// are refused, and one broken document does not hide the others.
import { describe, expect, it } from '@jest/globals'
import { formatPath, parseYamlDocuments } from '../src/core/yaml-source.js'

describe('parseYamlDocuments', () => {
  it('locates nested values by field path', () => {
    const { documents } = parseYamlDocuments(
      'kind: X\nspec:\n  ingress:\n  - toPorts:\n    - port: "80"\n',
      'f.yaml'
    )
    expect(documents[0].locate(['spec', 'ingress', 0, 'toPorts', 0, 'port'])).toEqual({ line: 5, column: 14 }) // the value, inside its quotes
    expect(documents[0].locate(['spec', 'missing'])).toEqual({ line: 3, column: 3 }) // nearest ancestor
  })

  it('numbers documents and positions across a multi-document file', () => {
    const { documents } = parseYamlDocuments('a: 1\n---\nb: 2\n', 'f.yaml')
    expect(documents.map((d) => [d.index, d.position.line])).toEqual([
      [0, 1],
      [1, 3]
    ])
  })

  it('keeps the documents around a syntax error, and names its line', () => {
    const { documents, diagnostics } = parseYamlDocuments(
      'a: 1\n---\nb: [1,\nc: 2\n---\nd: {e: 5}\n',
      'f.yaml'
    )
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { d: { e: 5 } }])
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'f.yaml', line: 4, severity: 'error' })])
  })

  it('refuses an alias bomb before expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(',')}]`
      )
    const { documents, diagnostics } = parseYamlDocuments(levels.join('\n'), 'bomb.yaml')
    expect(documents).toEqual([])
    expect(diagnostics[0].message).toContain('expands to more than')
  })

  it('reports duplicate keys with their position', () => {
    const { diagnostics } = parseYamlDocuments('a: 1\na: 2\n', 'f.yaml')
    expect(diagnostics[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('duplicated mapping key')
    })
  })

  it('formats paths the way diagnostics print them', () => {
    expect(formatPath(['spec', 'ingress', 0, 'toPorts', 1])).toBe('spec.ingress[0].toPorts[1]')
  })
})
