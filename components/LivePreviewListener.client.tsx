'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

/**
 * Inside the admin's Live Preview, re-renders the page from the server whenever the document is
 * saved (drafts and autosaves included), so the preview always shows the latest draft as the
 * real template renders it. The admin and the site share an origin, so that origin is the only
 * one whose messages are accepted. Renders nothing.
 */
export function LivePreviewListener() {
  const router = useRouter()
  // Effects only run in the browser, where the origin is known.
  const origin = typeof window === 'undefined' ? '' : window.location.origin
  return <RefreshRouteOnSave refresh={router.refresh} serverURL={origin} />
}
