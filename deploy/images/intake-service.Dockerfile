# Image of intake-service. Build from the repository root after `./mvnw -pl intake-service -am package`:
#   docker build -f deploy/images/intake-service.Dockerfile -t mall-service-desk/intake-service:0.1.0 .
# Not built in CI (no Docker engine there); DockerfileRulesTest checks the rules below.
FROM eclipse-temurin:17.0.15_6-jre-jammy

RUN groupadd --system --gid 10001 msd && useradd --system --uid 10001 --gid msd --home-dir /app msd
WORKDIR /app
COPY --chown=10001:10001 intake-service/target/intake-service-*-exec.jar /app/app.jar
USER 10001:10001

# Service port and management port (service port + 1000, platform contract).
ENV SERVER_PORT=8081 MANAGEMENT_SERVER_PORT=9081
EXPOSE 8081 9081

# No curl in the image: bash's /dev/tcp asks the management port for the health status.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9081 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

# Heap from the container's memory limit; a JVM out of memory exits so the orchestrator restarts it.
# More flags: JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
