// JSON written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` would give,
// so a report of a million flows never becomes one string (V8 caps a string near 512 MiB, and
// building it first doubles the memory). Large arrays are given as a JsonSequence: their items
// are produced, serialised and forgotten one at a time.

/** An array whose items are made on demand, e.g. matrix cells mapped to JSON objects; items are plain data. */
export class JsonSequence {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/** Pieces are joined up to this many characters before being handed on. */
const CHUNK = 1 << 16

/** The document in chunks of about 64 KiB; the last ends with a newline. */
export function* streamJson(value: unknown): Generator<string> {
  let buffer = ''
  for (const piece of pieces(value, '')) {
    buffer += piece
    if (buffer.length >= CHUNK) {
      yield buffer
      buffer = ''
    }
  }
  yield buffer + '\n'
}

function* pieces(value: unknown, indent: string): Generator<string> {
  if (value instanceof JsonSequence) yield* sequencePieces(value.items(), indent)
  else if (Array.isArray(value)) yield* arrayPieces(value, indent)
  else if (isPlainObject(value)) yield* objectPieces(value, indent)
  else yield JSON.stringify(value) ?? 'null'
}

function* arrayPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `
  let isFirst = true
  for (const item of items) {
    yield `${isFirst ? '[' : ','}\n${inner}`
    isFirst = false
    // Like JSON.stringify, an array keeps a hole as null.
    yield* pieces(item === undefined || typeof item === 'function' ? null : item, inner)
  }
  yield isFirst ? '[]' : `\n${indent}]`
}

/** Plain items are serialised whole, one piece each: far fewer pieces than walking them. */
function* sequencePieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `
  let isFirst = true
  for (const item of items) {
    const text = JSON.stringify(item ?? null, null, 2).replaceAll('\n', `\n${inner}`)
    yield `${isFirst ? '[' : ','}\n${inner}${text}`
    isFirst = false
  }
  yield isFirst ? '[]' : `\n${indent}]`
}

function* objectPieces(object: Record<string, unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `
  let isFirst = true
  for (const [key, item] of Object.entries(object)) {
    if (item === undefined || typeof item === 'function') continue
    yield `${isFirst ? '{' : ','}\n${inner}${JSON.stringify(key)}: `
    isFirst = false
    yield* pieces(item, inner)
  }
  yield isFirst ? '{}' : `\n${indent}}`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
