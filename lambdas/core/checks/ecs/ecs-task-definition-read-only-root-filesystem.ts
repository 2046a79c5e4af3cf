import { defineCheck } from '../define-check.js';
import { containersVerdict, isWindows } from './capacity.js';

export const ecsTaskDefinitionReadOnlyRootFilesystem = defineCheck({
  id: 'ecs-task-definition-read-only-root-filesystem',
  title: 'ECS task definitions give Linux containers read-only root file systems',
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'medium',
  requires: ['ecs.taskDefinitions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.5' }],
  risk:
    'A writable root file system lets an intruder drop tools, alter binaries and configuration, and persist in the ' +
    'container; a read-only one confines writes to the volumes you mounted on purpose.',
  remediation: {
    text:
      'Set "readonlyRootFilesystem": true on every container, mount volumes (or bind mounts) for the paths that ' +
      'must be written, register a new revision and update the services to it.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-read-only-root.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage',
  },
  // Windows containers do not support readonlyRootFilesystem: not evaluated.
  evaluate: ({ ecs }) =>
    ecs.taskDefinitions
      .filter((definition) => !isWindows(definition))
      .map((definition) =>
        containersVerdict(
          definition,
          (c) => (c.readonlyRootFilesystem === true ? false : ''),
          'gives every container a read-only root file system',
          'lets containers write to their root file system',
        ),
      ),
});
