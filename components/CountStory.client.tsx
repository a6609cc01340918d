'use client'

import { useEffect, useRef } from 'react'

import type { Locale } from '@/lib/locales'

/** Where the beacon goes: Voices' own route, never a third party (app/(frontend)/next/count). */
const countRoute = '/next/count'

/** A reader who asked browsers not to track her (Global Privacy Control, Do Not Track) is not counted. */
function declined(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean }
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1'
}

function send(event: 'view' | 'click', story: string, locale: Locale): void {
  const body = JSON.stringify({ event, story, locale })
  // A beacon outlives the page, so a click that navigates away is still counted. Plain text
  // keeps it a simple request: no preflight, no cookie needed, nothing to wait for.
  if (navigator.sendBeacon?.(countRoute, new Blob([body], { type: 'text/plain' }))) return
  void fetch(countRoute, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(() => undefined)
}

/**
 * Counts a story's readers without tracking them: one `view` when the page opens, one `click`
 * when a call to action (a link with `data-cta`) is followed. Nothing is stored in the browser
 * and nothing identifies the reader; the page itself stays a cached static page. Renders nothing.
 */
export function CountStory({ slug, locale }: { slug: string; locale: Locale }) {
  // One view per visit to the page: React's strict mode runs effects twice in development.
  const viewed = useRef<string | null>(null)
  useEffect(() => {
    if (declined()) return
    if (viewed.current !== `${locale}/${slug}`) {
      viewed.current = `${locale}/${slug}`
      send('view', slug, locale)
    }
    const onClick = (event: MouseEvent) => {
      // The main button, or the middle one (open in a new tab); a keyboard's Enter is a click too.
      if (event.type === 'auxclick' && event.button !== 1) return
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest('a[data-cta]')) send('click', slug, locale)
    }
    document.addEventListener('click', onClick, true)
    document.addEventListener('auxclick', onClick, true)
    return () => {
      document.removeEventListener('click', onClick, true)
      document.removeEventListener('auxclick', onClick, true)
    }
  }, [slug, locale])
  return null
}
