import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { payloadLogger } from '@/lib/logging/payloadLogger'
import { loggerOptions } from '@/lib/logging/loggerOptions.mjs'
import { createAdmission } from '@/server/admission.mjs'
import { sendConsoleToLog } from '@/server/consoleLog.mjs'
import { logRequests } from '@/server/requestLog.mjs'

import { rest, tokenFor } from '../helpers/http'
import { createStaff, startPayload, stopPayload } from '../helpers/payload'

/**
 * The production log on a real HTTP server: requests go through the production server's
 * request-id path (server/requestLog.mjs), and are answered by Payload's REST handlers with
 * Payload logging through the logger payload.config.ts builds for production. Every line a
 * request causes (Payload's, the console's, the access line) is JSON and carries its id.
 */

type Line = Record<string, unknown> & { msg?: string; reqId?: string; name?: string }

let payload: Payload
let token: string
let written: string[] = []
let server: http.Server | null = null
const consoleBefore = { ...console }
const memory = { write: (line: string) => void written.push(line) }
const lines = (): Line[] => written.map((line) => JSON.parse(line) as Line)

beforeAll(async () => {
  payload = await startPayload()
  token = await tokenFor(payload, (await createStaff(payload, 'admin')).email)
  // What payload.config.ts gives Payload in production, written here instead of to stdout.
  vi.stubEnv('NODE_ENV', 'production')
  const { options } = payloadLogger()
  vi.unstubAllEnvs()
  payload.logger = pino({ ...options, name: 'payload' }, memory)
})

afterAll(async () => {
  await stopPayload(payload)
})

afterEach(async () => {
  Object.assign(console, consoleBefore)
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
  written = []
})

/**
 * The production server's request path with a queue of one place (server/start.mjs wires it
 * the same way), answering each request through Payload's REST API: a participant refused for a
 * consent status that does not exist, which Payload logs.
 */
async function serve({
  beforeAnswer = async () => undefined,
  holdLimitMs = 30_000,
}: { beforeAnswer?: () => Promise<void>; holdLimitMs?: number } = {}) {
  const logger = pino(loggerOptions({ name: 'server' }), memory)
  sendConsoleToLog(logger)
  const inRequest = logRequests(logger)
  const admission = createAdmission({
    limit: 1,
    staffLimit: 1,
    queueLimit: 10,
    maxWaitMs: 30_000,
    holdLimitMs,
    isStaff: () => false,
  })
  server = http.createServer((req, res) =>
    inRequest(req, res, () => {
      const answer = AsyncLocalStorage.bind(async () => {
        console.log('answering %s', req.method)
        await beforeAnswer()
        const response = await rest('POST', '/api/participants', {
          token,
          body: { publicName: 'Asel', legalName: 'Kulyash Dauletovna Iskakova', consent: { status: 'no-such-status' } },
        })
        console.error(new Error('the participant was refused'))
        res.statusCode = response.status
        res.end(await response.text())
      })
      admission.admit(req, res, answer)
    }),
  )
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

describe('request ids in the production log', () => {
  it('every line written while a request is answered carries its id, which the answer sends back', async () => {
    const base = await serve()
    const response = await fetch(`${base}/api/participants?where[legalName][like]=Kulyash`, { method: 'POST' })
    expect(response.status).toBe(400)
    const reqId = response.headers.get('x-request-id')!
    expect(reqId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)

    const all = lines()
    expect(all.map((line) => line.reqId)).toEqual(all.map(() => reqId))
    // Payload's own line about the refused write, the console's two and the access line.
    expect(all.some((line) => line.name === 'payload' && /invalid/i.test(line.msg ?? ''))).toBe(true)
    expect(all.filter((line) => line.name === 'server').map((line) => line.msg)).toEqual([
      'answering POST',
      'the participant was refused',
      'request',
    ])
    expect(all.at(-1)).toMatchObject({ level: 'info', method: 'POST', path: '/api/participants', status: 400, reqId })
    expect(all.at(-1)!.ms).toEqual(expect.any(Number))
    for (const line of all) expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    // Neither the query string nor the body's private values are written.
    expect(written.join('')).not.toContain('Kulyash')
  })

  it('keeps a short, plain id a proxy sent, and replaces any other', async () => {
    const base = await serve()
    const kept = await fetch(`${base}/`, { headers: { 'x-request-id': 'nginx-4f2a.9_C' } })
    expect(kept.headers.get('x-request-id')).toBe('nginx-4f2a.9_C')
    expect(new Set(lines().map((line) => line.reqId))).toEqual(new Set(['nginx-4f2a.9_C']))

    for (const malformed of ['two words', 'x'.repeat(65), 'a"}{"level":"fatal', 'Zhanargul@example.org']) {
      written = []
      const replaced = await fetch(`${base}/`, { headers: { 'x-request-id': malformed } })
      const reqId = replaced.headers.get('x-request-id')
      expect(reqId).not.toBe(malformed)
      expect(reqId).toMatch(/^[0-9a-f-]{36}$/)
      expect(new Set(lines().map((line) => line.reqId))).toEqual(new Set([reqId]))
      expect(written.join('')).not.toContain(malformed)
    }
  })

  it('a request let in from the queue while another is answered keeps its own id', async () => {
    // The first holds the only place past the hold limit, until the second has begun: the second
    // is let in by the first's timer, which runs in the first's context.
    let begun = 0
    const base = await serve({
      holdLimitMs: 100,
      beforeAnswer: async () => {
        begun += 1
        if (begun === 1) await vi.waitFor(() => expect(begun).toBe(2), { timeout: 10_000 })
      },
    })
    const first = fetch(`${base}/a`, { method: 'POST', headers: { 'x-request-id': 'first' } })
    await vi.waitFor(() => expect(begun).toBe(1))
    const second = fetch(`${base}/b`, { method: 'POST', headers: { 'x-request-id': 'second' } })
    await Promise.all([first, second])
    const byId = (id: string) => lines().filter((line) => line.reqId === id)
    expect(lines().filter((line) => !line.reqId)).toEqual([])
    for (const [id, path] of [
      ['first', '/a'],
      ['second', '/b'],
    ] as const) {
      expect(byId(id).filter((line) => line.msg === 'answering POST')).toHaveLength(1)
      expect(byId(id).filter((line) => line.name === 'payload').length).toBeGreaterThan(0)
      expect(byId(id).at(-1)).toMatchObject({ msg: 'request', path })
    }
  })
})
