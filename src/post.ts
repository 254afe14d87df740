// PLACEHOLDER action entry (post step). Replace with the real entry, which only calls run().
/** Runs the action's post step (cleanup). */
export function main(): Promise<void> {
  return Promise.resolve()
}

await main()
