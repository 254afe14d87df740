// Every pinned version and digest cluster mode uses, with where it was read. kind, node image and
// kubectl come from the pairing table in version-pairings.ts, which keeps them together.
import { DEFAULT_CILIUM_VERSION } from '../../core/options.js'
import { DEFAULT_PAIRING } from './version-pairings.js'

/**
 * The Cilium chart installed unless the `cilium-version` input says otherwise: the chart of the
 * default pairing (version-pairings.ts; the README says why 1.18). Kept in core so predictions
 * assume the same version.
 */
export { DEFAULT_CILIUM_VERSION }

/** Helm repository and chart (cluster-facts §2.1; cilium-cli `defaults.HelmRepository`). */
export const CILIUM_HELM_REPO = 'https://helm.cilium.io/'
export const CILIUM_CHART = 'cilium'
export const CILIUM_RELEASE = 'cilium'
export const CILIUM_NAMESPACE = 'kube-system'

/** The kind release of the default pairing (src/edge/cluster/version-pairings.ts says why). */
export const KIND_VERSION = DEFAULT_PAIRING.kind.value.version

/** A node image built by KIND_VERSION, inside the default Cilium's tested Kubernetes range. */
export const KIND_NODE_IMAGE = DEFAULT_PAIRING.nodeImage.value

export type KindArch = 'amd64' | 'arm64'

/** kind's asset name for Node's `process.arch`; kind publishes linux binaries for these two. */
export function kindArch(nodeArch: string): KindArch {
  if (nodeArch === 'x64') return 'amd64'
  if (nodeArch === 'arm64') return 'arm64'
  throw new Error(`kind publishes no linux binary for the ${nodeArch} architecture`)
}

/** Release asset URL, as helm/kind-action's kind.sh builds it. */
export function kindDownloadUrl(arch: KindArch, version = KIND_VERSION): string {
  return `https://github.com/kubernetes-sigs/kind/releases/download/${version}/kind-linux-${arch}`
}

/** SHA-256 of KIND_VERSION's linux binaries, with their source in the pairing table. */
export const KIND_SHA256: Record<KindArch, string> = DEFAULT_PAIRING.kind.value.sha256

/**
 * The probe agent's image: Node 24 LTS on Alpine 3.24, root by default (no USER) and BusyBox
 * `ping` in the base (cluster-facts §4.3, nodejs/docker-node @f27d936f `24/alpine3.24`,
 * NODE_VERSION=24.19.0). The digest is the multi-architecture index digest; cluster-facts gives
 * none, so it was taken from public Dockerfiles pinning `node:24.19.0-alpine3.24`. A digest is
 * content-addressed: the worst a wrong one can do is fail the pull.
 */
export const AGENT_IMAGE =
  'docker.io/library/node:24.19.0-alpine3.24@sha256:d32cdf619f63fe0471182d08996dd516c6275bb5fd31ae06e55a570bd9e1ad43'

/** kind's defaults, written out in kind-config/cluster.yaml (cluster-facts §1.2). */
export const KIND_POD_SUBNET = '10.244.0.0/16'
export const KIND_SERVICE_SUBNET = '10.96.0.0/16'

/** The Docker network kind puts every node on (cluster-facts §1.5). */
export const KIND_DOCKER_NETWORK = 'kind'

/** Paths of the committed config, relative to the action's root. */
export const KIND_CONFIG_FILE = 'kind-config/cluster.yaml'
export const CILIUM_VALUES_FILE = 'kind-config/cilium-values.yaml'

/** Accepts `1.18.12` or `v1.18.12` (and pre-releases); returns the chart version without `v`. */
export function chartVersion(input: string): string {
  const match = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(input.trim())
  if (!match) {
    throw new Error(
      `cilium-version "${input}" is not a chart version; expected e.g. ${DEFAULT_CILIUM_VERSION}`
    )
  }
  return match[1]
}
