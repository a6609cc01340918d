'use client'

import { PublishButton as PayloadPublishButton, ServerFunctionsContext, useServerFunctions } from '@payloadcms/ui'
import { useMemo } from 'react'

type SchedulePublish = ReturnType<typeof useServerFunctions>['schedulePublish']

/**
 * Payload's Publish button, whose "Schedule publish" drawer shows Voices' refusals. The drawer
 * only reports a failure when scheduling throws, but Payload's client turns every refusal into a
 * returned `{ error }` and the drawer then says "scheduled successfully" although nothing was
 * queued. Here a returned error is thrown again, so the drawer shows the reasons (consent
 * missing or ending by then, no sign-off) as an error, in the admin's language.
 */
export function PublishButton() {
  const functions = useServerFunctions()
  const value = useMemo(() => {
    const schedulePublish: SchedulePublish = async (args) => {
      const result = await functions.schedulePublish(args)
      const refused = (result as { error?: unknown } | undefined)?.error
      if (refused) throw new Error(String(refused))
      return result
    }
    return { ...functions, schedulePublish }
  }, [functions])
  return (
    <ServerFunctionsContext value={value}>
      <PayloadPublishButton />
    </ServerFunctionsContext>
  )
}
