import { InvalidArgumentError } from 'commander';
import { REGION_NAME } from '../../lambdas/core/srm/vocabulary.js';

/**
 * Commander option parsers. Each throws `InvalidArgumentError` with a sentence naming the flag, which commander
 * prints as `error: option '--x <y>' argument 'z' is invalid. <sentence>` and the CLI turns into exit code 2.
 */

/** A comma-separated list (`--regions a,b`, or the flag repeated); an empty value is refused. */
export const commaList =
  (flag: string, example: string) =>
  (value: string, previous: string[] = []): string[] => {
    const items = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (items.length === 0)
      throw new InvalidArgumentError(`${flag} needs at least one value, e.g. ${flag} ${example}.`);
    return [...previous, ...items];
  };

/** A comma-separated list of values from a closed vocabulary. */
export const choiceList =
  <T extends string>(flag: string, allowed: readonly T[]) =>
  (value: string, previous: T[] = []): T[] => {
    const items = commaList(flag, allowed[0] ?? '')(value);
    const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(
        `${flag}: ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of ${allowed.join(', ')}.`,
      );
    }
    return [...previous, ...(items as T[])];
  };

/** A comma-separated list of region names, checked for shape here and against the account when the scan starts. */
export const regionList =
  (flag: string) =>
  (value: string, previous: string[] = []): string[] => {
    const items = commaList(flag, 'eu-west-1,eu-central-1')(value);
    const bad = items.filter((item) => !REGION_NAME.test(item));
    if (bad.length > 0) {
      throw new InvalidArgumentError(
        `${flag}: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not an AWS region name such as eu-west-1.`,
      );
    }
    return [...previous, ...items];
  };

/** A whole number of at least 1. */
export const positiveInteger =
  (flag: string) =>
  (value: string): number => {
    const number = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
      throw new InvalidArgumentError(`${flag} must be a whole number of at least 1, got "${value}".`);
    }
    return number;
  };

/** A comma-separated list of 12-digit AWS account ids, without duplicates. */
export const accountList =
  (flag: string) =>
  (value: string, previous: string[] = []): string[] => {
    const items = commaList(flag, '111111111111,222222222222')(value);
    const bad = items.filter((item) => !/^\d{12}$/.test(item));
    if (bad.length > 0) {
      throw new InvalidArgumentError(
        `${flag}: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a 12-digit AWS account id.`,
      );
    }
    return [...new Set([...previous, ...items])];
  };

/** A value that must match `pattern`, described in the message by `what`. */
export const matching =
  (flag: string, pattern: RegExp, what: string) =>
  (value: string): string => {
    if (!pattern.test(value)) throw new InvalidArgumentError(`${flag}: "${value}" is not ${what}.`);
    return value;
  };
