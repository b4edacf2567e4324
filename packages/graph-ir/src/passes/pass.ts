// Passes and the pass manager: a pipeline is a named list of passes over a Model.
import { IRError, isIRErrorLike } from '../errors';
import type { Model } from '../ir';
import { rewrite, type Rule } from '../rewrite/rewrite';
import { printModel, type PrintOptions } from '../text/print';
import { verify, type VerifyOptions } from '../verify';

/** A transformation of a whole model. `run` returns whether it changed anything. */
export interface Pass {
  name: string;
  run(model: Model): boolean;
}

export interface PassManagerOptions {
  /** Verify the model after every pass (true: structure and shapes; or VerifyOptions). */
  verify?: boolean | VerifyOptions;
  /** Keep the text form of the model after every pass (in `PassRunResult.snapshots`). */
  snapshots?: boolean | PrintOptions;
}

export interface PassRunResult {
  /** Per pass, in order: whether it changed the model and how long it took. */
  passes: { name: string; changed: boolean; ms: number }[];
  /** With `snapshots`: the model's text after each pass, `{ pass: 'input' }` first. */
  snapshots: { pass: string; text: string }[];
}

/** Runs passes in order; `verify` catches the pass that broke the model and names it. */
export class PassManager {
  constructor(
    readonly passes: readonly Pass[],
    readonly options: PassManagerOptions = {},
  ) {}

  run(model: Model): PassRunResult {
    const result: PassRunResult = { passes: [], snapshots: [] };
    const snap = this.options.snapshots;
    const printOpts: PrintOptions = typeof snap === 'object' ? snap : { constants: 'elide' };
    if (snap) result.snapshots.push({ pass: 'input', text: printModel(model, printOpts) });
    const verifyOpts = typeof this.options.verify === 'object' ? this.options.verify : {};
    for (const pass of this.passes) {
      const t0 = performance.now();
      let changed: boolean;
      try {
        changed = pass.run(model);
      } catch (e) {
        if (isIRErrorLike(e)) throw new IRError(e.code, `pass '${pass.name}': ${e.message}`, { nodes: (e as IRError).nodes, values: (e as IRError).values });
        throw e;
      }
      result.passes.push({ name: pass.name, changed, ms: performance.now() - t0 });
      if (this.options.verify) {
        try {
          verify(model, verifyOpts);
        } catch (e) {
          if (!isIRErrorLike(e)) throw e;
          const ir = e as IRError;
          throw new IRError('PASS_FAILED', `the model is invalid after pass '${pass.name}':\n${ir.message}`, { nodes: ir.nodes, values: ir.values, problems: ir.problems });
        }
      }
      if (snap) result.snapshots.push({ pass: pass.name, text: printModel(model, printOpts) });
    }
    return result;
  }
}

/** A pass that applies rewrite rules to every graph of the model. */
export function rewritePass(name: string, rules: readonly Rule[], maxIterations?: number): Pass {
  return {
    name,
    run: (model) => model.graphs.map((g) => rewrite(g, rules, { model, maxIterations }).changed).some(Boolean),
  };
}
