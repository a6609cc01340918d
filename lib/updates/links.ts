import type { Payload } from 'payload'

import type { Subscriber } from '@/payload-types'

import { readConfirmToken, readUnsubscribeToken } from './tokens'

/**
 * What the links in subscribers' mail do. Opening a link only shows a page; the change happens
 * when its button is pressed (or, for unsubscribing, on a mail program's one-click POST), so a
 * mail scanner that follows links cannot confirm or unsubscribe anyone.
 */
export type ConfirmState = 'ready' | 'confirmed' | 'expired' | 'invalid'
export type UnsubscribeState = 'ready' | 'unsubscribed' | 'invalid'

async function subscriberById(payload: Payload, id: string): Promise<Subscriber | null> {
  return payload.findByID({ collection: 'subscribers', id, depth: 0, overrideAccess: true, disableErrors: true })
}

/**
 * A confirmation link: valid for 7 days while the address waits for confirmation. A link issued
 * before the address was unsubscribed never subscribes it again; signing up again sends a new one.
 */
export async function confirmationState(payload: Payload, token: unknown, now = new Date()): Promise<ConfirmState> {
  const data = readConfirmToken(token, now)
  if (!data) return 'invalid'
  const subscriber = await subscriberById(payload, data.id)
  if (!subscriber) return 'invalid'
  if (subscriber.status === 'confirmed') return 'confirmed'
  if (subscriber.status !== 'pending') return 'invalid'
  const unsubscribedAt = subscriber.unsubscribedAt ? new Date(subscriber.unsubscribedAt).getTime() : 0
  if (data.issuedAt.getTime() < unsubscribedAt) return 'invalid'
  return data.expired ? 'expired' : 'ready'
}

/** Confirms the address a valid link is for; anything else changes nothing. */
export async function confirmSubscription(payload: Payload, token: unknown, now = new Date()): Promise<ConfirmState> {
  const state = await confirmationState(payload, token, now)
  if (state !== 'ready') return state
  await payload.update({
    collection: 'subscribers',
    id: readConfirmToken(token, now)!.id,
    data: { status: 'confirmed', confirmedAt: now.toISOString() },
    overrideAccess: true,
  })
  return 'confirmed'
}

export async function unsubscribeState(payload: Payload, token: unknown): Promise<UnsubscribeState> {
  const id = readUnsubscribeToken(token)
  const subscriber = id ? await subscriberById(payload, id) : null
  if (!subscriber) return 'invalid'
  return subscriber.status === 'unsubscribed' ? 'unsubscribed' : 'ready'
}

/** Unsubscribes the address a valid link is for, pending or confirmed; again is harmless. */
export async function unsubscribe(payload: Payload, token: unknown, now = new Date()): Promise<UnsubscribeState> {
  const state = await unsubscribeState(payload, token)
  if (state !== 'ready') return state
  await payload.update({
    collection: 'subscribers',
    id: readUnsubscribeToken(token)!,
    data: { status: 'unsubscribed', unsubscribedAt: now.toISOString() },
    overrideAccess: true,
  })
  return 'unsubscribed'
}
