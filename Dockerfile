# Multi-stage build: compile TypeScript with dev dependencies, ship only the runtime.
# Node.js 24 LTS, pinned by version (bump both stages together).

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The Mermaid browser bundle (one file) for /catalog PNGs; the npm package itself is a dev dependency.
RUN npm run build \
 && mkdir -p vendor && cp node_modules/mermaid/dist/mermaid.min.js vendor/ \
 && npm prune --omit=dev --ignore-scripts

FROM node:24.21.0-bookworm-slim AS runtime
# git: remediation PRs work in clones; openssh-client: `ssh-keygen -lf` for fingerprints; tini: signal handling.
# WITH_CHROMIUM=true adds headless Chromium (~300 MB) so /catalog also posts the diagram as a PNG.
ARG WITH_CHROMIUM=false
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client tini ca-certificates \
 && if [ "$WITH_CHROMIUM" = "true" ]; then apt-get install -y --no-install-recommends chromium fonts-dejavu-core; fi \
 && rm -rf /var/lib/apt/lists/*
# /data: the data volume (apps clone, clone cache, scratch work), owned by the runtime user so a new
# named volume starts out writable by it. TZ (from .env via docker-compose.yml) sets cron's time zone.
ENV NODE_ENV=production \
    CONFIG_PATH=/config/config.yaml \
    HOME=/home/node \
    XDG_CACHE_HOME=/data/cache \
    TZ=UTC \
    MERMAID_BUNDLE=/app/vendor/mermaid.min.js
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/vendor ./vendor
COPY package.json ./
COPY bin ./bin
RUN mkdir -p /data/cache && chown -R node:node /data \
 && ln -s /app/bin/homelab-bot.js /usr/local/bin/homelab-bot
VOLUME /data
# Runs as the unprivileged `node` user, uid/gid 1000: mounted keys and known_hosts must be readable by uid 1000.
USER node
EXPOSE 8780
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["homelab-bot", "healthcheck"]
ENTRYPOINT ["/usr/bin/tini", "--", "homelab-bot"]
CMD ["start"]
