// Small hand-built models for interpreter tests (graph-ir's GraphBuilder, explicit output types).
import { Graph, GraphBuilder, Model, type Value } from '@liteml/graph-ir';
import type { DType } from '../../src/index';

export type Shape = (number | string)[];

export function out(dtype: DType, shape: Shape | undefined, extra: { shapeSignature?: Shape } = {}) {
  return { dtype, shape, ...extra };
}

export function model(graphs: Graph[], signatures: Model['signatures'] = []): Model {
  return new Model({ graphs, signatures });
}

export { Graph, GraphBuilder, Model, type Value };
