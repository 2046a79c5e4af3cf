import { defineCheck, verdict } from '../define-check.js';
import { httpStageLabel } from './stage-label.js';

export const apigatewayHttpStageAccessLoggingEnabled = defineCheck({
  id: 'apigateway-http-stage-access-logging-enabled',
  title: 'API Gateway HTTP and WebSocket API stages write access logs',
  service: 'apigateway',
  resourceType: 'AwsApiGatewayV2Stage',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['apigateway.httpStages'],
  compliance: [{ framework: 'aws-fsbp', control: 'APIGateway.9' }],
  risk:
    'HTTP APIs have no execution logs: without access logs there is no record at all of who called the API, from where ' +
    'and with what result.',
  remediation: {
    text: 'Configure access logging on the stage to a CloudWatch Logs log group.',
    cli: "aws apigatewayv2 update-stage --api-id <api-id> --stage-name <stage> --access-log-settings DestinationArn=<log-group-arn>,Format='$context.requestId $context.identity.sourceIp $context.status'",
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html',
  },
  evaluate: ({ apigateway }) =>
    apigateway.httpStages.map((stage) =>
      verdict(
        stage.accessLogDestinationArn !== undefined,
        stage,
        `${httpStageLabel(stage)} writes access logs to ${stage.accessLogDestinationArn}.`,
        `${httpStageLabel(stage)} has no access logging configured.`,
      ),
    ),
});
