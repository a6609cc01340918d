import { adminTexts } from './define'

/**
 * The story editor's person mentions: the chip that shows who a mention points at, the `@`
 * search that inserts one, and the version comparison.
 */
export const mentions = adminTexts({
  en: {
    leader: 'Leader',
    participant: 'Participant',
    choose: 'Choose a person',
    notOnFile: 'No longer on file',
    named: 'The site shows her by this public name.',
    endsSoon: 'Her consent to be named ends within {{days}} days; after that the site will not name her.',
    notNamed: 'The site will not name her: {{reason}}.',
    erased: 'The site will not name her: her records have been erased.',
    mentionSomeone: 'Mention someone',
    searchHint: 'Type a public name after @',
    searching: 'Searching…',
    noMatch: 'No leader or participant is called “{{query}}”.',
    searchFailed: 'Could not search for people. Try again.',
    peopleGroup: 'People',
    change: 'Change who is mentioned',
    remove: 'Remove this mention',
  },
  ru: {
    leader: 'Ведущая',
    participant: 'Участница',
    choose: 'Выберите человека',
    notOnFile: 'Больше нет в базе',
    named: 'Сайт показывает её под этим публичным именем.',
    endsSoon: 'Её согласие на имя истекает в ближайшие {{days}} дней; после этого сайт не будет называть её.',
    notNamed: 'Сайт не будет называть её: {{reason}}.',
    erased: 'Сайт не будет называть её: её данные удалены.',
    mentionSomeone: 'Упомянуть человека',
    searchHint: 'Введите публичное имя после @',
    searching: 'Поиск…',
    noMatch: 'Нет ведущей или участницы с именем «{{query}}».',
    searchFailed: 'Не удалось найти людей. Попробуйте ещё раз.',
    peopleGroup: 'Люди',
    change: 'Изменить, кто упомянут',
    remove: 'Убрать упоминание',
  },
})
