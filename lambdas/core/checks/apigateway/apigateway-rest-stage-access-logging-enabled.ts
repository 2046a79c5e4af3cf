import { defineCheck, verdict } from '../define-check.js';
import { restStageLabel } from './stage-label.js';

export const apigatewayRestStageAccessLoggingEnabled = defineCheck({
  id: 'apigateway-rest-stage-access-logging-enabled',
  title: 'API Gateway REST API stages write access logs',
  service: 'apigateway',
  resourceType: 'AwsApiGatewayStage',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['apigateway.restStages'],
  compliance: [],
  risk:
    'Without access logs there is no record of who called which resource of the API, from where and with what result, ' +
    'so abuse of the API cannot be traced to a caller.',
  remediation: {
    text: 'Configure access logging on the stage to a CloudWatch Logs log group or Firehose stream.',
    cli: "aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/accessLogSettings/destinationArn,value=<log-group-arn> op=replace,path=/accessLogSettings/format,value='$context.requestId $context.identity.sourceIp $context.status'",
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
  },
  evaluate: ({ apigateway }) =>
    apigateway.restStages.map((stage) =>
      verdict(
        stage.accessLogDestinationArn !== undefined,
        stage,
        `${restStageLabel(stage)} writes access logs to ${stage.accessLogDestinationArn}.`,
        `${restStageLabel(stage)} has no access logging configured.`,
      ),
    ),
});
