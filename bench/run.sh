#!/usr/bin/env bash
# Runs the benchmarks (they are not tests) and writes their figures, the machine and the command to
# bench/results/*.md. Usage: bench/run.sh [instrumentation|vector|ingestion|parsing|quality [embedding providers...]|rest|all]
# "rest" starts the app on Liberty (port 9080), loads ~10k chunks and drives it with wrk (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -Pbench -DskipTests -DskipITs install -pl bench -am
./mvnw -q -Pbench -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"

# BENCH_JAVA_OPTS passes system properties, e.g. -Dquality.corpus=DIR -Dquality.questions=FILE.tsv for another corpus.
run() {
    java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$@"
}

heap_used_mib() {
    jcmd "$1" GC.run > /dev/null
    jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+' | awk '{printf "%.0f", $1 / 1024}'
}

rest() {
    local report results pid
    rest_data=$(mktemp -d)
    report=bench/results/rest-load.md
    ./mvnw -q -DskipTests -DskipITs install
    ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start -Dliberty.var.aegis.data.dir="$rest_data" \
        -Dliberty.var.aegis.api.rate-limit.per-minute=0
    trap './mvnw -q -pl aegis-coordinator liberty:stop; rm -rf "$rest_data"' EXIT
    pid=$(pgrep -f 'ws-server.jar.*aegisServer' | head -1)
    local ingest
    ingest=$(run io.aegisrag.bench.LoadCorpus http://localhost:9080 10000)
    local heap_ingested disk
    heap_ingested=$(heap_used_mib "$pid")
    disk=$(du -sm "$rest_data" | cut -f1)
    wrk -t2 -c4 -d20s -s bench/query.lua http://localhost:9080 > /dev/null
    local heap_warm
    heap_warm=$(heap_used_mib "$pid")
    results=""
    for connections in 1 4 16; do
        local line
        line=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d30s -s bench/query.lua http://localhost:9080 | grep RESULT)
        results+="| $connections | $(echo "$line" | sed -E 's/.*qps=([0-9.]+) p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+) \((.*)\).*/\1 | \2 | \3 | \4 | \5 (\6)/') |"$'\n'
    done
    local soak heap_soaked
    soak=$(wrk -t2 -c4 -d300s -s bench/query.lua http://localhost:9080 | grep RESULT)
    heap_soaked=$(heap_used_mib "$pid")
    {
        echo "# REST API under load (wrk against Open Liberty, extractive model)"
        echo
        echo "- date: $(date -u +%FT%TZ)"
        echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
        echo "- java: $(java -version 2>&1 | head -1)"
        echo "- command: \`bench/run.sh rest\`"
        echo
        echo "Corpus: $ingest through POST /api/v1/documents (synthetic Markdown). Load: wrk, POST /api/v1/query with 200 questions in turn"
        echo "(so embeddings come from the cache after the first round), top_k 5, 30 s per row after a 20 s warm-up; wrk and the"
        echo "server share the 2 cores."
        echo
        echo "| connections | QPS | p50 ms | p95 ms | p99 ms | errors |"
        echo "|---|---|---|---|---|---|"
        printf '%s' "$results"
        echo
        echo "Soak, 4 connections for 300 s: $soak"
        echo
        echo "| heap used after full GC | MiB |"
        echo "|---|---|"
        echo "| after ingesting the corpus | $heap_ingested |"
        echo "| after warm-up | $heap_warm |"
        echo "| after the 300 s soak | $heap_soaked |"
        echo
        echo "Data directory (Lucene index + memory journal) for the corpus: $disk MiB."
    } > "$report"
    cat "$report"
}

case "${1:-all}" in
    instrumentation) run io.aegisrag.bench.RunInstrumentationBenchmark ;;
    vector) run io.aegisrag.bench.VectorSearchBenchmark ;;
    ingestion) run io.aegisrag.bench.IngestionBenchmark ;;
    parsing) run io.aegisrag.bench.ParsingBenchmark ;;
    quality) shift; run io.aegisrag.bench.QualityBenchmark "$@" ;;
    rest) rest ;;
    all)
        run io.aegisrag.bench.RunInstrumentationBenchmark
        run io.aegisrag.bench.VectorSearchBenchmark
        run io.aegisrag.bench.IngestionBenchmark
        run io.aegisrag.bench.ParsingBenchmark
        rest
        ;;
    *) echo "usage: $0 [instrumentation|vector|ingestion|parsing|quality [models...]|rest|all]" >&2; exit 2 ;;
esac
