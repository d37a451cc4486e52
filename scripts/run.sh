#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) and starts homelab-bot in the local shell:
# the chat adapter is a terminal REPL, the worker runs in the same process, and Redis is a
# private redis-server unless REDIS_URL is set. No chat tokens needed.
# With no config.yaml (and no CONFIG_PATH) it starts the demo homelab instead (`homelab-bot demo`).
set -euo pipefail
# The demo prints the time from this command to its prompt.
HLB_RUN_STARTED_MS="$(date +%s%3N)"
export HLB_RUN_STARTED_MS
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
if [ -z "${CONFIG_PATH:-}" ] && [ ! -f config.yaml ]; then
  echo "No config.yaml here (and CONFIG_PATH is not set): starting the demo homelab instead."
  echo "Type quit (or press Ctrl-C twice) to leave the demo; it stops everything it started."
  echo "For your own homelab: cp config.example.yaml config.yaml, fill it in, and run this again."
  exec node bin/homelab-bot.js demo "$@"
fi
exec node bin/homelab-bot.js shell "$@"
