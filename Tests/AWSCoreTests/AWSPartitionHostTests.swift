import AWSCore
import Foundation
import Testing

/// `AWSPartition.serving(host:)`: the one answer to "is this an AWS endpoint, of which partition".
@Suite struct AWSPartitionHostTests {
    @Test func awsHostsOfEveryPartitionAreRecognised() {
        #expect(AWSPartition.serving(host: "cloudformation.eu-central-1.amazonaws.com") == .aws)
        #expect(AWSPartition.serving(host: "my-bucket.s3.us-east-1.amazonaws.com") == .aws)
        #expect(AWSPartition.serving(host: "S3.EU-WEST-1.AMAZONAWS.COM") == .aws)
        #expect(AWSPartition.serving(host: "lambda.cn-north-1.amazonaws.com.cn") == .china)
        #expect(AWSPartition.serving(host: "s3.cn-northwest-1.amazonaws.com.cn") == .china)
        #expect(AWSPartition.serving(host: "lambda.us-gov-west-1.amazonaws.com") == .govCloud)
        #expect(AWSPartition.serving(host: "lambda.us-iso-east-1.c2s.ic.gov") == .iso)
        #expect(AWSPartition.serving(host: "lambda.us-isob-east-1.sc2s.sgov.gov") == .isoB)
    }

    @Test func otherHostsAreCustomEndpoints() {
        for host in ["127.0.0.1", "localhost", "minio.internal", "amazonaws.com.evil.example", "notamazonaws.com"] {
            #expect(AWSPartition.serving(host: host) == nil, "\(host)")
            #expect(!AWSPartition.isAWSHost(host), "\(host)")
        }
        #expect(!AWSPartition.isAWSEndpoint(URL(string: "http://127.0.0.1:5000")!))
        #expect(AWSPartition.isAWSEndpoint(URL(string: "https://s3.cn-north-1.amazonaws.com.cn")!))
        #expect(!AWSPartition.isAWSEndpoint(URL(string: "file:///tmp")!))
    }
}
