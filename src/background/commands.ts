/**
 * What each keyboard command does, as data: the background's listener only
 * carries it out. Pure, so the mapping is tested without a browser.
 */
import type { BgToCs } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { toggleAll } from '../shared/toggles.ts';

/** Command names as declared in manifest.json `commands`. */
export const COMMANDS = ['toggle-highlights', 'next-highlight', 'previous-highlight'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type CommandPlan =
  | { kind: 'update-settings'; change: (s: Settings) => Settings }
  | { kind: 'send-to-tab'; message: BgToCs }
  | { kind: 'ignore' };

export function planCommand(command: string): CommandPlan {
  switch (command) {
    case 'toggle-highlights': return { kind: 'update-settings', change: toggleAll };
    case 'next-highlight': return { kind: 'send-to-tab', message: { type: 'bg/step-focus', direction: 1 } };
    case 'previous-highlight': return { kind: 'send-to-tab', message: { type: 'bg/step-focus', direction: -1 } };
    default: return { kind: 'ignore' };
  }
}
