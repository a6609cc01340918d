import type { Illustration } from '../images'
import type { Localized, LocalizedBody } from './types'

export type DemoStory = {
  slug: string
  title: Localized
  excerpt?: Localized
  publishedAt: string
  image: Illustration & { alt: Localized; caption?: Localized }
  /** An image inside the body, placed where a block says `{ image: FIGURE }`. */
  figure?: Illustration & { alt: Localized; caption?: Localized }
  tags: string[]
  leaders: string[]
  participants: string[]
  body: LocalizedBody
}

/** Placeholders the seed replaces with real IDs: the story's figure and the program. */
export const FIGURE = 'FIGURE'
export const PROGRAM_LINK = 'programs:PROGRAM'

export const stories: DemoStory[] = [
  {
    slug: 'the-first-circle',
    title: {
      en: 'The first circle: how the Almaty groups began',
      ru: 'Первый круг: как начались группы в Алматы',
      kk: 'Алғашқы шеңбер: Алматы топтары қалай басталды',
    },
    publishedAt: '2021-03-15T09:00:00.000Z',
    image: {
      name: 'first-circle',
      palette: ['#f3e3c7', '#b5562f', '#fff7ea'],
      motif: 'circle',
      alt: {
        en: 'Illustration: nine round shapes in ochre and cream arranged in a circle, like chairs around a table.',
        ru: 'Иллюстрация: девять кругов охристого и кремового цвета, расставленных по кругу, как стулья вокруг стола.',
      },
      caption: { en: 'The first group met around a single borrowed table.' },
    },
    figure: {
      name: 'first-circle-table',
      palette: ['#fdf3e6', '#c06a2b', '#fffdf8'],
      motif: 'windows',
      alt: { en: 'Illustration: warm squares in rows, like the lit windows of a building at dusk.' },
      caption: { en: 'The room above the pharmacy, drawn from memory by one of the first group.' },
    },
    tags: ['community'],
    leaders: ['marzhan'],
    participants: [],
    body: {
      en: [
        'In the winter of 2021, eleven women met in a borrowed room above a pharmacy. Most had never spoken about their marriages outside their families. Some had never spoken about them at all. That evening became the [Women’s Empowerment Project](programs:PROGRAM).',
        'Marzhan, who now coordinates the program, remembers the first evening as mostly silence. “We drank a lot of tea,” she says. “And then one woman said, quietly, that she had not slept through a night in three years. After that everybody talked.”',
        { h2: 'Why small groups' },
        'The groups stay small on purpose. Ten to fifteen women is few enough that everyone is heard, and enough that nobody feels watched. The same women meet every week, so trust has time to grow.',
        { pullQuote: 'We drank a lot of tea. And then everybody talked.', speaker: '{{leaders:marzhan}}' },
        { image: 'FIGURE' },
        'By the end of that first year there were four groups. None of them has stopped meeting since.',
        {
          cta: {
            heading: 'Keep a circle meeting',
            text: 'Tea, a warm room and someone to look after the children cost about 60 US dollars a month for one group. Help the next eleven women find each other.',
            button: 'Give to the groups',
            target: 'give',
          },
        },
      ],
      ru: [
        'Зимой 2021 года одиннадцать женщин собрались в одолженной комнате над аптекой. Большинство из них никогда не говорили о своём браке за пределами семьи.',
        'Маржан, которая сейчас координирует программу, вспоминает первый вечер как долгое молчание. «Мы пили много чая, — говорит она. — А потом одна женщина тихо сказала, что три года не спала ночь напролёт. После этого заговорили все».',
        { quote: 'Мы пили много чая. А потом заговорили все.' },
        'К концу первого года групп было уже четыре. Ни одна из них с тех пор не перестала встречаться.',
        {
          cta: {
            heading: 'Пусть круг продолжает встречаться',
            text: 'Чай, тёплая комната и присмотр за детьми для одной группы стоят около 30 000 тенге в месяц. Помогите следующим одиннадцати женщинам найти друг друга.',
            button: 'Поддержать группы',
            target: 'give',
          },
        },
      ],
      kk: [
        '2021 жылдың қысында он бір әйел дәріхананың үстіндегі уақытша берілген бөлмеде жиналды. Олардың көбі бұрын өз отбасылық өмірі туралы ешкімге айтпаған еді.',
        'Бірінші жылдың соңында төрт топ болды. Содан бері олардың ешқайсысы кездесуді тоқтатқан жоқ.',
        {
          cta: {
            heading: 'Шеңбер кездесе берсін',
            text: 'Бір топқа шай, жылы бөлме және балаларға қарау айына шамамен 30 000 теңге тұрады. Келесі он бір әйелге бір-бірін табуға көмектесіңіз.',
            button: 'Топтарды қолдау',
            target: 'give',
          },
        },
      ],
    },
  },
  {
    slug: 'boundaries-are-not-walls',
    title: { en: 'Boundaries are not walls', ru: 'Границы — это не стены' },
    publishedAt: '2021-09-20T09:00:00.000Z',
    image: {
      name: 'boundaries',
      palette: ['#e4efe9', '#2f6f62', '#fdfaf3'],
      motif: 'windows',
      alt: { en: 'Illustration: rows of rounded windows in teal and cream on a pale green background.' },
    },
    tags: ['safety', 'community'],
    leaders: ['aigerim'],
    participants: [],
    body: {
      en: [
        'The lesson on boundaries is the one women ask to repeat. It starts with a simple question: when did you last say no to someone, and what happened next?',
        'For many women in the groups, the honest answer is “never”. Saying no to a mother-in-law, to a brother asking for money, to a neighbour who drops off her children every afternoon, can feel impossible.',
        '{{leaders:aigerim}}, who leads two groups, practises it with them in pairs. One woman asks, the other refuses, politely and without explaining. Then they swap.',
        { quote: 'A boundary is not a wall you build against your family. It is a door you decide when to open.' },
        'It sounds small. But the women who come back the next week often bring the same news: they said no once, and the world did not end.',
      ],
    },
  },
  {
    slug: 'danas-kitchen-table',
    title: { en: 'Dana’s kitchen table', ru: 'Кухонный стол Даны' },
    publishedAt: '2022-02-10T09:00:00.000Z',
    image: {
      name: 'kitchen-table',
      palette: ['#fbeee0', '#c9822b', '#fffaf2'],
      motif: 'sun',
      alt: { en: 'Illustration: a large amber sun rising over a cream horizon.' },
    },
    tags: ['work', 'parenting'],
    leaders: [],
    participants: ['dana'],
    body: {
      en: [
        '{{participants:dana}} keeps a notebook on her kitchen table. Every evening, after her two children are asleep, she writes down what she spent that day, to the last tenge.',
        'A year ago she did not know how much her family needed each month. Her husband had handled the money, and when she left him she left with a bag of clothes and no idea where to start.',
        { h2: 'One page at a time' },
        'The budgeting lesson gave her the notebook and a way to use it. The group gave her something else: other women who had done it before her, and who did not laugh when she said she was afraid of the bank.',
        'Today Dana sews school uniforms to order. It is not much, she says, but it is hers, and it is written down.',
      ],
    },
  },
  {
    slug: 'when-a-husband-drinks',
    title: {
      en: 'When a husband drinks: talking about what nobody talks about',
      ru: 'Когда муж пьёт: говорим о том, о чём молчат',
    },
    publishedAt: '2022-06-05T09:00:00.000Z',
    image: {
      name: 'threads',
      palette: ['#e8e4f0', '#5b4b8a', '#fbf9ff'],
      motif: 'threads',
      alt: { en: 'Illustration: flowing violet and white lines crossing a lavender background.' },
    },
    tags: ['safety'],
    leaders: ['aigerim'],
    participants: ['zarina'],
    body: {
      en: [
        'In many families the drinking is known and never named. The lesson called “When a husband drinks” names it.',
        'It does not tell women what to do. It explains what dependency is and is not, what it does to children, and which services in Almaty can help. Then the group talks.',
        '{{participants:zarina}} came to that lesson three times before she spoke. “I thought it was my fault,” she said the fourth time. “That if I cooked better, or kept the children quieter, he would stop.”',
        { quote: 'I thought it was my fault. Now I know it was never mine to fix.' },
        'Aigerim keeps a card of phone numbers in her bag for anyone who asks. Most weeks, someone does.',
      ],
    },
  },
  {
    slug: 'raising-children-with-patience',
    title: { en: 'Raising children with patience, not fear' },
    publishedAt: '2022-11-18T09:00:00.000Z',
    image: {
      name: 'patience',
      palette: ['#fde8e4', '#c4564a', '#fff6f3'],
      motif: 'circle',
      alt: { en: 'Illustration: coral and pale pink circles arranged in a ring.' },
    },
    tags: ['parenting'],
    leaders: ['marzhan'],
    participants: ['asel'],
    body: {
      en: [
        'Children who have grown up around shouting often shout. Mothers who are exhausted often shout back. The parenting lessons start from there, without blame.',
        'Asel has three sons. She says the most useful thing she learned was to wait ten seconds before answering. “Not always,” she laughs. “But more often than before.”',
        {
          list: [
            'Keep the same bedtime every night.',
            'Say what you expect before, not after.',
            'Notice the good things out loud.',
          ],
        },
        'These are small habits, and they are not new. What is new for many women is having the space, and the company, to try them.',
      ],
    },
  },
  {
    slug: 'aigerims-first-year-as-a-leader',
    title: { en: 'Aigerim’s first year as a group leader', ru: 'Первый год Айгерим в роли ведущей' },
    publishedAt: '2023-04-12T09:00:00.000Z',
    image: {
      name: 'leader-path',
      palette: ['#e6f0f7', '#2b5d8a', '#f7fbff'],
      motif: 'path',
      alt: { en: 'Illustration: a winding pale path climbing towards a blue circle at the top right.' },
    },
    tags: ['leadership'],
    leaders: ['aigerim'],
    participants: [],
    body: {
      en: [
        'Two years ago Aigerim sat in a group as a participant. Now she runs two.',
        'The leaders’ training is practical: how to open a meeting, how to keep one person from speaking for everyone, what to do when someone says something that means she is in danger. Marzhan visits every group once a month.',
        '“The first weeks I was more nervous than they were,” Aigerim says. “Then I understood that I did not need to have answers. I needed to make the room safe enough for the questions.”',
        { quote: 'I did not need to have answers. I needed to make the room safe enough for the questions.' },
      ],
    },
  },
  {
    slug: 'safety-plans-written-together',
    title: { en: 'Safety plans, written together', ru: 'План безопасности, составленный вместе' },
    publishedAt: '2023-10-02T09:00:00.000Z',
    image: {
      name: 'safety-windows',
      palette: ['#eef2e3', '#6b7f2a', '#fcfdf6'],
      motif: 'windows',
      alt: { en: 'Illustration: olive and cream rounded rectangles in a grid, like lit windows at night.' },
    },
    tags: ['safety'],
    leaders: ['marzhan'],
    participants: [],
    body: {
      en: [
        'A safety plan is a page. On it: which neighbour will open her door at night, where a copy of the passport is kept, the number of the crisis centre, and a word a woman can text to a friend that means “come now”.',
        'In the self-protection lessons, women write their plans together, and each keeps her own. Nobody else sees it.',
        'Marzhan says the plan matters less than the writing of it. “When you have written it down, you have already decided that your safety is worth planning for.”',
      ],
    },
  },
  {
    slug: 'womens-day-in-the-village-groups',
    title: { en: 'International Women’s Day in the village groups' },
    publishedAt: '2024-03-08T09:00:00.000Z',
    image: {
      name: 'womens-day',
      palette: ['#fff1d6', '#d9892b', '#fffaf0'],
      motif: 'sun',
      alt: { en: 'Illustration: a golden sun over a warm sand-coloured field.' },
    },
    tags: ['community'],
    leaders: [],
    participants: ['zarina', 'dana'],
    body: {
      en: [
        'On the eighth of March the three village groups met together for the first time: forty women, a borrowed school hall and more plov than anyone could finish.',
        'There were no speeches. Instead, each group had prepared something: a song, a list of things they had learned, a table of homemade sweets for sale.',
        'Zarina and Dana, who had never met before, discovered they had both started working that winter. They spent the afternoon comparing notebooks.',
      ],
    },
  },
  {
    slug: 'two-hundred-women-one-week-at-a-time',
    title: {
      en: 'Two hundred women, one week at a time',
      ru: 'Двести женщин, неделя за неделей',
      kk: 'Екі жүз әйел, апта сайын',
    },
    publishedAt: '2024-09-14T09:00:00.000Z',
    image: {
      name: 'two-hundred',
      palette: ['#e9eef5', '#3d5a80', '#f8fafc'],
      motif: 'threads',
      alt: { en: 'Illustration: navy and white threads weaving across a soft blue background.' },
    },
    tags: ['community', 'leadership'],
    leaders: ['marzhan', 'aigerim'],
    participants: [],
    body: {
      en: [
        'This autumn the program passed a number nobody planned for: two hundred women meeting every week, in sixteen groups, led by twelve women who were once participants themselves.',
        'The number matters because each of those women matters. But the program has not changed its shape to reach it. Groups are still small. The kettle still goes on first.',
        'What comes next is more leaders, trained by the ones who went before them, and groups in two more villages by the spring.',
      ],
      ru: [
        'Этой осенью программа перешагнула рубеж, который никто не планировал: двести женщин встречаются каждую неделю в шестнадцати группах, а ведут их двенадцать женщин, которые сами когда-то были участницами.',
        'Группы по-прежнему небольшие. И по-прежнему всё начинается с чайника.',
      ],
    },
  },
]
