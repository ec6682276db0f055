import Templates

/// Which CloudFormation capabilities a template needs, read from its resources and transforms.
package enum CapabilityDetector {
    private static let iamTypes: Set<String> = [
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::User", "AWS::IAM::Group",
        "AWS::IAM::AccessKey", "AWS::IAM::InstanceProfile", "AWS::IAM::UserToGroupAddition",
        "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy",
    ]
    private static let namingProperty: [String: String] = [
        "AWS::IAM::Role": "RoleName", "AWS::IAM::ManagedPolicy": "ManagedPolicyName", "AWS::IAM::User": "UserName",
        "AWS::IAM::Group": "GroupName", "AWS::IAM::InstanceProfile": "InstanceProfileName",
    ]

    /// The capabilities `template` needs (SAM functions create roles; nested stacks and macros
    /// need `CAPABILITY_AUTO_EXPAND`; named IAM resources need `CAPABILITY_NAMED_IAM`).
    package static func required(by template: Template) -> [String] {
        var iam = false, namedIAM = false, expand = !template.transforms.isEmpty
        for (_, resource) in template.resources {
            let type = resource.type
            if iamTypes.contains(type) { iam = true }
            if let property = namingProperty[type], resource.properties[property] != nil { namedIAM = true }
            if type.hasPrefix("AWS::Serverless::") {
                iam = true
                if type == "AWS::Serverless::Application" { expand = true }
            }
            if type == "AWS::CloudFormation::Stack" || type == "AWS::CloudFormation::Macro" { expand = true }
        }
        var result: [String] = []
        if iam || namedIAM { result.append("CAPABILITY_IAM") }
        if namedIAM { result.append("CAPABILITY_NAMED_IAM") }
        if expand { result.append("CAPABILITY_AUTO_EXPAND") }
        return result
    }

    /// `configured` plus the ones the template needs, without duplicates, in a stable order.
    package static func merge(configured: [String], required: [String]) -> [String] {
        var result = configured
        for capability in required where !result.contains(capability) { result.append(capability) }
        return result
    }
}
