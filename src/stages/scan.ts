import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { GantryError } from '../model/errors.js';
import { booleanString, integerString } from '../model/inputs.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import type { Runtime } from '../model/runtime.js';
import { filterReport } from '../scan/findings.js';
import { evaluateGate, STRATEGIES, type GateVerdict } from '../scan/gate.js';
import { renderJunit } from '../scan/junit.js';
import { isOciArchive, unpackOciArchive } from '../scan/oci-archive.js';
import { describeFinding, renderSummary } from '../scan/markdown.js';
import { EXIT_UNSTABLE } from '../model/exit-codes.js';
import { parseTrivyReport } from '../scan/report.js';
import { renderSarif } from '../scan/sarif.js';
import { secretValues } from '../scan/secrets.js';
import { parseSeveritySelection, type Severity } from '../scan/severity.js';
import { resolveTrivy, TRIVY_VERSION } from '../scan/trivy-binary.js';
import { missingVulnerabilityDb, runTrivy, trivySbomArgs, SCAN_TYPES, SCANNERS, type Scanner, type ScanType } from '../scan/trivy-run.js';


const DEFAULT_SCANNERS: Record<ScanType, Scanner[]> = { image: ['vuln', 'secret'], fs: ['vuln', 'secret'], config: ['misconfig'] };

const existingPath = z.string().check(z.minLength(1), z.refine((path) => existsSync(path), 'no such file or directory'));

const inputs = {
  'scan-type': input(z.enum(SCAN_TYPES, { error: `must be one of ${SCAN_TYPES.join(', ')}` }), {
    description:
      "What to scan: image (an OCI or Docker archive, e.g. the build stage's oci-archive output), fs (a directory), config (Dockerfile, Kubernetes manifests, Terraform).",
    default: 'image',
  }),
  target: input(existingPath, { description: 'Path of the image archive, directory or configuration file/directory to scan.' }),
  scanners: input(
    z.optional(
      z.pipe(
        z.string(),
        z.transform((value, ctx) => {
          const names = [
            ...new Set(
              value
                .split(',')
                .map((s) => s.trim().toLowerCase())
                .filter(Boolean),
            ),
          ];
          const unknown = names.find((name) => !(SCANNERS as readonly string[]).includes(name));
          if (unknown !== undefined || names.length === 0) {
            ctx.issues.push({ code: 'custom', input: value, message: `'${unknown ?? value}' is not a scanner (use ${SCANNERS.join(', ')})` });
            return z.NEVER;
          }
          return names as Scanner[];
        }),
      ),
    ),
    { description: 'Comma-separated scanners: vuln, secret, misconfig. Default: vuln,secret for image and fs; misconfig for config.' },
  ),
  severity: input(
    z.pipe(
      z.string(),
      z.transform((value, ctx) => {
        const parsed = parseSeveritySelection(value);
        if ('error' in parsed) {
          ctx.issues.push({ code: 'custom', input: value, message: parsed.error });
          return z.NEVER;
        }
        return parsed.severities;
      }),
    ),
    {
      description:
        'Severities that fail the gate: one name is a threshold (HIGH = HIGH and CRITICAL), a comma-separated list is taken as is. Also filters the SARIF and JUnit reports.',
      default: 'CRITICAL',
    },
  ),
  'ignore-unfixed': input(booleanString, {
    description: 'Leave out vulnerabilities that have no fixed version yet (true or false).',
    default: 'false',
  }),
  'ignore-file': input(z.optional(existingPath), {
    description:
      'Trivy ignore file (.trivyignore or .trivyignore.yaml). Default: .trivyignore in the working directory, else at the root of an fs/config target, when present.',
  }),
  strategy: input(z.enum(STRATEGIES, { error: `must be one of ${STRATEGIES.join(', ')}` }), {
    description: 'What a finding at a gated severity does: fail (stop the pipeline), warn (continue with a warning), ignore (report only).',
    default: 'fail',
  }),
  offline: input(booleanString, {
    description:
      'No network: use the vulnerability DB already in cache-dir (skip its update) and the misconfiguration checks built into Trivy (true or false).',
    default: 'false',
  }),
  'cache-dir': input(z.optional(z.string().check(z.minLength(1))), {
    description: "Trivy's cache directory holding the vulnerability DB (Trivy's --cache-dir). Default: ~/.cache/trivy.",
  }),
  'db-repository': input(
    z.optional(
      z.string().check(z.regex(/^[\w.-]+(:\d+)?(\/[\w.-]+)+(:[\w.-]+)?$/, 'must be an OCI repository such as registry.example.com/trivy-db:2')),
    ),
    {
      description:
        "OCI repository to download the vulnerability DB from, e.g. a mirror of ghcr.io/aquasecurity/trivy-db:2 (Trivy's --db-repository).",
    },
  ),
  'trivy-path': input(z.optional(existingPath), {
    description: `Trivy binary to use; without it the first trivy on PATH. Either must be version ${TRIVY_VERSION}, else the tool cache's copy is used.`,
  }),
  'tool-cache': input(z.string().check(z.minLength(1)), {
    description: `Where a Trivy ${TRIVY_VERSION} built by the stage is kept, by version.`,
    default: '~/.cache/gantry/tools',
  }),
  'output-dir': input(z.string().check(z.minLength(1)), {
    description: 'Directory for the JSON, SARIF, JUnit and Markdown reports.',
    default: 'trivy-reports',
  }),
  timeout: input(integerString(30, 7200), { description: 'Longest a scan may take, in seconds (30-7200).', default: '600' }),
  'sbom-file': input(z.optional(z.string().check(z.minLength(1))), {
    description:
      "Also write a CycloneDX SBOM (JSON) of the image or directory to this path; Trivy makes it offline, with no vulnerability database. The push stage's sbom-file input attaches it to the image.",
  }),
};

