import type { VoicesT } from '@/lib/refusals/translate'
import { describeConsentProblem } from '@/privacy/consent/scopes'
import { consentEndsSoonDays } from '@/privacy/consent/whoIsTold'
import type { MentionChip } from '@/privacy/names/mentionChips'

type Props = { chip: MentionChip | undefined; t: VoicesT }

/** What the chip says on hover, after her kind (leader or participant): whether the site names her. */
function namingText(chip: MentionChip, t: VoicesT): string | null {
  switch (chip.naming) {
    case undefined:
      return null
    case 'named':
      return t('voices:mentions:named')
    case 'endsSoon':
      return t('voices:mentions:endsSoon', { days: String(consentEndsSoonDays) })
    case 'erased':
      return t('voices:mentions:erased')
    case 'scopeMissing':
      return t('voices:mentions:notNamed', {
        reason: describeConsentProblem({ code: 'scopeMissing', scope: 'name' }, t),
      })
    default:
      return t('voices:mentions:notNamed', { reason: describeConsentProblem({ code: chip.naming }, t) })
  }
}

/**
 * A person mention as the story editor shows it: her current public name, muted with the reason
 * on hover when the site will not name her or soon will not (in the words the publish check
 * uses). Staff who are not told about consent (contributors) see the name only.
 */
export function MentionChipView({ chip, t }: Props) {
  if (!chip?.name) {
    return (
      <span className="voices-mention voices-mention--muted" data-naming="missing">
        {chip ? t('voices:mentions:notOnFile') : t('voices:mentions:choose')}
      </span>
    )
  }
  const kind = t(chip.collection === 'leaders' ? 'voices:mentions:leader' : 'voices:mentions:participant')
  const naming = namingText(chip, t)
  const muted = chip.naming !== undefined && chip.naming !== 'named'
  return (
    <span
      className={muted ? 'voices-mention voices-mention--muted' : 'voices-mention'}
      data-naming={chip.naming ?? 'untold'}
      title={naming ? `${kind}. ${naming}` : kind}
    >
      {muted ? (
        <span aria-hidden="true" className="voices-mention__mark">
          !
        </span>
      ) : null}
      {chip.name}
    </span>
  )
}
