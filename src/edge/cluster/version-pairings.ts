// Which kind, node image and kubectl go with which Cilium minor, each value with where it was
// read. A Cilium release is e2e-tested on a few Kubernetes minors only; a kind node image is
// supported only with the kind release that built it, by digest (kind's release notes); kubectl
// is supported within one minor of the API server (Kubernetes version skew policy). So the three
// move together, and this table is the one place they are written down.
import type { CiliumMinor } from '../../core/options.js'
import type { KindArch } from './versions.js'

export interface Sourced<T> {
  value: T
  /** Where the value was read: upstream file@tag, release notes, or how it was cross-checked. */
  source: string
}

export interface VersionPairing {
  ciliumMinor: CiliumMinor
  /** The chart installed when the `cilium-version` input is empty. */
  chart: Sourced<string>
  /** The Kubernetes minors upstream e2e-tests this Cilium minor on, inclusive. */
  kubernetesTested: Sourced<{ from: number; to: number }>
  kind: Sourced<{ version: string; sha256: Record<KindArch, string> }>
  /** Built by `kind` above, pinned by digest; its Kubernetes minor lies in `kubernetesTested`. */
  nodeImage: Sourced<string>
  /** Within one minor of the node image's Kubernetes. */
  kubectl: Sourced<{ version: string; sha256: Record<KindArch, string> }>
}

const CILIUM_1_18: VersionPairing = {
  ciliumMinor: 18,
  chart: {
    value: '1.18.12',
    source: 'cilium/charts index.yaml@009b5e958217: the newest 1.18 patch when it was pinned'
  },
  kubernetesTested: {
    value: { from: 30, to: 33 },
    source: 'cilium/cilium Documentation/network/kubernetes/compatibility.rst@v1.18.14'
  },
  kind: {
    value: {
      version: 'v0.32.0',
      sha256: {
        amd64: '50030de23cf40a18505f20426f6a8506bedf13c6e509244bd1fa9463721b0f54',
        arm64: 'b92cd615e97585de8ddade28ed5cd7feb4248d717c233eea5b03c37298900f5d'
      }
    },
    source:
      'kind v0.32.0 release assets kind-linux-<arch>.sha256sum, as pinned by several independent public repositories; the kind on the ubuntu-24.04 runner image'
  },
  nodeImage: {
    value: 'kindest/node:v1.33.12@sha256:3f5c8443c620245e4d355cfe09e96a91ead32ceaa569d3f1ca9edf0cb2fe2ff4',
    source:
      'an image kind v0.32.0 built for Kubernetes 1.33 (its default, v1.36.1, is outside the tested range); digest as pinned together with kind v0.32.0 by several independent public repositories'
  },
  kubectl: {
    value: {
      version: 'v1.34.1',
      sha256: {
        amd64: '7721f265e18709862655affba5343e85e1980639395d5754473dafaadcaa69e3',
        arm64: '420e6110e3ba7ee5a3927b5af868d18df17aae36b720529ffa4e9e945aa95450'
      }
    },
    source:
      'dl.k8s.io/release/v1.34.1/bin/linux/<arch>/kubectl.sha256; the same digests are pinned by several independent public repositories'
  }
}

/** One row per Cilium minor with a verified pairing; newest first. */
export const VERSION_PAIRINGS: readonly VersionPairing[] = [CILIUM_1_18]

/** The pairing cluster mode uses unless the inputs say otherwise. */
export const DEFAULT_PAIRING: VersionPairing = CILIUM_1_18

/**
 * The pairing for a chart version: the row of its minor, else the default row, with a note that
 * says so (a newer Cilium on a Kubernetes it was not tested with is a risk worth printing).
 */
export function pairingFor(ciliumVersion: string): { pairing: VersionPairing; note?: string } {
  const minor = Number(/^v?1\.(\d+)\./.exec(ciliumVersion.trim())?.[1])
  const row = VERSION_PAIRINGS.find((pairing) => pairing.ciliumMinor === minor)
  if (row) return { pairing: row }
  const { from, to } = DEFAULT_PAIRING.kubernetesTested.value
  return {
    pairing: DEFAULT_PAIRING,
    note:
      `reachdiff has no verified node image for Cilium ${ciliumVersion}; using ` +
      `${kubernetesOfImage(DEFAULT_PAIRING.nodeImage.value) ?? DEFAULT_PAIRING.nodeImage.value}, ` +
      `which Cilium 1.${DEFAULT_PAIRING.ciliumMinor} is tested on (1.${from}–1.${to}); set node-image to choose another`
  }
}

/** `kindest/node:v1.33.4@sha256:…` → `v1.33.4`; undefined for an image without a version tag. */
export function kubernetesOfImage(image: string): string | undefined {
  return /:(v\d+\.\d+\.\d+)(?:@|$)/.exec(image.trim())?.[1]
}

/** The Kubernetes minor of `v1.33.4` or `1.33`. */
export function minorOf(version: string): number | undefined {
  const match = /^v?1\.(\d+)(?:\.|$)/.exec(version.trim())
  return match ? Number(match[1]) : undefined
}
