import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { adminOption } from '@/lib/adminLanguages'
import { serverUrl } from '@/lib/env'
import { roles } from '@/lib/roles'

import { forgotPasswordEndpoint } from './endpoints/forgotPassword'
import { noEmailVerificationEndpoint } from './endpoints/noEmailVerification'
import { resetPasswordEmailHTML } from './forgotPasswordEmail'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { resetOnlyThroughEndpoint } from './hooks/resetOnlyThroughEndpoint'
import { sameWorkForUnknownEmails } from './hooks/sameWorkForUnknownEmails'
import { forgetLoginAttempts, throttleLogins } from './hooks/throttleLogins'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'Staff member', ru: 'Сотрудник' }, plural: { en: 'Staff', ru: 'Сотрудники' } },
  admin: {
    // How a colleague is shown wherever she is referred to (a story's author, a sign-off, a
    // version): by the name colleagues know her by, never by the e-mail she signs in with.
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    listSearchableFields: ['name', 'email'],
    group: 'Settings',
  },
  defaultSort: 'email',
  auth: {
    tokenExpiration: 60 * 60 * 8,
    // No account is ever locked by failed logins: they are slowed per address and e-mail
    // instead (hooks/throttleLogins.ts), alike for e-mails with and without an account.
    maxLoginAttempts: 0,
    // Sent only over HTTPS when the site is; never readable by scripts; not sent on other
    // sites' requests, beyond following a link here.
    cookies: { secure: serverUrl().startsWith('https://'), sameSite: 'Lax' },
    // Sent through the jobs queue like all mail (lib/mail/adapter.ts).
    forgotPassword: { generateEmailHTML: resetPasswordEmailHTML },
  },
  hooks: {
    beforeOperation: [throttleLogins, sameWorkForUnknownEmails, resetOnlyThroughEndpoint],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [forgetLoginAttempts],
  },
  endpoints: [forgotPasswordEndpoint, noEmailVerificationEndpoint],
  access: {
    admin: authenticated,
    create: isAdmin,
    delete: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    // Payload lets any signed-in user unlock any account by default. Failed logins lock no
    // account in Voices (hooks/throttleLogins.ts, tests/int/auth.test.ts); were one ever
    // locked, only an admin could clear it.
    unlock: isAdmin,
  },
  fields: [
    {
      // Payload's own e-mail field, with one rule added: only an admin changes a staff member's
      // e-mail. Otherwise "Value must be unique" on a change of one's own told anyone signed in
      // which addresses have accounts.
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      label: { en: 'E-mail', ru: 'Эл. почта' },
      access: { update: isAdminField },
    },
    {
      name: 'name',
      type: 'text',
      label: { en: 'Name', ru: 'Название' },
      admin: {
        description: {
          en: 'How colleagues know you in the admin. Never shown on the public site.',
          ru: 'Как вас видят коллеги в админке. На сайте не показывается.',
        },
      },
    },
    {
      name: 'role',
      type: 'select',
      label: { en: 'Role', ru: 'Роль' },
      required: true,
      defaultValue: 'contributor',
      options: roles.map(adminOption),
      saveToJWT: true,
      access: { create: isAdminField, update: isAdminField },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Contributors write drafts, editors publish, safeguarding manages private data and consent, admins manage staff. Only admins can change roles.',
          ru: 'Авторы пишут черновики, редакторы публикуют, служба защиты ведёт личные данные и согласия, администраторы управляют сотрудниками. Менять роли могут только администраторы.',
        },
      },
    },
  ],
}
