#!/usr/bin/env bash
# Runs the benchmarks (they are not tests) and writes their figures, the machine and the command to
# bench/results/*.md. Usage: bench/run.sh [instrumentation|vector|ingestion|all]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -Pbench -DskipTests -DskipITs install -pl bench -am
./mvnw -q -Pbench -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"

run() {
    java -Xmx4g -cp "$classpath" "$@"
}

case "${1:-all}" in
    instrumentation) run io.aegisrag.bench.RunInstrumentationBenchmark ;;
    vector) run io.aegisrag.bench.VectorSearchBenchmark ;;
    ingestion) run io.aegisrag.bench.IngestionBenchmark ;;
    all)
        run io.aegisrag.bench.RunInstrumentationBenchmark
        run io.aegisrag.bench.VectorSearchBenchmark
        run io.aegisrag.bench.IngestionBenchmark
        ;;
    *) echo "usage: $0 [instrumentation|vector|ingestion|all]" >&2; exit 2 ;;
esac
