/**
 * Request ids and the access log of the production server (server/start.mjs).
 *
 * Each request gets an id: the `x-request-id` a proxy in front sent, when it is short and plain,
 * or a new one (lib/logging/requestContext.mjs). It is sent back in `x-request-id`, handed on to
 * Next.js in the request's headers, and everything that handles the request runs in the
 * request store, so every line Payload, Next.js or Voices logs meanwhile carries it as `reqId`.
 * When the answer is sent (or the client goes away) one line records the request: method, path,
 * status, duration and id. Never its query string (search terms, unsubscribe and preview
 * tokens), cookies, credentials or body.
 */
import { performance } from 'node:perf_hooks'

import { requestIdFor, requestStore } from '../lib/logging/requestContext.mjs'

export const requestIdHeader = 'x-request-id'

/**
 * Path segments that are secrets: a password-reset or an account-verification token, and
 * anything after a search's address, which can only be words someone typed (`/en/search%3Fq=…`,
 * `/en/search;q=…`). (Uploaded files are named by Voices, never by whoever uploaded them:
 * collections/Media/hooks.)
 */
const hiddenSegments = [
  [/^(\/admin\/reset\/)[^/]+/, '$1[token]'],
  [/^(\/(?:admin|api)\/[^/]+\/verify\/)[^/]+/, '$1[token]'],
  [/^(\/[a-z]{2}\/search)(?!\/?$).+$/i, '$1[…]'],
]

/** The path a line records: no query string or fragment, no token, 300 characters at most. */
export function loggedPath(url = '') {
  let path = url.split(/[?#]/, 1)[0]
  for (const [pattern, replacement] of hiddenSegments) path = path.replace(pattern, replacement)
  return path.length > 300 ? `${path.slice(0, 300)}…` : path
}

/** Probes an orchestrator or load balancer sends every few seconds: logged at debug level. */
const probes = new Set(['/api/health', '/api/ready'])

/**
 * @param {import('pino').Logger} logger the server's logger
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, answer: () => void) => void}
 */
export function logRequests(logger) {
  const store = requestStore()
  return (req, res, answer) => {
    const reqId = requestIdFor(req.headers[requestIdHeader])
    req.headers[requestIdHeader] = reqId
    res.setHeader(requestIdHeader, reqId)
    const started = performance.now()
    const context = { reqId, open: true }
    res.once('close', () => {
      context.open = false
      const path = loggedPath(req.url)
      const line = {
        reqId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        // The client went away before the whole answer was handed to the network.
        ...(res.writableFinished ? {} : { aborted: true }),
      }
      logger[probes.has(path) ? 'debug' : 'info'](line, 'request')
    })
    store.run(context, answer)
  }
}
