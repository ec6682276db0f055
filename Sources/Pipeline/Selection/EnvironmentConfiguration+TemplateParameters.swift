import Configuration

extension EnvironmentConfiguration {
    /// The environment's template parameters as name → value (the last of a repeated name wins):
    /// what decides `AWS::LanguageExtensions` loops over parameters when templates are loaded.
    package var templateParameterValues: [String: String] {
        Dictionary(parameters.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
