import type { ReactNode } from 'react'

type Props<T> = {
  id: string
  title: string
  items: T[]
  empty: string
  render: (item: T) => ReactNode
  itemKey: (item: T) => string
}

/** One list on the admin home: a heading, its items, or a line saying there are none. */
export function DashboardList<T>({ id, title, items, empty, render, itemKey }: Props<T>) {
  return (
    <section aria-labelledby={id} data-testid={id} style={{ marginBottom: '1.5rem' }}>
      <h3 id={id}>
        {title} {items.length ? `(${items.length})` : ''}
      </h3>
      {items.length ? (
        <ul>
          {items.map((item) => (
            <li key={itemKey(item)}>{render(item)}</li>
          ))}
        </ul>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  )
}
