// What reaches `kubectl apply` for a policy: nothing that could outlive the run or tie it to
// other objects.
import { describe, expect, it } from '@jest/globals'
import { clusterManifest } from '../src/core/policy/manifest.js'

describe('clusterManifest', () => {
  const raw = {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumClusterwideNetworkPolicy',
    metadata: {
      name: 'original',
      namespace: 'ignored',
      labels: { team: 'a' },
      annotations: { 'other.controller/x': 'y' },
      finalizers: ['example.com/never-removed'],
      ownerReferences: [{ apiVersion: 'v1', kind: 'Namespace', name: 'x', uid: '1' }],
      resourceVersion: '42',
      uid: 'u'
    },
    spec: { endpointSelector: {} },
    status: { conditions: [] },
    extra: 1
  }

  it('keeps apiVersion, kind, name, namespace, labels and spec only', () => {
    expect(clusterManifest(raw, 'renamed', 'team-a')).toEqual({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumClusterwideNetworkPolicy',
      metadata: { name: 'renamed', namespace: 'team-a', labels: { team: 'a' } },
      spec: { endpointSelector: {} }
    })
  })

  it('omits the namespace of a cluster-wide policy and keeps a CNP specs list', () => {
    const manifest = clusterManifest({ ...raw, spec: undefined, specs: [{}] }, 'n', undefined)
    expect(manifest.metadata).toEqual({ name: 'n', labels: { team: 'a' } })
    expect(manifest.specs).toEqual([{}])
  })

  it('does not change its input', () => {
    const copy = structuredClone(raw)
    clusterManifest(raw, 'n', 'x')
    expect(raw).toEqual(copy)
  })
})
