// Hand-built reports for the renderer tests. The seed case is the published guide's mistake:
// a CCNP with only `ingressDeny` against run=client closes `web` to every other pod as well.
import type { FlowVerdict, SideVerdict } from '../../src/core/engine/engine.js'
import { diffMatrices } from '../../src/core/diff.js'
import type { Matrix, MatrixCell } from '../../src/core/matrix.js'
import type { Diagnostic, Flow, Pod, Topology } from '../../src/core/model.js'
import { compareFlows } from '../../src/core/model.js'
import type { PolicyRef } from '../../src/core/policy/document.js'
import type { Report } from '../../src/core/report/report.js'

export const WEB = 'policy-test/web'
export const CLIENTS = [
  'policy-test/client',
  'policy-test/other-client',
  'policy-test/test-pod',
  'outside/outsider'
]

export const BLOCK_CLIENT: PolicyRef = {
  kind: 'CiliumClusterwideNetworkPolicy',
  name: 'block-client',
  file: 'policies/block-client.yaml',
  line: 1
}

const DENY_REASON = `denied by CiliumClusterwideNetworkPolicy block-client ingressDeny[0] (ingress of ${WEB})`
const DEFAULT_DENY_REASON = `default deny on ingress of ${WEB} (selected by CiliumClusterwideNetworkPolicy block-client, which has ingress rules); no rule allows this flow`
export const OPEN_REASON = 'allowed: no policy enforces either side'

function pod(key: string, labels: Record<string, string>): Pod {
  const [namespace, name] = key.split('/')
  return { namespace, name, labels, serviceAccount: 'default', ports: [{ protocol: 'TCP', port: 80 }] }
}

export function seedTopology(): Topology {
  return {
    namespaces: [
      { name: 'outside', labels: { 'kubernetes.io/metadata.name': 'outside' } },
      { name: 'policy-test', labels: { 'kubernetes.io/metadata.name': 'policy-test' } }
    ],
    pods: [
      pod(WEB, { run: 'web' }),
      pod('policy-test/client', { run: 'client' }),
      pod('policy-test/other-client', { run: 'other-client' }),
      pod('policy-test/test-pod', { run: 'test-pod' }),
      pod('outside/outsider', { run: 'outsider' })
    ],
    external: []
  }
}

function side(
  subject: string,
  direction: 'egress' | 'ingress',
  decision: SideVerdict['decision']
): SideVerdict {
  const isDeny = decision === 'denied' || decision === 'default-deny'
  return {
    direction,
    subject,
    verdict: isDeny ? 'deny' : 'allow',
    decision,
    rules: decision === 'denied' ? [{ policy: BLOCK_CLIENT, section: 'ingressDeny', index: 0 }] : [],
    enforcedBy: decision === 'not-enforced' ? [] : [BLOCK_CLIENT],
    syntheticAllowBy: []
  }
}

export function openCell(flow: Flow): MatrixCell {
  const explanation: FlowVerdict = {
    flow,
    verdict: 'allow',
    reason: OPEN_REASON,
    egress: side(flow.from, 'egress', 'not-enforced'),
    ingress: side(flow.to, 'ingress', 'not-enforced')
  }
  return { flow, verdict: 'allow', reason: OPEN_REASON, explanation }
}

export function closedCell(flow: Flow, decision: 'denied' | 'default-deny'): MatrixCell {
  const reason = decision === 'denied' ? DENY_REASON : DEFAULT_DENY_REASON
  const explanation: FlowVerdict = {
    flow,
    verdict: 'deny',
    reason,
    egress: side(flow.from, 'egress', 'not-enforced'),
    ingress: side(flow.to, 'ingress', decision)
  }
  return { flow, verdict: 'deny', reason, explanation }
}

function tcp80(from: string, to: string): Flow {
  return { from, to, protocol: 'TCP', port: 80 }
}

/** Every pod to every other pod on TCP/80. */
export function seedFlows(): Flow[] {
  const keys = [WEB, ...CLIENTS]
  return keys
    .flatMap((from) => keys.filter((to) => to !== from).map((to) => tcp80(from, to)))
    .sort(compareFlows)
}

