# One image for every Raqib service; the command picks the stage (ingest, enrich, sink, …).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /var/lib/raqib raqib && mkdir -p /var/lib/raqib && chown raqib /var/lib/raqib
COPY --from=build /src/app/target/raqib.jar /opt/raqib/raqib.jar
USER raqib
WORKDIR /var/lib/raqib
# Streams state lives in the container: on a restart or a new replica it is restored from the changelog topics.
ENV RAQIB_STATE_DIR=/var/lib/raqib/streams
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/raqib/raqib.jar"]
CMD ["--help"]
