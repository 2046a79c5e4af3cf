import { InvalidArgumentError } from 'commander';

/** Commander parser for comma-separated lists (`--regions a,b` or repeated flags). */
export const commaList = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

export const oneOf =
  <T extends string>(allowed: readonly T[], flag: string) =>
  (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${flag} must be one of ${allowed.join(', ')}.`);
    }
    return value as T;
  };
