// Path globs for choosing policy files: `**` spans directories (including none), `*` and `?`
// stay within one path segment, `{a,b}` alternates.

export function globToRegExp(glob: string): RegExp {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '{') {
      const end = glob.indexOf('}', i)
      if (end < 0) out += '\\{'
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map(escapeRegExp)
          .join('|')})`
        i = end
      }
    } else out += escapeRegExp(c)
  }
  return new RegExp(`^${out}$`)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(path))
}

export const DEFAULT_POLICY_GLOBS: readonly string[] = ['policies/**/*.yaml', 'policies/**/*.yml']
