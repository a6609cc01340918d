import type { UIField } from 'payload'

/**
 * A column on the stories list with one count of the last 30 days (views, clicks). A UI field
 * holds no data: nothing is stored, written or returned by any API; the cell computes the
 * count on the server, for editors and admins only.
 */
export function reachColumn(name: string, source: string, label: { en: string; ru: string }): UIField {
  return {
    name,
    type: 'ui',
    label,
    admin: {
      components: { Cell: { path: '@/components/admin/StoryReachCell#StoryReachCell', serverProps: { source } } },
    },
  }
}
