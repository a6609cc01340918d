import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, test } from './fixtures'
import { ownPort, startServer, untilServing } from './servers'
import { e2eBaseUrl } from './settings'

/** Failed logins one e-mail may have from one address in 15 minutes (hooks/throttleLogins.ts). */
const perEmailAndAddress = 10

/**
 * Who a client is, for the login and form limits (lib/abuse/clientKey.ts). Behind a proxy
 * (`VOICES_PROXY_HOPS`, default 1) the address it appends to X-Forwarded-For counts. Reached
 * directly (`VOICES_PROXY_HOPS=0`), a client could write any address there, so the proxy drops
 * the header and the socket's address counts: a new made-up address buys no new attempts.
 */
async function failedLogins(base: string, email: string, forwardedFor: string, times: number) {
  const statuses: number[] = []
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email, password: 'not the password' }),
    })
    statuses.push(response.status)
  }
  return statuses
}

test('reached directly, a made-up X-Forwarded-For buys no new login attempts', async () => {
  test.setTimeout(240_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-direct-'))
  const server = startServer({ VOICES_DATA_DIR: dataDir, VOICES_PROXY_HOPS: '0', VOICES_RUN_JOBS: 'false' }, ownPort(9))
  try {
    await untilServing(server)
    const email = `nobody-${Date.now()}@example.org`
    const first = await failedLogins(server.base, email, '10.9.8.7', perEmailAndAddress)
    expect(
      first.every((status) => status === 401),
      String(first),
    ).toBe(true)
    for (const forwardedFor of ['10.9.8.8', '10.9.8.7, 10.1.1.1', '203.0.113.5']) {
      expect(await failedLogins(server.base, email, forwardedFor, 1), forwardedFor).toEqual([429])
    }
  } finally {
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

test('behind a proxy, the address it appends counts', async () => {
  const email = `somebody-${Date.now()}@example.org`
  const first = await failedLogins(e2eBaseUrl, email, '10.7.7.7', perEmailAndAddress)
  expect(
    first.every((status) => status === 401),
    String(first),
  ).toBe(true)
  expect(await failedLogins(e2eBaseUrl, email, '10.7.7.7', 1)).toEqual([429])
  // Another address the proxy appended is another client.
  expect(await failedLogins(e2eBaseUrl, email, '10.7.7.8', 1)).toEqual([401])
})
