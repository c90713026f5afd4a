import type { TrivyReport, TrivyResult, TrivyVulnerability } from './report.js';
import type { Severity } from './severity.js';

/**
 * SARIF 2.1.0 in the shape Trivy's own `--format sarif` writes (rules named by result class, levels and
 * `security-severity` as Trivy maps them), rendered from a report the caller has already filtered. One deliberate
 * difference: a secret's matched line is never copied in, only its rule, file and line.
 */
export interface SarifOptions {
  /** Directory that relative artifact URIs resolve against (fs and config scans): becomes ROOTPATH. */
  readonly rootPath?: string;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  properties: Record<string, unknown>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: 'ROOTPATH' };
    region: { startLine: number; startColumn: 1; endLine: number; endColumn: 1 };
  };
  message: { text: string };
}

export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: Array<{
    tool: { driver: { fullName: string; informationUri: string; name: string; rules: SarifRule[]; version: string } };
    results: SarifResult[];
    columnKind: 'utf16CodeUnits';
    originalUriBaseIds?: Record<string, { uri: string }>;
    properties?: Record<string, unknown>;
  }>;
}

const SECRET_RULES_URL = 'https://github.com/aquasecurity/trivy/blob/main/pkg/fanal/secret/builtin-rules.go';

export function renderSarif(report: TrivyReport, options: SarifOptions = {}): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = [];

  const add = (entry: {
    id: string;
    title: 'vulnerability' | 'misconfiguration' | 'secret';
    resultClass: string;
    severity: Severity;
    score: string;
    cvss?: Record<string, unknown>;
    url: string;
    shortDescription: string;
    fullDescription: string;
    helpText: string;
    helpMarkdown: string;
    message: string;
    uri: string;
    locationMessage: string;
    startLine?: number;
    endLine?: number;
  }) => {
    const rule: SarifRule = {
      id: entry.id,
      name: ruleName(entry.resultClass),
      shortDescription: { text: entry.shortDescription },
      fullDescription: { text: entry.fullDescription },
      defaultConfiguration: { level: sarifLevel(entry.severity) },
      ...(entry.url ? { helpUri: entry.url } : {}),
      help: { text: entry.helpText, markdown: entry.helpMarkdown },
      properties: { ...(entry.cvss ?? {}), precision: 'very-high', 'security-severity': entry.score, tags: [entry.title, 'security', entry.severity] },
    };
    // Like Trivy, a rule seen again is described by its latest occurrence but keeps its first index.
    let index = ruleIndex.get(entry.id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(entry.id, index);
      rules.push(rule);
    } else {
      rules[index] = rule;
    }
    const startLine = entry.startLine || 1;
    const endLine = entry.endLine || startLine;
    results.push({
      ruleId: entry.id,
      ruleIndex: index,
      level: sarifLevel(entry.severity),
      message: { text: entry.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: entry.uri, uriBaseId: 'ROOTPATH' },
            region: { startLine, startColumn: 1, endLine, endColumn: 1 },
          },
          message: { text: entry.locationMessage },
        },
      ],
    });
  };

  for (const result of report.Results) {
    const target = pathUri(result);
    for (const v of result.Vulnerabilities) {
      const uri = v.PkgPath ? v.PkgPath.replace(/\\/g, '/') : target;
      const { data, score } = cvssOf(v);
      add({
        id: v.VulnerabilityID,
        title: 'vulnerability',
        resultClass: result.Class,
        severity: v.Severity,
        score,
        cvss: data,
        url: v.PrimaryURL,
        shortDescription: v.Title,
        fullDescription: v.Description || v.Title,
        helpText: `Vulnerability ${v.VulnerabilityID}\nSeverity: ${v.Severity}\nPackage: ${v.PkgName}\nFixed Version: ${v.FixedVersion}\nLink: [${v.VulnerabilityID}](${v.PrimaryURL})\n${v.Description}`,
        helpMarkdown: `**Vulnerability ${v.VulnerabilityID}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${v.Severity}|${v.PkgName}|${v.FixedVersion}|[${v.VulnerabilityID}](${v.PrimaryURL})|\n\n${v.Description}`,
        message: `Package: ${v.PkgName}\nInstalled Version: ${v.InstalledVersion}\nVulnerability ${v.VulnerabilityID}\nSeverity: ${v.Severity}\nFixed Version: ${v.FixedVersion}\nLink: [${v.VulnerabilityID}](${v.PrimaryURL})`,
        uri,
        locationMessage: `${uri}: ${v.PkgName}@${v.InstalledVersion}`,
      });
    }
    for (const m of result.Misconfigurations) {
      const uri = result.Target.replace(/\\/g, '/');
      add({
        id: m.ID,
        title: 'misconfiguration',
        resultClass: result.Class,
        severity: m.Severity,
        score: severityScore(m.Severity),
        url: m.PrimaryURL,
        shortDescription: m.Title,
        fullDescription: m.Description,
        helpText: `Misconfiguration ${m.ID}\nType: ${m.Type}\nSeverity: ${m.Severity}\nCheck: ${m.Title}\nMessage: ${m.Message}\nLink: [${m.ID}](${m.PrimaryURL})\n${m.Description}`,
        helpMarkdown: `**Misconfiguration ${m.ID}**\n| Type | Severity | Check | Message | Link |\n| --- | --- | --- | --- | --- |\n|${m.Type}|${m.Severity}|${m.Title}|${m.Message}|[${m.ID}](${m.PrimaryURL})|\n\n${m.Description}`,
        message: `Artifact: ${uri}\nType: ${result.Type}\nVulnerability ${m.ID}\nSeverity: ${m.Severity}\nMessage: ${m.Message}\nLink: [${m.ID}](${m.PrimaryURL})`,
        uri,
        locationMessage: uri,
        startLine: m.CauseMetadata.StartLine,
        endLine: m.CauseMetadata.EndLine,
      });
    }
    for (const s of result.Secrets) {
      const where = `${target}:${s.StartLine}`;
      add({
        id: s.RuleID,
        title: 'secret',
        resultClass: result.Class,
        severity: s.Severity,
        score: severityScore(s.Severity),
        url: SECRET_RULES_URL,
        shortDescription: s.Title,
        fullDescription: `${s.Title} (${s.Category}) at ${where}`,
        helpText: `Secret ${s.Title}\nSeverity: ${s.Severity}\nLocation: ${where}`,
        helpMarkdown: `**Secret ${s.Title}**\n| Severity | Location |\n| --- | --- |\n|${s.Severity}|${where}|`,
        message: `Artifact: ${result.Target}\nType: ${result.Type}\nSecret ${s.Title}\nSeverity: ${s.Severity}\nLocation: ${where}`,
        uri: target,
        locationMessage: target,
        startLine: s.StartLine,
        endLine: s.EndLine,
      });
    }
  }

  const run: SarifLog['runs'][number] = {
    tool: {
      driver: {
        fullName: 'Trivy Vulnerability Scanner',
        informationUri: 'https://github.com/aquasecurity/trivy',
        name: 'Trivy',
        rules,
        version: report.Trivy?.Version ?? '',
      },
    },
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (options.rootPath) run.originalUriBaseIds = { ROOTPATH: { uri: `file://${options.rootPath.replace(/\/*$/, '/')}` } };
  if (report.ArtifactType === 'container_image') {
    run.properties = {
      imageID: report.Metadata.ImageID ?? '',
      imageName: report.ArtifactName,
      repoDigests: report.Metadata.RepoDigests,
      repoTags: report.Metadata.RepoTags,
    };
  }
  return { version: '2.1.0', $schema: 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json', runs: [run] };
}

/** Trivy's rule names, by result class. */
function ruleName(resultClass: string): string {
  switch (resultClass) {
    case 'os-pkgs':
      return 'OsPackageVulnerability';
    case 'lang-pkgs':
      return 'LanguageSpecificPackageVulnerability';
    case 'config':
      return 'Misconfiguration';
    case 'secret':
      return 'Secret';
    case 'license':
    case 'license-file':
      return 'License';
    default:
      return 'UnknownIssue';
  }
}

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  if (severity === 'CRITICAL' || severity === 'HIGH') return 'error';
  return severity === 'MEDIUM' ? 'warning' : 'note';
}

