import type { TextField } from 'payload'

import { canonicalTimeZone, defaultTimeZone } from '@/lib/timeZone'

/** Accepts IANA time zone names only, with a message an editor can act on. */
export function validateTimeZone(value: unknown): true | string {
  if (canonicalTimeZone(value)) return true
  return 'Enter a time zone name from the IANA list, e.g. Asia/Almaty, Asia/Bishkek or Europe/London.'
}

/**
 * The time zone the site and the admin show dates in. Stored under its canonical name, so
 * "asia/almaty" is kept as "Asia/Almaty". Never empty (the validation refuses it), yet not
 * `required`: for a global that would make GraphQL demand it in every settings update.
 */
export const timeZoneField: TextField = {
  name: 'timeZone',
  type: 'text',
  label: { en: 'Time zone', ru: 'Часовой пояс' },
  defaultValue: defaultTimeZone,
  validate: validateTimeZone,
  hooks: { beforeChange: [({ value }) => canonicalTimeZone(value) ?? value] },
  admin: {
    placeholder: defaultTimeZone,
    description: {
      en: 'Dates on the site (e.g. when a story was published) and in the admin are shown in this time zone. An IANA name, e.g. Asia/Almaty.',
      ru: 'Даты на сайте (например, когда опубликована история) и в админке показываются в этом часовом поясе. Название по списку IANA, например Asia/Almaty.',
    },
  },
}
