'use client'

import { useConfig, useLocale } from '@payloadcms/ui'
import { $createInlineBlockNode } from '@payloadcms/richtext-lexical/client'
import { $createTextNode, $insertNodes, type TextNode } from '@payloadcms/richtext-lexical/lexical'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuRenderFn,
  type MenuTextMatch,
} from '@payloadcms/richtext-lexical/lexical/react/LexicalTypeaheadMenuPlugin'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'

import { type FoundPerson, searchPeople } from './searchPeople'

class PersonOption extends MenuOption {
  constructor(readonly person: FoundPerson) {
    super(`${person.collection}:${person.id}`)
  }
}

/**
 * `@` at the start of a line or after a space, `(` or a quote, then up to three words of a name.
 * An e-mail address (`ana@example.org`) does not open the menu.
 */
const trigger = /(^|[\s(«"“'])@([^\s@]+(?: [^\s@]*){0,2})?$/

export function matchMention(text: string): MenuTextMatch | null {
  const match = trigger.exec(text)
  if (!match) return null
  const query = match[2] ?? ''
  return {
    leadOffset: match.index + match[1]!.length,
    matchingString: query,
    replaceableString: `@${query}`,
  }
}

type Search = { query: string; people: FoundPerson[] | null; failed: boolean }

/** Searches leaders and participants by public name as the member of staff types. */
function usePeopleSearch(query: string | null): Search {
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const locale = useLocale()
  const [result, setResult] = useState<Search>({ query: '', people: null, failed: false })

  useEffect(() => {
    if (!query) return
    const controller = new AbortController()
    // Wait for a pause in typing rather than ask on every key.
    const timer = setTimeout(() => {
      searchPeople(`${serverURL}${api}`, query, { locale: locale?.code, signal: controller.signal }).then(
        (people) => setResult({ query, people, failed: false }),
        () => {
          if (!controller.signal.aborted) setResult({ query, people: null, failed: true })
        },
      )
    }, 150)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [api, locale?.code, query, serverURL])

  return useMemo(() => {
    if (!query) return { query: '', people: null, failed: false }
    if (result.query === query) return result
    // While the search for what she has typed since runs, narrow the last answer rather than
    // flicker back to "Searching…" on every key.
    const typed = query.toLocaleLowerCase()
    const narrowed = result.people?.filter((person) => person.name.toLocaleLowerCase().includes(typed))
    return { query, people: narrowed?.length ? narrowed : null, failed: false }
  }, [query, result])
}

/** A new block ID in the form Payload gives them (24 hex digits); works outside secure contexts too. */
const blockId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

/**
 * The `@` typeahead of the story editor: typing `@` and part of a public name lists matching
 * leaders and participants (read through the REST API as the signed-in member of staff), and
 * choosing one inserts a person mention where the `@` was. The toolbar's Person entry stays.
 */
export function MentionTypeahead({ anchorElem }: { anchorElem: HTMLElement }) {
  const [editor] = useLexicalComposerContext()
  const { t } = useVoicesTranslation()
  const [query, setQuery] = useState<string | null>(null)
  const search = usePeopleSearch(query)
  const options = useMemo(() => (search.people ?? []).map((person) => new PersonOption(person)), [search.people])

  const onSelectOption = useCallback(
    (option: PersonOption, textNodeContainingQuery: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        const mention = $createInlineBlockNode({
          id: blockId(),
          blockType: 'personMention',
          blockName: '',
          person: { relationTo: option.person.collection, value: option.person.id },
        })
        if (textNodeContainingQuery) textNodeContainingQuery.replace(mention)
        else $insertNodes([mention])
        const space = $createTextNode(' ')
        mention.insertAfter(space)
        space.select(1, 1)
        closeMenu()
      })
    },
    [editor],
  )

  const kind = (person: FoundPerson) =>
    t(person.collection === 'leaders' ? 'voices:mentions:leader' : 'voices:mentions:participant')

  const status = (): string => {
    if (!query) return t('voices:mentions:searchHint')
    if (search.failed) return t('voices:mentions:searchFailed')
    if (!search.people) return t('voices:mentions:searching')
    return t('voices:mentions:noMatch', { query })
  }

  const renderMenu: MenuRenderFn<PersonOption> = (
    anchorRef,
    { options: shown, selectedIndex, selectOptionAndCleanUp, setHighlightedIndex },
  ) =>
    anchorRef.current
      ? createPortal(
          <div className="slash-menu-popup voices-mention-menu">
            {shown.length > 0 ? (
              shown.map((option, index) => (
                <button
                  aria-selected={selectedIndex === index}
                  className={`slash-menu-popup__item${selectedIndex === index ? ' slash-menu-popup__item--selected' : ''}`}
                  id={`typeahead-item-${index}`}
                  key={option.key}
                  onClick={() => {
                    setHighlightedIndex(index)
                    selectOptionAndCleanUp(option)
                  }}
                  onMouseEnter={() => setHighlightedIndex(index)}
                  ref={option.setRefElement}
                  role="option"
                  tabIndex={-1}
                  type="button"
                >
                  <span className="slash-menu-popup__item-text">{option.person.name}</span>
                  <span className="voices-mention-menu__kind">{kind(option.person)}</span>
                </button>
              ))
            ) : (
              // Shown while searching and when nothing matches, so the menu never sits open
              // invisibly; Escape closes it.
              <div aria-disabled="true" aria-selected="false" className="voices-mention-menu__status" role="option">
                {status()}
              </div>
            )}
          </div>,
          anchorRef.current,
        )
      : null

  return (
    <LexicalTypeaheadMenuPlugin<PersonOption>
      menuRenderFn={renderMenu}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      options={options}
      parent={anchorElem}
      triggerFn={matchMention}
    />
  )
}
