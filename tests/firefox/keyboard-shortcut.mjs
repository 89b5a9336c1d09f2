// Presses an extension's keyboard shortcut in firefox-esr the way a user would: a trusted key
// press in the browser window, synthesized with nsITextInputProcessor from the privileged
// (chrome) scope. Firefox matches it against the <key> elements it registered for the
// manifest's `commands`, and the extension receives commands.onCommand. BiDi's own input
// actions cannot do this: they are dispatched inside web content, where browser shortcuts
// are never looked up.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MODIFIERS = {
  Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  Ctrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
  MacCtrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
  Command: { key: 'Meta', code: 'MetaLeft', keyCode: 91 },
};
const NAMED_KEYS = {
  Comma: { key: ',', code: 'Comma', keyCode: 188 },
  Period: { key: '.', code: 'Period', keyCode: 190 },
  Space: { key: ' ', code: 'Space', keyCode: 32 },
};

/** The suggested default shortcut of a command in the built manifest, e.g. "Alt+Shift+K". */
export function manifestShortcut(distDir, command) {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8'));
  const shortcut = manifest.commands?.[command]?.suggested_key?.default;
  if (!shortcut) throw new Error(`manifest has no default shortcut for command "${command}"`);
  return shortcut;
}

/** Turns "Alt+Shift+K" into the key descriptions the text input processor needs. */
export function parseShortcut(shortcut) {
  const parts = shortcut.split('+');
  const last = parts.pop() ?? '';
  const modifiers = parts.map((name) => {
    const modifier = MODIFIERS[name];
    if (!modifier) throw new Error(`unsupported modifier "${name}" in ${shortcut}`);
    return modifier;
  });
  let key;
  if (/^[A-Z]$/.test(last)) key = { key: parts.includes('Shift') ? last : last.toLowerCase(), code: `Key${last}`, keyCode: last.charCodeAt(0) };
  else if (/^[0-9]$/.test(last)) key = { key: last, code: `Digit${last}`, keyCode: last.charCodeAt(0) };
  else key = NAMED_KEYS[last];
  if (!key) throw new Error(`unsupported key "${last}" in ${shortcut}`);
  return { modifiers, key };
}

/** Privileged-scope expression that presses the shortcut in the browser window. */
export function pressShortcutExpression(shortcut) {
  const { modifiers, key } = parseShortcut(shortcut);
  return `(() => {
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
    const event = (init) => new KeyboardEvent('', init);
    const modifiers = ${JSON.stringify(modifiers)}.map(event);
    const key = event(${JSON.stringify(key)});
    for (const modifier of modifiers) tip.keydown(modifier);
    tip.keydown(key);
    tip.keyup(key);
    for (const modifier of modifiers.reverse()) tip.keyup(modifier);
    return 'pressed';
  })()`;
}
