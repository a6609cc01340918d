import { clientKey } from '@/lib/abuse/clientKey'
import { readLimited } from '@/lib/http/readLimited'
import type { RateLimiter } from '@/lib/abuse/rateLimit'
import { serverUrl } from '@/lib/env'
import { calendarDay } from '@/lib/timeZone'

import type { StatsDelta } from './buffer'
import { declinedTracking, isBot, maxBodyBytes, parseCountBody } from './events'

/** What counting needs from the running site; tests pass their own. */
export type CountDeps = {
  /** Whether a staff member is previewing drafts on this request (Next's draft mode). */
  isPreview(): Promise<boolean>
  /** The ID of the published story with this slug, or null (through the cached public API). */
  publishedStory(slug: string): Promise<string | null>
  /** The organisation's time zone, whose calendar days the counts are kept by. */
  timeZone(): Promise<string>
  limiter: RateLimiter
  record(delta: StatsDelta): void
  now?(): Date
}

export type NotCounted = 'bot' | 'do-not-track' | 'preview'

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })
}

const notCounted = (reason: NotCounted) => answer(200, { counted: false, reason })

/**
 * Browsers say where a beacon comes from: `Sec-Fetch-Site`, and `Origin` on every POST. Both must
 * point at Voices itself when present, and one of them must be: a request with neither did not
 * come from a page. (A script can forge both; the rate limit is what bounds it.)
 */
function fromOwnPage(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site')
  const origin = request.headers.get('origin')
  if (!site && !origin) return false
  if (site && site !== 'same-origin') return false
  if (origin) {
    const own = new Set([new URL(request.url).origin])
    if (serverUrl()) own.add(new URL(serverUrl()).origin)
    if (!own.has(origin)) return false
  }
  return true
}

/**
 * POST /next/count — the story page's beacon: `{ "event": "view" | "click", "story": slug,
 * "locale": "en" }`. Adds one to that story's views or clicks for the language and today's date
 * in the site's time zone, and keeps nothing else: no cookie is read or set, the address is only
 * hashed for the rate limit (lib/abuse/clientKey.ts, never stored), and the user agent is only
 * matched against known bots.
 *
 * 202 counted; 200 `{ counted: false, reason }` for a bot, a reader who asked not to be tracked
 * (Global Privacy Control or Do Not Track) or a staff preview; 400 a body that is not exactly
 * the beacon's; 403 a beacon sent from another site's page; 404 no published story has the
 * slug; 413 a body over 512 bytes; 429 too many from one client (Retry-After says when again).
 */
export async function countRequest(request: Request, deps: CountDeps): Promise<Response> {
  if (!fromOwnPage(request)) return answer(403, { error: 'Counts come from Voices’ own pages only.' })

  const body = await readLimited(request, maxBodyBytes)
  if (body === null) return answer(413, { error: `The body is limited to ${maxBodyBytes} bytes.` })
  const parsed = parseCountBody(new TextDecoder().decode(body))
  if (!parsed.ok) return answer(400, { error: parsed.error })
  const { event, story, locale } = parsed.body

  if (isBot(request.headers.get('user-agent'))) return notCounted('bot')
  if (declinedTracking(request.headers)) return notCounted('do-not-track')
  if (await deps.isPreview()) return notCounted('preview')

  const limited = deps.limiter.take(clientKey(request.headers, 'count'))
  if (!limited.ok) {
    return answer(
      429,
      { error: 'Too many counts from this client; try again later.' },
      { 'Retry-After': String(limited.retryAfterSeconds) },
    )
  }

  const id = await deps.publishedStory(story)
  if (!id) return answer(404, { error: 'No published story has this address.' })

  const day = calendarDay(deps.now?.() ?? new Date(), await deps.timeZone())
  deps.record({ story: id, locale, day, views: event === 'view' ? 1 : 0, clicks: event === 'click' ? 1 : 0 })
  return answer(202, { counted: true })
}
