// SavedModel (TF1 and TF2) and TF1 checkpoint MetaGraphDef → tf.* Model. One signature becomes the
// main graph: its inputs/outputs are found by tensor name in the MetaGraphDef's graph, function
// calls (TF2 signature wrappers) are inlined, variables are frozen from the checkpoint, and the
// graph's inputs/outputs are named after the signature's keys.
import { Model } from '@liteml/graph-ir';
import { ModelFormatError, readSavedModel } from '@liteml/schema';
import type { MetaGraphDef, SavedModelContents, SavedModelFiles, tf } from '@liteml/schema';

type SignatureDef = tf.SignatureDef;
import { ConversionError } from '../errors';
import { shapeToDims, toDType } from './attrs';
import { buildGraph, type ImportGraphDefOptions, type TensorSpec } from './graphdef';
import { functionalizeV1Loops, hasV1Loops } from './control-flow-v1';
import { functionalizeV1Conds, hasV1Conds } from './control-flow-v1-cond';
import { attachFunctionGraphs, propagateFunctionShapes } from './functions';
import { functionMap, inlineFunctions } from './inline';
import { freezeVariables, type VariableSources } from './variables';

export interface ImportSavedModelOptions {
  /** Signature key (default 'serving_default', or the only signature there is). */
  signature?: string;
  /** Tag set of the MetaGraphDef (default: the one tagged 'serve', else the first). */
  tags?: string[];
  /** Shapes for inputs by signature key (or tensor name), replacing unknown dims. */
  inputShapes?: Record<string, number[]>;
}

const INIT_SIGNATURE = '__saved_model_init_op';
/** Ops that write to the variable that is their first input. */
const STATEFUL_WRITE = /^tf\.(Assign|AssignAdd|AssignSub|AssignVariableOp|AssignAddVariableOp|AssignSubVariableOp|ScatterUpdate|ScatterAdd|ResourceScatter\w*|Apply\w+|ResourceApply\w+)$/;

/**
 * Imports one signature of a SavedModel: its files (`saved_model.pb`, `variables/…`) or what
 * `readSavedModel` returned. `inputs`/`outputs` (tensor names) replace the signature.
 */
export function importSavedModel(source: SavedModelFiles | SavedModelContents, options: ImportMetaGraphOptions = {}): Model {
  let contents: SavedModelContents;
  try {
    contents = isContents(source) ? source : readSavedModel(source);
  } catch (e) {
    if (e instanceof ModelFormatError) throw new ConversionError('BAD_MODEL', `cannot read the SavedModel: ${e.message}`, undefined, { cause: e });
    throw e;
  }
  const mg = pickMetaGraph(contents.metaGraphs, options.tags);
  return importMetaGraphDef(mg, { bundle: contents.variables, checkpointObjectGraph: contents.checkpointObjectGraph }, options);
}

export interface ImportMetaGraphOptions extends ImportSavedModelOptions {
  /** Without a signature (TF1 checkpoints): the graph inputs/outputs by tensor name. */
  inputs?: ImportGraphDefOptions['inputs'];
  outputs?: string[];
}

