import type { Illustration } from '../images'
import type { Localized } from './types'

export const siteSettings = {
  organisationName: {
    en: 'Women’s Empowerment Project',
    ru: 'Проект расширения возможностей женщин',
    kk: 'Әйелдерге қолдау жобасы',
  },
  tagline: {
    en: 'Weekly groups where women in Almaty find their footing again',
    ru: 'Еженедельные группы, где женщины Алматы снова обретают опору',
    kk: 'Алматы әйелдері қайтадан тірек табатын апта сайынғы топтар',
  },
  mission: {
    en: 'We walk beside women who are divorced, raising children alone, leaving abusive relationships or living in poverty. In small weekly groups they learn, talk and plan together, and leave stronger than they came.',
    ru: 'Мы идём рядом с женщинами, которые пережили развод, растят детей одни, уходят от насилия или живут в бедности. В небольших еженедельных группах они учатся, говорят и строят планы вместе.',
    kk: 'Біз ажырасқан, балаларын жалғыз тәрбиелеп отырған, зорлық-зомбылықтан кетіп жатқан немесе кедейлікте өмір сүретін әйелдердің қасындамыз. Шағын апталық топтарда олар бірге үйреніп, сөйлесіп, жоспар құрады.',
  },
  trustStatement: {
    en: 'Every donation is recorded and reported. Our accounts are reviewed each year by an independent accreditation body for charities, and no story is published without the consent of the women in it.',
    ru: 'Каждое пожертвование учитывается и отражается в отчётах. Ежегодно наши счета проверяет независимый орган аккредитации благотворительных организаций, и ни одна история не публикуется без согласия её героинь.',
    kk: 'Әрбір қайырмалдық есепке алынып, есеп беріледі. Есептерімізді жыл сайын қайырымдылық ұйымдарын аккредиттейтін тәуелсіз орган тексереді, және бірде-бір оқиға кейіпкерлерінің келісімінсіз жарияланбайды.',
  },
  /** The card shown when a page without its own image is shared: seats around a table, nobody in them. */
  shareImage: {
    name: 'share-card',
    palette: ['#f6e6cf', '#8a3a1c', '#fffaf3'],
    motif: 'circle',
    alt: {
      en: 'Warm circles arranged around a table, like chairs in a weekly group',
      ru: 'Тёплые круги вокруг стола, как стулья в еженедельной группе',
      kk: 'Апталық топтағы орындықтар сияқты үстелді айнала орналасқан жылы шеңберлер',
    },
  } satisfies Illustration & { alt: Localized },
  contactEmail: 'hello@example.org',
  socialLinks: [
    { platform: 'instagram' as const, url: 'https://instagram.com/example' },
    { platform: 'telegram' as const, url: 'https://t.me/example' },
  ],
}

export const navigation = {
  header: [
    { label: { en: 'Stories', ru: 'Истории', kk: 'Оқиғалар' }, path: '/stories' },
    { label: { en: 'Programs', ru: 'Программы', kk: 'Бағдарламалар' }, path: '/programs' },
    { label: { en: 'Get involved', ru: 'Помочь', kk: 'Қолдау көрсету' }, path: '/get-involved' },
  ],
  footer: [{ label: { en: 'Search', ru: 'Поиск', kk: 'Іздеу' }, path: '/search' }],
}
