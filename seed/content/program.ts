import type { Localized, LocalizedBody } from './types'

export const wepProgram = {
  name: {
    en: 'Women’s Empowerment Project, Almaty',
    ru: 'Проект расширения возможностей женщин, Алматы',
    kk: 'Әйелдерге қолдау жобасы, Алматы',
  } satisfies Localized,
  slug: 'womens-empowerment-almaty',
  summary: {
    en: 'Weekly groups for women in Almaty’s poorer neighbourhoods and nearby villages who are divorced, raising children alone, leaving abusive relationships or living in poverty.',
    ru: 'Еженедельные группы для женщин из бедных районов Алматы и окрестных сёл, переживших развод, воспитывающих детей в одиночку, уходящих от насилия или живущих в бедности.',
    kk: 'Алматының тұрмысы төмен аудандары мен маңындағы ауылдардағы ажырасқан, балаларын жалғыз тәрбиелеп жүрген, зорлық-зомбылықтан кетіп жатқан немесе кедейлікте тұратын әйелдерге арналған апталық топтар.',
  } satisfies Localized,
  description: {
    en: [
      'The Women’s Empowerment Project began with one group of eleven women around a borrowed table. Today around two hundred women meet every week in small groups across Almaty and the villages around it.',
      'Each group is led by a woman from the same community who has been trained to run it. The groups follow a year of lessons, but the heart of every meeting is the conversation: women who have been told to stay quiet are, for two hours, the ones who speak.',
      { h2: 'What a meeting looks like' },
      'Tea first. Then a short lesson on the week’s topic, time to talk it through in pairs, and a practical step each woman chooses for the week ahead. Children are looked after in the next room.',
      {
        cta: {
          heading: 'Share an evening of what you know',
          text: 'Lawyers, psychologists and accountants answer the questions women bring to the groups. One evening of your time can save a family months of worry.',
          button: 'Volunteer with us',
          target: 'volunteer',
        },
      },
    ],
    ru: [
      'Проект начался с одной группы из одиннадцати женщин за одолженным столом. Сегодня около двухсот женщин каждую неделю встречаются в небольших группах в Алматы и окрестных сёлах.',
      'Каждую группу ведёт женщина из того же района, прошедшая подготовку. Группы идут по годовой программе занятий, но главное на каждой встрече — разговор.',
      {
        cta: {
          heading: 'Подарите группе вечер своих знаний',
          text: 'Юристы, психологи и бухгалтеры отвечают на вопросы, с которыми женщины приходят в группы. Один ваш вечер может избавить семью от месяцев тревоги.',
          button: 'Стать волонтёром',
          target: 'volunteer',
        },
      },
    ],
  } satisfies LocalizedBody,
  location: { en: 'Almaty and nearby villages', ru: 'Алматы и окрестные сёла', kk: 'Алматы және маңындағы ауылдар' },
  audience: {
    en: 'Women, mostly aged 30–50, who are divorced, single mothers, leaving abusive relationships or living in poverty',
    ru: 'Женщины, в основном 30–50 лет: разведённые, матери-одиночки, уходящие от насилия или живущие в бедности',
    kk: 'Көбіне 30–50 жастағы ажырасқан, жалғызбасты аналар, зорлық-зомбылықтан кетіп жатқан немесе кедейлікте тұратын әйелдер',
  },
  meetingSchedule: {
    en: 'Weekly, in groups of ten to fifteen',
    ru: 'Раз в неделю, в группах по 10–15 человек',
    kk: 'Аптасына бір рет, 10–15 адамнан тұратын топтарда',
  },
  lessonTopics: [
    {
      topic: { en: 'Raising children', ru: 'Воспитание детей', kk: 'Бала тәрбиесі' },
      description: {
        en: 'Patience, routines and talking with children about what has happened at home.',
        ru: 'Терпение, распорядок дня и разговоры с детьми о том, что произошло дома.',
      },
    },
    {
      topic: { en: 'Relationships with a spouse', ru: 'Отношения с супругом', kk: 'Жұбайымен қарым-қатынас' },
      description: { en: 'What a respectful relationship looks like, and what it does not.' },
    },
    {
      topic: { en: 'When a husband drinks', ru: 'Когда муж пьёт', kk: 'Күйеуі ішімдікке салынса' },
      description: { en: 'Understanding dependency, keeping yourself and your children safe, and where to find help.' },
    },
    {
      topic: { en: 'Boundaries', ru: 'Личные границы', kk: 'Жеке шекаралар' },
      description: { en: 'Saying no to family, neighbours and employers without guilt.' },
    },
    {
      topic: { en: 'Self-protection', ru: 'Самозащита', kk: 'Өзін-өзі қорғау' },
      description: { en: 'Safety plans, documents to keep ready, and the numbers to call.' },
    },
    {
      topic: { en: 'Money and work', ru: 'Деньги и работа', kk: 'Ақша және жұмыс' },
      description: { en: 'A household budget, first steps into paid work, and knowing your rights to benefits.' },
    },
  ] satisfies Array<{ topic: Localized; description: Localized }>,
  impactFigures: [
    {
      value: '200',
      label: { en: 'women in Almaty groups', ru: 'женщин в группах Алматы', kk: 'Алматы топтарындағы әйелдер' },
    },
    { value: '16', label: { en: 'weekly groups', ru: 'еженедельных групп', kk: 'апталық топ' } },
    {
      value: '12',
      label: { en: 'group leaders trained', ru: 'подготовленных ведущих', kk: 'дайындалған топ жетекшісі' },
    },
    {
      value: '4',
      label: { en: 'years of weekly meetings', ru: 'года еженедельных встреч', kk: 'жыл апта сайынғы кездесу' },
    },
  ] satisfies Array<{ value: string; label: Localized }>,
}
