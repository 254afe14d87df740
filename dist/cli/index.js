#!/usr/bin/env node
import './sourcemap-register.cjs';/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runCli)
/* harmony export */ });
// PLACEHOLDER CLI entry. Replace with the real CLI, keeping the shebang and these exit codes:
// 0 success, 2 usage error.
const COMMANDS = ['check', 'diff', 'matrix', 'explain'];
const USAGE = `usage: reachdiff <command> [options]

commands:
  check     validate policies and predict reachability
  diff      show what a policy change does to reachability
  matrix    print the reachability matrix
  explain   explain the verdict for one flow
`;
/** Runs the CLI with the arguments after the script name and returns the exit code. */
function runCli(argv) {
    const [command] = argv;
    if (command === '--help' || command === '-h') {
        process.stdout.write(USAGE);
        return 0;
    }
    if (command === undefined || !COMMANDS.includes(command)) {
        if (command !== undefined)
            process.stderr.write(`reachdiff: unknown command '${command}'\n`);
        process.stderr.write(USAGE);
        return 2;
    }
    process.stderr.write(`reachdiff ${command}: not implemented yet\n`);
    return 1;
}
process.exitCode = runCli(process.argv.slice(2));

var __webpack_exports__runCli = __webpack_exports__.a;
export { __webpack_exports__runCli as runCli };

//# sourceMappingURL=index.js.map