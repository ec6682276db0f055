// The engine types the command line names, seen through Pipeline: FerryCLI imports Pipeline and
// Reporting only (ARCHITECTURE.md's table, checked by ArchitectureTableTests).
import Builds
import Configuration
import Deployment
import Hotswap
import Packaging

/// A build's progress (Builds), for the CLI's concise presentation.
public typealias BuildEvent = Builds.BuildEvent
/// A step of a CloudFormation deploy (Deployment).
public typealias DeployStepEvent = Deployment.DeployStepEvent
/// A stack event during a deploy (Deployment).
public typealias StackActivityEvent = Deployment.StackActivityEvent
/// The hot-swap plan shown before applying (Hotswap).
public typealias HotswapPlanEvent = Hotswap.HotswapPlanEvent
/// What a hot-swap did (Hotswap).
public typealias HotswapSummaryEvent = Hotswap.HotswapSummaryEvent
/// The verdict of a verification (Hotswap).
public typealias VerificationSummaryEvent = Hotswap.VerificationSummaryEvent
/// What packaging uploaded (Packaging).
public typealias PackageSummaryEvent = Packaging.PackageSummaryEvent
/// One artifact uploaded (Packaging).
public typealias PackageUploadedEvent = Packaging.PackageUploadedEvent
/// Writes a first `ferry.toml` for `ferry init` (Configuration).
public typealias FerryTomlWriter = Configuration.FerryTomlWriter
