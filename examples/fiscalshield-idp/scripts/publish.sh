#!/usr/bin/env bash
# Was: publish.py / publish-dev.sh (sam build + sam package per component). Now: content-addressed build and upload.
ferry build --env "${FERRY_ENV:-dev}" && exec ferry package --env "${FERRY_ENV:-dev}" --create-bucket "$@"
