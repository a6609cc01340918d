import { adminTexts } from './define'

/**
 * Every refusal Voices raises on purpose. The key is also the refusal's stable `code`, which API
 * clients receive beside the message (`errors[0].data.code` over REST, `extensions.data.code`
 * over GraphQL): rename a key and clients break.
 */
export const refusals = adminTexts({
  en: {
    contributorRestoresAsDraft: 'Contributors restore an earlier version as a draft; an editor publishes it.',
    fieldNotWritable: 'You may not change “{{field}}”. Nothing was saved.',
    contributorCannotChangeLanguages: 'Contributors save drafts; only editors change which languages are published.',
    contributorCannotPublish: 'Contributors cannot publish. Submit the story for review and an editor will publish it.',
    contributorSavesDrafts: 'Contributors save stories as drafts (draft=true); only editors change what is published.',
    contributorEditsOneStory: 'Contributors edit one story at a time; only editors change several at once.',
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
    onlySafeguardingUntagsPeople:
      'Only safeguarding staff and admins can take someone off the people an image shows: it is what keeps her photo off the site when her consent ends.',
    tooManyLogins: 'Too many login attempts. Try again in {{minutes}} min, or ask an admin to reset your password.',
    emailRequired: 'Give the e-mail address of the account.',
    passwordResetOverRest: 'Ask for a password reset through POST /api/users/forgot-password.',
    unknownLocale: '“{{param}}” must be one of {{allowed}}.',
    bodyTooLarge: 'The request body is larger than {{limit}}.',
    bodyNotJson: 'The request body is not valid JSON.',
    bodyNotObject: 'The request body must be a JSON object.',
    bodyTooDeep: 'The request body is nested more than {{depth}} levels deep.',
    prototypeKey: 'The request body names “{{key}}”, which is no field of any document.',
    unsupportedBody: 'Send the request body as JSON (application/json) or as a form (multipart/form-data).',
    malformedForm: 'The form data could not be read, or its “_payload” is not a JSON object.',
    malformedQuery: 'The query parameter “{{param}}” is not valid.',
    fieldNotFilterable: 'Visitors cannot filter or sort on “{{field}}”.',
    oneClickExpected: 'Send the body List-Unsubscribe=One-Click (RFC 8058) to unsubscribe.',
    unsubscribeLinkInvalid: 'This unsubscribe link is not valid.',
    notText: '“{{field}}” must be text, without hidden control characters.',
    notADate: '“{{field}}” must be a date and time, such as 2026-05-01T09:00:00.000Z.',
    notANumber: '“{{field}}” must be a number.',
    notABoolean: '“{{field}}” must be true or false.',
    notAnOption: '“{{field}}” must be one of its listed options.',
    noSuchDocument: '“{{field}}” refers to a document that does not exist.',
    storageFull:
      'There is no room left on the server’s disk for this file. Nothing was saved; ask an admin to free some space.',
    databaseUnavailable: 'The database cannot be reached just now. Nothing was saved; try again in a minute.',
    databaseBusy: 'Voices is busy saving other changes. Nothing was saved; try again in a moment.',
    editConflict:
      'Someone else saved this story after you opened it (at {{at}} UTC). Your changes were not saved: reload the story, then make them again.',
    noVersionsKept: '“{{slug}}” keeps no versions.',
  },
  ru: {
    contributorEditsOneStory: 'Авторы редактируют истории по одной; менять несколько сразу могут только редакторы.',
    contributorRestoresAsDraft: 'Авторы восстанавливают прежнюю версию как черновик; опубликует её редактор.',
    fieldNotWritable: 'Вы не можете менять поле «{{field}}». Ничего не сохранено.',
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
    onlySafeguardingUntagsPeople:
      'Убрать человека из списка тех, кто на снимке, могут только служба защиты и администраторы: именно этот список убирает её фото с сайта, когда заканчивается её согласие.',
    tooManyLogins:
      'Слишком много попыток входа. Попробуйте через {{minutes}} мин. или попросите администратора сбросить пароль.',
    emailRequired: 'Укажите адрес электронной почты учётной записи.',
    passwordResetOverRest: 'Сброс пароля запрашивается через POST /api/users/forgot-password.',
    unknownLocale: '«{{param}}» должен быть одним из: {{allowed}}.',
    bodyTooLarge: 'Тело запроса больше {{limit}}.',
    bodyNotJson: 'Тело запроса не является корректным JSON.',
    bodyNotObject: 'Тело запроса должно быть объектом JSON.',
    bodyTooDeep: 'Тело запроса вложено глубже {{depth}} уровней.',
    prototypeKey: 'Тело запроса называет «{{key}}», но такого поля нет ни в одном документе.',
    unsupportedBody: 'Отправьте тело запроса как JSON (application/json) или как форму (multipart/form-data).',
    malformedForm: 'Не удалось прочитать данные формы, или её «_payload» не является объектом JSON.',
    malformedQuery: 'Параметр запроса «{{param}}» некорректен.',
    fieldNotFilterable: 'Посетители не могут фильтровать и сортировать по полю «{{field}}».',
    oneClickExpected: 'Чтобы отписаться, отправьте тело List-Unsubscribe=One-Click (RFC 8058).',
    unsubscribeLinkInvalid: 'Эта ссылка для отписки недействительна.',
    notText: '«{{field}}» должно быть текстом, без скрытых управляющих символов.',
    notADate: '«{{field}}» должно быть датой и временем, например 2026-05-01T09:00:00.000Z.',
    notANumber: '«{{field}}» должно быть числом.',
    notABoolean: '«{{field}}» должно быть true или false.',
    notAnOption: '«{{field}}» должно быть одним из предложенных вариантов.',
    noSuchDocument: '«{{field}}» ссылается на документ, которого нет.',
    storageFull:
      'На диске сервера не осталось места для этого файла. Ничего не сохранено; попросите администратора освободить место.',
    databaseUnavailable: 'База данных сейчас недоступна. Ничего не сохранено; попробуйте через минуту.',
    databaseBusy: 'Voices сейчас сохраняет другие изменения. Ничего не сохранено; попробуйте через мгновение.',
    editConflict:
      'Кто-то сохранил эту историю после того, как вы её открыли (в {{at}} UTC). Ваши изменения не сохранены: обновите историю и внесите их снова.',
    noVersionsKept: '«{{slug}}» не хранит версий.',
  },
})

export type RefusalCode = keyof typeof refusals.en
