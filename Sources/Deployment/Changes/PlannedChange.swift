import AWSServices

/// One resource a change set will add, modify or remove.
package struct PlannedChange: Sendable, Equatable, Codable {
    /// What happens to the resource, in CloudFormation's words.
    package enum Action: String, Sendable, Codable {
        case add = "Add", modify = "Modify", remove = "Remove", `import` = "Import", dynamic = "Dynamic"
        case other = "Other"
    }

    /// The resource's logical ID.
    package var logicalID: String
    /// `AWS::DynamoDB::Table`, ...
    package var resourceType: String
    package var action: Action
    /// `True`, `False` or `Conditional` for a modification; nil when CloudFormation did not say.
    package var replacement: String?
    package var physicalID: String?

    /// A change.
    package init(logicalID: String, resourceType: String, action: Action, replacement: String? = nil, physicalID: String? = nil) {
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.action = action
        self.replacement = replacement
        self.physicalID = physicalID
    }

    /// The change as DescribeChangeSet reported it.
    package init(_ change: ResourceChange) {
        self.init(
            logicalID: change.logicalResourceId ?? "?", resourceType: change.resourceType ?? "?",
            action: Action(rawValue: change.action ?? "") ?? .other, replacement: change.replacement,
            physicalID: change.physicalResourceId)
    }

    /// Whether the resource is replaced (a new physical resource; the old one is deleted).
    package var isReplacement: Bool {
        action == .modify && (replacement == "True" || replacement == "Conditional")
    }

    /// Whether this change deletes or replaces a resource that holds data (a table, a bucket, ...).
    package var losesData: Bool {
        StatefulResourceTypes.contains(resourceType) && (action == .remove || isReplacement)
    }
}

/// Resource types that keep data: deleting or replacing one loses it.
package enum StatefulResourceTypes {
    /// The types, by CloudFormation name.
    package static let all: Set<String> = [
        "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::S3::Bucket",
        "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::EFS::FileSystem",
        "AWS::Logs::LogGroup", "AWS::KMS::Key", "AWS::Cognito::UserPool",
        "AWS::SQS::Queue", "AWS::Kinesis::Stream", "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup", "AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain",
        "AWS::SecretsManager::Secret", "AWS::Backup::BackupVault", "AWS::Neptune::DBCluster",
        "AWS::DocDB::DBCluster", "AWS::Timestream::Table", "AWS::Glue::Database", "AWS::Serverless::SimpleTable",
    ]

    /// Whether `type` holds data.
    package static func contains(_ type: String) -> Bool { all.contains(type) }
}
