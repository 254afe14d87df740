// PLACEHOLDER action entry (main step). Replace with the real entry, which only calls run().
/** Runs the action's main step. */
export function main(): Promise<void> {
  return Promise.resolve()
}

await main()
