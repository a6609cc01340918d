import type { Block } from '../richText'

/** A value written in English, with Russian and Kazakh where the demo has them. */
export type Localized = { en: string; ru?: string; kk?: string }

export type LocalizedBody = { en: Block[]; ru?: Block[]; kk?: Block[] }
