import type { ReactNode } from 'react'

type Props<T> = {
  id: string
  title: string
  items: T[]
  /** All that match, when the card shows only the newest few. */
  total?: number
  empty: string
  render: (item: T) => ReactNode
  itemKey: (item: T) => string
  /** Links to the full lists, filtered as this card is. */
  links?: Array<{ href: string; label: string }>
  countLabel: (count: number) => string
}

/**
 * One card on the admin home, drawn with Payload's own theme variables so it follows the
 * admin's light and dark themes (styles in app/(payload)/custom.scss).
 */
export function DashboardCard<T>({ id, title, items, total, empty, render, itemKey, links, countLabel }: Props<T>) {
  const count = total ?? items.length
  return (
    <section className="voices-card" aria-labelledby={id} data-testid={id}>
      <header className="voices-card__header">
        <h3 id={id} className="voices-card__title">
          {title}
        </h3>
        <span className="voices-card__count" data-testid={`${id}-count`} title={countLabel(count)}>
          {count}
        </span>
      </header>
      {items.length ? (
        <ul className="voices-card__items">
          {items.map((item) => (
            <li key={itemKey(item)}>{render(item)}</li>
          ))}
        </ul>
      ) : (
        <p className="voices-card__empty">{empty}</p>
      )}
      {links?.length && count > 0 ? (
        <p className="voices-card__links">
          {links.map((link) => (
            <a key={link.href} href={link.href}>
              {link.label} →
            </a>
          ))}
        </p>
      ) : null}
    </section>
  )
}
