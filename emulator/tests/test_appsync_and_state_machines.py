"""AppSync resources and Step Functions definitions created, updated and deleted by CloudFormation."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from conftest import REGION
from test_emulator import BUCKET, deploy, events, outputs, upload, wait_stack

ACCOUNT = "123456789012"
SCHEMA_V1 = "schema {\n  query: Query\n}\n\n# the documents\ntype Query {\n  getDocument(id: ID!): String\n}\n"
SCHEMA_V2 = SCHEMA_V1.replace("getDocument(id: ID!): String", "getDocument(id: ID!): String\n  listDocuments: [String]")


def appsync_template(schema_key: str = "schema-v1.graphql", code_key: str = "resolver-v1.js",
                     function_key: str = "function-v1.js", field: str = "getDocument",
                     function_description: str = "v1") -> str:
    return f"""
Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: documents
      AuthenticationType: API_KEY
  Key:
    Type: AWS::AppSync::ApiKey
    Properties:
      ApiId: !GetAtt Api.ApiId
      Description: demo key
  Schema:
    Type: AWS::AppSync::GraphQLSchema
    Properties:
      ApiId: !GetAtt Api.ApiId
      DefinitionS3Location: s3://{BUCKET}/{schema_key}
  Table:
    Type: AWS::AppSync::DataSource
    Properties:
      ApiId: !GetAtt Api.ApiId
      Name: TrackingTable
      Type: AMAZON_DYNAMODB
      DynamoDBConfig:
        TableName: tracking
        AwsRegion: !Ref AWS::Region
  Lookup:
    Type: AWS::AppSync::FunctionConfiguration
    Properties:
      ApiId: !GetAtt Api.ApiId
      Name: lookup
      Description: {function_description}
      DataSourceName: !GetAtt Table.Name
      Runtime: {{Name: APPSYNC_JS, RuntimeVersion: 1.0.0}}
      CodeS3Location: s3://{BUCKET}/{function_key}
  Resolver:
    Type: AWS::AppSync::Resolver
    DependsOn: Schema
    Properties:
      ApiId: !GetAtt Api.ApiId
      TypeName: Query
      FieldName: {field}
      Kind: PIPELINE
      PipelineConfig:
        Functions: [!GetAtt Lookup.FunctionId]
      Runtime: {{Name: APPSYNC_JS, RuntimeVersion: 1.0.0}}
      CodeS3Location: s3://{BUCKET}/{code_key}
Outputs:
  ApiRef: {{Value: !Ref Api}}
  ApiId: {{Value: !GetAtt Api.ApiId}}
  ApiArn: {{Value: !GetAtt Api.Arn}}
  GraphQLUrl: {{Value: !GetAtt Api.GraphQLUrl}}
  KeyRef: {{Value: !Ref Key}}
  KeyId: {{Value: !GetAtt Key.ApiKeyId}}
  SchemaRef: {{Value: !Ref Schema}}
  TableRef: {{Value: !Ref Table}}
  TableName: {{Value: !GetAtt Table.Name}}
  LookupRef: {{Value: !Ref Lookup}}
  LookupId: {{Value: !GetAtt Lookup.FunctionId}}
  ResolverRef: {{Value: !Ref Resolver}}
