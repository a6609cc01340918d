import type { ServerProps } from 'payload'

import { consentOverview } from '@/privacy/consent/overview'
import { timeZoneOrDefault } from '@/lib/timeZone'
import { workflowOverview, type ScheduledItem, type StoryItem } from '@/lib/workflow/overview'

import { DashboardList } from './DashboardList'

const text = {
  en: {
    yourWork: 'Your work',
    myDrafts: 'Your drafts',
    noDrafts: 'None. Start a new story under Stories.',
    review: 'Waiting for review',
    noReview: 'Nothing is waiting for review.',
    signOff: 'Waiting for safeguarding sign-off',
    noSignOff: 'Nothing is waiting for sign-off.',
    scheduled: 'Scheduled',
    noScheduled: 'Nothing is scheduled.',
    failed: 'Scheduled publishing that did not happen',
    didNotHappen: 'did not happen:',
    ending: 'Consents ending in the next 30 days',
    ends: 'ends',
    blocked: 'Stories waiting for consent',
    none: 'None.',
    zone: (timeZone: string) => `(${timeZone} time)`,
    notes: {
      draft: 'draft',
      'in review': 'in review',
      approved: 'approved',
      publish: 'publish',
      unpublish: 'unpublish',
    } as Record<string, string>,
  },
  ru: {
    yourWork: 'Ваши задачи',
    myDrafts: 'Ваши черновики',
    noDrafts: 'Нет. Новую историю можно начать в разделе «Истории».',
    review: 'Ждут проверки',
    noReview: 'Проверки ничего не ждёт.',
    signOff: 'Ждут одобрения службы защиты',
    noSignOff: 'Одобрения ничего не ждёт.',
    scheduled: 'Запланировано',
    noScheduled: 'Ничего не запланировано.',
    failed: 'Запланированные публикации, которые не состоялись',
    didNotHappen: 'не состоялось:',
    ending: 'Согласия, истекающие в ближайшие 30 дней',
    ends: 'истекает',
    blocked: 'Истории, ожидающие согласия',
    none: 'Нет.',
    zone: (timeZone: string) => `(часовой пояс ${timeZone})`,
    notes: {
      draft: 'черновик',
      'in review': 'на проверке',
      approved: 'одобрена',
      publish: 'публикация',
      unpublish: 'снятие',
    } as Record<string, string>,
  },
}

type Text = typeof text.en

/** Dates and times in the organisation's time zone, from site settings. */
const when = (iso: string, language: string, timeZone: string) =>
  new Date(iso).toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  })

function storyLine(t: Text, story: StoryItem) {
  return (
    <>
      <a href={`/admin/collections/stories/${story.id}`}>{story.title}</a>
      {story.note ? ` (${t.notes[story.note] ?? story.note})` : null}
    </>
  )
}

function scheduledLine(t: Text, language: string, timeZone: string, item: ScheduledItem) {
  return (
    <>
      <a href={`/admin/collections/stories/${item.id}`}>{item.title}</a>: {t.notes[item.note ?? ''] ?? item.note}{' '}
      {when(item.at, language, timeZone)} {t.zone(timeZone)}
      {item.failed ? ` ${t.didNotHappen} ${item.failed}` : null}
    </>
  )
}

/**
 * The admin home: what each role needs to do next. Editors see stories to review, sign-offs
 * still missing and scheduled publishing; safeguarding staff see sign-offs and consents ending;
 * contributors see their own drafts. Everyone sees stories held back for lack of consent.
 */
export async function WorkDashboard({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const language = i18n?.language ?? 'en'
  const t = language === 'ru' ? text.ru : text.en
  const story = (item: StoryItem) => storyLine(t, item)
  const [work, consent, settings] = await Promise.all([
    workflowOverview(payload, user),
    consentOverview(payload, user),
    payload.findGlobal({ slug: 'site-settings', depth: 0, select: { timeZone: true } }),
  ])
  const timeZone = timeZoneOrDefault(settings.timeZone)
  const scheduled = (item: ScheduledItem) => scheduledLine(t, language, timeZone, item)
  const byId = (item: { id: string }) => item.id
  const byJob = (item: ScheduledItem) => `${item.id}-${item.at}`
  // Lists a role does not need are null in the overview and left out here.
  const storyLists = [
    { id: 'my-drafts', title: t.myDrafts, items: work.myDrafts, empty: t.noDrafts },
    { id: 'awaiting-review', title: t.review, items: work.awaitingReview, empty: t.noReview },
    { id: 'awaiting-sign-off', title: t.signOff, items: work.awaitingSignOff, empty: t.noSignOff },
  ].filter((list): list is { id: string; title: string; items: StoryItem[]; empty: string } => list.items !== null)
  const scheduleLists = [
    { id: 'scheduled', title: t.scheduled, items: work.scheduled, empty: t.noScheduled },
    // Failed schedules only appear when there are some.
    { id: 'failed-schedules', title: t.failed, items: work.failedSchedules ?? [], empty: '' },
  ].filter((list) => list.id === 'scheduled' || list.items.length > 0)
  return (
    <div style={{ marginBottom: '2rem' }}>
      <h2>{t.yourWork}</h2>
      {storyLists.map(({ id, title, items, empty }) => (
        <DashboardList key={id} id={id} title={title} items={items} empty={empty} render={story} itemKey={byId} />
      ))}
      {scheduleLists.map(({ id, title, items, empty }) => (
        <DashboardList key={id} id={id} title={title} items={items} empty={empty} render={scheduled} itemKey={byJob} />
      ))}
      {consent.seesConsent ? (
        <DashboardList
          id="consents-ending"
          title={t.ending}
          items={consent.expiring}
          empty={t.none}
          itemKey={(p) => `${p.collection}-${p.id}`}
          render={(p) => (
            <>
              <a href={`/admin/collections/${p.collection}/${p.id}`}>{p.name}</a>: {t.ends}{' '}
              {when(p.expiresAt, language, timeZone)}
            </>
          )}
        />
      ) : null}
      <DashboardList
        id="waiting-for-consent"
        title={t.blocked}
        items={consent.blocked}
        empty={t.none}
        itemKey={byId}
        render={(story) => (
          <>
            <a href={`/admin/collections/stories/${story.id}`}>{story.title}</a>: {story.reasons.join(' ')}
          </>
        )}
      />
    </div>
  )
}
