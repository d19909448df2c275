export {
  createOnnxClassifierInstance,
  DEFAULT_THRESHOLDS,
  ONNX_CLASSIFIER_ID,
  onnxClassifierDetector,
  onnxClassifierOptionsSchema,
} from "./onnx-classifier-detector.js";
export { missingRuntimeMessage } from "./runtime.js";
