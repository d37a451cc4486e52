#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) and starts homelab-bot in the local shell:
# the chat adapter is a terminal REPL, the worker runs in the same process, and Redis is a
# private redis-server unless REDIS_URL is set. No chat tokens needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
exec node bin/homelab-bot.js shell "$@"
