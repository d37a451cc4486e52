#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) and runs every check: typecheck, lint, unit tests and
# the integration tests against the real lab (redis-server, two dockerd behind sshd, docker-compose,
# qbittorrent-nox, git) and the local emulators.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh --test
npm test
