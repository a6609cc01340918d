/**
 * A gift as the donation panel submits it (a plain GET form, so it works without JavaScript):
 * a suggested amount (`choice=KZT-5000`) or, when typed, another amount (`amount` in
 * `currency`), which wins over the suggestion; and `frequency`. Read and checked here, on the
 * server, before anything is handed to the processor.
 */
export const currencies = {
  KZT: { max: 5_000_000 },
  USD: { max: 10_000 },
  EUR: { max: 10_000 },
  RUB: { max: 1_000_000 },
} as const

export type Currency = keyof typeof currencies

export const currencyCodes = Object.keys(currencies) as Currency[]

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && Object.hasOwn(currencies, value)
}

export const frequencies = ['one-off', 'monthly'] as const

export type Frequency = (typeof frequencies)[number]

export type Gift = { amount: number; currency: Currency; frequency: Frequency }

/** Why a gift was refused; Get involved shows each in the visitor's language. */
export const giftErrors = ['amount', 'amountTooLarge', 'currency', 'frequency', 'unavailable'] as const

export type GiftError = (typeof giftErrors)[number]

export function isGiftError(value: unknown): value is GiftError {
  return typeof value === 'string' && (giftErrors as readonly string[]).includes(value)
}

/**
 * A positive amount as people type it: digits, spaces between thousands ("25 000"), and a
 * decimal point or comma with at most two decimals ("10.50", "10,50"). Anything else is null.
 */
export function parseAmount(raw: unknown): number | null {
  if (typeof raw !== 'string') return null
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '')
  if (!/^\d{1,12}(?:[.,]\d{1,2})?$/.test(compact)) return null
  const amount = Number(compact.replace(',', '.'))
  return Number.isFinite(amount) && amount > 0 ? amount : null
}

/** The amount as processors expect it: plain digits, a point before any cents. */
export function amountParam(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2)
}

type Params = URLSearchParams

/** A suggested amount as its radio button submits it: `KZT-5000`, `USD-10.50`. */
const choicePattern = /^([A-Z]{3})-(\d{1,12}(?:\.\d{1,2})?)$/

export function choiceValue(currency: Currency, amount: number): string {
  return `${currency}-${amountParam(amount)}`
}

export type GiftResult =
  | { ok: true; gift: Gift }
  | { ok: false; error: GiftError; kept: Partial<{ amount: string; currency: Currency; frequency: Frequency }> }

/**
 * The gift in a submitted form, or why it cannot be taken. `offered` are the currencies the
 * visitor's language offers (Get involved settings); any other currency is refused.
 */
export function readGift(params: Params, offered: readonly Currency[]): GiftResult {
  const choice = params.get('choice') ?? ''
  const frequencyRaw = params.get('frequency') ?? ''
  const frequency = (frequencies as readonly string[]).includes(frequencyRaw) ? (frequencyRaw as Frequency) : undefined
  let amountRaw: string
  let currencyRaw: string
  const preset = choicePattern.exec(choice)
  if (preset && !(params.get('amount') ?? '').trim()) {
    currencyRaw = preset[1]!
    amountRaw = preset[2]!
  } else {
    currencyRaw = params.get('currency') ?? ''
    amountRaw = params.get('amount') ?? ''
  }
  const currency = isCurrency(currencyRaw) && offered.includes(currencyRaw) ? currencyRaw : undefined
  // Kept for the form to show again: only values that cannot carry anything but a number.
  const keptAmount = /^[\d\s\u00a0\u202f.,]{1,20}$/.test(amountRaw) ? amountRaw.trim() : undefined
  const kept = { amount: keptAmount, currency, frequency }
  if (!currency) return { ok: false, error: 'currency', kept }
  const amount = parseAmount(amountRaw)
  if (amount === null) return { ok: false, error: 'amount', kept }
  if (amount > currencies[currency].max) return { ok: false, error: 'amountTooLarge', kept }
  if (!frequency) return { ok: false, error: 'frequency', kept }
  return { ok: true, gift: { amount, currency, frequency } }
}

/** What Get involved shows again after a refused gift: the reason and the visitor's choices. */
export type GiveFormState = {
  error: GiftError | null
  choice?: string
  amount?: string
  currency?: Currency
  frequency?: Frequency
}

/**
 * The query the hand-off sends a refused gift back to Get involved with (read by
 * `giveFormState`); `from` only when it names a published story or program.
 */
export function refusedGiftQuery(
  error: GiftError,
  params: URLSearchParams,
  offered: readonly Currency[],
  from: string | null,
): string {
  const result = readGift(params, offered)
  const kept = result.ok ? {} : result.kept
  const query = new URLSearchParams()
  if (from) query.set('from', from)
  query.set('giveError', error)
  const choice = params.get('choice') ?? ''
  if (choicePattern.test(choice)) query.set('choice', choice)
  if (kept.amount) query.set('amount', kept.amount)
  if (kept.currency) query.set('currency', kept.currency)
  if (kept.frequency) query.set('frequency', kept.frequency)
  return query.toString()
}

/** Reads a Get involved request back into the form's state; anything unexpected is dropped. */
export function giveFormState(
  searchParams: Record<string, string | string[] | undefined>,
  offered: readonly Currency[],
): GiveFormState {
  const get = (name: string) => {
    const value = searchParams[name]
    return Array.isArray(value) ? value[0] : value
  }
  const error = get('giveError')
  const choice = get('choice')
  const amount = get('amount')
  const currency = get('currency')
  const frequency = get('frequency')
  return {
    error: isGiftError(error) ? error : null,
    choice: choice && choicePattern.test(choice) ? choice : undefined,
    amount: amount && /^[\d\s\u00a0\u202f.,]{1,20}$/.test(amount) ? amount.trim() : undefined,
    currency: isCurrency(currency) && offered.includes(currency) ? currency : undefined,
    frequency: (frequencies as readonly string[]).includes(frequency ?? '') ? (frequency as Frequency) : undefined,
  }
}
