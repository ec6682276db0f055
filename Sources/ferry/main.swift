import FerryCLI

await Ferry.runAndExit()
