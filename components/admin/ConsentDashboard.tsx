import type { ServerProps } from 'payload'

import { createLocalReq } from 'payload'

import { consentFailures } from '@/lib/consent/check'
import { storyNeeds } from '@/lib/consent/storyPeople'
import { hasRole } from '@/lib/roles'

const day = 24 * 60 * 60 * 1000

/**
 * On the admin home: consents that run out within 30 days (for safeguarding staff and admins)
 * and stories that cannot be published until someone's consent is recorded (for all staff).
 */
export async function ConsentDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const seesConsent = hasRole(user as { role?: string }, 'admin', 'safeguarding')
  const soon = new Date(Date.now() + 30 * day).toISOString()
  const now = new Date().toISOString()

  const expiring = seesConsent
    ? (
        await Promise.all(
          (['participants', 'leaders'] as const).map(async (collection) =>
            (
              await payload.find({
                collection,
                where: {
                  and: [
                    { 'consent.expiresAt': { less_than_equal: soon } },
                    { 'consent.expiresAt': { greater_than: now } },
                    { 'consent.withdrawnAt': { exists: false } },
                  ],
                },
                depth: 0,
                limit: 50,
                overrideAccess: true,
                select: { publicName: true, consent: true },
              })
            ).docs.map((doc) => ({ collection, id: doc.id, name: doc.publicName, expiresAt: doc.consent?.expiresAt ?? '' })),
          ),
        )
      ).flat()
    : []

  const drafts = await payload.find({
    collection: 'stories',
    where: { and: [{ _status: { equals: 'draft' } }, { dependsOn: { exists: true } }] },
    depth: 0,
    limit: 50,
    locale: 'all',
    overrideAccess: true,
    select: { title: true, body: true, featuredParticipants: true, featuredLeaders: true, heroImage: true },
  })
  const blocked: Array<{ id: string; title: string; reasons: string[] }> = []
  for (const story of drafts.docs) {
    const needs = await storyNeeds({ ...story, bodies: Object.values((story.body ?? {}) as Record<string, unknown>) }, req)
    const failures = await consentFailures(needs, req)
    if (failures.length === 0) continue
    const titles = story.title as unknown as Record<string, string>
    blocked.push({ id: String(story.id), title: titles.en ?? Object.values(titles)[0] ?? '', reasons: failures.map((f) => f.message) })
  }

  return (
    <section style={{ marginBottom: '2rem' }} aria-labelledby="consent-dashboard">
      <h2 id="consent-dashboard">Consent</h2>
      {seesConsent ? (
        <>
          <h3>Consents ending in the next 30 days</h3>
          {expiring.length ? (
            <ul>
              {expiring.map((p) => (
                <li key={`${p.collection}-${p.id}`}>
                  <a href={`/admin/collections/${p.collection}/${p.id}`}>{p.name}</a> — ends{' '}
                  {new Date(p.expiresAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}
                </li>
              ))}
            </ul>
          ) : (
            <p>None.</p>
          )}
        </>
      ) : null}
      <h3>Stories waiting for consent</h3>
      {blocked.length ? (
        <ul>
          {blocked.map((story) => (
            <li key={story.id}>
              <a href={`/admin/collections/stories/${story.id}`}>{story.title}</a>: {story.reasons.join(' ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
    </section>
  )
}
