// `npm run bench`: speed measured side by side in one run and printed as ratios; never
// asserted in tests.
import { benchDiff } from './diff-bench.js'
import { benchEngine } from './engine-bench.js'
import { benchProbeRound } from './probe-round.js'

function section(title: string, lines: string[]): void {
  console.log(`\n## ${title}`)
  for (const line of lines) console.log(line)
}

section('static engine at cluster scale', benchEngine())
section('diff of a policy change', benchDiff())
section('probe round in the network-namespace test bed (root only)', await benchProbeRound())
