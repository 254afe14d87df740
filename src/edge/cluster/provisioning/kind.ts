// kind: find or fetch the pinned binary, create and delete the cluster, list its node
// containers. kind always gets `--name` (it wins over the config's `name:`, `NameOverride` in kind's
// `pkg/cluster/internal/create/create.go`)
// and its own kubeconfig file, so the user's ~/.kube/config is never touched.
import { createHash } from 'node:crypto'
import { chmod, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runChecked } from '../../command.js'
import type { CommandRunner } from '../../command.js'
import { KIND_NODE_IMAGE, KIND_SHA256, KIND_VERSION, kindDownloadUrl } from '../versions.js'
import type { KindArch } from '../versions.js'

/** The three @actions/tool-cache functions used here, so tests need no network and no module mocks. */
export interface ToolCache {
  find(toolName: string, versionSpec: string, arch?: string): string
  downloadTool(url: string): Promise<string>
  cacheFile(
    sourceFile: string,
    targetFile: string,
    tool: string,
    version: string,
    arch?: string
  ): Promise<string>
}

export interface KindInstallDeps {
  runner: CommandRunner
  toolCache: ToolCache
  arch: KindArch
  /** Hex SHA-256 of a file; reads it from disk unless a test says otherwise. */
  sha256?: (path: string) => Promise<string>
  makeExecutable?: (path: string) => Promise<void>
  readText?: (path: string) => Promise<string>
  log?: (line: string) => void
}

export interface KindCluster {
  /** Path of the kind binary, or `kind` when the runner's own is the pinned version. */
  kind: string
  name: string
  kubeconfig: string
  /** kind names the context `kind-<cluster>` (kind's `site/content/docs/user/quick-start.md`). */
  context: string
  /** Set when setup left the temporary allow-all policy in force (`enforcement: always`). */
  allowAll?: boolean
}

/** `kind version` prints e.g. `kind v0.32.0 go1.24.6 linux/amd64`. */
export function parseKindVersion(stdout: string): string | undefined {
  return /^kind (v\d+\.\d+\.\d+\S*)/.exec(stdout.trim())?.[1]
}

/**
 * The runner's kind when it is the wanted version, else that release from the tool cache
 * (downloaded and checked once). The runner's kind is not used when it is another version: a
 * node image is supported only with the kind release that built it (kind's release notes).
 * `version` is the `kind-version` input; empty means the pinned KIND_VERSION.
 */
export async function resolveKind(deps: KindInstallDeps, version = ''): Promise<string> {
  const wanted = version.trim() === '' ? KIND_VERSION : normalizeKindVersion(version)
  const found = await deps.runner.run('kind', ['version'], { timeoutMs: 30_000 })
  const onPath = found.exitCode === 0 ? parseKindVersion(found.stdout) : undefined
  if (onPath === wanted) return 'kind'
  deps.log?.(`kind on PATH is ${onPath ?? 'missing'}; using ${wanted} from the tool cache`)
  const toolVersion = wanted.slice(1)
  const cached = deps.toolCache.find('kind', toolVersion, deps.arch)
  if (cached) return join(cached, 'kind')
  const url = kindDownloadUrl(deps.arch, wanted)
  const downloaded = await deps.toolCache.downloadTool(url)
  const expected = wanted === KIND_VERSION ? KIND_SHA256[deps.arch] : await publishedSha256(deps, url)
  const actual = await (deps.sha256 ?? sha256File)(downloaded)
  if (actual !== expected) {
    throw new Error(
      `kind ${wanted} downloaded from ${url} has SHA-256 ${actual}, expected ${expected}; refusing to run it`
    )
  }
  const makeExecutable = deps.makeExecutable ?? ((path: string) => chmod(path, 0o755))
  await makeExecutable(downloaded)
  const dir = await deps.toolCache.cacheFile(downloaded, 'kind', 'kind', toolVersion, deps.arch)
  const binary = join(dir, 'kind')
  await makeExecutable(binary)
  return binary
}

