// The git commit Ferry was built from, set by Package.swift at build time (`ferry --version`).
#ifndef FERRY_BUILD_INFO_H
#define FERRY_BUILD_INFO_H

/// The git commit of the checkout Ferry was built from; "unknown" outside a git checkout.
const char *ferry_build_commit(void);

#endif
