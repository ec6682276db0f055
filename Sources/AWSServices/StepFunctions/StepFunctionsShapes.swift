import Foundation

/// A state machine as DescribeStateMachine returns it.
public struct StateMachineDescription: Decodable, Sendable, Equatable {
    public var stateMachineArn: String
    public var name: String
    /// `ACTIVE` or `DELETING`.
    public var status: String?
    /// The Amazon States Language definition (JSON text).
    public var definition: String
    public var roleArn: String
    /// `STANDARD` or `EXPRESS`.
    public var type: String
    public var creationDate: Date
    public var revisionId: String?
    public var description: String?
}

/// The answer of UpdateStateMachine.
public struct UpdateStateMachineOutput: Decodable, Sendable, Equatable {
    public var updateDate: Date
    public var revisionId: String?
    public var stateMachineVersionArn: String?
}

/// One state machine in ListStateMachines.
public struct StateMachineListItem: Decodable, Sendable, Equatable {
    public var stateMachineArn: String
    public var name: String
    /// `STANDARD` or `EXPRESS` (always sent by AWS; the local emulator leaves it out).
    public var type: String?
    public var creationDate: Date
}

struct StateMachineArnRequest: Encodable, Sendable {
    var stateMachineArn: String
}

struct UpdateStateMachineRequest: Encodable, Sendable {
    var stateMachineArn: String
    var definition: String?
    var roleArn: String?
    var publish: Bool?
}

struct NextTokenRequest: Encodable, Sendable {
    var nextToken: String?
}

struct ListStateMachinesPage: Decodable, Sendable {
    var stateMachines: [StateMachineListItem]
    var nextToken: String?
}
