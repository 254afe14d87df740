// A cap on concurrent `kubectl exec`s. A probe round starts one exec per source pod at once;
// each is a kubectl process plus an API-server stream and a kubelet exec, on a runner that also
// hosts kind and Cilium. Beyond a few at a time they only slow each other down, and a slow exec
// turns into probe timeouts that read as denies.

/** Execs in flight at most; the rest wait their turn in order. */
export const MAX_CONCURRENT_EXECS = 6

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>

export function createLimiter(limit: number): Limiter {
  let active = 0
  const waiting: (() => void)[] = []
  const release = (): void => {
    active--
    waiting.shift()?.()
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      release()
    }
  }
}
