// kubectl within the version skew of the cluster's Kubernetes. kubectl is supported within one
// minor of the API server (Kubernetes version skew policy), and a runner's kubectl follows the
// newest release, so an older node image needs a matching kubectl: the one of the pairing, or the
// first patch of the node's minor, downloaded from dl.k8s.io and checked like kind.
import { createHash } from 'node:crypto'
import { chmod, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { KindInstallDeps } from './kind.js'
import { kubernetesOfImage, minorOf } from '../version-pairings.js'
import type { VersionPairing } from '../version-pairings.js'

/** How far kubectl's minor may be from the API server's (Kubernetes version skew policy). */
const KUBECTL_SKEW = 1

/**
 * `kubectl version --client -o json` prints `{"clientVersion": {"major": "1", "minor": "36",
 * "gitVersion": "v1.36.0", …}, "kustomizeVersion": "v5.…"}` (kubernetes
 * staging/src/k8s.io/kubectl/pkg/cmd/version/version.go `Output`, apimachinery `version.Info`).
 * Some builds print a minor such as `36+`; the leading number is the minor.
 */
export function parseKubectlClientMinor(stdout: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(stdout)
    if (typeof parsed !== 'object' || parsed === null || !('clientVersion' in parsed)) return undefined
    const client: unknown = parsed.clientVersion
    if (typeof client !== 'object' || client === null || !('minor' in client)) return undefined
    const minor = typeof client.minor === 'string' ? /^(\d+)/.exec(client.minor)?.[1] : undefined
    return minor === undefined ? undefined : Number(minor)
  } catch {
    return undefined
  }
}

/** dl.k8s.io's release binary; `<url>.sha256` holds its digest. */
export function kubectlDownloadUrl(version: string, arch: KindInstallDeps['arch']): string {
  return `https://dl.k8s.io/release/${version}/bin/linux/${arch}/kubectl`
}

/**
 * The directory of a kubectl to put first on PATH, or undefined when the runner's kubectl is
 * already within one minor of `nodeImage`'s Kubernetes (or the image names no version, so there
 * is nothing to match). Prefers the pairing's pinned kubectl when it fits the image.
 */
export async function resolveKubectl(
  deps: KindInstallDeps,
  nodeImage: string,
  pairing: VersionPairing
): Promise<string | undefined> {
  const kubernetes = kubernetesOfImage(nodeImage)
  const serverMinor = kubernetes === undefined ? undefined : minorOf(kubernetes)
  if (serverMinor === undefined) {
    deps.log?.(`node image ${nodeImage} names no Kubernetes version; using the kubectl on PATH`)
    return undefined
  }
  const found = await deps.runner.run('kubectl', ['version', '--client', '-o', 'json'], { timeoutMs: 30_000 })
  const clientMinor = found.exitCode === 0 ? parseKubectlClientMinor(found.stdout) : undefined
  if (clientMinor !== undefined && Math.abs(clientMinor - serverMinor) <= KUBECTL_SKEW) return undefined
  const pinned = pairing.kubectl.value
  const pinnedFits = Math.abs((minorOf(pinned.version) ?? -99) - serverMinor) <= KUBECTL_SKEW
  const version = pinnedFits ? pinned.version : `v1.${serverMinor}.0`
  const onPath = clientMinor === undefined ? 'missing' : `1.${clientMinor}`
  deps.log?.(
    `kubectl on PATH is ${onPath}, more than one minor from Kubernetes ${kubernetes}; using kubectl ${version}`
  )
  return installKubectl(deps, version, pinnedFits ? pinned.sha256[deps.arch] : undefined)
}

async function installKubectl(
  deps: KindInstallDeps,
  version: string,
  pinnedSha256: string | undefined
): Promise<string> {
  const toolVersion = version.slice(1)
  const cached = deps.toolCache.find('kubectl', toolVersion, deps.arch)
  if (cached) return cached
  const url = kubectlDownloadUrl(version, deps.arch)
  const downloaded = await deps.toolCache.downloadTool(url)
  const expected = pinnedSha256 ?? (await publishedSha256(deps, `${url}.sha256`))
  const actual = await (deps.sha256 ?? sha256File)(downloaded)
  if (actual !== expected) {
    throw new Error(
      `kubectl ${version} downloaded from ${url} has SHA-256 ${actual}, expected ${expected}; refusing to run it`
    )
  }
  const makeExecutable = deps.makeExecutable ?? ((path: string) => chmod(path, 0o755))
  await makeExecutable(downloaded)
  const dir = await deps.toolCache.cacheFile(downloaded, 'kubectl', 'kubectl', toolVersion, deps.arch)
  await makeExecutable(join(dir, 'kubectl'))
  return dir
}

/** dl.k8s.io's `kubectl.sha256` holds the bare hex digest. */
async function publishedSha256(deps: KindInstallDeps, url: string): Promise<string> {
  const file = await deps.toolCache.downloadTool(url)
  const text = await (deps.readText ?? ((path: string) => readFile(path, 'utf8')))(file)
  const digest = /^([0-9a-f]{64})\b/.exec(text.trim())?.[1]
  if (!digest) throw new Error(`${url} holds no SHA-256: ${text.slice(0, 100)}`)
  return digest
}

async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}
