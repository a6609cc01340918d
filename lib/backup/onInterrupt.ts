/**
 * Runs `cleanup` if the command is interrupted (Ctrl-C, or stopped by a service manager), then
 * exits as an interrupted process would. Returns a function that removes the handler again.
 */
export function onInterrupt(cleanup: () => void): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      cleanup()
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    process.once(signal, handler)
    return [signal, handler] as const
  })
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler)
  }
}
