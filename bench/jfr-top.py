#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (jfr print --json --events jdk.ExecutionSample): the share of samples
by step of the query path (the first frame from the top that names a step) and the top frames by self time.
Usage: jfr-top.py RECORDING.json [TOP]"""
import collections
import json
import sys

# The first rule whose text is in a frame, searching from the top of each stack, names the step; the broad rules of GENERAL
# count only when no other rule matched any frame. JFR cuts stacks at 64 frames from the top, so steps are recognised by
# what they run, not by who called them.
STEPS = [
    ("StoredFieldsReader", "stored fields (decompressing chunks)"), ("LZ4", "stored fields (decompressing chunks)"),
    ("hnsw", "vector search (HNSW)"), ("KnnFloatVectorQuery", "vector search (HNSW)"), ("KnnCollector", "vector search (HNSW)"),
    ("ai/onnxruntime", "question embedding"), ("OnnxBert", "question embedding"),
    ("NameVectors", "graph: entity-name search"), ("InMemoryGraphStore", "graph: entity-name search"),
    ("RankingFeatures", "rerank (features, trees)"), ("TreeEnsemble", "rerank (features, trees)"), ("rerank/Terms", "rerank (features, trees)"),
    ("snowball", "rerank (features, trees)"), ("Communities", "global graph"), ("GlobalGraphRetriever", "global graph"),
    ("ExtractiveChatModel", "extractive answer"), ("ChatModelRouter", "extractive answer"),
    ("Fusion", "fusion"), ("FusedCandidates", "fusion"), ("yasson", "JSON"), ("jsonb", "JSON"), ("parsson", "JSON"),
    ("resteasy", "JAX-RS"), ("weld", "CDI"), ("smallrye", "metrics"), ("micrometer", "metrics"),
]
GENERAL = [("lucene", "BM25 and other Lucene"), ("ibm", "Liberty (HTTP, servlet)"), ("openliberty", "Liberty (HTTP, servlet)"),
           ("aegisrag", "other application code")]


def step(frames):
    for rules in (STEPS, GENERAL):
        for frame in frames:
            for key, name in rules:
                if key in frame:
                    return name
    return "JDK and other libraries"


def main():
    events = json.load(open(sys.argv[1]))["recording"]["events"]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    steps, frames_self, total = collections.Counter(), collections.Counter(), 0
    for event in events:
        stack = event["values"]["stackTrace"]
        if not stack:
            continue
        frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in stack["frames"]]
        total += 1
        frames_self[frames[0].replace("/", ".")] += 1
        steps[step(frames)] += 1
    print(f"{total} samples\n\n| step | share of CPU samples |\n|---|---|")
    for name, count in steps.most_common():
        print(f"| {name} | {100 * count / total:.1f} % |")
    print(f"\n| top frame (self) | share |\n|---|---|")
    for frame, count in frames_self.most_common(top):
        print(f"| `{frame}` | {100 * count / total:.1f} % |")


if __name__ == "__main__":
    main()
