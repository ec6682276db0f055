import AWSCore
import Builds
import Configuration
import Templates
import Deployment
import Foundation
import Packaging

/// Turns any error an engine throws into one clear message and a category, in one place.
package enum FailurePresenter {
    /// Classifies `error`. Errors of Ferry's own modules carry their message in `description`.
    package static func present(_ error: any Error) -> PresentedFailure {
        switch error {
        case let error as ConfigurationError:
            return PresentedFailure(category: .badInput, message: error.description)
        case let error as CredentialsError:
            return PresentedFailure(category: .awsConfiguration, message: error.description)
        case let error as SharedConfigError:
            return PresentedFailure(category: .awsConfiguration, message: error.description)
        case let error as ResolutionError:
            return PresentedFailure(category: .awsConfiguration, message: error.description)
        case let error as TransportError:
            // The network failed (after the retries): the operation failed, not the configuration.
            return PresentedFailure(
                category: .operationFailed,
                message: error.mayBeWrongEndpoint
                    ? "\(error.description). Check --endpoint-url / AWS_ENDPOINT_URL and your network."
                    : "\(error.description): the network failed on the way; run the command again")
        case let error as PackagingError:
            return PresentedFailure(category: error.needsBuild ? .badInput : .operationFailed, message: error.description)
        case let error as TemplateError:
            return PresentedFailure(category: .badInput, message: error.description)
        // A build's stages: planning, a builder, the files (scan, hash, zip, cache), the run, images.
        case let error as BuildPlanError:
            return PresentedFailure(category: .badInput, message: error.description)
        case let error as BuilderError:
            return PresentedFailure(category: error.isMissingTool ? .missingTool : .operationFailed,
                                    message: error.description)
        case let error as BuildFilesError:
            return PresentedFailure(category: error.isBadInput ? .badInput : .operationFailed, message: error.description)
        case let error as BuildRunError:
            return PresentedFailure(category: error.isMissingTool ? .missingTool : error.isBadInput ? .badInput : .operationFailed,
                                    message: error.description)
        case let error as ImageError:
            return PresentedFailure(category: error.isBadInput ? .badInput : .operationFailed, message: error.description)
        case let error as ContainerBuildError:
            return PresentedFailure(category: error.isMissingTool ? .missingTool : error.isBadInput ? .badInput : .operationFailed,
                                    message: error.description)
        case let error as ImagePublishError:
            return PresentedFailure(category: .badInput, message: error.description)
        case let error as DeploymentError:
            return PresentedFailure(category: error.isBadInput ? .badInput : .operationFailed, message: error.description)
        case let error as OperateError:
            return PresentedFailure(category: .badInput, message: error.description)
        case let error as StackSelectionError:
            return PresentedFailure(category: .badInput, message: error.description)
        case let error as PipelineFailure:
            return PresentedFailure(category: error.category, message: error.description)
        case let error as AWSError where error.refusesCredentials:
            return PresentedFailure(category: .awsConfiguration,
                                    message: error.description + (error.hint.map { ". \($0)" } ?? ""))
        default:
            return PresentedFailure(category: .operationFailed, message: String(describing: error))
        }
    }
}
