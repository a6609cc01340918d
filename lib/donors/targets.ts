/**
 * Where a call to action leads on the Get involved page. Each target is an anchor there:
 * `#give` is the donation panel, `#volunteer` and `#partner` the ways to help of that kind,
 * `#contact` the "Write to us" section.
 */
export const ctaTargets = ['give', 'volunteer', 'partner', 'contact'] as const

export type CtaTarget = (typeof ctaTargets)[number]

export function isCtaTarget(value: unknown): value is CtaTarget {
  return typeof value === 'string' && (ctaTargets as readonly string[]).includes(value)
}

/** Admin labels for the target select, shared by the call-to-action block and the global. */
export const ctaTargetOptions: Array<{ value: CtaTarget; label: { en: string; ru: string } }> = [
  { value: 'give', label: { en: 'Give (donation panel)', ru: 'Пожертвовать (форма пожертвования)' } },
  { value: 'volunteer', label: { en: 'Volunteer', ru: 'Стать волонтёром' } },
  { value: 'partner', label: { en: 'Partner with us', ru: 'Стать партнёром' } },
  { value: 'contact', label: { en: 'Write to us', ru: 'Написать нам' } },
]
