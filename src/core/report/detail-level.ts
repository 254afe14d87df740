// How much of the report a document shows. A comment is planned to fit its budget by choosing
// the richest level that fits, never by cutting a list in the middle: every shortened list
// says how many items it leaves out and where they are.

export interface DetailLevel {
  errors: number
  violations: number
  causes: number
  /** Policies named per cause (a change to several policies at once). */
  policiesPerCause: number
  /** Destinations listed in the folded details; 0 leaves the details out. */
  destinations: number
  rowsPerDestination: number
  /** Most edges drawn; 0 leaves the graph out. */
  graphEdges: number
  notices: number
  hasMatrix: boolean
}

const ALL = Number.POSITIVE_INFINITY

/** From everything to the bare verdict; the last level is small whatever the input. */
export const DETAIL_LEVELS: readonly DetailLevel[] = [
  level(ALL, ALL, ALL, ALL, ALL, ALL, 40, ALL, true),
  level(50, 50, 20, 5, ALL, 20, 40, 50, true),
  level(50, 50, 20, 5, ALL, 20, 40, 50, false),
  level(30, 30, 15, 5, 40, 10, 30, 30, false),
  level(20, 20, 10, 3, 20, 5, 20, 20, false),
  level(20, 20, 10, 3, 10, 3, 20, 10, false),
  level(20, 20, 10, 3, 6, 2, 0, 10, false),
  level(10, 10, 8, 3, 0, 0, 0, 5, false),
  level(5, 5, 3, 2, 0, 0, 0, 0, false)
]

function level(
  errors: number,
  violations: number,
  causes: number,
  policiesPerCause: number,
  destinations: number,
  rowsPerDestination: number,
  graphEdges: number,
  notices: number,
  hasMatrix: boolean
): DetailLevel {
  return {
    errors,
    violations,
    causes,
    policiesPerCause,
    destinations,
    rowsPerDestination,
    graphEdges,
    notices,
    hasMatrix
  }
}

/**
 * The first rendering, richest first, whose length is within `maxLength`; else the last one.
 * `atLeast` is a cheap lower bound of a level's length: a level that cannot fit is not rendered,
 * which matters when the richest levels would escape hundreds of thousands of rows.
 */
export function renderWithinBudget(
  render: (level: DetailLevel) => string,
  maxLength: number,
  atLeast: (level: DetailLevel) => number = () => 0
): string {
  let text = ''
  for (const [i, candidate] of DETAIL_LEVELS.entries()) {
    if (i < DETAIL_LEVELS.length - 1 && atLeast(candidate) > maxLength) continue
    text = render(candidate)
    if (text.length <= maxLength) return text
  }
  return text
}
