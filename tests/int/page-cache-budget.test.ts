import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The page cache keeps at most `VOICES_PAGE_CACHE_MB` of pages and queries, dropping the least
 * recently used first, so a crawl of every page, language and filter cannot grow memory without
 * end. Here the budget is 1 MB and each page about 300 kB.
 */
type Handler = {
  get: (key: string, ctx: unknown) => Promise<{ value: { html: string } } | null>
  set: (key: string, data: unknown, ctx: unknown) => Promise<void>
  revalidateTag: (tags: string[]) => Promise<void>
}

let cache: Handler
let usage: () => { entries: number; bytes: number }

beforeAll(async () => {
  process.env.VOICES_PAGE_CACHE_MB = '1'
  const handler = (await import('@/lib/cache/handler.mjs')) as unknown as {
    default: new (options: unknown) => Handler
    cacheUsage: typeof usage
  }
  cache = new handler.default({})
  usage = handler.cacheUsage
})

const ctx: { kind: string; tags: string[]; softTags: string[] } = { kind: 'APP_PAGE', tags: [], softTags: [] }
const page = (n: number) => ({ kind: 'APP_PAGE', html: `<p>${n}</p>`.padEnd(300_000, ' '), headers: {} })

/** As Next.js does: a lookup that misses, the render, then the store. */
async function render(n: number, context = ctx) {
  expect(await cache.get(`/page/${n}`, context)).toBeNull()
  await cache.set(`/page/${n}`, page(n), context)
}

const served = async (n: number) => (await cache.get(`/page/${n}`, ctx))?.value.html.trim() ?? null

describe('the page cache’s memory', () => {
  it('stays within its budget, dropping the least recently used pages first', async () => {
    for (const n of [1, 2, 3]) await render(n)
    expect(usage().entries).toBe(3)
    // Page 1 is read again, so page 2 is now the least recently used.
    expect(await served(1)).toBe('<p>1</p>')
    for (const n of [4, 5, 6, 7, 8, 9, 10]) await render(n)
    expect(usage().bytes).toBeLessThanOrEqual(1024 * 1024)
    expect(usage().entries).toBe(3)
    expect(await served(10)).toBe('<p>10</p>')
    expect(await served(2)).toBeNull()
  })

  it('counts a page once however often it is stored again', async () => {
    const before = usage()
    const edited = { ...ctx, tags: ['edited'] }
    for (let i = 0; i < 5; i += 1) {
      // An edit expires the page; the next visit renders and stores it again.
      await cache.revalidateTag(['edited'])
      await new Promise((resolve) => setTimeout(resolve, 2))
      await render(10_000, edited)
    }
    expect(await served(10_000)).toBe('<p>10000</p>')
    const after = usage()
    expect(after.entries).toBeLessThanOrEqual(before.entries + 1)
    expect(after.bytes).toBeLessThanOrEqual(1024 * 1024)
  })
})
