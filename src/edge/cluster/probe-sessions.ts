// Probing in cluster mode: one agent session per source (src/edge/observe/agent-session.ts),
// opened by the source's first batch and kept for the whole observation, so a round costs no
// kubectl start, API-server stream, kubelet/containerd exec or Node start. A pod's session is
// `kubectl exec -i … -- node /agent/index.js session --timeout-ms N`; a source external's is the
// same agent through `docker exec -i` in its container, whose traffic leaves from the world
// address (world-containers.ts routes the pod CIDRs from it). Each batch is judged exactly as a
// one-shot exec was (parseProbeOutput), and any batch that fails ends its session: the
// orchestration retries it, and the retry opens a fresh one. The caps are in exec-limit.ts.
import type { CommandRunner, RunningCommand } from '../command.js'
import { SessionPool } from '../observe/agent-session.js'
import type { BatchOutput } from '../observe/agent-session.js'
import type { ProbeResult, ProbeTarget } from '../observe/backend.js'
import { agentSessionArgs, execTimeoutMs } from '../observe/plan.js'
import { createLimiter } from './exec-limit.js'
import type { Kubectl } from './kubectl.js'
import { kubeTargetArgs } from './kubectl.js'
import { ProbeExecFailure, parseProbeOutput } from './probe.js'
import { AGENT_CONTAINER, AGENT_MOUNT } from './workloads/workload-manifests.js'

/** Where a source's agent runs: a pod (namespace as in the cluster), or an external's container. */
export type SessionSource =
  { key: string; namespace: string; pod: string } | { key: string; container: string }

export interface ProbeSessions {
  /** One batch from `source`, in its session; throws ProbeExecFailure when the batch failed. */
  probe(source: SessionSource, targets: readonly ProbeTarget[], timeoutMs: number): Promise<ProbeResult[]>
  /** Ends every session and waits for their processes to exit; later batches fail without opening one. */
  closeAll(): Promise<void>
}

export interface ProbeSessionLimits {
  /** Batches in flight at most (MAX_CONCURRENT_EXECS), which bounds session openings too. */
  maxInFlight: number
  /** Sessions open at most (MAX_OPEN_SESSIONS); never below maxInFlight. */
  maxOpen: number
}

/** `node /agent/index.js session --timeout-ms N`: the agent's session command, in a pod or a container. */
export function agentSessionCommand(timeoutMs: number): string[] {
  return ['node', `${AGENT_MOUNT}/index.js`, ...agentSessionArgs(timeoutMs)]
}

/** How one session starts, and how its batches are judged. */
interface SessionCommand {
  start(): RunningCommand
  judge(output: BatchOutput, expected: number): ProbeResult[]
}

function podSession(
  kubectl: Kubectl,
  source: { key: string; namespace: string; pod: string },
  timeoutMs: number
): SessionCommand {
  let argv: string[] = []
  return {
    start() {
      const { args, child } = kubectl.startExec(
        source.namespace,
        source.pod,
        AGENT_CONTAINER,
        agentSessionCommand(timeoutMs)
      )
      argv = [...kubeTargetArgs(kubectl.target), ...args]
      return child
    },
    judge: (output, expected) => parseProbeOutput(source.key, output, expected, argv)
  }
}

function containerSession(
  runner: CommandRunner,
  source: { key: string; container: string },
  timeoutMs: number
): SessionCommand {
  const args = ['exec', '-i', source.container, ...agentSessionCommand(timeoutMs)]
  return {
    start: () => runner.start('docker', args),
    judge(output, expected) {
      // docker exec passes the agent's exit code through; its own failures print `Error response from daemon`.
      const { exitCode, timedOut, stderr } = output
      if (exitCode !== 0 && !timedOut && !/Error response from daemon/.test(stderr)) {
        throw new ProbeExecFailure(source.key, 'agent', stderr.trim(), exitCode)
      }
      return parseProbeOutput(source.key, output, expected, args, 'docker')
    }
  }
}

export function createProbeSessions(
  kubectl: Kubectl,
  runner: CommandRunner,
  limits: ProbeSessionLimits
): ProbeSessions {
  const inFlight = createLimiter(limits.maxInFlight)
  // Session key (source and timeout: the agent takes its timeout at start) → how it starts.
  const commands = new Map<string, SessionCommand>()
  const pool = new SessionPool(
    (key) => commands.get(key)!.start(),
    Math.max(limits.maxOpen, limits.maxInFlight)
  )
  return {
    probe(source, targets, timeoutMs) {
      const key = `${source.key} ${timeoutMs}`
      const command =
        commands.get(key) ??
        ('container' in source
          ? containerSession(runner, source, timeoutMs)
          : podSession(kubectl, source, timeoutMs))
      commands.set(key, command)
      return inFlight(async () => {
        const output = await pool.send(key, JSON.stringify(targets), execTimeoutMs(timeoutMs, targets))
        try {
          return command.judge(output, targets.length)
        } catch (error) {
          // Also an answer that ended with its closing record but does not read right: the
          // session may be out of step, so the retry gets a fresh one.
          await pool.discard(key)
          throw error
        }
      })
    },
    closeAll: () => pool.closeAll()
  }
}
