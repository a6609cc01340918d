import Link from 'next/link'
import { notFound } from 'next/navigation'

import { localePath, messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import { pageMetadata } from '@/lib/site/metadata'
import { findProgram, listStories, listTags, programLinks, siteSettings, type StoryFilter } from '@/lib/site/publicApi'
import { localeFrom, pageNumber } from '@/lib/site/routeParams'

import { Pagination } from './Pagination'
import { StoryGrid } from './StoryCard'

type Args = { locale: Locale; page: number; filter: StoryFilter }

function basePath({ filter }: Pick<Args, 'filter'>): string {
  if (filter.program) return `stories/program/${filter.program}`
  if (filter.tag) return `stories/tag/${filter.tag}`
  return 'stories'
}

async function heading({ locale, filter }: Omit<Args, 'page'>): Promise<string | null> {
  const t = messages(locale)
  if (filter.program) {
    const program = await findProgram(filter.program, locale)
    return program ? `${t.storiesAbout}: ${program.name}` : null
  }
  if (filter.tag) {
    const tag = (await listTags(locale)).find((candidate) => candidate.slug === filter.tag)
    return tag ? `${t.storiesTagged}: ${tag.name}` : null
  }
  return t.stories
}

export async function storyIndexMetadata({ locale, page, filter }: Args) {
  const title = await heading({ locale, filter })
  if (!title) return {}
  const path = page > 1 ? `${basePath({ filter })}/page/${page}` : basePath({ filter })
  return pageMetadata({ locale, path, title: page > 1 ? `${title} (${page})` : title })
}

/** The newest-first story list, optionally filtered by program or tag, one page of it. */
export async function StoryIndex({ locale, page, filter }: Args) {
  const t = messages(locale)
  const [title, stories, programs, tags, settings] = await Promise.all([
    heading({ locale, filter }),
    listStories({ locale, page, filter }),
    programLinks(locale),
    listTags(locale),
    siteSettings(locale),
  ])
  if (!title || !stories || (page > 1 && page > stories.totalPages)) notFound()
  const current = (kind: 'program' | 'tag', slug: string) => (filter[kind] === slug ? 'page' : undefined)
  return (
    <>
      <h1>{title}</h1>
      <div className="filters">
        <nav aria-label={t.filterByProgram}>
          <ul role="list" className="chips">
            <li>
              <Link
                href={localePath(locale, 'stories')}
                aria-current={!filter.program && !filter.tag ? 'page' : undefined}
              >
                {t.allStories}
              </Link>
            </li>
            {programs.map((program) => (
              <li key={program.id}>
                <Link
                  href={localePath(locale, `stories/program/${program.slug}`)}
                  aria-current={current('program', program.slug)}
                >
                  {program.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t.filterByTag}>
          <ul role="list" className="chips">
            {tags.map((tag) => (
              <li key={tag.id}>
                <Link href={localePath(locale, `stories/tag/${tag.slug}`)} aria-current={current('tag', tag.slug)}>
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {stories.docs.length ? (
        <StoryGrid stories={stories.docs} locale={locale} timeZone={settings.timeZone} headingLevel={2} leadsThePage />
      ) : (
        <p>{t.noStories}</p>
      )}
      <Pagination
        locale={locale}
        href={(n) => localePath(locale, n === 1 ? basePath({ filter }) : `${basePath({ filter })}/page/${n}`)}
        page={page}
        totalPages={stories.totalPages}
      />
    </>
  )
}

type RouteParams = Record<string, string>

/**
 * The six story-index routes (all, by program, by tag, each paginated) differ only in how
 * their path params become a filter and page, so each route file is one line of this.
 */
export function storyIndexRoute<P extends RouteParams>(toArgs: (params: P) => { page?: string; filter: StoryFilter }) {
  type Props = { params: Promise<P & { locale: string }> }
  const resolve = async ({ params }: Props): Promise<Args> => {
    const locale = await localeFrom(params)
    const { page, filter } = toArgs(await params)
    return { locale, page: pageNumber(page), filter }
  }
  return {
    generateStaticParams: () => [],
    generateMetadata: async (props: Props) => storyIndexMetadata(await resolve(props)),
    Page: async (props: Props) => <StoryIndex {...await resolve(props)} />,
  }
}
