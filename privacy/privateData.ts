/**
 * What is private in Voices, in one place. Real names, notes and consent records are readable
 * only by safeguarding staff and admins (`canAccessPrivateData`), never leave the admin, and every
 * read or change of them is audited. This declaration is what the audit hooks log, what erasure
 * records as erased, and what the tests check the field and collection access against
 * (tests/int/private-data.test.ts): a private field added to a collection without being declared
 * here fails those tests.
 *
 * Audit entries name fields, never values. A collection that is private as a whole is logged
 * under two names of its own: `document` (its data) and `file` (its upload, when downloaded).
 */
export const privateData = {
  participants: { fields: ['legalName', 'notes', 'consent'] },
  leaders: { fields: ['realName', 'consent'] },
  'consent-evidence': { wholeDocument: true, file: true },
} as const

export type PrivateCollection = keyof typeof privateData

/** The fields declared private, in collections that also have public fields. */
export type PrivateFieldName = {
  [C in PrivateCollection]: (typeof privateData)[C] extends { fields: readonly (infer F)[] } ? F : never
}[PrivateCollection]

/** How the audit log names a whole private document, and its uploaded file. */
export const wholeDocument = 'document'
export const uploadedFile = 'file'

type Declaration = { fields?: readonly string[]; wholeDocument?: boolean; file?: boolean }

const declaration = (collection: PrivateCollection): Declaration => privateData[collection]

export function isPrivateCollection(slug: string): slug is PrivateCollection {
  return Object.hasOwn(privateData, slug)
}

/** Everything private in this collection, as the audit log names it. */
export function privateFieldsOf(collection: PrivateCollection): string[] {
  const { fields, wholeDocument: whole, file } = declaration(collection)
  if (whole) return file ? [wholeDocument, uploadedFile] : [wholeDocument]
  return [...(fields ?? [])]
}

/**
 * The private fields this document, as handed to a reader, carries: the names only, in the
 * declaration's order. A field the reader may not see has already been removed by field access,
 * so a document read by an editor carries none.
 */
export function privateFieldsIn(collection: PrivateCollection, doc: unknown): string[] {
  if (!doc || typeof doc !== 'object') return []
  const { fields, wholeDocument: whole } = declaration(collection)
  if (whole) return [wholeDocument]
  const record = doc as Record<string, unknown>
  return (fields ?? []).filter((field) => record[field] !== undefined && record[field] !== null)
}

/**
 * The private fields that differ between two versions of a document, for write entries. A whole
 * private document counts as its data and, when the stored file changed, its file.
 */
export function privateFieldsChanged(collection: PrivateCollection, doc: unknown, previous: unknown): string[] {
  const after = (doc ?? {}) as Record<string, unknown>
  const before = (previous ?? {}) as Record<string, unknown>
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  const { fields, wholeDocument: whole, file } = declaration(collection)
  if (!whole) return (fields ?? []).filter((field) => !same(after[field], before[field]))
  const data = (value: Record<string, unknown>) => {
    const { updatedAt: _updatedAt, ...rest } = value
    return rest
  }
  const changed: string[] = []
  if (!same(data(after), data(before))) changed.push(wholeDocument)
  if (file && !same(after.filename, before.filename)) changed.push(uploadedFile)
  return changed
}