/** Imports a MetaGraphDef (a SavedModel's, or a TF1 checkpoint's `.meta`) with its variables. */
export function importMetaGraphDef(
  mg: MetaGraphDef,
  variables: Omit<VariableSources, 'savedObjectGraph'>,
  options: ImportMetaGraphOptions = {},
): Model {
  if (!mg.graphDef) throw new ConversionError('BAD_MODEL', 'the MetaGraphDef has no graph_def');
  const opDefs = new Map((mg.metaInfoDef?.strippedOpList?.op ?? []).map((d) => [d.name, d]));
  const hasSignatures = Object.keys(mg.signatureDef).some((k) => k !== INIT_SIGNATURE);
  const useSignature = options.inputs === undefined && options.outputs === undefined && (hasSignatures || options.signature !== undefined);
  const sig = useSignature ? pickSignature(mg, options.signature) : undefined;

  const library = functionMap(mg.graphDef.library);
  let nodes = mg.graphDef.node;
  if (hasV1Loops(nodes)) {
    const v1 = functionalizeV1Loops(nodes, new Set(library.keys()));
    nodes = v1.nodes;
    for (const f of v1.functions) library.set(f.signature!.name, f);
  }
  if (hasV1Conds(nodes)) {
    const v1 = functionalizeV1Conds(nodes, new Set(library.keys()));
    nodes = v1.nodes;
    for (const f of v1.functions) library.set(f.signature!.name, f);
  }
  const flat = inlineFunctions(nodes, library, opDefs);
  const frozen = freezeVariables(flat.nodes, flat.alias, { ...variables, savedObjectGraph: mg.objectGraphDef });

  let graphOptions: ImportGraphDefOptions;
  let inKeys: string[] = [];
  let outKeys: string[] = [];
  if (sig) {
    inKeys = Object.keys(sig.def.inputs).sort();
    outKeys = Object.keys(sig.def.outputs).sort();
    const shapes: Record<string, number[]> = {};
    const inputs: TensorSpec[] = inKeys.map((k) => {
      const info = sig.def.inputs[k]!;
      const spec = tensorSpec(k, info, sig.key);
      const override = options.inputShapes?.[k] ?? options.inputShapes?.[spec.name];
      if (override) shapes[spec.name] = override;
      return spec;
    });
    const outputs = outKeys.map((k) => tensorSpec(k, sig.def.outputs[k]!, sig.key).name);
    graphOptions = { inputs, outputs, inputShapes: shapes, name: sig.key };
  } else {
    graphOptions = { inputs: options.inputs, outputs: options.outputs, inputShapes: options.inputShapes };
  }
  const graph = buildGraph(frozen.nodes, graphOptions, { alias: flat.alias, constants: frozen.constants, opDefs });

  const missing = graph.nodes.filter((n) => n.op === 'tf.VarHandleOp' || n.op === 'tf.VariableV2' || n.op === 'tf.Variable');
  if (missing.length > 0) {
    const names = missing.map((n) => n.name);
    throw new ConversionError('MISSING_VARIABLE', `no value for variable(s) ${names.map((n) => `'${n}'`).join(', ')}: the checkpoint (variables/) lacks them and they have no constant initializer`, names);
  }
  const frozenNames = new Set(frozen.constants.keys());
  const writers = graph.nodes.filter((n) => STATEFUL_WRITE.test(n.op) && n.inputs[0] !== undefined && frozenNames.has(n.inputs[0].name));
  if (writers.length > 0) {
    const names = writers.map((n) => n.name);
    throw new ConversionError('UNSUPPORTED_STATEFUL', `${sig ? `signature '${sig.key}'` : 'the graph'} updates variables (${names.map((n) => `'${n}'`).join(', ')}); only inference graphs whose variables can be frozen to constants are supported`, names);
  }
  const graphs = [graph];
  attachFunctionGraphs(graphs, library, opDefs, true);
  const model = new Model({ graphs });
  if (graphs.length > 1) propagateFunctionShapes(graphs, model);
  if (!sig) return model;

  // Name the graph's inputs/outputs after the signature keys.
  const renamed = new Set<unknown>();
  const name = (v: (typeof graph.inputs)[number], key: string) => {
    if (renamed.has(v)) return;
    renamed.add(v);
    v.name = key;
  };
  graph.inputs.forEach((v, i) => i < inKeys.length && name(v, inKeys[i]!));
  graph.outputs.forEach((v, i) => name(v, outKeys[i]!));
  model.signatures = [{
    key: sig.key,
    graphIndex: 0,
    inputs: inKeys.map((k, i) => ({ name: k, value: graph.inputs[i]! })),
    outputs: outKeys.map((k, i) => ({ name: k, value: graph.outputs[i]! })),
  }];
  return model;
}

function isContents(s: SavedModelFiles | SavedModelContents): s is SavedModelContents {
  return !(s instanceof Map) && typeof (s as SavedModelContents).savedModel === 'object' && Array.isArray((s as SavedModelContents).metaGraphs);
}

function pickMetaGraph(metaGraphs: MetaGraphDef[], tags: string[] | undefined): MetaGraphDef {
  const tagsOf = (m: MetaGraphDef) => m.metaInfoDef?.tags ?? [];
  if (tags) {
    const want = [...tags].sort().join(',');
    const mg = metaGraphs.find((m) => [...tagsOf(m)].sort().join(',') === want);
    if (!mg) {
      const have = metaGraphs.map((m) => `[${tagsOf(m).join(', ')}]`).join(' ');
      throw new ConversionError('UNKNOWN_TAGS', `the SavedModel has no MetaGraphDef tagged [${tags.join(', ')}]; it has ${have}`);
    }
    return mg;
  }
  return metaGraphs.find((m) => tagsOf(m).includes('serve')) ?? metaGraphs[0]!;
}

function pickSignature(mg: MetaGraphDef, key: string | undefined): { key: string; def: SignatureDef } {
  const keys = Object.keys(mg.signatureDef).filter((k) => k !== INIT_SIGNATURE);
  const chosen = key ?? (mg.signatureDef['serving_default'] ? 'serving_default' : keys.length === 1 ? keys[0] : undefined);
  const def = chosen !== undefined ? mg.signatureDef[chosen] : undefined;
  if (!def || chosen === undefined) {
    const what = key ?? 'serving_default';
    throw new ConversionError('UNKNOWN_SIGNATURE', `the model has no signature '${what}'; choose one of: ${keys.join(', ') || '(none)'}`);
  }
  return { key: chosen, def };
}

function tensorSpec(key: string, info: SignatureDef['inputs'][string], sigKey: string): TensorSpec {
  if (!info.name) {
    throw new ConversionError('BAD_MODEL', `signature '${sigKey}' entry '${key}' is a composite or sparse tensor; only dense tensors are supported`);
  }
  const spec: TensorSpec = { name: info.name };
  if (info.dtype !== undefined && info.dtype !== 'DT_INVALID') spec.dtype = toDType(info.dtype, info.name);
  const shape = shapeToDims(info.tensorShape);
  if (shape) spec.shape = shape;
  return spec;
}
