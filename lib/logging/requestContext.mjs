import { AsyncLocalStorage } from 'node:async_hooks'
import crypto from 'node:crypto'

/**
 * The request a log line is written for. The production server (server/start.mjs) runs each
 * request inside this store, and the loggers (./loggerOptions.mjs) add its id to every line.
 * Next.js bundles its own copies of Voices' modules, so a store in a module variable would be a
 * different one in the server and in the app: the one store lives on globalThis, under a
 * registered symbol both find.
 */
const key = Symbol.for('voices.request')

/** @typedef {{ reqId: string, open: boolean }} RequestContext */

/** @returns {AsyncLocalStorage<RequestContext>} */
export function requestStore() {
  globalThis[key] ??= new AsyncLocalStorage()
  return globalThis[key]
}

/**
 * The id of the request being answered, if any. Timers and connections begun while a request
 * was answered (the jobs' schedule starts in the first one) keep its context for as long as
 * they live, so a request's id is only given while it is still open: later lines carry none
 * rather than a wrong one.
 * @returns {string | undefined}
 */
export function currentRequestId() {
  const context = globalThis[key]?.getStore()
  return context?.open ? context.reqId : undefined
}

/**
 * An id sent by a proxy in front (nginx's `$request_id`, a load balancer's trace id) is kept, so
 * its log and Voices' can be joined; but only a short, plain one, since it is written into every
 * line and sent back. Anything else is replaced.
 */
const wellFormed = /^[A-Za-z0-9._-]{1,64}$/

/** @param {string | string[] | undefined} incoming the request's `x-request-id` header */
export function requestIdFor(incoming) {
  return typeof incoming === 'string' && wellFormed.test(incoming) ? incoming : crypto.randomUUID()
}
