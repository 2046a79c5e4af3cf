import type { EcsContainerDefinition } from '../../inventory/index.js';
import { defineCheck } from '../define-check.js';
import { containersVerdict, isWindows } from './capacity.js';

/** The user part of `user`, `user:group`, `uid` or `uid:gid`. */
const userPart = (user: string): string => user.split(':')[0]?.trim() ?? '';

/** Why a Linux container runs as root, or false when it names another user. */
function runsAsRoot(container: EcsContainerDefinition): string | false {
  if (container.user === undefined) return 'no user set, so the image default, usually root';
  const user = userPart(container.user);
  return user === 'root' || user === '0' ? `user ${container.user}` : false;
}

export const ecsTaskDefinitionContainersNonRoot = defineCheck({
  id: 'ecs-task-definition-containers-non-root',
  title: 'ECS task definitions run Linux containers as a non-root user',
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'least-privilege',
  severity: 'medium',
  requires: ['ecs.taskDefinitions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.20' }],
  risk:
    'A process running as root inside the container has every permission there, and a container escape or a ' +
    'writable host mount then acts as root on the host. Most images default to root unless the task definition names a user.',
  remediation: {
    text:
      'Set "user" on every container to an unprivileged user or UID (e.g. "1000" or "app:app") that the image ' +
      'provides, register a new revision and update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-with-user.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  // Windows containers (ECS.21's subject) are not evaluated.
  evaluate: ({ ecs }) =>
    ecs.taskDefinitions
      .filter((definition) => !isWindows(definition))
      .map((definition) =>
        containersVerdict(definition, runsAsRoot, 'runs every container as a non-root user', 'runs containers as root'),
      ),
});