function normalizeKindVersion(input: string): string {
  const match = /^v?(\d+\.\d+\.\d+)$/.exec(input.trim())
  if (!match) throw new Error(`kind-version "${input}" is not a kind release; expected e.g. ${KIND_VERSION}`)
  return `v${match[1]}`
}

/** For a release we have no pin for: its `.sha256sum` file, as helm/kind-action checks it. */
async function publishedSha256(deps: KindInstallDeps, url: string): Promise<string> {
  const file = await deps.toolCache.downloadTool(`${url}.sha256sum`)
  const text = await (deps.readText ?? ((path: string) => readFile(path, 'utf8')))(file)
  const digest = /^([0-9a-f]{64})\b/.exec(text.trim())?.[1]
  if (!digest) throw new Error(`${url}.sha256sum holds no SHA-256: ${text.slice(0, 100)}`)
  return digest
}

async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}

export interface CreateKindOptions {
  kind: string
  name: string
  /** kind-config/cluster.yaml */
  configPath: string
  /** A file of our own, e.g. under RUNNER_TEMP. */
  kubeconfig: string
  /** The `node-image` input; empty or absent means the pinned KIND_NODE_IMAGE. */
  image?: string
}

/** 10 min: image pull plus boot took ">2 min" in 2020 reports (helm/kind-action#28). */
const KIND_CREATE_MS = 10 * 60_000

/**
 * No `--wait`: without a CNI the control plane never turns Ready, so any wait is lost time and
 * kind exits 0 anyway (kind's `waitforready.go`). Readiness is checked after Cilium is installed.
 * `--image` overrides every node's image in the config (kind's create flags): it repeats the
 * config's pin, so the digest holds even if the file is edited, and carries the node-image input.
 */
export function kindCreateArgs(options: CreateKindOptions): string[] {
  return [
    'create',
    'cluster',
    '--name',
    options.name,
    '--image',
    options.image?.trim() || KIND_NODE_IMAGE,
    '--config',
    options.configPath,
    '--kubeconfig',
    options.kubeconfig
  ]
}

export async function createKindCluster(
  runner: CommandRunner,
  options: CreateKindOptions
): Promise<KindCluster> {
  await runChecked(runner, options.kind, kindCreateArgs(options), { timeoutMs: KIND_CREATE_MS })
  return {
    kind: options.kind,
    name: options.name,
    kubeconfig: options.kubeconfig,
    context: `kind-${options.name}`
  }
}

/** Succeeds when the cluster is already gone (kind's quick-start.md), so it is safe to repeat. */
export async function deleteKindCluster(
  runner: CommandRunner,
  cluster: Pick<KindCluster, 'kind' | 'name' | 'kubeconfig'>
): Promise<void> {
  await runChecked(
    runner,
    cluster.kind,
    ['delete', 'cluster', '--name', cluster.name, '--kubeconfig', cluster.kubeconfig],
    { timeoutMs: 5 * 60_000 }
  )
}

/** Node container names, e.g. `reachdiff-control-plane`, `reachdiff-worker` (kind's `namer.go`). */
export async function listKindNodes(runner: CommandRunner, kind: string, name: string): Promise<string[]> {
  const result = await runChecked(runner, kind, ['get', 'nodes', '--name', name], { timeoutMs: 60_000 })
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .sort()
}

/**
 * The runner image's tools change every week, so every job prints their versions. Failures are
 * reported, not thrown: this is a log, not a check.
 */
export async function describeToolVersions(runner: CommandRunner, kind: string): Promise<string[]> {
  const tools: [string, string[]][] = [
    [kind, ['version']],
    ['kubectl', ['version', '--client']],
    ['helm', ['version']],
    ['docker', ['version']]
  ]
  const lines: string[] = []
  for (const [command, args] of tools) {
    const result = await runner.run(command, args, { timeoutMs: 30_000 })
    const text = (result.exitCode === 0 ? result.stdout : result.stderr).trim()
    lines.push(`$ ${command} ${args.join(' ')}\n${text || `(exit ${result.exitCode})`}`)
  }
  return lines
}
