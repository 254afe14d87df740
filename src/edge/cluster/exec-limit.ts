// The caps on what probing asks of the runner and the cluster. Each source probes through an
// agent session (probe-sessions.ts): one `kubectl exec -i … agent session` per source pod (a
// `docker exec -i` per source external), kept running for the whole observation and fed one
// batch per stdin line. Two numbers bound it.
//
// MAX_CONCURRENT_EXECS: batches in flight at once, over all sources. A session is opened only by
// a batch that needs one, inside that batch's turn, so this also caps the sessions being opened
// at once: kubectl's start, the API-server stream, the kubelet/containerd exec and a Node start,
// the set-up that a per-round exec paid every round. Beyond a few at a time they only slow each
// other down on a runner that also hosts kind and Cilium, each agent already has up to 96 probes
// in flight (src/agent/limits.ts), and a slow batch turns into probe timeouts that read as denies.
//
// MAX_OPEN_SESSIONS: sessions open at once. An idle session costs no CPU, only memory and two
// streams: its kubectl process on the runner (46 MB RSS, kubectl 1.32 connecting, measured on a
// development machine), the agent's Node process in the pod (about 41 MB RSS idle, measured
// likewise), one long-running request at the API server and one exec stream at the kubelet and
// containerd. 32 sessions come to about 2.8 GB on a runner with 16 GB (docs.github.com,
// GitHub-hosted runners reference: the standard Linux runner for public repositories) that also
// runs kind, Cilium and up to 196 test pods. Topologies with up to 32 sources keep one exec per source for
// the whole run. Beyond that the pool closes the least recently used idle session to open the
// next; a round visits every source, so then most batches open a session of their own: one exec
// per batch, as before sessions, and as correct, since every batch is judged on its own output.
// The pool finds an idle session to close only while more may be open than are in flight, so
// the open cap is never set below the in-flight cap (probe-sessions.ts). A session being closed
// (stdin ended, killed if it lingers 2 s) no longer counts as open: at most one per batch in
// flight comes on top while it exits.
//
// Why a session can stay open for a whole run, and how it ends (kubernetes/kubernetes sources):
// - Idle limits are hours, a run minutes: the kubelet's `streamingConnectionIdleTimeout` defaults
//   to 4 h (pkg/kubelet/apis/config/v1beta1/defaults.go, SetDefaults_KubeletConfiguration), and so
//   does the CRI streaming server's StreamIdleTimeout (staging/src/k8s.io/kubelet/pkg/cri/streaming/
//   server.go, DefaultConfig), which containerd's `stream_idle_timeout` takes as its default
//   (containerd pkg/cri/config/config_unix.go, DefaultConfig).
// - The API server serves exec as a long-running request (pkg/controlplane/apiserver/config.go,
//   LongRunningFunc = BasicLongRunningRequestCheck(…, "exec", …)): the request timeout applies to
//   other requests only (apiserver pkg/server/filters/timeout.go,
//   WithTimeoutForNonLongRunningRequests) and priority and fairness skips it
//   (filters/priority-and-fairness.go, "Skip tracking long running non-watch requests").
// - kubectl ≥ 1.30 streams over WebSocket, protocol v5 only, and falls back to SPDY when the
//   upgrade fails (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go, createExecutor; client-go
//   tools/remotecommand/fallback.go). It pings every 5 s and fails the stream after 61 s without a
//   pong (tools/remotecommand/websocket.go, pingPeriod, pingReadDeadline); each batch also has our
//   own deadline (AgentSession).
// - End of input reaches the agent: v5 adds the CLOSE signal that half-closes stdin (websocket.go,
//   stream.Close; NewWebSocketExecutor asks for v5 only because older servers cannot carry it), the
//   API server translates v5 to SPDY towards the kubelet (feature gate
//   TranslateStreamCloseWebsocketRequests, beta and on since 1.30), and SPDY closes the stdin
//   stream. The one-shot `agent probe` relied on the same: it reads its batch up to end of input.
//   So closing a session's stdin ends the agent (exit 0) and kubectl with it; if reachdiff dies,
//   its end of the pipe closes just the same. A session that lingers is killed (AgentSession.close).

/** Batches in flight at most, over all sources; the rest wait their turn in order. */
export const MAX_CONCURRENT_EXECS = 6

/** Agent sessions open at most; beyond it the least recently used idle one is closed first. */
export const MAX_OPEN_SESSIONS = 32

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>

export function createLimiter(limit: number): Limiter {
  let active = 0
  const waiting: (() => void)[] = []
  // A finished task hands its slot straight to the next in line, so a caller arriving meanwhile
  // cannot take it too: the limit holds exactly, which the session pool's cap relies on.
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    else active++
    try {
      return await task()
    } finally {
      release()
    }
  }
}
