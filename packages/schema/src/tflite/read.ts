import { ByteBuffer } from 'flatbuffers';
import { ModelFormatError } from '../errors';
import { Model, Operator, SubGraphT } from '../generated/tflite/index';
import { builtinCodeOf } from './opcodes';
import { checkReferences } from './references';
import type { TfliteBuffer, TfliteModel, TfliteOperator, TfliteSubGraph } from './types';
import { verifyTflite, type VerifyLimits } from './verify';

export interface ReadTfliteOptions extends VerifyLimits {
  /**
   * Also check that every index in the file points at something that exists (operator codes,
   * tensors, buffers, subgraphs of signatures, metadata buffers). Default true.
   */
  checkReferences?: boolean;
}

const EMPTY = new Uint8Array(0);

/** An operator reader whose object-API `unpack()` skips custom options (we return a view instead of a copy). */
class OperatorView extends Operator {
  override customOptionsLength(): number {
    return 0;
  }
}

function list<T>(n: number, at: (i: number) => T): T[] {
  const out: T[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = at(i);
  return out;
}

/** Bytes [offset, offset+size) of the file, for data stored after the flatbuffer. */
function tail(bytes: Uint8Array, offset: bigint, size: bigint, where: string): Uint8Array {
  if (offset + size > BigInt(bytes.length)) {
    throw new ModelFormatError(
      'BAD_OFFSET',
      `data stored after the flatbuffer at bytes ${offset}..${offset + size} lies outside the ${bytes.length}-byte file (truncated file, or weights kept in a separate file?)`,
      where,
    );
  }
  return bytes.subarray(Number(offset), Number(offset + size));
}

/**
 * Reads a .tflite file. The flatbuffer is verified first (any malformed input gives a
 * ModelFormatError), then decoded into a plain object graph (see TfliteModel): buffer data and
 * custom options are zero-copy views into `bytes`, so keep `bytes` unchanged while the model is used.
 */
export function readTflite(bytes: Uint8Array, options: ReadTfliteOptions = {}): TfliteModel {
  verifyTflite(bytes, options);
  const m = Model.getRootAsModel(new ByteBuffer(bytes));

  const operatorCodes = list(m.operatorCodesLength(), (i) => {
    const code = m.operatorCodes(i)!.unpack();
    code.builtinCode = builtinCodeOf(code);
    code.deprecatedBuiltinCode = Math.min(code.builtinCode, 127);
    return code;
  });

  const subgraphs: TfliteSubGraph[] = [];
  for (let i = 0; i < m.subgraphsLength(); i++) {
    const sg = m.subgraphs(i)!;
    const operators = list(sg.operatorsLength(), (j) => {
      const reader = sg.operators(j, new OperatorView())!;
      const op = reader.unpack() as unknown as TfliteOperator;
      op.customOptions = op.largeCustomOptionsOffset > 1n
        ? tail(bytes, op.largeCustomOptionsOffset, op.largeCustomOptionsSize, `Model.subgraphs[${i}].operators[${j}].largeCustomOptionsOffset`)
        : (reader.customOptionsArray() ?? EMPTY);
      return op;
    });
    const tensors = list(sg.tensorsLength(), (j) => sg.tensors(j)!.unpack());
    const inputs = list(sg.inputsLength(), (j) => sg.inputs(j)!);
    const outputs = list(sg.outputsLength(), (j) => sg.outputs(j)!);
    const sgT = new SubGraphT(tensors, inputs, outputs, [], sg.name(), sg.debugMetadataIndex()) as unknown as TfliteSubGraph;
    sgT.operators = operators;
    subgraphs.push(sgT);
  }

  const buffers: TfliteBuffer[] = [];
  for (let i = 0; i < m.buffersLength(); i++) {
    const b = m.buffers(i)!;
    const offset = b.offset();
    const size = b.size();
    const data = offset > 1n ? tail(bytes, offset, size, `Model.buffers[${i}].offset`) : (b.dataArray() ?? EMPTY);
    buffers.push({ data, offset, size });
  }

  const model: TfliteModel = {
    version: m.version(),
    operatorCodes,
    subgraphs,
    description: m.description(),
    buffers,
    metadataBuffer: list(m.metadataBufferLength(), (i) => m.metadataBuffer(i)!),
    metadata: list(m.metadataLength(), (i) => m.metadata(i)!.unpack()),
    signatureDefs: list(m.signatureDefsLength(), (i) => m.signatureDefs(i)!.unpack()),
    externalBufferGroups: list(m.externalBufferGroupsLength(), (i) => m.externalBufferGroups(i)!.unpack()),
    externalBuffers: list(m.externalBuffersLength(), (i) => m.externalBuffers(i)!.unpack()),
  };
  if (options.checkReferences !== false) checkReferences(model);
  return model;
}
