#!/usr/bin/env bash
# Quick start 1: installs what is needed (scripts/setup.sh), builds the Chrome extension and opens
# the embedded seed article in Chromium with the extension loaded (npm start -> scripts/demo.mjs).
# Headed when a display exists; headless otherwise, writing screenshots to demo-output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm start
