import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { revalidateGlobal } from '@/hooks/revalidatePublicSite'
import { cacheTags } from '@/lib/site/cacheTags'

import { givingFields } from './fields/giving'
import { storyCta } from './fields/storyCta'
import { waysToHelp } from './fields/waysToHelp'

/**
 * What the donor journey says and where it leads: the call to action under every story, the
 * donation panel's hand-off and suggested amounts, and the ways to help. Everything here is
 * public (the site shows it), so visitors read it; editors and admins change it.
 */
export const GetInvolved: GlobalConfig = {
  slug: 'get-involved',
  label: { en: 'Get involved', ru: 'Как помочь' },
  admin: {
    group: 'Settings',
    description: {
      en: 'The call to action under stories, giving, and the ways to help shown on the Get involved page.',
      ru: 'Призыв под историями, пожертвования и способы помочь на странице «Как помочь».',
    },
  },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [revalidateGlobal(cacheTags.globals)] },
  fields: [
    {
      type: 'tabs',
      tabs: [
        { label: { en: 'Call to action', ru: 'Призыв' }, fields: [storyCta] },
        { label: { en: 'Giving', ru: 'Пожертвования' }, fields: givingFields },
        { label: { en: 'Ways to help', ru: 'Как помочь' }, fields: [waysToHelp] },
      ],
    },
  ],
}
