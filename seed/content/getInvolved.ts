import type { Localized } from './types'

type Way = {
  kind: 'give' | 'volunteer' | 'partner' | 'host' | 'corporate'
  icon: 'heart' | 'hands' | 'handshake' | 'home' | 'building' | 'letter'
  title: Localized
  text: Localized
  linkLabel: Localized
  link: string
}

/** The demo's Get involved settings: the call to action under stories, giving and ways to help. */
export const getInvolved = {
  storyCta: {
    heading: {
      en: 'Help the next woman find her footing',
      ru: 'Помогите следующей женщине обрести опору',
      kk: 'Келесі әйелге тірек табуға көмектесіңіз',
    } satisfies Localized,
    text: {
      en: 'The women in these stories found each other in a weekly group. A gift, an evening of your time or a room to meet in keeps those groups going.',
      ru: 'Героини этих историй нашли друг друга в еженедельной группе. Пожертвование, вечер вашего времени или комната для встреч помогают группам продолжать работу.',
      kk: 'Бұл оқиғалардың кейіпкерлері бір-бірін апталық топта тапты. Қайырмалдық, уақытыңыздың бір кеші немесе кездесуге арналған бөлме топтардың жұмысын жалғастыруға көмектеседі.',
    } satisfies Localized,
    buttonLabel: {
      en: 'Get involved',
      ru: 'Помочь группам',
      kk: 'Топтарға көмектесу',
    } satisfies Localized,
    target: 'give' as const,
  },
  donationUrlTemplate:
    'https://donate.example.org/almaty?amount={amount}&currency={currency}&frequency={frequency}&campaign={campaign}&story={story}',
  donationUrl: 'https://example.org/donate',
  /** Per language: readers in Russian and Kazakh see tenge first, English readers dollars. */
  currencies: {
    en: [
      { currency: 'USD' as const, suggestedAmounts: [10, 25, 50] },
      { currency: 'KZT' as const, suggestedAmounts: [5000, 10000, 25000] },
    ],
    ru: [
      { currency: 'KZT' as const, suggestedAmounts: [5000, 10000, 25000] },
      { currency: 'USD' as const, suggestedAmounts: [10, 25, 50] },
    ],
    kk: [
      { currency: 'KZT' as const, suggestedAmounts: [5000, 10000, 25000] },
      { currency: 'USD' as const, suggestedAmounts: [10, 25, 50] },
    ],
  },
  waysToHelp: [
    {
      kind: 'give',
      icon: 'heart',
      title: { en: 'Sponsor a group', ru: 'Поддержите группу', kk: 'Топқа демеуші болыңыз' },
      text: {
        en: 'Rent for a meeting room, tea and childcare for one group cost about 60 US dollars (30,000 tenge) a month. A monthly gift keeps the same women meeting, week after week.',
        ru: 'Аренда комнаты, чай и присмотр за детьми для одной группы стоят около 30 000 тенге в месяц. Ежемесячное пожертвование помогает одним и тем же женщинам встречаться неделю за неделей.',
        kk: 'Бір топқа бөлме жалы, шай және балаларға қарау айына шамамен 30 000 теңге тұрады. Ай сайынғы қайырмалдық сол әйелдердің апта сайын кездесуіне мүмкіндік береді.',
      },
      linkLabel: { en: 'Give now', ru: 'Пожертвовать', kk: 'Қайырмалдық жасау' },
      link: '#give',
    },
    {
      kind: 'volunteer',
      icon: 'hands',
      title: { en: 'Give your time', ru: 'Подарите своё время', kk: 'Уақытыңызды бөліңіз' },
      text: {
        en: 'Lawyers, psychologists, accountants and teachers can spend an evening answering questions in a group, in Russian or Kazakh. We match what you know to what the women ask about.',
        ru: 'Юристы, психологи, бухгалтеры и учителя могут провести в группе вечер вопросов и ответов на русском или казахском. Мы подберём тему, с которой женщины чаще всего приходят.',
        kk: 'Заңгерлер, психологтар, бухгалтерлер мен мұғалімдер топта орыс немесе қазақ тілінде бір кеш сұрақтарға жауап бере алады. Біз біліміңізді әйелдердің сұрақтарымен сәйкестендіреміз.',
      },
      linkLabel: { en: 'Offer your time', ru: 'Предложить помощь', kk: 'Көмек ұсыну' },
      link: '#contact',
    },
    {
      kind: 'partner',
      icon: 'handshake',
      title: { en: 'Partner with us', ru: 'Станьте партнёром', kk: 'Серіктес болыңыз' },
      text: {
        en: 'Crisis centres, clinics and other organisations in Almaty refer women to the groups and share what they know. Together we reach women who would not find help alone.',
        ru: 'Кризисные центры, поликлиники и другие организации Алматы направляют женщин в группы и делятся опытом. Вместе мы доходим до тех, кто сама не нашла бы помощь.',
        kk: 'Алматыдағы дағдарыс орталықтары, емханалар және басқа ұйымдар әйелдерді топтарға жібереді және тәжірибесімен бөліседі. Бірге біз көмекті жалғыз таба алмайтын әйелдерге жетеміз.',
      },
      linkLabel: { en: 'Talk to us about partnering', ru: 'Обсудить партнёрство', kk: 'Серіктестікті талқылау' },
      link: '#contact',
    },
    {
      kind: 'host',
      icon: 'home',
      title: { en: 'Host a group', ru: 'Примите группу у себя', kk: 'Топты қабылдаңыз' },
      text: {
        en: 'A warm, quiet room for two hours a week, with a corner for the children. A community centre, school or library in your neighbourhood could become a group’s home.',
        ru: 'Тёплая тихая комната на два часа в неделю и уголок для детей. Общественный центр, школа или библиотека в вашем районе может стать домом для группы.',
        kk: 'Аптасына екі сағатқа жылы, тыныш бөлме және балаларға арналған бұрыш. Сіздің ауданыңыздағы қоғамдық орталық, мектеп немесе кітапхана топтың үйіне айнала алады.',
      },
      linkLabel: { en: 'Offer a room', ru: 'Предложить помещение', kk: 'Бөлме ұсыну' },
      link: '#contact',
    },
    {
      kind: 'corporate',
      icon: 'building',
      title: { en: 'Corporate support', ru: 'Поддержка компаний', kk: 'Компаниялардың қолдауы' },
      text: {
        en: 'Companies can sponsor groups for a year, give their staff volunteering days, or offer training and first jobs to women who are ready for work.',
        ru: 'Компании могут поддержать группы на год, дать сотрудникам дни для волонтёрства или предложить обучение и первую работу женщинам, готовым выйти на работу.',
        kk: 'Компаниялар топтарды бір жылға қолдай алады, қызметкерлеріне еріктілік күндерін бере алады немесе жұмысқа дайын әйелдерге оқу мен алғашқы жұмыс ұсына алады.',
      },
      linkLabel: { en: 'Write to us', ru: 'Написать нам', kk: 'Бізге жазу' },
      link: '#contact',
    },
  ] satisfies Way[],
}
