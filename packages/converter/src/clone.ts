// A structural copy of a Model (graphs, values, nodes, signatures); constant bytes are shared.
import { Graph, Model, Node, Value } from '@liteml/graph-ir';

export function cloneModel(model: Model): Model {
  const graphs = model.graphs.map((g) => cloneGraph(g));
  const maps = graphs.map((x) => x.map);
  const signatures = model.signatures.map((s) => ({
    ...s,
    inputs: s.inputs.map((e) => ({ name: e.name, value: maps[s.graphIndex]?.get(e.value) ?? e.value })),
    outputs: s.outputs.map((e) => ({ name: e.name, value: maps[s.graphIndex]?.get(e.value) ?? e.value })),
  }));
  return new Model({
    graphs: graphs.map((x) => x.graph), signatures, metadata: [...model.metadata], description: model.description,
    version: model.version,
  });
}

function cloneGraph(g: Graph): { graph: Graph; map: Map<Value, Value> } {
  const map = new Map<Value, Value>();
  const v = (x: Value): Value => {
    let c = map.get(x);
    if (!c) {
      c = new Value({ ...x, id: x.id, shape: x.shape, shapeSignature: x.shapeSignature });
      map.set(x, c);
    }
    return c;
  };
  const inputs = g.inputs.map(v);
  const nodes = g.nodes.map((n) => new Node({
    op: n.op, name: n.name, inputs: n.inputs.map((x) => x && v(x)), outputs: n.outputs.map(v), attrs: { ...n.attrs },
    version: n.version, intermediates: n.intermediates?.map(v),
  }));
  return { graph: new Graph(g.name, inputs, g.outputs.map(v), nodes), map };
}
