export { accessanalyzerAnalyzerEnabled } from './accessanalyzer-analyzer-enabled.js';
