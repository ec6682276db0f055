#!/usr/bin/env bash
# Was: a hard-coded list of 12 functions updated one at a time. Now: every changed function, in parallel, verified.
exec ferry update --env "${FERRY_ENV:-dev}" "$@"
