// Prints jest's result as one plain closing line, `N passed, N failed, N skipped`, because the
// summary jest prints itself is not a line CI can read.
// usage: node scripts/ci-summary.mjs <jest --json output file>
import console from 'node:console'
import process from 'node:process'
import { existsSync, readFileSync } from 'node:fs'

const file = process.argv[2]
if (!file || !existsSync(file)) {
  console.error(`ci-summary: jest wrote no JSON report${file ? ` at ${file}` : ''}; see its output above`)
  process.exit(1)
}
const r = JSON.parse(readFileSync(file, 'utf8'))

// A suite that fails before any test runs (a syntax error, a throwing import) counts no failed
// test, so count each such suite as one failure or the line would read "0 failed" on a red run.
const brokenSuites = r.testResults.filter(
  (s) => s.status === 'failed' && s.assertionResults.length === 0
).length
const failed = r.numFailedTests + brokenSuites
const skipped = r.numPendingTests + r.numTodoTests
console.log(`${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`)
