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
/// The change set's summary before it is executed (Deployment).
public typealias ChangeSetSummaryEvent = Deployment.ChangeSetSummaryEvent
/// One hot-swap operation started or finished (Hotswap).
public typealias HotswapOperationEvent = Hotswap.HotswapOperationEvent
/// An artifact already in the bucket (Packaging).
public typealias PackageSkippedEvent = Packaging.PackageSkippedEvent
/// An upload in flight (Packaging).
public typealias PackageUploadingEvent = Packaging.PackageUploadingEvent
/// A traffic-shifting strategy: `canary:PCT:WAIT`, `linear:PCT:EVERY` or `all-at-once` (Configuration).
public typealias TrafficStrategy = Configuration.TrafficStrategy
/// Why a traffic-shifting strategy could not be read (Configuration).
public typealias TrafficStrategyError = Configuration.TrafficStrategyError
