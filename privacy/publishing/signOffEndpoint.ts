import type { Endpoint } from 'payload'

import { APIError } from 'payload'

import { hasRole } from '@/lib/roles'
import type { SignOffContext } from '@/privacy/publishing/signOff'

/**
 * POST /api/stories/:id/sign-off — a safeguarding officer (or an admin) signs off the story's
 * latest version: an unpublished draft if there is one, otherwise what is published. Editing
 * what the story says or shows afterwards clears the sign-off again.
 */
export const signOffEndpoint: Endpoint = {
  path: '/:id/sign-off',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError('Log in to sign off stories.', 401)
    if (!hasRole(req.user, 'admin', 'safeguarding')) {
      throw new APIError('Only safeguarding staff and admins sign off stories.', 403)
    }
    const id = String(req.routeParams?.id ?? '')
    const latest = await req.payload
      .findByID({ collection: 'stories', id, draft: true, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!latest) throw new APIError('No such story.', 404)

    const current = await req.payload.findByID({ collection: 'stories', id, depth: 0, overrideAccess: true, req })
    const pendingDraft = current._status === 'published' && latest._status === 'draft'

    const user = req.user as { id: string | number; name?: string | null; email?: string | null }
    const context: SignOffContext = {
      signOff: { by: String(user.id), name: user.name || user.email || 'Safeguarding' },
    }
    const story = await req.payload.update({
      collection: 'stories',
      id,
      data: {},
      // Changes pending over a published story are signed as a draft, leaving what is published
      // untouched; an unpublished story is signed as it stands.
      draft: pendingDraft,
      depth: 0,
      overrideAccess: true,
      req,
      context,
    })
    return Response.json({ id: story.id, signOff: story.signOff })
  },
}
