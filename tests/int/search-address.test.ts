import { describe, expect, it } from 'vitest'

import {
  MAX_QUERY_LENGTH,
  searchResultsPath,
  searchSegment,
  searchWords,
  wordsOfSegment,
} from '@/lib/search/searchAddress'

/**
 * A search is rendered at a path that carries its words (lib/search/searchAddress.ts). Every
 * query a visitor can type must reach the page for exactly its words, whatever characters it
 * holds, and any path that is not one search's own must be refused, so that no two addresses
 * are one search cached twice and no segment decodes to words the form could not have sent.
 */

const longCyrillic = 'ж'.repeat(MAX_QUERY_LENGTH + 20)
// 99 units of text, then an emoji (two units) that the cut at 100 splits.
const cutEmoji = `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀 more`

/** Typed query → the words searched for. */
const typed: Array<[string, string]> = [
  ['women', 'women'],
  ['  Women  of   Almaty ', 'Women of Almaty'],
  ['аптекой', 'аптекой'],
  ['Қазақстан әйелдері', 'Қазақстан әйелдері'],
  ['a/b', 'a/b'],
  ['..', '..'],
  ['.', '.'],
  ['%2e%2e', '%2e%2e'],
  ['50% + 1 ? #tag & more=yes', '50% + 1 ? #tag & more=yes'],
  ['line\nbreak\ttab\u0000nul', 'line break tab nul'],
  ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ['😀 emoji', '😀 emoji'],
  [longCyrillic, 'ж'.repeat(MAX_QUERY_LENGTH)],
  [cutEmoji, 'a'.repeat(MAX_QUERY_LENGTH - 1)],
  ['   ', ''],
  ['\u0000\u0001', ''],
]

describe('the words of a search', () => {
  it.each(typed)('%j is searched as %j', (query, words) => {
    expect(searchWords(query)).toBe(words)
  })

  it.each(typed.filter(([, words]) => words))('%j travels in one path segment and back', (query, words) => {
    const segment = searchSegment(words)
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(wordsOfSegment(segment)).toBe(words)
    const path = searchResultsPath('ru', new URLSearchParams({ q: query }))
    expect(path).toBe(`/ru/search/${segment}`)
    // The path is what the router sees: nothing in it is resolved away or split.
    expect(new URL(path!, 'https://voices.example').pathname).toBe(path)
  })
})

describe('a path segment that is not a search’s own', () => {
  const refused: Array<[string, string]> = [
    ['nothing', ''],
    ['padding', `${searchSegment('ab')}==`],
    ['standard base64 letters', Buffer.from('???>>>', 'utf8').toString('base64')],
    ['a dot', '.'],
    ['escapes', '%2e%2e'],
    ['bytes that are no UTF-8', Buffer.from([0xff, 0xfe, 0x41]).toString('base64url')],
    ['words with room around them', searchSegment(' women ')],
    ['two spaces inside', searchSegment('women  rights')],
    ['a control character', searchSegment('wo\u0000men')],
    ['words longer than a search', searchSegment('a'.repeat(MAX_QUERY_LENGTH + 1))],
    ['a segment longer than any search', 'QUFB'.repeat(120)],
    ['a non-canonical last character', `${searchSegment('a').slice(0, -1)}R`],
  ]
  it.each(refused)('%s is refused', (_what, segment) => {
    expect(wordsOfSegment(segment)).toBeNull()
  })

  it('the longest words a search can have are accepted', () => {
    for (const words of ['a'.repeat(MAX_QUERY_LENGTH), 'ж'.repeat(MAX_QUERY_LENGTH), '中'.repeat(MAX_QUERY_LENGTH)])
      expect(wordsOfSegment(searchSegment(words))).toBe(words)
  })
})

describe('where a query string is rendered', () => {
  const women = searchSegment('women')
  const cases: Array<[string, string | null]> = [
    ['', null],
    ['q=', null],
    ['q=%20%20', null],
    ['page=2', null],
    ['q=women', `/en/search/${women}`],
    ['q=+women+', `/en/search/${women}`],
    ['q=women&q=men', `/en/search/${women}`],
    ['q=women&page=1', `/en/search/${women}`],
    ['q=women&page=2', `/en/search/${women}/page/2`],
    ['q=women&page=99999', `/en/search/${women}/page/99999`],
    ['q=women&page=02', `/en/search/${women}/page/none`],
    ['q=women&page=0', `/en/search/${women}/page/none`],
    ['q=women&page=x', `/en/search/${women}/page/none`],
    ['q=women&page=2&page=3', `/en/search/${women}/page/none`],
    ['q=women&page=1&page=1', `/en/search/${women}/page/none`],
    ['q=women&page=123456', `/en/search/${women}/page/none`],
    ['q=women&utm_source=mail', `/en/search/${women}`],
  ]
  it.each(cases)('?%s → %s', (query, path) => {
    expect(searchResultsPath('en', new URLSearchParams(query))).toBe(path)
  })
})
