/**
 * Text in the admin, which staff use in English or Russian (Payload translates its own UI; these
 * are Voices' labels and descriptions). The public site's three languages live in `lib/i18n`.
 */
export type AdminText = { en: string; ru: string }

/** A select option whose label reads in the admin's language. */
export const adminOption = <V extends string>({ value, label, ru }: { value: V; label: string; ru: string }) => ({
  value,
  label: { en: label, ru },
})
