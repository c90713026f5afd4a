import * as z from '../model/zod.js';
import { GantryError } from '../model/errors.js';
import { SEVERITIES } from './severity.js';

/**
 * The part of Trivy's JSON report (schema version 2) that Gantry reads. Trivy leaves out empty lists and writes
 * `null` for some, so every list is normalised to an array; fields Gantry does not use are dropped.
 */
const list = <T extends z.ZodMiniType>(item: T) => z.pipe(z.nullish(z.array(item)), z.transform((items) => items ?? []));
const text = z.pipe(z.nullish(z.string()), z.transform((value) => value ?? ''));
const severity = z.enum(SEVERITIES);

const cvss = z.object({
  V2Vector: z.optional(z.string()),
  V3Vector: z.optional(z.string()),
  V40Vector: z.optional(z.string()),
  V2Score: z.optional(z.number()),
  V3Score: z.optional(z.number()),
  V40Score: z.optional(z.number()),
});

const vulnerability = z.object({
  VulnerabilityID: z.string(),
  PkgID: text,
  PkgName: z.string(),
  PkgPath: text,
  InstalledVersion: text,
  FixedVersion: text,
  Status: text,
  Severity: severity,
  SeveritySource: text,
  Title: text,
  Description: text,
  PrimaryURL: text,
  CVSS: z.pipe(z.nullish(z.record(z.string(), cvss)), z.transform((value) => value ?? {})),
});

const misconfiguration = z.object({
  Type: text,
  ID: z.string(),
  Title: text,
  Description: text,
  Message: text,
  Resolution: text,
  Severity: severity,
  PrimaryURL: text,
  Status: z.string(),
  CauseMetadata: z.pipe(
    z.nullish(
      z.object({
        Resource: z.optional(z.string()),
        Provider: z.optional(z.string()),
        Service: z.optional(z.string()),
        StartLine: z.optional(z.number()),
        EndLine: z.optional(z.number()),
      }),
    ),
    z.transform((value) => value ?? {}),
  ),
});

/** A secret finding. Trivy censors the secret in `Match` and `Code`; Gantry's renderers never print either. */
const secret = z.object({
  RuleID: z.string(),
  Category: text,
  Severity: severity,
  Title: text,
  StartLine: z.number(),
  EndLine: z.number(),
  Match: text,
});

const result = z.object({
  Target: z.string(),
  Class: text,
  Type: text,
  MisconfSummary: z.nullish(z.object({ Successes: z.number(), Failures: z.number() })),
  Vulnerabilities: list(vulnerability),
  Misconfigurations: list(misconfiguration),
  Secrets: list(secret),
});

const report = z.object({
  SchemaVersion: z.literal(2),
  Trivy: z.nullish(z.object({ Version: z.string() })),
  CreatedAt: text,
  ArtifactName: text,
  ArtifactType: text,
  Metadata: z.pipe(
    z.nullish(
      z.object({
        ImageID: z.optional(z.string()),
        RepoTags: list(z.string()),
        RepoDigests: list(z.string()),
        OS: z.nullish(z.object({ Family: z.string(), Name: z.string() })),
      }),
    ),
    z.transform((value) => value ?? { RepoTags: [], RepoDigests: [] }),
  ),
  Results: list(result),
});

export type TrivyReport = z.infer<typeof report>;
export type TrivyResult = z.infer<typeof result>;
export type TrivyVulnerability = z.infer<typeof vulnerability>;
export type TrivyMisconfiguration = z.infer<typeof misconfiguration>;
export type TrivySecret = z.infer<typeof secret>;

/** Parses the text of a Trivy JSON report; a report Gantry cannot read fails with where it went wrong. */
export function parseTrivyReport(json: string, source = 'Trivy report'): TrivyReport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new GantryError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const parsed = report.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GantryError(`${source} is not a Trivy JSON report (schema version 2): ${issue.path.join('.') || '(root)'}: ${issue.message}`, {
      remedy: 'produce it with `trivy --format json` from Trivy 0.50 or later.',
    });
  }
  return parsed.data;
}
