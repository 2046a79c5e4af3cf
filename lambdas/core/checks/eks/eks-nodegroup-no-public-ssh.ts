import { defineCheck, verdict, withSrmClass } from '../define-check.js';

export const eksNodegroupNoPublicSsh = defineCheck({
  id: 'eks-nodegroup-no-public-ssh',
  title: 'EKS managed node groups do not open SSH to the internet',
  service: 'eks',
  resourceType: 'AwsEksNodegroup',
  srmClass: 'container',
  obligation: 'network-firewall',
  severity: 'high',
  requires: ['eks.nodegroups'],
  compliance: [],
  risk:
    'A managed node group given an SSH key without source security groups opens port 22 of every node to ' +
    '0.0.0.0/0. The nodes are EC2 instances you patch, and each holds the node role credentials and every pod’s secrets.',
  remediation: {
    text:
      'Recreate the node group with remote access limited to source security groups (or without SSH, using ' +
      'SSM Session Manager); remote access cannot be changed on an existing node group.',
    cli:
      'aws eks create-nodegroup --cluster-name <cluster> --nodegroup-name <name> --node-role <role-arn> ' +
      '--subnets <subnet-ids> --remote-access ec2SshKey=<key>,sourceSecurityGroups=<bastion-sg-id>',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/create-managed-node-group.html',
  },
  // Managed node groups are EC2 instances: their results belong to the infrastructure class.
  evaluate: ({ eks }) =>
    eks.nodegroups.map((nodegroup) => {
      const name = `EKS managed node group ${nodegroup.name} of cluster ${nodegroup.clusterName} (EC2 nodes)`;
      const open = nodegroup.remoteAccessKey !== undefined && nodegroup.remoteAccessSourceSecurityGroups.length === 0;
      return withSrmClass(
        verdict(
          !open,
          nodegroup,
          nodegroup.remoteAccessKey === undefined
            ? `${name} has no SSH remote access.`
            : `${name} allows SSH with key ${nodegroup.remoteAccessKey} only from security groups ${nodegroup.remoteAccessSourceSecurityGroups.join(', ')}.`,
          `${name} allows SSH with key ${nodegroup.remoteAccessKey} from anywhere (0.0.0.0/0): no source security groups are set.`,
        ),
        'infrastructure',
      );
    }),
});
