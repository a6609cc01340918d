'use client'

import { getTranslation } from '@payloadcms/translations'
import { useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useTranslation } from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * Gives the editable area its field's label as its accessible name. Payload draws the label
 * beside the editor without tying the two together, so a screen reader announced the story's
 * text box, where the `@` menu opens, as an unnamed edit field.
 */
export function EditorName() {
  const [editor] = useLexicalComposerContext()
  const {
    fieldProps: { field },
  } = useEditorConfigContext()
  const { i18n } = useTranslation()
  const label = field?.label
  const name =
    typeof label === 'string' || (label && typeof label === 'object') ? getTranslation(label, i18n) : field?.name

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (root && name) root.setAttribute('aria-label', name)
      }),
    [editor, name],
  )
  return null
}
