// The CodeDeploy events the command line names, seen through Pipeline (see EngineTypes.swift).
import Deployment

/// A CodeDeploy deployment's progress during a deploy (Deployment).
package typealias CodeDeployProgressEvent = Deployment.CodeDeployProgressEvent
