/**
 * What the first load of each public page type weighs, gzip, beside the framework's floor.
 *
 *   node bench/weight.mjs --data <seeded data folder> [--port 3542] [--pages home,story,...]
 *
 * On a copy of the data folder, the production server (`npm start`, after `npm run build`) on
 * 127.0.0.1 is asked for each page type (bench/lib/helpers.mjs, `publicPages`) twice, so that the
 * second answer comes from the page cache as a visitor's would. Its HTML is read for everything a
 * first load pulls: scripts (and script preloads), stylesheets, font preloads, the web fonts the
 * page's text needs (by each `@font-face`'s `unicode-range`), and the images it does not lazy-load
 * (and image preloads), taking from a `srcset` the candidate Lighthouse's phone (412 CSS px wide at
 * 1.75 device pixels a px) would pick. Each is fetched; text (HTML, JS, CSS) is measured gzipped
 * with node's zlib at its default level, fonts and images as they are (already compressed).
 *
 * The framework floor is the JS every app-router page of this build loads whatever Voices does,
 * read from the build's manifests (`.next/build-manifest.json`'s `rootMainFiles` and
 * `polyfillFiles`, and the entry chunks of Next's built-in `/_global-error` page, a blank
 * app-router page in the same build). Each page is reported against the performance issue's
 * budget: its own JS (first-load JS less the floor) at most 10 KB gzip.
 *
 * Prints one JSON object. Exits 1 if a page answers another status than expected or anything it
 * pulls cannot be fetched; a missed budget is reported, not a failure. PAYLOAD_SECRET must be the
 * one the data folder was made with.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import zlib from 'node:zlib'

import {
  copyDataFolder,
  killTree,
  pickPages,
  publicPages,
  readOptions,
  round,
  runContext,
  startVoices,
  stopServer,
} from './lib/helpers.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const KB = 1024
/** The performance issue's budget: a page's own first-load JS beyond the framework floor, gzip. */
const OWN_JS_BUDGET = 10 * KB
/** Lighthouse's mobile screen (its default form factor): what `sizes` and `srcset` are read for. */
const VIEWPORT = { width: 412, deviceScaleFactor: 1.75 }

function fail(reason) {
  console.error(`weight: ${reason}`)
  process.exit(1)
}

const values = readOptions('weight', {
  options: {
    data: { type: 'string', default: 'data/e2e' },
    port: { type: 'string', default: '3542' },
    pages: { type: 'string' },
  },
}).values
const port = Number(values.port)
if (!Number.isInteger(port) || port < 1024 || port > 65534) fail('--port must be a whole number from 1024 to 65534')
if (!process.env.PAYLOAD_SECRET) fail('Set PAYLOAD_SECRET to the secret the data folder was made with.')
const source = path.resolve(values.data)
if (!fs.existsSync(path.join(source, 'voices.db'))) fail(`No database in ${source}: give --data a seeded data folder.`)
const distDir = path.join(root, '.next')
if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) fail('No production build in .next: run `npm run build` first.')

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-weight-'))
let server = null
process.on('exit', () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    killTree(server.child.pid, 'SIGKILL')
  fs.rmSync(scratch, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => fail(`stopped by ${signal}`))

const gzipSize = (buffer) => zlib.gzipSync(buffer).length

/** The JS any app-router page of this build loads, from the build's own manifests. */
function frameworkFloor() {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8'))
  // Next names the polyfills with `noModule` (current browsers skip them); `.module.js` ones it leaves out.
  const polyfills = (manifest.polyfillFiles ?? []).filter((f) => f.endsWith('.js') && !f.endsWith('.module.js'))
  const blankPage = '/_global-error/page'
  const context = { globalThis: {} }
  context.globalThis = context
  vm.runInNewContext(
    fs.readFileSync(path.join(distDir, 'server/app', `${blankPage}_client-reference-manifest.js`), 'utf8'),
    context,
  )
  const entries = context.__RSC_MANIFEST?.[blankPage]?.entryJSFiles
  if (!entries) throw new Error(`no entry chunks for ${blankPage} in its client reference manifest`)
  const blankPageFiles = [...new Set(Object.values(entries).flat())].filter((f) => f.endsWith('.js'))
  const parts = { rootMainFiles: manifest.rootMainFiles ?? [], polyfillFiles: polyfills, blankPageFiles }
  if (parts.rootMainFiles.length === 0) throw new Error('build-manifest.json lists no rootMainFiles')
  const files = new Map()
  for (const [part, list] of Object.entries(parts)) {
    for (const file of list) {
      if (files.has(file)) continue
      const bytes = fs.readFileSync(path.join(distDir, file))
      files.set(file, { file: `/_next/${file}`, part, bytes: bytes.length, gzip: gzipSize(bytes) })
    }
  }
  const chunks = [...files.values()]
  const sum = (list) => list.reduce((n, chunk) => n + chunk.gzip, 0)
  return {
    jsGzip: sum(chunks),
    noModuleJsGzip: sum(chunks.filter((chunk) => chunk.part === 'polyfillFiles')),
    blankPage,
    chunks,
  }
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      )
    return entities[name.toLowerCase()] ?? whole
  })
}

