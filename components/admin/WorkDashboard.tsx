import type { ServerProps } from 'payload'

import { consentOverview } from '@/lib/consent/overview'
import { workflowOverview, type ScheduledItem, type StoryItem } from '@/lib/workflow/overview'

import { DashboardList } from './DashboardList'

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' })

const storyLink = (story: StoryItem) => (
  <>
    <a href={`/admin/collections/stories/${story.id}`}>{story.title}</a>
    {story.note ? ` (${story.note})` : null}
  </>
)

const scheduledLink = (item: ScheduledItem) => (
  <>
    <a href={`/admin/collections/stories/${item.id}`}>{item.title}</a>: {item.note} {when(item.at)} (Almaty)
    {item.failed ? ` did not happen: ${item.failed}` : null}
  </>
)

/**
 * The admin home: what each role needs to do next. Editors see stories to review, sign-offs
 * still missing and scheduled publishing; safeguarding staff see sign-offs and consents ending;
 * contributors see their own drafts. Everyone sees stories held back for lack of consent.
 */
export async function WorkDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const [work, consent] = await Promise.all([workflowOverview(payload, user), consentOverview(payload, user)])
  const byId = (item: { id: string }) => item.id
  const byJob = (item: ScheduledItem) => `${item.id}-${item.at}`
  return (
    <div style={{ marginBottom: '2rem' }}>
      <h2>Your work</h2>
      {work.myDrafts ? (
        <DashboardList id="my-drafts" title="Your drafts" items={work.myDrafts} empty="None. Start a new story under Stories." render={storyLink} itemKey={byId} />
      ) : null}
      {work.awaitingReview ? (
        <DashboardList id="awaiting-review" title="Waiting for review" items={work.awaitingReview} empty="Nothing is waiting for review." render={storyLink} itemKey={byId} />
      ) : null}
      {work.awaitingSignOff ? (
        <DashboardList id="awaiting-sign-off" title="Waiting for safeguarding sign-off" items={work.awaitingSignOff} empty="Nothing is waiting for sign-off." render={storyLink} itemKey={byId} />
      ) : null}
      <DashboardList id="scheduled" title="Scheduled" items={work.scheduled} empty="Nothing is scheduled." render={scheduledLink} itemKey={byJob} />
      {work.failedSchedules?.length ? (
        <DashboardList id="failed-schedules" title="Scheduled publishing that did not happen" items={work.failedSchedules} empty="" render={scheduledLink} itemKey={byJob} />
      ) : null}
      {consent.seesConsent ? (
        <DashboardList
          id="consents-ending"
          title="Consents ending in the next 30 days"
          items={consent.expiring}
          empty="None."
          itemKey={(p) => `${p.collection}-${p.id}`}
          render={(p) => (
            <>
              <a href={`/admin/collections/${p.collection}/${p.id}`}>{p.name}</a>: ends {when(p.expiresAt)}
            </>
          )}
        />
      ) : null}
      <DashboardList
        id="waiting-for-consent"
        title="Stories waiting for consent"
        items={consent.blocked}
        empty="None."
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
