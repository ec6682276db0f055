// The Templates module. See ARCHITECTURE.md.
