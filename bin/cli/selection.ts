import { type Command, Option } from 'commander';
import type { CheckSelection, SelectionLabels } from '../../lambdas/core/engine/select.js';
import {
  FRAMEWORKS,
  type Framework,
  OBLIGATIONS,
  type Obligation,
  SEVERITIES,
  type Severity,
  SRM_CLASSES,
  type SrmClass,
} from '../../lambdas/core/srm/vocabulary.js';
import { choiceList, commaList } from './options.js';

/** The selection flags as commander parses them (already validated value by value). */
export interface SelectionFlags {
  checks?: string[];
  excludeChecks?: string[];
  services?: string[];
  srmClass?: SrmClass[];
  obligation?: Obligation[];
  framework?: Framework[];
  minSeverity?: Severity;
}

/** The flag behind each selection field, for messages. */
export const SELECTION_FLAGS: SelectionLabels = {
  checks: '--checks',
  excludeChecks: '--exclude-checks',
  services: '--services',
  srmClasses: '--srm-class',
  obligations: '--obligation',
  frameworks: '--framework',
  minSeverity: '--min-severity',
};

/** Adds the selection flags, with the same parsers and messages on every subcommand that selects checks. */
export const withSelectionOptions = (command: Command): Command =>
  command
    .option(
      '--checks <globs>',
      'check ids or globs, comma-separated (e.g. "s3-*,iam-root-*")',
      commaList('--checks', '"s3-*,iam-root-*"'),
    )
    .option('--exclude-checks <globs>', 'check ids or globs to leave out', commaList('--exclude-checks', '"ec2-*"'))
    .option('--services <names>', 'services, comma-separated (s3,iam,ec2,…)', commaList('--services', 's3,iam'))
    .option('--srm-class <classes>', `SRM classes: ${SRM_CLASSES.join(', ')}`, choiceList('--srm-class', SRM_CLASSES))
    .option('--obligation <names>', `obligations: ${OBLIGATIONS.join(', ')}`, choiceList('--obligation', OBLIGATIONS))
    .option('--framework <ids>', `frameworks: ${FRAMEWORKS.join(', ')}`, choiceList('--framework', FRAMEWORKS))
    .addOption(new Option('--min-severity <severity>', 'only checks at or above this severity').choices(SEVERITIES));

/** The selection the flags ask for; fields whose flag is absent stay unset. */
export function selectionFromFlags(flags: SelectionFlags): CheckSelection {
  return {
    ...(flags.checks && { checks: flags.checks }),
    ...(flags.excludeChecks && { excludeChecks: flags.excludeChecks }),
    ...(flags.services && { services: flags.services }),
    ...(flags.srmClass && { srmClasses: flags.srmClass }),
    ...(flags.obligation && { obligations: flags.obligation }),
    ...(flags.framework && { frameworks: flags.framework }),
    ...(flags.minSeverity && { minSeverity: flags.minSeverity }),
  };
}
