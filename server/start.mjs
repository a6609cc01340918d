/**
 * Voices in production: `npm start` (after `npm run build`).
 *
 *   node server/start.mjs [-p <port>] [-H <hostname>]
 *
 * The built Next.js app (site, admin and API) as `next start` serves it, behind an admission
 * queue (server/admission.mjs) so that a busy public site cannot delay a consent withdrawal's
 * takedown, telling shared caches to ask again every time (server/sharedCaches.mjs), and sending
 * anyone handed a render that a takedown overtook to ask again (server/supersededRenders.mjs),
 * ignoring the headers Next.js takes as instructions from itself (server/internalHeaders.mjs), and
 * holding the answer to a change until the invalidations it started are in
 * (server/afterInvalidations.mjs).
 * `/api/health` is answered before all of that (server/health.mjs), and so is a page Next.js has
 * already served from its page cache, from a copy of its bytes until anything changes
 * (server/pageCopies.mjs). Before anything, a page that does not read its query string is asked
 * for without it (server/pageQueries.mjs). The heap grows slowly, to hold memory near what is in use
 * (server/heapGrowth.mjs).
 * The port comes from -p, else PORT, else 3000; the host from -H, else every interface.
 * Settings (README, "Running in production"):
 * - VOICES_CONCURRENT_REQUESTS: requests from the public worked on at once (default 8);
 * - VOICES_CONCURRENT_STAFF_REQUESTS: requests from signed-in staff worked on at once (default 4);
 * - VOICES_CONCURRENT_PUBLIC_BODIES: requests from the public that send a body (default 4);
 * - VOICES_REQUEST_QUEUE: requests that may wait in each queue before more are refused (2000);
 * - VOICES_REQUEST_WAIT_SECONDS: how long a request may wait before it is refused (default 30);
 * - VOICES_PAGE_CACHE_MB: the most cached pages and queries kept in memory (default 256);
 * - VOICES_HTTP_CACHE_URL and VOICES_HTTP_CACHE_REFRESH_KEY: the HTTP cache in front, refreshed
 *   after every change (lib/cache/frontCache.mjs), both or neither;
 * - VOICES_LOG_LEVEL: how much is logged (default info).
 * Once the settings are checked, everything is logged as JSON lines on standard output: one line
 * per request, with its id, and every line written while answering it carries that id
 * (server/requestLog.mjs); what Next.js prints on the console too (server/consoleLog.mjs).
 * SIGTERM or SIGINT stops taking requests, lets those under way finish (10 s at most) and exits.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import next from 'next'
import pino from 'pino'

import { connectRedis, redisUrl } from '../lib/cache/redisClient.mjs'
import { loggerOptions } from '../lib/logging/loggerOptions.mjs'
import { checkSettings } from '../lib/settings/checkSettings.mjs'

import { createAdmission } from './admission.mjs'
import { answerAfterInvalidations } from './afterInvalidations.mjs'
import { sendConsoleToLog } from './consoleLog.mjs'
import { answerHealth } from './health.mjs'
import { dropInternalHeaders } from './internalHeaders.mjs'
import { createPageCopies } from './pageCopies.mjs'
import { slowHeapGrowth } from './heapGrowth.mjs'
import { dropUnreadQuery } from './pageQueries.mjs'
import { loggedPath, logRequests } from './requestLog.mjs'
import { staffCredentials } from './staffCredentials.mjs'
import { keepSharedCachesHonest } from './sharedCaches.mjs'
import { askAgainIfSuperseded } from './supersededRenders.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function fail(message) {
  console.error(`voices: ${message}`)
  process.exit(1)
}

function options() {
  try {
    return parseArgs({
      options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
    }).values
  } catch (error) {
    fail(`${error.message}\nUsage: node server/start.mjs [-p <port>] [-H <hostname>]`)
  }
}

/** A whole number from the checked settings, or the default when unset. */
const setting = (name, fallback) => (settings[name] === undefined ? fallback : Number(settings[name]))

