# One image for every role: APP_ROLE=api|worker|all selects what the container runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm run build:wall && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# A container's own interface: the published port decides who reaches it (embedded mode would default to loopback).
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The fresh embedded database the build wrote (embedded mode's first start loads it).
COPY --from=build /app/build-cache ./build-cache
COPY --from=build /app/resources ./resources
COPY --from=build /app/apps/dashboard/dist ./apps/dashboard/dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
