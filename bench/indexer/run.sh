#!/usr/bin/env bash
# Indexer throughput: the Lambda's bulk path vs a raw _bulk of the same documents, on one local OpenSearch node.
# Usage: bench/indexer/run.sh [copies-of-the-corpus=20] [rounds=3]
# Run from anywhere; needs the module's test classes: ./mvnw -B -o -q -pl opensearch-indexer-lambda -am test-compile
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
module="$root/opensearch-indexer-lambda"
out="$root/bench/indexer/target"
mkdir -p "$out/classes"
(cd "$root" && ./mvnw -B -o -q -pl opensearch-indexer-lambda -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt")
cp="$module/target/classes:$module/target/test-classes:$(cat "$out/classpath.txt")"
javac -d "$out/classes" -cp "$cp" "$root/bench/indexer/IndexerThroughputBench.java"
exec java -Xmx1g -Xms1g -cp "$out/classes:$cp" IndexerThroughputBench "$@"
