// Cluster mode and the 1.19 agent flag reachdiff models but knows no chart value for.
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_AGENT_SETTINGS } from '../src/core/options.js'
import { engineHelmSets } from '../src/edge/cluster/provisioning/cilium-install.js'

describe('enable-extended-ip-protocols in cluster mode', () => {
  const engine = (enableExtendedIpProtocols: boolean) => ({
    enforcement: 'default' as const,
    agent: { ...DEFAULT_AGENT_SETTINGS, enableExtendedIpProtocols },
    clusterName: 'default'
  })

  it('at its default sets nothing', () => {
    expect(engineHelmSets(engine(false))).toEqual([])
  })

  it('turned on is refused before anything is installed, rather than predicted for one config and run on another', () => {
    expect(() => engineHelmSets(engine(true))).toThrow('enable-extended-ip-protocols=true')
  })
})
