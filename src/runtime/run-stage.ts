import { describeFailure } from '../model/errors.js';
import { configureNetwork } from '../model/network.js';
import { parseInputs, type Stage } from '../model/stage.js';
import type { Runtime } from '../model/runtime.js';
import type { RawInputs } from '../model/stage.js';

export type StageResult = { ok: true; outputs: Record<string, string> } | { ok: false; message: string };

/**
 * The few lines every entry point shares: validate inputs, run the stage, publish its outputs. Failures are
 * reported through the runtime (so they are masked like everything else) and returned, never thrown.
 */
export async function runStage(stage: Stage, raw: RawInputs, runtime: Runtime): Promise<StageResult> {
  try {
    configureNetwork(runtime.env);
    const input = parseInputs(stage, raw);
    const outputs = await stage.run(input, runtime);
    for (const [name, value] of Object.entries(outputs)) runtime.setOutput(name, value);
    return { ok: true, outputs };
  } catch (error) {
    const message = describeFailure(error);
    runtime.error(`${stage.name} failed: ${message}`);
    return { ok: false, message };
  }
}
