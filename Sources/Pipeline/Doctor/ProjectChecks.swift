import Configuration
import Foundation
import Templates
import Toolchains

/// The checks that read only local files: configuration and template.
enum ProjectChecks {
    /// Loads ferry.toml or samconfig.toml and resolves the environment.
    static func configuration(_ request: DoctorRequest, record: (DoctorCheck) -> Void) -> EnvironmentConfiguration? {
        do {
            let project = try ProjectConfiguration.load(directory: request.projectDirectory, explicitPath: request.configPath)
            let environment = try project.environment(named: request.environmentName)
            var detail = "\(project.file.lastPathComponent), environment \(environment.name) → stack \(environment.stackName)"
            if !project.warnings.isEmpty { detail += " (\(project.warnings.count) warning(s))" }
            record(DoctorCheck(id: "configuration", title: "Configuration", status: project.warnings.isEmpty ? .ok : .warning,
                               detail: detail, fix: project.warnings.first.map(\.description), required: true))
            for (index, warning) in project.warnings.enumerated().dropFirst() {
                record(DoctorCheck(id: "configuration.warning.\(index)", title: "Configuration", status: .warning,
                                   detail: warning.description, required: false))
            }
            return environment
        } catch let error as ConfigurationError where error.code == .notFound {
            record(DoctorCheck(id: "configuration", title: "Configuration", status: .failed, detail: error.description,
                               fix: "run `ferry init` to write a ferry.toml, or pass --config PATH"))
        } catch {
            record(DoctorCheck(id: "configuration", title: "Configuration", status: .failed,
                               detail: FailurePresenter.present(error).message, fix: "correct the file at the line named above"))
        }
        return nil
    }

    /// Loads the main template and every nested one.
    static func template(_ environment: EnvironmentConfiguration, record: (DoctorCheck) -> Void) -> TemplateTree? {
        do {
            let tree = try TemplateValues(environment: environment).loadTree(environment.templateFile)
            try tree.requireArtifacts()
            let stacks = tree.allStacks
            let functions = stacks.reduce(0) { $0 + $1.template.functions(evaluatedBy: $1.evaluator).count }
            let layers = stacks.reduce(0) { $0 + $1.template.layers(evaluatedBy: $1.evaluator).count }
            let notes = tree.notes.isEmpty ? "" : "; " + tree.notes.joined(separator: "; ")
            record(DoctorCheck(id: "template", title: "Template", status: .ok,
                               detail: "\(environment.templateFile.lastPathComponent): \(stacks.count) stack(s), \(functions) function(s), \(layers) layer(s)\(notes)"))
            return tree
        } catch {
            record(DoctorCheck(id: "template", title: "Template", status: .failed, detail: FailurePresenter.present(error).message,
                               fix: "fix the template at the line named above"))
            return nil
        }
    }

    /// The code folders of functions with `Metadata.BuildMethod: esbuild` (where a local esbuild
    /// would be, in `node_modules/.bin`).
    static func esbuildFolders(in tree: TemplateTree) -> [String] {
        var folders: [String] = []
        for stack in tree.allStacks {
            let base = stack.templateURL.deletingLastPathComponent()
            for function in stack.template.functions where function.buildMethod?.lowercased() == "esbuild" {
                let code = function.code?.stringValue ?? "."
                folders.append(URL(fileURLWithPath: code, relativeTo: base).standardizedFileURL.path)
            }
        }
        return folders
    }

    /// The distinct runtimes of every function and layer, and whether any needs a container build.
    static func runtimes(in tree: TemplateTree) -> (Set<LambdaRuntime>, needsDocker: Bool) {
        var runtimes: Set<LambdaRuntime> = []
        var needsDocker = false
        for stack in tree.allStacks {
            for function in stack.template.functions(evaluatedBy: stack.evaluator) {
                if function.packageType == .image {
                    needsDocker = needsDocker || function.metadata?["Dockerfile"] != nil
                } else if !function.hasInlineCode, let runtime = function.runtime {
                    runtimes.insert(LambdaRuntime(runtime))
                }
            }
            for layer in stack.template.layers(evaluatedBy: stack.evaluator) {
                if let method = layer.buildMethod, method != "makefile" {
                    runtimes.insert(LambdaRuntime(method))
                } else if layer.buildMethod == "makefile" {
                    runtimes.insert(.provided("makefile"))
                }
            }
        }
        return (runtimes, needsDocker)
    }
}
