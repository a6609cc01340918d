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
 *   kept every reader waiting. Now they keep only each other waiting, and each client holds one of
 *   those places at a time (`bodiesPerClient`): one client opening slow uploads one after another
 *   held them all, and kept everyone from signing in.
 * - A request keeps its place until its answer is handed to the network, or `holdLimitMs` at
 *   most, so a client that sends its body or reads its answer slowly cannot keep others out.
 * - When `queueLimit` requests already wait in a pool, or one has waited `maxWaitMs`, it is
 *   answered 503 with Retry-After: the server is overloaded and says so, rather than failing
 *   everyone late.
 */

import { addressInChain } from '../lib/abuse/forwardedFor.mjs'

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
 * One pool of places and the requests waiting for one. With `perClient`, one client (by address)
 * holds that many places at most, and has at most `perClient * 8` requests waiting: the others
 * take their turn before her next one.
 */
function createPool({ limit, queueLimit, maxWaitMs, holdLimitMs, perClient = Infinity, clientOf }, counts) {
  let active = 0
  const queue = []
  /** Places held, by client, when the pool counts them. */
  const holding = new Map()
  const held = (client) => (client === undefined ? 0 : (holding.get(client) ?? 0))
  const waitingOf = (client) => queue.reduce((n, entry) => n + (entry.client === client ? 1 : 0), 0)

  function next() {
    while (active < limit) {
      const at = queue.findIndex((entry) => held(entry.client) < perClient)
      if (at === -1) return
      const [entry] = queue.splice(at, 1)
      clearTimeout(entry.timer)
      if (entry.res.destroyed) {
        counts.gaveUp += 1
        continue
      }
      run(entry)
    }
  }

  function run({ res, handle, client }) {
    active += 1
    counts.admitted += 1
    if (client !== undefined) holding.set(client, held(client) + 1)
    let holds = true
    const release = () => {
      if (!holds) return
      holds = false
      clearTimeout(timer)
      active -= 1
      if (client !== undefined) {
        const left = held(client) - 1
        if (left > 0) holding.set(client, left)
        else holding.delete(client)
      }
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
    const client = Number.isFinite(perClient) ? clientOf(req) : undefined
    const entry = { res, handle, client, timer: null }
    if (active < limit && queue.length === 0 && held(client) < perClient) return run(entry)
    if (queue.length >= queueLimit || (client !== undefined && waitingOf(client) >= perClient * 8)) {
      counts.refusedFull += 1
      return busy(res, 2)
    }
    counts.queued += 1
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
    // A free place that those waiting could not take (their clients hold their share) is hers.
    if (active < limit) next()
  }

  return { admit, stats: () => ({ active, waiting: queue.length }) }
}

/** Whether a request sends a body: a length above zero, or one sent in chunks. */
const sendsBody = (req) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined

/**
 * The client a request comes from, as the app tells clients apart (lib/abuse/clientKey.ts): the
 * socket's address reached directly (`VOICES_PROXY_HOPS=0`), else the `X-Forwarded-For` entry
 * the nearest trusted proxy appended.
 */
export function clientOf(req, hops) {
  const socket = req.socket?.remoteAddress ?? 'unknown'
  if (hops === 0) return socket
  return addressInChain(req.headers['x-forwarded-for'], hops) ?? socket
}

/**
 * @param {{ limit: number, staffLimit: number, bodyLimit?: number, bodiesPerClient?: number,
 *   queueLimit: number, maxWaitMs: number, holdLimitMs: number, proxyHops?: number,
 *   isStaff: (req) => boolean }} options
 */
export function createAdmission({
  limit,
  staffLimit,
  bodyLimit = limit,
  bodiesPerClient = 1,
  queueLimit,
  maxWaitMs,
  holdLimitMs,
  proxyHops = 1,
  isStaff,
}) {
  const counts = { admitted: 0, queued: 0, refusedFull: 0, refusedWaited: 0, gaveUp: 0, heldTooLong: 0 }
  const pools = {
    staff: createPool({ limit: staffLimit, queueLimit, maxWaitMs, holdLimitMs }, counts),
    public: createPool({ limit, queueLimit, maxWaitMs, holdLimitMs }, counts),
    publicBodies: createPool(
      {
        limit: bodyLimit,
        queueLimit,
        maxWaitMs,
        holdLimitMs,
        perClient: bodiesPerClient,
        clientOf: (req) => clientOf(req, proxyHops),
      },
      counts,
    ),
  }
  const laneOf = (req) => (isStaff(req) ? 'staff' : sendsBody(req) ? 'publicBodies' : 'public')
  return {
    laneOf,
    admit: (req, res, handle) => pools[laneOf(req)].admit(req, res, handle),
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
