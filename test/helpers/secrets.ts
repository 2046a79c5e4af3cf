/** Every run of `size` consecutive characters of a secret (code points, so a split emoji never counts). */
export function windows(secret: string, size = 4): string[] {
  const characters = [...secret];
  return characters
    .slice(0, Math.max(0, characters.length - size + 1))
    .map((_, i) => characters.slice(i, i + size).join(''));
}

/** The 4-character windows of the secrets that occur in `text`: what an output leaks of them. */
export function leakedWindows(text: string, secrets: readonly string[]): string[] {
  return [...new Set(secrets.flatMap((secret) => windows(secret).filter((window) => text.includes(window))))];
}
