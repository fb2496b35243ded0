# One image for every Raqib service; the command picks the stage (ingest, enrich, sink, …). It runs
# raqib-service.jar: every command but those that need the embedded broker (broker, demo, bench e2e), and RocksDB's
# native library for Linux x86_64 and aarch64 only.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/raqib raqib && mkdir -p /var/lib/raqib && chown raqib /var/lib/raqib
COPY --from=build /src/app/target/raqib-service.jar /opt/raqib/raqib-service.jar
USER raqib
WORKDIR /var/lib/raqib
# Streams state lives in the container: on a restart or a new replica it is restored from the changelog topics.
ENV RAQIB_STATE_DIR=/var/lib/raqib/streams
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/raqib/raqib-service.jar"]
CMD ["--help"]
