import type { ReactNode } from 'react'

import type { HelpIconName } from '@/lib/donors/helpKinds'

/** Line drawings on a 24-unit grid, stroked in the text colour. */
const paths: Record<HelpIconName, ReactNode> = {
  heart: <path d="M12 20s-7.5-4.6-7.5-10.2A4.2 4.2 0 0 1 12 7.3a4.2 4.2 0 0 1 7.5 2.5C19.5 15.4 12 20 12 20z" />,
  hands: (
    <path d="M8 12.5V6a1.5 1.5 0 0 1 3 0v5.5M11 11V4.5a1.5 1.5 0 0 1 3 0V11M14 11V5.5a1.5 1.5 0 0 1 3 0V12M17 11.5V9a1.5 1.5 0 0 1 3 0v5a7 7 0 0 1-7 7h-1a6.5 6.5 0 0 1-5.4-2.9L4.2 15a1.6 1.6 0 0 1 2.6-1.9L8 14.6" />
  ),
  handshake: (
    <>
      <path d="M2.5 11.5 6 8l3 1.2L12 7.5l3.5 1L18 8l3.5 3.5" />
      <path d="M6 8v5.5l4.6 4.2a1.5 1.5 0 0 0 2.1-2.1M10 12.5l3.9 3.6a1.5 1.5 0 0 0 2.1-2.1L12 10.4M18 8v5l-2 1" />
    </>
  ),
  home: <path d="M3.5 11 12 4l8.5 7M6 9.5V20h4.5v-5.5h3V20H18V9.5" />,
  building: (
    <>
      <path d="M4.5 20.5V4h9.5v16.5M14 9.5h5.5v11M2.5 20.5h19" />
      <path d="M7.5 7.5h1M10.5 7.5h1M7.5 11h1M10.5 11h1M7.5 14.5h1M10.5 14.5h1M16.5 13h1M16.5 16.5h1" />
    </>
  ),
  letter: (
    <>
      <rect x="3" y="5.5" width="18" height="13" rx="2" />
      <path d="m3.5 7 8.5 6 8.5-6" />
    </>
  ),
}

/** One of the fixed icons an editor chooses for a way to help; decorative, so hidden from screen readers. */
export function HelpIcon({ name }: { name: HelpIconName }) {
  return (
    <svg
      className="help-icon"
      viewBox="0 0 24 24"
      width="32"
      height="32"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  )
}
