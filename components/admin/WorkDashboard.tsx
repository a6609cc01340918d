import type { PayloadRequest, ServerProps } from 'payload'

import { adminListUrl } from '@/lib/payload/listUrl'
import { voicesT, type VoicesT } from '@/lib/refusals/translate'
import { timeZoneOrDefault } from '@/lib/timeZone'
import { type ScheduledItem, type StoryItem, type StorySection, workflowOverview } from '@/lib/workflow/overview'
import { consentOverview } from '@/privacy/consent/overview'

import { DashboardCard } from './DashboardCard'

const notes: Record<string, 'draft' | 'inReview' | 'approved' | 'publish' | 'unpublish'> = {
  draft: 'draft',
  'in review': 'inReview',
  approved: 'approved',
  publish: 'publish',
  unpublish: 'unpublish',
}

/** Dates and times in the organisation's time zone, from site settings. */
const when = (iso: string, language: string, timeZone: string) =>
  new Date(iso).toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  })

function storyLink(t: VoicesT, admin: string, story: StoryItem) {
  const note = story.note ? notes[story.note] : undefined
  return (
    <>
      <a href={`${admin}/collections/stories/${story.id}`}>{story.title || t('voices:dashboard:untitled')}</a>
      {note ? <span className="voices-card__note"> · {t(`voices:dashboard:${note}`)}</span> : null}
    </>
  )
}

/**
 * The admin home: what each role needs to do next, as cards in Payload's look, each with its
 * count and a link to the list it summarises. Editors see stories to review, sign-offs still
 * missing and scheduled publishing; safeguarding staff see sign-offs and consents ending;
 * contributors see their own drafts. Staff who may know why a story waits for consent see it
 * (contributors are not told: it would say something about a woman's consent). Every list is
 * read for this member of staff, so nothing shows a field her role cannot read.
 */
export async function WorkDashboard({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const language = i18n?.language ?? 'en'
  const t = voicesT(i18n ? { t: i18n.t as never } : undefined)
  const admin = payload.config.routes.admin
  const [work, consent, settings] = await Promise.all([
    workflowOverview(payload, user),
    consentOverview(payload, user, new Date(), i18n as PayloadRequest['i18n'] | undefined),
    payload.findGlobal({ slug: 'site-settings', depth: 0, select: { timeZone: true } }),
  ])
  const timeZone = timeZoneOrDefault(settings.timeZone)
  const countLabel = (count: number) => t('voices:dashboard:count', { count: String(count) })
  const story = (item: StoryItem) => storyLink(t, admin, item)
  const scheduled = (item: ScheduledItem) => (
    <>
      {storyLink(t, admin, { id: item.id, title: item.title })}:{' '}
      {t(`voices:dashboard:${notes[item.note ?? ''] ?? 'publish'}`)} {when(item.at, language, timeZone)}{' '}
      {t('voices:dashboard:zone', { zone: timeZone })}
      {item.failed !== undefined
        ? ` ${t('voices:dashboard:didNotHappen')} ${item.failed || t('voices:dashboard:couldNotPublish')}`
        : null}
    </>
  )
  const byId = (item: { id: string }) => item.id
  const byJob = (item: ScheduledItem) => `${item.id}-${item.at}`
  const storyCards: Array<{ id: string; title: string; empty: string; section: StorySection | null }> = [
    {
      id: 'my-drafts',
      title: t('voices:dashboard:myDrafts'),
      empty: t('voices:dashboard:noDrafts'),
      section: work.myDrafts,
    },
    {
      id: 'awaiting-review',
      title: t('voices:dashboard:review'),
      empty: t('voices:dashboard:noReview'),
      section: work.awaitingReview,
    },
    {
      id: 'awaiting-sign-off',
      title: t('voices:dashboard:signOff'),
      empty: t('voices:dashboard:noSignOff'),
      section: work.awaitingSignOff,
    },
  ]
  return (
    <section className="voices-dashboard" aria-labelledby="your-work">
      <h2 id="your-work" className="voices-dashboard__title">
        {t('voices:dashboard:yourWork')}
      </h2>
      <div className="voices-dashboard__grid">
        {storyCards.map(({ id, title, empty, section }) =>
          section ? (
            <DashboardCard
              key={id}
              id={id}
              title={title}
              items={section.items}
              total={section.total}
              empty={empty}
              render={story}
              itemKey={byId}
              countLabel={countLabel}
              links={[{ href: adminListUrl(admin, 'stories', section.where), label: t('voices:dashboard:openList') }]}
            />
          ) : null,
        )}
        <DashboardCard
          id="scheduled"
          title={t('voices:dashboard:scheduled')}
          items={work.scheduled}
          empty={t('voices:dashboard:noScheduled')}
          render={scheduled}
          itemKey={byJob}
          countLabel={countLabel}
        />
        {/* Failed schedules only appear when there are some. */}
        {work.failedSchedules?.length ? (
          <DashboardCard
            id="failed-schedules"
            title={t('voices:dashboard:failed')}
            items={work.failedSchedules}
            empty=""
            render={scheduled}
            itemKey={byJob}
            countLabel={countLabel}
          />
        ) : null}
        {consent.seesConsent ? (
          <DashboardCard
            id="consents-ending"
            title={t('voices:dashboard:ending')}
            items={consent.expiring}
            empty={t('voices:dashboard:none')}
            itemKey={(p) => `${p.collection}-${p.id}`}
            countLabel={countLabel}
            links={(['participants', 'leaders'] as const).map((collection) => ({
              href: adminListUrl(admin, collection, consent.expiringWhere),
              label: t(
                collection === 'participants' ? 'voices:dashboard:openParticipants' : 'voices:dashboard:openLeaders',
              ),
            }))}
            render={(p) => (
              <>
                <a href={`${admin}/collections/${p.collection}/${p.id}`}>{p.name}</a>:{' '}
                {t('voices:dashboard:ends', { date: when(p.expiresAt, language, timeZone) })}
              </>
            )}
          />
        ) : null}
        {consent.tellsWhy ? (
          <DashboardCard
            id="waiting-for-consent"
            title={t('voices:dashboard:blocked')}
            items={consent.blocked}
            empty={t('voices:dashboard:none')}
            itemKey={byId}
            countLabel={countLabel}
            render={(item) => (
              <>
                <a href={`${admin}/collections/stories/${item.id}`}>{item.title || t('voices:dashboard:untitled')}</a>:{' '}
                {item.reasons.join(' ')}
              </>
            )}
          />
        ) : null}
      </div>
    </section>
  )
}
