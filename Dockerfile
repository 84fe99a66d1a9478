# Mutuality: multi-stage image. Stage 1 builds the fast-jar with Maven (Quinoa builds the web
# client with Node during the package). Stage 2 runs it on a slim JRE as a non-root user.
#
#   docker build -t mutuality .
#   docker run -p 8080:8080 -v mutuality-data:/app/data mutuality
#
# For PostgreSQL, build with --build-arg DB_KIND=postgresql and run with MUTUALITY_DB_URL,
# MUTUALITY_DB_USER and MUTUALITY_DB_PASSWORD set (see README).

FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm install --no-audit --no-fund
COPY curriculum curriculum
COPY frontend frontend
COPY src src
ARG DB_KIND=h2
# The class-data sharing archive is made in the runtime stage, by its own JVM (an archive serves
# only the JVM build that wrote it), so the build stage skips it and compiles the trainer instead.
RUN MUTUALITY_DB_KIND=${DB_KIND} mvn -B package -DskipTests -Dmutuality.appcds.skip=true \
 && javac --release 17 -d /build/appcds src/main/appcds/Train.java

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin mutuality \
 && mkdir -p /app/data \
 && chown -R 10001:10001 /app
WORKDIR /app
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/ /app/
COPY --from=build /build/appcds/ /opt/appcds/
USER 10001
# One training start writes /app/app-cds.jsa for this image's JVM: the application starts in a
# temporary directory (its H2 file and demo data go there and are deleted), is ready, is stopped.
# Built for PostgreSQL, there is no database to reach here: the start stops early and the archive
# covers what it loaded until then. Without an archive the ENTRYPOINT starts without one.
RUN java -cp /opt/appcds Train /app
VOLUME ["/app/data"]
# 8080: the application and /q/health. 9000: the management port (/q/metrics, /q/openapi,
# /q/swagger-ui); publish it only to Prometheus or an internal network (see README).
EXPOSE 8080 9000
ENV MUTUALITY_DEMO_ENABLED=false \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/q/health/ready || exit 1
# With the archive when there is one: a -XX:SharedArchiveFile naming a missing file would turn off
# the JDK's own class sharing too, and one from another JVM is refused with a warning.
ENTRYPOINT ["sh", "-c", "cds=; [ -f /app/app-cds.jsa ] && cds=-XX:SharedArchiveFile=/app/app-cds.jsa; exec java $cds $JAVA_OPTS -jar /app/quarkus-run.jar"]
