# Tandem's production image. Build: docker build -t tandem .   Run: see compose.yaml and the README's "Deploy".
# scripts/prod-layout.sh assembles the same /app without Docker, and a test starts it (keep the two in step).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
# The project's npm: npm 11 runs only the dependency install scripts package.json's allowScripts lists.
RUN npm install -g npm@11 --no-audit --no-fund
# Dependencies first, so that a change to the sources does not reinstall them.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
# Its postinstall generates the Prisma client into src/generated/.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/install-production.sh ./scripts/
RUN sh scripts/install-production.sh && npm cache clean --force
# dist/ holds the compiled Prisma client too; migrations are applied from prisma/migrations at start.
COPY --from=build /app/dist ./dist
COPY prisma/migrations ./prisma/migrations
# PostgreSQL refuses to run as root, and so does this image: the embedded database runs as `node`,
# which owns the data volume.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Slim images have no curl; Node's fetch does the same.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
