import { GantryError } from '../model/errors.js';
import type { Runtime } from '../model/runtime.js';
import { execTool } from './exec.js';

export const SCAN_TYPES = ['image', 'fs', 'config'] as const;
export type ScanType = (typeof SCAN_TYPES)[number];
export const SCANNERS = ['vuln', 'secret', 'misconfig'] as const;
export type Scanner = (typeof SCANNERS)[number];

export interface TrivyScan {
  readonly scanType: ScanType;
  /** OCI/Docker archive (image), directory (fs), or directory/file of configuration (config). */
  readonly target: string;
  readonly scanners: readonly Scanner[];
  readonly ignoreUnfixed: boolean;
  readonly ignoreFile?: string;
  readonly cacheDir?: string;
  readonly dbRepository?: string;
  /** No network: use the vulnerability DB and checks already in the cache, the checks built into Trivy otherwise. */
  readonly offline: boolean;
  readonly timeoutSeconds: number;
  /** Where Trivy writes its JSON report. */
  readonly output: string;
}

/**
 * Trivy's command line for one scan. The report holds every severity (the gate and the renderers filter it), so
 * counts stay complete; unfixed and ignore-file suppressions are Trivy's own. `trivy config` accepts neither
 * scanners nor vulnerability-DB flags, so those are left out there.
 */
export function trivyArgs(scan: TrivyScan): string[] {
  const args: string[] = [scan.scanType];
  args.push('--format', 'json', '--output', scan.output, '--exit-code', '0', '--timeout', `${scan.timeoutSeconds}s`);
  args.push('--skip-version-check', '--disable-telemetry');
  if (scan.cacheDir) args.push('--cache-dir', scan.cacheDir);
  if (scan.ignoreFile) args.push('--ignorefile', scan.ignoreFile);
  const misconfig = scan.scanType === 'config' || scan.scanners.includes('misconfig');
  // Without this Trivy fetches its checks bundle from ghcr.io; offline it falls back to the checks it embeds.
  if (misconfig && scan.offline) args.push('--skip-check-update');
  if (scan.scanType !== 'config') {
    args.push('--scanners', scan.scanners.join(','), '--no-progress');
    if (scan.scanners.includes('vuln')) {
      if (scan.ignoreUnfixed) args.push('--ignore-unfixed');
      if (scan.dbRepository) args.push('--db-repository', scan.dbRepository);
      if (scan.offline) args.push('--skip-db-update', '--offline-scan');
    } else if (scan.offline) {
      args.push('--offline-scan');
    }
  }
  args.push(...(scan.scanType === 'image' ? ['--input', scan.target] : [scan.target]));
  return args;
}

/**
 * Trivy's command line for a CycloneDX SBOM of an image or directory: an inventory of packages only, so it needs
 * no vulnerability database and, with `--offline-scan`, no network.
 */
export function trivySbomArgs(scan: Pick<TrivyScan, 'scanType' | 'target' | 'cacheDir' | 'timeoutSeconds'>, output: string): string[] {
  const args: string[] = [scan.scanType, '--format', 'cyclonedx', '--output', output, '--timeout', `${scan.timeoutSeconds}s`];
  args.push('--skip-version-check', '--disable-telemetry', '--offline-scan', '--no-progress');
  if (scan.cacheDir) args.push('--cache-dir', scan.cacheDir);
  args.push(...(scan.scanType === 'image' ? ['--input', scan.target] : [scan.target]));
  return args;
}

/**
 * The vulnerability scanner has no database: none in the cache and none downloadable. Says which inputs give it
 * one; `trivySaid` is Trivy's own error, when Trivy got as far as trying.
 */
export function missingVulnerabilityDb(scan: Pick<TrivyScan, 'cacheDir' | 'offline'>, trivySaid?: string): GantryError {
  const cause = scan.offline
    ? `there is no vulnerability database in the cache (${scan.cacheDir ?? "Trivy's default ~/.cache/trivy"}) and offline mode forbids downloading one`
    : 'the vulnerability database could not be downloaded (no route to its registry from this runner?)';
  return new GantryError(`vulnerability scan impossible: ${cause}${trivySaid ? `. Trivy said: ${trivySaid}` : ''}`, {
    remedy:
      'give Trivy a database it can reach: set the db-repository input to a registry this runner can pull from ' +
      "(a mirror of ghcr.io/aquasecurity/trivy-db:2; Trivy's --db-repository), or point the cache-dir input " +
      "(Trivy's --cache-dir) at a directory already holding db/trivy.db and db/metadata.json (e.g. restored from a " +
      'CI cache or filled by `trivy image --download-db-only --cache-dir <dir>` where the network allows) and set ' +
      'offline: true. Or scan without vulnerabilities: scanners: secret,misconfig.',
  });
}

/** Runs the scan, Trivy's log lines going to the runtime's log; throws a GantryError that says what to do. */
export async function runTrivy(trivy: string, scan: TrivyScan, runtime: Runtime, args: readonly string[] = trivyArgs(scan)): Promise<void> {
  if (scan.offline && (scan.scanType === 'config' || scan.scanners.includes('misconfig'))) {
    runtime.info("offline: misconfiguration checks come from the Trivy binary itself (Trivy logs 'Falling back to embedded checks')");
  }
  const limitMs = (scan.timeoutSeconds + 60) * 1000;
  const run = await execTool(trivy, args, {
    env: runtime.env,
    timeoutMs: limitMs,
    onStderrLine: (line) => {
      if (line.trim()) runtime.info(line);
    },
    onHeartbeat: (ms) => runtime.info(`trivy still scanning (${Math.round(ms / 1000)}s of at most ${scan.timeoutSeconds}s)`),
  });
  if (run.timedOut) {
    throw new GantryError(`trivy ${scan.scanType} did not finish within ${scan.timeoutSeconds}s and was stopped`, {
      remedy: 'raise the timeout input, or narrow the target.',
    });
  }
  if (run.code !== 0) throw trivyFailure(run.stderr, scan);
}

/**
 * Turns Trivy's failure output into what went wrong and what to do; a missing vulnerability DB is named as such.
 * (A checks bundle that cannot be fetched is no failure: Trivy falls back to the checks it embeds.)
 */
export function trivyFailure(stderr: string, scan: Pick<TrivyScan, 'scanType' | 'cacheDir' | 'offline'>): GantryError {
  const fatal = lastFatalLine(stderr);
  // The Java index DB (for JAR files) fails with the same words but is not what the advice below is about.
  const vulnDb = /skip-db-update cannot be specified on the first run|failed to download vulnerability DB|\bDB error/i.test(stderr.replace(/Java DB error/g, ''));
  if (vulnDb) {
    return missingVulnerabilityDb(scan, fatal);
  }
  return new GantryError(`trivy ${scan.scanType} failed: ${fatal}`);
}

/** Trivy's fatal error with the lines that continue it (the cause often sits on the next line), on one line. */
function lastFatalLine(stderr: string): string {
  const lines = stderr.split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0 && start < 0; i--) if (/\bFATAL\b|Fatal error/.test(lines[i]!)) start = i;
  const picked = start >= 0 ? lines.slice(start) : lines.filter((l) => l.trim()).slice(-1);
  const text = picked.map((l) => l.trim()).filter(Boolean).join(' ');
  return (text.length > 600 ? `${text.slice(0, 600)}…` : text) || '(no output)';
}