type ScanInput = StageInput<typeof inputs>;
type ScanOutputs = Record<
  'critical' | 'high' | 'medium' | 'low' | 'unknown' | 'gate' | 'json-report' | 'sarif-report' | 'junit-report' | 'summary-report' | 'sbom-file',
  string
>;

export const scanStage = defineStage({
  name: 'scan',
  description:
    `Scan an image archive, a directory or configuration files with Trivy ${TRIVY_VERSION} (pinned; built with go install into the tool cache when ` +
    'missing) and gate on severity. One JSON report yields SARIF, JUnit XML and a job-summary table. Strategy fail stops the pipeline on ' +
    `findings at the gated severities; warn lets it go on with a warning, and the CLI then exits with code ${EXIT_UNSTABLE} so a ` +
    "Jenkins step (`returnStatus: true`) can mark the build UNSTABLE; ignore only reports.",
  inputs,
  outputs: {
    critical: { description: 'Number of CRITICAL findings (vulnerabilities, failed checks and secrets).' },
    high: { description: 'Number of HIGH findings.' },
    medium: { description: 'Number of MEDIUM findings.' },
    low: { description: 'Number of LOW findings.' },
    unknown: { description: 'Number of findings of UNKNOWN severity.' },
    gate: { description: 'passed, failed or warned.' },
    'json-report': { description: "Path of Trivy's JSON report (every severity)." },
    'sarif-report': { description: 'Path of the SARIF report (gated severities only), for GitHub code scanning.' },
    'junit-report': { description: 'Path of the JUnit XML report (gated severities only), for Jenkins.' },
    'summary-report': { description: 'Path of the Markdown summary, also appended to the job summary.' },
    'sbom-file': { description: 'Path of the CycloneDX SBOM when sbom-file was given; empty otherwise.' },
  },
  check: (input) => {
    if (input['scan-type'] === 'config' && input.scanners?.some((s) => s !== 'misconfig')) {
      return { input: 'scanners', problem: "scan-type 'config' finds misconfigurations only; use scanners: misconfig, or scan-type fs" };
    }
    if (input['scan-type'] === 'config' && input['sbom-file']) return { input: 'sbom-file', problem: 'an SBOM describes an image or a directory: use scan-type image or fs' };
    return undefined;
  },
  run: scan,
});

