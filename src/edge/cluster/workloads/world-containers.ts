// External endpoints (`world/<name>`): containers on kind's Docker network, outside the cluster,
// running the same agent, so no probe depends on the internet. Each external owns the address
// its policy CIDR needs (e.g. 203.0.113.10), and that address is routed, never translated:
//  - the container holds it as a second address (`ip addr add <ip>/32 dev eth0`), and its agent
//    listens on it, so TCP, UDP and ICMP replies all leave from it;
//  - every kind node routes it to the container (`ip route replace <ip>/32 via <container>`), so
//    pod traffic that Cilium lets out (masqueraded to the node's address) reaches it, and so does
//    the upstream connection of Cilium's L7 proxy, which starts on the node (OUTPUT) and is
//    NOTRACK'd, so that a PREROUTING DNAT would miss it (cilium/cilium
//    pkg/datapath/iptables/iptables.go, the CILIUM_PRE_raw `--notrack` rule for proxy-marked
//    packets);
//  - the container routes each node's pod CIDR back via that node, with the external's address
//    as source, so traffic it starts towards pods comes from `world/<name>` too.
import { cidrContains, parseCidr, parseIPv4 } from '../../../core/cidr.js'
import type { ExternalEndpoint } from '../../../core/model.js'
import { worldKey } from '../../../core/model.js'
import { runChecked } from '../../command.js'
import type { CommandResult, CommandRunner } from '../../command.js'
import { asArray, asRecord, asString, field, listItems, parseJson } from '../kubectl.js'
import { AGENT_IMAGE, KIND_DOCKER_NETWORK, KIND_POD_SUBNET, KIND_SERVICE_SUBNET } from '../versions.js'
import type { Clock } from '../wait.js'
import { pollUntil } from '../wait.js'
import { AGENT_MOUNT, agentServeCommand } from './workload-manifests.js'

export const CLUSTER_LABEL = 'io.reachdiff.cluster'
const DOCKER_MS = 5 * 60_000

export interface ExternalsOptions {
  runner: CommandRunner
  clusterName: string
  /** Host path of dist/agent/, bind-mounted read-only at /agent. */
  agentDir: string
  clock: Clock
  timeoutMs: number
  pollMs: number
}

/** A kind node as routing needs it: its container name, its address on the kind network, its pod CIDRs. */
export interface RoutedNode {
  name: string
  ip: string
  podCidrs: string[]
}

export function externalContainerName(clusterName: string, external: Pick<ExternalEndpoint, 'name'>): string {
  return `${clusterName}-world-${external.name}`
}

/**
 * NET_ADMIN lets the container take its world address; `ip_nonlocal_bind` (a namespaced sysctl
 * Docker accepts with --sysctl) lets the agent bind that address before it is added.
 */
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
    '--cap-add',
    'NET_ADMIN',
    '--sysctl',
    'net.ipv4.ip_nonlocal_bind=1',
    '--mount',
    `type=bind,source=${agentDir},target=${AGENT_MOUNT},readonly`,
    AGENT_IMAGE,
    ...agentServeCommand(external.ports),
    '--host',
    external.ip
  ]
}

/** `docker exec <container> ip …`: BusyBox `ip` in the Alpine agent image, iproute2 on kind nodes; both print nothing on success. */
function ipArgs(container: string, args: readonly string[]): string[] {
  return ['exec', container, 'ip', ...args]
}

/** Starts every external and returns `world/<name>` → the address pods probe. */
export async function startExternals(
  options: ExternalsOptions,
  externals: readonly ExternalEndpoint[],
  nodes: readonly RoutedNode[]
): Promise<Map<string, string>> {
  const addresses = new Map<string, string>()
  if (externals.length === 0) return addresses
  const { runner, clusterName } = options
  checkAddresses(externals, await kindSubnets(runner))
  const docker = (args: string[]): Promise<CommandResult> =>
    runChecked(runner, 'docker', args, { timeoutMs: DOCKER_MS })
  for (const external of externals) {
    const name = externalContainerName(clusterName, external)
    await docker(externalRunArgs(clusterName, options.agentDir, external))
    await waitUntilServing(options, name)
    const containerIp = await containerAddress(runner, name)
    await docker(ipArgs(name, ['addr', 'add', `${external.ip}/32`, 'dev', 'eth0']))
    for (const node of nodes) {
      await docker(ipArgs(node.name, ['route', 'replace', `${external.ip}/32`, 'via', containerIp]))
      for (const cidr of node.podCidrs) {
        await docker(ipArgs(name, ['route', 'replace', cidr, 'via', node.ip, 'src', external.ip]))
      }
    }
    addresses.set(worldKey(external.name), external.ip)
  }
  return addresses
}

/** From `kubectl get nodes -o json`: the InternalIP and `spec.podCIDRs` (kind's node name is its container name). */
export function routedNodes(nodeList: unknown): RoutedNode[] {
  return listItems(nodeList)
    .map((node) => {
      const address = asArray(field(node, 'status.addresses'))
        .map(asRecord)
        .find(
          (entry) => entry.type === 'InternalIP' && parseIPv4(asString(entry.address) ?? '') !== undefined
        )
      const cidrs = asArray(field(node, 'spec.podCIDRs')).map(asString)
      const single = asString(field(node, 'spec.podCIDR'))
      const podCidrs = [...new Set([...cidrs, single])].filter(
        (cidr): cidr is string => cidr !== undefined && parseCidr(cidr)?.family === 4
      )
      return {
        name: asString(field(node, 'metadata.name')) ?? '',
        ip: asString(address?.address) ?? '',
        podCidrs
      }
    })
    .filter((node) => node.name !== '' && node.ip !== '')
    .sort((a, b) => a.name.localeCompare(b.name))
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

/** Docker's IPAM picks kind's IPv4 subnet, so it is read at run time (kind's `network.go`). */
async function kindSubnets(runner: CommandRunner): Promise<string[]> {
  const args = ['network', 'inspect', KIND_DOCKER_NETWORK, '-f', '{{json .IPAM.Config}}']
  const result = await runChecked(runner, 'docker', args, { timeoutMs: 60_000 })
  return asArray(parseJson(result.stdout, 'docker network inspect kind'))
    .map((entry) => asString(asRecord(entry).Subnet))
    .filter((subnet): subnet is string => subnet !== undefined)
}

/**
 * An external inside the pod, service or node network would be routed inside the cluster, or
 * its route would capture real traffic, so the run stops with the reason instead.
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
