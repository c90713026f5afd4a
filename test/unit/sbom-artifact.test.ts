import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cosignTags, referrerDescriptor, referrersTag } from '../../src/oci/referrers.js';
import { CYCLONEDX_MEDIA_TYPE, cycloneDxProblem, EMPTY_CONFIG, sbomArtifact } from '../../src/sbom/artifact.js';

const digest = `sha256:${'b'.repeat(64)}`;
const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest, size: 812 };
const sbom = Buffer.from(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 }));

describe('SBOM artifact', () => {
  it('is an OCI 1.1 artifact manifest: CycloneDX artifact type, the empty config, the SBOM as its layer, the image as subject', () => {
    const { manifest, layer } = sbomArtifact(sbom, subject);
    const parsed = JSON.parse(manifest.bytes.toString());
    expect(parsed).toMatchObject({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', artifactType: CYCLONEDX_MEDIA_TYPE, subject });
    expect(parsed.config.digest).toBe(`sha256:${createHash('sha256').update('{}').digest('hex')}`);
    expect(Buffer.from(EMPTY_CONFIG.data, 'base64').toString()).toBe('{}');
    expect(layer).toMatchObject({ mediaType: CYCLONEDX_MEDIA_TYPE, size: sbom.length, digest: `sha256:${createHash('sha256').update(sbom).digest('hex')}` });
    expect(manifest.digest).toBe(`sha256:${createHash('sha256').update(manifest.bytes).digest('hex')}`);
  });

  it('is the same bytes for the same SBOM and image, so attaching again changes nothing', () => {
    expect(sbomArtifact(sbom, subject).manifest.digest).toBe(sbomArtifact(Buffer.from(sbom), { ...subject }).manifest.digest);
    expect(sbomArtifact(sbom, { ...subject, digest: `sha256:${'c'.repeat(64)}` }).manifest.digest).not.toBe(sbomArtifact(sbom, subject).manifest.digest);
  });

  it('lists in a referrers index with its artifact type', () => {
    expect(referrerDescriptor(sbomArtifact(sbom, subject).manifest)).toMatchObject({ artifactType: CYCLONEDX_MEDIA_TYPE, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
  });

  it.each([
    ['not json', 'is not JSON'],
    [JSON.stringify({ spdxVersion: 'SPDX-2.3' }), "is not a CycloneDX SBOM (no bomFormat 'CycloneDX')"],
    [JSON.stringify({ bomFormat: 'CycloneDX' }), 'is not a CycloneDX SBOM (no specVersion)'],
    ['null', "is not a CycloneDX SBOM (no bomFormat 'CycloneDX')"],
  ])('tells why %s is not CycloneDX JSON', (text, problem) => {
    expect(cycloneDxProblem(Buffer.from(text))).toContain(problem);
  });
});

describe('referrer tags', () => {
  it('names the referrers tag and cosign tags of a digest', () => {
    expect(referrersTag(digest)).toBe(`sha256-${'b'.repeat(64)}`);
    expect(cosignTags(digest)).toEqual(['sig', 'att', 'sbom'].map((s) => `sha256-${'b'.repeat(64)}.${s}`));
  });
});
