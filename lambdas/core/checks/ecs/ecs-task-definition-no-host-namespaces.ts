import { defineCheck, verdict } from '../define-check.js';
import { joinNames } from '../shared/text.js';
import { onCapacity, taskDefinitionCapacity, taskDefinitionLabel } from './capacity.js';

export const ecsTaskDefinitionNoHostNamespaces = defineCheck({
  id: 'ecs-task-definition-no-host-namespaces',
  title: "ECS task definitions do not share the host's process (PID) or IPC namespace",
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['ecs.taskDefinitions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.3' }],
  risk:
    "With the host's PID namespace, containers see every process on the host and can signal or inspect them; " +
    "with the host's IPC namespace they can read and write the host's shared memory. Either undoes the isolation " +
    'between the containers and the host.',
  remediation: {
    text:
      'Register a new revision without pidMode and ipcMode "host" (use "task" when containers of one task must ' +
      'share them) and update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-without-host-namespaces.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode',
  },
  evaluate: ({ ecs }) =>
    ecs.taskDefinitions.map((definition) => {
      const shared = [
        ...(definition.pidMode === 'host' ? ['process (pidMode host)'] : []),
        ...(definition.ipcMode === 'host' ? ['IPC (ipcMode host)'] : []),
      ];
      const label = taskDefinitionLabel(definition);
      return onCapacity(
        verdict(
          shared.length === 0,
          definition,
          `${label} shares neither the host's process nor its IPC namespace.`,
          `${label} shares the host's ${joinNames(shared)} namespace${shared.length === 1 ? '' : 's'} with its containers.`,
        ),
        taskDefinitionCapacity(definition),
      );
    }),
});
