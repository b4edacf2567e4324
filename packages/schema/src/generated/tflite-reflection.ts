// Generated from fbs/tflite.fbs by scripts/generate.mjs (flatc 25.12.19). Do not edit: run `pnpm --filter @liteml/schema generate`.
/* eslint-disable */
import type { TfliteReflection } from '../tflite/reflection-types';

/** The TFLite schema (fbs/tflite.fbs) as data: tables → fields, enums, unions. */
export const tfliteReflection: TfliteReflection = {
  fileIdentifier: "TFL3",
  rootTable: "Model",
  tables: {
    CustomQuantization: [
      {name: "custom", fbsName: "custom", id: 0, type: "vector", element: "ubyte", forceAlign: 16},
    ],
    BlockwiseQuantization: [
      {name: "scales", fbsName: "scales", id: 0, type: "int", default: 0},
      {name: "zeroPoints", fbsName: "zero_points", id: 1, type: "int", default: 0},
      {name: "blockSize", fbsName: "block_size", id: 2, type: "int", default: 0},
    ],
    MultiAxisQuantization: [
      {name: "scales", fbsName: "scales", id: 0, type: "int", default: 0},
      {name: "zeroPoints", fbsName: "zero_points", id: 1, type: "int", default: 0},
      {name: "blockSize", fbsName: "block_size", id: 2, type: "int", default: 0},
      {name: "quantizedDimensions", fbsName: "quantized_dimensions", id: 3, type: "vector", element: "int"},
    ],
    QuantizationParameters: [
      {name: "min", fbsName: "min", id: 0, type: "vector", element: "float"},
      {name: "max", fbsName: "max", id: 1, type: "vector", element: "float"},
      {name: "scale", fbsName: "scale", id: 2, type: "vector", element: "float"},
      {name: "zeroPoint", fbsName: "zero_point", id: 3, type: "vector", element: "long"},
      {name: "detailsType", fbsName: "details_type", id: 4, type: "utype", ref: "QuantizationDetails", default: 0},
      {name: "details", fbsName: "details", id: 5, type: "union", ref: "QuantizationDetails"},
      {name: "quantizedDimension", fbsName: "quantized_dimension", id: 6, type: "int", default: 0},
    ],
    Int32Vector: [
      {name: "values", fbsName: "values", id: 0, type: "vector", element: "int"},
    ],
    Uint16Vector: [
      {name: "values", fbsName: "values", id: 0, type: "vector", element: "ushort", forceAlign: 4},
    ],
    Uint8Vector: [
      {name: "values", fbsName: "values", id: 0, type: "vector", element: "ubyte", forceAlign: 4},
    ],
    DimensionMetadata: [
      {name: "format", fbsName: "format", id: 0, type: "byte", ref: "DimensionType", default: 0},
      {name: "denseSize", fbsName: "dense_size", id: 1, type: "int", default: 0},
      {name: "arraySegmentsType", fbsName: "array_segments_type", id: 2, type: "utype", ref: "SparseIndexVector", default: 0},
      {name: "arraySegments", fbsName: "array_segments", id: 3, type: "union", ref: "SparseIndexVector"},
      {name: "arrayIndicesType", fbsName: "array_indices_type", id: 4, type: "utype", ref: "SparseIndexVector", default: 0},
      {name: "arrayIndices", fbsName: "array_indices", id: 5, type: "union", ref: "SparseIndexVector"},
    ],
    SparsityParameters: [
      {name: "traversalOrder", fbsName: "traversal_order", id: 0, type: "vector", element: "int"},
      {name: "blockMap", fbsName: "block_map", id: 1, type: "vector", element: "int"},
      {name: "dimMetadata", fbsName: "dim_metadata", id: 2, type: "vector", element: "table", ref: "DimensionMetadata"},
    ],
    VariantSubType: [
      {name: "shape", fbsName: "shape", id: 0, type: "vector", element: "int"},
      {name: "type", fbsName: "type", id: 1, type: "byte", ref: "TensorType", default: 0},
      {name: "hasRank", fbsName: "has_rank", id: 2, type: "bool", default: false},
    ],
    Tensor: [
      {name: "shape", fbsName: "shape", id: 0, type: "vector", element: "int"},
      {name: "type", fbsName: "type", id: 1, type: "byte", ref: "TensorType", default: 0},
      {name: "buffer", fbsName: "buffer", id: 2, type: "uint", default: 0},
      {name: "name", fbsName: "name", id: 3, type: "string"},
      {name: "quantization", fbsName: "quantization", id: 4, type: "table", ref: "QuantizationParameters"},
      {name: "isVariable", fbsName: "is_variable", id: 5, type: "bool", default: false},
      {name: "sparsity", fbsName: "sparsity", id: 6, type: "table", ref: "SparsityParameters"},
      {name: "shapeSignature", fbsName: "shape_signature", id: 7, type: "vector", element: "int"},
      {name: "hasRank", fbsName: "has_rank", id: 8, type: "bool", default: false},
      {name: "variantTensors", fbsName: "variant_tensors", id: 9, type: "vector", element: "table", ref: "VariantSubType"},
      {name: "externalBuffer", fbsName: "external_buffer", id: 10, type: "uint", default: 0},
    ],
    StablehloGatherOptions: [
      {name: "offsetDims", fbsName: "offset_dims", id: 0, type: "vector", element: "long"},
      {name: "collapsedSliceDims", fbsName: "collapsed_slice_dims", id: 1, type: "vector", element: "long"},
      {name: "startIndexMap", fbsName: "start_index_map", id: 2, type: "vector", element: "long"},
      {name: "indexVectorDim", fbsName: "index_vector_dim", id: 3, type: "long", default: 0},
      {name: "sliceSizes", fbsName: "slice_sizes", id: 4, type: "vector", element: "long"},
      {name: "indicesAreSorted", fbsName: "indices_are_sorted", id: 5, type: "bool", default: false},
    ],
    StablehloTransposeOptions: [
      {name: "permutation", fbsName: "permutation", id: 0, type: "vector", element: "long"},
    ],
    StablehloDotGeneralOptions: [
      {name: "lhsBatchingDimensions", fbsName: "lhs_batching_dimensions", id: 0, type: "vector", element: "long"},
      {name: "rhsBatchingDimensions", fbsName: "rhs_batching_dimensions", id: 1, type: "vector", element: "long"},
      {name: "lhsContractingDimensions", fbsName: "lhs_contracting_dimensions", id: 2, type: "vector", element: "long"},
      {name: "rhsContractingDimensions", fbsName: "rhs_contracting_dimensions", id: 3, type: "vector", element: "long"},
      {name: "precisionConfig", fbsName: "precision_config", id: 4, type: "vector", element: "uint", ref: "StablehloPrecisionConfig"},
    ],
    StablehloReduceWindowOptions: [
      {name: "windowDimensions", fbsName: "window_dimensions", id: 0, type: "vector", element: "long"},
      {name: "windowStrides", fbsName: "window_strides", id: 1, type: "vector", element: "long"},
      {name: "baseDilations", fbsName: "base_dilations", id: 2, type: "vector", element: "long"},
      {name: "windowDilations", fbsName: "window_dilations", id: 3, type: "vector", element: "long"},
      {name: "padding", fbsName: "padding", id: 4, type: "vector", element: "long"},
      {name: "bodySubgraphIndex", fbsName: "body_subgraph_index", id: 5, type: "int", default: 0},
    ],
    StablehloWhileOptions: [
      {name: "condSubgraphIndex", fbsName: "cond_subgraph_index", id: 0, type: "int", default: 0},
      {name: "bodySubgraphIndex", fbsName: "body_subgraph_index", id: 1, type: "int", default: 0},
    ],
    StablehloSortOptions: [
      {name: "dimension", fbsName: "dimension", id: 0, type: "long", default: 0},
      {name: "isStable", fbsName: "is_stable", id: 1, type: "bool", default: false},
      {name: "comparatorSubgraphIndex", fbsName: "comparator_subgraph_index", id: 2, type: "int", default: 0},
    ],
    StablehloConcatenateOptions: [
      {name: "dimension", fbsName: "dimension", id: 0, type: "long", default: 0},
    ],
    StablehloBroadcastInDimOptions: [
      {name: "broadcastDimensions", fbsName: "broadcast_dimensions", id: 0, type: "vector", element: "long"},
    ],
    StablehloCompareOptions: [
      {name: "comparisonDirection", fbsName: "comparison_direction", id: 0, type: "uint", ref: "StablehloComparisonDirection", default: 0},
      {name: "compareType", fbsName: "compare_type", id: 1, type: "uint", ref: "StablehloComparisonType", default: 0},
    ],
    StablehloDynamicSliceOptions: [
      {name: "sliceSizes", fbsName: "slice_sizes", id: 0, type: "vector", element: "long"},
    ],
    StablehloPadOptions: [
      {name: "edgePaddingLow", fbsName: "edge_padding_low", id: 0, type: "vector", element: "long"},
      {name: "edgePaddingHigh", fbsName: "edge_padding_high", id: 1, type: "vector", element: "long"},
      {name: "interiorPadding", fbsName: "interior_padding", id: 2, type: "vector", element: "long"},
    ],
    StablehloIotaOptions: [
      {name: "iotaDimension", fbsName: "iota_dimension", id: 0, type: "long", default: 0},
    ],
    StablehloCustomCallOptions: [
      {name: "callTargetName", fbsName: "call_target_name", id: 0, type: "string"},
      {name: "hasSideEffect", fbsName: "has_side_effect", id: 1, type: "bool", default: false},
      {name: "backendConfig", fbsName: "backend_config", id: 2, type: "string"},
      {name: "apiVersion", fbsName: "api_version", id: 3, type: "int", default: 0},
      {name: "calledComputations", fbsName: "called_computations", id: 4, type: "vector", element: "int"},
      {name: "customAttributes", fbsName: "custom_attributes", id: 5, type: "vector", element: "ubyte"},
    ],
    StablehloReduceOptions: [
      {name: "dimensions", fbsName: "dimensions", id: 0, type: "vector", element: "long"},
      {name: "bodySubgraphIndex", fbsName: "body_subgraph_index", id: 1, type: "int", default: 0},
    ],
    StablehloSliceOptions: [
      {name: "startIndices", fbsName: "start_indices", id: 0, type: "vector", element: "long"},
      {name: "limitIndices", fbsName: "limit_indices", id: 1, type: "vector", element: "long"},
      {name: "strides", fbsName: "strides", id: 2, type: "vector", element: "long"},
    ],
    StablehloConvolutionOptions: [
      {name: "windowStrides", fbsName: "window_strides", id: 0, type: "vector", element: "long"},
      {name: "padding", fbsName: "padding", id: 1, type: "vector", element: "long"},
      {name: "lhsDilation", fbsName: "lhs_dilation", id: 2, type: "vector", element: "long"},
      {name: "rhsDilation", fbsName: "rhs_dilation", id: 3, type: "vector", element: "long"},
      {name: "windowReversal", fbsName: "window_reversal", id: 4, type: "vector", element: "bool"},
      {name: "inputBatchDimension", fbsName: "input_batch_dimension", id: 5, type: "long", default: 0},
      {name: "inputFeatureDimension", fbsName: "input_feature_dimension", id: 6, type: "long", default: 0},
      {name: "inputSpatialDimensions", fbsName: "input_spatial_dimensions", id: 7, type: "vector", element: "long"},
      {name: "kernelInputFeatureDimension", fbsName: "kernel_input_feature_dimension", id: 8, type: "long", default: 0},
      {name: "kernelOutputFeatureDimension", fbsName: "kernel_output_feature_dimension", id: 9, type: "long", default: 0},
      {name: "kernelSpatialDimensions", fbsName: "kernel_spatial_dimensions", id: 10, type: "vector", element: "long"},
      {name: "outputBatchDimension", fbsName: "output_batch_dimension", id: 11, type: "long", default: 0},
      {name: "outputFeatureDimension", fbsName: "output_feature_dimension", id: 12, type: "long", default: 0},
      {name: "outputSpatialDimensions", fbsName: "output_spatial_dimensions", id: 13, type: "vector", element: "long"},
      {name: "featureGroupCount", fbsName: "feature_group_count", id: 14, type: "long", default: 0},
      {name: "batchGroupCount", fbsName: "batch_group_count", id: 15, type: "long", default: 0},
      {name: "precisionConfig", fbsName: "precision_config", id: 16, type: "vector", element: "uint", ref: "StablehloPrecisionConfig"},
    ],
    StablehloScatterOptions: [
      {name: "indicesAreSorted", fbsName: "indices_are_sorted", id: 0, type: "bool", default: false},
      {name: "updateWindowDims", fbsName: "update_window_dims", id: 1, type: "vector", element: "long"},
      {name: "insertedWindowDims", fbsName: "inserted_window_dims", id: 2, type: "vector", element: "long"},
      {name: "scatterDimsToOperandDims", fbsName: "scatter_dims_to_operand_dims", id: 3, type: "vector", element: "long"},
      {name: "indexVectorDim", fbsName: "index_vector_dim", id: 4, type: "long", default: 0},
      {name: "uniqueIndices", fbsName: "unique_indices", id: 5, type: "bool", default: false},
      {name: "updateComputationSubgraphIndex", fbsName: "update_computation_subgraph_index", id: 6, type: "int", default: 0},
    ],
    StablehloCaseOptions: [
      {name: "branchSubgraphIndices", fbsName: "branch_subgraph_indices", id: 0, type: "vector", element: "int"},
    ],
    StablehloRngBitGeneratorOptions: [
      {name: "algorithm", fbsName: "algorithm", id: 0, type: "byte", ref: "RngAlgorithm", default: 0},
    ],
    Conv2DOptions: [
      {name: "padding", fbsName: "padding", id: 0, type: "byte", ref: "Padding", default: 0},
      {name: "strideW", fbsName: "stride_w", id: 1, type: "int", default: 0},
      {name: "strideH", fbsName: "stride_h", id: 2, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 3, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "dilationWFactor", fbsName: "dilation_w_factor", id: 4, type: "int", default: 1},
      {name: "dilationHFactor", fbsName: "dilation_h_factor", id: 5, type: "int", default: 1},
      {name: "quantizedBiasType", fbsName: "quantized_bias_type", id: 6, type: "byte", ref: "TensorType", default: 0},
    ],
    Conv3DOptions: [
      {name: "padding", fbsName: "padding", id: 0, type: "byte", ref: "Padding", default: 0},
      {name: "strideD", fbsName: "stride_d", id: 1, type: "int", default: 0},
      {name: "strideW", fbsName: "stride_w", id: 2, type: "int", default: 0},
      {name: "strideH", fbsName: "stride_h", id: 3, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 4, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "dilationDFactor", fbsName: "dilation_d_factor", id: 5, type: "int", default: 1},
      {name: "dilationWFactor", fbsName: "dilation_w_factor", id: 6, type: "int", default: 1},
      {name: "dilationHFactor", fbsName: "dilation_h_factor", id: 7, type: "int", default: 1},
    ],
    Pool2DOptions: [
      {name: "padding", fbsName: "padding", id: 0, type: "byte", ref: "Padding", default: 0},
      {name: "strideW", fbsName: "stride_w", id: 1, type: "int", default: 0},
      {name: "strideH", fbsName: "stride_h", id: 2, type: "int", default: 0},
      {name: "filterWidth", fbsName: "filter_width", id: 3, type: "int", default: 0},
      {name: "filterHeight", fbsName: "filter_height", id: 4, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 5, type: "byte", ref: "ActivationFunctionType", default: 0},
    ],
    DepthwiseConv2DOptions: [
      {name: "padding", fbsName: "padding", id: 0, type: "byte", ref: "Padding", default: 0},
      {name: "strideW", fbsName: "stride_w", id: 1, type: "int", default: 0},
      {name: "strideH", fbsName: "stride_h", id: 2, type: "int", default: 0},
      {name: "depthMultiplier", fbsName: "depth_multiplier", id: 3, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 4, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "dilationWFactor", fbsName: "dilation_w_factor", id: 5, type: "int", default: 1},
      {name: "dilationHFactor", fbsName: "dilation_h_factor", id: 6, type: "int", default: 1},
    ],
    ConcatEmbeddingsOptions: [
      {name: "numChannels", fbsName: "num_channels", id: 0, type: "int", default: 0},
      {name: "numColumnsPerChannel", fbsName: "num_columns_per_channel", id: 1, type: "vector", element: "int"},
      {name: "embeddingDimPerChannel", fbsName: "embedding_dim_per_channel", id: 2, type: "vector", element: "int"},
    ],
    LSHProjectionOptions: [
      {name: "type", fbsName: "type", id: 0, type: "byte", ref: "LSHProjectionType", default: 0},
    ],
    SVDFOptions: [
      {name: "rank", fbsName: "rank", id: 0, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 1, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 2, type: "bool", default: false},
    ],
    RNNOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 1, type: "bool", default: false},
    ],
    SequenceRNNOptions: [
      {name: "timeMajor", fbsName: "time_major", id: 0, type: "bool", default: false},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 1, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 2, type: "bool", default: false},
    ],
    BidirectionalSequenceRNNOptions: [
      {name: "timeMajor", fbsName: "time_major", id: 0, type: "bool", default: false},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 1, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "mergeOutputs", fbsName: "merge_outputs", id: 2, type: "bool", default: false},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 3, type: "bool", default: false},
    ],
    FullyConnectedOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "weightsFormat", fbsName: "weights_format", id: 1, type: "byte", ref: "FullyConnectedOptionsWeightsFormat", default: 0},
      {name: "keepNumDims", fbsName: "keep_num_dims", id: 2, type: "bool", default: false},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 3, type: "bool", default: false},
      {name: "quantizedBiasType", fbsName: "quantized_bias_type", id: 4, type: "byte", ref: "TensorType", default: 0},
    ],
    SoftmaxOptions: [
      {name: "beta", fbsName: "beta", id: 0, type: "float", default: 0},
    ],
    ConcatenationOptions: [
      {name: "axis", fbsName: "axis", id: 0, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 1, type: "byte", ref: "ActivationFunctionType", default: 0},
    ],
    AddOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "potScaleInt16", fbsName: "pot_scale_int16", id: 1, type: "bool", default: true},
    ],
    MulOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
    ],
    L2NormOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
    ],
    LocalResponseNormalizationOptions: [
      {name: "radius", fbsName: "radius", id: 0, type: "int", default: 0},
      {name: "bias", fbsName: "bias", id: 1, type: "float", default: 0},
      {name: "alpha", fbsName: "alpha", id: 2, type: "float", default: 0},
      {name: "beta", fbsName: "beta", id: 3, type: "float", default: 0},
    ],
    LSTMOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "cellClip", fbsName: "cell_clip", id: 1, type: "float", default: 0},
      {name: "projClip", fbsName: "proj_clip", id: 2, type: "float", default: 0},
      {name: "kernelType", fbsName: "kernel_type", id: 3, type: "byte", ref: "LSTMKernelType", default: 0},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 4, type: "bool", default: false},
    ],
    UnidirectionalSequenceLSTMOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "cellClip", fbsName: "cell_clip", id: 1, type: "float", default: 0},
      {name: "projClip", fbsName: "proj_clip", id: 2, type: "float", default: 0},
      {name: "timeMajor", fbsName: "time_major", id: 3, type: "bool", default: false},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 4, type: "bool", default: false},
      {name: "diagonalRecurrentTensors", fbsName: "diagonal_recurrent_tensors", id: 5, type: "bool", default: false},
    ],
    BidirectionalSequenceLSTMOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "cellClip", fbsName: "cell_clip", id: 1, type: "float", default: 0},
      {name: "projClip", fbsName: "proj_clip", id: 2, type: "float", default: 0},
      {name: "mergeOutputs", fbsName: "merge_outputs", id: 3, type: "bool", default: false},
      {name: "timeMajor", fbsName: "time_major", id: 4, type: "bool", default: true},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 5, type: "bool", default: false},
    ],
    ResizeBilinearOptions: [
      {name: "newHeight", fbsName: "new_height", id: 0, type: "int", default: 0, deprecated: true},
      {name: "newWidth", fbsName: "new_width", id: 1, type: "int", default: 0, deprecated: true},
      {name: "alignCorners", fbsName: "align_corners", id: 2, type: "bool", default: false},
      {name: "halfPixelCenters", fbsName: "half_pixel_centers", id: 3, type: "bool", default: false},
    ],
    ResizeNearestNeighborOptions: [
      {name: "alignCorners", fbsName: "align_corners", id: 0, type: "bool", default: false},
      {name: "halfPixelCenters", fbsName: "half_pixel_centers", id: 1, type: "bool", default: false},
    ],
    CallOptions: [
      {name: "subgraph", fbsName: "subgraph", id: 0, type: "uint", default: 0},
    ],
    PadOptions: [
    ],
    PadV2Options: [
    ],
    ReshapeOptions: [
      {name: "newShape", fbsName: "new_shape", id: 0, type: "vector", element: "int"},
    ],
    SpaceToBatchNDOptions: [
    ],
    BatchToSpaceNDOptions: [
    ],
    SkipGramOptions: [
      {name: "ngramSize", fbsName: "ngram_size", id: 0, type: "int", default: 0},
      {name: "maxSkipSize", fbsName: "max_skip_size", id: 1, type: "int", default: 0},
      {name: "includeAllNgrams", fbsName: "include_all_ngrams", id: 2, type: "bool", default: false},
    ],
    SpaceToDepthOptions: [
      {name: "blockSize", fbsName: "block_size", id: 0, type: "int", default: 0},
    ],
    DepthToSpaceOptions: [
      {name: "blockSize", fbsName: "block_size", id: 0, type: "int", default: 0},
    ],
    SubOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "potScaleInt16", fbsName: "pot_scale_int16", id: 1, type: "bool", default: true},
    ],
    DivOptions: [
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 0, type: "byte", ref: "ActivationFunctionType", default: 0},
    ],
    TopKV2Options: [
    ],
    EmbeddingLookupSparseOptions: [
      {name: "combiner", fbsName: "combiner", id: 0, type: "byte", ref: "CombinerType", default: 0},
    ],
    GatherOptions: [
      {name: "axis", fbsName: "axis", id: 0, type: "int", default: 0},
      {name: "batchDims", fbsName: "batch_dims", id: 1, type: "int", default: 0},
    ],
    TransposeOptions: [
    ],
    ExpOptions: [
    ],
    CosOptions: [
    ],
    ReducerOptions: [
      {name: "keepDims", fbsName: "keep_dims", id: 0, type: "bool", default: false},
    ],
    SqueezeOptions: [
      {name: "squeezeDims", fbsName: "squeeze_dims", id: 0, type: "vector", element: "int"},
    ],
    SplitOptions: [
      {name: "numSplits", fbsName: "num_splits", id: 0, type: "int", default: 0},
    ],
    SplitVOptions: [
      {name: "numSplits", fbsName: "num_splits", id: 0, type: "int", default: 0},
    ],
    StridedSliceOptions: [
      {name: "beginMask", fbsName: "begin_mask", id: 0, type: "int", default: 0},
      {name: "endMask", fbsName: "end_mask", id: 1, type: "int", default: 0},
      {name: "ellipsisMask", fbsName: "ellipsis_mask", id: 2, type: "int", default: 0},
      {name: "newAxisMask", fbsName: "new_axis_mask", id: 3, type: "int", default: 0},
      {name: "shrinkAxisMask", fbsName: "shrink_axis_mask", id: 4, type: "int", default: 0},
      {name: "offset", fbsName: "offset", id: 5, type: "bool", default: false},
    ],
    LogSoftmaxOptions: [
    ],
    CastOptions: [
      {name: "inDataType", fbsName: "in_data_type", id: 0, type: "byte", ref: "TensorType", default: 0},
      {name: "outDataType", fbsName: "out_data_type", id: 1, type: "byte", ref: "TensorType", default: 0},
    ],
    DequantizeOptions: [
    ],
    MaximumMinimumOptions: [
    ],
    TileOptions: [
    ],
    ArgMaxOptions: [
      {name: "outputType", fbsName: "output_type", id: 0, type: "byte", ref: "TensorType", default: 0},
    ],
    ArgMinOptions: [
      {name: "outputType", fbsName: "output_type", id: 0, type: "byte", ref: "TensorType", default: 0},
    ],
    GreaterOptions: [
    ],
    GreaterEqualOptions: [
    ],
    LessOptions: [
    ],
    LessEqualOptions: [
    ],
    NegOptions: [
    ],
    SelectOptions: [
    ],
    SliceOptions: [
    ],
    TransposeConvOptions: [
      {name: "padding", fbsName: "padding", id: 0, type: "byte", ref: "Padding", default: 0},
      {name: "strideW", fbsName: "stride_w", id: 1, type: "int", default: 0},
      {name: "strideH", fbsName: "stride_h", id: 2, type: "int", default: 0},
      {name: "fusedActivationFunction", fbsName: "fused_activation_function", id: 3, type: "byte", ref: "ActivationFunctionType", default: 0},
      {name: "quantizedBiasType", fbsName: "quantized_bias_type", id: 4, type: "byte", ref: "TensorType", default: 0},
    ],
    ExpandDimsOptions: [
    ],
    SparseToDenseOptions: [
      {name: "validateIndices", fbsName: "validate_indices", id: 0, type: "bool", default: false},
    ],
    EqualOptions: [
    ],
    NotEqualOptions: [
    ],
    ShapeOptions: [
      {name: "outType", fbsName: "out_type", id: 0, type: "byte", ref: "TensorType", default: 0},
    ],
    RankOptions: [
    ],
    PowOptions: [
    ],
    FakeQuantOptions: [
      {name: "min", fbsName: "min", id: 0, type: "float", default: 0},
      {name: "max", fbsName: "max", id: 1, type: "float", default: 0},
      {name: "numBits", fbsName: "num_bits", id: 2, type: "int", default: 0},
      {name: "narrowRange", fbsName: "narrow_range", id: 3, type: "bool", default: false},
    ],
    PackOptions: [
      {name: "valuesCount", fbsName: "values_count", id: 0, type: "int", default: 0},
      {name: "axis", fbsName: "axis", id: 1, type: "int", default: 0},
    ],
    LogicalOrOptions: [
    ],
    OneHotOptions: [
      {name: "axis", fbsName: "axis", id: 0, type: "int", default: 0},
    ],
    AbsOptions: [
    ],
    HardSwishOptions: [
    ],
    LogicalAndOptions: [
    ],
    LogicalNotOptions: [
    ],
    UnpackOptions: [
      {name: "num", fbsName: "num", id: 0, type: "int", default: 0},
      {name: "axis", fbsName: "axis", id: 1, type: "int", default: 0},
    ],
    FloorDivOptions: [
    ],
    SquareOptions: [
    ],
    ZerosLikeOptions: [
    ],
    FillOptions: [
    ],
    FloorModOptions: [
    ],
    RangeOptions: [
    ],
    LeakyReluOptions: [
      {name: "alpha", fbsName: "alpha", id: 0, type: "float", default: 0},
    ],
    SquaredDifferenceOptions: [
    ],
    MirrorPadOptions: [
      {name: "mode", fbsName: "mode", id: 0, type: "byte", ref: "MirrorPadMode", default: 0},
    ],
    UniqueOptions: [
      {name: "idxOutType", fbsName: "idx_out_type", id: 0, type: "byte", ref: "TensorType", default: 2},
    ],
    ReverseV2Options: [
    ],
    AddNOptions: [
    ],
    GatherNdOptions: [
    ],
    WhereOptions: [
    ],
    ReverseSequenceOptions: [
      {name: "seqDim", fbsName: "seq_dim", id: 0, type: "int", default: 0},
      {name: "batchDim", fbsName: "batch_dim", id: 1, type: "int", default: 0},
    ],
    MatrixDiagOptions: [
    ],
    QuantizeOptions: [
    ],
    MatrixSetDiagOptions: [
    ],
    IfOptions: [
      {name: "thenSubgraphIndex", fbsName: "then_subgraph_index", id: 0, type: "int", default: 0},
      {name: "elseSubgraphIndex", fbsName: "else_subgraph_index", id: 1, type: "int", default: 0},
    ],
    CallOnceOptions: [
      {name: "initSubgraphIndex", fbsName: "init_subgraph_index", id: 0, type: "int", default: 0},
    ],
    WhileOptions: [
      {name: "condSubgraphIndex", fbsName: "cond_subgraph_index", id: 0, type: "int", default: 0},
      {name: "bodySubgraphIndex", fbsName: "body_subgraph_index", id: 1, type: "int", default: 0},
    ],
    NonMaxSuppressionV4Options: [
    ],
    NonMaxSuppressionV5Options: [
    ],
    ScatterNdOptions: [
    ],
    SelectV2Options: [
    ],
    DensifyOptions: [
    ],
    SegmentSumOptions: [
    ],
    BatchMatMulOptions: [
      {name: "adjX", fbsName: "adj_x", id: 0, type: "bool", default: false},
      {name: "adjY", fbsName: "adj_y", id: 1, type: "bool", default: false},
      {name: "asymmetricQuantizeInputs", fbsName: "asymmetric_quantize_inputs", id: 2, type: "bool", default: false},
    ],
    CumsumOptions: [
      {name: "exclusive", fbsName: "exclusive", id: 0, type: "bool", default: false},
      {name: "reverse", fbsName: "reverse", id: 1, type: "bool", default: false},
    ],
    BroadcastToOptions: [
    ],
    Rfft2dOptions: [
    ],
    HashtableOptions: [
      {name: "tableId", fbsName: "table_id", id: 0, type: "int", default: 0},
      {name: "keyDtype", fbsName: "key_dtype", id: 1, type: "byte", ref: "TensorType", default: 0},
      {name: "valueDtype", fbsName: "value_dtype", id: 2, type: "byte", ref: "TensorType", default: 0},
    ],
    HashtableFindOptions: [
    ],
    HashtableImportOptions: [
    ],
    HashtableSizeOptions: [
    ],
    VarHandleOptions: [
      {name: "container", fbsName: "container", id: 0, type: "string"},
      {name: "sharedName", fbsName: "shared_name", id: 1, type: "string"},
    ],
    ReadVariableOptions: [
    ],
    AssignVariableOptions: [
    ],
    RandomOptions: [
      {name: "seed", fbsName: "seed", id: 0, type: "long", default: 0},
      {name: "seed2", fbsName: "seed2", id: 1, type: "long", default: 0},
    ],
    BucketizeOptions: [
      {name: "boundaries", fbsName: "boundaries", id: 0, type: "vector", element: "float"},
    ],
    GeluOptions: [
      {name: "approximate", fbsName: "approximate", id: 0, type: "bool", default: false},
    ],
    DynamicUpdateSliceOptions: [
    ],
    UnsortedSegmentProdOptions: [
    ],
    UnsortedSegmentMaxOptions: [
    ],
    UnsortedSegmentSumOptions: [
    ],
    ATan2Options: [
    ],
    UnsortedSegmentMinOptions: [
    ],
    SignOptions: [
    ],
    BitcastOptions: [
    ],
    BitwiseXorOptions: [
    ],
    RightShiftOptions: [
    ],
    DilateOptions: [
    ],
    ReduceWindowOptions: [
      {name: "reduceFunction", fbsName: "reduce_function", id: 0, type: "int", ref: "ReduceWindowFunction", default: 0},
    ],
    OperatorCode: [
      {name: "deprecatedBuiltinCode", fbsName: "deprecated_builtin_code", id: 0, type: "byte", default: 0},
      {name: "customCode", fbsName: "custom_code", id: 1, type: "string"},
      {name: "version", fbsName: "version", id: 2, type: "int", default: 1},
      {name: "builtinCode", fbsName: "builtin_code", id: 3, type: "int", ref: "BuiltinOperator", default: 0},
    ],
    StableHLOCompositeOptions: [
      {name: "name", fbsName: "name", id: 0, type: "string"},
      {name: "decompositionSubgraphIndex", fbsName: "decomposition_subgraph_index", id: 1, type: "int", default: 0},
      {name: "compositeAttributes", fbsName: "composite_attributes", id: 2, type: "vector", element: "ubyte"},
      {name: "compositeAttributesFormat", fbsName: "composite_attributes_format", id: 3, type: "byte", ref: "CustomOptionsFormat", default: 0},
      {name: "version", fbsName: "version", id: 4, type: "int", default: 0},
    ],
    StablehloShiftLeftOptions: [
    ],
    Operator: [
      {name: "opcodeIndex", fbsName: "opcode_index", id: 0, type: "uint", default: 0},
      {name: "inputs", fbsName: "inputs", id: 1, type: "vector", element: "int"},
      {name: "outputs", fbsName: "outputs", id: 2, type: "vector", element: "int"},
      {name: "builtinOptionsType", fbsName: "builtin_options_type", id: 3, type: "utype", ref: "BuiltinOptions", default: 0},
      {name: "builtinOptions", fbsName: "builtin_options", id: 4, type: "union", ref: "BuiltinOptions"},
      {name: "customOptions", fbsName: "custom_options", id: 5, type: "vector", element: "ubyte"},
      {name: "customOptionsFormat", fbsName: "custom_options_format", id: 6, type: "byte", ref: "CustomOptionsFormat", default: 0},
      {name: "mutatingVariableInputs", fbsName: "mutating_variable_inputs", id: 7, type: "vector", element: "bool"},
      {name: "intermediates", fbsName: "intermediates", id: 8, type: "vector", element: "int"},
      {name: "largeCustomOptionsOffset", fbsName: "large_custom_options_offset", id: 9, type: "ulong", default: 0},
      {name: "largeCustomOptionsSize", fbsName: "large_custom_options_size", id: 10, type: "ulong", default: 0},
      {name: "builtinOptions2Type", fbsName: "builtin_options_2_type", id: 11, type: "utype", ref: "BuiltinOptions2", default: 0},
      {name: "builtinOptions2", fbsName: "builtin_options_2", id: 12, type: "union", ref: "BuiltinOptions2"},
      {name: "debugMetadataIndex", fbsName: "debug_metadata_index", id: 13, type: "int", default: -1},
    ],
    SubGraph: [
      {name: "tensors", fbsName: "tensors", id: 0, type: "vector", element: "table", ref: "Tensor"},
      {name: "inputs", fbsName: "inputs", id: 1, type: "vector", element: "int"},
      {name: "outputs", fbsName: "outputs", id: 2, type: "vector", element: "int"},
      {name: "operators", fbsName: "operators", id: 3, type: "vector", element: "table", ref: "Operator"},
      {name: "name", fbsName: "name", id: 4, type: "string"},
      {name: "debugMetadataIndex", fbsName: "debug_metadata_index", id: 5, type: "int", default: -1},
    ],
    Buffer: [
      {name: "data", fbsName: "data", id: 0, type: "vector", element: "ubyte", forceAlign: 16},
      {name: "offset", fbsName: "offset", id: 1, type: "ulong", default: 0},
      {name: "size", fbsName: "size", id: 2, type: "ulong", default: 0},
    ],
    ExternalBufferGroup: [
      {name: "name", fbsName: "name", id: 0, type: "string"},
    ],
    ExternalBuffer: [
      {name: "id", fbsName: "id", id: 0, type: "uint", default: 0},
      {name: "group", fbsName: "group", id: 1, type: "uint", default: 0},
      {name: "offset", fbsName: "offset", id: 2, type: "ulong", default: 0},
      {name: "length", fbsName: "length", id: 3, type: "ulong", default: 0},
      {name: "packing", fbsName: "packing", id: 4, type: "string"},
    ],
    Metadata: [
      {name: "name", fbsName: "name", id: 0, type: "string"},
      {name: "buffer", fbsName: "buffer", id: 1, type: "uint", default: 0},
    ],
    TensorMap: [
      {name: "name", fbsName: "name", id: 0, type: "string"},
      {name: "tensorIndex", fbsName: "tensor_index", id: 1, type: "uint", default: 0},
    ],
    SignatureDef: [
      {name: "inputs", fbsName: "inputs", id: 0, type: "vector", element: "table", ref: "TensorMap"},
      {name: "outputs", fbsName: "outputs", id: 1, type: "vector", element: "table", ref: "TensorMap"},
      {name: "signatureKey", fbsName: "signature_key", id: 2, type: "string"},
      {name: "deprecatedTag", fbsName: "deprecated_tag", id: 3, type: "string", deprecated: true},
      {name: "subgraphIndex", fbsName: "subgraph_index", id: 4, type: "uint", default: 0},
    ],
    Model: [
      {name: "version", fbsName: "version", id: 0, type: "uint", default: 0},
      {name: "operatorCodes", fbsName: "operator_codes", id: 1, type: "vector", element: "table", ref: "OperatorCode"},
      {name: "subgraphs", fbsName: "subgraphs", id: 2, type: "vector", element: "table", ref: "SubGraph"},
      {name: "description", fbsName: "description", id: 3, type: "string"},
      {name: "buffers", fbsName: "buffers", id: 4, type: "vector", element: "table", ref: "Buffer"},
      {name: "metadataBuffer", fbsName: "metadata_buffer", id: 5, type: "vector", element: "int"},
      {name: "metadata", fbsName: "metadata", id: 6, type: "vector", element: "table", ref: "Metadata"},
      {name: "signatureDefs", fbsName: "signature_defs", id: 7, type: "vector", element: "table", ref: "SignatureDef"},
      {name: "externalBufferGroups", fbsName: "external_buffer_groups", id: 8, type: "vector", element: "table", ref: "ExternalBufferGroup"},
      {name: "externalBuffers", fbsName: "external_buffers", id: 9, type: "vector", element: "table", ref: "ExternalBuffer"},
    ],
  },
  enums: {
    TensorType: { underlying: 'byte', values: {FLOAT32: 0, FLOAT16: 1, INT32: 2, UINT8: 3, INT64: 4, STRING: 5, BOOL: 6, INT16: 7, COMPLEX64: 8, INT8: 9, FLOAT64: 10, COMPLEX128: 11, UINT64: 12, RESOURCE: 13, VARIANT: 14, UINT32: 15, UINT16: 16, INT4: 17, BFLOAT16: 18, INT2: 19, UINT4: 20, FLOAT8_E4M3FN: 21, FLOAT8_E5M2: 22} },
    DimensionType: { underlying: 'byte', values: {DENSE: 0, SPARSE_CSR: 1} },
    BuiltinOperator: { underlying: 'int', values: {ADD: 0, AVERAGE_POOL_2D: 1, CONCATENATION: 2, CONV_2D: 3, DEPTHWISE_CONV_2D: 4, DEPTH_TO_SPACE: 5, DEQUANTIZE: 6, EMBEDDING_LOOKUP: 7, FLOOR: 8, FULLY_CONNECTED: 9, HASHTABLE_LOOKUP: 10, L2_NORMALIZATION: 11, L2_POOL_2D: 12, LOCAL_RESPONSE_NORMALIZATION: 13, LOGISTIC: 14, LSH_PROJECTION: 15, LSTM: 16, MAX_POOL_2D: 17, MUL: 18, RELU: 19, RELU_N1_TO_1: 20, RELU6: 21, RESHAPE: 22, RESIZE_BILINEAR: 23, RNN: 24, SOFTMAX: 25, SPACE_TO_DEPTH: 26, SVDF: 27, TANH: 28, CONCAT_EMBEDDINGS: 29, SKIP_GRAM: 30, CALL: 31, CUSTOM: 32, EMBEDDING_LOOKUP_SPARSE: 33, PAD: 34, UNIDIRECTIONAL_SEQUENCE_RNN: 35, GATHER: 36, BATCH_TO_SPACE_ND: 37, SPACE_TO_BATCH_ND: 38, TRANSPOSE: 39, MEAN: 40, SUB: 41, DIV: 42, SQUEEZE: 43, UNIDIRECTIONAL_SEQUENCE_LSTM: 44, STRIDED_SLICE: 45, BIDIRECTIONAL_SEQUENCE_RNN: 46, EXP: 47, TOPK_V2: 48, SPLIT: 49, LOG_SOFTMAX: 50, DELEGATE: 51, BIDIRECTIONAL_SEQUENCE_LSTM: 52, CAST: 53, PRELU: 54, MAXIMUM: 55, ARG_MAX: 56, MINIMUM: 57, LESS: 58, NEG: 59, PADV2: 60, GREATER: 61, GREATER_EQUAL: 62, LESS_EQUAL: 63, SELECT: 64, SLICE: 65, SIN: 66, TRANSPOSE_CONV: 67, SPARSE_TO_DENSE: 68, TILE: 69, EXPAND_DIMS: 70, EQUAL: 71, NOT_EQUAL: 72, LOG: 73, SUM: 74, SQRT: 75, RSQRT: 76, SHAPE: 77, POW: 78, ARG_MIN: 79, FAKE_QUANT: 80, REDUCE_PROD: 81, REDUCE_MAX: 82, PACK: 83, LOGICAL_OR: 84, ONE_HOT: 85, LOGICAL_AND: 86, LOGICAL_NOT: 87, UNPACK: 88, REDUCE_MIN: 89, FLOOR_DIV: 90, REDUCE_ANY: 91, SQUARE: 92, ZEROS_LIKE: 93, FILL: 94, FLOOR_MOD: 95, RANGE: 96, RESIZE_NEAREST_NEIGHBOR: 97, LEAKY_RELU: 98, SQUARED_DIFFERENCE: 99, MIRROR_PAD: 100, ABS: 101, SPLIT_V: 102, UNIQUE: 103, CEIL: 104, REVERSE_V2: 105, ADD_N: 106, GATHER_ND: 107, COS: 108, WHERE: 109, RANK: 110, ELU: 111, REVERSE_SEQUENCE: 112, MATRIX_DIAG: 113, QUANTIZE: 114, MATRIX_SET_DIAG: 115, ROUND: 116, HARD_SWISH: 117, IF: 118, WHILE: 119, NON_MAX_SUPPRESSION_V4: 120, NON_MAX_SUPPRESSION_V5: 121, SCATTER_ND: 122, SELECT_V2: 123, DENSIFY: 124, SEGMENT_SUM: 125, BATCH_MATMUL: 126, PLACEHOLDER_FOR_GREATER_OP_CODES: 127, CUMSUM: 128, CALL_ONCE: 129, BROADCAST_TO: 130, RFFT2D: 131, CONV_3D: 132, IMAG: 133, REAL: 134, COMPLEX_ABS: 135, HASHTABLE: 136, HASHTABLE_FIND: 137, HASHTABLE_IMPORT: 138, HASHTABLE_SIZE: 139, REDUCE_ALL: 140, CONV_3D_TRANSPOSE: 141, VAR_HANDLE: 142, READ_VARIABLE: 143, ASSIGN_VARIABLE: 144, BROADCAST_ARGS: 145, RANDOM_STANDARD_NORMAL: 146, BUCKETIZE: 147, RANDOM_UNIFORM: 148, MULTINOMIAL: 149, GELU: 150, DYNAMIC_UPDATE_SLICE: 151, RELU_0_TO_1: 152, UNSORTED_SEGMENT_PROD: 153, UNSORTED_SEGMENT_MAX: 154, UNSORTED_SEGMENT_SUM: 155, ATAN2: 156, UNSORTED_SEGMENT_MIN: 157, SIGN: 158, BITCAST: 159, BITWISE_XOR: 160, RIGHT_SHIFT: 161, STABLEHLO_LOGISTIC: 162, STABLEHLO_ADD: 163, STABLEHLO_DIVIDE: 164, STABLEHLO_MULTIPLY: 165, STABLEHLO_MAXIMUM: 166, STABLEHLO_RESHAPE: 167, STABLEHLO_CLAMP: 168, STABLEHLO_CONCATENATE: 169, STABLEHLO_BROADCAST_IN_DIM: 170, STABLEHLO_CONVOLUTION: 171, STABLEHLO_SLICE: 172, STABLEHLO_CUSTOM_CALL: 173, STABLEHLO_REDUCE: 174, STABLEHLO_ABS: 175, STABLEHLO_AND: 176, STABLEHLO_COSINE: 177, STABLEHLO_EXPONENTIAL: 178, STABLEHLO_FLOOR: 179, STABLEHLO_LOG: 180, STABLEHLO_MINIMUM: 181, STABLEHLO_NEGATE: 182, STABLEHLO_OR: 183, STABLEHLO_POWER: 184, STABLEHLO_REMAINDER: 185, STABLEHLO_RSQRT: 186, STABLEHLO_SELECT: 187, STABLEHLO_SUBTRACT: 188, STABLEHLO_TANH: 189, STABLEHLO_SCATTER: 190, STABLEHLO_COMPARE: 191, STABLEHLO_CONVERT: 192, STABLEHLO_DYNAMIC_SLICE: 193, STABLEHLO_DYNAMIC_UPDATE_SLICE: 194, STABLEHLO_PAD: 195, STABLEHLO_IOTA: 196, STABLEHLO_DOT_GENERAL: 197, STABLEHLO_REDUCE_WINDOW: 198, STABLEHLO_SORT: 199, STABLEHLO_WHILE: 200, STABLEHLO_GATHER: 201, STABLEHLO_TRANSPOSE: 202, DILATE: 203, STABLEHLO_RNG_BIT_GENERATOR: 204, REDUCE_WINDOW: 205, STABLEHLO_COMPOSITE: 206, STABLEHLO_SHIFT_LEFT: 207, STABLEHLO_CBRT: 208, STABLEHLO_CASE: 209} },
    StablehloPrecisionConfig: { underlying: 'uint', values: {DEFAULT: 0, HIGH: 1, HIGHEST: 2} },
    StablehloComparisonDirection: { underlying: 'uint', values: {STABLEHLO_COMPARISON_DIRECTION_EQ: 0, STABLEHLO_COMPARISON_DIRECTION_NE: 1, STABLEHLO_COMPARISON_DIRECTION_GE: 2, STABLEHLO_COMPARISON_DIRECTION_GT: 3, STABLEHLO_COMPARISON_DIRECTION_LE: 4, STABLEHLO_COMPARISON_DIRECTION_LT: 5} },
    StablehloComparisonType: { underlying: 'uint', values: {STABLEHLO_COMPARISON_TYPE_NOTYPE: 0, STABLEHLO_COMPARISON_TYPE_FLOAT: 1, STABLEHLO_COMPARISON_TYPE_FLOAT_TOTAL_ORDER: 2, STABLEHLO_COMPARISON_TYPE_SIGNED: 3, STABLEHLO_COMPARISON_TYPE_UNSIGNED: 4} },
    RngAlgorithm: { underlying: 'byte', values: {DEFAULT: 0, PHILOX: 1, THREEFRY: 2} },
    Padding: { underlying: 'byte', values: {SAME: 0, VALID: 1} },
    ActivationFunctionType: { underlying: 'byte', values: {NONE: 0, RELU: 1, RELU_N1_TO_1: 2, RELU6: 3, TANH: 4, SIGN_BIT: 5} },
    LSHProjectionType: { underlying: 'byte', values: {UNKNOWN: 0, SPARSE: 1, DENSE: 2} },
    FullyConnectedOptionsWeightsFormat: { underlying: 'byte', values: {DEFAULT: 0, SHUFFLED4x16INT8: 1} },
    LSTMKernelType: { underlying: 'byte', values: {FULL: 0, BASIC: 1} },
    CombinerType: { underlying: 'byte', values: {SUM: 0, MEAN: 1, SQRTN: 2} },
    MirrorPadMode: { underlying: 'byte', values: {REFLECT: 0, SYMMETRIC: 1} },
    ReduceWindowFunction: { underlying: 'int', values: {UNSUPPORTED: 0, ADD: 1, MUL: 2, MINIMUM: 3, MAXIMUM: 4, ALL: 5, ANY: 6} },
    CustomOptionsFormat: { underlying: 'byte', values: {FLEXBUFFERS: 0} },
  },
  unions: {
    QuantizationDetails: ["NONE","CustomQuantization","BlockwiseQuantization","MultiAxisQuantization"],
    SparseIndexVector: ["NONE","Int32Vector","Uint16Vector","Uint8Vector"],
    BuiltinOptions: ["NONE","Conv2DOptions","DepthwiseConv2DOptions","ConcatEmbeddingsOptions","LSHProjectionOptions","Pool2DOptions","SVDFOptions","RNNOptions","FullyConnectedOptions","SoftmaxOptions","ConcatenationOptions","AddOptions","L2NormOptions","LocalResponseNormalizationOptions","LSTMOptions","ResizeBilinearOptions","CallOptions","ReshapeOptions","SkipGramOptions","SpaceToDepthOptions","EmbeddingLookupSparseOptions","MulOptions","PadOptions","GatherOptions","BatchToSpaceNDOptions","SpaceToBatchNDOptions","TransposeOptions","ReducerOptions","SubOptions","DivOptions","SqueezeOptions","SequenceRNNOptions","StridedSliceOptions","ExpOptions","TopKV2Options","SplitOptions","LogSoftmaxOptions","CastOptions","DequantizeOptions","MaximumMinimumOptions","ArgMaxOptions","LessOptions","NegOptions","PadV2Options","GreaterOptions","GreaterEqualOptions","LessEqualOptions","SelectOptions","SliceOptions","TransposeConvOptions","SparseToDenseOptions","TileOptions","ExpandDimsOptions","EqualOptions","NotEqualOptions","ShapeOptions","PowOptions","ArgMinOptions","FakeQuantOptions","PackOptions","LogicalOrOptions","OneHotOptions","LogicalAndOptions","LogicalNotOptions","UnpackOptions","FloorDivOptions","SquareOptions","ZerosLikeOptions","FillOptions","BidirectionalSequenceLSTMOptions","BidirectionalSequenceRNNOptions","UnidirectionalSequenceLSTMOptions","FloorModOptions","RangeOptions","ResizeNearestNeighborOptions","LeakyReluOptions","SquaredDifferenceOptions","MirrorPadOptions","AbsOptions","SplitVOptions","UniqueOptions","ReverseV2Options","AddNOptions","GatherNdOptions","CosOptions","WhereOptions","RankOptions","ReverseSequenceOptions","MatrixDiagOptions","QuantizeOptions","MatrixSetDiagOptions","HardSwishOptions","IfOptions","WhileOptions","DepthToSpaceOptions","NonMaxSuppressionV4Options","NonMaxSuppressionV5Options","ScatterNdOptions","SelectV2Options","DensifyOptions","SegmentSumOptions","BatchMatMulOptions","CumsumOptions","CallOnceOptions","BroadcastToOptions","Rfft2dOptions","Conv3DOptions","HashtableOptions","HashtableFindOptions","HashtableImportOptions","HashtableSizeOptions","VarHandleOptions","ReadVariableOptions","AssignVariableOptions","RandomOptions","BucketizeOptions","GeluOptions","DynamicUpdateSliceOptions","UnsortedSegmentProdOptions","UnsortedSegmentMaxOptions","UnsortedSegmentMinOptions","UnsortedSegmentSumOptions","ATan2Options","SignOptions","BitcastOptions","BitwiseXorOptions","RightShiftOptions"],
    BuiltinOptions2: ["NONE","StablehloConcatenateOptions","StablehloBroadcastInDimOptions","StablehloSliceOptions","StablehloConvolutionOptions","StablehloCustomCallOptions","StablehloReduceOptions","StablehloScatterOptions","StablehloCompareOptions","StablehloDynamicSliceOptions","StablehloPadOptions","StablehloIotaOptions","StablehloDotGeneralOptions","StablehloReduceWindowOptions","StablehloSortOptions","StablehloWhileOptions","StablehloGatherOptions","StablehloTransposeOptions","DilateOptions","StablehloRngBitGeneratorOptions","ReduceWindowOptions","StableHLOCompositeOptions","StablehloShiftLeftOptions","StablehloCaseOptions"],
  },
};
