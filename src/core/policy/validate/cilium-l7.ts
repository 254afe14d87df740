// Cilium-layer checks of a `rules` object (L7Rules.sanitize, R9.4, R9.5): one L7 kind, DNS
// needs ports, HTTP regexes compile under RE2, Kafka sanity, `l7` needs `l7proto`. Only called
// for non-empty rules, as the agent only sanitizes those.
import { re2Problem } from '../../re2.js'
import type { FieldPath } from '../../yaml-source.js'
import { agentError, at, field, isPresent, listField, stringField } from './context.js'
import type { ValidationContext } from './context.js'

const KAFKA_API_KEYS: ReadonlySet<string> = new Set([
  'produce',
  'fetch',
  'offsets',
  'metadata',
  'leaderandisr',
  'stopreplica',
  'updatemetadata',
  'controlledshutdown',
  'offsetcommit',
  'offsetfetch',
  'findcoordinator',
  'joingroup',
  'heartbeat',
  'leavegroup',
  'syncgroup',
  'describegroups',
  'listgroups',
  'saslhandshake',
  'apiversions',
  'createtopics',
  'deletetopics',
  'deleterecords',
  'initproducerid',
  'offsetforleaderepoch',
  'addpartitionstotxn',
  'addoffsetstotxn',
  'endtxn',
  'writetxnmarkers',
  'txnoffsetcommit',
  'describeacls',
  'createacls',
  'deleteacls',
  'describeconfigs',
  'alterconfigs'
])

const L7_KINDS = ['http', 'kafka', 'dns', 'l7proto'] as const

export function checkL7Rules(
  ctx: ValidationContext,
  rules: unknown,
  path: FieldPath,
  portCount: number
): void {
  const kinds = L7_KINDS.filter((kind) => isPresent(rules, kind))
  // From 1.16 the CRD `oneOf` rejects this first (the schema walk reports it).
  if (kinds.length > 1 && ctx.options.minor < 16) {
    agentError(ctx, path, `multiple L7 rule kinds in one rules object: ${kinds.join(', ')} (R9.5)`, {
      expected: 'one of http, kafka, dns, l7proto per toPorts entry'
    })
  }
  if (isPresent(rules, 'dns') && portCount === 0) {
    agentError(ctx, at(path, 'dns'), 'DNS rules need an explicit port list (R9.4)', {
      expected: 'ports: [{port: "53", protocol: ANY}]'
    })
  }
  listField(rules, 'http').forEach((rule, index) => checkHttpRule(ctx, rule, at(path, 'http', index)))
  listField(rules, 'kafka').forEach((rule, index) => checkKafkaRule(ctx, rule, at(path, 'kafka', index)))
  if (isPresent(rules, 'l7') && !stringField(rules, 'l7proto')) {
    agentError(ctx, at(path, 'l7'), "'l7' may only be used together with 'l7proto'", {
      expected: 'an l7proto parser name'
    })
  }
}

function checkHttpRule(ctx: ValidationContext, rule: unknown, path: FieldPath): void {
  for (const key of ['path', 'method']) {
    const pattern = stringField(rule, key)
    const problem = pattern ? re2Problem(pattern) : undefined
    if (problem) {
      agentError(ctx, at(path, key), `${key} is not a valid regular expression: ${problem} (R9.2)`, {
        value: pattern,
        expected: 'an RE2 regular expression matched against the whole value, e.g. "/api/v1/.*"'
      })
    }
  }
  // From 1.16 the CRD's minLength rejects an empty header name first.
  if (ctx.options.minor >= 16) return
  listField(rule, 'headerMatches').forEach((match, index) => {
    if (field(match, 'name') === '') {
      agentError(ctx, at(path, 'headerMatches', index, 'name'), 'header name missing', {
        expected: 'a header name'
      })
    }
  })
}

// cilium/proxy kafka PortRule.Sanitize; `role` itself is a CRD enum (schema walk).
function checkKafkaRule(ctx: ValidationContext, rule: unknown, path: FieldPath): void {
  const apiKey = stringField(rule, 'apiKey')
  if (apiKey && stringField(rule, 'role')) {
    agentError(ctx, at(path, 'apiKey'), 'role and apiKey cannot be set together', {
      expected: 'either role or apiKey'
    })
  } else if (apiKey && !KAFKA_API_KEYS.has(apiKey.toLowerCase())) {
    agentError(ctx, at(path, 'apiKey'), `"${apiKey.slice(0, 80)}" is not a Kafka API key`, {
      value: apiKey,
      expected: 'a Kafka API key name such as produce, fetch, metadata'
    })
  }
  const apiVersion = stringField(rule, 'apiVersion')
  if (apiVersion && !(/^[0-9]{1,5}$/.test(apiVersion) && Number(apiVersion) <= 32767)) {
    agentError(
      ctx,
      at(path, 'apiVersion'),
      `Kafka apiVersion "${apiVersion.slice(0, 80)}" is not a number 0–32767`,
      {
        value: apiVersion,
        expected: 'a quoted integer from 0 to 32767'
      }
    )
  }
  const topic = stringField(rule, 'topic')
  if (topic && topic.length <= 255 && !/^[a-zA-Z0-9._-]+$/.test(topic)) {
    agentError(ctx, at(path, 'topic'), `Kafka topic "${topic}" has characters a topic cannot hold`, {
      value: topic,
      expected: 'letters, digits, ".", "_" and "-"'
    })
  }
}
