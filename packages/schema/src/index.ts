export * from './errors';
export * from './tflite/index';
export * from './tf/index';
export * from './npy';
