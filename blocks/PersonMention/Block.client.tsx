'use client'

import { useInlineBlockComponentContext } from '@payloadcms/richtext-lexical/client'
import { useLexicalEditable } from '@payloadcms/richtext-lexical/lexical/react/useLexicalEditable'
import { ShimmerEffect } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'

/**
 * A person mention in the story editor (Payload's `admin.components.Block` for inline blocks):
 * Payload's own chip, with her name from the server-rendered label (Label.tsx), and its edit and
 * remove buttons. Those carry only a hover tooltip, so a screen reader would announce two
 * unnamed buttons in every mention: this gives them names.
 */
export function PersonMentionBlock() {
  const { EditButton, InlineBlockContainer, initialState, Label, RemoveButton } = useInlineBlockComponentContext()
  const editable = useLexicalEditable()
  const { t } = useVoicesTranslation()
  const actions = useRef<HTMLDivElement>(null)
  const editLabel = t('voices:mentions:change')
  const removeLabel = t('voices:mentions:remove')

  useEffect(() => {
    const [edit, remove] = Array.from(actions.current?.querySelectorAll('button') ?? [])
    edit?.setAttribute('aria-label', editLabel)
    remove?.setAttribute('aria-label', removeLabel)
  })

  if (!InlineBlockContainer) return null
  return (
    <InlineBlockContainer>
      {initialState && Label ? <Label /> : <ShimmerEffect height="15px" width="40px" />}
      {editable ? (
        <div className="LexicalEditorTheme__inlineBlock__actions voices-mention__actions" ref={actions}>
          {EditButton ? <EditButton /> : null}
          {RemoveButton ? <RemoveButton /> : null}
        </div>
      ) : null}
    </InlineBlockContainer>
  )
}
