#!/usr/bin/env bash
# test/clients/jdbc.sh: the extension's types through JDBC (pgjdbc from
# Debian's libpostgresql-jdbc-java, OpenJDK from default-jdk-headless):
# getString/getObject/metadata, inserts with CAST(? AS type),
# stringtype=unspecified and PGobject, the parameter-typing pitfall, ORDER BY,
# errors with SQLSTATE and hint, NULLs, binary transfer with
# binaryTransferEnable, and the BI view pattern, for every type in
# test/clients/cases.tsv. The checks are in JdbcTest.java, compiled into
# build/clients/jdbc. Needs the PG* variables (make test sets them); connects
# over TCP to 127.0.0.1:$PGPORT; creates and drops the database client_jdbc.
set -euo pipefail
cd "$(dirname "$0")/../.."
. test/clients/lib.bash

client_need_packages default-jdk-headless libpostgresql-jdbc-java
JAR=/usr/share/java/postgresql.jar
OUTDIR=build/clients/jdbc
mkdir -p "$OUTDIR"
javac -encoding UTF-8 -Xlint:all -Werror -cp "$JAR" -d "$OUTDIR" test/clients/Jdbc*.java

client_db client_jdbc
java -cp "$OUTDIR:$JAR" JdbcTest test/clients/cases.tsv
