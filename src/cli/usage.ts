// What each command accepts, printed by `reachdiff help`, `reachdiff <command> --help`, and after
// a usage mistake; and the message for an option node:util parseArgs rejects.

const COMMON = `common options:
  --format text|json                output format (markdown too for diff and matrix)
  --cilium-version V                Cilium semantics to follow (default: the version the Action installs)
  --enforcement default|always|never
                                    Cilium's policy-enforcement mode (default: the scenario's, else default)
  -h, --help                        this text
`

export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  check: `usage: reachdiff check [--policies PATH|GLOB]... [FILE|DIR...]

Judges scenario files' expectations against the predicted reachability. Without FILE, the
scenario is ./reachdiff.yaml and the policies are policies/**/*.yaml (or --policies). With FILE
and no --policies, each scenario's own "policies" block is judged. With --policies, the words
after it are more policy paths, except the last, which is the scenario FILE.
A scenario without "topology" uses the topology generated from the policies.
Closes with "N passed, N failed, N skipped" (", N invalid" when a scenario could not be read);
exit 0 all passed, 1 a scenario failed, 2 invalid input.

options:
  --policies PATH|GLOB              policy files, directories or globs (quote globs)
  --format text|json
  --cilium-version V
`,
  diff: `usage: reachdiff diff --base REF [--head REF] [--policies GLOB...] [--scenario FILE]
       reachdiff diff --base-dir DIR --head-dir DIR [--scenario FILE]

What a policy change does to reachability. Without --head, the head is the working tree. Without
--scenario, ./reachdiff.yaml at the repository root is used when present.

options:
  --policies GLOB...                policy files in the repository (default: policies/**/*.yaml)
  --scenario FILE                   topology and expectations
  --workloads GLOB|PATH...          Deployments, StatefulSets, ... whose pods form the topology
                                    (globs at the head revision in git mode, else paths)
  --topology-from FILE              pods of a cluster, saved with
                                    kubectl get namespaces,pods -A -o json > FILE
  --format markdown|text|json
  --out FILE                        write the report to FILE
  --verbose                         text: every changed flow, not the first rows of each destination
  --fail-on violations|changes|never
                                    what makes the exit code 1 (default: violations)
  --cilium-version V
  --enforcement default|always|never
`,
  matrix: `usage: reachdiff matrix --policies PATH|GLOB... [--scenario FILE]

The predicted reachability matrix. Without --scenario, the topology is generated from the
policies. A path or glob that matches no policy file is an error.

options:
  --policies PATH|GLOB...           policy files, directories or globs (quote globs)
  --scenario FILE                   the topology to use
  --workloads GLOB|PATH...          Deployments, StatefulSets, ... whose pods form the topology
                                    (globs at the head revision in git mode, else paths)
  --topology-from FILE              pods of a cluster, saved with
                                    kubectl get namespaces,pods -A -o json > FILE
  --format text|json|markdown
  --cilium-version V
  --enforcement default|always|never
`,
  explain: `usage: reachdiff explain --from NS/POD --to NS/POD [--port 80/TCP] [--http "GET /path"]
                        [--policies PATH|GLOB...] [--scenario FILE]

One flow, both directions, every rule that mattered. With --scenario, the flow runs in its
topology and, without --policies, its own policies are explained. Without --scenario, the topology
is generated from the policies (--policies, default policies/**/*.yaml), and pods are named as
reports name them. --to may also be world/NAME.

options:
  --from NS/POD, --to NS/POD        the flow (or world/NAME)
  --port PORT/PROTOCOL              default 80/TCP; ICMP for a ping
  --http "METHOD /path"             one HTTP request on that port
  --policies PATH|GLOB...
  --scenario FILE
  --format text|json
  --cilium-version V
  --enforcement default|always|never
`
}

export const USAGE = `usage: reachdiff <command> [options]

commands:
  check [--policies GLOB]... [FILE|DIR...]
                                    check scenario files' expectations against the prediction
  diff --base REF [--head REF]      what a policy change does to reachability
       (or --base-dir DIR --head-dir DIR)
  matrix --policies PATH|GLOB...    the predicted reachability matrix
  explain --from NS/POD --to NS/POD one flow, both directions, every rule that mattered

${COMMON}
"reachdiff <command> --help" shows a command's options.
`

/** True when the arguments ask for help (before a "--" that ends the options). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/**
 * The message for a parseArgs rejection. Node's own text for an unknown option quotes unevenly
 * ("Unknown option '--x'. To specify a positional argument starting with a '-', place it at the
 * end of the command after '--', as in '-- \"--x\"", node lib/internal/util/parse_args), so only
 * the option's name is kept from it.
 */
export function describeArgsError(error: { code: string; message: string }): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /^Unknown option '([^']+)'/.exec(error.message)?.[1]
    return option === undefined ? 'unknown option' : `unknown option ${option}`
  }
  // "Option '--format <value>' argument missing", "Option '-x' does not take an argument".
  return error.message.charAt(0).toLowerCase() + error.message.slice(1)
}
