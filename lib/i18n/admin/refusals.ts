import { adminTexts } from './define'

/**
 * Every refusal Voices raises on purpose. The key is also the refusal's stable `code`, which API
 * clients receive beside the message (`errors[0].data.code` over REST, `extensions.data.code`
 * over GraphQL): rename a key and clients break.
 */
export const refusals = adminTexts({
  en: {
    contributorRestoresAsDraft: 'Contributors restore an earlier version as a draft; an editor publishes it.',
    contributorCannotChangeLanguages: 'Contributors save drafts; only editors change which languages are published.',
    contributorCannotPublish: 'Contributors cannot publish. Submit the story for review and an editor will publish it.',
    contributorSavesDrafts: 'Contributors save stories as drafts (draft=true); only editors change what is published.',
    onlyEditorsApprove: 'Only editors approve stories. Set the review status to “In review” to submit it.',
    onlyEditorsPublish: 'Only editors and admins publish or change what is published.',
    onlyEditorsSchedule: 'Only editors and admins can schedule publishing.',
    notScheduled: 'Not scheduled. {{reasons}}',
    signInRequired: 'Sign in first.',
    onlySafeguardingSignsOff: 'Only safeguarding staff and admins sign off stories.',
    storyChangedSinceOpened:
      'The story has been changed since you opened it. Review the latest version, then sign it off.',
    versionMustBeId: '“version” must be a version ID.',
    updatedAtMustBeTime: '“updatedAt” must be the reviewed version’s time, as the API gave it.',
    noSuchStory: 'No such story.',
    noSuchPerson: 'No such person.',
    onlySafeguardingErases: 'Only safeguarding staff and admins can erase private data.',
    onlyEditorsExportStats: 'Only editors and admins export story statistics.',
    imageUnderReview:
      'This image is in a story that has been submitted for review, approved or published; only an editor can change it now.',
    tooManyLogins: 'Too many login attempts. Try again in {{minutes}} min, or ask an admin to reset your password.',
    emailRequired: 'Give the e-mail address of the account.',
    passwordResetOverRest: 'Ask for a password reset through POST /api/users/forgot-password.',
    storageFull:
      'There is no room left on the server’s disk for this file. Nothing was saved; ask an admin to free some space.',
    databaseUnavailable: 'The database cannot be reached just now. Nothing was saved; try again in a minute.',
    databaseBusy: 'Voices is busy saving other changes. Nothing was saved; try again in a moment.',
    editConflict:
      'Someone else saved this story after you opened it (at {{at}} UTC). Your changes were not saved: reload the story, then make them again.',
  },
  ru: {
    contributorRestoresAsDraft: 'Авторы восстанавливают прежнюю версию как черновик; опубликует её редактор.',
    contributorCannotChangeLanguages: 'Авторы сохраняют черновики; какие языки опубликованы, решают только редакторы.',
    contributorCannotPublish: 'Авторы не публикуют. Отправьте историю на проверку, и редактор её опубликует.',
    contributorSavesDrafts:
      'Авторы сохраняют истории как черновики (draft=true); опубликованное меняют только редакторы.',
    onlyEditorsApprove: 'Одобряют истории только редакторы. Чтобы отправить её, выберите статус «На проверке».',
    onlyEditorsPublish: 'Публикуют и меняют опубликованное только редакторы и администраторы.',
    onlyEditorsSchedule: 'Планировать публикацию могут только редакторы и администраторы.',
    notScheduled: 'Не запланировано. {{reasons}}',
    signInRequired: 'Сначала войдите.',
    onlySafeguardingSignsOff: 'Одобряют истории только служба защиты и администраторы.',
    storyChangedSinceOpened:
      'История изменилась с тех пор, как вы её открыли. Проверьте последнюю версию и одобрите её.',
    versionMustBeId: '«version» должен быть идентификатором версии.',
    updatedAtMustBeTime: '«updatedAt» должен быть временем проверенной версии, как его дал API.',
    noSuchStory: 'Такой истории нет.',
    noSuchPerson: 'Такого человека нет.',
    onlySafeguardingErases: 'Стирать личные данные могут только служба защиты и администраторы.',
    onlyEditorsExportStats: 'Выгружать статистику историй могут только редакторы и администраторы.',
    imageUnderReview:
      'Это изображение есть в истории, отправленной на проверку, одобренной или опубликованной; теперь изменить его может только редактор.',
    tooManyLogins:
      'Слишком много попыток входа. Попробуйте через {{minutes}} мин. или попросите администратора сбросить пароль.',
    emailRequired: 'Укажите адрес электронной почты учётной записи.',
    passwordResetOverRest: 'Сброс пароля запрашивается через POST /api/users/forgot-password.',
    storageFull:
      'На диске сервера не осталось места для этого файла. Ничего не сохранено; попросите администратора освободить место.',
    databaseUnavailable: 'База данных сейчас недоступна. Ничего не сохранено; попробуйте через минуту.',
    databaseBusy: 'Voices сейчас сохраняет другие изменения. Ничего не сохранено; попробуйте через мгновение.',
    editConflict:
      'Кто-то сохранил эту историю после того, как вы её открыли (в {{at}} UTC). Ваши изменения не сохранены: обновите историю и внесите их снова.',
  },
})

export type RefusalCode = keyof typeof refusals.en
