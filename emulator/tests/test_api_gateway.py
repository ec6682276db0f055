"""SAM's implicit and explicit APIs: REST APIs from OpenAPI bodies, deployments, stages, HTTP APIs."""

from __future__ import annotations

import json

from test_emulator import BUCKET, outputs, upload, wait_stack

IMPLICIT = """
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): return {}"
      Events:
        Get:
          Type: Api
          Properties: {Path: "/items/{id}", Method: get}
        Http:
          Type: HttpApi
          Properties: {Path: /things, Method: post}
Outputs:
  RestApi: {Value: !Ref ServerlessRestApi}
  Url: {Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/"}
  HttpApi: {Value: !Ref ServerlessHttpApi}
  HttpUrl: {Value: !GetAtt ServerlessHttpApi.ApiEndpoint}
"""


def deploy(aws, name: str, template: str) -> dict[str, str]:
    aws("cloudformation").create_stack(StackName=name, TemplateBody=template,
                                       Capabilities=["CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND"])
    statuses, description = wait_stack(aws, name)
    assert statuses[-1] == "CREATE_COMPLETE", statuses
    return outputs(description)


def test_implicit_rest_and_http_apis(aws):
    values = deploy(aws, "implicit", IMPLICIT)

    apigw = aws("apigateway")
    api = apigw.get_rest_api(restApiId=values["RestApi"])
    assert api["name"] == "implicit"  # SAM titles the implicit API after the stack
    paths = sorted(r["path"] for r in apigw.get_resources(restApiId=values["RestApi"])["items"])
    assert paths == ["/", "/items", "/items/{id}"]
    stages = {s["stageName"]: s for s in apigw.get_stages(restApiId=values["RestApi"])["item"]}
    assert "Prod" in stages and stages["Prod"]["deploymentId"]
    assert values["Url"] == f"https://{values['RestApi']}.execute-api.eu-central-1.amazonaws.com/Prod/"

    v2 = aws("apigatewayv2")
    assert [r["RouteKey"] for r in v2.get_routes(ApiId=values["HttpApi"])["Items"]] == ["POST /things"]
    assert [s["StageName"] for s in v2.get_stages(ApiId=values["HttpApi"])["Items"]] == ["$default"]
    assert values["HttpUrl"] == f"https://{values['HttpApi']}.execute-api.eu-central-1.amazonaws.com"


def test_explicit_rest_api_from_body_takes_its_name_from_the_title(aws):
    template = """
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: {title: orders-api, version: "1"}
        paths:
          /orders:
            get:
              x-amazon-apigateway-integration: {type: mock}
  Deployment:
    Type: AWS::ApiGateway::Deployment
    Properties: {RestApiId: !Ref Api}
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties: {RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: v1}
Outputs:
  Api: {Value: !Ref Api}
  Deployment: {Value: !Ref Deployment}
  Stage: {Value: !Ref Stage}
"""
    values = deploy(aws, "explicit", template)

    apigw = aws("apigateway")
    assert apigw.get_rest_api(restApiId=values["Api"])["name"] == "orders-api"
    assert apigw.get_stage(restApiId=values["Api"], stageName="v1")["deploymentId"] == values["Deployment"]
    assert values["Stage"] == "v1"
    stack_id = aws("cloudformation").describe_stacks(StackName="explicit")["Stacks"][0]["StackId"]
    aws("cloudformation").delete_stack(StackName="explicit")
    assert wait_stack(aws, stack_id)[0][-1] == "DELETE_COMPLETE"
    assert apigw.get_rest_apis()["items"] == []


def test_serverless_http_api_with_definition_body_from_aws_include(aws):
    definition = {
        "openapi": "3.0.1", "info": {"title": "included-http", "version": "1"},
        "paths": {"/hello": {"get": {"x-amazon-apigateway-integration": {
            "type": "aws_proxy", "httpMethod": "POST", "payloadFormatVersion": "2.0",
            "uri": "arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/x/invocations"}}}},
    }
    upload(aws, "api/definition.json", json.dumps(definition).encode())
    template = f"""
Transform: AWS::Serverless-2016-10-31
Resources:
  Http:
    Type: AWS::Serverless::HttpApi
    Properties:
      DefinitionBody:
        Fn::Transform:
          Name: AWS::Include
          Parameters: {{Location: s3://{BUCKET}/api/definition.json}}
Outputs:
  Api: {{Value: !Ref Http}}
"""
    values = deploy(aws, "included", template)

    v2 = aws("apigatewayv2")
    assert v2.get_api(ApiId=values["Api"])["Name"] == "included-http"
    assert [r["RouteKey"] for r in v2.get_routes(ApiId=values["Api"])["Items"]] == ["GET /hello"]
