import Foundation

/// A state machine as DescribeStateMachine returns it.
package struct StateMachineDescription: Decodable, Sendable, Equatable {
    package var stateMachineArn: String
    package var name: String
    /// `ACTIVE` or `DELETING`.
    package var status: String?
    /// The Amazon States Language definition (JSON text).
    package var definition: String
    package var roleArn: String
    /// `STANDARD` or `EXPRESS`.
    package var type: String
    package var creationDate: Date
    package var revisionId: String?
    package var description: String?
}

/// The answer of UpdateStateMachine.
package struct UpdateStateMachineOutput: Decodable, Sendable, Equatable {
    package var updateDate: Date
    package var revisionId: String?
    package var stateMachineVersionArn: String?
}

/// One state machine in ListStateMachines.
package struct StateMachineListItem: Decodable, Sendable, Equatable {
    package var stateMachineArn: String
    package var name: String
    /// `STANDARD` or `EXPRESS` (always sent by AWS; the local emulator leaves it out).
    package var type: String?
    package var creationDate: Date
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
