import { defineCheck } from '../define-check.js';
import { containersVerdict } from './capacity.js';

export const ecsTaskDefinitionNoPrivilegedContainers = defineCheck({
  id: 'ecs-task-definition-no-privileged-containers',
  title: 'ECS task definitions run no container in privileged mode',
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['ecs.taskDefinitions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.4' }],
  risk:
    'A privileged container has root access to the host: every device and kernel capability. Code that breaks ' +
    'into it controls the container instance and every other task on it, and on EC2 capacity the host is yours to secure.',
  remediation: {
    text:
      'Register a new revision without "privileged": true; grant only the Linux capabilities the container needs ' +
      '(linuxParameters.capabilities.add) and update the services to the new revision.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-without-privileged.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  evaluate: ({ ecs }) =>
    ecs.taskDefinitions.map((definition) =>
      containersVerdict(
        definition,
        (c) => (c.privileged === true ? '' : false),
        'runs no container in privileged mode',
        'runs containers in privileged mode',
      ),
    ),
});
