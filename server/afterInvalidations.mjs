/**
 * The answer to a change goes out only once the invalidations it started are in.
 *
 * Next.js starts a request's `revalidateTag`s as its handler returns, and sends the answer
 * without waiting for them. In this process's memory an invalidation is done at once; in Redis
 * (several instances) it takes a round trip, and a reader asking the moment a publish or a consent
 * withdrawal had returned could be handed the page as it was, by any instance. So every request
 * that is not a read has its answer held from its first byte until every invalidation under way
 * has settled (lib/cache/invalidations.mjs), `MAX_WAIT_MS` at most: Redis answers within its one
 * second command timeout, and an invalidation it misses is kept and sent again
 * (lib/cache/redisHandler.mjs).
 */
import { invalidationsSettled, invalidationsUnderWay } from '../lib/cache/invalidations.mjs'

export const MAX_WAIT_MS = 3_000

export function answerAfterInvalidations(req, res) {
  if (req.method === 'GET' || req.method === 'HEAD') return
  const original = { write: res.write, end: res.end }
  /** Calls made while held, in order; null when not holding. */
  let held = null
  let released = false
  const wrap = (name) =>
    function (...args) {
      if (held) {
        held.push([name, args])
        return name === 'write' ? true : this
      }
      if (released || !invalidationsUnderWay()) return original[name].apply(this, args)
      held = [[name, args]]
      void invalidationsSettled(MAX_WAIT_MS).then(() => {
        const calls = held
        held = null
        released = true
        for (const [call, callArgs] of calls) original[call].apply(res, callArgs)
      })
      return name === 'write' ? true : this
    }
  res.write = wrap('write')
  res.end = wrap('end')
}
