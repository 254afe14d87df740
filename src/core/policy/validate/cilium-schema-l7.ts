// The L7 part of the CNP/CCNP CRD schema (`ciliumnetworkpolicies.yaml` in cilium/cilium
// `pkg/k8s/apis/cilium.io/client/crds/v2/`): `rules`, FQDN selectors, TLS contexts and listeners
// of a `toPorts` entry.
import { isFqdnMatchName, isFqdnMatchPattern } from './net.js'
import type { SchemaNode } from './schema.js'
import { byMinor, listOf, object, since, string, stringMap } from './schema-build.js'

const fqdnPatterns = (maxLength?: number): Record<string, SchemaNode> => ({
  matchName: {
    type: 'string',
    maxLength,
    check: {
      test: isFqdnMatchName,
      message: 'is not a DNS name',
      expected: 'letters, digits, "-", "_" and single dots, e.g. api.example.com'
    }
  },
  matchPattern: {
    type: 'string',
    maxLength,
    check: {
      test: isFqdnMatchPattern,
      message: 'is not a DNS name pattern',
      expected: 'letters, digits, "-", "_", "*" and single dots, e.g. *.example.com'
    }
  }
})

export const fqdnSelector = byMinor((minor) =>
  object(fqdnPatterns(minor >= 17 ? 255 : undefined), {
    combinators: minor >= 16 ? [{ rule: 'oneOf', keys: ['matchName', 'matchPattern'] }] : []
  })
)

const secretRef = object({ name: string, namespace: string }, { required: ['name'] })
export const tlsContext = object(
  { secret: secretRef, trustedCA: string, certificate: string, privateKey: string },
  { required: ['secret'] }
)

const httpRule = object({
  path: string,
  method: string,
  host: string,
  headers: listOf(string),
  headerMatches: listOf(
    object(
      {
        mismatch: { type: 'string', enum: ['LOG', 'ADD', 'DELETE', 'REPLACE'] },
        name: byMinor((minor) => (minor >= 16 ? { type: 'string', minLength: 1 } : string)),
        secret: secretRef,
        value: string
      },
      { required: ['name'] }
    )
  )
})

const kafkaRule = object({
  role: { type: 'string', enum: ['produce', 'consume'] },
  apiKey: string,
  apiVersion: string,
  clientID: string,
  topic: { type: 'string', maxLength: 255 }
})

export const l7Rules = byMinor((minor) =>
  object(
    {
      http: listOf(httpRule),
      kafka: listOf(kafkaRule),
      dns: listOf(fqdnSelector),
      l7proto: string,
      l7: listOf(stringMap)
    },
    { combinators: minor >= 16 ? [{ rule: 'oneOf', keys: ['http', 'kafka', 'dns', 'l7proto'] }] : [] }
  )
)

export const listener = object(
  {
    envoyConfig: object(
      {
        kind: { type: 'string', enum: ['CiliumEnvoyConfig', 'CiliumClusterwideEnvoyConfig'] },
        name: { type: 'string', minLength: 1 }
      },
      { required: ['name'] }
    ),
    name: { type: 'string', minLength: 1 },
    priority: since(16, { type: 'integer', minimum: 1, maximum: 100 })
  },
  { required: ['envoyConfig', 'name'] }
)
