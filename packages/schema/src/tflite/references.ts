import { ModelFormatError } from '../errors';
import type { TfliteModel } from './types';

function bad(message: string, where: string): never {
  throw new ModelFormatError('BAD_VALUE', message, where);
}

function checkIndices(list: number[], count: number, what: string, where: string, allowOmitted: boolean): void {
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    if (v >= count || v < (allowOmitted ? -1 : 0)) {
      bad(`${what} ${v} does not exist (there are ${count})`, `${where}[${k}]`);
    }
  }
}

/**
 * Checks that the model has a subgraph and that every index stored in it points at something that
 * exists. Graph-level rules
 * (topological order, a tensor being both input and output, missing constant data) are left to
 * the graph builder and the runtime.
 */
export function checkReferences(model: TfliteModel): void {
  if (model.subgraphs.length === 0) bad('the model has no subgraphs, so nothing to run', 'Model.subgraphs');
  const nBuffers = model.buffers.length;
  const nCodes = model.operatorCodes.length;
  model.subgraphs.forEach((sg, s) => {
    const at = `Model.subgraphs[${s}]`;
    const nTensors = sg.tensors.length;
    sg.tensors.forEach((t, i) => {
      if (t.buffer >= nBuffers) bad(`tensor '${t.name}' uses buffer ${t.buffer} but the model has ${nBuffers}`, `${at}.tensors[${i}].buffer`);
    });
    checkIndices(sg.inputs, nTensors, 'input tensor', `${at}.inputs`, false);
    checkIndices(sg.outputs, nTensors, 'output tensor', `${at}.outputs`, false);
    sg.operators.forEach((op, o) => {
      const w = `${at}.operators[${o}]`;
      if (op.opcodeIndex >= nCodes) bad(`operator code ${op.opcodeIndex} does not exist (there are ${nCodes})`, `${w}.opcodeIndex`);
      checkIndices(op.inputs, nTensors, 'tensor', `${w}.inputs`, true);
      checkIndices(op.outputs, nTensors, 'tensor', `${w}.outputs`, true);
      checkIndices(op.intermediates, nTensors, 'tensor', `${w}.intermediates`, true);
    });
  });
  model.signatureDefs.forEach((sig, i) => {
    const w = `Model.signatureDefs[${i}]`;
    const sg = model.subgraphs[sig.subgraphIndex];
    if (!sg) bad(`signature '${sig.signatureKey}' uses subgraph ${sig.subgraphIndex} but the model has ${model.subgraphs.length}`, `${w}.subgraphIndex`);
    for (const [kind, maps] of [['inputs', sig.inputs], ['outputs', sig.outputs]] as const) {
      maps.forEach((m, k) => {
        if (m.tensorIndex >= sg.tensors.length) {
          bad(`signature ${kind.slice(0, -1)} '${m.name}' uses tensor ${m.tensorIndex} but subgraph ${sig.subgraphIndex} has ${sg.tensors.length}`, `${w}.${kind}[${k}]`);
        }
      });
    }
  });
  model.metadata.forEach((md, i) => {
    if (md.buffer >= nBuffers) bad(`metadata '${md.name}' uses buffer ${md.buffer} but the model has ${nBuffers}`, `Model.metadata[${i}].buffer`);
  });
  checkIndices(model.metadataBuffer, nBuffers, 'buffer', 'Model.metadataBuffer', false);
}
