// Package.swift defines FERRY_GIT_COMMIT (FERRY_GIT_COMMIT in the environment, else read from .git).
#include "FerryBuildInfo.h"

#ifndef FERRY_GIT_COMMIT
#define FERRY_GIT_COMMIT "unknown"
#endif

const char *ferry_build_commit(void) { return FERRY_GIT_COMMIT; }
