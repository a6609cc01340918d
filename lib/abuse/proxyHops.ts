/**
 * How many proxies in front append to `X-Forwarded-For`: `VOICES_PROXY_HOPS`, default 1. `0`
 * says Voices is reached directly: the proxy then drops whatever forwarding headers a client
 * sent (`proxy.ts`), and Next.js fills in the socket's address.
 */
export function proxyHops(): number {
  const hops = Number.parseInt(process.env.VOICES_PROXY_HOPS ?? '', 10)
  return Number.isInteger(hops) && hops >= 0 ? hops : 1
}
