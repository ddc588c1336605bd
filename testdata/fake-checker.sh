#!/usr/bin/env bash
# Stands in for sparse in the --also-run tests: writes its arguments, one a
# line, to $FAKE_CHECKER_LOG, says it ran, and exits $FAKE_CHECKER_STATUS.
printf '%s\n' "$@" > "${FAKE_CHECKER_LOG:-/dev/null}"
echo "fake-checker: ran on ${*: -1}" >&2
exit "${FAKE_CHECKER_STATUS:-0}"
