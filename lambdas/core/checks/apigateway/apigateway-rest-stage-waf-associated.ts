import { defineCheck, verdict } from '../define-check.js';
import { restStageLabel } from './stage-label.js';

export const apigatewayRestStageWafAssociated = defineCheck({
  id: 'apigateway-rest-stage-waf-associated',
  title: 'API Gateway REST API stages are protected by an AWS WAF web ACL',
  service: 'apigateway',
  resourceType: 'AwsApiGatewayStage',
  srmClass: 'abstracted',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['apigateway.restStages'],
  compliance: [{ framework: 'aws-fsbp', control: 'APIGateway.4' }],
  risk:
    'Without a web ACL every request reaches the API’s integrations unfiltered: injection attempts, known bad bots and ' +
    'request floods are not blocked or rate-limited before they cost backend capacity.',
  remediation: {
    text: 'Associate a REGIONAL AWS WAF web ACL with the stage.',
    cli: 'aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
  },
  evaluate: ({ apigateway }) =>
    apigateway.restStages.map((stage) =>
      verdict(
        stage.webAclArn !== undefined,
        stage,
        `${restStageLabel(stage)} is protected by web ACL ${stage.webAclArn}.`,
        `${restStageLabel(stage)} has no AWS WAF web ACL.`,
      ),
    ),
});
