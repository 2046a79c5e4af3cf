import { defineCheck, verdict } from '../define-check.js';
import { isFargateService, onCapacity, serviceCapacity, serviceLabel } from './capacity.js';

export const ecsServiceFargateLatestPlatform = defineCheck({
  id: 'ecs-service-fargate-latest-platform',
  title: 'ECS Fargate services run on the latest Fargate platform version',
  service: 'ecs',
  resourceType: 'AwsEcsService',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'medium',
  requires: ['ecs.services'],
  settings: ['ecsFargatePlatformVersions'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.10' }],
  risk:
    'A Fargate platform version is the kernel and container runtime under your tasks. AWS patches the current ' +
    'one; a service pinned to an older version misses runtime features and fixes that only newer versions get.',
  remediation: {
    text: 'Set the service’s platform version to LATEST (or the current version) and force a new deployment.',
    cli: 'aws ecs update-service --cluster <cluster> --service <service> --platform-version LATEST --force-new-deployment',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html',
  },
  evaluate: ({ ecs }, { ecsFargatePlatformVersions }) =>
    ecs.services.filter(isFargateService).map((service) => {
      const windows = service.platformFamily?.startsWith('WINDOWS') === true;
      const current = windows ? ecsFargatePlatformVersions.windows : ecsFargatePlatformVersions.linux;
      const version = service.platformVersion ?? 'LATEST';
      const label = serviceLabel(service);
      return onCapacity(
        verdict(
          version === 'LATEST' || version === current,
          service,
          `${label} runs on Fargate platform version ${version}${version === 'LATEST' ? '' : ', the current one'}.`,
          `${label} is pinned to Fargate platform version ${version}; the current ${windows ? 'Windows' : 'Linux'} version is ${current}.`,
        ),
        serviceCapacity(service),
      );
    }),
});
