import { defineCheck, verdict } from '../define-check.js';
import { onCapacity, taskDefinitionCapacity, taskDefinitionLabel } from './capacity.js';

export const ecsTaskDefinitionNoHostNetwork = defineCheck({
  id: 'ecs-task-definition-no-host-network',
  title: 'ECS task definitions do not use the host network mode',
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['ecs.taskDefinitions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.17' }],
  risk:
    "In host network mode the containers share the host's network stack: they reach services bound to the host's " +
    'loopback interface, can impersonate the host, and are not behind a task-level security group.',
  remediation: {
    text:
      'Register a new revision with networkMode "awsvpc" (its own network interface and security groups) or ' +
      '"bridge", and update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-awsvpc.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
  },
  evaluate: ({ ecs }) =>
    ecs.taskDefinitions.map((definition) => {
      const label = taskDefinitionLabel(definition);
      return onCapacity(
        verdict(
          definition.networkMode !== 'host',
          definition,
          `${label} uses the ${definition.networkMode ?? 'default (bridge)'} network mode.`,
          `${label} uses the host network mode, sharing the host's network stack with its containers.`,
        ),
        taskDefinitionCapacity(definition),
      );
    }),
});
