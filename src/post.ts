// The Action's post step: delete the kind cluster the main step created, unless keep-cluster.
// A no-op in static mode and on an existing cluster (nothing was saved).
import * as core from '@actions/core'
import { STATE_KEYS } from './action/cluster.js'
import { logInfo } from './action/log.js'
import { createProcessRunner } from './edge/command.js'
import { teardownKindCluster } from './edge/cluster/provisioning/setup.js'

export async function runPost(): Promise<void> {
  const name = core.getState(STATE_KEYS.name)
  if (!name) return
  const keepCluster = core.getState(STATE_KEYS.keep) === 'true'
  if (keepCluster) {
    logInfo(`keep-cluster: the kind cluster "${name}" is left running`)
    return
  }
  try {
    const runner = createProcessRunner((line) => core.debug(line))
    await teardownKindCluster(
      runner,
      { kind: core.getState(STATE_KEYS.kind), name, kubeconfig: core.getState(STATE_KEYS.kubeconfig) },
      false
    )
    logInfo(`Deleted the kind cluster "${name}"`)
  } catch (error) {
    core.warning(
      `Could not delete the kind cluster "${name}": ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

await runPost()
