// The webgpu backend's name (its own module so that every file can import it without cycles).
export const WEBGPU_BACKEND = 'webgpu';
