import { type APIRequestContext, expect, type Page, request as requests } from '@playwright/test'
import crypto from 'node:crypto'

import { e2eAdmin, e2eBaseUrl, e2ePayloadSecret } from './settings'

/** Logs in to the admin through its form (the demo admin unless told otherwise). */
export async function logInAs(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(credentials.email)
  await page.locator('#field-password').fill(credentials.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

export async function logInAsAdmin(page: Page): Promise<void> {
  await logInAs(page, e2eAdmin)
}

/**
 * Waits until the story open in the admin has autosaved `text` and its autosave is idle.
 *
 * The admin's Publish does not wait for an autosave: pressed while one is pending or in flight,
 * the story is published, and the autosave then lands a draft over it, so the sidebar says
 * "Changed" (or, for a moment, "Draft") although the published version holds everything typed.
 * An editor who pauses after typing never meets this; a test that types and presses at once does.
 */
export async function autosaved(page: Page, text: string): Promise<void> {
  const id = /\/admin\/collections\/stories\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  expect(id, 'a story open in the admin').toBeTruthy()
  // Asked from the page, as the admin asks, so with its session.
  const draft = () =>
    page.evaluate(
      async (url) => (await fetch(url, { credentials: 'include' })).text(),
      `/api/stories/${id}?draft=true&depth=0`,
    )
  await expect.poll(draft, { timeout: 30_000 }).toContain(text)
  await expect(page.locator('.autosave')).toContainText(/last saved/i)
}

/**
 * Publishes a story through the API as staff would: saved as a draft, signed off by
 * safeguarding (the demo admin holds that right), then published. Returns the published doc.
 */
export async function publishSignedOffStory(
  api: APIRequestContext,
  headers: Record<string, string>,
  data: Record<string, unknown>,
): Promise<{ id: string; slug: string }> {
  const created = await api.post('/api/stories?locale=en', { headers, data: { ...data, _status: 'draft' } })
  expect(created.ok(), await created.text()).toBe(true)
  const { doc } = await created.json()
  const signed = await api.post(`/api/stories/${doc.id}/sign-off`, { headers })
  expect(signed.ok(), await signed.text()).toBe(true)
  const published = await api.patch(`/api/stories/${doc.id}?locale=en`, { headers, data: { _status: 'published' } })
  expect(published.ok(), await published.text()).toBe(true)
  return (await published.json()).doc
}

/** A signed-in API client for the demo admin, separate from a test's anonymous `request`. */
export async function editor(): Promise<{ api: APIRequestContext; token: string }> {
  const api = await requests.newContext({ baseURL: e2eBaseUrl })
  const response = await api.post('/api/users/login', { data: { email: e2eAdmin.email, password: e2eAdmin.password } })
  expect(response.status()).toBe(200)
  const { token } = (await response.json()) as { token?: string }
  expect(token, 'login token').toBeTruthy()
  return { api, token: token! }
}

/** What the server derives from its Payload secret when VOICES_PREVIEW_SECRET is not set. */
export const previewSecret =
  process.env.VOICES_PREVIEW_SECRET ||
  crypto.createHmac('sha256', e2ePayloadSecret).update('voices:draft-preview').digest('hex')

/** Where Live Preview sends staff: sets draft mode for a signed-in session, then redirects to the page. */
export function previewUrl(params: { id: string; secret?: string; collection?: string; locale?: string }): string {
  const query = new URLSearchParams({
    collection: params.collection ?? 'stories',
    id: params.id,
    locale: params.locale ?? 'en',
  })
  if (params.secret !== undefined) query.set('secret', params.secret)
  return `/next/preview?${query}`
}

/** "Nov 22, 2026 3:47 PM" (format "MMM d, yyy h:mm a"): how the admin's date picker reads a time, in UTC. */
export function pickerText(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })
  const hours = date.getUTCHours()
  const minutes = String(date.getUTCMinutes()).padStart(2, '0')
  return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}
