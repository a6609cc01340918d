'use client'

import { createClientFeature } from '@payloadcms/richtext-lexical/client'
import { $getSelection, $isRangeSelection } from '@payloadcms/richtext-lexical/lexical'

import type { VoicesT } from '@/lib/refusals/translate'

import { EditorName } from './EditorName.client'
import { MentionTypeahead } from './MentionTypeahead.client'

const AtIcon = () => (
  <span aria-hidden="true" className="icon voices-mention-menu__icon">
    @
  </span>
)

/**
 * The client half of `PersonMentionsFeature`: the `@` typeahead, and a slash-menu entry
 * ("/mention") that starts it for those who look there first. The text box the menu belongs
 * to is named after its field, for screen readers.
 */
export const PersonMentionsFeatureClient = createClientFeature({
  plugins: [
    { Component: MentionTypeahead, position: 'floatingAnchorElem' },
    { Component: EditorName, position: 'normal' },
  ],
  slashMenu: {
    groups: [
      {
        key: 'people',
        label: ({ i18n }) => (i18n.t as unknown as VoicesT)('voices:mentions:peopleGroup'),
        items: [
          {
            key: 'mentionSomeone',
            Icon: AtIcon,
            keywords: ['mention', 'person', 'leader', 'participant', 'name', '@'],
            label: ({ i18n }) => (i18n.t as unknown as VoicesT)('voices:mentions:mentionSomeone'),
            onSelect: ({ editor }) => {
              editor.update(() => {
                const selection = $getSelection()
                if (!$isRangeSelection(selection)) return
                // The typeahead opens on an `@` that starts a word.
                const anchor = selection.anchor
                const before = anchor.type === 'text' ? anchor.getNode().getTextContent().slice(0, anchor.offset) : ''
                selection.insertText(before === '' || /\s$/.test(before) ? '@' : ' @')
              })
            },
          },
        ],
      },
    ],
  },
})
