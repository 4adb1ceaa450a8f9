# The service image for docker-compose.yml. Neo4j comes from the compose file (NEO4J_URI).
FROM node:24-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY src ./src
COPY cypher ./cypher
COPY schema ./schema
COPY data ./data
# GraphiQL opens with the README's examples as tabs.
COPY README.md ./
ENV NODE_ENV=production
EXPOSE 4000
CMD ["node", "src/server.ts"]