/** GitHub code scanning ranks alerts by `security-severity`; Trivy's fallback scores when no CVSS v3 is known. */
function severityScore(severity: Severity): string {
  return { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', UNKNOWN: '0.0' }[severity];
}

function cvssOf(v: TrivyVulnerability): { data: Record<string, unknown>; score: string } {
  const source = v.CVSS[v.SeveritySource];
  if (!source) return { data: {}, score: severityScore(v.Severity) };
  const data: Record<string, unknown> = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '' && value !== 0) data[key] = value;
  };
  put('cvssv2_score', source.V2Score);
  put('cvssv2_vector', source.V2Vector);
  put('cvssv3_baseScore', source.V3Score);
  put('cvssv3_vector', source.V3Vector);
  put('cvssv40_baseScore', source.V40Score);
  put('cvssv40_vector', source.V40Vector);
  return { data, score: source.V3Score ? source.V3Score.toFixed(1) : severityScore(v.Severity) };
}

/** An OS result's target is `<image> (<distro> <version>)`: the artifact is the image, without tag or digest. */
function pathUri(result: TrivyResult): string {
  let target = result.Target.replace(/\\/g, '/');
  if (result.Class !== 'os-pkgs') return target;
  target = target.replace(/\s*\(.*\).*$/, '');
  return target.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w][\w.-]{0,127}$/, '');
}
