import { adminTexts } from './define'

/** Why someone's consent does not cover what a story does with her, and what follows from it. */
export const consent = adminTexts({
  en: {
    noConsent: 'no consent is recorded',
    withdrawn: 'her consent has been withdrawn',
    expired: 'her consent has expired',
    notYetValid: 'her consent only starts on a later date',
    scopeMissing: 'no consent for {{scope}}',
    name: 'public name in a story',
    photo: 'photo',
    quotes: 'direct quotes',
    personalDetails: 'personal details (e.g. family situation)',
    noLongerOnFile: 'she is no longer on file',
    aParticipant: 'A participant',
    aLeader: 'A leader',
    cannotPublish: '{{name}}: {{problem}}, so this story cannot be published.',
    waitingForSafeguarding:
      'Safeguarding checks that everyone this story features, quotes or shows has agreed to how it uses her before an editor can publish it.',
    signOffMissing:
      'Safeguarding has not signed off this version of the story. It features, mentions or shows a participant, so a safeguarding officer must sign it off before it can be published.',
    signOffMissingLabel:
      'Safeguarding sign-off (a safeguarding officer must sign off this version before it is published)',
    storyGone: 'The story no longer exists.',
    realNameInText:
      'The {{field}} ({{locale}}) contains the real name of someone in Voices. Write her public name, or mention her, instead: real names never reach the site.',
    realNameInTextLabel: 'A real name in the text',
    fieldTitle: 'title',
    fieldAddress: 'address',
    fieldExcerpt: 'excerpt',
    fieldBody: 'story text',
    fieldSeo: 'search-engine title or description',
  },
  ru: {
    noConsent: 'согласие не записано',
    withdrawn: 'она отозвала согласие',
    expired: 'срок её согласия истёк',
    notYetValid: 'её согласие начинает действовать позже',
    scopeMissing: 'нет согласия на {{scope}}',
    name: 'публичное имя в истории',
    photo: 'фото',
    quotes: 'прямые цитаты',
    personalDetails: 'личные подробности (например, семейное положение)',
    noLongerOnFile: 'её больше нет в базе',
    aParticipant: 'Участница',
    aLeader: 'Ведущая',
    cannotPublish: '{{name}}: {{problem}}, поэтому историю нельзя опубликовать.',
    waitingForSafeguarding:
      'Прежде чем редактор опубликует историю, служба защиты проверяет, что каждая, кого история показывает или цитирует, согласна на это.',
    signOffMissing:
      'Служба защиты не одобрила эту версию истории. В ней есть участница, поэтому до публикации её должна одобрить служба защиты.',
    signOffMissingLabel: 'Одобрение службы защиты (эту версию должна одобрить служба защиты до публикации)',
    storyGone: 'Этой истории больше нет.',
    realNameInText:
      '{{field}} ({{locale}}): здесь настоящее имя человека из Voices. Напишите её публичное имя или упомяните её: настоящие имена не попадают на сайт.',
    realNameInTextLabel: 'Настоящее имя в тексте',
    fieldTitle: 'Заголовок',
    fieldAddress: 'Адрес',
    fieldExcerpt: 'Анонс',
    fieldBody: 'Текст истории',
    fieldSeo: 'Заголовок или описание для поисковиков',
  },
})
