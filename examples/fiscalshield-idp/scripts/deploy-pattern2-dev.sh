#!/usr/bin/env bash
# Was: create-stack/update-stack with hard-coded names. Now: a change set with a summary, live events and a lock.
exec ferry deploy --env "${FERRY_ENV:-dev}" "$@"
