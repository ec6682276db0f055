// The engine types the command line names, seen through Pipeline: FerryCLI imports Pipeline and
// Reporting only (ARCHITECTURE.md's table, checked by ArchitectureTableTests).
import Builds
import Configuration
import Deployment
import Hotswap
import Packaging

/// A build's progress (Builds), for the CLI's concise presentation.
package typealias BuildEvent = Builds.BuildEvent
/// A step of a CloudFormation deploy (Deployment).
package typealias DeployStepEvent = Deployment.DeployStepEvent
/// A stack event during a deploy (Deployment).
package typealias StackActivityEvent = Deployment.StackActivityEvent
/// The hot-swap plan shown before applying (Hotswap).
package typealias HotswapPlanEvent = Hotswap.HotswapPlanEvent
/// What a hot-swap did (Hotswap).
package typealias HotswapSummaryEvent = Hotswap.HotswapSummaryEvent
/// The verdict of a verification (Hotswap).
package typealias VerificationSummaryEvent = Hotswap.VerificationSummaryEvent
/// What packaging uploaded (Packaging).
package typealias PackageSummaryEvent = Packaging.PackageSummaryEvent
/// One artifact uploaded (Packaging).
package typealias PackageUploadedEvent = Packaging.PackageUploadedEvent
/// Writes a first `ferry.toml` for `ferry init` (Configuration).
package typealias FerryTomlWriter = Configuration.FerryTomlWriter
/// The change set's summary before it is executed (Deployment).
package typealias ChangeSetSummaryEvent = Deployment.ChangeSetSummaryEvent
/// One hot-swap operation started or finished (Hotswap).
package typealias HotswapOperationEvent = Hotswap.HotswapOperationEvent
/// An artifact already in the bucket (Packaging).
package typealias PackageSkippedEvent = Packaging.PackageSkippedEvent
/// An upload in flight (Packaging).
package typealias PackageUploadingEvent = Packaging.PackageUploadingEvent
/// A traffic-shifting strategy: `canary:PCT:WAIT`, `linear:PCT:EVERY` or `all-at-once` (Configuration).
package typealias TrafficStrategy = Configuration.TrafficStrategy
/// Why a traffic-shifting strategy could not be read (Configuration).
package typealias TrafficStrategyError = Configuration.TrafficStrategyError
