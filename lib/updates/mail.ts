import type { SendEmailOptions } from 'payload'

import { isLocale, localePath, messages } from '@/lib/i18n'
import { defaultLocale, type Locale } from '@/lib/locales'
import { siteOrigin } from '@/lib/site/origin'
import type { Subscriber } from '@/payload-types'

import { confirmToken, unsubscribeToken } from './tokens'

type Addressee = Pick<Subscriber, 'id' | 'email' | 'locale'>

export function subscriberLocale(subscriber: { locale?: string | null }): Locale {
  return isLocale(subscriber.locale) ? subscriber.locale : defaultLocale
}

/**
 * The unsubscribe links for a subscriber: the one-click address mail programs POST to
 * (RFC 8058) and the page a person opens, which asks before it unsubscribes.
 */
export function unsubscribeLinks(subscriber: Addressee): { oneClick: string; page: string } {
  const token = encodeURIComponent(unsubscribeToken(String(subscriber.id)))
  return {
    oneClick: `${siteOrigin()}/api/subscribers/unsubscribe?token=${token}`,
    page: `${siteOrigin()}${localePath(subscriberLocale(subscriber), 'updates/unsubscribe')}?token=${token}`,
  }
}

export function confirmLink(subscriber: Addressee, issuedAt: Date = new Date()): string {
  const token = encodeURIComponent(confirmToken(String(subscriber.id), issuedAt))
  return `${siteOrigin()}${localePath(subscriberLocale(subscriber), 'updates/confirm')}?token=${token}`
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

type Body = { subject: string; before: string[]; link?: { href: string; label: string }; after?: string[] }

/**
 * Every message to a subscriber goes through here, so each one carries the unsubscribe headers:
 * `List-Unsubscribe` with the one-click address and `List-Unsubscribe-Post` (RFC 8058), which
 * lets mail programs show their own "Unsubscribe" button. The body ends with the same link.
 */
export function subscriberMail(subscriber: Addressee, { subject, before, link, after = [] }: Body): SendEmailOptions {
  const t = messages(subscriberLocale(subscriber)).updates
  const { oneClick, page } = unsubscribeLinks(subscriber)
  const text = [...before, ...(link ? [link.href] : []), ...after, '--', `${t.mailUnsubscribe}: ${page}`].join('\n\n')
  const paragraph = (value: string) => `<p>${escapeHtml(value)}</p>`
  const html = [
    ...before.map(paragraph),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
    ...after.map(paragraph),
    `<p style="font-size:small"><a href="${escapeHtml(page)}">${escapeHtml(t.mailUnsubscribe)}</a></p>`,
  ].join('\n')
  return {
    to: subscriber.email,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}

/** The double opt-in message: the link that confirms the address, valid 7 days from now. */
export function confirmationMail(subscriber: Addressee, organisation: string, issuedAt = new Date()): SendEmailOptions {
  const t = messages(subscriberLocale(subscriber)).updates
  return subscriberMail(subscriber, {
    subject: t.mailSubject(organisation),
    before: [t.mailText(organisation)],
    link: { href: confirmLink(subscriber, issuedAt), label: t.mailConfirm },
    after: [t.mailIgnore],
  })
}
