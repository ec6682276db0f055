#!/usr/bin/env bash
# Was: publish -> deploy -> wait -> force-update. Now: ferry picks the fastest correct path and verifies it.
exec ferry up --env "${FERRY_ENV:-dev}" "$@"
