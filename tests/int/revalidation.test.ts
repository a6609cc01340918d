import type { Payload, PayloadRequest } from 'payload'

import { revalidateTag } from 'next/cache'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { revalidateCollection, revalidateGlobal } from '@/hooks/revalidatePublicSite'

vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }))

const payload = { logger: { debug: vi.fn() } } as unknown as Payload

function req(context: Record<string, unknown> = {}) {
  return { payload, context } as unknown as PayloadRequest
}

type ChangeArgs = Parameters<ReturnType<typeof revalidateCollection>['afterChange']>[0]

function change(doc: object, previousDoc: object | undefined, context?: Record<string, unknown>) {
  return { doc, previousDoc, req: req(context) } as unknown as ChangeArgs
}

const hooks = revalidateCollection('stories')

beforeEach(() => vi.mocked(revalidateTag).mockClear())

describe('revalidating the public site', () => {
  it('expires the tag at once when a story is published, edited while published, or unpublished', () => {
    hooks.afterChange(change({ _status: 'published' }, { _status: 'draft' }))
    hooks.afterChange(change({ _status: 'published' }, { _status: 'published' }))
    hooks.afterChange(change({ _status: 'draft' }, { _status: 'published' }))
    expect(revalidateTag).toHaveBeenCalledTimes(3)
    expect(revalidateTag).toHaveBeenCalledWith('stories', { expire: 0 })
  })

  it('leaves the site alone when only an unpublished draft changes', () => {
    hooks.afterChange(change({ _status: 'draft' }, { _status: 'draft' }))
    hooks.afterChange(change({ _status: 'draft' }, undefined))
    expect(revalidateTag).not.toHaveBeenCalled()
  })

  it('revalidates on delete and for collections without drafts', () => {
    hooks.afterDelete({ doc: { _status: 'draft' }, req: req() } as unknown as Parameters<typeof hooks.afterDelete>[0])
    revalidateCollection('leaders').afterChange(change({}, {}))
    expect(vi.mocked(revalidateTag).mock.calls.map(([tag]) => tag)).toEqual(['stories', 'leaders'])
  })

  it('revalidates globals on every save', () => {
    revalidateGlobal('globals')({ doc: {}, req: req() } as unknown as Parameters<ReturnType<typeof revalidateGlobal>>[0])
    expect(revalidateTag).toHaveBeenCalledWith('globals', { expire: 0 })
  })

  it('is skipped for bulk writes that ask for it, such as seeding', () => {
    hooks.afterChange(change({ _status: 'published' }, undefined, { disableRevalidate: true }))
    expect(revalidateTag).not.toHaveBeenCalled()
  })

  it('does not fail a write made outside a Next.js server', () => {
    vi.mocked(revalidateTag).mockImplementationOnce(() => {
      throw new Error('Invariant: static generation store missing')
    })
    expect(() => hooks.afterChange(change({ _status: 'published' }, undefined))).not.toThrow()
    expect(payload.logger.debug).toHaveBeenCalled()
  })
})
