import ArgumentParser
import Foundation
import Pipeline
import Reporting

/// `ferry init`: writes a commented ferry.toml for an existing SAM project.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented ferry.toml for this project (seeded from samconfig.toml if present).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The main template, relative to the project (default: template.yaml or template.yml).")
    var template: String?

    @Option(help: "The stack name of the first environment (default: from samconfig.toml or the folder name).")
    var stackName: String?

    @Flag(help: "Replace an existing ferry.toml.")
    var force = false

    func run() async throws {
        let context = CommandContext(options: global)
        try await context.reportingErrors {
            let writer = try FerryTomlWriter(
                projectDirectory: context.workingDirectory, templatePath: template, stackName: stackName,
                region: global.region, environmentName: global.environment ?? "dev")
            let file = try writer.write(force: force)
            let seeded = writer.seededFrom.map { " (seeded from \($0.lastPathComponent))" } ?? ""
            context.sink.emit(InitEvent(file: file.path, message: "wrote \(file.path)\(seeded)", notes: writer.notes))
        }
    }
}

/// Emitted when `ferry init` wrote its file.
struct InitEvent: FerryEvent {
    let file: String
    let message: String
    let notes: [String]
    var kind: String { "init.written" }
    var level: EventLevel { .success }
    var details: [String] { notes + ["next: review it, then run `ferry doctor`"] }
    enum CodingKeys: String, CodingKey { case file, notes }
}
