# syntax=docker/dockerfile:1

# ---- build: compiles with JDK 25 for release 17 (see pom.xml) ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build

# Wrapper and POM first, so dependencies are a cached layer that only
# changes when pom.xml or the wrapper does.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src src
COPY schema schema
# Formatting is checked in CI, not when building the image.
RUN ./mvnw -B -DskipTests -Dspotless.check.skip=true package

# ---- runtime: Java 25 JRE, non-root ----
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 credfolio \
 && useradd --system --uid 10001 --gid credfolio --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin credfolio \
 && mkdir -p /app/data \
 && chown credfolio:credfolio /app/data
WORKDIR /app
COPY --from=build /build/target/credfolio.jar /app/credfolio.jar
# /app/data: the embedded store (when no MongoDB URI is set) and the
# login-token signing key. Mount a volume there to keep it.
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/credfolio.jar"]
