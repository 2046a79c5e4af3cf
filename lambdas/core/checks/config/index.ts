export { configRecorderAllResourcesRecording } from './config-recorder-all-resources-recording.js';
