// The CLI and the Cilium version: a policy 1.19's API server refuses is invalid input (exit 2),
// named by file, line and field, while 1.18 accepts it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reachdiff } from './helpers/cli.js'

const REQUIRES = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: p, namespace: x}
spec:
  endpointSelector: {}
  ingress:
  - fromEndpoints: [{}]
    fromRequires: [{matchLabels: {env: prod}}]
`

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reachdiff-versions-'))
  writeFileSync(join(dir, 'p.yaml'), REQUIRES)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('--cilium-version gates what the API server accepts', () => {
  it('fromRequires passes on 1.18', async () => {
    const run = await reachdiff(['matrix', '--policies', 'p.yaml', '--cilium-version', '1.18.12'], dir)
    expect(run.code).toBe(0)
  })

  it('fromRequires is invalid input on 1.19: exit 2, with file, line and field', async () => {
    const run = await reachdiff(['matrix', '--policies', 'p.yaml', '--cilium-version', '1.19.8'], dir)
    expect(run.code).toBe(2)
    const printed = run.stdout + run.stderr
    expect(printed).toContain('p.yaml:8')
    expect(printed).toContain('spec.ingress[0].fromRequires')
    expect(printed).toMatch(/fromRequires was\s+removed in Cilium 1\.19/)
  })
})
