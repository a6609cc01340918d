import type { Endpoint } from 'payload'

import { Refusal } from '@/lib/refusals/refusal'

import { hasRole } from '@/lib/roles'

import type { SignOffContext } from './signOff'

/**
 * POST /api/stories/:id/sign-off — a safeguarding officer (or an admin) signs off the story's
 * latest version: an unpublished draft if there is one, otherwise what is published. The sign-off
 * records that version and a digest of its content, and holds only while the story matches it.
 *
 * Send `{ "version": "<id>", "updatedAt": "<its updatedAt>" }`, the version she reviewed (the
 * admin's panel does): if the story has been saved since (autosave rewrites the latest version in
 * place, so its time counts as well as its ID), nothing is signed and the answer is 409, so nobody
 * signs text unseen.
 */
export const signOffEndpoint: Endpoint = {
  path: '/:id/sign-off',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new Refusal(req, 'signInRequired', 401)
    if (!hasRole(req.user, 'admin', 'safeguarding')) {
      throw new Refusal(req, 'onlySafeguardingSignsOff', 403)
    }
    const id = String(req.routeParams?.id ?? '')
    const reviewed = await readReviewedVersion(req)
    const current = await req.payload
      .findByID({ collection: 'stories', id, depth: 0, overrideAccess: true, req, select: { _status: true } })
      .catch(() => null)
    if (!current) throw new Refusal(req, 'noSuchStory', 404)
    const {
      docs: [latest],
    } = await req.payload.findVersions({
      collection: 'stories',
      where: { parent: { equals: id } },
      sort: '-updatedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
      select: { version: { _status: true }, updatedAt: true },
    })
    const changed =
      reviewed &&
      (!latest ||
        String(latest.id) !== reviewed.version ||
        new Date(latest.updatedAt).getTime() !== new Date(reviewed.updatedAt).getTime())
    if (changed) {
      throw new Refusal(req, 'storyChangedSinceOpened', 409)
    }
    const pendingDraft = current._status === 'published' && latest?.version._status === 'draft'

    const user = req.user as { id: string | number; name?: string | null; email?: string | null }
    const context: SignOffContext = {
      signOff: {
        by: String(user.id),
        name: user.name || user.email || 'Safeguarding',
        version: latest ? String(latest.id) : undefined,
      },
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

type Reviewed = { version: string; updatedAt: string }

async function readReviewedVersion(req: Parameters<Endpoint['handler']>[0]): Promise<Reviewed | undefined> {
  if (!req.json || !req.headers.get('content-type')?.includes('application/json')) return undefined
  const body = (await req.json().catch(() => null)) as { version?: unknown; updatedAt?: unknown } | null
  if (body?.version === undefined || body.version === null) return undefined
  if (typeof body.version !== 'string' || !body.version) throw new Refusal(req, 'versionMustBeId', 400)
  // Required with the version: autosave rewrites a version in place, keeping its ID, so only its
  // time tells the version she read from one typed over since.
  if (typeof body.updatedAt !== 'string' || Number.isNaN(Date.parse(body.updatedAt))) {
    throw new Refusal(req, 'updatedAtMustBeTime', 400)
  }
  return { version: body.version, updatedAt: body.updatedAt }
}
