import type { PayloadRequest } from 'payload'

import { describe, expect, it } from 'vitest'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { canAccessPrivateData } from '@/privacy/access/canAccessPrivateData'
import { canWriteStory } from '@/access/canWriteStory'
import { handlesSupporters } from '@/access/handlesSupporters'
import { hasAnyRole } from '@/access/hasAnyRole'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { isEditor, isEditorField } from '@/access/isEditor'
import { isWriter } from '@/access/isWriter'
import { publishedOrSignedIn } from '@/access/publishedOrSignedIn'
import type { Role } from '@/lib/roles'

/** The access functions only look at `req.user`; these tests call them as Payload would. */
function args(role: Role | null, id = 'user-1') {
  const user = role ? { id, role, collection: 'users', email: `${role}@example.org` } : null
  return { req: { user } as unknown as PayloadRequest }
}

const everyRole: Role[] = ['admin', 'editor', 'contributor', 'safeguarding']

describe('access functions', () => {
  it('anyone lets anonymous visitors and staff through', () => {
    expect(anyone(args(null))).toBe(true)
    for (const role of everyRole) expect(anyone(args(role))).toBe(true)
  })

  it('authenticated needs a signed-in user of any role', () => {
    expect(authenticated(args(null))).toBe(false)
    for (const role of everyRole) expect(authenticated(args(role))).toBe(true)
  })

  it('publishedOrSignedIn limits anonymous visitors to published documents', () => {
    expect(publishedOrSignedIn(args(null))).toEqual({ _status: { equals: 'published' } })
    for (const role of everyRole) expect(publishedOrSignedIn(args(role))).toBe(true)
  })

  it('isAdmin and isAdminField allow admins only', () => {
    expect(isAdmin(args(null))).toBe(false)
    expect(isAdminField(args(null))).toBe(false)
    for (const role of everyRole) {
      expect(isAdmin(args(role))).toBe(role === 'admin')
      expect(isAdminField(args(role))).toBe(role === 'admin')
    }
  })

  it('isAdminOrSelf gives admins everyone and others only themselves', () => {
    expect(isAdminOrSelf(args(null))).toBe(false)
    expect(isAdminOrSelf(args('admin'))).toBe(true)
    for (const role of ['editor', 'contributor', 'safeguarding'] as const) {
      expect(isAdminOrSelf(args(role, 'me'))).toEqual({ id: { equals: 'me' } })
    }
  })

  it('canAccessPrivateData allows safeguarding staff and admins only', () => {
    expect(canAccessPrivateData(args(null))).toBe(false)
    expect(canAccessPrivateData(args('admin'))).toBe(true)
    expect(canAccessPrivateData(args('safeguarding'))).toBe(true)
    expect(canAccessPrivateData(args('editor'))).toBe(false)
    expect(canAccessPrivateData(args('contributor'))).toBe(false)
  })

  it('isEditor lets editors and admins manage content; isWriter adds contributors', () => {
    const allowed = (fn: (a: ReturnType<typeof args>) => unknown) => everyRole.filter((role) => fn(args(role)) === true)
    expect(allowed(isEditor)).toEqual(['admin', 'editor'])
    expect(allowed(isEditorField)).toEqual(['admin', 'editor'])
    expect(allowed(isWriter)).toEqual(['admin', 'editor', 'contributor'])
    expect(allowed(hasAnyRole('admin', 'safeguarding'))).toEqual(['admin', 'safeguarding'])
    expect(allowed(handlesSupporters)).toEqual(['admin', 'editor'])
    for (const fn of [isEditor, isEditorField, isWriter, handlesSupporters]) expect(fn(args(null))).toBe(false)
  })

  it('canWriteStory lets contributors write drafts but never publish', () => {
    const publishing = (role: Role | null) => canWriteStory({ ...args(role), data: { _status: 'published' } })
    const drafting = (role: Role | null) => canWriteStory({ ...args(role), data: { _status: 'draft' } })
    expect(everyRole.filter((role) => publishing(role))).toEqual(['admin', 'editor'])
    expect(everyRole.filter((role) => drafting(role))).toEqual(['admin', 'editor', 'contributor'])
    expect(drafting(null)).toBe(false)
    expect(publishing(null)).toBe(false)
  })
})
