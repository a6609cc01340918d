/**
 * The kinds of help Get involved lists, and the small fixed set of icons an editor can give each
 * (drawn as inline SVG in components/HelpIcon.tsx, so no image is ever fetched for them).
 */
export const helpKinds = ['give', 'volunteer', 'partner', 'host', 'corporate', 'other'] as const

export type HelpKind = (typeof helpKinds)[number]

export const helpKindOptions: Array<{ value: HelpKind; label: { en: string; ru: string } }> = [
  { value: 'give', label: { en: 'Give', ru: 'Пожертвовать' } },
  { value: 'volunteer', label: { en: 'Volunteer', ru: 'Волонтёрство' } },
  { value: 'partner', label: { en: 'Partner', ru: 'Партнёрство' } },
  { value: 'host', label: { en: 'Host a group', ru: 'Принять группу' } },
  { value: 'corporate', label: { en: 'Corporate support', ru: 'Поддержка компаний' } },
  { value: 'other', label: { en: 'Something else', ru: 'Другое' } },
]

export const helpIcons = ['heart', 'hands', 'handshake', 'home', 'building', 'letter'] as const

export type HelpIconName = (typeof helpIcons)[number]

export const helpIconOptions: Array<{ value: HelpIconName; label: { en: string; ru: string } }> = [
  { value: 'heart', label: { en: 'Heart', ru: 'Сердце' } },
  { value: 'hands', label: { en: 'Raised hands', ru: 'Поднятые руки' } },
  { value: 'handshake', label: { en: 'Handshake', ru: 'Рукопожатие' } },
  { value: 'home', label: { en: 'House', ru: 'Дом' } },
  { value: 'building', label: { en: 'Office building', ru: 'Офисное здание' } },
  { value: 'letter', label: { en: 'Letter', ru: 'Письмо' } },
]

export function isHelpIcon(value: unknown): value is HelpIconName {
  return typeof value === 'string' && (helpIcons as readonly string[]).includes(value)
}
