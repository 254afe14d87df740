// Every pinned version and digest cluster mode uses, with where it was read. Bump them together:
// a kind node image is supported only with the kind release that built it (cluster-facts §1.1).
import { DEFAULT_CILIUM_VERSION } from '../../core/options.js'

/**
 * The Cilium chart installed unless the `cilium-version` input says otherwise: the newest patch
 * of the newest minor the static semantics cover (cluster-facts §2.1: 1.18.12, charts index
 * @009b5e958217). Kept in core so predictions assume the same version.
 */
export { DEFAULT_CILIUM_VERSION }

/** Helm repository and chart (cluster-facts §2.1; cilium-cli `defaults.HelmRepository`). */
export const CILIUM_HELM_REPO = 'https://helm.cilium.io/'
export const CILIUM_CHART = 'cilium'
export const CILIUM_RELEASE = 'cilium'
export const CILIUM_NAMESPACE = 'kube-system'

/**
 * kind v0.32.0: the version on the ubuntu-24.04 runner image 20260816 (cluster-facts §5.1) and
 * the one cilium-cli's own kind CI pins (§2.1).
 */
export const KIND_VERSION = 'v0.32.0'

/** v0.32.0's default node image, by digest (`pkg/apis/config/defaults/image.go`, §1.1). */
export const KIND_NODE_IMAGE =
  'kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5'

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

/**
 * SHA-256 of the v0.32.0 linux binaries, as published in the release's `kind-linux-<arch>.sha256sum`
 * files. Not in cluster-facts.md: copied from several independent public repositories that pin
 * the same values (reachdiff could not fetch the release itself). A mismatch fails the download
 * with both digests in the message, so a wrong pin cannot pass silently.
 */
export const KIND_SHA256: Record<KindArch, string> = {
  amd64: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
  arm64: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d'
}

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
