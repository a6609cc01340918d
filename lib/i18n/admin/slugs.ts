import { adminTexts } from './define'

/**
 * Refusals of a slug (fields/slug.ts), said so that staff know what to do. A slug made from the
 * title is never refused: Voices finds a free one (`-2`, `-3`, …). Only a slug someone chose is.
 */
export const slugs = adminTexts({
  en: {
    takenByStory: 'The slug “{{slug}}” is already used by the story “{{title}}”. Choose another.',
    takenByProgram: 'The slug “{{slug}}” is already used by the program “{{title}}”. Choose another.',
    takenByTag: 'The slug “{{slug}}” is already used by the tag “{{title}}”. Choose another.',
    takenByOther: 'The slug “{{slug}}” is already used by another document. Choose another.',
    reserved: '“{{slug}}” is used by the site’s own pages. Choose another slug.',
    takenMeanwhile:
      'The slug “{{slug}}” was taken by another document at the same moment. Save again to get a free slug, or choose another.',
  },
  ru: {
    takenByStory: 'Адрес (slug) «{{slug}}» уже занят историей «{{title}}». Выберите другой.',
    takenByProgram: 'Адрес (slug) «{{slug}}» уже занят программой «{{title}}». Выберите другой.',
    takenByTag: 'Адрес (slug) «{{slug}}» уже занят темой «{{title}}». Выберите другой.',
    takenByOther: 'Адрес (slug) «{{slug}}» уже занят другим документом. Выберите другой.',
    reserved: '«{{slug}}» используется страницами самого сайта. Выберите другой адрес (slug).',
    takenMeanwhile:
      'Адрес (slug) «{{slug}}» в тот же момент занял другой документ. Сохраните ещё раз, чтобы получить свободный адрес, или выберите другой.',
  },
})
