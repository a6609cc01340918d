import { type Browser, type BrowserContext, expect, test as base } from '@playwright/test'

export * from '@playwright/test'

/**
 * Every spec runs under this `test`: whatever a test does in the browser (the public site, the
 * admin, Live Preview, uploads), nothing may be refused by Voices' Content-Security-Policy.
 * Chromium reports each refusal on the console; a policy that blocked one of Voices' own scripts,
 * styles, images or frames would leave a page quietly broken, so it fails the test that met it.
 */
const violation = /Content Security Policy/i

/** The refusals seen while the current test runs. */
let found: string[] = []

/** For a test that provokes refusals on purpose: the ones seen so far, which then no longer count. */
export function takeRefusals(): string[] {
  const taken = found
  found = []
  return taken
}

function watch(context: BrowserContext): void {
  context.on('console', (message) => {
    if (violation.test(message.text())) found.push(`${message.page()?.url() ?? '?'}: ${message.text()}`)
  })
}

export const test = base.extend<{ contentSecurityPolicy: void }, { watchedBrowser: void }>({
  // Every context a test uses is watched: its own, and any a spec opens itself (a second
  // visitor, another role, one shared by a whole file).
  watchedBrowser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser)
      const watched: Browser['newContext'] = async (options) => {
        const opened = await newContext(options)
        watch(opened)
        return opened
      }
      browser.newContext = watched
      await use()
      browser.newContext = newContext
    },
    { scope: 'worker', auto: true },
  ],
  contentSecurityPolicy: [
    // Needs no page of its own: every context, the test's own included, is opened through the
    // watched browser, so a test that only calls the API pays nothing.
    async ({ watchedBrowser: _ }, use) => {
      found = []
      await use()
      expect(found, 'refused by the Content-Security-Policy').toEqual([])
    },
    { auto: true },
  ],
})
