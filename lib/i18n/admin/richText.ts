import { adminTexts } from './define'

/** Refusals of what rich text may hold (lib/richText/safeLinks.ts). */
export const richText = adminTexts({
  en: {
    unsafeLink:
      'The link “{{url}}” cannot be used: a link goes to a web address (https://…), an e-mail (mailto:…), a phone number (tel:…) or a path on this site (/…).',
  },
  ru: {
    unsafeLink:
      'Ссылку «{{url}}» использовать нельзя: ссылка ведёт на веб-адрес (https://…), почту (mailto:…), телефон (tel:…) или страницу этого сайта (/…).',
  },
})
