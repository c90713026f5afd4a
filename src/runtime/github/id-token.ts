/**
 * The runner's OIDC token through the Actions toolkit (its HTTP client honours the runner's proxy settings and
 * retries). Imported on first use: a web-identity token file, or any other stage, never loads the toolkit.
 */
export async function githubIdToken(audience: string): Promise<string> {
  const core = await import('@actions/core');
  return core.getIDToken(audience);
}