function attributesOf(text) {
  const attributes = {}
  for (const m of text.matchAll(/([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
    attributes[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')
  return attributes
}

/** The page's `<script>`, `<link>` and `<img>` tags. Inline scripts are emptied first: their strings are not tags. */
function tagsOf(html) {
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>')
  return [...markup.matchAll(/<(script|link|img)\b([^>]*)>/gi)].map((m) => ({
    name: m[1].toLowerCase(),
    attributes: attributesOf(m[2]),
  }))
}

/** The text a reader sees, for the fonts it needs: the body without scripts, styles and tags. */
function visibleText(html) {
  const body = html.slice(Math.max(0, html.search(/<body\b/i)))
  return decodeEntities(
    body
      .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' '),
  )
}

/** A CSS length in `sizes` as CSS px on the phone's screen; null for what this reader does not follow (calc). */
function cssPx(length) {
  const m = /^([\d.]+)(px|vw|rem|em)$/.exec(length.trim())
  if (!m) return null
  const n = Number(m[1])
  return { px: n, vw: (n * VIEWPORT.width) / 100, rem: n * 16, em: n * 16 }[m[2]]
}

function mediaMatches(query) {
  const conditions = [...query.matchAll(/\(\s*(min|max)-width\s*:\s*([^)]+)\)/g)]
  if (conditions.length === 0 || query.replace(/\([^)]*\)|and|\s/g, '') !== '') return false
  return conditions.every(([, side, length]) => {
    const px = cssPx(length)
    return px !== null && (side === 'min' ? VIEWPORT.width >= px : VIEWPORT.width <= px)
  })
}

/** The width an image slot gets on the phone, from `sizes` (the whole screen if none matches). */
function slotWidth(sizes) {
  for (const entry of (sizes ?? '').split(',')) {
    const m = /^\s*(\(.*\))?\s*([^\s()]+)\s*$/.exec(entry)
    if (!m) continue
    if (m[1] && !mediaMatches(m[1])) continue
    const px = cssPx(m[2])
    if (px !== null) return px
  }
  return VIEWPORT.width
}

/** The `srcset` candidate the phone would take: the narrowest at least as wide as the slot in device pixels. */
function chooseFromSrcset(srcset, sizes, fallback) {
  const candidates = (srcset ?? '')
    .split(/,\s+/)
    .map((entry) => entry.trim().split(/\s+/))
    .filter(([url]) => url)
    .map(([url, descriptor = '1x']) => ({
      url,
      width: descriptor.endsWith('w') ? Number(descriptor.slice(0, -1)) : null,
      density: descriptor.endsWith('x') ? Number(descriptor.slice(0, -1)) : null,
    }))
  if (candidates.length === 0) return fallback
  if (candidates.every((c) => c.width)) {
    const needed = slotWidth(sizes) * VIEWPORT.deviceScaleFactor
    const sorted = candidates.sort((a, b) => a.width - b.width)
    return (sorted.find((c) => c.width >= needed) ?? sorted.at(-1)).url
  }
  const byDensity = candidates.filter((c) => c.density).sort((a, b) => a.density - b.density)
  return (byDensity.find((c) => c.density >= VIEWPORT.deviceScaleFactor) ?? byDensity.at(-1) ?? { url: fallback }).url
}

/** Every `@font-face` of a stylesheet: its family, first font file and the code points it covers. */
function fontFaces(css, cssUrl) {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, block]) => {
    const src = /url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(block)
    if (!src) return []
    const family = /font-family\s*:\s*['"]?([^'";]+)/.exec(block)?.[1]
    const range = /unicode-range\s*:\s*([^;]+)/.exec(block)?.[1]
    const spans = range
      ? range.split(',').map((part) => {
          const value = part.trim().replace(/^U\+/i, '')
          // `U+4??` is the range U+400 to U+4FF.
          if (value.includes('?'))
            return [parseInt(value.replace(/\?/g, '0'), 16), parseInt(value.replace(/\?/g, 'f'), 16)]
          const [from, to = from] = value.split('-')
          return [parseInt(from, 16), parseInt(to, 16)]
        })
      : [[0, 0x10ffff]]
    return [{ family, url: new URL(src[1], cssUrl).href, spans }]
  })
}

