#!/usr/bin/env bash
# Runs LiteMesh side by side with raw rsocket-java, WebFlux, JGroups and ScaleCube, each in JVMs
# of its own on loopback, in interleaved rounds. Build first (from the repository's root):
#   ./mvnw -q -pl litemesh-benchmarks -am package -DskipTests && litemesh-benchmarks/run.sh
# Options (defaults of a full run): --rounds 5 --seconds 10 --in-flight 64 --systems all
#   (all: every echo system in rounds, then the PostgreSQL scenarios; --systems jdbc runs those alone)
#   e.g. a quick smoke run: litemesh-benchmarks/run.sh --systems raw,litemesh --rounds 1 --seconds 3
set -euo pipefail
home="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -f "$home/target/classpath.txt" ]]; then
	echo "Build first: ./mvnw -q -pl litemesh-benchmarks -am package -DskipTests" >&2
	exit 1
fi
exec java -Dlitemesh.benchmarks.home="$home" -cp "$home/target/classes:$(cat "$home/target/classpath.txt")" \
	io.litemesh.benchmarks.BenchmarkRunner "$@"
