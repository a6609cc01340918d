/**
 * Voices at scale, generated fast for bench/scale.mjs: a seeded data folder grown to thousands of
 * published stories in every language, with programs, leaders and participants with consent,
 * written with plain SQL in one transaction while no server runs. Through Payload's local API,
 * 10,000 stories would take an hour or more (every save runs the consent gate, the sign-off, the
 * derived text and a new version); here each generated document is a clone of a seeded one,
 * every ID, slug and name remapped, and every derived value worked out by Voices' own functions
 * (sign-off digest, search text and index, excerpt), bundled from the source with esbuild. So a
 * generated story is as published and as valid as one published through the admin: its featured
 * people have written consent, its sign-off holds for exactly its content, and its latest version
 * row is the published document, as the admin's list and the publish check read it.
 *
 * The schema is read from the database, not assumed: rows are cloned column by column from the
 * seeded ones (a column added later keeps the seeded value), and the rows a document owns are
 * found through the foreign keys of its tables (`_parent_id`/`parent_id`, deleted with it).
 */
import { createClient } from '@libsql/client'
import { build } from 'esbuild'
import crypto from 'node:crypto'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Most bound values in one INSERT, well under SQLite's limit. */
const maxValuesPerStatement = 8_000

/**
 * Voices' own derivations, from the TypeScript source: what a save would store is worked out by
 * the same code. npm packages are loaded from the project's node_modules, wherever the bundle is.
 */
async function voicesDerivations(scratch) {
  const packagesFromProject = {
    name: 'packages-from-project',
    setup(builder) {
      // Voices' own aliases (`@/…`, `@payload-config`) are left to tsconfig.json.
      builder.onResolve({ filter: /^[^./]/ }, (args) =>
        /^(@\/|@payload-config$|node:)/.test(args.path)
          ? undefined
          : { path: import.meta.resolve(args.path), external: true },
      )
    },
  }
  const outfile = path.join(scratch, 'voices-derivations.mjs')
  await build({
    absWorkingDir: root,
    stdin: {
      contents: [
        "export { signedContentDigest } from '@/privacy/publishing/signOff'",
        "export { searchIndexOf } from '@/lib/search/fold'",
        "export { plainText, truncateAtWord } from '@/lib/richText/plainText'",
        "export { numberedSlug } from '@/lib/slugify'",
        "export { locales } from '@/lib/locales'",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'scale-derivations.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    outfile,
    logLevel: 'warning',
    plugins: [packagesFromProject],
  })
  return import(pathToFileURL(outfile).href)
}

const plain = (result) => result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])))

/** Every table's columns and the tables whose rows belong to its rows (deleted with them). */
async function readSchema(db) {
  const tables = new Map()
  const names = plain(await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => r.name)
  for (const name of names) {
    const columns = plain(await db.execute(`PRAGMA table_info("${name}")`))
    const keys = plain(await db.execute(`PRAGMA foreign_key_list("${name}")`))
    tables.set(name, { name, columns, keys, owned: [] })
  }
  for (const table of tables.values()) {
    for (const key of table.keys) {
      const parent = tables.get(key.table)
      if (parent && ['_parent_id', 'parent_id'].includes(key.from) && key.on_delete === 'CASCADE') {
        parent.owned.push({ table: table.name, column: key.from })
      }
    }
  }
  return tables
}

/** A new ID shaped like the one it replaces: a UUID, or the 24 hex digits Payload gives array rows. */
function newIdLike(old) {
  return typeof old === 'string' && old.length === 36 ? crypto.randomUUID() : crypto.randomBytes(12).toString('hex')
}

/** A small seeded generator, so that two runs with the same numbers generate the same spread. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A, B, … Z, AA, AB, …: what tells generated people apart in their public names. */
function letters(n) {
  let s = ''
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}

/**
 * Rows queued per table and written as multi-row INSERTs. Integer primary keys are numbered
 * here (from the table's highest), so rows that own others can be referred to before they are
 * written; foreign keys are checked at commit.
 */
