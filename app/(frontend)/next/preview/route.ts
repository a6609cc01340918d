import config from '@payload-config'
import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { getPayload } from 'payload'

import { isLocale } from '@/lib/i18n'
import { isPreviewCollection, publicPath } from '@/lib/preview/paths'
import { isPreviewSecret } from '@/lib/preview/secret'

export const dynamic = 'force-dynamic'

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain' } })
}

/**
 * Turns on draft mode and opens a document's public page, for Live Preview in the admin.
 *
 * Needs both the preview secret (so a stray link cannot switch a browser into draft mode) and a
 * signed-in staff session, and reads the document with that person's own access: nobody sees a
 * draft here that they could not open in the admin. Redirects only to the document's own public
 * path on this site.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams
  if (!isPreviewSecret(params.get('secret'))) return refuse(401, 'Invalid preview link.')

  const collection = params.get('collection')
  const id = params.get('id')
  const locale = params.get('locale')
  if (!isPreviewCollection(collection) || !id || !isLocale(locale)) return refuse(400, 'Incomplete preview link.')

  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return refuse(401, 'Sign in to the admin to preview drafts.')

  const doc = await payload
    .findByID({
      collection,
      id,
      locale,
      draft: true,
      overrideAccess: false,
      user,
      depth: 0,
      select: { slug: true },
      disableErrors: true,
    })
    .catch(() => null)
  if (!doc?.slug) return refuse(404, 'No such document.')

  ;(await draftMode()).enable()
  redirect(publicPath(collection, locale, doc.slug))
}
