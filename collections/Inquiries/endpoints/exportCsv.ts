import type { PayloadHandler } from 'payload'

import { handlesSupporters } from '@/access/handlesSupporters'
import { type CsvCell, toCsv } from '@/lib/csv'
import type { Inquiry } from '@/payload-types'

const slugOf = (value: unknown): string =>
  value && typeof value === 'object' && 'slug' in value ? String((value as { slug?: unknown }).slug ?? '') : ''

/** An assignee the caller may not read (editors read only their own account) shows as her ID. */
const assigneeOf = (value: unknown): string => {
  if (typeof value === 'string') return value
  return value && typeof value === 'object' && 'email' in value
    ? String((value as { email?: unknown }).email ?? '')
    : ''
}

/**
 * `GET /api/inquiries/export.csv`: every inquiry, newest first, for editors and admins (the
 * "Export CSV" button above the list). Reads with the caller's own access, so it can never
 * export more than she may read.
 */
export const exportInquiriesCsv: PayloadHandler = async (req) => {
  if (!(await handlesSupporters({ req }))) {
    return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
  }
  const { docs } = await req.payload.find({
    collection: 'inquiries',
    sort: '-createdAt',
    pagination: false,
    depth: 1,
    populate: { stories: { slug: true }, programs: { slug: true }, users: { email: true } },
    overrideAccess: false,
    user: req.user,
    req,
  })
  const header = [
    'Received',
    'Status',
    'Name',
    'E-mail',
    'About',
    'Language',
    'Message',
    'Story',
    'Program',
    'Assigned to',
  ]
  const rows = docs.map((inquiry: Inquiry): CsvCell[] => [
    inquiry.createdAt,
    inquiry.status,
    inquiry.name,
    inquiry.email,
    inquiry.interest,
    inquiry.locale,
    inquiry.message,
    slugOf(inquiry.story),
    slugOf(inquiry.program),
    assigneeOf(inquiry.assignee),
  ])
  const day = new Date().toISOString().slice(0, 10)
  return new Response(toCsv([header, ...rows]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="inquiries-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