"""


def upload_appsync_sources(aws, version: str, schema: str) -> None:
    upload(aws, f"schema-{version}.graphql", schema.encode())
    upload(aws, f"resolver-{version}.js", f"export function request(ctx) {{ return '{version}'; }}\n".encode())
    upload(aws, f"function-{version}.js", f"export function response(ctx) {{ return '{version}'; }}\n".encode())


def physical_ids(aws, stack: str) -> dict[str, str]:
    summaries = aws("cloudformation").list_stack_resources(StackName=stack)["StackResourceSummaries"]
    return {s["LogicalResourceId"]: s["PhysicalResourceId"] for s in summaries}


def error_code(call) -> str:
    with pytest.raises(ClientError) as raised:
        call()
    return raised.value.response["Error"]["Code"]


def test_appsync_stack_creates_every_resource_with_aws_ids(aws):
    upload_appsync_sources(aws, "v1", SCHEMA_V1)
    deploy(aws, "api", appsync_template(), "CREATE")
    seen, description = wait_stack(aws, "api")
    assert seen[-1] == "CREATE_COMPLETE"

    values = outputs(description)
    api_id = values["ApiId"]
    api_arn = f"arn:aws:appsync:{REGION}:{ACCOUNT}:apis/{api_id}"
    assert values["ApiRef"] == api_arn and values["ApiArn"] == api_arn
    assert values["GraphQLUrl"] == f"https://{api_id}.appsync-api.{REGION}.amazonaws.com/graphql"
    assert values["KeyRef"] == f"{api_arn}/apikey/{values['KeyId']}"
    assert values["SchemaRef"] == f"{api_id}GraphQLSchema"
    assert values["TableRef"] == f"{api_arn}/datasources/TrackingTable" and values["TableName"] == "TrackingTable"
    assert values["LookupRef"] == f"{api_arn}/functions/{values['LookupId']}"
    assert values["ResolverRef"] == f"{api_arn}/types/Query/resolvers/getDocument"
    assert physical_ids(aws, "api") == {
        "Api": api_arn, "Key": values["KeyRef"], "Schema": values["SchemaRef"], "Table": values["TableRef"],
        "Lookup": values["LookupRef"], "Resolver": values["ResolverRef"],
    }

    appsync = aws("appsync")
    assert appsync.get_graphql_api(apiId=api_id)["graphqlApi"]["name"] == "documents"
    assert [k["id"] for k in appsync.list_api_keys(apiId=api_id)["apiKeys"]] == [values["KeyId"]]
    sdl = appsync.get_introspection_schema(apiId=api_id, format="SDL")["schema"].read().decode()
    assert "getDocument(id: ID!): String" in sdl and "schema {" in sdl and "# the documents" not in sdl
    table = appsync.get_data_source(apiId=api_id, name="TrackingTable")["dataSource"]
    assert table["type"] == "AMAZON_DYNAMODB"
    assert table["dynamodbConfig"] == {"tableName": "tracking", "awsRegion": REGION}
    function = appsync.get_function(apiId=api_id, functionId=values["LookupId"])["functionConfiguration"]
    assert function["code"] == "export function response(ctx) { return 'v1'; }\n"
    assert function["dataSourceName"] == "TrackingTable" and function["description"] == "v1"
    resolver = appsync.get_resolver(apiId=api_id, typeName="Query", fieldName="getDocument")["resolver"]
    assert resolver["code"] == "export function request(ctx) { return 'v1'; }\n"
    assert resolver["kind"] == "PIPELINE" and resolver["pipelineConfig"] == {"functions": [values["LookupId"]]}
    assert resolver["runtime"] == {"name": "APPSYNC_JS", "runtimeVersion": "1.0.0"}
    assert [f["functionId"] for f in appsync.list_functions(apiId=api_id)["functions"]] == [values["LookupId"]]
    resolver_types = [e["ResourceType"] for e in events(aws, "api") if e["ResourceStatus"] == "CREATE_COMPLETE"]
    assert "AWS::AppSync::Resolver" in resolver_types


def test_appsync_stack_update_changes_code_and_schema_in_place(aws):
    upload_appsync_sources(aws, "v1", SCHEMA_V1)
    upload_appsync_sources(aws, "v2", SCHEMA_V2)
    deploy(aws, "api", appsync_template(), "CREATE")
    _, before = wait_stack(aws, "api")
    ids_before = physical_ids(aws, "api")

    deploy(aws, "api", appsync_template("schema-v2.graphql", "resolver-v2.js", "function-v2.js",
                                        function_description="v2"), "UPDATE")
    seen, after = wait_stack(aws, "api")

    assert seen[-1] == "UPDATE_COMPLETE"
    assert physical_ids(aws, "api") == ids_before
    values = outputs(after)
    appsync = aws("appsync")
    sdl = appsync.get_introspection_schema(apiId=values["ApiId"], format="SDL")["schema"].read().decode()
    assert "listDocuments: [String]" in sdl
    resolver = appsync.get_resolver(apiId=values["ApiId"], typeName="Query", fieldName="getDocument")["resolver"]
    assert resolver["code"] == "export function request(ctx) { return 'v2'; }\n"
    function = appsync.get_function(apiId=values["ApiId"], functionId=values["LookupId"])["functionConfiguration"]
    assert function["code"] == "export function response(ctx) { return 'v2'; }\n" and function["description"] == "v2"
    assert values["LookupId"] == outputs(before)["LookupId"]


def test_appsync_resolver_on_another_field_replaces_it_and_delete_removes_the_api(aws):
    upload_appsync_sources(aws, "v1", SCHEMA_V2)
    deploy(aws, "api", appsync_template("schema-v1.graphql"), "CREATE")
    _, description = wait_stack(aws, "api")
    api_id = outputs(description)["ApiId"]

    deploy(aws, "api", appsync_template("schema-v1.graphql", field="listDocuments"), "UPDATE")
    assert wait_stack(aws, "api")[0][-1] == "UPDATE_COMPLETE"

    appsync = aws("appsync")
    assert physical_ids(aws, "api")["Resolver"].endswith("/types/Query/resolvers/listDocuments")
    assert [r["fieldName"] for r in appsync.list_resolvers(apiId=api_id, typeName="Query")["resolvers"]] == ["listDocuments"]
    assert error_code(lambda: appsync.get_resolver(apiId=api_id, typeName="Query", fieldName="getDocument")) == "NotFoundException"

    aws("cloudformation").delete_stack(StackName="api")
    assert wait_stack(aws, description["StackId"])[0][-1] == "DELETE_COMPLETE"
    assert error_code(lambda: appsync.get_graphql_api(apiId=api_id)) == "NotFoundException"


def test_appsync_missing_code_object_fails_the_resource(aws):
    upload_appsync_sources(aws, "v1", SCHEMA_V1)
    deploy(aws, "api", appsync_template(code_key="missing.js"), "CREATE")
    seen, _ = wait_stack(aws, "api")

    assert seen[-1] == "ROLLBACK_COMPLETE"
    failed = [e for e in events(aws, "api") if e["ResourceStatus"] == "CREATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Resolver"
    assert f"s3://{BUCKET}/missing.js" in failed[0]["ResourceStatusReason"]
    assert aws("appsync").list_graphql_apis()["graphqlApis"] == []


def test_appsync_invalid_schema_fails_the_resource(aws):
    upload_appsync_sources(aws, "v1", "type Query {")
    deploy(aws, "api", appsync_template(), "CREATE")

    assert wait_stack(aws, "api")[0][-1] == "ROLLBACK_COMPLETE"
    failed = [e for e in events(aws, "api") if e["ResourceStatus"] == "CREATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Schema"
    assert "Schema Creation Status is FAILED" in failed[0]["ResourceStatusReason"]


def test_appsync_rest_api_for_data_sources_resolvers_and_functions(aws):
    appsync = aws("appsync")
    api_id = appsync.create_graphql_api(name="direct", authenticationType="API_KEY")["graphqlApi"]["apiId"]
    appsync.create_data_source(apiId=api_id, name="none", type="NONE")
    function = appsync.create_function(apiId=api_id, name="f", dataSourceName="none", functionVersion="2018-05-29",
                                       requestMappingTemplate="{}", responseMappingTemplate="$util.toJson($ctx.result)")
    function_id = function["functionConfiguration"]["functionId"]
    appsync.create_resolver(apiId=api_id, typeName="Query", fieldName="a", dataSourceName="none",
                            requestMappingTemplate="{}", responseMappingTemplate="old")

    updated = appsync.update_resolver(apiId=api_id, typeName="Query", fieldName="a", kind="PIPELINE",
                                      pipelineConfig={"functions": [function_id]}, runtime={"name": "APPSYNC_JS", "runtimeVersion": "1.0.0"},
                                      code="export function request() {}")["resolver"]
    assert "responseMappingTemplate" not in updated and "dataSourceName" not in updated
    assert appsync.get_resolver(apiId=api_id, typeName="Query", fieldName="a")["resolver"] == updated
    appsync.update_function(apiId=api_id, functionId=function_id, name="f", dataSourceName="none",
                            functionVersion="2018-05-29", requestMappingTemplate="{\"v\": 2}")
    live = appsync.get_function(apiId=api_id, functionId=function_id)["functionConfiguration"]
    assert live["requestMappingTemplate"] == "{\"v\": 2}" and "responseMappingTemplate" not in live
    assert [r["fieldName"] for r in appsync.list_resolvers_by_function(apiId=api_id, functionId=function_id)["resolvers"]] == ["a"]

    assert error_code(lambda: appsync.create_resolver(apiId=api_id, typeName="Query", fieldName="b",
                                                      dataSourceName="nowhere")) == "NotFoundException"
    assert error_code(lambda: appsync.get_function(apiId=api_id, functionId="nope")) == "NotFoundException"
    appsync.delete_resolver(apiId=api_id, typeName="Query", fieldName="a")
    appsync.delete_function(apiId=api_id, functionId=function_id)
    appsync.delete_data_source(apiId=api_id, name="none")
    assert appsync.list_functions(apiId=api_id)["functions"] == []
    assert appsync.list_data_sources(apiId=api_id)["dataSources"] == []


WORKFLOW = {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "${WorkArn}", "TimeoutSeconds": "${Timeout}", "End": True}}}


def state_machine_template(key: str, timeout: int = 30) -> str:
    return f"""
Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineName: flow
      RoleArn: arn:aws:iam::{ACCOUNT}:role/flow
      DefinitionS3Location: {{Bucket: {BUCKET}, Key: {key}}}
      DefinitionSubstitutions:
        WorkArn: !Sub "arn:aws:lambda:${{AWS::Region}}:${{AWS::AccountId}}:function:work"
        Timeout: {timeout}
