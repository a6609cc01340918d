import config from '@payload-config'
import { draftMode, headers } from 'next/headers'
import { getPayload, type TypedUser } from 'payload'
import { cache } from 'react'

/**
 * The staff member previewing drafts on this request, or null for everyone else.
 *
 * Draft mode alone is not enough: its cookie outlives the admin session (after a log-out, or
 * when the session expires), so the session is checked again on every request. Without a valid
 * one the page is served exactly as to any visitor. Outside draft mode the request headers are
 * never read, so public pages stay static and cached.
 */
export const previewer = cache(async (): Promise<TypedUser | null> => {
  if (!(await draftMode()).isEnabled) return null
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: await headers() })
  return user ?? null
})
