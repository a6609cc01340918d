import type { CollectionConfig, PayloadRequest } from 'payload'

import { siteOrigin } from '@/lib/site/origin'

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * The password reset e-mail, in the admin's language as Payload words it, with an absolute link
 * built from the public origin (lib/site/origin.ts): Payload's own falls back to the request's
 * host, which is empty for a request without one and would send a link that goes nowhere.
 */
type ForgotPassword = Exclude<
  NonNullable<Exclude<CollectionConfig['auth'], boolean | undefined>['forgotPassword']>,
  boolean
>

export const resetPasswordEmailHTML: NonNullable<ForgotPassword['generateEmailHTML']> = ({ req, token } = {}) => {
  const config = req?.payload.config
  const url = `${siteOrigin()}${config?.routes.admin ?? '/admin'}${config?.admin.routes.reset ?? '/reset'}/${token}`
  const t = (key: Parameters<NonNullable<PayloadRequest['t']>>[0]) => escapeHtml(req?.t ? req.t(key) : '')
  return [
    `<p>${t('authentication:youAreReceivingResetPassword')}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    `<p>${t('authentication:youDidNotRequestPassword')}</p>`,
  ].join('\n')
}
