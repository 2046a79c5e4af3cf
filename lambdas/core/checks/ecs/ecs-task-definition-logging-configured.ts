import { defineCheck } from '../define-check.js';
import { containersVerdict } from './capacity.js';

export const ecsTaskDefinitionLoggingConfigured = defineCheck({
  id: 'ecs-task-definition-logging-configured',
  title: 'ECS task definitions configure a log driver for every container',
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['ecs.taskDefinitions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.9' }],
  risk:
    'Without a log configuration a container’s output stays on the host (or, on Fargate, is lost when the task ' +
    'stops), so an incident in it leaves no trace to investigate.',
  remediation: {
    text:
      'Add a logConfiguration (e.g. the awslogs driver to a CloudWatch Logs group, or awsfirelens) to every ' +
      'container, register a new revision and update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-with-awslogs.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  },
  evaluate: ({ ecs }) =>
    ecs.taskDefinitions.map((definition) =>
      containersVerdict(
        definition,
        (c) => (c.logDriver ? false : ''),
        'configures a log driver for every container',
        'has containers without a log configuration',
      ),
    ),
});
