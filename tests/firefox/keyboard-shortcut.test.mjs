// The shortcut parser the Firefox tests use to press the manifest's commands: it must follow
// the manifest's notation (modifiers joined with "+", the key last) and refuse what it cannot
// press, rather than silently pressing something else. Needs no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShortcut } from './keyboard-shortcut.mjs';

test('letters keep their case only with Shift, and modifiers come in manifest order', () => {
  const shifted = parseShortcut('Alt+Shift+K');
  assert.deepEqual(shifted.modifiers.map((m) => m.key), ['Alt', 'Shift']);
  assert.deepEqual(shifted.key, { key: 'K', code: 'KeyK', keyCode: 75 });
  assert.equal(parseShortcut('Ctrl+Alt+J').key.key, 'j');
});

test('digits and named keys map to their codes', () => {
  assert.deepEqual(parseShortcut('Alt+3').key, { key: '3', code: 'Digit3', keyCode: 51 });
  assert.deepEqual(parseShortcut('Alt+Shift+Period').key, { key: '.', code: 'Period', keyCode: 190 });
  assert.equal(parseShortcut('MacCtrl+Comma').modifiers[0]?.key, 'Control');
});

test('unknown modifiers and keys are refused', () => {
  assert.throws(() => parseShortcut('Hyper+K'), /unsupported modifier/);
  assert.throws(() => parseShortcut('Alt+F13'), /unsupported key/);
});
