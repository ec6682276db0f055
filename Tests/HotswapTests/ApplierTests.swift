import AWSServices
import Foundation
import Hotswap
import Reporting
import Synchronization
import Templates
import Testing

/// Collects events.
final class RecordingSink: EventSink {
    let events = Mutex<[any FerryEvent]>([])
    func emit(_ event: any FerryEvent) { events.withLock { $0.append(event) } }
    var kinds: [String] { events.withLock { $0.map(\.kind) } }
}

@Suite struct ApplierTests {
    static let instant = Backoff(initialDelay: .milliseconds(1), maxAttempts: 5, sleep: { _ in })

    func plan(_ world: World, _ targets: [HotswapTarget]) async -> HotswapPlan {
        await HotswapPlanner(context: world.context).plan(targets: targets)
    }

    @Test func updatesOnlyTheChangedFunctionAndVerifiesTheNewHash() async throws {
        let world = try World(
            functions: Dictionary(uniqueKeysWithValues: ["A", "B", "C"].map { World.function("app-\($0)", content: "\($0)1") }),
            resources: ["A", "B", "C"].map { DeployedResource(logicalID: $0, physicalID: "app-\($0)", resourceType: "AWS::Lambda::Function") })
        let targets = [try world.zipTarget("A", content: "A1"), try world.zipTarget("B", content: "B2"), try world.zipTarget("C", content: "C1")]
        let plan = await plan(world, targets)
        #expect(plan.operations.map(\.target.logicalID) == ["B"])
        #expect(plan.unchanged.map(\.target.logicalID) == ["A", "C"])
        let sink = RecordingSink()
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant, sink: sink).apply(plan)
        #expect(world.functions.calls("UpdateFunctionCode") == ["UpdateFunctionCode app-B"])
        #expect(results.count == 1)
        #expect(results[0].succeeded)
        #expect(results[0].liveHashAfter == World.hash("B2"))
        #expect(world.functions.code(of: "app-A") == World.hash("A1"))
        #expect(sink.kinds == ["hotswap.operation"])
        #expect(results[0].summaryLine.contains("Root/B (Lambda code)"))
    }

    @Test func nothingChangedMeansNoWrite() async throws {
        let world = try World(functions: Dictionary(uniqueKeysWithValues: [World.function("app-A", content: "A1")]),
                              resources: [DeployedResource(logicalID: "A", physicalID: "app-A", resourceType: "AWS::Lambda::Function")])
        let plan = await plan(world, [try world.zipTarget("A", content: "A1")])
        #expect(plan.isEmpty)
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant).apply(plan)
        #expect(results.isEmpty)
        #expect(world.functions.calls.allSatisfy { $0.hasPrefix("GetFunctionConfiguration") })
    }

    @Test func concurrencyIsBounded() async throws {
        let names = (1...8).map { "F\($0)" }
        let world = try World(
            functions: Dictionary(uniqueKeysWithValues: names.map { World.function("app-\($0)", content: "old") }),
            resources: names.map { DeployedResource(logicalID: $0, physicalID: "app-\($0)", resourceType: "AWS::Lambda::Function") },
            updateDelay: .milliseconds(30))
        let plan = await plan(world, try names.map { try world.zipTarget($0, content: "new-\($0)") })
        let results = await HotswapApplier(services: world.context.services, concurrency: 3, backoff: Self.instant).apply(plan)
        #expect(results.allSatisfy { $0.succeeded })
        #expect(world.functions.maxInFlight <= 3)
        #expect(world.functions.maxInFlight >= 2, "updates should overlap")
    }

    @Test func oneFailureDoesNotStopTheOthersAndFailedStatusKeepsItsReason() async throws {
        var broken = World.function("app-B", content: "B1")
        broken.1.failUpdate = "InvalidConfiguration: handler missing"
        var refusing = World.function("app-C", content: "C1")
        refusing.1.updateError = "AccessDeniedException: not allowed"
        let world = try World(
            functions: Dictionary(uniqueKeysWithValues: [World.function("app-A", content: "A1"), broken, refusing]),
            resources: ["A", "B", "C"].map { DeployedResource(logicalID: $0, physicalID: "app-\($0)", resourceType: "AWS::Lambda::Function") })
        let plan = await plan(world, try ["A", "B", "C"].map { try world.zipTarget($0, content: "\($0)2") })
        let results = await HotswapApplier(services: world.context.services, concurrency: 1, backoff: Self.instant).apply(plan)
        #expect(results.map(\.succeeded) == [true, false, false])
        guard case .failed(let failedMessage) = results[1].outcome, case .failed(let deniedMessage) = results[2].outcome else {
            Issue.record("expected failures")
            return
        }
        #expect(failedMessage.contains("Failed"))
        #expect(failedMessage.contains("handler missing"))
        #expect(deniedMessage.contains("AccessDeniedException"))
    }

    @Test func codeOverwrittenDuringTheUpdateIsReportedStale() async throws {
        var raced = World.function("app-A", content: "A1")
        raced.1.ignoresUpdates = true
        let world = try World(functions: Dictionary(uniqueKeysWithValues: [raced]),
                              resources: [DeployedResource(logicalID: "A", physicalID: "app-A", resourceType: "AWS::Lambda::Function")])
        let plan = await plan(world, [try world.zipTarget("A", content: "A2")])
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant).apply(plan)
        guard case .failed(let message) = results.first?.outcome else { Issue.record("expected a failure"); return }
        #expect(message.contains("stale after the update"))
        #expect(results[0].liveHashAfter == World.hash("A1"))
    }

    @Test func conflictingUpdatesAreRetried() async throws {
        var busy = World.function("app-A", content: "A1")
        busy.1.conflicts = 2
        let world = try World(functions: Dictionary(uniqueKeysWithValues: [busy]),
                              resources: [DeployedResource(logicalID: "A", physicalID: "app-A", resourceType: "AWS::Lambda::Function")])
        let plan = await plan(world, [try world.zipTarget("A", content: "A2")])
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant).apply(plan)
        #expect(results.first?.succeeded == true)
        #expect(world.functions.calls("UpdateFunctionCode").count == 3)
    }

    @Test func anAliasIsMovedToANewVersionWhenAsked() async throws {
        let world = try World(functions: Dictionary(uniqueKeysWithValues: [World.function("app-A", content: "A1")]),
                              resources: [DeployedResource(logicalID: "A", physicalID: "app-A", resourceType: "AWS::Lambda::Function")])
        let plan = await plan(world, [try world.zipTarget("A", content: "A2", alias: "live")])
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant).apply(plan)
        #expect(results.first?.outcome == .succeeded(publishedVersion: "1"))
        #expect(world.functions.calls.suffix(2) == ["PublishVersion app-A", "UpdateAlias app-A live=1"])
    }

    @Test func zipsAboveTheDirectLimitGoThroughS3OrFail() async throws {
        let world = try World(functions: Dictionary(uniqueKeysWithValues: [World.function("app-A", content: "A1"), World.function("app-B", content: "B1")]),
                              resources: ["A", "B"].map { DeployedResource(logicalID: $0, physicalID: "app-\($0)", resourceType: "AWS::Lambda::Function") })
        var uploaded = try world.zipTarget("A", content: "A2")
        if case .zip(var zip) = uploaded.artifact {
            zip.s3 = S3ObjectLocation(bucket: "artifacts", key: "k/A2.zip")
            zip.codeSha256 = "s3:k/A2.zip"  // the fake's hash for S3 code
            uploaded.artifact = .zip(zip)
        }
        let notUploaded = try world.zipTarget("B", content: "B2")
        let plan = await plan(world, [uploaded, notUploaded])
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant, directUploadLimit: 1).apply(plan)
        #expect(results[0].succeeded)
        guard case .failed(let message) = results[1].outcome else { Issue.record("expected a failure"); return }
        #expect(message.contains("50 MB"))
    }

    @Test func stateMachineDefinitionIsUpdatedAndReadBack() async throws {
        let world = try World(functions: [:], definitions: [World.machineArn: #"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#],
                              resources: [DeployedResource(logicalID: "Flow", physicalID: World.machineArn, resourceType: "AWS::StepFunctions::StateMachine")])
        let target = HotswapTarget(stackPath: "Root", logicalID: "Flow", resourceType: "AWS::StepFunctions::StateMachine",
                                   artifact: .stateMachineDefinition(definition: .string(#"{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}"#), substitutions: nil))
        let plan = await plan(world, [target])
        let results = await HotswapApplier(services: world.context.services, backoff: Self.instant).apply(plan)
        #expect(results.first?.succeeded == true)
        #expect(world.machines.updates.withLock { $0 } == [World.machineArn])
        #expect(try await world.machines.definition(of: World.machineArn).contains(#""StartAt":"B""#))
    }
}
