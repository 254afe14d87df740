// The policy side of the work budget: ports, excepts, selectors and rules are counted (as list
// entries and mapping keys of the policies' specs) before anything is normalised or evaluated.
// A side over the limit is not evaluated at all, and says so, instead of running for minutes.
import { countItems, raiseHint, workLimits } from './budget.js'
import type { Diagnostic } from './model.js'
import type { PredictInput } from './predict.js'

export function policyBudgetProblems(input: PredictInput): Diagnostic[] {
  const limits = workLimits(input.options.limits)
  const limit = limits['policy-items']
  const problems: Diagnostic[] = []
  const sides = [
    ['head', input.head],
    ['base', input.base]
  ] as const
  for (const [name, side] of sides) {
    if (!side) continue
    const items = countItems(
      side.loaded.policies.map((policy) => policy.raw),
      limit
    )
    if (items <= limit) continue
    problems.push({
      severity: 'error',
      file: side.loaded.policies[0]?.ref.file ?? '',
      line: 0,
      column: 0,
      path: '',
      message: `the policies of ${side.label} have more than ${limit.toLocaleString('en')} list entries and keys (ports, excepts, selectors, rules; limit policy-items); nothing was evaluated`,
      expected: raiseHint('policy-items', limits),
      ...(name === 'base' ? { revision: 'base' as const } : {})
    })
  }
  return problems
}

/** The input with both sides' policies and the topology set aside, and the reason among the head's diagnostics. */
export function withoutPolicies(input: PredictInput, problems: readonly Diagnostic[]): PredictInput {
  const empty = (side: PredictInput['head']): PredictInput['head'] => ({
    ...side,
    loaded: { ...side.loaded, policies: [], cidrGroups: [] }
  })
  const head = empty(input.head)
  head.loaded.diagnostics = [...problems, ...input.head.loaded.diagnostics]
  // No topology and no expectations either: a matrix without the policies would be wrong.
  const scenario = {
    file: input.scenario?.file ?? '',
    expect: [],
    topology: { namespaces: [], pods: [], external: [] }
  }
  return { ...input, head, base: input.base ? empty(input.base) : undefined, scenario }
}
