// The Configuration module. See ARCHITECTURE.md.