class Writer {
  constructor(tx, schema) {
    this.tx = tx
    this.schema = schema
    this.pending = new Map()
    this.counts = {}
    this.nextInteger = new Map()
  }

  async integerId(table) {
    if (!this.nextInteger.has(table)) {
      const max = plain(await this.tx.execute(`SELECT max(id) AS max FROM "${table}"`))[0]?.max
      this.nextInteger.set(table, Number(max ?? 0) + 1)
    }
    const id = this.nextInteger.get(table)
    this.nextInteger.set(table, id + 1)
    return id
  }

  integerKeyed(table) {
    return this.schema.get(table).columns.some((c) => c.name === 'id' && c.pk && /^integer$/i.test(c.type))
  }

  async add(table, row) {
    const { columns } = this.schema.get(table)
    if (this.integerKeyed(table) && (row.id === undefined || row.id === null))
      row = { ...row, id: await this.integerId(table) }
    const rows = this.pending.get(table) ?? []
    rows.push(columns.map((c) => (row[c.name] === undefined ? null : row[c.name])))
    this.pending.set(table, rows)
    this.counts[table] = (this.counts[table] ?? 0) + 1
    // Every table at once, in the order their first rows came: parents before the rows they own,
    // so that no row waits for its parent (SQLite would search a new parent's children for it).
    if (rows.length * columns.length >= maxValuesPerStatement) await this.flushAll()
  }

