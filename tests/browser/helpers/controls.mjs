// Finding and flipping the side panel's highlight switches the way a reader does: by their
// role and accessible name (English UI: the tests launch Chromium with --lang=en-US).

const NAMES = {
  all: /^\s*all highlights\s*$/i,
  quote: /^\s*quotes\s*$/i,
  per: /^\s*people\s*$/i,
  loc: /^\s*places\s*$/i,
  org: /^\s*organi[sz]ations\s*$/i,
  misc: /^\s*other names\s*$/i,
};

/** The switch for `kind` ('all' or a highlight kind) in the side panel page. */
export function switchLocator(panel, kind) {
  const name = NAMES[kind];
  if (!name) throw new Error(`unknown switch ${kind}`);
  return panel.getByRole('switch', { name }).or(panel.getByRole('checkbox', { name })).first();
}

/** Clicks the switch when it is not already in the wanted state, then checks it took. */
export async function switchControl(panel, kind, on) {
  const control = switchLocator(panel, kind);
  await control.waitFor({ state: 'visible', timeout: 10_000 });
  const isOn = async () => {
    const aria = await control.getAttribute('aria-checked');
    return aria === null ? control.isChecked() : aria === 'true';
  };
  if ((await isOn()) !== on) await control.click();
  const deadline = Date.now() + 3_000;
  while ((await isOn()) !== on) {
    if (Date.now() > deadline) throw new Error(`the ${kind} switch did not turn ${on ? 'on' : 'off'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
