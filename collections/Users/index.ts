import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { adminOption } from '@/lib/adminLanguages'
import { roles } from '@/lib/roles'

import { resetPasswordEmailHTML } from './forgotPasswordEmail'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'Staff member', ru: 'Сотрудник' }, plural: { en: 'Staff', ru: 'Сотрудники' } },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
    listSearchableFields: ['name', 'email'],
    group: 'Settings',
  },
  defaultSort: 'email',
  auth: {
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    // Sent through the jobs queue like all mail (lib/mail/adapter.ts).
    forgotPassword: { generateEmailHTML: resetPasswordEmailHTML },
  },
  access: {
    admin: authenticated,
    create: isAdmin,
    delete: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    // Payload lets any signed-in user unlock any account by default; a lock after failed
    // logins is a security signal only admins should clear.
    unlock: isAdmin,
  },
  fields: [
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
