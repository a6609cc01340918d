import { adminTexts } from './define'

/** Refusals of what rich text may hold (lib/richText/safeLinks.ts, lib/richText/documentReferences.ts). */
export const richText = adminTexts({
  en: {
    unsafeLink:
      'The link “{{url}}” cannot be used: a link goes to a web address (https://…), an e-mail (mailto:…), a phone number (tel:…) or a path on this site (/…).',
    referenceNotAllowed:
      'Text can link to stories and programs and show images from Media, not to “{{collection}}”. To name a person, mention her with @: her consent is then checked before the story is published.',
  },
  ru: {
    unsafeLink:
      'Ссылку «{{url}}» использовать нельзя: ссылка ведёт на веб-адрес (https://…), почту (mailto:…), телефон (tel:…) или страницу этого сайта (/…).',
    referenceNotAllowed:
      'Текст может ссылаться на истории и программы и показывать изображения из медиатеки, но не на «{{collection}}». Чтобы назвать человека, упомяните её через @: тогда её согласие проверят до публикации истории.',
  },
})
