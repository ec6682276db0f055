// The AWSServices module. See ARCHITECTURE.md.
