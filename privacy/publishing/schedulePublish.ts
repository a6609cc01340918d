import type { ServerFunction } from 'payload'

import {
  type SchedulePublishHandlerArgs,
  schedulePublishHandler,
} from '@payloadcms/ui/utilities/schedulePublishHandler'

import { voicesT } from '@/lib/refusals/translate'
import { hasRole } from '@/lib/roles'

import { publishProblems } from '@/privacy/publishing/publishProblems'

/**
 * The admin's "Schedule publish" drawer, with Voices' rules in front of Payload's handler, which
 * queues and cancels for anyone who can open the admin: only editors and admins schedule or
 * cancel (the jobs collection itself is closed to the API), and a story that
 * could not go live at the chosen time (consent missing or ending by then, no safeguarding
 * sign-off) is not scheduled. The job runs as the editor who scheduled it, and the publishing
 * hooks check everything again when it does.
 */
export const schedulePublishWithGates: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req, type, doc, date, deleteID } = args
  const t = voicesT(req)
  if (!hasRole(req.user, 'admin', 'editor')) return { error: t('voices:refusals:onlyEditorsSchedule') }
  const publishing = type === 'publish' && date && !(deleteID && !doc)
  if (publishing && doc?.relationTo === 'stories') {
    const problems = await publishProblems(String(doc.value), req, new Date(date))
    if (problems.length > 0) {
      return { error: t('voices:refusals:notScheduled', { reasons: problems.map((p) => p.message).join(' ') }) }
    }
  }
  return schedulePublishHandler(args)
}
