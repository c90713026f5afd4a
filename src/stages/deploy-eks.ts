import { EKSClient } from '@aws-sdk/client-eks';
import { createAwsClient } from '../aws/clients.js';
import { describeEksCluster } from '../kube/eks-cluster.js';
import { eksToken } from '../kube/eks-token.js';
import { DNS_LABEL, eksClusterName, namespaceName, workloadInput } from '../kube/names.js';
import { awsRegion, booleanString, decimalString } from '../model/inputs.js';
import { formatImageReference, imageReferenceInput } from '../oci/image-reference.js';
import { systemClock } from '../model/schedule.js';
import { defineStage, input, type StageInput } from '../model/stage.js';
import * as z from '../model/zod.js';
import type { Runtime } from '../model/runtime.js';
import { VerificationFailedError } from '../verify/after-rollout.js';
import { checkImageSignature, REQUIRE_SIGNATURE, requireSignatureInputs, requireSignatureProblem } from '../signing/require.js';
import { smokeCheckProblem, smokeCheckValues, smokePlanOf, VERIFY_PREFIX, verifyInputs } from '../verify/inputs.js';

const inputs = {
  'aws-region': input(awsRegion, { description: 'AWS region of the EKS cluster.', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] }),
  cluster: input(eksClusterName, { description: 'EKS cluster name.' }),
  namespace: input(namespaceName, {
    description: 'Kubernetes namespace of the workload.',
    default: 'default',
  }),
  workload: input(workloadInput, { description: 'The workload to update: [deployment|statefulset|daemonset/]<name>; a bare name is a Deployment.' }),
  image: input(
    z.pipe(imageReferenceInput(), z.transform(formatImageReference)),
    { description: 'Image to deploy, preferably by digest (repo@sha256:...).' },
  ),
  containers: input(
    z.optional(
      z
        .pipe(z.string(), z.transform((v) => v.split(/[\s,]+/).filter(Boolean)))
        .check(
          z.refine(
            (names) => names.every((n) => DNS_LABEL.test(n)),
            'must be container names (lowercase letters, digits and -), separated by commas or spaces',
          ),
        ),
    ),
    { description: 'Containers (or init containers) that get the image, separated by commas or spaces; empty: the only container.' },
  ),
  'change-cause': input(z.optional(z.string().check(z.maxLength(1024, 'must be at most 1024 characters'))), {
    description: 'Text recorded as kubernetes.io/change-cause; empty: the image and the source commit and run.',
  }),
  rollback: input(booleanString, { description: 'Restore the previous pod template when the rollout fails or times out.', default: 'true' }),
  'timeout-minutes': input(decimalString(0.01, 1440), {
    description: 'Longest wait for the rollout (fractions allowed), then roll back; the rollback gets as long again.',
    default: '10',
  }),
  ...verifyInputs,
  ...requireSignatureInputs,
};

type DeployEksInput = StageInput<typeof inputs>;

/**
 * Rolls a new image out to a workload on EKS: DescribeCluster for the endpoint and CA, an EKS token presigned from
 * the job's AWS credentials (no aws CLI, kubectl or kubeconfig secret), the image set on the named containers, the
 * rollout followed as `kubectl rollout status` does, and on failure or timeout the previous pod template restored.
 */
export const deployEksStage = defineStage({
  name: 'deploy-eks',
  description: 'Deploy an image to a Deployment, StatefulSet or DaemonSet on EKS: set the image, follow the rollout, roll back on failure.',
  inputs,
  outputs: {
    'previous-images': { description: 'What the updated containers ran before, as container=image pairs separated by commas.' },
    'previous-revision': { description: 'Revision before the rollout (Deployment revision, StatefulSet update revision, DaemonSet generation).' },
    revision: { description: 'Revision after the rollout, in the same terms.' },
    'rollout-status': {
      description:
        'complete when the rollout finished (the stage fails otherwise, after rolling back); when the verify checks fail after a complete rollout, rolled-back (the previous pod template runs again) or verify-failed (not rolled back), and the stage fails.',
    },
  },
  check: (input) =>
    smokeCheckProblem(smokeCheckValues(input, VERIFY_PREFIX), VERIFY_PREFIX) ?? requireSignatureProblem(input.image, input[REQUIRE_SIGNATURE]),
  run: deployEks,
});

async function deployEks(input: DeployEksInput, runtime: Runtime) {
  // The Kubernetes client takes half a second to load: only this stage pays for it, not every `gantry` command.
  const [{ deployToKubernetes }, { KubeSession }] = await Promise.all([import('../kube/deploy.js'), import('../kube/session.js')]);
  const region = input['aws-region'];
  const key = input[REQUIRE_SIGNATURE];
  if (key) await checkImageSignature(input.image, key, { region, runtime });
  const cluster = await describeEksCluster(createAwsClient(EKSClient, { region }), input.cluster, region);
  const session = new KubeSession(cluster, () => eksToken(cluster.name, { region }), runtime);
  const ref = { ...input.workload, namespace: input.namespace };
  const plan = {
    ref,
    image: input.image,
    containers: input.containers ?? [],
    changeCause: input['change-cause'],
    rollback: input.rollback,
    timeoutMs: input['timeout-minutes'] * 60_000,
    verify: await smokePlanOf(smokeCheckValues(input, VERIFY_PREFIX), VERIFY_PREFIX),
  };
  let result;
  try {
    result = await deployToKubernetes(session, plan, runtime, systemClock);
  } catch (error) {
    // A failed stage's outputs still say what it left behind.
    if (error instanceof VerificationFailedError) runtime.setOutput('rollout-status', error.rolledBack ? 'rolled-back' : 'verify-failed');
    throw error;
  }
  return {
    'previous-images': [...result.previousImages].map(([n, i]) => `${n}=${i}`).join(','),
    'previous-revision': result.previousRevision,
    revision: result.revision,
    'rollout-status': result.status,
  };
}
