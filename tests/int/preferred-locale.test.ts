import { describe, expect, it } from 'vitest'

import { preferredLocale } from '@/lib/i18n/preferredLocale'

describe('the visitor’s language from Accept-Language', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['kk-KZ,kk;q=0.9', 'kk'],
    ['de-DE,de;q=0.9,en-GB;q=0.5', 'en'],
    ['fr-FR,fr;q=0.9', 'en'],
    // q=0 means "not this language".
    ['ru;q=0,kk;q=0.5', 'kk'],
    ['ru;q=0', 'en'],
    ['kk;q=0.2, ru;q=0.8', 'ru'],
    ['en;q=0.5,ru;q=0.5', 'en'],
    ['ru ; q=0.7 , kk', 'kk'],
    ['ru;q=nonsense,kk;q=0.1', 'kk'],
    ['', 'en'],
  ])('%j reads as %s', (header, expected) => {
    expect(preferredLocale(header)).toBe(expected)
  })
})
