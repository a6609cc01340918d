/**
 * The client's address in an `X-Forwarded-For` chain, given how many proxies in front of Voices
 * append to it (`VOICES_PROXY_HOPS`, lib/abuse/proxyHops.ts): the entry the nearest trusted hop
 * vouches for, counted from the right. Shared by the app (lib/abuse/clientKey.ts) and the
 * production server's admission queue (server/admission.mjs), so both tell clients apart alike.
 *
 * @param {string | null | undefined} header
 * @param {number} hops at least 1
 * @returns {string | undefined}
 */
export function addressInChain(header, hops) {
  const chain = (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return chain[Math.max(0, chain.length - hops)]
}
