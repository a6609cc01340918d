import type { Localized } from './types'

export const tags: Array<{ key: string; slug: string; name: Localized }> = [
  { key: 'parenting', slug: 'parenting', name: { en: 'Parenting', ru: 'Воспитание', kk: 'Тәрбие' } },
  { key: 'safety', slug: 'safety', name: { en: 'Safety', ru: 'Безопасность', kk: 'Қауіпсіздік' } },
  { key: 'work', slug: 'work-and-money', name: { en: 'Work and money', ru: 'Работа и деньги', kk: 'Жұмыс және ақша' } },
  { key: 'community', slug: 'community', name: { en: 'Community', ru: 'Сообщество', kk: 'Қауымдастық' } },
  { key: 'leadership', slug: 'leadership', name: { en: 'Leadership', ru: 'Лидерство', kk: 'Көшбасшылық' } },
]
