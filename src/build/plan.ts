/** Everything a builder backend needs, already validated and resolved to absolute paths. */
export interface BuildPlan {
  readonly context: string;
  readonly dockerfile: string;
  readonly buildArgs: readonly (readonly [string, string])[];
  readonly target?: string;
  readonly platforms: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Creation time (seconds since the epoch) for the image and its layers' files; absent: the build's own clock. */
  readonly timestamp?: number;
  /** Image name without tag. */
  readonly image: string;
  readonly tags: readonly string[];
  /** Where the OCI archive of the result goes, for scan and push to read without a daemon. */
  readonly archive: string;
  /** Scratch directory for id and metadata files. */
  readonly workDir: string;
}

/** What a backend reports; the digest is read afterwards from the archive, the same way for every backend. */
export interface BuiltImage {
  /** Config digest (hex) of a single-platform image; a manifest list has none. */
  readonly imageId?: string;
  readonly localRef: string;
}

export interface Builder {
  readonly name: 'docker' | 'buildah';
  build(plan: BuildPlan): Promise<BuiltImage>;
}

export function refOf(plan: BuildPlan, tag: string): string {
  return `${plan.image}:${tag}`;
}
