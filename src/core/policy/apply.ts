// Which objects a cluster holds after `kubectl apply -f` of a revision's policy files, given
// what it held before. Static prediction and cluster mode both evaluate these sets, so a
// broken file or a duplicate name means the same in both:
// - a file kubectl cannot read to the end applies the documents before the break; the objects
//   the file held in the previous revision stay as they were;
// - an object the API server or Cilium refuses leaves the previous version in force
//   (docs/semantics.md: an invalid update keeps the version imported before);
// - two objects with the same kind, namespace and name: the one applied last wins, and
//   `kubectl apply -f DIR` applies files in lexical order (filepath.Walk in
//   k8s.io/cli-runtime pkg/resource/visitor.go ExpandPathsToFileVisitors);
// - an object in no file of the revision is gone (a file deleted in head removes its objects).
import type { Diagnostic } from '../model.js'
import { describePolicy } from './document.js'
import type { CidrGroup, LoadedPolicies, PolicyDocument } from './document.js'

export interface AppliedSides {
  base?: LoadedPolicies
  head: LoadedPolicies
}

/** Base as applied to an empty cluster, head as applied on top of base. */
export function applyAsCluster(base: LoadedPolicies | undefined, head: LoadedPolicies): AppliedSides {
  const appliedBase = base ? applyRevision(base, undefined) : undefined
  return { base: appliedBase, head: applyRevision(head, appliedBase) }
}

/** Orders paths as filepath.Walk visits them: name by name, each directory's entries in byte order. */
export function compareApplyOrder(a: string, b: string): number {
  const left = a.split('/')
  const right = b.split('/')
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i] < right[i] ? -1 : 1
  }
  return left.length - right.length
}

interface ApplyState {
  objects: Map<string, PolicyDocument>
  /** Keys applied from this revision's files (not carried over from before). */
  fromRevision: Set<string>
  leading: Diagnostic[]
  notes: Diagnostic[]
}

function applyRevision(loaded: LoadedPolicies, previous: LoadedPolicies | undefined): LoadedPolicies {
  const unread = new Map((loaded.unread ?? []).map((u) => [u.file, u.line]))
  const isApplied = (file: string, line: number): boolean => {
    const from = unread.get(file)
    return from === undefined || (from > 0 && line < from)
  }
  const before = new Map((previous?.policies ?? []).map((doc) => [describePolicy(doc.ref), doc]))
  const state: ApplyState = { objects: new Map(), fromRevision: new Set(), leading: [], notes: [] }
  const documents = loaded.policies
    .filter((doc) => isApplied(doc.ref.file, doc.ref.line))
    .sort((a, b) => compareApplyOrder(a.ref.file, b.ref.file) || a.ref.line - b.ref.line)
  for (const doc of documents) applyDocument(state, doc, before.get(describePolicy(doc.ref)))
  for (const [file, line] of [...unread].sort((a, b) => compareApplyOrder(a[0], b[0]))) {
    keepUnreadFile(state, file, line, previous?.policies)
  }
  const failedFiles = new Set([...state.leading.map((d) => d.file)])
  const isLeading = (d: Diagnostic): boolean => d.severity === 'error' && failedFiles.has(d.file)
  return {
    ...loaded,
    policies: [...state.objects.values()],
    cidrGroups: applyCidrGroups(loaded, previous, isApplied),
    diagnostics: [
      ...loaded.diagnostics.filter(isLeading),
      ...state.leading,
      ...loaded.diagnostics.filter((d) => !isLeading(d)),
      ...state.notes
    ]
  }
}

function applyDocument(state: ApplyState, doc: PolicyDocument, before: PolicyDocument | undefined): void {
  const key = describePolicy(doc.ref)
  const current = state.objects.get(key)
  if (current && state.fromRevision.has(key) && current.ref.file !== doc.ref.file) {
    state.notes.push(duplicateWarning(doc, current))
  }
  if (doc.valid) {
    state.objects.set(key, doc)
    state.fromRevision.add(key)
    return
  }
  // A refused object replaces nothing: what was there before stays in force.
  if (current) return
  if (before) {
    state.objects.set(key, before)
    state.leading.push(keptDiagnostic(doc, before))
    return
  }
  state.objects.set(key, doc)
  state.fromRevision.add(key)
}

/** Objects the file held before and this revision could not apply stay as they were. */
function keepUnreadFile(
  state: ApplyState,
  file: string,
  line: number,
  previous: readonly PolicyDocument[] | undefined
): void {
  const kept: PolicyDocument[] = []
  for (const doc of previous ?? []) {
    const key = describePolicy(doc.ref)
    if (doc.ref.file !== file || state.objects.has(key)) continue
    state.objects.set(key, doc)
    kept.push(doc)
  }
  const where = line > 0 ? `from line ${line} on` : 'at all'
  const keptText =
    kept.length > 0
      ? `the cluster keeps the previous version of ${kept.map((d) => describePolicy(d.ref)).join(', ')}, and so does this prediction`
      : previous
        ? 'no object of the previous revision comes from this file, so nothing of it is in force'
        : 'nothing of it from there on is in force'
  state.leading.push({
    severity: 'warning',
    file,
    line,
    column: 0,
    path: '',
    message: `kubectl apply cannot read this file ${where}, so it applies nothing from there: ${keptText}`
  })
}

function keptDiagnostic(doc: PolicyDocument, before: PolicyDocument): Diagnostic {
  return warningOn(
    doc,
    `${describePolicy(doc.ref)} is refused in this revision, so the version from before (${before.ref.file}:${before.ref.line}) stays in force, as in a cluster`
  )
}

function duplicateWarning(doc: PolicyDocument, earlier: PolicyDocument): Diagnostic {
  const winner = doc.valid ? `this one (${doc.ref.file})` : `${earlier.ref.file}, as this one is refused`
  return warningOn(
    doc,
    `${describePolicy(doc.ref)} is defined in ${earlier.ref.file}:${earlier.ref.line} and again in ${doc.ref.file}:${doc.ref.line}; kubectl apply -f applies files in lexical order, so the last wins: ${winner}`
  )
}

/** A warning at the object's own place in its file. */
function warningOn(doc: PolicyDocument, message: string): Diagnostic {
  const object = describePolicy(doc.ref)
  return { severity: 'warning', file: doc.ref.file, line: doc.ref.line, column: 0, path: '', message, object }
}

/** CiliumCIDRGroups (cluster-scoped, by name) follow the same rules, without diagnostics of their own. */
function applyCidrGroups(
  loaded: LoadedPolicies,
  previous: LoadedPolicies | undefined,
  isApplied: (file: string, line: number) => boolean
): CidrGroup[] {
  const groups = new Map<string, CidrGroup>()
  const ordered = loaded.cidrGroups
    .filter((group) => isApplied(group.file, group.line))
    .sort((a, b) => compareApplyOrder(a.file, b.file) || a.line - b.line)
  for (const group of ordered) groups.set(group.name, group)
  const unread = new Set((loaded.unread ?? []).map((u) => u.file))
  for (const group of previous?.cidrGroups ?? []) {
    if (unread.has(group.file) && !groups.has(group.name)) groups.set(group.name, group)
  }
  return [...groups.values()]
}
