import { expect, type Page, test } from './fixtures'

/**
 * Every public page type, loaded in Chromium as a visitor would, on the production build with
 * the server URL set as an operator sets it: no request may fail (no 4xx or 5xx for a page's
 * images, scripts, styles or fonts), nothing may be logged as an error, and every image must
 * actually load.
 */

type Problem = string

function watch(page: Page, expectedStatus: number): Problem[] {
  const problems: Problem[] = []
  page.on('console', (message) => {
    // Chromium logs the page's own 404 as an error; that one is expected on the 404 page.
    const ownStatus = message.text().includes(`status of ${expectedStatus}`) && message.location().url === page.url()
    if (message.type() === 'error' && !ownStatus)
      problems.push(`console: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    // A navigation away aborts what was still loading; that is not a failure of the page.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`)
  })
  page.on('response', (response) => {
    const isDocument = response.request().resourceType() === 'document'
    const expected = isDocument ? expectedStatus : 200
    if (response.status() >= 400 && response.status() !== expected) {
      problems.push(`${response.status()}: ${response.url()}`)
    }
  })
  return problems
}

async function loadFully(page: Page, path: string): Promise<number> {
  const response = await page.goto(path, { waitUntil: 'load' })
  // Lazy images load as they come into view: each is brought into view in turn and waited for,
  // so one the browser was slow to start is judged once it has had its chance, not mid-flight.
  await page.evaluate(async () => {
    for (const image of document.querySelectorAll('img')) {
      image.scrollIntoView({ block: 'center' })
      if (image.complete) continue
      await new Promise((settled) => {
        image.addEventListener('load', settled, { once: true })
        image.addEventListener('error', settled, { once: true })
        // One that never starts is reported by the check below, with its address.
        setTimeout(settled, 15_000)
      })
    }
  })
  await page.waitForLoadState('networkidle')
  return response?.status() ?? 0
}

test('every public page type loads with no failed request, no console error and every image shown', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000)
  // No critical client hint: Chromium would request every first page twice.
  expect((await request.get('/en')).headers()['critical-ch']).toBeUndefined()
  const first = async (collection: string) => {
    const { docs } = await (await request.get(`/api/${collection}?limit=1&depth=0&sort=-createdAt`)).json()
    expect(docs.length, collection).toBeGreaterThan(0)
    return docs[0].slug as string
  }
  const [story, program, tag] = await Promise.all([first('stories'), first('programs'), first('tags')])
  const pages = (locale: string) => [
    `/${locale}`,
    `/${locale}/stories`,
    `/${locale}/stories/page/2`,
    `/${locale}/stories/${story}`,
    `/${locale}/stories/program/${program}`,
    `/${locale}/stories/tag/${tag}`,
    `/${locale}/programs`,
    `/${locale}/programs/${program}`,
    `/${locale}/get-involved`,
    `/${locale}/get-involved?from=story:${story}`,
    `/${locale}/get-involved?from=program:${program}&giveError=amount`,
    `/${locale}/search?q=a`,
    `/${locale}/updates/confirm?token=not-valid`,
    `/${locale}/updates/unsubscribe?token=not-valid`,
  ]
  const visits: Array<[string, number]> = [
    ...pages('en').map((path): [string, number] => [path, 200]),
    ...['ru', 'kk']
      .flatMap((locale) => [
        `/${locale}`,
        `/${locale}/stories/${story}`,
        `/${locale}/programs/${program}`,
        `/${locale}/get-involved?from=story:${story}`,
      ])
      .map((path): [string, number] => [path, 200]),
    ['/en/no-such-page', 404],
  ]
  for (const [path, status] of visits) {
    const problems = watch(page, status)
    expect(await loadFully(page, path), path).toBe(status)
    const images = await page.locator('main img').evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({
        src: img.currentSrc || img.src,
        ok: img.complete && img.naturalWidth > 0,
      })),
    )
    for (const image of images) expect(image.ok, `${path}: ${image.src}`).toBe(true)
    for (const event of ['console', 'pageerror', 'requestfailed', 'response'] as const) page.removeAllListeners(event)
    expect(problems, path).toEqual([])
  }
  // Some page type shows images, so the check above is not vacuous.
  await loadFully(page, `/en/stories/${story}`)
  expect(await page.locator('main img').count()).toBeGreaterThan(0)
})
