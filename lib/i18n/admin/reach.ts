import { adminTexts } from './define'

/** "Stories that move people": what each story led to, counted without tracking anyone. */
export const reach = adminTexts({
  en: {
    title: 'Stories that move people',
    window:
      'Last {{days}} days, {{since}} to {{until}} ({{zone}} time). Counted without cookies or anything that identifies a reader.',
    story: 'Story',
    sortBy: 'Sort by {{column}}',
    csv: 'Download as CSV',
    none: 'No views or clicks counted in the last {{days}} days.',
  },
  ru: {
    title: 'Истории, которые побуждают к действию',
    window:
      'Последние {{days}} дней, с {{since}} по {{until}} (часовой пояс {{zone}}). Подсчёт без cookies и без данных, по которым можно узнать читателя.',
    story: 'История',
    sortBy: 'Сортировать: {{column}}',
    csv: 'Скачать CSV',
    none: 'За последние {{days}} дней просмотров и переходов не было.',
  },
})
