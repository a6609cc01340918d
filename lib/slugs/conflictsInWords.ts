import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import { voicesT } from '@/lib/refusals/translate'

import { slugError } from './holders'

type Write = { collection?: string; data?: Record<string, unknown>; req?: Partial<PayloadRequest> }
type WriteMethod = (this: BaseDatabaseAdapter, args: Write) => Promise<unknown>

const writes = ['create', 'updateOne', 'updateMany', 'upsert'] as const

/**
 * The last line of defence for slugs. Voices gives every write a free slug or refuses a taken one
 * (fields/slug.ts), but two writes at the same instant can both find a slug free; the database's
 * unique index then refuses the second. Payload reports that as "The following field is invalid:
 * slug / Value must be unique"; this says what happened and what to do, in the writer's language.
 */
export function withSlugConflictsInWords<T extends BaseDatabaseAdapter>(
  adapter: DatabaseAdapterObj<T>,
): DatabaseAdapterObj<T> {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const methods = db as unknown as Record<(typeof writes)[number], WriteMethod>
      for (const name of writes) {
        const write = methods[name]
        if (typeof write !== 'function') continue
        methods[name] = async function (this: BaseDatabaseAdapter, writeArgs: Write) {
          try {
            return await write.call(this, writeArgs)
          } catch (error) {
            throw slugConflictInWords(error, writeArgs)
          }
        }
      }
      return db
    },
  }
}

function slugConflictInWords(error: unknown, { collection, data, req }: Write): unknown {
  if (!(error instanceof ValidationError)) return error
  const errors = (error.data as { errors?: Array<{ path?: string }> } | undefined)?.errors ?? []
  const slug = data?.slug
  if (!collection || typeof slug !== 'string' || !errors.some((e) => e.path === 'slug')) return error
  const request = (req ?? {}) as PayloadRequest
  return slugError(request, collection, 'slugTakenMeanwhile', voicesT(request)('voices:slugs:takenMeanwhile', { slug }))
}
