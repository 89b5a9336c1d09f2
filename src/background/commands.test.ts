import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../shared/settings.ts';
import { visibleKinds } from '../shared/toggles.ts';
import { isBgToCs } from '../shared/messages.ts';
import { COMMANDS, planCommand } from './commands.ts';

describe('planCommand', () => {
  it('toggle flips the highlights off and back on', () => {
    const plan = planCommand('toggle-highlights');
    if (plan.kind !== 'update-settings') throw new Error('expected a settings change');
    const off = plan.change(defaultSettings());
    expect(visibleKinds(off).size).toBe(0);
    expect(visibleKinds(plan.change(off))).toEqual(visibleKinds(defaultSettings()));
  });

  it('next and previous send a valid focus step to the tab, in opposite directions', () => {
    const next = planCommand('next-highlight');
    const prev = planCommand('previous-highlight');
    expect(next.kind === 'send-to-tab' && isBgToCs(next.message)).toBe(true);
    expect(next).toEqual({ kind: 'send-to-tab', message: { type: 'bg/step-focus', direction: 1 } });
    expect(prev).toEqual({ kind: 'send-to-tab', message: { type: 'bg/step-focus', direction: -1 } });
  });

  it('ignores commands it does not know', () => {
    expect(planCommand('_execute_action').kind).toBe('ignore');
    expect(planCommand('')).toEqual({ kind: 'ignore' });
  });

  it('handles exactly the commands the manifest declares', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as { commands: Record<string, unknown> };
    expect(Object.keys(manifest.commands).sort()).toEqual([...COMMANDS].sort());
    for (const c of COMMANDS) expect(planCommand(c).kind).not.toBe('ignore');
  });
});
