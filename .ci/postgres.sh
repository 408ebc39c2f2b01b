#!/usr/bin/env bash
# A local PostgreSQL for the tests that need one (querylint sizes against real catalog statistics).
#
#   source .ci/postgres.sh      # from .ci/run, before ./mvnw: sets up and exports the variables below
#   bash .ci/postgres.sh        # set up only
#
# Installs Debian's postgresql package when no server is installed, starts the cluster, creates
# the role querylint (with a password) and the database querylint, then exports
#   QUERYLINT_PG_URL=jdbc:postgresql://localhost:<port>/querylint  QUERYLINT_PG_USER=querylint
#   QUERYLINT_PG_REQUIRED=true  QUERYLINT_DB_PASSWORD=<the password>
# The password is QUERYLINT_DB_PASSWORD when set, else a fresh random one; it is never printed,
# never put on a command line and never traced. Needs root (CI and the sessions run as root).

querylint_pg_setup() (
    set -euo pipefail
    set +x
    log() { echo "postgres.sh: $*" >&2; }

    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        log "installing Debian's postgresql package"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
    fi

    # the newest installed cluster; create one when the package made none
    local version cluster port
    if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        log "creating cluster $version/main"
        pg_createcluster "$version" main >&2
    fi
    read -r version cluster port _ < <(pg_lsclusters -h | sort -V | tail -1)
    if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
        log "starting cluster $version/$cluster on port $port"
        pg_ctlcluster "$version" "$cluster" start >&2 || service postgresql start >&2
    fi
    for _ in $(seq 1 60); do
        pg_isready -q -h localhost -p "$port" && break
        sleep 0.5
    done
    pg_isready -q -h localhost -p "$port" || { log "PostgreSQL did not come up on port $port"; exit 1; }

    # role and database; the password goes through standard input only
    local escaped=${QUERYLINT_PG_PASSWORD_FOR_SETUP//\'/\'\'}
    runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres >&2 <<SQL
SELECT 'CREATE ROLE querylint LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'querylint') \gexec
ALTER ROLE querylint WITH LOGIN PASSWORD '${escaped}';
SELECT 'CREATE DATABASE querylint OWNER querylint' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'querylint') \gexec
SQL
    log "PostgreSQL $version ready: database querylint, role querylint, port $port"
    echo "$port"
)

querylint_pg_main() {
    local password port
    password=${QUERYLINT_DB_PASSWORD:-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
    port=$(QUERYLINT_PG_PASSWORD_FOR_SETUP="$password" querylint_pg_setup) || return 1
    export QUERYLINT_PG_URL="jdbc:postgresql://localhost:${port}/querylint"
    export QUERYLINT_PG_USER=querylint
    export QUERYLINT_PG_REQUIRED=true
    export QUERYLINT_DB_PASSWORD="$password"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    querylint_pg_main
else
    querylint_pg_main || return 1
fi
