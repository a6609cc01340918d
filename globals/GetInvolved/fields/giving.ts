import type { Field, NumberFieldManyValidation } from 'payload'

import { urlField } from '@/fields/url'
import { currencies, currencyCodes, isCurrency } from '@/lib/donors/gift'
import { placeholders, validateTemplate } from '@/lib/donors/urlTemplate'

const placeholderList = placeholders.map((p) => `{${p}}`).join(' ')

/** Each suggested amount is positive and no more than the site accepts in that currency. */
const validateAmounts: NumberFieldManyValidation = (value, { siblingData }) => {
  const amounts = (Array.isArray(value) ? value : []) as unknown[]
  if (amounts.length === 0) return 'Suggest at least one amount.'
  const currency = (siblingData as { currency?: unknown } | undefined)?.currency
  const max = isCurrency(currency) ? currencies[currency].max : Infinity
  for (const amount of amounts) {
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
      return 'Every suggested amount must be a number greater than zero.'
    }
    if (Math.round(amount * 100) !== amount * 100) return 'Use at most two decimals.'
    if (amount > max) return `At most ${max} ${String(currency)} can be given at once.`
  }
  return true
}

/** One currency per row: a visitor picks a currency, then an amount. */
function validateCurrencies(value: unknown): true | string {
  const rows = (Array.isArray(value) ? value : []) as Array<{ currency?: unknown }>
  const seen = new Set<unknown>()
  for (const row of rows) {
    if (seen.has(row?.currency)) return `${String(row?.currency)} is listed twice; keep one row per currency.`
    seen.add(row?.currency)
  }
  return true
}

export const givingFields: Field[] = [
  {
    name: 'donationUrlTemplate',
    type: 'text',
    label: { en: 'Donation processor address', ru: 'Адрес платёжного сервиса' },
    validate: validateTemplate,
    admin: {
      description: {
        en: `Where donors are sent to pay, as a template. Placeholders: ${placeholderList} (amount, currency code, one-off or monthly, campaign, the story they came from). E.g. https://pay.example.org/give?sum={amount}&cur={currency}&every={frequency}&c={campaign}&ref={story}. Card details are entered there, never on this site. Leave empty to use the donation page below instead.`,
        ru: `Куда жертвователи переходят для оплаты, в виде шаблона. Подстановки: ${placeholderList} (сумма, код валюты, разово или ежемесячно, кампания, история, с которой пришли). Например https://pay.example.org/give?sum={amount}&cur={currency}&every={frequency}&c={campaign}&ref={story}. Данные карты вводятся там, никогда на этом сайте. Оставьте пустым, чтобы использовать страницу пожертвований ниже.`,
      },
    },
  },
  {
    name: 'campaign',
    type: 'text',
    label: { en: 'Campaign code', ru: 'Код кампании' },
    validate: (value: unknown) =>
      value === null || value === undefined || (typeof value === 'string' && /^[A-Za-z0-9._-]{0,64}$/.test(value))
        ? true
        : 'Use up to 64 letters, digits, dots, hyphens or underscores, e.g. winter-appeal-2026.',
    admin: {
      description: {
        en: 'Passed to the processor as {campaign}, e.g. winter-appeal-2026. Without one, the program the donor came from is passed.',
        ru: 'Передаётся платёжному сервису как {campaign}, например winter-appeal-2026. Если пусто — программа, с которой пришёл жертвователь.',
      },
    },
  },
  {
    name: 'currencies',
    type: 'array',
    label: { en: 'Currencies and suggested amounts', ru: 'Валюты и предлагаемые суммы' },
    labels: { singular: { en: 'Currency', ru: 'Валюта' }, plural: { en: 'Currencies', ru: 'Валюты' } },
    // Per language: visitors reading in Russian or Kazakh may see tenge first, English readers dollars.
    localized: true,
    maxRows: 4,
    validate: validateCurrencies,
    admin: {
      description: {
        en: 'Per language: the first currency is offered first. Donors may also type another amount.',
        ru: 'Для каждого языка: первая валюта предлагается первой. Жертвователь может ввести и свою сумму.',
      },
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'currency',
            type: 'select',
            label: { en: 'Currency', ru: 'Валюта' },
            required: true,
            options: currencyCodes.map((code) => ({ label: code, value: code })),
          },
          {
            name: 'suggestedAmounts',
            type: 'number',
            hasMany: true,
            maxRows: 6,
            label: { en: 'Suggested amounts', ru: 'Предлагаемые суммы' },
            required: true,
            validate: validateAmounts,
          },
        ],
      },
    ],
  },
  urlField({
    name: 'donationUrl',
    label: { en: 'Donation page (without a processor address)', ru: 'Страница пожертвований (без адреса сервиса)' },
    admin: {
      description: {
        en: 'Used only when no processor address is set: Get involved then links here, e.g. https://example.org/donate.',
        ru: 'Используется, только если адрес сервиса не задан: тогда «Как помочь» ведёт сюда, например https://example.org/donate.',
      },
    },
  }),
]
