// Keeps the README's inputs/outputs tables generated from action.yml.
//   node scripts/action-docs.mjs          rewrite the tables in README.md
//   node scripts/action-docs.mjs --check  exit 1 when README.md has drifted from action.yml
import console from 'node:console'
import process from 'node:process'
import { readFileSync, writeFileSync } from 'node:fs'
import { load } from 'js-yaml'

const START = '<!-- action-docs:start (generated from action.yml by scripts/action-docs.mjs) -->'
const END = '<!-- action-docs:end -->'

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
const code = (text) => (text === '' ? '`""`' : `\`${cell(text).replace(/`/g, "'")}\``)

function tables(action) {
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, input]) =>
      `| \`${name}\` | ${cell(input.description)} | ${input.default === undefined ? '' : code(String(input.default).trim().split('\n').join(', '))} |`
  )
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return [
    '### Inputs',
    '',
    '| input | description | default |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '### Outputs',
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs
  ].join('\n')
}

const action = load(readFileSync('action.yml', 'utf8'))
const readme = readFileSync('README.md', 'utf8')
const start = readme.indexOf(START)
const end = readme.indexOf(END)
if (start < 0 || end < start) {
  console.error(`README.md needs the markers ${START} and ${END}`)
  process.exit(1)
}
const updated = `${readme.slice(0, start + START.length)}\n${tables(action)}\n${readme.slice(end)}`
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md is out of date with action.yml: run node scripts/action-docs.mjs and commit')
    process.exit(1)
  }
  console.log('README.md matches action.yml')
} else {
  writeFileSync('README.md', updated)
}
