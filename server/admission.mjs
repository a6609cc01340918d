/**
 * Admission for Voices' production server (server/start.mjs): how many requests Node works on
 * at once.
 *
 * Node serves every request on one thread, taking turns between all the requests it has begun.
 * When a hundred readers hold it busy, each of those turns is long, and a page being rendered
 * again (after an edit or, above all, a consent withdrawal) waits a turn for every step of its
 * rendering: measured on two cores, a page that takes 57 ms alone took 2 to 5 s, and a
 * withdrawal's pages up to 30 s. Working on only a few requests at a time keeps each turn short,
 * so a takedown's pages are rendered in about the time they take, while the others wait their
 * turn in a queue instead of slowing everyone down.
 *
 * - Every request, whatever its method, takes a place in one of three pools. Staff (a request
 *   whose session token's signature holds, or the jobs' token: server/staffCredentials.mjs) have
 *   `staffLimit` places of their own, so a safeguarding officer's withdrawal or an editor's save
 *   never waits behind the public, however many the public are. Everyone else, a forged cookie
 *   included, shares `limit` places; a POST is no way around the queue. The public's requests that
 *   send a body (forms, sign-ins, GraphQL, API writes) have `bodyLimit` places apart: a request
 *   holds its place while its body arrives, and a dozen clients sending theirs a byte a second
 *   kept every reader waiting. Now they keep only each other waiting.
 * - A request keeps its place until its answer is handed to the network, or `holdLimitMs` at
 *   most, so a client that sends its body or reads its answer slowly cannot keep others out.
 * - When `queueLimit` requests already wait in a pool, or one has waited `maxWaitMs`, it is
 *   answered 503 with Retry-After: the server is overloaded and says so, rather than failing
 *   everyone late.
 */

function busy(res, retryAfterSeconds) {
  if (res.headersSent || res.destroyed) return
  res.writeHead(503, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
  })
  res.end('Voices is busy. Please try again in a few seconds.\n')
}

/** One pool of places and the requests waiting for one. */
function createPool({ limit, queueLimit, maxWaitMs, holdLimitMs }, counts) {
  let active = 0
  const queue = []

  function next() {
    while (active < limit && queue.length > 0) {
      const entry = queue.shift()
      clearTimeout(entry.timer)
      if (entry.res.destroyed) {
        counts.gaveUp += 1
        continue
      }
      run(entry.res, entry.handle)
    }
  }

  function run(res, handle) {
    active += 1
    counts.admitted += 1
    let held = true
    const release = () => {
      if (!held) return
      held = false
      clearTimeout(timer)
      active -= 1
      next()
    }
    const timer = setTimeout(() => {
      counts.heldTooLong += 1
      release()
    }, holdLimitMs)
    timer.unref?.()
    res.once('finish', release)
    res.once('close', release)
    handle()
  }

  function admit(res, handle) {
    if (active < limit && queue.length === 0) return run(res, handle)
    if (queue.length >= queueLimit) {
      counts.refusedFull += 1
      return busy(res, 2)
    }
    counts.queued += 1
    const entry = { res, handle, timer: null }
    const leave = () => {
      const at = queue.indexOf(entry)
      if (at === -1) return false
      queue.splice(at, 1)
      clearTimeout(entry.timer)
      return true
    }
    entry.timer = setTimeout(() => {
      if (!leave()) return
      counts.refusedWaited += 1
      busy(res, 5)
    }, maxWaitMs)
    entry.timer.unref?.()
    queue.push(entry)
    // Someone who gives up while waiting frees her place in the queue at once.
    res.once('close', () => {
      if (leave()) counts.gaveUp += 1
    })
  }

  return { admit, stats: () => ({ active, waiting: queue.length }) }
}

/** Whether a request sends a body: a length above zero, or one sent in chunks. */
const sendsBody = (req) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/**
 * @param {{ limit: number, staffLimit: number, bodyLimit?: number, queueLimit: number,
 *   maxWaitMs: number, holdLimitMs: number, isStaff: (req) => boolean }} options
 */
export function createAdmission({ limit, staffLimit, bodyLimit = limit, queueLimit, maxWaitMs, holdLimitMs, isStaff }) {
  const counts = { admitted: 0, queued: 0, refusedFull: 0, refusedWaited: 0, gaveUp: 0, heldTooLong: 0 }
  const pools = {
    staff: createPool({ limit: staffLimit, queueLimit, maxWaitMs, holdLimitMs }, counts),
    public: createPool({ limit, queueLimit, maxWaitMs, holdLimitMs }, counts),
    publicBodies: createPool({ limit: bodyLimit, queueLimit, maxWaitMs, holdLimitMs }, counts),
  }
  const laneOf = (req) => (isStaff(req) ? 'staff' : sendsBody(req) ? 'publicBodies' : 'public')
  return {
    laneOf,
    admit: (req, res, handle) => pools[laneOf(req)].admit(res, handle),
    stats: () => {
      const staff = pools.staff.stats()
      const visitors = pools.public.stats()
      const bodies = pools.publicBodies.stats()
      return {
        active: staff.active + visitors.active + bodies.active,
        waiting: staff.waiting + visitors.waiting + bodies.waiting,
        staff,
        public: visitors,
        publicBodies: bodies,
        ...counts,
      }
    },
  }
}