async function scan(input: ScanInput, runtime: Runtime): Promise<ScanOutputs> {
  const scanType = input['scan-type'];
  const scanners = input.scanners ?? DEFAULT_SCANNERS[scanType];
  const target = resolve(input.target);
  const home = runtime.env.HOME ?? homedir();
  const cacheDir = resolve(expandHome(input['cache-dir'] ?? join(runtime.env.XDG_CACHE_HOME ?? join(home, '.cache'), 'trivy'), home));
  const outputDir = resolve(input['output-dir']);
  const ignoreFile = input['ignore-file'] ? resolve(input['ignore-file']) : defaultIgnoreFile(scanType, target);
  const policy = { severities: input.severity, strategy: input.strategy };
  const vuln = scanType !== 'config' && scanners.includes('vuln');

  // Known before running anything: offline with no DB can only end in Trivy's less helpful error.
  if (vuln && input.offline && !existsSync(join(cacheDir, 'db', 'trivy.db'))) {
    throw missingVulnerabilityDb({ cacheDir, offline: true });
  }

  const trivy = await resolveTrivy({ trivyPath: input['trivy-path'], toolCache: expandHome(input['tool-cache'], home), runtime });
  runtime.info(`Trivy ${trivy.version} (${trivy.source}: ${trivy.path})`);

  await mkdir(outputDir, { recursive: true });
  const paths = {
    json: join(outputDir, 'trivy-report.json'),
    sarif: join(outputDir, 'trivy-report.sarif'),
    junit: join(outputDir, 'trivy-junit.xml'),
    summary: join(outputDir, 'trivy-summary.md'),
  };
  const sbomFile = input['sbom-file'] ? resolve(input['sbom-file']) : undefined;
  // Reports of an earlier run must not pass for this one's if it stops halfway.
  for (const path of [...Object.values(paths), ...(sbomFile ? [sbomFile] : [])]) await rm(path, { force: true });
  // Trivy opens an OCI layout directory but not the OCI archive (tar) the build stage writes: unpack it first.
  const layout = scanType === 'image' && statSync(target).isFile() && (await isOciArchive(target)) ? await unpackOciArchive(target) : undefined;
  if (layout) runtime.info(`${input.target} is an OCI archive: unpacked to ${layout} for Trivy`);
  try {
    await runtime.group(`trivy ${scanType} ${input.target} (scanners: ${scanType === 'config' ? 'misconfig' : scanners.join(',')})`, () =>
      runTrivy(
        trivy.path,
        {
          scanType,
          target: layout ?? target,
          scanners,
          ignoreUnfixed: input['ignore-unfixed'],
          ignoreFile,
          cacheDir,
          dbRepository: input['db-repository'],
          offline: input.offline,
          timeoutSeconds: input.timeout,
          output: paths.json,
        },
        runtime,
      ),
    );
    if (sbomFile) {
      await mkdir(dirname(sbomFile), { recursive: true });
      const sbomScan = { scanType, target: layout ?? target, cacheDir, timeoutSeconds: input.timeout };
      await runtime.group(`trivy ${scanType} ${input.target}: CycloneDX SBOM`, () =>
        runTrivy(trivy.path, { ...sbomScan, scanners: [], ignoreUnfixed: false, offline: true, output: sbomFile }, runtime, trivySbomArgs(sbomScan, sbomFile)),
      );
      if (layout) await writeFile(sbomFile, (await readFile(sbomFile, 'utf8')).replaceAll(layout, target));
      runtime.info(`CycloneDX SBOM written to ${sbomFile}`);
    }
  } finally {
    if (layout) await rm(layout, { recursive: true, force: true });
  }
  // The report names what the user scanned, not the scratch directory.
  if (layout) await writeFile(paths.json, (await readFile(paths.json, 'utf8')).replaceAll(layout, target));

  const report = parseTrivyReport(await readFile(paths.json, 'utf8'), paths.json);
  if (scanType !== 'image') {
    const root = statSync(target).isDirectory() ? target : dirname(target);
    for (const value of await secretValues(report, root)) runtime.setSecret(value);
  }

  const verdict = evaluateGate(report, policy);
  const gated = filterReport(report, policy.severities);
  await writeFile(paths.sarif, `${JSON.stringify(renderSarif(gated, { rootPath: scanType === 'image' ? undefined : target }), null, 2)}\n`);
  await writeFile(paths.junit, renderJunit(gated));
  const summary = renderSummary(verdict, {
    scanType,
    target: input.target,
    scanners: scanType === 'config' ? ['misconfig'] : scanners,
    trivyVersion: report.Trivy?.Version ?? trivy.version,
    policy,
    ignoreUnfixed: input['ignore-unfixed'],
    ignoreFile,
  });
  await writeFile(paths.summary, summary);
  await runtime.appendSummary(summary);

  logVerdict(verdict, policy.severities, runtime);
  const outputs: ScanOutputs = {
    critical: String(verdict.counts.CRITICAL),
    high: String(verdict.counts.HIGH),
    medium: String(verdict.counts.MEDIUM),
    low: String(verdict.counts.LOW),
    unknown: String(verdict.counts.UNKNOWN),
    gate: verdict.state,
    'json-report': paths.json,
    'sarif-report': paths.sarif,
    'junit-report': paths.junit,
    'summary-report': paths.summary,
    'sbom-file': sbomFile ?? '',
  };
  const headline = `${verdict.gated.length} finding(s) at ${policy.severities.join(', ')}`;
  if (verdict.state === 'failed') {
    // The reports are the point of a failed scan: publish where they are before failing the step.
    for (const [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
    throw new GantryError(`scan gate failed: ${headline} in ${input.target} (reports in ${outputDir})`, {
      remedy: 'fix or upgrade what the summary lists, or accept a finding in the ignore file with a reason; strategy warn lets the pipeline continue.',
    });
  }
  if (verdict.state === 'warned') runtime.markUnstable(`scan gate: ${headline}; continuing because strategy is warn`);
  else if (verdict.gated.length > 0) runtime.info(`scan gate not enforced (strategy ignore): ${headline}`);
  return outputs;
}

function logVerdict(verdict: GateVerdict, severities: readonly Severity[], runtime: Runtime) {
  const counts = Object.entries(verdict.counts).map(([severity, n]) => `${severity} ${String(n)}`).join(', ');
  runtime.info(`findings: ${counts}`);
  const shown = verdict.gated.slice(0, 20);
  for (const finding of shown) runtime.info(`  ${describeFinding(finding)}`);
  if (verdict.gated.length > shown.length) runtime.info(`  … and ${verdict.gated.length - shown.length} more at ${severities.join(', ')}`);
}

/** Trivy reads `.trivyignore` from its working directory; a repository scanned as fs/config may keep its own. */
function defaultIgnoreFile(scanType: ScanType, target: string): string | undefined {
  const candidates = [resolve('.trivyignore')];
  if (scanType !== 'image' && existsSync(target) && statSync(target).isDirectory()) candidates.push(join(target, '.trivyignore'));
  return candidates.find((file) => existsSync(file));
}

function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}
