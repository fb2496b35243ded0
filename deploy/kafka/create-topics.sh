#!/usr/bin/env bash
# One-shot topic creation for docker-compose (the `topics` service, run in the apache/kafka image): creates each of
# Raqib's topics that is missing with the partitions, replication and configs the stages' own TopicAdmin gives it,
# then exits 0. Existing topics are left as they are (a stage warns at start when one differs).
# Keep in step with Topics.all() and TopicAdmin.configsOf (DockerComposeFileTest checks it).
set -euo pipefail

bootstrap="${RAQIB_BOOTSTRAP_SERVERS:-kafka:9092}"
partitions="${RAQIB_PARTITIONS:-3}"
replication="${RAQIB_REPLICATION:-1}"
max_record_bytes="${RAQIB_MAX_RECORD_BYTES:-8388608}"

# topic NAME CLEANUP_POLICY
topic() {
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$1" \
    --partitions "$partitions" --replication-factor "$replication" \
    --config "cleanup.policy=$2" --config "max.message.bytes=$max_record_bytes"
}

topic raqib.articles.raw delete
topic raqib.articles.enriched delete
topic raqib.watches compact
topic raqib.alerts delete
topic raqib.alert.states compact
topic raqib.digests delete
topic raqib.dlq delete

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --describe --topic 'raqib\..*'
