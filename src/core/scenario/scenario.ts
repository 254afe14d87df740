// A reachability scenario (docs/scenario-format.md): topology, policies and expectations.
// The same file is a conformance case and a repository's expectations file.
import type { HttpRequest, Protocol, Topology, Verdict } from '../model.js'
import type { AgentSettings, EnforcementMode } from '../options.js'

export interface ExpectEntry {
  /** `namespace/pod`, either part may be `*`; a bare `*` is any pod; `world/NAME` an external. */
  from: string
  to: string
  port?: number
  protocol?: Protocol
  http?: HttpRequest
  verdict: Verdict
  /** Where the entry stands, for reports. */
  line: number
  /** Column of the entry (1-based), when known. */
  column?: number
}

export interface Scenario {
  file: string
  name: string
  source?: string
  description?: string
  tags: string[]
  enforcement: EnforcementMode
  agent: Partial<AgentSettings>
  /** Absent when the file leaves it out: commands then generate one from the policies. */
  topology?: Topology
  /** `complete: true`: every flow must match an expect entry (conformance cases say so). */
  complete: boolean
  /** The `policies` block scalar, verbatim. */
  policiesText: string
  /** Where the policies text starts in the scenario file, so policy diagnostics point into it. */
  policiesOrigin: { lineOffset: number; columnOffset: number }
  /** In file order; for each flow the last matching entry wins. */
  expect: ExpectEntry[]
}
