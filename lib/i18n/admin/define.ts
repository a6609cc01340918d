/**
 * One feature's admin texts, in English and Russian (the admin's two languages). The Russian
 * dictionary must have every English key, so a missing translation fails the type check rather
 * than showing a key to staff. `{{name}}` placeholders are filled by Payload's `t`.
 */
export function adminTexts<const Keys extends string>(texts: { en: Record<Keys, string>; ru: Record<Keys, string> }) {
  return texts
}