Outputs:
  Arn: {{Value: !Ref Flow}}
"""


def test_state_machine_definition_from_s3_with_substitutions_on_create_update_and_delete(aws):
    upload(aws, "flow-v1.json", json.dumps(WORKFLOW).encode())
    upload(aws, "flow-v2.json", json.dumps({**WORKFLOW, "Comment": "v2"}).encode())
    deploy(aws, "flow", state_machine_template("flow-v1.json"), "CREATE")
    _, description = wait_stack(aws, "flow")
    arn = outputs(description)["Arn"]
    stepfunctions = aws("stepfunctions")

    definition = json.loads(stepfunctions.describe_state_machine(stateMachineArn=arn)["definition"])
    assert definition["States"]["Work"]["Resource"] == f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:work"
    assert definition["States"]["Work"]["TimeoutSeconds"] == "30"

    deploy(aws, "flow", state_machine_template("flow-v2.json", timeout=60), "UPDATE")
    assert wait_stack(aws, "flow")[0][-1] == "UPDATE_COMPLETE"
    definition = json.loads(stepfunctions.describe_state_machine(stateMachineArn=arn)["definition"])
    assert definition["Comment"] == "v2" and definition["States"]["Work"]["TimeoutSeconds"] == "60"

    aws("cloudformation").delete_stack(StackName="flow")
    assert wait_stack(aws, description["StackId"])[0][-1] == "DELETE_COMPLETE"
    assert stepfunctions.list_state_machines()["stateMachines"] == []


def test_sam_state_machine_definition_uri_gets_function_arn_substituted(aws):
    upload(aws, "flow.json", json.dumps(WORKFLOW).encode())
    upload(aws, "code.zip", b"PK\x05\x06" + b"\x00" * 18)
    template = f"""
