import { adminTexts } from './define'

/** The story sidebar: whether it can go live, safeguarding's sign-off, erasing a person. */
export const publishing = adminTexts({
  en: {
    readyHeading: 'Ready to publish?',
    ready: 'Yes: consent and sign-off are in place for this version.',
    notReady: 'Not yet:',
    signOffHeading: 'Safeguarding sign-off',
    signedOffBy: 'Signed off by {{name}} on {{date}}',
    notSignedOff:
      'Not signed off. A story that features, mentions or shows a participant needs a safeguarding sign-off on its current text before it can be published; editing it afterwards clears the sign-off.',
    signOff: 'Sign off',
    signOffAgain: 'Sign off again',
    signOffFailed: 'Signing off failed; nothing was changed. Please try again.',
    eraseConfirm:
      'Erase her private data for good? Her real or legal name, notes, consent record and evidence files are removed; stories that mention her will read "a participant". This cannot be undone.',
    erase: 'Erase private data',
    eraseFailed: 'Erasing failed; nothing was changed. Please try again.',
  },
  ru: {
    readyHeading: 'Можно публиковать?',
    ready: 'Да: согласия и одобрение для этой версии есть.',
    notReady: 'Пока нет:',
    signOffHeading: 'Одобрение службы защиты',
    signedOffBy: 'Одобрено: {{name}}, {{date}}',
    notSignedOff:
      'Не одобрено. Историю, в которой есть участница (в тексте, в списке или на фото), можно опубликовать только после одобрения службой защиты её текущей версии; любая правка после этого снимает одобрение.',
    signOff: 'Одобрить',
    signOffAgain: 'Одобрить снова',
    signOffFailed: 'Не удалось одобрить; ничего не изменилось. Попробуйте ещё раз.',
    eraseConfirm:
      'Удалить её личные данные навсегда? Будут удалены настоящее имя или имя по документам, заметки, запись о согласии и файлы подтверждений; в историях, где она упоминается, будет «участница». Отменить это нельзя.',
    erase: 'Удалить личные данные',
    eraseFailed: 'Не удалось удалить; ничего не изменилось. Попробуйте ещё раз.',
  },
})
