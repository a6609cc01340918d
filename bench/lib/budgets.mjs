/**
 * The performance issue's budgets, and the figures each benchmark's JSON holds for them: one row
 * per figure, `{ bench, figure, measured, budget, met }` (`met` left out where there is no budget).
 * A benchmark that did not run, or printed nothing, gives no rows.
 */
const num = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : 'n/a')
const seconds = (s) => (typeof s === 'number' ? `${s} s` : 'n/a')

function read(r) {
  const rows = []
  const at = (table, page, i) => table?.[page]?.runs?.[i]
  const connections = r.cached?.story?.runs?.map((run) => run.connections) ?? []
  connections.forEach((n, i) => {
    const own = at(r.cached, 'story', i)
    rows.push({
      bench: 'read',
      figure: `cached story, \`npm start\`, ${n} conn.`,
      measured: `${num(own?.requestsPerSecond)} req/s, p99 ${num(own?.p99Ms)} ms`,
      budget: '≥ 1,500 req/s',
      met: own?.requestsPerSecond >= 1500,
    })
    const front = at(r.throughFront, 'story', i)
    rows.push({
      bench: 'read',
      figure: `cached story, through the front, ${n} conn.`,
      measured: `${num(front?.requestsPerSecond)} req/s, p99 ${num(front?.p99Ms)} ms`,
      budget: '≥ 5,000 req/s, p99 < 50 ms',
      met: front?.requestsPerSecond >= 5000 && front?.p99Ms < 50,
    })
    const nginx = at(r.fromNginx, 'story', i)
    rows.push({
      bench: 'read',
      figure: `same HTML from nginx, ${n} conn.`,
      measured: `${num(nginx?.requestsPerSecond)} req/s (the limit)`,
    })
  })
  rows.push({ bench: 'read', figure: 'what the page cache buys (story)', measured: `${r.cacheSpeedup}×` })
  return rows
}

function weight(r) {
  return Object.entries(r.summary ?? {}).map(([page, s]) => ({
    bench: 'weight',
    figure: `${page}: first-load JS, gzip`,
    measured: `${s.firstLoadJsKB} KB (${s.ownJsKB} KB own beyond the ${Math.round((r.floor?.jsGzip ?? 0) / 1024)} KB floor); total ${s.totalKB} KB`,
    budget: 'floor + 10 KB',
    met: s.met,
  }))
}

function lighthouse(r) {
  return Object.entries(r.summary ?? {}).map(([page, s]) => ({
    bench: 'lighthouse',
    figure: `${page}: perf / a11y / bp / seo, LCP`,
    measured: `${s.performance} / ${s.accessibility} / ${s.bestPractices ?? s['best-practices']} / ${s.seo}, LCP ${num(s.lcpMs)} ms`,
    budget: '98+ / 100 / 100 / 100, LCP < 1,800 ms',
    met: s.met,
  }))
}

function publish(label) {
  return (r) => {
    const rows = Object.entries(r.publishToLive?.surfaces ?? {}).map(([surface, s]) => ({
      bench: label,
      figure: `publish to live, ${surface}: p50 / p95`,
      measured: `${seconds(s.seconds?.p50)} / ${seconds(s.seconds?.p95)}`,
      budget: 'p95 < 1 s',
      met: s.seconds?.p95 < 1,
    }))
    rows.push({
      bench: label,
      figure: 'takedown (withdrawal to gone everywhere): p50 / max',
      measured: `${seconds(r.takedown?.seconds?.p50)} / ${seconds(r.takedown?.seconds?.max)}`,
      budget: '< 5 s',
      met: r.takedown?.seconds?.max < 5,
    })
    return rows
  }
}

function coldStart(r) {
  const rows = []
  if (r.install)
    rows.push({
      bench: 'cold start',
      figure: '`npm install`',
      measured: `${seconds(r.install.seconds)}, peak ${num(r.install.peakRssMB)} MB`,
    })
  if (r.build)
    rows.push({
      bench: 'cold start',
      figure: '`npm run build`',
      measured: `${seconds(r.build.seconds)}, peak ${num(r.build.peakRssMB)} MB`,
    })
  rows.push({
    bench: 'cold start',
    figure: 'server start to first page (empty database)',
    measured: `${seconds(r.start?.secondsToFirstPage)}, peak ${num(r.start?.peakRssMB)} MB`,
  })
  if (r.install && r.build)
    rows.push({ bench: 'cold start', figure: 'clone to first page', measured: seconds(r.totalSeconds) })
  return rows
}

function firstRun(r) {
  return [
    {
      bench: 'first run',
      figure: '`npm run dev` on nothing to the seeded home page',
      measured: seconds(r.servedMs === null || r.servedMs === undefined ? null : Math.round(r.servedMs / 100) / 10),
      budget: '≤ 120 s',
      met: typeof r.servedMs === 'number' && r.servedMs <= 120_000,
    },
  ]
}

function scale(r) {
  const connections = r.options?.connections
  return [
    ...(r.budgets ?? []).map((b) => ({
      bench: 'scale',
      figure: b.figure,
      measured: b.measured,
      budget: b.budget,
      met: b.met,
    })),
    // What a render nobody shares costs (no budget): each request asks for another page.
    ...Object.entries(r.everyRequestNew ?? {}).map(([page, run]) => ({
      bench: 'scale',
      figure: `${page} p95, uncached, ${connections} conn., each request another page`,
      measured: `${num(run.latencyMs?.p95)} ms`,
    })),
  ]
}

const byBench = {
  read,
  weight,
  lighthouse,
  publish: publish('publish'),
  publishThroughFront: publish('publish through the front'),
  coldStart,
  firstRun,
  scale,
}

export function summaries(results) {
  return Object.entries(results).flatMap(([name, result]) => (result && byBench[name] ? byBench[name](result) : []))
}
