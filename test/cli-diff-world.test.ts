// Traffic from outside the cluster in `reachdiff diff` on a generated topology: every external
// endpoint the policies imply is also a source, so removing a cluster-wide deny of `world` shows
// the pods that become reachable from the internet.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { reachdiff, REPO_ROOT } from './helpers/cli.js'

const FIXTURE = join(REPO_ROOT, 'test/fixtures/world-lockdown')
const ARGS = ['diff', '--base-dir', join(FIXTURE, 'base'), '--head-dir', join(FIXTURE, 'head')]

interface JsonChange {
  from: string
  to: string
  kind: string
  reason: string
}
interface JsonReport {
  changes: JsonChange[]
  topology: {
    pods: { namespace: string; name: string; labels: Record<string, string> }[]
    external: { name: string }[]
  }
}

describe('reachdiff diff: deleting the external-lockdown CCNP (ingressDeny fromEntities world)', () => {
  it('opens flows from world to every pod no other policy closes, and only those', async () => {
    const run = await reachdiff([...ARGS, '--format', 'json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as JsonReport
    expect(report.topology.external.map((e) => e.name)).toEqual(['internet'])
    const opened = report.changes.filter((c) => c.kind === 'opened')
    expect(opened.length).toBeGreaterThan(0)
    expect(opened.every((c) => c.from === 'world/internet')).toBe(true)
    // The lockdown's `ingress: fromEntities: [all]` goes too: pods lose role: public, which its
    // own policy now holds under default deny. Nothing from world closes.
    const closed = report.changes.filter((c) => c.kind === 'closed')
    expect(closed.every((c) => c.from !== 'world/internet')).toBe(true)

    const keyOf = (labels: Record<string, string>): string[] =>
      report.topology.pods
        .filter((p) => Object.entries(labels).every(([k, v]) => p.labels[k] === v))
        .map((p) => `${p.namespace}/${p.name}`)
    const openedTo = new Set(opened.map((c) => c.to))
    // role: public is allowed from world by its own policy once the deny is gone.
    for (const pod of keyOf({ role: 'public' })) expect(openedTo).toContain(pod)
    // The backend keeps its default deny: only the frontend gets in.
    for (const pod of keyOf({ app: 'backend' })) expect(openedTo).not.toContain(pod)
    const outsider = opened.find((c) => c.to === 'unmentioned/outsider')
    expect(outsider?.reason).toMatch(/no policy enforces either side|not enforced/)
  })

  it('names the deny that closed the flow at base', async () => {
    const run = await reachdiff([...ARGS, '--format', 'json'])
    const report = JSON.parse(run.stdout) as { changes: { from: string; baseReason: string }[] }
    const change = report.changes.find((c) => c.from === 'world/internet')
    expect(change?.baseReason).toMatch(
      /denied by CiliumClusterwideNetworkPolicy external-lockdown ingressDeny\[0\]/
    )
  })
})