async function fetchBody(url, accept) {
  const response = await fetch(url, {
    headers: { accept, 'accept-language': 'en' },
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  })
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, body }
}

const loaded = new Map()
/** One resource, once per run; text is measured gzipped, the rest as it is. */
async function resource(url, kind) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      (async () => {
        // Uploads are named by the public address the build was made for (NEXT_PUBLIC_SERVER_URL
        // is fixed at build time), which need not be this server's; the security policy lets a
        // page load nothing from anywhere else, so every path is asked of the server measured.
        const { pathname, search } = new URL(url)
        const { status, body } = await fetchBody(`${server.base}${pathname}${search}`, '*/*')
        if (status !== 200) return { url, kind, error: `answered ${status}` }
        const text = kind === 'script' || kind === 'stylesheet'
        return { url, kind, bytes: body.length, gzip: text ? gzipSize(body) : null, body: text ? body : null }
      })(),
    )
  }
  return loaded.get(url)
}

async function weigh(page, floor) {
  const url = `${server.base}${page.path}`
  // The first answer may be a render; the second is what the page cache hands every visitor.
  await fetchBody(url, 'text/html')
  const { status, body } = await fetchBody(url, 'text/html')
  const problems = []
  if (status !== page.status) problems.push(`${page.path} answered ${status}, not ${page.status}`)
  const html = body.toString('utf8')
  const at = (href) => new URL(href, url).href

  const scripts = new Map()
  const stylesheets = new Set()
  const fonts = new Map()
  const images = new Set()
  let lazyImages = 0
  for (const { name: tag, attributes: a } of tagsOf(html)) {
    const rel = (a.rel ?? '').toLowerCase().split(/\s+/)
    if (tag === 'script' && a.src) {
      const src = at(a.src)
      // A script both preloaded and loaded is one download; `noModule` only if every mention says so.
      scripts.set(src, (scripts.get(src) ?? true) && 'nomodule' in a)
    } else if (tag === 'link' && a.href && rel.includes('stylesheet')) stylesheets.add(at(a.href))
    else if (tag === 'link' && rel.includes('preload') && a.as === 'style' && a.href) stylesheets.add(at(a.href))
    else if (
      tag === 'link' &&
      (rel.includes('modulepreload') || (rel.includes('preload') && a.as === 'script')) &&
      a.href
    )
      scripts.set(at(a.href), false)
    else if (tag === 'link' && rel.includes('preload') && a.as === 'font' && a.href) fonts.set(at(a.href), 'preload')
    else if (tag === 'link' && rel.includes('preload') && a.as === 'image')
      images.add(at(chooseFromSrcset(a.imagesrcset, a.imagesizes, a.href)))
    else if (tag === 'img') {
      if ((a.loading ?? '').toLowerCase() === 'lazy') lazyImages += 1
      else if (a.src || a.srcset) images.add(at(chooseFromSrcset(a.srcset, a.sizes, a.src)))
    }
  }
  for (const image of [...images]) if (image.startsWith('data:')) images.delete(image)

  const jsChunks = []
  for (const [src, noModule] of scripts) {
    const r = await resource(src, 'script')
    if (r.error) problems.push(`${src} ${r.error}`)
    else
      jsChunks.push({
        file: new URL(src).pathname,
        bytes: r.bytes,
        gzip: r.gzip,
        floor: floor.files.has(new URL(src).pathname),
        noModule,
      })
  }
  const text = visibleText(html)
  const codePoints = new Set([...text].map((c) => c.codePointAt(0)))
  // A browser downloads a face only when text on the page falls in its range.
  const facesNeeded = (cssText, base) => {
    for (const face of fontFaces(cssText, base))
      if (!fonts.has(face.url) && face.spans.some(([from, to]) => [...codePoints].some((c) => c >= from && c <= to)))
        fonts.set(face.url, 'unicode-range')
  }
  const css = []
  for (const href of stylesheets) {
    const r = await resource(href, 'stylesheet')
    if (r.error) {
      problems.push(`${href} ${r.error}`)
      continue
    }
    css.push({ file: new URL(href).pathname, bytes: r.bytes, gzip: r.gzip })
    facesNeeded(r.body.toString('utf8'), href)
  }
  // Styles inside the page itself (next.config.mjs, `inlineCss`) count in its HTML, their fonts here.
  for (const [, inline] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) facesNeeded(inline, url)
  const fontList = []
  for (const [href, why] of fonts) {
    const r = await resource(href, 'font')
    if (r.error) problems.push(`${href} ${r.error}`)
    else fontList.push({ file: new URL(href).pathname, bytes: r.bytes, why })
  }
  const imageList = []
  for (const href of images) {
    const r = await resource(href, 'image')
    if (r.error) problems.push(`${href} ${r.error}`)
    else imageList.push({ url: new URL(href).pathname, bytes: r.bytes })
  }

  const sum = (list, key) => list.reduce((n, item) => n + item[key], 0)
  const htmlGzip = gzipSize(body)
  const firstLoadJsGzip = sum(jsChunks, 'gzip')
  const noModuleJsGzip = sum(
    jsChunks.filter((chunk) => chunk.noModule),
    'gzip',
  )
  const ownJsGzip = firstLoadJsGzip - floor.jsGzip
  const cssGzip = sum(css, 'gzip')
  const fontsBytes = sum(fontList, 'bytes')
  const imagesBytes = sum(imageList, 'bytes')
  const loadedFiles = new Set(jsChunks.map((chunk) => chunk.file))
  return {
    problems,
    report: {
      path: page.path,
      status,
      htmlGzip,
      firstLoadJsGzip,
      noModuleJsGzip,
      ownJsGzip,
      cssGzip,
      fontsBytes,
      imagesBytes,
      // What a current browser downloads: the `noModule` polyfills are named but skipped.
      totalTransfer: htmlGzip + firstLoadJsGzip - noModuleJsGzip + cssGzip + fontsBytes + imagesBytes,
      requests:
        1 + jsChunks.filter((chunk) => !chunk.noModule).length + css.length + fontList.length + imageList.length,
      budget: { ownJsGzipAtMost: OWN_JS_BUDGET, met: ownJsGzip <= OWN_JS_BUDGET },
      // Expected empty: every page loads the whole floor, or `ownJsGzip` undercounts.
      floorFilesNotLoaded: [...floor.files].filter((file) => !loadedFiles.has(file)),
      jsChunks,
      stylesheets: css,
      fonts: fontList,
      images: imageList,
      lazyImages,
    },
  }
}

