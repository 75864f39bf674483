#!/usr/bin/env bash
# API calls per evaluation, counted in the WireMock journal, for the real Lambda handler and SDK clients.
# Usage (from anywhere): bench/remediation/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ ! -f config-remediation-lambda/target/config-remediation-lambda.jar ]]; then
  ./mvnw -B -o -q -pl config-remediation-lambda -am package -DskipTests
fi
# The table is the output: the handler's EMF lines (stdout) and INFO log lines (stderr) are turned off.
POWERTOOLS_METRICS_DISABLED=true POWERTOOLS_LOG_LEVEL=ERROR \
  ./mvnw -B -o -q -f bench/remediation/pom.xml compile exec:java