Transform: AWS::Serverless-2016-10-31
Resources:
  Work:
    Type: AWS::Serverless::Function
    Properties: {{Runtime: python3.12, Handler: app.handler, CodeUri: s3://{BUCKET}/code.zip}}
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://{BUCKET}/flow.json
      DefinitionSubstitutions:
        WorkArn: !GetAtt Work.Arn
        Timeout: 5
Outputs:
  Arn: {{Value: !Ref Flow}}
  WorkArn: {{Value: !GetAtt Work.Arn}}
"""
    deploy(aws, "samflow", template, "CREATE")
    seen, description = wait_stack(aws, "samflow")

    assert seen[-1] == "CREATE_COMPLETE"
    values = outputs(description)
    definition = json.loads(aws("stepfunctions").describe_state_machine(stateMachineArn=values["Arn"])["definition"])
    assert definition["States"]["Work"]["Resource"] == values["WorkArn"]


def test_state_machine_with_missing_definition_object_fails(aws):
    upload(aws, "other.json", b"{}")
    deploy(aws, "flow", state_machine_template("absent.json"), "CREATE")

    assert wait_stack(aws, "flow")[0][-1] == "ROLLBACK_COMPLETE"
    failed = [e for e in events(aws, "flow") if e["ResourceStatus"] == "CREATE_FAILED"]
    assert failed[0]["LogicalResourceId"] == "Flow"
    assert f"s3://{BUCKET}/absent.json" in failed[0]["ResourceStatusReason"]


def test_termination_protection_blocks_delete_until_turned_off(aws):
    cfn = aws("cloudformation")
    template = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
    stack_id = cfn.create_stack(StackName="guarded", TemplateBody=template)["StackId"]
    wait_stack(aws, "guarded")

    assert cfn.update_termination_protection(StackName="guarded", EnableTerminationProtection=True)["StackId"] == stack_id
    assert cfn.describe_stacks(StackName="guarded")["Stacks"][0]["EnableTerminationProtection"] is True
    with pytest.raises(ClientError) as refused:
        cfn.delete_stack(StackName="guarded")
    assert refused.value.response["Error"]["Code"] == "ValidationError"
    assert "cannot be deleted while TerminationProtection is enabled" in refused.value.response["Error"]["Message"]
    assert cfn.describe_stacks(StackName="guarded")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"

    cfn.update_termination_protection(StackName=stack_id, EnableTerminationProtection=False)
    assert cfn.describe_stacks(StackName="guarded")["Stacks"][0]["EnableTerminationProtection"] is False
    cfn.delete_stack(StackName="guarded")
    assert wait_stack(aws, stack_id)[0][-1] == "DELETE_COMPLETE"
    assert error_code(lambda: cfn.update_termination_protection(StackName="absent", EnableTerminationProtection=True)) == "ValidationError"
