import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { locales } from '@/lib/locales'
import { isPerRequestRoute, isPublicRoute, perRequestRoutes, publicRoutes } from '@/lib/site/publicRoutes'
import { config as proxyConfig } from '@/proxy'
import { dropUnreadQuery, pagesReadingQuery } from '@/server/pageQueries.mjs'

const localeDir = path.resolve('app/(frontend)/[locale]')

/** Every page and route handler under the locale, as its path shape ("stories/[slug]"). */
function routesOnDisk(dir = localeDir, prefix: string[] = []): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && /^(page|route)\.tsx?$/.test(entry.name)) found.push(prefix.join('/'))
    // The catch-all is where everything else goes: it is not a page's shape.
    if (entry.isDirectory() && entry.name !== '[...missing]')
      found.push(...routesOnDisk(path.join(dir, entry.name), [...prefix, entry.name]))
  }
  return found
}

/** The pages that render for every request: their file says `dynamic = 'force-dynamic'`. */
function perRequestOnDisk(): string[] {
  return routesOnDisk().filter((route) =>
    ['page.tsx', 'page.ts', 'route.ts'].some((name) => {
      const file = path.join(localeDir, route, name)
      return fs.existsSync(file) && /export const dynamic = ['"]force-dynamic['"]/.test(fs.readFileSync(file, 'utf8'))
    }),
  )
}

describe('the public route table', () => {
  it('names exactly the pages under app/(frontend)/[locale]', () => {
    expect([...publicRoutes].sort()).toEqual(routesOnDisk().sort())
  })

  // The proxy gives exactly these a nonce; a cached page left out would carry a nonce its
  // stored copies do not have, and a per-request page left out would have no policy for its scripts.
  it('names exactly the pages rendered for every request as per-request', () => {
    expect(perRequestOnDisk().length).toBeGreaterThan(0)
    expect([...perRequestRoutes].sort()).toEqual(perRequestOnDisk().sort())
    for (const route of routesOnDisk()) {
      const path = route.replace(/\[[a-z]+\]/g, 'x')
      expect(isPerRequestRoute(path), route).toBe(perRequestOnDisk().includes(route))
    }
  })

  it.each([
    ['', true],
    ['/', true],
    ['stories', true],
    ['stories/', true],
    ['stories/the-first-circle', true],
    ['stories/page/2', true],
    ['stories/program/weekly-groups/page/3', true],
    ['stories/tag/work', true],
    ['programs/weekly-groups', true],
    ['get-involved', true],
    ['get-involved/give', true],
    ['get-involved/give/more', false],
    ['search', true],
    ['feed.xml', true],
    ['feedxxml', false],
    ['stories/a/b', false],
    ['stories/page/2/more', false],
    ['programs/a/b', false],
    ['about', false],
    ['wp-login.php', false],
    ['stories//x', false],
  ])('%j is a page shape: %s', (rest, expected) => {
    expect(isPublicRoute(rest)).toBe(expected)
  })
})

type Matcher = { regexp: string; has?: Array<{ type: string; key: string }> }

/** Whether Next.js runs the proxy for a path, with its matchers compiled as `next build` compiles them. */
async function proxyRuns(pathname: string, cookies: string[] = []): Promise<boolean> {
  const { getMiddlewareMatchers } = (await import('next/dist/build/analysis/get-page-static-info.js')) as unknown as {
    getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => Matcher[]
  }
  return getMiddlewareMatchers(proxyConfig.matcher, {}).some(
    (matcher) =>
      new RegExp(matcher.regexp).test(pathname) &&
      (matcher.has ?? []).every((condition) => condition.type === 'cookie' && cookies.includes(condition.key)),
  )
}

describe('the proxy’s matcher', () => {
  const shapes = (route: string) => [
    route.replace(/\[[a-z]+\]/g, 'the-first-circle'),
    route.replace(/\[[a-z]+\]/g, '2'),
  ]
  const cached = publicRoutes.filter((route) => !(perRequestRoutes as readonly string[]).includes(route))

  it('skips every page served from the cache, in every locale, unless in draft mode', async () => {
    for (const { code } of locales) {
      for (const route of cached) {
        for (const rest of shapes(route)) {
          const pathname = `/${code}${rest ? `/${rest}` : ''}`
          expect(await proxyRuns(pathname), pathname).toBe(false)
          expect(await proxyRuns(pathname, ['__prerender_bypass']), `${pathname} in draft mode`).toBe(true)
        }
      }
    }
  })

  it('runs for everything else under a locale, the admin, bare paths and escapes', async () => {
    const others = [
      ...locales.flatMap(({ code }) => perRequestRoutes.map((route) => `/${code}/${route}`)),
      '/en/wp-login.php',
      '/en/stories/a/b',
      '/en/stories/page/2/more',
      '/en/programs/a/b',
      '/en/about',
      '/ru/get-involved/give/more',
      '/de',
      '/de/stories',
      '/',
      '/stories/the-first-circle',
      '/admin',
      '/admin/collections/stories',
      '/en/stories/%E0%A4%A',
      '/api/users/login',
      '/api/graphql',
      '/next/count',
    ]
    for (const pathname of others) expect(await proxyRuns(pathname), pathname).toBe(true)
    for (const pathname of ['/api/stories', '/_next/static/chunks/a.js', '/sitemap.xml', '/next/preview'])
      expect(await proxyRuns(pathname), pathname).toBe(false)
  })
})

describe('query strings on pages that do not read them', () => {
  it('names exactly the pages under app/(frontend)/[locale] that read their query string', () => {
    const reading = routesOnDisk().filter((route) =>
      ['page.tsx', 'route.ts'].some((name) => {
        const file = path.join(localeDir, route, name)
        return fs.existsSync(file) && /searchParams/.test(fs.readFileSync(file, 'utf8'))
      }),
    )
    expect(reading.length).toBeGreaterThan(0)
    expect([...pagesReadingQuery].sort()).toEqual(reading.sort())
  })

  it.each([
    ['GET', '/ru/stories/tag/community?poison=x', '/ru/stories/tag/community'],
    ['GET', '/en?fbclid=abc&utm_source=mail', '/en'],
    ['HEAD', '/kk/stories/the-first-circle?utm_campaign=a', '/kk/stories/the-first-circle'],
    ['GET', '/en/stories?_rsc=1a2b&utm_source=x', '/en/stories'],
    ['GET', '/en/feed.xml?x=1', '/en/feed.xml'],
    ['GET', '/en/./stories?x=1', '/en/./stories'],
    ['GET', '/en/search?q=women', '/en/search?q=women'],
    ['GET', '/en/search/?q=women', '/en/search/?q=women'],
    ['GET', '/ru/get-involved?story=a&from=story', '/ru/get-involved?story=a&from=story'],
    ['GET', '/ru/get-involved/give?amount=5000', '/ru/get-involved/give?amount=5000'],
    ['GET', '/en/updates/confirm?token=t', '/en/updates/confirm?token=t'],
    ['GET', '/kk/updates/unsubscribe?token=t', '/kk/updates/unsubscribe?token=t'],
    ['GET', '/sitemap.xml?part=stories-1', '/sitemap.xml?part=stories-1'],
    ['GET', '/api/stories?limit=1', '/api/stories?limit=1'],
    ['GET', '/admin/collections/stories?page=2', '/admin/collections/stories?page=2'],
    ['GET', '/next/preview?secret=s', '/next/preview?secret=s'],
    ['POST', '/en/stories?x=1', '/en/stories?x=1'],
    ['GET', '/en/stories', '/en/stories'],
  ])('%s %s is asked as %s', (method, url, asked) => {
    const req = { method, url, headers: {} }
    dropUnreadQuery(req)
    expect(req.url).toBe(asked)
  })

  it('keeps the router’s own `_rsc` on the router’s fetches only', () => {
    const fetch = { method: 'GET', url: '/en/stories?_rsc=1a2b&utm_source=x', headers: { rsc: '1' } }
    dropUnreadQuery(fetch)
    expect(fetch.url).toBe('/en/stories?_rsc=1a2b')
  })
})
