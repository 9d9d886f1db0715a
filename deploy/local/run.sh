#!/usr/bin/env bash
# Runs the whole platform on this machine: a Kafka broker and PostgreSQL from Maven artifacts
# (no Docker), the SES simulator on 8086, then the five services on ports 8081-8085.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=target/local
mkdir -p "$work"
rm -f "$work/infra.env"

echo "building (tests skipped)..."
./mvnw -B -q install -DskipTests
./mvnw -B -q -pl testkit dependency:build-classpath -Dmdep.outputFile="$PWD/$work/testkit.classpath"

pids=()
stop() {
  echo "stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "testkit/target/classes:$(cat "$work/testkit.classpath")" \
  io.isolane.testkit.LocalInfra "$work/infra.env" >"$work/infra.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do [ -f "$work/infra.env" ] && break; sleep 0.5; done
[ -f "$work/infra.env" ] || { echo "infrastructure did not start; see $work/infra.log"; exit 1; }
set -a; . "$work/infra.env"; set +a

# A fresh admin token for this run; tenant-service only ever sees its SHA-256.
admin_token=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 43)
export ISOLANE_TENANT_ADMIN_TOKEN_SHA256=$(printf '%s' "$admin_token" | sha256sum | cut -d' ' -f1)

# SES simulator: any static credentials; configuration sets publish to this (simulated) SNS topic.
export ISOLANE_AWS_ACCESS_KEY_ID=local ISOLANE_AWS_SECRET_ACCESS_KEY=local
export ISOLANE_TENANT_SES_FEEDBACK_TOPIC_ARN=arn:aws:sns:us-east-1:123456789012:isolane-ses-feedback

# One-click unsubscribe links: a fresh signing secret per run, shared by sending and feedback.
export ISOLANE_UNSUBSCRIBE_BASE_URL=https://localhost:8084/u
export ISOLANE_UNSUBSCRIBE_SIGNING_KEY_ID=local
export ISOLANE_UNSUBSCRIBE_SECRETS="local:$(head -c 32 /dev/urandom | base64 | tr -d '\n')"

# feedback-service trusts SES feedback only from this topic, and the simulator's certificate.
export ISOLANE_FEEDBACK_SNS_ALLOWED_TOPIC_ARNS="$ISOLANE_TENANT_SES_FEEDBACK_TOPIC_ARN"
export ISOLANE_FEEDBACK_SNS_EXTRA_TRUSTED_SOURCES=http://localhost:8086/

start() { # module database
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$2" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:$PG_PORT/$2" \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    java -jar "$1/target/quarkus-app/quarkus-run.jar" >"$work/$1.log" 2>&1 &
  pids+=($!)
}
start tenant-service tenant
start sending-service sending
start warmup-service warmup
start feedback-service feedback
start reply-classifier replies

for port in 8081 8082 8083 8084 8085; do
  for _ in $(seq 1 120); do
    curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
done
# SES feedback: the simulator's SNS topic, subscribed to feedback-service (which confirms it).
curl -fs -X POST http://localhost:8086/ -d "Action=CreateTopic&Name=isolane-ses-feedback" >/dev/null
curl -fs -X POST http://localhost:8086/ --data-urlencode "Action=Subscribe" \
  --data-urlencode "TopicArn=$ISOLANE_TENANT_SES_FEEDBACK_TOPIC_ARN" --data-urlencode "Protocol=http" \
  --data-urlencode "Endpoint=http://localhost:8084/sns/ses" >/dev/null

cat <<INFO
Isolane is running (logs in $work/):
  tenant-service   http://localhost:8081/q/swagger-ui   admin token: $admin_token
  sending-service  http://localhost:8082/q/health
  warmup-service   http://localhost:8083/q/health
  feedback-service http://localhost:8084/q/health
  reply-classifier http://localhost:8085/q/health
  SES simulator    $ISOLANE_AWS_ENDPOINT_OVERRIDE (SES v2 + SNS for the AWS SDK, any credentials)
  Kafka            $KAFKA_BOOTSTRAP_SERVERS
Try: curl -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \\
       -d '{"id":"acme","name":"Acme","tier":"isolated"}' http://localhost:8081/v1/tenants
Ctrl-C stops everything.
INFO
wait
