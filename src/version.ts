// reachdiff's version, as in package.json (a test keeps the two equal). Kept as a constant
// so every bundle carries it without reading files at run time.
export const TOOL_VERSION = '0.1.0'
