import type { Origin } from '@/lib/donors/origin'
import { fromValue } from '@/lib/donors/from'
import { choiceValue, currencies, frequencies, type GiveFormState } from '@/lib/donors/gift'
import type { OfferedCurrency } from '@/lib/donors/offered'
import { formatMoney, localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'

type Props = {
  locale: Locale
  offered: OfferedCurrency[]
  state: GiveFormState
  origin: Origin | null
  trustStatement?: string | null
}

function errorMessage(locale: Locale, state: GiveFormState, offered: OfferedCurrency[]): string | null {
  const t = messages(locale).giveErrors
  if (!state.error) return null
  if (state.error === 'amountTooLarge') {
    const currency = state.currency ?? offered[0]?.currency ?? 'USD'
    return t.amountTooLarge(formatMoney(currencies[currency].max, currency, locale))
  }
  return t[state.error]
}

/** The trust statement from site settings, beside the panel. */
function Trust({ locale, statement }: { locale: Locale; statement?: string | null }) {
  if (!statement) return null
  return (
    <div className="give__trust">
      <h3>{messages(locale).trustTitle}</h3>
      <p>{statement}</p>
    </div>
  )
}

/**
 * The donation panel: suggested amounts per currency, another amount, once or monthly. A plain
 * GET form to Voices' hand-off route (get-involved/give), which checks the gift and sends the
 * visitor on to the processor, so it works without JavaScript; card details are entered only on
 * the processor's page. A refused gift comes back here with the reason and the choices kept.
 */
export function DonationPanel({ locale, offered, state, origin, trustStatement }: Props) {
  const t = messages(locale)
  const error = errorMessage(locale, state, offered)
  const first = offered[0]!
  const suggested =
    state.choice ?? choiceValue(first.currency, first.amounts[Math.floor((first.amounts.length - 1) / 2)] ?? 0)
  const amountError = state.error === 'amount' || state.error === 'amountTooLarge'
  const describedBy = error ? 'give-error' : undefined
  return (
    <section id="give" aria-labelledby="give-title" className="give">
      <div className="give__panel">
        <h2 id="give-title">{t.donate}</h2>
        <p>{t.donateText}</p>
        {error ? (
          <p id="give-error" className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <form action={localePath(locale, 'get-involved/give')} method="get" className="give__form">
          {origin ? <input type="hidden" name="from" value={fromValue(origin)} /> : null}
          <fieldset>
            <legend>{t.giveAmount}</legend>
            {offered.map(({ currency, amounts }) => (
              <div key={currency} className="give__choices">
                {amounts.map((amount) => {
                  const value = choiceValue(currency, amount)
                  return (
                    <label key={value} className="choice">
                      <input type="radio" name="choice" value={value} defaultChecked={value === suggested} />
                      <span>{formatMoney(amount, currency, locale)}</span>
                    </label>
                  )
                })}
              </div>
            ))}
          </fieldset>
          <div className="give__other">
            <div className="field">
              <label htmlFor="give-amount">{t.giveOtherAmount}</label>
              <input
                id="give-amount"
                name="amount"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                maxLength={20}
                defaultValue={state.amount}
                aria-invalid={amountError || undefined}
                aria-describedby={amountError ? describedBy : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="give-currency">{t.giveCurrency}</label>
              <select
                id="give-currency"
                name="currency"
                defaultValue={state.currency ?? first.currency}
                aria-invalid={state.error === 'currency' || undefined}
                aria-describedby={state.error === 'currency' ? describedBy : undefined}
              >
                {offered.map(({ currency }) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset>
            <legend>{t.giveFrequency}</legend>
            <div className="give__choices">
              {frequencies.map((frequency) => (
                <label key={frequency} className="choice">
                  <input
                    type="radio"
                    name="frequency"
                    value={frequency}
                    defaultChecked={frequency === (state.frequency ?? 'one-off')}
                  />
                  <span>{frequency === 'monthly' ? t.giveMonthly : t.giveOneOff}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="button">
            {t.giveSubmit}
          </button>
          <p className="meta">{t.giveSecure}</p>
        </form>
      </div>
      <Trust locale={locale} statement={trustStatement} />
    </section>
  )
}

/** Without a processor address: the donation page link, as before, beside the trust statement. */
export function DonationLink({
  locale,
  href,
  trustStatement,
}: {
  locale: Locale
  href: string
  trustStatement?: string | null
}) {
  const t = messages(locale)
  return (
    <section id="give" aria-labelledby="give-title" className="give">
      <div className="give__panel">
        <h2 id="give-title">{t.donate}</h2>
        <p>{t.donateText}</p>
        <a className="button" href={href} rel="noopener">
          {t.donate}
        </a>
      </div>
      <Trust locale={locale} statement={trustStatement} />
    </section>
  )
}
