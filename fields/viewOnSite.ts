import type { UIField } from 'payload'

/** The sidebar's "View on site" link for documents with a public page (stories, programs). */
export function viewOnSite(): UIField {
  return {
    name: 'viewOnSite',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '@/components/admin/ViewOnSite.client#ViewOnSite' } },
  }
}
