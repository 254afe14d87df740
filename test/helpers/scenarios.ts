// Scenario texts several suites share.

/** The guide's intent for three pods in `default`: only client loses web. */
export const WEB_INTENT = `name: web-reachable
topology:
  namespaces: {default: {}}
  pods:
    - {name: web, namespace: default, labels: {run: web}, ports: [{port: 80, protocol: TCP}]}
    - {name: client, namespace: default, labels: {run: client}, ports: []}
    - {name: other, namespace: default, labels: {run: other}, ports: []}
expect:
  - {from: "*", to: "*", verdict: allow}
  - {from: default/client, to: default/web, verdict: deny}
`
