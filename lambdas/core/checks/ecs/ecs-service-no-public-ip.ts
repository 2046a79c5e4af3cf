import { defineCheck, verdict } from '../define-check.js';
import { onCapacity, serviceCapacity, serviceLabel } from './capacity.js';

export const ecsServiceNoPublicIp = defineCheck({
  id: 'ecs-service-no-public-ip',
  title: 'ECS services do not assign public IP addresses to their tasks automatically',
  service: 'ecs',
  resourceType: 'AwsEcsService',
  srmClass: 'container',
  obligation: 'public-exposure',
  severity: 'high',
  requires: ['ecs.services'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.2' }],
  risk:
    'A task with a public IP address is reachable from the internet on every port its security group allows, ' +
    'bypassing the load balancer and any WAF in front of the service.',
  remediation: {
    text:
      'Run the tasks in private subnets with assignPublicIp DISABLED, reach the internet through a NAT gateway or ' +
      'VPC endpoints, and publish the service through a load balancer.',
    cli:
      'aws ecs update-service --cluster <cluster> --service <service> --network-configuration ' +
      '"awsvpcConfiguration={subnets=[<private-subnet-id>],securityGroups=[<sg-id>],assignPublicIp=DISABLED}"',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  },
  evaluate: ({ ecs }) =>
    ecs.services.map((service) => {
      const label = serviceLabel(service);
      return onCapacity(
        verdict(
          service.assignPublicIp !== 'ENABLED',
          service,
          service.assignPublicIp === undefined
            ? `${label} has no awsvpc network configuration, so it assigns no public IP addresses to its tasks.`
            : `${label} does not assign public IP addresses to its tasks (assignPublicIp ${service.assignPublicIp}).`,
          `${label} assigns a public IP address to every task (assignPublicIp ENABLED).`,
        ),
        serviceCapacity(service),
      );
    }),
});