const began = Date.now()
const loadAtStart = os.loadavg()
let floor
try {
  floor = frameworkFloor()
} catch (error) {
  fail(`cannot read the framework floor from .next: ${error.message}`)
}
floor.files = new Set(floor.chunks.map((chunk) => chunk.file))

console.error('weight: copying the data folder')
const dataDir = await copyDataFolder(source, path.join(scratch, 'data'))
console.error('weight: starting Voices')
try {
  server = await startVoices({ root, port, dataDir })
} catch (error) {
  fail(error.message)
}
let pages
try {
  const known = await publicPages(server.base)
  pages = values.pages ? pickPages(known, values.pages) : known
} catch (error) {
  await stopServer(server.child)
  fail(error.message)
}

const results = {}
const problems = []
for (const [name, page] of Object.entries(pages)) {
  console.error(`weight: ${page.path}`)
  const result = await weigh(page, floor)
  results[name] = result.report
  problems.push(...result.problems)
}
const stopped = await stopServer(server.child)

const kb = (bytes) => round(bytes / KB, 1)
const report = {
  ...runContext(root, loadAtStart),
  buildId: fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim(),
  units: 'bytes; gzip is node zlib at its default level; KB in the summary is 1,024 bytes',
  viewport: VIEWPORT,
  floor: {
    jsGzip: floor.jsGzip,
    noModuleJsGzip: floor.noModuleJsGzip,
    blankPage: floor.blankPage,
    chunks: floor.chunks,
  },
  budget: { ownJsGzipAtMost: OWN_JS_BUDGET, firstLoadJsGzipAtMost: floor.jsGzip + OWN_JS_BUDGET },
  summary: Object.fromEntries(
    Object.entries(results).map(([name, page]) => [
      name,
      {
        firstLoadJsKB: kb(page.firstLoadJsGzip),
        ownJsKB: kb(page.ownJsGzip),
        cssKB: kb(page.cssGzip),
        htmlKB: kb(page.htmlGzip),
        fontsKB: kb(page.fontsBytes),
        imagesKB: kb(page.imagesBytes),
        totalKB: kb(page.totalTransfer),
        met: page.budget.met,
      },
    ]),
  ),
  pages: results,
  allMet: Object.values(results).every((page) => page.budget.met),
  problems,
  serverStopped: stopped,
  totalSeconds: round((Date.now() - began) / 1000, 1),
}
console.log(JSON.stringify(report, null, 2))
if (problems.length) fail(`${problems.length} problems:\n${problems.join('\n')}`)
