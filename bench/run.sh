#!/usr/bin/env bash
# Runs the benchmarks (they are not tests) and writes their figures, the machine and the command to
# bench/results/*.md. Usage: bench/run.sh [instrumentation|vector|embedding|ingestion|parsing|extraction|graph|temporal|quality [embedding providers...]|documents|rerank|ensemble providers...|rest|rest-against REV|peer|profile|generation|all]
# "rest" starts the app on Liberty (port 9080), loads ~10k chunks and drives it with wrk (Debian package).
# "generation" starts a WireMock replaying an Ollama that answers at once, and the app on Liberty with the chain
# ollama,extractive, and drives /query with each model and /chat with wrk: what the generation layer costs.
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

# The graph and temporal benchmarks run a Neo4j 5.26 (neo4j-harness) in their JVM, on the Lucene that Neo4j is built on (9.11).
with_neo4j() {
    local lucene=~/.m2/repository/org/apache/lucene
    ./mvnw -q dependency:get -Dartifact=org.apache.lucene:lucene-core:9.11.1 -Dtransitive=false
    ./mvnw -q dependency:get -Dartifact=org.apache.lucene:lucene-analysis-common:9.11.1 -Dtransitive=false
    java -Xmx6g ${BENCH_JAVA_OPTS:-} -cp "$(echo "$classpath" | sed -e "s#[^:]*/lucene-core-[0-9.]*\.jar#$lucene/lucene-core/9.11.1/lucene-core-9.11.1.jar#" \
        -e "s#[^:]*/lucene-analysis-common-[0-9.]*\.jar#$lucene/lucene-analysis-common/9.11.1/lucene-analysis-common-9.11.1.jar#")" \
        "$@"
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
    local episodes=500
    for i in $(seq 1 "$episodes"); do
        curl -sf -o /dev/null -XPOST localhost:9080/api/v1/memory/episodes -H 'Content-Type: application/json' \
            -d "{\"session_id\":\"bench-$((i % 20))\",\"content\":\"Engineer$i works at Company$((i % 50)). Company$((i % 50)) uses Product$((i % 7)).\"}"
    done
    wrk -t2 -c4 -d20s -s bench/query.lua http://localhost:9080 > /dev/null
    local before_rows stage_table
    before_rows=$(curl -s localhost:9080/metrics)
    local heap_warm
    heap_warm=$(heap_used_mib "$pid")
    results=""
    for connections in 1 4 16; do
        local line
        line=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d30s -s bench/query.lua http://localhost:9080 | grep RESULT)
        results+="| $connections | $(echo "$line" | sed -E 's/.*qps=([0-9.]+) p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+) \((.*)\).*/\1 | \2 | \3 | \4 | \5 (\6)/') |"$'\n'
    done
    stage_table=$(printf '%s\n--\n%s\n' "$before_rows" "$(curl -s localhost:9080/metrics)" | awk '
        /^--$/ { after = 1; next }
        /^aegis_query_latency_seconds_(sum|count)\{/ {
            if (match($0, /stage="[a-z0-9_]+"/) == 0) next
            stage = substr($0, RSTART + 7, RLENGTH - 8)
            kind = ($0 ~ /_sum\{/) ? "sum" : "count"
            value[after, kind, stage] = $NF
        }
        END {
            split("vector bm25 graph memory", stages, " ")
            base = (value[1, "sum", "vector"] - value[0, "sum", "vector"]) / (value[1, "count", "vector"] - value[0, "count", "vector"])
            for (i = 1; i <= 4; i++) {
                s = stages[i]
                n = value[1, "count", s] - value[0, "count", s]
                mean = (value[1, "sum", s] - value[0, "sum", s]) / n
                printf "| %s | %d | %.3f | %.2f |\n", s, n, mean * 1000, mean / base
            }
        }')
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
        echo "Each retriever's own time (stage=\"vector|bm25|graph|memory\" of aegis_query_latency_seconds, read from /metrics"
        echo "over the three rows above; the retrievers run in parallel). Memory held the corpus's entity facts and $episodes"
        echo "episodes (two relations each, 20 sessions) posted before the warm-up:"
        echo
        echo "| retriever | calls | mean ms | ratio to vector |"
        echo "|---|---|---|---|"
        printf '%s\n' "$stage_table"
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

# Bulk ingestion on Liberty: 1,000 real text files (the first unique ones of /usr/share/doc) in two jobs of 500, the
# second while wrk queries the server; documents/s and chunks/s of each job, query p50/p95 idle and during the job.
jobs() {
    local report job_a job_b idle during
    jobs_data=$(mktemp -d)
    jobs_corpus=$(mktemp -d)
    report=bench/results/ingestion-jobs.md
    ./mvnw -q -DskipTests -DskipITs install
    python3 - "$jobs_corpus" <<'PY'
import hashlib, os, sys, zipfile
seen, files = set(), []
for root, _, names in sorted(os.walk("/usr/share/doc")):
    for name in sorted(names):
        path = os.path.join(root, name)
        if name.endswith(".gz") or os.path.islink(path) or not 1000 < os.path.getsize(path) < 100000:
            continue
        data = open(path, "rb").read()
        digest = hashlib.sha256(data).hexdigest()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if digest not in seen:
            seen.add(digest)
            files.append((path[len("/usr/share/doc/"):].replace("/", "_") + ".txt", data))
    if len(files) >= 1000:
        break
for part in (0, 1):
    with zipfile.ZipFile(os.path.join(sys.argv[1], "part%d.zip" % part), "w") as z:
        for name, data in files[part * 500:(part + 1) * 500]:
            z.writestr(name, data)
print(sum(len(d) for _, d in files[:1000]))
PY
    ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start -Dliberty.var.aegis.data.dir="$jobs_data" \
        -Dliberty.var.aegis.api.rate-limit.per-minute=0 -Dliberty.var.aegis.api.max-upload-bytes=268435456
    trap './mvnw -q -pl aegis-coordinator liberty:stop; rm -rf "$jobs_data" "$jobs_corpus"' EXIT
    submit() {
        curl -sf -XPOST "localhost:9080/api/v1/ingestions?name=$1" -H 'Content-Type: application/zip' --data-binary "@$jobs_corpus/$1" \
            | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])'
    }
    wait_job() {
        while [ "$(curl -sf "localhost:9080/api/v1/ingestions/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" = running ] \
            || [ "$(curl -sf "localhost:9080/api/v1/ingestions/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" = queued ]; do
            sleep 1
        done
    }
    job_row() {
        curl -sf "localhost:9080/api/v1/ingestions/$1" | python3 -c '
import datetime, json, sys
j = json.load(sys.stdin)
t = (datetime.datetime.fromisoformat(j["finished_at"].replace("Z", "+00:00")) - datetime.datetime.fromisoformat(j["started_at"].replace("Z", "+00:00"))).total_seconds()
d = j["documents"]
s = j["stages_ms"]
total = sum(s.values())
print("| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %s |" % (sys.argv[1], d["ingested"], d["skipped"], d["failed"], j["chunks"], t, d["done"] / t, j["chunks"] / t,
      ", ".join("%s %.0f %%" % (k, 100 * v / total) for k, v in s.items())))
reasons = {}
for f in j["files"]:
    if f["status"] == "failed":
        reason = f["error"].split(": ", 1)[-1][:80]
        reasons[reason] = reasons.get(reason, 0) + 1
for reason, n in sorted(reasons.items(), key=lambda r: -r[1]):
    print("| | | | %d: %s | | | | | |" % (n, reason.replace("|", "/")))' "$2"
    }
    job_a=$(submit part0.zip)
    wait_job "$job_a"
    wrk -t1 -c2 -d10s -s bench/query.lua http://localhost:9080 > /dev/null
    idle=$(wrk -t1 -c2 -d30s -s bench/query.lua http://localhost:9080 | grep RESULT)
    job_b=$(submit part1.zip)
    during=$(wrk -t1 -c2 -d30s -s bench/query.lua http://localhost:9080 | grep RESULT)
    wait_job "$job_b"
    {
        echo "# Bulk ingestion jobs on Open Liberty, and queries while one runs"
        echo
        echo "- date: $(date -u +%FT%TZ)"
        echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
        echo "- java: $(java -version 2>&1 | head -1)"
        echo "- command: \`bench/run.sh jobs\`"
        echo
        echo "Corpus: 1,000 distinct text files of this machine's /usr/share/doc (1 to 100 kB each), sent as two zip archives of"
        echo "500 to POST /api/v1/ingestions on embedded defaults (all-MiniLM-L6-v2 int8, Lucene, OpenNLP extraction, the embedded"
        echo "graph and memory), one job at a time (aegis.ingestion.concurrency=1). The second job runs while wrk sends questions"
        echo "(2 connections); wrk and the server share the 2 cores. Time per job from its started_at to its finished_at."
        echo
        echo "| job | ingested | skipped | failed | chunks | seconds | documents/s | chunks/s | share of time by stage |"
        echo "|---|---|---|---|---|---|---|---|---|"
        job_row "$job_a" "first 500, idle"
        job_row "$job_b" "second 500, under query load"
        echo
        echo "Queries (POST /api/v1/query, extractive model, 30 s each, after the first job):"
        echo
        echo "| when | result |"
        echo "|---|---|"
        echo "| idle | $idle |"
        echo "| during the second job | $during |"
    } > "$report"
    cat "$report"
}

generation() {
    local wiremock_port wiremock_pid report scrape
    gen_data=$(mktemp -d)
    gen_wiremock=$(mktemp -d)
    report=bench/results/generation.md
    ./mvnw -q -DskipTests -DskipITs install
    ./mvnw -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.1
    python3 - "$gen_wiremock" <<'PY'
import json, os, sys
pieces = ["The index stores vectors ", "in HNSW graphs ", "and terms ", "for BM25 [1]."]
lines = [json.dumps({"model": "llama3.1:8b", "message": {"role": "assistant", "content": p}, "done": False}) for p in pieces]
lines.append(json.dumps({"model": "llama3.1:8b", "message": {"role": "assistant", "content": ""}, "done": True,
                         "prompt_eval_count": 900, "eval_count": 12}))
os.makedirs(os.path.join(sys.argv[1], "mappings"))
stubs = {"chat": {"request": {"method": "POST", "url": "/api/chat"},
                  "response": {"status": 200, "headers": {"Content-Type": "application/x-ndjson"}, "body": "\n".join(lines) + "\n"}},
         "tags": {"request": {"method": "GET", "url": "/api/tags"},
                  "response": {"status": 200, "jsonBody": {"models": [{"name": "llama3.1:8b"}]}}}}
for name, stub in stubs.items():
    with open(os.path.join(sys.argv[1], "mappings", name + ".json"), "w") as f:
        json.dump(stub, f)
PY
    wiremock_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    java -jar "$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.1/wiremock-standalone-3.13.1.jar" --port "$wiremock_port" \
        --bind-address 127.0.0.1 --root-dir "$gen_wiremock" --disable-banner --no-request-journal > /dev/null 2>&1 &
    wiremock_pid=$!
    ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start -Dliberty.var.aegis.data.dir="$gen_data" \
        -Dliberty.var.aegis.api.rate-limit.per-minute=0 -Dliberty.var.aegis.llm.provider=ollama \
        -Dliberty.var.aegis.ollama.url="http://127.0.0.1:$wiremock_port" -Dliberty.var.aegis.llm.cache.size=0
    trap './mvnw -q -pl aegis-coordinator liberty:stop; kill '"$wiremock_pid"'; rm -rf "$gen_data" "$gen_wiremock"' EXIT
    local ingest
    ingest=$(run io.aegisrag.bench.LoadCorpus http://localhost:9080 2000)
    AEGIS_MODEL=extractive wrk -t2 -c4 -d20s -s bench/query.lua http://localhost:9080 > /dev/null
    wrk -t2 -c4 -d20s -s bench/query.lua http://localhost:9080 > /dev/null
    local rows=""
    for round in 1 2; do
        for variant in "extractive|/api/v1/query|extractive" "ollama|/api/v1/query|" "ollama|/api/v1/chat|"; do
            local name path model line
            IFS='|' read -r name path model <<< "$variant"
            line=$(AEGIS_PATH="$path" AEGIS_MODEL="$model" wrk -t2 -c4 -d30s -s bench/query.lua http://localhost:9080 | grep RESULT)
            rows+="| $round | $name | $path | $(echo "$line" | sed -E 's/.*qps=([0-9.]+) p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+).*/\1 | \2 | \3 | \4 | \5/') |"$'\n'
        done
    done
    scrape=$(curl -s localhost:9080/metrics)
    {
        echo "# Generation layer under load (wrk against Open Liberty, an Ollama replayed by WireMock that answers at once)"
        echo
        echo "- date: $(date -u +%FT%TZ)"
        echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
        echo "- java: $(java -version 2>&1 | head -1)"
        echo "- command: \`bench/run.sh generation\`"
        echo
        echo "Corpus: $ingest. Chain ollama,extractive, LLM cache off (every query reaches the provider). The stub streams"
        echo "4 NDJSON lines and a final object (900 prompt, 12 completion tokens) at once, so the figures are what the"
        echo "app adds: prompt building (5 contexts), the HTTP call, NDJSON parsing, citation filtering, accounting;"
        echo "for /chat also the SSE events. The extractive rows name \"model\":\"extractive\" on the same server: the"
        echo "baseline of the same run. 4 connections, 30 s a row after warm-up, rows interleaved twice; wrk, WireMock"
        echo "and the server share the 2 cores."
        echo
        echo "| round | model | endpoint | QPS | p50 ms | p95 ms | p99 ms | errors |"
        echo "|---|---|---|---|---|---|---|---|"
        printf '%s' "$rows"
        echo
        echo "The app's own view (/metrics after the run):"
        echo
        echo '```'
        echo "$scrape" | grep -E '^aegis_(llm_time_to_first_token_seconds|llm_latency_seconds|query_latency_seconds)_(sum|count)' | grep -E 'provider="ollama"|stage="generation"'
        echo "$scrape" | grep -E '^aegis_llm_requests_total' | grep -v ' 0.0$'
        echo '```'
    } > "$report"
    cat "$report"
}

# The 21 Node.js API pages of the held-out questions (bench/quality/heldout), from Debian's nodejs package, in a new directory.
node_pages() {
    local pages
    pages=$(mktemp -d)
    (cd /usr/share/doc/nodejs/api && cp timers.md crypto.md events.md stream.md child_process.md path.md buffer.md net.md modules.md \
        dns.md cli.md util.md fs.md assert.md http.md process.md os.md url.md zlib.md readline.md worker_threads.md "$pages"/)
    echo "$pages"
}

# Where a query's CPU goes on Liberty: the Node.js pages ingested, the load of "rest" (4 connections) for 30 s under JFR's
# profiling settings, the samples summarised by step and top frame (bench/jfr-top.py).
profile() {
    local corpus pid load
    profile_data=$(mktemp -d)
    corpus=$(node_pages)
    ./mvnw -q -DskipTests -DskipITs install
    ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start -Dliberty.var.aegis.data.dir="$profile_data" \
        -Dliberty.var.aegis.api.rate-limit.per-minute=0
    trap './mvnw -q -pl aegis-coordinator liberty:stop; rm -rf "$profile_data"' EXIT
    for page in "$corpus"/*.md; do
        curl -sf -o /dev/null -XPOST "localhost:9080/api/v1/documents?title=$(basename "$page")&source=$(basename "$page")" \
            -H 'Content-Type: text/markdown' --data-binary "@$page"
    done
    sleep 90
    wrk -t2 -c4 -d20s -s bench/query.lua http://localhost:9080 > /dev/null
    pid=$(pgrep -f 'ws-server.jar.*aegisServer' | head -1)
    jcmd "$pid" JFR.start name=profile settings=profile filename="$profile_data/query.jfr" > /dev/null
    load=$(wrk -t2 -c4 -d30s -s bench/query.lua http://localhost:9080 | grep RESULT)
    jcmd "$pid" JFR.stop name=profile > /dev/null
    jfr print --json --events jdk.ExecutionSample "$profile_data/query.jfr" > "$profile_data/samples.json"
    {
        echo "# Where a query's CPU goes (JFR on Liberty, under load)"
        echo
        echo "- date: $(date -u +%FT%TZ)"
        echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
        echo "- java: $(java -version 2>&1 | head -1)"
        echo "- command: \`bench/run.sh profile\`"
        echo
        echo "The 21 Node.js API pages ingested on the embedded defaults, then 90 s left alone (the index's background merge, 30 s"
        echo "after the last write, and the communities' refresh run then); wrk, 4 connections, POST /api/v1/query with the 200"
        echo "questions of bench/query.lua (embeddings cached after the first round), top_k 5; JFR's profile settings (a CPU sample"
        echo "of each running thread every 10 to 20 ms) for 30 s after 20 s of warm-up: $load"
        echo
        python3 bench/jfr-top.py "$profile_data/samples.json" 25
    } > bench/results/profile-query.md
    cat bench/results/profile-query.md
}

# The load of "rest" (~10k synthetic chunks, the 200 questions of bench/query.lua, 4 connections) on this tree and on
# commit $1, both servers up at once (this tree on 9080, the other on 9081) and their rows interleaved, so both see the
# same machine in the same minutes. The other commit is built first: this tree's build, last, leaves ~/.m2 as it was.
rest_against() {
    local rev=$1 base_tree base_data here_data report rows
    base_tree=$(mktemp -d)
    base_data=$(mktemp -d)
    here_data=$(mktemp -d)
    report=bench/results/rest-load-against-$rev.md
    git worktree add --detach "$base_tree" "$rev"
    trap "./mvnw -q -pl aegis-coordinator liberty:stop; (cd $base_tree && ./mvnw -q -pl aegis-coordinator liberty:stop); git worktree remove --force $base_tree; rm -rf $base_data $here_data" EXIT
    (cd "$base_tree" && ./mvnw -q -DskipTests -DskipITs install && ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start \
        -Dliberty.var.aegis.data.dir="$base_data" -Dliberty.var.aegis.api.rate-limit.per-minute=0 -Dliberty.var.http.port=9081 -Dliberty.var.https.port=9444)
    ./mvnw -q -DskipTests -DskipITs install
    ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start -Dliberty.var.aegis.data.dir="$here_data" \
        -Dliberty.var.aegis.api.rate-limit.per-minute=0
    local base_ingest here_ingest
    base_ingest=$(run io.aegisrag.bench.LoadCorpus http://localhost:9081 10000)
    here_ingest=$(run io.aegisrag.bench.LoadCorpus http://localhost:9080 10000)
    for port in 9081 9080; do
        wrk -t2 -c4 -d20s -s bench/query.lua "http://localhost:$port" > /dev/null
    done
    rows=""
    for round in 1 2; do
        for port in 9081 9080; do
            local name line
            name=$([ "$port" = 9081 ] && echo "$rev" || echo "this tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + changes'))")
            line=$(wrk -t2 -c4 -d30s -s bench/query.lua "http://localhost:$port" | grep RESULT)
            rows+="| $round | $name | $(echo "$line" | sed -E 's/.*qps=([0-9.]+) p50_ms=([0-9.]+) p95_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+).*/\1 | \2 | \3 | \4 | \5/') |"$'\n'
        done
    done
    {
        echo "# REST API under load: this tree against $rev, in one run"
        echo
        echo "- date: $(date -u +%FT%TZ)"
        echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
        echo "- java: $(java -version 2>&1 | head -1)"
        echo "- command: \`bench/run.sh rest-against $rev\`"
        echo
        echo "Both servers up at once on their embedded defaults, each with its own data directory: $rev on port 9081 ($base_ingest),"
        echo "this tree on 9080 ($here_ingest), the synthetic Markdown of \`rest\` through POST /api/v1/documents. Load: wrk, 4"
        echo "connections, POST /api/v1/query with the 200 questions of bench/query.lua in turn (embeddings cached after the first"
        echo "round), top_k 5; 20 s of warm-up each, then 30 s rows, interleaved twice; wrk and both servers share the 2 cores."
        echo
        echo "| round | server | QPS | p50 ms | p95 ms | p99 ms | errors |"
        echo "|---|---|---|---|---|---|---|"
        printf '%s' "$rows"
        echo
        echo "$rows" | awk -F'|' -v rev="$rev" 'NF > 3 { q = $4 + 0; if ($3 ~ rev) { b += q; nb++ } else { h += q; nh++ } }
            END { printf "QPS ratio, this tree / %s (mean of the rounds): %.2f×\n", rev, (h / nh) / (b / nb) }'
    } > "$report"
    cat "$report"
}

# The service against LangChain4j Easy RAG (bench/peer, its own class path), one after the other on this machine, on
# PEER_CORPUS / PEER_QUESTIONS: by default the held-out Node.js API pages (Debian's nodejs-doc) and their questions.
peer() {
    local corpus questions peer_cp warmups warmup rounds
    questions=${PEER_QUESTIONS:-bench/quality/heldout/nodejs-api.tsv}
    warmups=bench/quality/questions.tsv
    warmup=${PEER_WARMUP:-10000}
    rounds=${PEER_ROUNDS:-10}
    corpus=${PEER_CORPUS:-$(node_pages)}
    ./mvnw -q -f bench/peer/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    peer_cp="bench/peer/target/classes:$(cat bench/peer/target/classpath.txt)"
    java -Xmx4g -cp "$peer_cp" io.aegisrag.bench.peer.EasyRagPeer "$corpus" "$questions" "$warmups" bench/peer/target/peer.json "$warmup" "$rounds"
    peer_data=$(mktemp -d)
    ./mvnw -q -DskipTests -DskipITs install
    ./mvnw -q -pl aegis-coordinator liberty:create liberty:deploy liberty:start -Dliberty.var.aegis.data.dir="$peer_data" \
        -Dliberty.var.aegis.api.rate-limit.per-minute=0
    trap './mvnw -q -pl aegis-coordinator liberty:stop; rm -rf "$peer_data"' EXIT
    BENCH_JAVA_OPTS="-Dquality.corpus=$corpus -Dquality.questions=$questions ${BENCH_JAVA_OPTS:-}" \
        run io.aegisrag.bench.PeerBenchmark http://localhost:9080 bench/peer/target/peer.json "$warmups" "$warmup" "$rounds"
}

case "${1:-all}" in
    instrumentation) run io.aegisrag.bench.RunInstrumentationBenchmark ;;
    vector) shift; run io.aegisrag.bench.VectorSearchBenchmark "$@" ;;
    embedding) run io.aegisrag.bench.EmbeddingSessionsBenchmark ;;
    ingestion) run io.aegisrag.bench.IngestionBenchmark ;;
    parsing) run io.aegisrag.bench.ParsingBenchmark ;;
    extraction) run io.aegisrag.bench.ExtractionQuality ;;
    graph) with_neo4j io.aegisrag.bench.GraphRetrievalBenchmark ;;
    temporal) with_neo4j io.aegisrag.bench.TemporalMemoryBenchmark ;;
    quality) shift; run io.aegisrag.bench.QualityBenchmark "$@" ;;
    documents) run io.aegisrag.bench.DocumentsBenchmark ;;
    rerank) run io.aegisrag.bench.RerankBenchmark ;;
    ensemble) shift; run io.aegisrag.bench.EnsembleExploration "$@" ;;
    rest) rest ;;
    peer) peer ;;
    profile) profile ;;
    rest-against) rest_against "$2" ;;
    generation) generation ;;
    jobs) jobs ;;
    all)
        run io.aegisrag.bench.RunInstrumentationBenchmark
        run io.aegisrag.bench.VectorSearchBenchmark
        run io.aegisrag.bench.IngestionBenchmark
        run io.aegisrag.bench.ParsingBenchmark
        rest
        ;;
    *) echo "usage: $0 [instrumentation|vector|embedding|ingestion|parsing|extraction|graph|temporal|quality [models...]|documents|rerank|ensemble models...|rest|rest-against REV|peer|profile|generation|jobs|all]" >&2; exit 2 ;;
esac
