// External endpoints (`world/<name>`): containers on kind's Docker network, outside the cluster,
// running the same agent, so no probe depends on the internet. Each external keeps the address
// its policy CIDR needs (e.g. 203.0.113.10) as seen from pods: every kind node DNATs pod traffic
// for that address to the container. Pod egress is judged by Cilium in the pod's BPF program on
// the original destination; with legacy host routing (no kube-proxy replacement, our values)
// the packet then crosses the node's netfilter, where the DNAT and Cilium's masquerade apply
// (cluster-facts §1.5, §6.3) (inference). The container therefore answers from its own
// address, so UDP replies match conntrack and need no address tricks inside the container.
import { cidrContains, parseCidr, parseIPv4 } from '../../core/cidr.js'
import type { ExternalEndpoint } from '../../core/model.js'
import { worldKey } from '../../core/model.js'
import { runChecked } from '../command.js'
import type { CommandRunner } from '../command.js'
import { listKindNodes } from './kind.js'
import { asArray, asRecord, asString, parseJson } from './kubectl.js'
import { AGENT_IMAGE, KIND_DOCKER_NETWORK, KIND_POD_SUBNET, KIND_SERVICE_SUBNET } from './versions.js'
import type { Clock } from './wait.js'
import { pollUntil } from './wait.js'
import { AGENT_MOUNT, agentServeCommand } from './workloads.js'

export const CLUSTER_LABEL = 'io.reachdiff.cluster'
const DNAT_COMMENT = 'reachdiff-world'
const DOCKER_MS = 5 * 60_000

export interface ExternalsOptions {
  runner: CommandRunner
  kind: string
  clusterName: string
  /** Host path of dist/agent/, bind-mounted read-only at /agent. */
  agentDir: string
  clock: Clock
  timeoutMs: number
  pollMs: number
}

export function externalContainerName(clusterName: string, external: ExternalEndpoint): string {
  return `${clusterName}-world-${external.name}`
}

export function externalRunArgs(clusterName: string, agentDir: string, external: ExternalEndpoint): string[] {
  return [
    'run',
    '-d',
    '--name',
    externalContainerName(clusterName, external),
    '--network',
    KIND_DOCKER_NETWORK,
    '--label',
    `${CLUSTER_LABEL}=${clusterName}`,
    '--mount',
    `type=bind,source=${agentDir},target=${AGENT_MOUNT},readonly`,
    AGENT_IMAGE,
    ...agentServeCommand(external.ports)
  ]
}

/** Inserted first in nat PREROUTING, and only for pod sources, so node traffic is never rewritten. */
export function dnatArgs(node: string, address: string, containerIp: string): string[] {
  return [
    'exec',
    node,
    'iptables',
    '-t',
    'nat',
    '-I',
    'PREROUTING',
    '1',
    '-s',
    KIND_POD_SUBNET,
    '-d',
    `${address}/32`,
    '-m',
    'comment',
    '--comment',
    DNAT_COMMENT,
    '-j',
    'DNAT',
    '--to-destination',
    containerIp
  ]
}

/** Starts every external and returns `world/<name>` → the address pods probe. */
export async function startExternals(
  options: ExternalsOptions,
  externals: readonly ExternalEndpoint[]
): Promise<Map<string, string>> {
  const addresses = new Map<string, string>()
  if (externals.length === 0) return addresses
  const { runner, clusterName } = options
  checkAddresses(externals, await kindSubnets(runner))
  const containerIps = new Map<string, string>()
  for (const external of externals) {
    const name = externalContainerName(clusterName, external)
    await runChecked(runner, 'docker', externalRunArgs(clusterName, options.agentDir, external), {
      timeoutMs: DOCKER_MS
    })
    await waitUntilServing(options, name)
    containerIps.set(external.name, await containerAddress(runner, name))
  }
  for (const node of await listKindNodes(runner, options.kind, clusterName)) {
    for (const external of externals) {
      await runChecked(runner, 'docker', dnatArgs(node, external.ip, containerIps.get(external.name)!), {
        timeoutMs: 60_000
      })
    }
  }
  for (const external of externals) addresses.set(worldKey(external.name), external.ip)
  return addresses
}

/** The agent prints one `{"serving":…}` line once every port is bound (src/agent/index.ts). */
async function waitUntilServing(options: ExternalsOptions, name: string): Promise<void> {
  await pollUntil<true, string>(
    options.clock,
    options.timeoutMs,
    options.pollMs,
    async () => {
      const logs = await options.runner.run('docker', ['logs', name], { timeoutMs: 60_000 })
      return logs.stdout.includes('{"serving"')
        ? { done: true }
        : { pending: `${logs.stdout}${logs.stderr}`.trim() }
    },
    (last) =>
      new Error(`external endpoint container ${name} did not start serving in time: ${last || '(no output)'}`)
  )
}

async function containerAddress(runner: CommandRunner, name: string): Promise<string> {
  const format = `{{(index .NetworkSettings.Networks "${KIND_DOCKER_NETWORK}").IPAddress}}`
  const result = await runChecked(runner, 'docker', ['inspect', '-f', format, name], { timeoutMs: 60_000 })
  const ip = result.stdout.trim()
  if (parseIPv4(ip) === undefined)
    throw new Error(`container ${name} has no IPv4 address on network kind: "${ip}"`)
  return ip
}

/** Docker's IPAM picks kind's IPv4 subnet, so it is read at run time (cluster-facts §1.5). */
async function kindSubnets(runner: CommandRunner): Promise<string[]> {
  const args = ['network', 'inspect', KIND_DOCKER_NETWORK, '-f', '{{json .IPAM.Config}}']
  const result = await runChecked(runner, 'docker', args, { timeoutMs: 60_000 })
  return asArray(parseJson(result.stdout, 'docker network inspect kind'))
    .map((entry) => asString(asRecord(entry).Subnet))
    .filter((subnet): subnet is string => subnet !== undefined)
}

/**
 * An external inside the pod, service or node network would be routed inside the cluster, or
 * its DNAT would capture real traffic, so the run stops with the reason instead.
 */
export function checkAddresses(
  externals: readonly ExternalEndpoint[],
  kindNetworks: readonly string[]
): void {
  const networks = [
    ...kindNetworks.map((cidr) => ({ cidr, what: `kind's Docker network` })),
    { cidr: KIND_POD_SUBNET, what: 'the pod network' },
    { cidr: KIND_SERVICE_SUBNET, what: 'the service network' }
  ]
  for (const external of externals) {
    const ip = parseIPv4(external.ip)
    if (ip === undefined)
      throw new Error(`external endpoint ${external.name} has no IPv4 address: ${external.ip}`)
    for (const { cidr, what } of networks) {
      const parsed = parseCidr(cidr)
      if (parsed?.family === 4 && cidrContains(parsed, ip)) {
        throw new Error(
          `external endpoint ${worldKey(external.name)} (${external.ip}) lies inside ${what} ${cidr}; ` +
            `a kind cluster cannot give a CIDR rule an outside address there`
        )
      }
    }
  }
}

/** Removes every external container of the cluster; finds them by label, so it is safe to repeat. */
export async function removeExternalContainers(runner: CommandRunner, clusterName: string): Promise<void> {
  const listed = await runChecked(
    runner,
    'docker',
    ['ps', '-aq', '--filter', `label=${CLUSTER_LABEL}=${clusterName}`],
    {
      timeoutMs: 60_000
    }
  )
  const ids = listed.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  if (ids.length > 0) await runChecked(runner, 'docker', ['rm', '-f', ...ids], { timeoutMs: DOCKER_MS })
}
