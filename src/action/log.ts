// The Action's log lines. `core.info` writes its text to stdout as is, where the runner would
// execute a line such as `::add-mask::…` taken from a file name; every line goes through the
// escaping funnel instead (annotations, `core.debug` and `core.setFailed` are escaped by
// @actions/core itself).
import * as core from '@actions/core'
import { toLogText } from '../core/log-text.js'

export function logInfo(text: string): void {
  // eslint-disable-next-line no-restricted-properties -- the one sanctioned use
  core.info(toLogText(text))
}