export const DIAGNOSTIC: Diagnostic = {
  severity: 'warning',
  file: 'policies/block-client.yaml',
  line: 7,
  column: 5,
  path: 'spec.ingressDeny[0]',
  message: 'a deny-only policy puts the selected endpoints into ingress default deny'
}

export function seedReport(): Report {
  const flows = seedFlows()
  const base: Matrix = { source: 'predicted', cells: flows.map(openCell) }
  const head: Matrix = {
    source: 'predicted',
    cells: flows.map((flow) => {
      if (flow.to !== WEB) return openCell(flow)
      return closedCell(flow, flow.from === 'policy-test/client' ? 'denied' : 'default-deny')
    })
  }
  const violationFlow = tcp80('policy-test/other-client', WEB)
  return {
    toolVersion: '0.1.0',
    ciliumVersion: '1.18.12',
    base: { label: 'main', matrix: base, policyCount: 0 },
    head: { label: 'pr-42', matrix: head, policyCount: 1 },
    topology: seedTopology(),
    topologySource: 'scenario',
    diff: diffMatrices(base, head),
    policyChanges: [{ kind: 'added', policy: BLOCK_CLIENT, sections: ['ingressDeny'] }],
    violations: [
      {
        flow: violationFlow,
        expected: 'allow',
        actual: 'deny',
        reason: DEFAULT_DENY_REASON,
        file: 'reachdiff.yaml',
        line: 12
      }
    ],
    disagreements: [],
    flaky: [],
    diagnostics: [DIAGNOSTIC]
  }
}

/** A report whose head and base are equal: nothing changed. */
export function quietReport(): Report {
  const report = seedReport()
  report.head = { ...report.base!, label: 'pr-43' }
  report.diff = diffMatrices(report.base!.matrix, report.head.matrix)
  report.violations = []
  report.diagnostics = []
  return report
}

/** A seed report where pod and namespace names, reasons and files carry `hostile`. */
export function hostileReport(hostile: string): Report {
  const from = `policy-test/${hostile}`
  const to = `${hostile}/web`
  const flow: Flow = { from, to, protocol: 'TCP', port: 80, http: { method: 'GET', path: `/${hostile}` } }
  const before = openCell(flow)
  const after: MatrixCell = {
    flow,
    verdict: 'deny',
    reason: `denied by CiliumNetworkPolicy ${to} ingressDeny[0]`
  }
  const base: Matrix = { source: 'predicted', cells: [before] }
  const head: Matrix = { source: 'predicted', cells: [after] }
  return {
    toolVersion: '0.1.0',
    ciliumVersion: '1.18.12',
    base: { label: hostile, matrix: base, policyCount: 1 },
    head: { label: hostile, matrix: head, policyCount: 1 },
    topology: { namespaces: [], pods: [], external: [] },
    topologySource: 'generated',
    diff: diffMatrices(base, head),
    violations: [
      { flow, expected: 'allow', actual: 'deny', reason: after.reason, file: `${hostile}.yaml`, line: 3 }
    ],
    disagreements: [{ flow, side: 'head', predicted: 'deny', observed: 'allow', reason: hostile }],
    flaky: [flow],
    diagnostics: [{ ...DIAGNOSTIC, file: `${hostile}.yaml`, message: hostile, value: hostile }]
  }
}

/** `count` closed flows from distinct sources into a handful of destinations. */
export function hugeReport(count: number): Report {
  const flows: Flow[] = []
  for (let i = 0; i < count; i++)
    flows.push(tcp80(`load/client-${String(i).padStart(5, '0')}`, `load/web-${i % 7}`))
  flows.sort(compareFlows)
  const base: Matrix = { source: 'predicted', cells: flows.map(openCell) }
  const head: Matrix = { source: 'predicted', cells: flows.map((flow) => closedCell(flow, 'default-deny')) }
  const report = seedReport()
  return {
    ...report,
    base: { ...report.base!, matrix: base },
    head: { ...report.head, matrix: head },
    diff: diffMatrices(base, head)
  }
}
