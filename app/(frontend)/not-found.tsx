import Link from 'next/link'

export default function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        The page you are looking for does not exist or is no longer published. <Link href="/stories">Read our stories</Link>.
      </p>
    </section>
  )
}
