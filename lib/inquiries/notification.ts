import type { PayloadRequest, SendEmailOptions } from 'payload'

import { locales } from '@/lib/locales'
import { siteOrigin } from '@/lib/site/origin'
import type { Inquiry } from '@/payload-types'

import { isEmail } from './validate'

/**
 * Where inquiries are e-mailed: the organisation's contact address from site settings, or,
 * while none is set, every editor and admin (they are the ones who read inquiries).
 */
export async function inquiryRecipients(req: PayloadRequest): Promise<string[]> {
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const contact = (settings as { contactEmail?: unknown }).contactEmail
  if (typeof contact === 'string' && isEmail(contact.trim())) return [contact.trim()]
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { role: { in: ['admin', 'editor'] } },
    limit: 50,
    depth: 0,
    select: { email: true },
    overrideAccess: true,
    req,
  })
  const addresses = docs.map((user) => user.email).filter(Boolean)
  if (!addresses.length) throw new Error('Inquiry: nobody to notify (no contact address in site settings, no editors)')
  return addresses
}

const interestNames: Record<string, string> = {
  volunteer: 'Volunteering',
  partner: 'Partnering',
  question: 'A question',
}

function cameFrom(inquiry: Inquiry): string {
  const { story, program } = inquiry
  if (story && typeof story === 'object') return `the story "${story.title}" (${siteOrigin()}/en/stories/${story.slug})`
  if (program && typeof program === 'object') {
    return `the program "${program.name}" (${siteOrigin()}/en/programs/${program.slug})`
  }
  return 'the Get involved page'
}

/**
 * The e-mail staff get for a new inquiry: plain text, so nothing a visitor typed can turn into
 * markup, with Reply-To set to her address so that answering is one click.
 */
export function inquiryNotification(inquiry: Inquiry, to: string[]): SendEmailOptions {
  const interest = interestNames[inquiry.interest] ?? inquiry.interest
  const language = locales.find((l) => l.code === inquiry.locale)?.label ?? 'unknown'
  const text = [
    'A new inquiry came in through "Write to us".',
    '',
    `Name: ${inquiry.name}`,
    `E-mail: ${inquiry.email}`,
    `About: ${interest}`,
    `Written in: ${language}`,
    `Came from: ${cameFrom(inquiry)}`,
    'Agreed to be contacted by e-mail: yes',
    '',
    'Message:',
    inquiry.message,
    '',
    `Answer it, assign it or close it in the admin: ${siteOrigin()}/admin/collections/inquiries/${inquiry.id}`,
  ].join('\n')
  return { to, replyTo: inquiry.email, subject: `New inquiry: ${interest}`, text }
}
