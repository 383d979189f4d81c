# capdoctor's image, for the admission webhook (deploy/webhook/) and for running the CLI in a cluster.
# The build stage compiles the bundle; the runtime stage holds Node.js, bin/ and dist/ only (the bundle
# carries its dependencies) and runs as an unprivileged user, with no shell and no package manager.
#
#   docker build -t registry.example.com/capdoctor:0.1.0 .

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# No install scripts: the build below is the only step that runs project code.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
RUN node scripts/build.mjs

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /app
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/bin ./bin
COPY --from=build /src/dist ./dist
COPY LICENSE* README.md ./
# The distroless "nonroot" user; the pod's securityContext sets the same.
USER 65532:65532
EXPOSE 8443
ENTRYPOINT ["/nodejs/bin/node", "/app/bin/capdoctor.cjs"]
CMD ["webhook", "--help"]
