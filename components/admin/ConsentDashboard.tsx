import type { ServerProps } from 'payload'

import { consentOverview } from '@/lib/consent/overview'

/**
 * On the admin home: consents that run out within 30 days (for safeguarding staff and admins)
 * and stories that cannot be published until someone's consent is recorded (for all staff).
 */
export async function ConsentDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const { seesConsent, expiring, blocked } = await consentOverview(payload, user)
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
