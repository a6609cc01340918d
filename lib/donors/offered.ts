import type { GetInvolved } from '@/payload-types'

import { type Currency, isCurrency } from './gift'

export type OfferedCurrency = { currency: Currency; amounts: number[] }

/** The currencies and suggested amounts offered in a language, as editors listed them. */
export function offeredCurrencies(settings: Pick<GetInvolved, 'currencies'>): OfferedCurrency[] {
  return (settings.currencies ?? []).flatMap((row) =>
    isCurrency(row.currency)
      ? [{ currency: row.currency, amounts: (row.suggestedAmounts ?? []).filter((n) => Number.isFinite(n) && n > 0) }]
      : [],
  )
}
