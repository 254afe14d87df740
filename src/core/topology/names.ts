// Readable, deterministic DNS-1123 names for generated pods, namespaces and external endpoints.
import type { Labels } from '../model.js'
import { compareText, PLACEHOLDER_VALUE } from './selector-set.js'

const MAX_NAME = 63

/** Lower-case `[a-z0-9-]`, no leading/trailing/double dash, at most 63 characters. */
export function toDnsLabel(text: string, fallback: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
  return trimDashes(cleaned.slice(0, MAX_NAME)) || fallback
}

/**
 * A pod named after what makes it special: its label values in key order (`{app: web, tier:
 * fe}` → `web-fe`), the key where the value is only a placeholder for `Exists`, then a
 * non-default service account. No label at all is `any`.
 */
export function podNameFromLabels(labels: Labels, serviceAccount: string): string {
  const parts = Object.keys(labels)
    .sort(compareText)
    .map((key) => (labels[key] === PLACEHOLDER_VALUE ? lastSegment(key) : labels[key]))
  if (serviceAccount !== 'default') parts.push(`sa-${serviceAccount}`)
  return toDnsLabel(parts.join('-'), parts.length === 0 ? 'any' : 'pod')
}

/** `base`, else `base-2`, `base-3`, …, still within 63 characters; records the name as taken. */
export function claimName(base: string, taken: Set<string>): string {
  let name = base
  for (let i = 2; taken.has(name); i++) {
    const suffix = `-${i}`
    name = trimDashes(base.slice(0, MAX_NAME - suffix.length)) + suffix
  }
  taken.add(name)
  return name
}

function lastSegment(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1)
}

function trimDashes(text: string): string {
  return text.replace(/-+$/g, '')
}
