# Production image for Voices (docker-compose.yml runs it as the app instances and the jobs worker).
# Node 24, the active LTS line. The server is Voices' own (`server/start.mjs`: the request queue,
# cache headers and health check around Next.js), so the build is copied whole rather than as
# Next's standalone output, which serves only its own server.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 VOICES_DATA_DIR=/app/data
COPY --from=build /app /app
# The server writes only to the data folder and Next.js's image cache; it runs as `node`, which
# owns those and nothing else.
RUN mkdir -p /app/data /app/.next/cache && chown -R node:node /app/data /app/.next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/start.mjs", "-p", "3000"]
