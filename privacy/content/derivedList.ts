import type { TextField } from 'payload'

import { authenticated } from '@/access/authenticated'
import { nobody } from '@/access/nobody'
import type { AdminText } from '@/lib/adminLanguages'

/**
 * A list Voices derives from a document on every save (who it depends on, which media it shows),
 * indexed so that a consent change or a media check finds the documents at once. Nobody writes
 * it through the API; visitors never read it.
 */
export function derivedList(name: string, description: AdminText): TextField {
  return {
    name,
    type: 'text',
    hasMany: true,
    index: true,
    access: { read: authenticated, create: nobody, update: nobody },
    admin: { hidden: true, description },
  }
}
