# The service image for docker-compose.yml. Neo4j comes from the compose file (NEO4J_URI).
# Stage 1 builds the outlook page (typed client, trusted documents, esbuild bundle) with the dev tools.
FROM node:24-alpine AS page
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY schema ./schema
COPY web ./web
COPY scripts/build-web.ts scripts/web-codegen.ts ./scripts/
RUN node scripts/build-web.ts

FROM node:24-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY src ./src
# src/runtime.ts imports the Neo4j connection helpers from tools/neo4j.
COPY tools ./tools
COPY cypher ./cypher
COPY schema ./schema
COPY data ./data
# GraphiQL opens with the README's examples as tabs.
COPY README.md ./
COPY --from=page /app/web/dist ./web/dist
COPY --from=page /app/web/persisted-documents.json ./web/persisted-documents.json
ENV NODE_ENV=production
EXPOSE 4000
CMD ["node", "src/server.ts"]
