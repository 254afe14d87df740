// Checks action.yml and the workflows with GitHub's own parser and schemas
// (@actions/workflow-parser: `parseAction` with the `action-v1.0` schema, `parseWorkflow`).
// @actions/workflow-parser imports its schema JSON without an import attribute, which plain Node
// rejects, so `npm run lint:action` bundles this file with ncc first and runs the bundle.
import console from 'node:console'
import process from 'node:process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'

// The schema accepts any string for runs.using; the runner does not. node20 is being retired
// from the runners (github.blog/changelog/2025-09-19-deprecation-of-node-20-on-github-actions-runners)
// but still runs, forced onto Node 24.
const SUPPORTED_USING = ['node20', 'node24', 'composite', 'docker']
const WORKFLOW_DIR = '.github/workflows'

const trace = new NoOperationTraceWriter()
let problems = 0

function report(name, result) {
  const errors = result.context.errors.getErrors()
  for (const e of errors) console.log(`${name}: ${e.message}`)
  problems += errors.length
  return errors.length
}

function complain(message) {
  console.log(message)
  problems++
}

async function lintAction(file) {
  const result = parseAction({ name: file, content: readFileSync(file, 'utf8') }, trace)
  if (report(file, result) || !result.value) return
  const action = await convertActionTemplate(result.context, result.value)
  if (report(file, result)) return
  const runs = action.runs ?? {}
  if (!SUPPORTED_USING.includes(runs.using)) {
    complain(`${file}: runs.using is '${runs.using}', expected one of ${SUPPORTED_USING.join(', ')}`)
  }
  // A node action whose bundle is missing fails only when someone uses it; catch it here.
  if (String(runs.using).startsWith('node')) {
    for (const key of ['pre', 'main', 'post']) {
      if (runs[key] && !existsSync(runs[key])) {
        complain(`${file}: runs.${key} is '${runs[key]}', which does not exist (run npm run build)`)
      }
    }
  }
}

const actionFiles = ['action.yml', 'action.yaml'].filter((f) => existsSync(f))
if (actionFiles.length === 0)
  console.log('lint-action: no action.yml yet, skipping the action metadata check')
for (const f of actionFiles) await lintAction(f)

const workflows = existsSync(WORKFLOW_DIR) ? readdirSync(WORKFLOW_DIR).filter((n) => /\.ya?ml$/.test(n)) : []
for (const f of workflows.sort()) {
  const path = join(WORKFLOW_DIR, f)
  report(path, parseWorkflow({ name: path, content: readFileSync(path, 'utf8') }, trace))
}

const checked = `${actionFiles.length} action file(s), ${workflows.length} workflow(s)`
console.log(problems ? `lint-action: ${problems} problem(s) in ${checked}` : `lint-action: ${checked} OK`)
process.exit(problems ? 1 : 0)
