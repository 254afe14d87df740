// Everything a renderer needs to present one run, computed beforehand. Renderers (markdown,
// text, json) are pure functions of this object.
import type { MatrixDiff, PolicyChange } from '../diff.js'
import type { Matrix } from '../matrix.js'
import type { Diagnostic, Flow, Topology, Verdict } from '../model.js'
import type { ComparedRevisions } from './revisions.js'

/** A flow whose verdict differs from what the repository's expectations file demands. */
export interface Violation {
  flow: Flow
  expected: Verdict
  actual: Verdict
  /** The engine's (or the probe's) reason for the actual verdict. */
  reason: string
  /** Where the expectation stands (`file:line`). */
  file: string
  line: number
  /**
   * Cluster mode: `observed` when the flow's settled head observation was judged, `prediction`
   * when it had none (flaky, SCTP, no verdict) and the static prediction stood in. Absent in
   * static mode, where every verdict is predicted.
   */
  judgedBy?: 'observed' | 'prediction'
}

/** A flow where the cluster's observation and the static prediction disagree (cluster mode). */
export interface Disagreement {
  flow: Flow
  side: 'base' | 'head'
  predicted: Verdict
  observed: Verdict
  reason: string
}

export interface RevisionReport {
  /** What the side is: a git revision, a directory, or "no policies". */
  label: string
  matrix: Matrix
  /** Number of valid policy objects on this side. */
  policyCount: number
}

export interface Report {
  /** reachdiff's own version, for the footer. */
  toolVersion: string
  /** The Cilium version whose semantics the prediction follows. */
  ciliumVersion: string
  /** Absent when there is nothing to compare with (workflow_dispatch, schedule, `matrix`). */
  base?: RevisionReport
  head: RevisionReport
  /** Which states of the repository base and head are, when the Action resolved them from an event. */
  revisions?: ComparedRevisions
  topology: Topology
  topologySource: 'scenario' | 'generated'
  diff?: MatrixDiff
  /** Policies added, removed, edited or refused between base and head: what explains the diff. */
  policyChanges?: PolicyChange[]
  violations: Violation[]
  disagreements: Disagreement[]
  /** Flows whose probe results disagreed with each other (cluster mode). */
  flaky: Flow[]
  diagnostics: Diagnostic[]
}
