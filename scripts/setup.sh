#!/usr/bin/env bash
# Prepares a fresh Debian machine with Node 20 to build, run and test Kontext. Safe to run
# again: it installs only what is missing.
#   - Chromium (Debian package) for the demo and the browser tests, unless CHROME_PATH points
#     at another Chrome/Chromium;
#   - firefox-esr for the Firefox end-to-end test (skip with KONTEXT_NO_FIREFOX=1);
#   - xvfb and xdotool for the one headed test that presses the real keyboard shortcut;
#   - the npm dependencies from package-lock.json (npm ci), unless node_modules already
#     matches the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }

# --- Node ---------------------------------------------------------------------------------
if ! command -v node >/dev/null 2>&1; then
  echo "[setup] Node.js is missing: install Node 20.19 or newer first." >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "[setup] Node $(node --version) is too old: Kontext needs Node 20.19 or newer." >&2
  exit 1
fi

# --- Browsers (Debian packages) -----------------------------------------------------------
packages=()
if [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ]; then
  log "using browser at CHROME_PATH=${CHROME_PATH}"
else
  if [ ! -x /usr/lib/chromium/chromium ]; then packages+=(chromium); fi
  # German UI resources: without them Chromium runs in English and the German UI test skips.
  if [ ! -e /usr/lib/chromium/locales/de.pak ]; then packages+=(chromium-l10n); fi
fi
if [ -z "${KONTEXT_NO_FIREFOX:-}" ] && ! command -v firefox-esr >/dev/null 2>&1; then
  packages+=(firefox-esr)
fi
if [ ! -x /usr/bin/Xvfb ]; then packages+=(xvfb); fi
if [ ! -x /usr/bin/xdotool ]; then packages+=(xdotool); fi
if [ "${#packages[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "[setup] Missing ${packages[*]} and no apt-get here: install them yourself or set CHROME_PATH." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  log "installing ${packages[*]} (apt-get)"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${packages[@]}"
else
  log "browsers and X tools present"
fi

# --- npm dependencies ---------------------------------------------------------------------
# When every dependency in package.json is installed and satisfies its range (npm ls), the
# tree is usable and a reinstall would only cost time (and disturb a running dev server).
if [ -f package-lock.json ]; then
  if [ -f node_modules/.package-lock.json ] && npm ls --depth=0 >/dev/null 2>&1; then
    log "node_modules up to date"
  else
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
else
  log "no package-lock.json: npm install"
  npm install --no-audit --no-fund
fi
log "done"
