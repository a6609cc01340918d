/**
 * Admission for Voices' production server (server/start.mjs): how many reads Node works on at once.
 *
 * Node serves every request on one thread, taking turns between all the requests it has begun.
 * When a hundred readers hold it busy, each of those turns is long, and a page being rendered
 * again (after an edit or, above all, a consent withdrawal) waits a turn for every step of its
 * rendering: measured on two cores, a page that takes 57 ms alone took 2 to 5 s, and a
 * withdrawal's pages up to 30 s. Admitting only a few reads at a time keeps each turn short, so a
 * takedown's pages are rendered in about the time they take, while the other readers wait their
 * turn in a queue instead of slowing everyone down.
 *
 * - Reads (GET, HEAD) take a place among `limit`; the others wait in order. Reads by someone
 *   signed in (a session cookie or an Authorization header) are let in first: staff previewing
 *   and editing are few and should not queue behind the public. A forged cookie only moves a
 *   reader to the front of the same queue.
 * - Writes (POST, PATCH, PUT, DELETE) are never queued: they are staff saving and consent being
 *   withdrawn, or small public forms, each already limited by its own rules; and a write's body
 *   arrives at the client's pace, which must not hold a place that readers wait for.
 * - A read keeps its place until its answer is handed to the network, or `holdLimitMs` at most,
 *   so a client that never reads its answer cannot keep others out.
 * - When `queueLimit` reads already wait, or a read has waited `maxWaitMs`, it is answered 503
 *   with Retry-After: the server is overloaded and says so, rather than failing everyone late.
 */

const sessionCookie = /(?:^|;\s*)payload-token=/

/** Which queue a request waits in: null for requests that are never queued. */
export function laneOf(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  const signedIn = Boolean(req.headers.authorization) || sessionCookie.test(req.headers.cookie ?? '')
  return signedIn ? 'staff' : 'public'
}

function busy(res, retryAfterSeconds) {
  if (res.headersSent || res.destroyed) return
  res.writeHead(503, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
  })
  res.end('Voices is busy. Please try again in a few seconds.\n')
}

/**
 * @param {{ limit: number, queueLimit: number, maxWaitMs: number, holdLimitMs: number }} options
 * @returns {{ admit: (req, res, handle: () => void) => void, stats: () => object }}
 */
export function createAdmission({ limit, queueLimit, maxWaitMs, holdLimitMs }) {
  let active = 0
  const queues = { staff: [], public: [] }
  const counts = { admitted: 0, queued: 0, refusedFull: 0, refusedWaited: 0, gaveUp: 0, heldTooLong: 0 }

  const waiting = () => queues.staff.length + queues.public.length

  function next() {
    while (active < limit) {
      const entry = queues.staff.shift() ?? queues.public.shift()
      if (!entry) return
      clearTimeout(entry.timer)
      if (entry.res.destroyed) {
        counts.gaveUp += 1
        continue
      }
      run(entry.req, entry.res, entry.handle)
    }
  }

  function run(req, res, handle) {
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

  function admit(req, res, handle) {
    const lane = laneOf(req)
    if (lane === null) return handle()
    if (active < limit && waiting() === 0) return run(req, res, handle)
    if (waiting() >= queueLimit) {
      counts.refusedFull += 1
      return busy(res, 2)
    }
    counts.queued += 1
    const entry = { req, res, handle, timer: null }
    entry.timer = setTimeout(() => {
      const queue = queues[lane]
      const at = queue.indexOf(entry)
      if (at === -1) return
      queue.splice(at, 1)
      counts.refusedWaited += 1
      busy(res, 5)
    }, maxWaitMs)
    entry.timer.unref?.()
    queues[lane].push(entry)
    // A reader who gives up while waiting frees her place in the queue at once.
    res.once('close', () => {
      const queue = queues[lane]
      const at = queue.indexOf(entry)
      if (at === -1) return
      queue.splice(at, 1)
      clearTimeout(entry.timer)
      counts.gaveUp += 1
    })
  }

  return { admit, stats: () => ({ active, waiting: waiting(), ...counts }) }
}
