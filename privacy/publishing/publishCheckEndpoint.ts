import type { Endpoint } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'
import { publishProblems } from '@/privacy/publishing/publishProblems'

/**
 * GET /api/stories/:id/publish-check — for staff: could the story's latest saved version go live
 * now, and if not, why (consent missing for someone it uses, no safeguarding sign-off). The
 * reasons name people by public name only. The sidebar shows them before anyone tries to
 * publish or schedule.
 */
export const publishCheckEndpoint: Endpoint = {
  path: '/:id/publish-check',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw new Refusal(req, 'signInRequired', 401)
    const id = String(req.routeParams?.id ?? '')
    const exists = await req.payload
      .findByID({
        collection: 'stories',
        id,
        draft: true,
        depth: 0,
        overrideAccess: false,
        req,
        select: { title: true },
      })
      .catch(() => null)
    if (!exists) throw new Refusal(req, 'noSuchStory', 404)
    const problems = await publishProblems(id, req, new Date())
    return Response.json({ ready: problems.length === 0, problems })
  },
}
