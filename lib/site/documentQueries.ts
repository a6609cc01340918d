import config from '@payload-config'
import { getPayload, type RequestContext, type TypedUser } from 'payload'

import type { Locale } from '@/lib/locales'
import { publicSiteContext } from '@/privacy/references/publicSiteRead'

/**
 * The single-document reads behind the story and program pages, for whoever is looking:
 * `publicApi` runs them as an anonymous visitor and caches them; `previewApi` runs them, never
 * cached, as a signed-in staff member previewing drafts. Access control is enforced either way.
 */
export type Viewer =
  | { overrideAccess: false; user: null; draft: false; context: RequestContext }
  | { overrideAccess: false; user: TypedUser; draft: true }

/** An anonymous visitor, reading for the site's own pages (see privacy/references/publicSiteRead.ts). */
export const asVisitor: Viewer = { overrideAccess: false, user: null, draft: false, context: publicSiteContext }

export function asPreviewer(user: TypedUser): Viewer {
  return { overrideAccess: false, user, draft: true }
}

/** Related documents as the public templates show them: names and slugs, public fields only. */
export const cardPopulate = {
  programs: { name: true, slug: true },
  tags: { name: true, slug: true },
} as const

export async function storyBySlug(viewer: Viewer, slug: string, locale: Locale) {
  const { docs } = await (
    await getPayload({ config })
  ).find({
    pagination: false,
    ...viewer,
    collection: 'stories',
    locale,
    limit: 1,
    depth: 1,
    where: { slug: { equals: slug } },
    // Staff may read more than visitors, so nothing the page does not show is read at all:
    // people appear through their public names only, resolved by `publicNamesIn` from their IDs.
    select: { author: false, dependsOn: false, searchText: false, searchIndex: false },
    populate: {
      ...cardPopulate,
      leaders: { publicName: true },
      participants: { publicName: true },
    },
  })
  return docs[0] ?? null
}

/** Whether the story has its own title in this locale, rather than the English fallback. */
export async function storyHasTranslation(viewer: Viewer, id: string, locale: Locale): Promise<boolean> {
  const story = await (
    await getPayload({ config })
  ).findByID({
    ...viewer,
    collection: 'stories',
    id,
    locale,
    fallbackLocale: false,
    depth: 0,
    select: { title: true },
  })
  return Boolean(story?.title)
}

export async function programBySlug(viewer: Viewer, slug: string, locale: Locale) {
  const { docs } = await (
    await getPayload({ config })
  ).find({
    pagination: false,
    ...viewer,
    collection: 'programs',
    locale,
    limit: 1,
    depth: 1,
    where: { slug: { equals: slug } },
    // Leaders are read separately, with only their public fields.
    select: {
      name: true,
      slug: true,
      summary: true,
      description: true,
      location: true,
      audience: true,
      meetingSchedule: true,
      lessonTopics: true,
      impactFigures: true,
      heroImage: true,
      status: true,
      meta: true,
      updatedAt: true,
    },
  })
  return docs[0] ?? null
}
