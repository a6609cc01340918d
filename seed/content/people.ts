import type { Localized, LocalizedBody } from './types'

/**
 * Fictional people for the demo. Their private names are deliberately distinctive so tests can
 * prove those names never reach a public response.
 */
import type { ConsentScope } from '@/privacy/consent/scopes'

const day = 24 * 60 * 60 * 1000

/** Demo consent: written, with the scopes she agreed to, given in 2021 and due for renewal. */
function consent(scopes: ConsentScope[], expiresInDays: number) {
  return {
    status: 'written' as const,
    scopes,
    givenAt: '2021-02-01T00:00:00.000Z',
    expiresAt: new Date(Date.now() + expiresInDays * day).toISOString(),
  }
}

/**
 * Leaders are shown on the site only with their consent to be named or a recorded public role;
 * both demo leaders have consent, and the coordinator holds a public role as well.
 */
export const leaders: Array<{
  key: string
  publicName: Localized
  realName: string
  consent: ReturnType<typeof consent>
  publicRole?: { holds: boolean; basis: string }
  role: Localized
  bio: LocalizedBody
}> = [
  {
    key: 'aigerim',
    publicName: { en: 'Aigerim', ru: 'Айгерим', kk: 'Әйгерім' } satisfies Localized,
    realName: 'Saltanat Zhaksylykovna Omarbekova',
    consent: consent(['name', 'photo', 'quotes', 'personalDetails'], 540),
    role: { en: 'Group leader', ru: 'Ведущая группы', kk: 'Топ жетекшісі' } satisfies Localized,
    bio: {
      en: [
        'Aigerim joined one of the first groups as a participant in 2021, a year after leaving her marriage. Since 2022 she has led two groups of her own.',
        'She says the most important thing she brings to a meeting is the kettle.',
      ],
      ru: ['Айгерим пришла в одну из первых групп как участница в 2021 году. С 2022 года она ведёт две свои группы.'],
    } satisfies LocalizedBody,
  },
  {
    key: 'marzhan',
    publicName: { en: 'Marzhan', ru: 'Маржан', kk: 'Маржан' } satisfies Localized,
    realName: 'Gulmira Serikovna Tokhtarova',
    consent: consent(['name', 'photo', 'quotes'], 540),
    // She speaks for the program in public, so the site may name her even once her consent
    // lapses; her photo still needs her consent.
    publicRole: {
      holds: true,
      basis: 'Program coordinator: named as the program’s contact in its public reports and in the press.',
    },
    role: {
      en: 'Program coordinator',
      ru: 'Координатор программы',
      kk: 'Бағдарлама үйлестірушісі',
    } satisfies Localized,
    bio: {
      en: [
        'Marzhan trains and supports the group leaders and keeps the weekly lessons in step across Almaty and the villages.',
      ],
    } satisfies LocalizedBody,
  },
]

export const participants = [
  {
    key: 'dana',
    publicName: { en: 'Dana', ru: 'Дана', kk: 'Дана' } satisfies Localized,
    legalName: 'Zhanargul Bolatovna Kassymkhanova',
    consent: consent(['name', 'quotes', 'personalDetails'], 365),
    notes: 'Left her husband in 2021. Never mention the district she lives in or her children’s school.',
  },
  {
    key: 'zarina',
    publicName: { en: 'Zarina', ru: 'Зарина', kk: 'Зарина' } satisfies Localized,
    legalName: 'Roza Amanzholovna Baimukhamedova',
    // Due for renewal soon: the dashboard lists her.
    consent: consent(['name', 'quotes'], 20),
    notes: 'Works at a market stall. Her former employer must not be named.',
  },
  {
    key: 'asel',
    publicName: { en: 'Asel', ru: 'Асель', kk: 'Әсел' } satisfies Localized,
    legalName: 'Kulyash Dauletovna Iskakova',
    consent: consent(['name', 'quotes', 'personalDetails'], 365),
    notes: 'Prefers not to be photographed, even from behind.',
  },
]
