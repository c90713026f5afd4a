/**
 * Replaces registered secrets with `***` in text about to be printed. Longer secrets are replaced first so that a
 * secret containing another is never half-revealed.
 */
export class SecretMasker {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    // Very short values would mask ordinary words and reveal nothing worth hiding.
    if (secret.length >= 4) this.secrets.add(secret);
    // A multi-line secret may be printed one line at a time.
    for (const line of secret.split(/\r?\n/)) if (line.length >= 4 && line !== secret) this.secrets.add(line);
  }

  mask(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out;
  }
}