const args = options()
// Every setting checked at once before anything else loads (lib/settings), each problem named.
// -p is checked as PORT is, since it takes PORT's place.
const { problems, settings } = checkSettings(
  { ...process.env, ...(args.port === undefined ? {} : { PORT: args.port }) },
  { production: true },
)
if (problems.length) {
  for (const problem of problems) console.error(`Voices cannot start: ${problem}`)
  process.exit(1)
}
// The refusals above are plain text on standard error; from here on, JSON lines (docs/deploy.md, "Logs").
const logger = pino(loggerOptions({ level: settings.VOICES_LOG_LEVEL?.toLowerCase(), name: 'server' }), process.stdout)
sendConsoleToLog(logger)
const port = setting('PORT', 3000)
const hostname = args.hostname
// What the app itself reads to reach its own server (lib/site/revalidationToken.ts).
process.env.PORT = String(port)
process.env.NODE_ENV = 'production'
// A heap that grows by a quarter, not fourfold, past what survives (server/heapGrowth.mjs).
slowHeapGrowth()
// Who the client is, for sign-in and form limits (lib/abuse/proxyHops.ts): checked here, and
// said out loud when left to its default, which trusts the proxy a production server sits behind.
const proxyHops = setting('VOICES_PROXY_HOPS', 1)
if (!process.env.VOICES_PROXY_HOPS?.trim())
  console.log(
    'voices: VOICES_PROXY_HOPS is not set, so the last X-Forwarded-For entry is taken as the client address, ' +
      'as a reverse proxy in front appends it. Reached directly, set VOICES_PROXY_HOPS=0.',
  )
// Read by the page cache (lib/cache/handler.mjs); 0 turns it off, for measuring what it buys.
const pageCacheMb = setting('VOICES_PAGE_CACHE_MB', 256)
process.env.VOICES_PAGE_CACHE_MB = String(pageCacheMb)
// Copies of cached pages answered before Next.js (server/pageCopies.mjs): an eighth of the page
// cache's room, and none with Redis, where another instance's invalidation would not reach them.
const pageCopies = createPageCopies({ maxBytes: redisUrl() ? 0 : (pageCacheMb * 1024 * 1024) / 8 })

const admission = createAdmission({
  limit: setting('VOICES_CONCURRENT_REQUESTS', 8),
  staffLimit: setting('VOICES_CONCURRENT_STAFF_REQUESTS', 4),
  bodyLimit: setting('VOICES_CONCURRENT_PUBLIC_BODIES', 4),
  queueLimit: setting('VOICES_REQUEST_QUEUE', 2000),
  maxWaitMs: setting('VOICES_REQUEST_WAIT_SECONDS', 30) * 1000,
  holdLimitMs: 10_000,
  proxyHops,
  isStaff: staffCredentials(settings.PAYLOAD_SECRET),
})

// The page cache's Redis connection, before the first request can make an invalidation.
if (redisUrl()) await connectRedis(3_000)
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port })
const server = http.createServer()
await app.prepare()
const handle = app.getRequestHandler()

const inRequest = logRequests(logger)

server.on('request', (req, res) =>
  inRequest(req, res, () => {
    dropUnreadQuery(req)
    if (answerHealth(req, res) || pageCopies.answer(req, res)) return
    dropInternalHeaders(req)
    // First, so that it sees the bytes as they leave, after every other change to the answer.
    pageCopies.watch(req, res)
    keepSharedCachesHonest(req, res)
    askAgainIfSuperseded(req, res)
    answerAfterInvalidations(req, res)
    // Bound to this request: one that waited is let in by another's end or timer, in that one's context.
    const answer = AsyncLocalStorage.bind(() =>
      handle(req, res).catch((error) => {
        logger.error({ err: error, method: req.method, path: loggedPath(req.url) }, 'voices: failed to answer')
        if (!res.headersSent) {
          res.statusCode = 500
          res.end('Internal Server Error')
        }
      }),
    )
    admission.admit(req, res, answer)
  }),
)
server.on('error', (error) => fail(`could not listen on port ${port}: ${error.message}`))
server.listen(port, hostname, () => console.log(`voices: ready on http://${hostname ?? 'localhost'}:${port}`))

let stopping = false
for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
]) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    const done = () => process.exit(code)
    setTimeout(done, 10_000).unref()
    server.close(() => void app.close().then(done, done))
    server.closeIdleConnections()
  })
}
