import { defineCheck, verdict } from '../define-check.js';
import { restStageLabel } from './stage-label.js';

export const apigatewayRestStageBackendCertificate = defineCheck({
  id: 'apigateway-rest-stage-backend-certificate',
  title: 'API Gateway REST API stages present a client certificate to their HTTP backends',
  service: 'apigateway',
  resourceType: 'AwsApiGatewayStage',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['apigateway.restStages'],
  compliance: [{ framework: 'aws-fsbp', control: 'APIGateway.2' }],
  risk:
    'Without a client certificate a public HTTP backend cannot tell API Gateway’s requests from anyone else’s, so ' +
    'callers can bypass the API’s authorizers, throttling and WAF by calling the backend directly.',
  remediation: {
    text: 'Generate an API Gateway client certificate, attach it to the stage and have the backend require it.',
    cli: 'aws apigateway generate-client-certificate && aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/clientCertificateId,value=<certificate-id>',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html',
  },
  evaluate: ({ apigateway }) =>
    apigateway.restStages.map((stage) =>
      verdict(
        stage.clientCertificateId !== undefined,
        stage,
        `${restStageLabel(stage)} presents client certificate ${stage.clientCertificateId} to its backends.`,
        `${restStageLabel(stage)} presents no client certificate to its backends.`,
      ),
    ),
});