  async flush(table) {
    const rows = this.pending.get(table)
    if (!rows?.length) return
    this.pending.set(table, [])
    const { columns } = this.schema.get(table)
    const one = `(${columns.map(() => '?').join(', ')})`
    await this.tx.execute({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES ${rows.map(() => one).join(', ')}`,
      args: rows.flat(),
    })
  }

  async flushAll() {
    for (const table of this.pending.keys()) await this.flush(table)
  }
}

/** A document's row and, recursively, every row it owns, as stored. */
async function readTree(db, schema, table, id) {
  const row = plain(await db.execute({ sql: `SELECT * FROM "${table}" WHERE id = ?`, args: [id] }))[0]
  if (!row) throw new Error(`no ${table} row ${id}`)
  return readOwned(db, schema, table, row)
}

async function readOwned(db, schema, table, row) {
  const owned = []
  for (const child of schema.get(table).owned) {
    const rows = plain(
      await db.execute({
        sql: `SELECT * FROM "${child.table}" WHERE "${child.column}" = ? ORDER BY id`,
        args: [row.id],
      }),
    )
    owned.push({ ...child, trees: await Promise.all(rows.map((r) => readOwned(db, schema, child.table, r))) })
  }
  return { table, row, owned }
}

/**
 * A copy of a tree under new IDs. `edit(table, row)` may change each copied row (its new ID and
 * new parent already set) and returns it; `skip` names owned tables left out (written apart).
 */
async function writeTree(writer, tree, { edit = (_, row) => row, skip = new Set(), parent } = {}) {
  const row = { ...tree.row, ...parent }
  row.id = writer.integerKeyed(tree.table) ? await writer.integerId(tree.table) : newIdLike(tree.row.id)
  const written = edit(tree.table, row)
  await writer.add(tree.table, written)
  for (const child of tree.owned) {
    if (skip.has(child.table)) continue
    for (const sub of child.trees) await writeTree(writer, sub, { edit, skip, parent: { [child.column]: written.id } })
  }
  return written
}

/** `{ relationTo, value }` references to people anywhere in a rich-text body, remapped by `to`. */
function remapPeople(body, to) {
  const visit = (node) => {
    if (Array.isArray(node)) return node.map(visit)
    if (!node || typeof node !== 'object') return node
    const out = {}
    for (const [key, value] of Object.entries(node)) out[key] = visit(value)
    if ((out.relationTo === 'participants' || out.relationTo === 'leaders') && out.value != null) {
      const id = typeof out.value === 'object' ? out.value.id : out.value
      out.value = to(out.relationTo, String(id))
    }
    return out
  }
  return visit(body)
}

/** People a body names (mentions, quotes' speakers), images it shows, in order. */
function bodyRefs(body) {
  const people = []
  const images = []
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const fields = node.fields
    const ref =
      fields?.blockType === 'personMention' ? fields.person : fields?.blockType === 'pullQuote' ? fields.speaker : null
    if (ref && (ref.relationTo === 'participants' || ref.relationTo === 'leaders') && ref.value != null) {
      people.push(`${ref.relationTo}:${typeof ref.value === 'object' ? ref.value.id : ref.value}`)
    }
    if (node.type === 'upload' && node.relationTo === 'media' && node.value != null) {
      images.push(String(typeof node.value === 'object' ? node.value.id : node.value))
    }
    Object.values(node).forEach(visit)
  }
  visit(body)
  return { people, images }
}

const parseJson = (text) => (typeof text === 'string' && text ? JSON.parse(text) : (text ?? null))
const unique = (list) => [...new Set(list.filter((x) => x !== null && x !== undefined && x !== ''))]

/**
 * Grows the database at `file` (no server may be using it) to `stories` published stories,
 * `programs` published programs, `leaders` leaders and `participants` participants, counting
 * what it already holds. One participant, "the withdrawn", is featured in `withdrawnIn` stories
 * spread over the years, the newest story among them, so that every list shows her before her
 * withdrawal. Returns what was written and what the measurements need.
 */
export async function generateScale(
  file,
  { stories, programs, leaders, participants, withdrawnIn, adminEmail, scratch, seed = 20261201 },
) {
  const began = Date.now()
  const voices = await voicesDerivations(scratch)
  const localeCodes = voices.locales.map((l) => l.code)
  const db = createClient({ url: pathToFileURL(file).href })
  try {
    const schema = await readSchema(db)
    for (const table of ['stories', 'stories_locales', 'stories_rels', 'stories_texts', '_stories_v', 'participants']) {
      if (!schema.has(table)) throw new Error(`the database has no ${table} table: is it a Voices database?`)
    }
    // Everything is read and written inside the one transaction: a copy made by `VACUUM INTO` is in
    // rollback-journal mode, where a second connection could not read while this one writes.
    // A scratch copy: no fsync per page, and the transaction's pages kept in memory rather than
    // spilled to the file halfway (the transaction takes this connection, pragmas and all).
    await db.execute('PRAGMA synchronous = OFF')
    await db.execute('PRAGMA cache_size = -262144')
    const tx = await db.transaction('write')
    let committed = false
    try {
      const all = async (sql, args = []) => plain(await tx.execute({ sql, args }))
      const rand = random(seed)
      const now = new Date()
      const year = now.getUTCFullYear()
      const consent = {
        consent_status: 'written',
        consent_given_at: `${year - 1}-01-01T00:00:00.000Z`,
        consent_expires_at: `${year + 5}-01-01T00:00:00.000Z`,
        consent_withdrawn_at: null,
        consent_withdrawal_reason: null,
        erased_at: null,
      }
      const scopes = ['name', 'photo', 'quotes', 'personalDetails']

      const users = await all('SELECT id, name, email FROM users ORDER BY created_at')
      const admin = users.find((u) => u.email === adminEmail) ?? users[0]
      if (!admin) throw new Error('the database has no user to sign stories off')

      // Stories to clone: published, their latest version the published one, and no image of
      // anyone (a photo needs that person's consent, and generated people are not in the photos).
      const showsPeople = new Set(
        (await all("SELECT DISTINCT parent_id FROM media_rels WHERE path = 'peopleShown'")).map((r) => r.parent_id),
      )
      const templates = []
      for (const story of await all("SELECT * FROM stories WHERE _status = 'published' ORDER BY published_at")) {
        if (!story.slug) continue
        const tree = await readTree(tx, schema, 'stories', story.id)
        const version = (
          await all('SELECT id FROM _stories_v WHERE parent_id = ? AND latest = 1 AND version__status = ?', [
            story.id,
            'published',
          ])
        )[0]
        if (!version) continue
        const owned = (table) => tree.owned.find((o) => o.table === table)?.trees.map((t) => t.row) ?? []
        const texts = owned('stories_texts')
        const media = texts.filter((t) => t.path === 'mediaUsed').map((t) => t.text)
        if ([story.hero_image_id, ...media].some((id) => id && showsPeople.has(id))) continue
        const locales = Object.fromEntries(owned('stories_locales').map((row) => [row._locale, row]))
        if (!locales.en) continue
        templates.push({
          story,
          locales,
          rels: owned('stories_rels'),
          texts,
          version: await readTree(tx, schema, '_stories_v', version.id),
        })
      }
      if (templates.length === 0) throw new Error('the data folder has no published story to clone')
      // Each language's text comes from the seeded stories written in it; one with none reads as English.
      const byLocale = Object.fromEntries(
        localeCodes.map((code) => {
          const own = templates.filter((t) => t.locales[code])
          return [code, own.length ? own : templates]
        }),
      )

      await tx.execute('PRAGMA defer_foreign_keys = ON')
      const writer = new Writer(tx, schema)
      const stamp = (ms) => new Date(ms).toISOString()

      // Programs: the first published one cloned, with its latest version.
      const programRows = await all("SELECT id, slug FROM programs WHERE _status = 'published' ORDER BY created_at")
      const programIds = programRows.map((p) => p.id)
      const takenProgramSlugs = new Set((await all('SELECT slug FROM programs')).map((r) => r.slug))
      const generatedPrograms = []
      if (programIds.length < programs) {
        if (!programRows[0]) throw new Error('the data folder has no published program to clone')
        const template = await readTree(tx, schema, 'programs', programRows[0].id)
        const versionId = (
          await all('SELECT id FROM _programs_v WHERE parent_id = ? AND latest = 1', [programRows[0].id])
        )[0]?.id
        const versionTree = versionId ? await readTree(tx, schema, '_programs_v', versionId) : null
        for (let k = 2; programIds.length < programs; k++) {
          const slug = voices.numberedSlug(template.row.slug, k)
          if (takenProgramSlugs.has(slug)) continue
          takenProgramSlugs.add(slug)
          const at = stamp(now.getTime() - (programs - k) * 86_400_000)
          const program = await writeTree(writer, template, {
            edit: (table, row) => {
              if (table === 'programs') return { ...row, slug, created_at: at, updated_at: at }
              if (table === 'programs_locales' && row.name) return { ...row, name: `${row.name} ${k}` }
              return row
            },
          })
          if (versionTree) {
            await writeTree(writer, versionTree, {
              parent: { parent_id: program.id },
              edit: (table, row) => {
                if (table === '_programs_v') {
                  return { ...row, version_slug: slug, version_created_at: at, version_updated_at: at }
                }
                if (table === '_programs_v_locales' && row.version_name) {
                  return { ...row, version_name: `${row.version_name} ${k}` }
                }
                return row
              },
            })
          }
          programIds.push(program.id)
          generatedPrograms.push({ id: program.id, slug })
        }
      }

      /** Cloned people: new names, valid written consent to everything, in a program each. */
      async function clonePeople(table, { templatesOf, count, nameColumn, scopesTable, named }) {
        const out = []
        const trees = []
        for (const t of templatesOf) trees.push(await readTree(tx, schema, table, t.id))
        if (trees.length === 0) throw new Error(`the data folder has no ${table} with consent to clone`)
        for (let k = 0; k < count; k++) {
          const tree = trees[k % trees.length]
          const names = {}
          const person = await writeTree(writer, tree, {
            skip: new Set([scopesTable]),
            edit: (t, row) => {
              if (t === table) {
                return {
                  ...row,
                  ...consent,
                  consent_recorded_by_id: admin.id,
                  [nameColumn]: `${row[nameColumn] ?? 'Scale Person'} ${letters(k)}`,
                  ...('program_id' in row ? { program_id: programIds[k % programIds.length] } : {}),
                }
              }
              if (t === `${table}_locales`) {
                const name = named(row.public_name, k)
                names[row._locale] = name
                return { ...row, public_name: name }
              }
              if (t === `${table}_rels` && 'programs_id' in row) {
                return { ...row, programs_id: programIds[k % programIds.length] }
              }
              return row
            },
          })
          for (const [order, value] of scopes.entries()) {
            await writer.add(scopesTable, { order: order + 1, parent_id: person.id, value, id: crypto.randomUUID() })
          }
          out.push({ id: person.id, names })
        }
        return out
      }

      const validNow = (rows) =>
        rows.filter(
          (r) =>
            r.consent_status &&
            r.consent_status !== 'none' &&
            !r.consent_withdrawn_at &&
            !r.erased_at &&
            (!r.consent_expires_at || r.consent_expires_at > stamp(now.getTime() + 30 * 86_400_000)),
        )
      const leaderRows = await all('SELECT * FROM leaders ORDER BY created_at')
      const newLeaders = await clonePeople('leaders', {
        templatesOf: validNow(leaderRows),
        // One at least: leaders already on file may lack consent to a use a cloned body makes of them.
        count: Math.max(1, leaders - leaderRows.length),
        nameColumn: 'real_name',
        scopesTable: 'leaders_consent_scopes',
        named: (name, k) => `${name} ${letters(k)}.`,
      })
      const participantRows = await all('SELECT * FROM participants ORDER BY created_at')
      const newParticipants = await clonePeople('participants', {
        templatesOf: validNow(participantRows),
        count: Math.max(2, participants - participantRows.length),
        nameColumn: 'legal_name',
        scopesTable: 'participants_consent_scopes',
        named: (name, k) => (k === 0 ? `${name} Withdrawn` : `${name} ${letters(k)}.`),
      })
      // The first generated participant is the one who withdraws; the others are spread.
      const [withdrawn, ...others] = newParticipants
      // Generated leaders have consent to everything a cloned body may use them for (quotes too).
      const leaderPool = newLeaders
      const people = new Map(
        [
          ...leaderPool.map((p) => [`leaders:${p.id}`, p]),
          ...newParticipants.map((p) => [`participants:${p.id}`, p]),
        ].map(([key, p]) => [key, p.names]),
      )

      // Stories, oldest first, spread over twelve years up to an hour ago.
      const existingStories = (await all("SELECT count(*) AS n FROM stories WHERE _status = 'published'"))[0].n
      // As many as she is to be featured in at least, whatever the folder already holds.
      const count = Math.max(Math.min(withdrawnIn, stories), stories - existingStories)
      const takenSlugs = new Set((await all('SELECT slug FROM stories')).map((r) => r.slug))
      const last = now.getTime() - 3_600_000
      const first = last - 12 * 365 * 86_400_000
      const hers = new Set()
      const herCount = Math.min(withdrawnIn, count)
      for (let k = 0; k < herCount; k++) hers.add(count - 1 - Math.floor((k * count) / herCount))
      const herStories = []
      const sample = []
      const storyColumns = new Set(schema.get('stories').columns.map((c) => c.name))
      const localeColumns = schema.get('stories_locales').columns.map((c) => c.name)
      let nextParticipant = 0
      let nextLeader = 0
      for (let i = 0; i < count; i++) {
        const n = i + 2
        const base = templates[i % templates.length]
        const publishedMs = Math.round(first + ((last - first) * i) / Math.max(1, count - 1) - rand() * 3_600_000)
        const at = (offsetMs) => stamp(publishedMs + offsetMs)
        let slug = voices.numberedSlug(base.story.slug, n)
        for (let extra = 2; takenSlugs.has(slug); extra++) slug = voices.numberedSlug(`${base.story.slug}-${n}`, extra)
        takenSlugs.add(slug)

        const featuredParticipants = hers.has(i) ? [withdrawn.id] : [others[nextParticipant++ % others.length].id]
        if (i % 4 === 1 && others.length > 1) featuredParticipants.push(others[nextParticipant++ % others.length].id)
        const featuredLeaders = [leaderPool[nextLeader++ % leaderPool.length].id]
        if (i % 3 === 2 && leaderPool.length > 1) featuredLeaders.push(leaderPool[nextLeader++ % leaderPool.length].id)

        // Each language from a seeded story in it; the people it names become this story's people.
        const sources = Object.fromEntries(
          localeCodes.map((code) => {
            const list = byLocale[code]
            const t = code === 'en' ? base : list[(i + localeCodes.indexOf(code)) % list.length]
            return [code, t.locales[code] ?? t.locales.en]
          }),
        )
        const seen = { participants: new Map(), leaders: new Map() }
        const own = { participants: featuredParticipants, leaders: featuredLeaders }
        const to = (collection, id) => {
          const map = seen[collection]
          if (!map.has(id)) map.set(id, own[collection][map.size % own[collection].length])
          return map.get(id)
        }
        const values = {}
        const bodyPeople = []
        const bodyImages = []
        for (const code of localeCodes) {
          const source = sources[code]
          const body = remapPeople(parseJson(source.body), to)
          const refs = bodyRefs(body)
          bodyPeople.push(...refs.people)
          bodyImages.push(...refs.images)
          const inline = (node) => {
            const f = node.fields
            const ref = f?.blockType === 'personMention' ? f.person : f?.blockType === 'pullQuote' ? f.speaker : null
            if (!ref) return undefined
            const names = people.get(`${ref.relationTo}:${ref.value}`)
            return names?.[code] ?? names?.en
          }
          const searchText = voices.plainText(body, inline) || null
          const ownExcerpt = (source.excerpt ?? '').trim()
          const derived = !ownExcerpt || ownExcerpt === voices.truncateAtWord(source.search_text ?? '')
          const excerpt = derived ? voices.truncateAtWord(searchText ?? '') || null : source.excerpt
          const title = `${source.title} ${n}`
          values[code] = {
            title,
            excerpt,
            body,
            search_text: searchText,
            search_index: voices.searchIndexOf([title, excerpt, searchText]),
          }
        }
        const dependsOn = unique([
          ...featuredParticipants.map((id) => `participants:${id}`),
          ...featuredLeaders.map((id) => `leaders:${id}`),
          ...bodyPeople,
        ])
        const metaImages = localeCodes.map((code) => sources[code].meta_image_id)
        const mediaUsed = unique([...bodyImages, base.story.hero_image_id, ...metaImages])
        const tags = base.rels.filter((r) => r.path === 'tags').map((r) => r.tags_id)
        const program = programIds[i % programIds.length]
        const byLocaleValue = (pick) => Object.fromEntries(localeCodes.map((code) => [code, pick(code)]))
        const digest = voices.signedContentDigest({
          title: byLocaleValue((c) => values[c].title),
          excerpt: byLocaleValue((c) => values[c].excerpt),
          searchText: byLocaleValue((c) => values[c].search_text),
          body: byLocaleValue((c) => values[c].body),
          meta: {
            title: byLocaleValue((c) => sources[c].meta_title ?? null),
            description: byLocaleValue((c) => sources[c].meta_description ?? null),
            image: byLocaleValue((c) => sources[c].meta_image_id ?? null),
          },
          slug,
          heroImage: base.story.hero_image_id,
          program,
          tags,
          featuredParticipants,
          featuredLeaders,
          personalDetailsOf: [],
          dependsOn,
        })

        const storyId = crypto.randomUUID()
        const storyRow = {
          ...base.story,
          id: storyId,
          slug,
          program_id: program,
          published_at: at(0),
          created_at: at(-2 * 86_400_000),
          updated_at: at(600_000),
          _status: 'published',
          review_status: 'approved',
          sign_off_signed_off_by_id: admin.id,
          sign_off_signed_off_by_name: admin.name ?? base.story.sign_off_signed_off_by_name,
          sign_off_signed_off_at: at(-3_600_000),
          sign_off_version: null,
          sign_off_digest: digest,
        }
        await writer.add('stories', storyRow)
        const localeRows = []
        for (const code of localeCodes) {
          const row = {
            ...sources[code],
            ...values[code],
            body: JSON.stringify(values[code].body),
            id: undefined,
            _locale: code,
            _parent_id: storyId,
          }
          localeRows.push(row)
          await writer.add('stories_locales', row)
        }
        const rels = [
          ...featuredLeaders.map((id, k) => ({ path: 'featuredLeaders', order: k + 1, leaders_id: id })),
          ...featuredParticipants.map((id, k) => ({ path: 'featuredParticipants', order: k + 1, participants_id: id })),
          ...tags.map((id, k) => ({ path: 'tags', order: k + 1, tags_id: id })),
        ]
        for (const rel of rels) await writer.add('stories_rels', { ...rel, parent_id: storyId })
        const texts = [
          ...dependsOn.map((text, k) => ({ path: 'dependsOn', order: k + 1, text })),
          ...mediaUsed.map((text, k) => ({ path: 'mediaUsed', order: k + 1, text })),
        ]
        for (const text of texts) await writer.add('stories_texts', { ...text, parent_id: storyId })

        // Its latest version: the published document, field by field, as Payload keeps it.
        const versionId = crypto.randomUUID()
        const versionRow = { ...base.version.row }
        for (const column of Object.keys(versionRow)) {
          const field = column.startsWith('version_') ? column.slice('version_'.length) : null
          if (field && storyColumns.has(field)) versionRow[column] = storyRow[field]
        }
        Object.assign(versionRow, {
          id: versionId,
          parent_id: storyId,
          created_at: storyRow.updated_at,
          updated_at: storyRow.updated_at,
          latest: 1,
          autosave: 0,
          snapshot: null,
          published_locale: null,
        })
        await writer.add('_stories_v', versionRow)
        for (const row of localeRows) {
          const versionLocale = { id: undefined, _locale: row._locale, _parent_id: versionId }
          for (const column of localeColumns) {
            if (!['id', '_locale', '_parent_id'].includes(column)) versionLocale[`version_${column}`] = row[column]
          }
          await writer.add('_stories_v_locales', versionLocale)
        }
        for (const rel of rels) {
          await writer.add('_stories_v_rels', { ...rel, path: `version.${rel.path}`, parent_id: versionId })
        }
        for (const text of texts) {
          await writer.add('_stories_v_texts', { ...text, path: `version.${text.path}`, parent_id: versionId })
        }

        const summary = { id: storyId, slug, publishedAt: storyRow.published_at, program }
        if (hers.has(i)) herStories.push(summary)
        if (sample.length < 5 && i % Math.max(1, Math.floor(count / 5)) === 0) {
          sample.push({ ...summary, titles: byLocaleValue((c) => values[c].title) })
        }
      }
      await writer.flushAll()
      const published = (await all("SELECT count(*) AS n FROM stories WHERE _status = 'published'"))[0].n
      const indexProgram = generatedPrograms[0] ?? { id: programIds[0], slug: programRows[0]?.slug }
      const indexProgramStories = (
        await all("SELECT count(*) AS n FROM stories WHERE program_id = ? AND _status = 'published'", [indexProgram.id])
      )[0].n
      await tx.commit()
      committed = true
      return {
        seconds: Math.round((Date.now() - began) / 100) / 10,
        rowsWritten: writer.counts,
        templates: templates.map((t) => t.story.slug),
        publishedStories: published,
        generatedStories: count,
        programs: programIds.length,
        generatedPrograms: generatedPrograms.length,
        leaders: leaderRows.length + newLeaders.length,
        participants: participantRows.length + newParticipants.length,
        programForIndex: { ...indexProgram, stories: indexProgramStories },
        sampleStories: sample,
        withdrawn: {
          id: withdrawn.id,
          publicName: withdrawn.names,
          stories: herStories.reverse(),
        },
      }
    } finally {
      if (!committed) await tx.rollback().catch(() => {})
      tx.close()
    }
  } finally {
    db.close()
  }
}
