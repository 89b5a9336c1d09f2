/** The _locales key naming each highlight kind in the UI (plural: "People", "Places", …). */
import type { MessageKey } from './i18n.ts';
import type { HighlightKind } from './kinds.ts';

export const KIND_LABEL: Record<HighlightKind, MessageKey> = {
  quote: 'kindQuote', per: 'kindPer', loc: 'kindLoc', org: 'kindOrg', misc: 'kindMisc',
};
