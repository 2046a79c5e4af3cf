import { ALL_METHODS } from '../../inventory/apigateway.js';
import { defineCheck, fail, pass, verdict } from '../define-check.js';
import { httpStageLabel, LOGGING_ON, restStageLabel } from './stage-label.js';

export const apigatewayStageExecutionLoggingEnabled = defineCheck({
  id: 'apigateway-stage-execution-logging-enabled',
  title: 'API Gateway REST and WebSocket API stages have execution logging enabled',
  service: 'apigateway',
  resourceType: 'AwsApiGatewayStage',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['apigateway.restStages', 'apigateway.httpStages'],
  compliance: [{ framework: 'aws-fsbp', control: 'APIGateway.1' }],
  risk:
    'Without execution logs, authorizer decisions, integration errors and throttling of the stage leave no trace in ' +
    'CloudWatch Logs, so abuse of the API and failed attacks on its backends go unnoticed.',
  remediation: {
    text: 'Set the stage’s logging level to ERROR or INFO for all methods (after giving API Gateway a CloudWatch Logs role in the account settings).',
    cli: 'aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/logging/loglevel,value=ERROR',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html',
  },
  evaluate: ({ apigateway }) => [
    ...apigateway.restStages.map((stage) => {
      const level = stage.methodSettings[ALL_METHODS]?.loggingLevel ?? 'OFF';
      const off = Object.entries(stage.methodSettings).filter(
        ([path, s]) => path !== ALL_METHODS && s.loggingLevel !== undefined && !LOGGING_ON.has(s.loggingLevel),
      );
      if (!LOGGING_ON.has(level)) {
        return fail(stage, `${restStageLabel(stage)} has execution logging off (logging level ${level}).`);
      }
      return off.length > 0
        ? fail(
            stage,
            `${restStageLabel(stage)} logs at ${level} but turns execution logging off for ${off.map(([path]) => path).join(', ')}.`,
          )
        : pass(stage, `${restStageLabel(stage)} has execution logging at level ${level}.`);
    }),
    // HTTP APIs have no execution logs (only access logs); WebSocket APIs set the level on the default route.
    ...apigateway.httpStages
      .filter((stage) => stage.protocolType === 'WEBSOCKET')
      .map((stage) => {
        const level = stage.loggingLevel ?? 'OFF';
        return verdict(
          LOGGING_ON.has(level),
          stage,
          `${httpStageLabel(stage)} has execution logging at level ${level}.`,
          `${httpStageLabel(stage)} has execution logging off (logging level ${level}).`,
        );
      }),
  ],
});
