// Bundles every entry point with ncc into its own folder under dist/; beside each ESM bundle ncc
// writes a `package.json` of `{"type":"module"}` so Node loads it as a module.
// The output is committed and CI rebuilds it and diffs it, so nothing here may depend on the time,
// the machine or the checkout path.
import console from 'node:console'
import process from 'node:process'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const nccCli = join(
  dirname(createRequire(import.meta.url).resolve('@vercel/ncc/package.json')),
  'dist/ncc/cli.js'
)
const SHEBANG = '#!/usr/bin/env node\n'

/**
 * `out` folders must be built parents first: ncc empties its output folder before writing,
 * so building `dist` after `dist/cli` would delete the CLI.
 */
const entries = [
  { entry: 'src/index.ts', out: 'dist' }, // action main step (action.yml runs.main)
  { entry: 'src/post.ts', out: 'dist/post' }, // action post step (action.yml runs.post)
  { entry: 'src/cli/index.ts', out: 'dist/cli', isBin: true }, // package.json bin `reachdiff`
  // The probe agent is copied into pods through a ConfigMap: one self-contained file, no source map.
  { entry: 'src/agent/index.ts', out: 'dist/agent', sourceMap: false }
]

function bundle({ entry, out, sourceMap = true }) {
  const maps = sourceMap ? ['--source-map'] : []
  const args = [nccCli, 'build', entry, '-o', out, ...maps, '--license', 'licenses.txt', '-q']
  const res = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (res.error) throw res.error
  if (res.status !== 0) {
    console.error(`build: ncc failed for ${entry} (exit ${res.status ?? res.signal})`)
    process.exit(1)
  }
}

// ncc keeps a shebang that is in the source; add one if the entry lost it, shifting the source
// map down one line the way ncc does itself.
function makeExecutable(out) {
  const file = join(root, out, 'index.js')
  const code = readFileSync(file, 'utf8')
  if (!code.startsWith('#!')) {
    writeFileSync(file, SHEBANG + code)
    const mapFile = `${file}.map`
    if (existsSync(mapFile)) {
      const map = JSON.parse(readFileSync(mapFile, 'utf8'))
      map.mappings = `;${map.mappings}`
      writeFileSync(mapFile, JSON.stringify(map))
    }
  }
  chmodSync(file, 0o755)
}

// Start from nothing so a removed entry leaves no stale folder behind.
rmSync(join(root, 'dist'), { recursive: true, force: true })
for (const e of entries) {
  if (e.isOptional && !existsSync(join(root, e.entry))) {
    console.log(`build: ${e.entry} does not exist yet, skipping ${e.out}/`)
    continue
  }
  bundle(e)
  if (e.isBin) makeExecutable(e.out)
  console.log(`build: ${e.entry} -> ${e.out}/index.js`)
}
