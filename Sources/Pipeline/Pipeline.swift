// The Pipeline module. See ARCHITECTURE.md.
