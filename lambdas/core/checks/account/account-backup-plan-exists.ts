import { accountResource, defineCheck, verdict } from '../define-check.js';
import { plansIn } from '../shared/backup-coverage.js';

export const accountBackupPlanExists = defineCheck({
  id: 'account-backup-plan-exists',
  title: 'Each scanned region has an AWS Backup plan that assigns resources',
  service: 'account',
  appliesTo: ['backup'],
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'backup-recovery',
  severity: 'low',
  requires: ['backup.plans'],
  compliance: [],
  risk: 'Backups are the customer’s side of the shared responsibility model: without a backup plan that assigns resources, nothing in the region is backed up on a schedule with enforced retention.',
  remediation: {
    text: 'Create a backup plan in the region (daily rule, retention that fits your recovery objectives) and assign resources to it by tag or resource type.',
    cli: 'aws backup create-backup-plan --backup-plan file://backup-plan.json --region <region>',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html',
  },
  evaluate: (inventory) =>
    inventory.regions.map((region) => {
      const plans = plansIn(inventory.backup.plans, region);
      // A plan without a resource assignment backs nothing up.
      const assigning = plans.filter((p) => p.selections.length > 0);
      return verdict(
        assigning.length > 0,
        accountResource(inventory, region, 'backup'),
        `AWS Backup in ${region} has ${assigning.length} plan(s) assigning resources: ${assigning
          .map((p) => `${p.name} (${p.selections.length} resource assignment(s))`)
          .join(', ')}.`,
        plans.length === 0
          ? `AWS Backup has no backup plan in ${region}.`
          : `AWS Backup in ${region} has ${plans.length} plan(s) (${plans.map((p) => p.name).join(', ')}), but none assigns any resource.`,
      );
    }),
});
