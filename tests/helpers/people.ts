import type { Payload, PayloadRequest } from 'payload'

import { richText } from '@/seed/richText'

/** A body that mentions someone inline, as the editor's person element stores it, then `text`. */
export function mentioning(
  id: string,
  collection: 'participants' | 'leaders' = 'participants',
  text = ' spoke first.',
) {
  const body = richText(text)
  const paragraph = body.root.children[0] as { children: unknown[] }
  paragraph.children.unshift({
    type: 'inlineBlock',
    version: 1,
    fields: {
      id: `m${id.slice(0, 8)}`,
      blockName: '',
      blockType: 'personMention',
      person: { relationTo: collection, value: id },
    },
  })
  return body
}

/** Calls POST /api/{participants|leaders}/:id/erase the way Payload's router would. */
export async function erase(
  payload: Payload,
  collection: 'participants' | 'leaders',
  id: string,
  req: PayloadRequest,
): Promise<Response> {
  const endpoints = (payload.collections[collection].config.endpoints || []) as Array<{
    path: string
    handler: (req: PayloadRequest) => Promise<Response>
  }>
  req.routeParams = { id }
  return endpoints.find((e) => e.path === '/:id/erase')!.handler(req)
}

/** Sets the consent withdrawal policy (an admin's choice in site settings). */
export async function setPolicy(payload: Payload, policy: 'unpublish' | 'redact'): Promise<void> {
  await payload.updateGlobal({
    slug: 'site-settings',
    data: { organisationName: 'Org', consentWithdrawalPolicy: policy },
  })
}
